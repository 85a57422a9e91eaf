import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

// Every write records who, when, which record, before and after — in the same transaction.
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: text().notNull(),
    // 'supervisor' or 'person:<id>' for a named group leader.
    actor: text().notNull(),
    actorName: text('actor_name').notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text('entity_id').notNull(),
    before: text({ mode: 'json' }),
    after: text({ mode: 'json' }),
    // Ties the entries of one multi-record write (an import) together.
    batch: text(),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId), index('audit_log_at').on(t.at)],
);
