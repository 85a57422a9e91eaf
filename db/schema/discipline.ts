import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { people } from './people.ts';
import { ruleDocuments } from './settings.ts';

// Discipline, rewards, the 乐捐 fund (DIS-1…5), promotions (PRO-1…5) and the HR flag list.

export const sanctionKinds = ['warning', 'demerit', 'major-demerit', 'demotion', 'pay-cut', 'termination-review', 'fine'] as const;

// DIS-3: the violation catalogue, each entry tied to the published rule version it comes from.
// A violation dated before its rule's publication is refused (LAW: rules bind once published).
export const violationTypes = sqliteTable(
  'violation_types',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // DIS-3.1 … DIS-3.18, ATT-2 … ATT-8, CONF-… ; versions of one entry share the code.
    code: text().notNull(),
    version: integer().notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    ruleDocumentId: integer('rule_document_id')
      .notNull()
      .references(() => ruleDocuments.id),
    defaultSanction: text('default_sanction').notNull(),
    defaultAmountFen: integer('default_amount_fen'),
    archivedOn: text('archived_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('violation_types_code_version').on(t.code, t.version)],
);

// DIS-1, DIS-5: a sanction. Voided records stay visible and stop counting. Sanctions made by
// closing an attendance month carry a source key, unique, so one breach is never counted twice.
export const sanctions = sqliteTable(
  'sanctions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    date: text().notNull(),
    violationTypeId: integer('violation_type_id')
      .notNull()
      .references(() => violationTypes.id),
    sanction: text().notNull(),
    amountFen: integer('amount_fen'),
    evidence: text(),
    // manual, attendance
    source: text().notNull(),
    sourceKey: text('source_key'),
    status: text({ enum: ['active', 'appealed', 'voided'] }).notNull(),
    appealNote: text('appeal_note'),
    voidReason: text('void_reason'),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('sanctions_person_date').on(t.personId, t.date),
    uniqueIndex('sanctions_source_key').on(t.sourceKey),
    check('sanctions_status', sql`${t.status} in ('active', 'appealed', 'voided')`),
  ],
);

// DIS-4: a reward through its steps: recommended → application → HR review → leadership approval.
export const rewards = sqliteTable(
  'rewards',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    // honour, bonus, promotion, training
    kind: text().notNull(),
    // excellent-employee, innovation, service-star, or free text for other kinds
    title: text().notNull(),
    amountFen: integer('amount_fen'),
    reason: text().notNull(),
    status: text({ enum: ['recommended', 'applied', 'reviewed', 'approved', 'rejected', 'voided'] }).notNull(),
    // The application form's content (JSON).
    application: text({ mode: 'json' }),
    date: text().notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('rewards_person').on(t.personId, t.date)],
);

// The steps of a reward or a promotion application: who, when, decision and note.
export const approvalSteps = sqliteTable(
  'approval_steps',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // reward, promotion
    subject: text().notNull(),
    subjectId: integer('subject_id').notNull(),
    step: text().notNull(),
    decision: text().notNull(),
    actor: text().notNull(),
    actorName: text('actor_name').notNull(),
    at: text().notNull(),
    note: text(),
  },
  (t) => [index('approval_steps_subject').on(t.subject, t.subjectId)],
);

// DIS-2: the 乐捐 fund's ledger; amounts in fen, positive in, negative out. A closed month is
// locked: corrections go into the next month as adjustments.
export const fundEntries = sqliteTable(
  'fund_entries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    month: text().notNull(),
    date: text().notNull(),
    // fine-paid, reward-paid, spending, adjustment
    kind: text().notNull(),
    amountFen: integer('amount_fen').notNull(),
    personId: integer('person_id').references(() => people.id),
    sanctionId: integer('sanction_id').references(() => sanctions.id),
    rewardId: integer('reward_id').references(() => rewards.id),
    note: text(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('fund_entries_month').on(t.month), uniqueIndex('fund_entries_sanction').on(t.sanctionId)],
);

export const fundMonths = sqliteTable(
  'fund_months',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    month: text().notNull(),
    openingFen: integer('opening_fen').notNull(),
    closingFen: integer('closing_fen').notNull(),
    closedAt: text('closed_at').notNull(),
    closedBy: text('closed_by').notNull(),
  },
  (t) => [uniqueIndex('fund_months_month').on(t.month)],
);

// PRO-1…5: an application for a role, with its checks at the time and its approval steps.
export const promotions = sqliteTable(
  'promotions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    fromRole: text('from_role').notNull(),
    toRole: text('to_role').notNull(),
    // PRO-1: an exceptional skip-level promotion, recorded as such with its justification.
    skipLevel: integer('skip_level', { mode: 'boolean' }).notNull().default(false),
    exceptionNote: text('exception_note'),
    appliedOn: text('applied_on').notNull(),
    // The eligibility as computed on the application date (JSON): kept with the decision.
    eligibility: text({ mode: 'json' }).notNull(),
    status: text({ enum: ['applied', 'approved', 'rejected', 'withdrawn'] }).notNull(),
    effectiveOn: text('effective_on'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('promotions_person').on(t.personId)],
);

// A person's role over time (ORG-1): changed only by an approved promotion or an edit, each dated.
export const roleChanges = sqliteTable(
  'role_changes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    fromRole: text('from_role').notNull(),
    toRole: text('to_role').notNull(),
    effectiveOn: text('effective_on').notNull(),
    promotionId: integer('promotion_id').references(() => promotions.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('role_changes_person').on(t.personId, t.effectiveOn)],
);

// Everything the rules say HR must look at (ATT-6, APR-8, termination reviews), with evidence.
export const hrFlags = sqliteTable(
  'hr_flags',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // absence-consecutive, absence-yearly, unqualified-twice, termination-review
    kind: text().notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    // Identifies the finding so it is raised once (e.g. "absence-yearly:2026:12").
    key: text().notNull(),
    evidence: text({ mode: 'json' }).notNull(),
    status: text({ enum: ['open', 'sent', 'closed'] }).notNull(),
    note: text(),
    raisedAt: text('raised_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('hr_flags_key').on(t.key), check('hr_flags_status', sql`${t.status} in ('open', 'sent', 'closed')`)],
);
