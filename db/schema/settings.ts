import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

// A version of a company rulebook or of a law. A rule binds staff only once published, so
// every setting value says which published version it comes from and from when it applies.
export const ruleDocuments = sqliteTable(
  'rule_documents',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    title: text().notNull(),
    version: text().notNull(),
    publishedOn: text('published_on').notNull(),
    note: text(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('rule_documents_code_version').on(t.code, t.version)],
);

// The history of every editable default: rows are added, never changed. The value in force on a
// date is the newest row, not voided, with effective_from on or before that date.
export const settingValues = sqliteTable(
  'setting_values',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    key: text().notNull(),
    value: text({ mode: 'json' }).notNull(),
    ruleDocumentId: integer('rule_document_id')
      .notNull()
      .references(() => ruleDocuments.id),
    effectiveFrom: text('effective_from').notNull(),
    note: text(),
    createdAt: text('created_at').notNull(),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
  },
  (t) => [index('setting_values_key').on(t.key, t.effectiveFrom)],
);
