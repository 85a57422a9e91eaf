import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  batch?: string;
}

/** Adds one audit row; call it inside the transaction of the write it describes. */
export function recordAudit(ctx: Ctx, entry: AuditEntry, at = nowIso()): void {
  statement(
    ctx.store.sqlite,
    'insert into audit_log (at, actor, actor_name, action, entity, entity_id, before, after, batch) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
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
