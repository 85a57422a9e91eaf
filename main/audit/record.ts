import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import type { Sqlite } from '../../db/connection.ts';
import type { Statement } from 'better-sqlite3';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  batch?: string;
}

const statements = new WeakMap<Sqlite, Statement<unknown[]>>();

function insertStatement(sqlite: Sqlite) {
  let statement = statements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<unknown[]>(
      'insert into audit_log (at, actor, actor_name, action, entity, entity_id, before, after, batch) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    statements.set(sqlite, statement);
  }
  return statement;
}

/** Adds one audit row; call it inside the transaction of the write it describes. */
export function recordAudit(ctx: Ctx, entry: AuditEntry, at = nowIso()): void {
  insertStatement(ctx.store.sqlite).run(
    at,
    ctx.actor.id,
    ctx.actor.name,
    entry.action,
    entry.entity,
    String(entry.entityId),
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    entry.batch ?? null,
  );
}

/**
 * Runs a write and its audit rows as one transaction: either all of it lands or none of it.
 * Every service that changes data goes through here.
 */
export function audited<T>(ctx: Ctx, write: (audit: (entry: AuditEntry) => void) => T): T {
  const at = nowIso();
  return ctx.store.sqlite.transaction(() => write((entry) => recordAudit(ctx, entry, at)))();
}
