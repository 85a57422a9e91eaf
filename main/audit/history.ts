import type { Ctx } from '../app/context.ts';
import type { AuditEntryView } from './contract.ts';

// Fields that change on every write and say nothing to the reader.
const noise = new Set(['updatedAt', 'createdAt']);

/** The fields that differ between before and after, for a readable history. */
export function diffFields(before: unknown, after: unknown): AuditEntryView['changes'] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys]
    .filter((k) => !noise.has(k) && JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

export function auditHistory(ctx: Ctx, entity: string, entityId: string | number): AuditEntryView[] {
  const rows = ctx.store.sqlite
    .prepare(
      'select id, at, actor, actor_name as actorName, action, before, after from audit_log where entity = ? and entity_id = ? order by id desc',
    )
    .all(entity, String(entityId)) as Array<{
    id: number;
    at: string;
    actor: string;
    actorName: string;
    action: string;
    before: string | null;
    after: string | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    actorName: r.actorName,
    action: r.action,
    changes: diffFields(r.before && JSON.parse(r.before), r.after && JSON.parse(r.after)),
  }));
}
