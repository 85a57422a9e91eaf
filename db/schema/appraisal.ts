import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, real, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { groups, people } from './people.ts';

// Appraisals (APR-1…9).

// APR-1…3: a template version — dimensions with weights, items with weights and a scale, result
// indicators per function with targets, direction and scoring. A version never changes once a
// cycle uses it; editing makes the next version.
export const appraisalTemplates = sqliteTable(
  'appraisal_templates',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // Versions of one template share a key.
    key: text().notNull(),
    name: text().notNull(),
    version: integer().notNull(),
    // Dimensions, items and indicators as JSON (validated by the appraisal contract).
    structure: text({ mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    archivedOn: text('archived_on'),
  },
  (t) => [uniqueIndex('appraisal_templates_key_version').on(t.key, t.version)],
);

// APR-4: a monthly (or quarterly) cycle of the department.
export const appraisalCycles = sqliteTable(
  'appraisal_cycles',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // 2026-03 for a month, 2026-Q1 for a quarter
    period: text().notNull(),
    kind: text({ enum: ['monthly', 'quarterly'] }).notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    templateId: integer('template_id')
      .notNull()
      .references(() => appraisalTemplates.id),
    status: text({ enum: ['open', 'locked'] }).notNull(),
    lockedAt: text('locked_at'),
    lockedBy: text('locked_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('appraisal_cycles_period').on(t.period), check('appraisal_cycles_status', sql`${t.status} in ('open', 'locked')`)],
);

// APR-5…8: one person's appraisal in a cycle, from targets to the locked result.
export const appraisals = sqliteTable(
  'appraisals',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => appraisalCycles.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    // The group and template version of the time (a locked cycle keeps both).
    groupId: integer('group_id').references(() => groups.id),
    templateId: integer('template_id')
      .notNull()
      .references(() => appraisalTemplates.id),
    state: text({ enum: ['draft', 'self-assessed', 'scored', 'consolidated', 'locked'] }).notNull(),
    // Tasks and indicator targets set at the start of the cycle (JSON).
    targets: text({ mode: 'json' }),
    // Item scores per source: { self: {item: score}, superior: {…}, peers: [{by, scores}], customer: number }
    scores: text({ mode: 'json' }),
    // Indicator values, typed or imported from the chat platform's statistics: { indicator: value }
    indicatorValues: text('indicator_values', { mode: 'json' }),
    // The result, computed at consolidation and kept as locked.
    total: real(),
    grade: text(),
    coefficient: real(),
    // Scores by dimension, weakest items (training needs), suggestions, flags (JSON).
    result: text({ mode: 'json' }),
    // The feedback talk: when, who held it, what was agreed (JSON).
    feedback: text({ mode: 'json' }),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('appraisals_cycle_person').on(t.cycleId, t.personId),
    index('appraisals_person').on(t.personId),
    check('appraisals_state', sql`${t.state} in ('draft', 'self-assessed', 'scored', 'consolidated', 'locked')`),
  ],
);

// Who moved an appraisal to which state, when (APR-5).
export const appraisalSteps = sqliteTable(
  'appraisal_steps',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    appraisalId: integer('appraisal_id')
      .notNull()
      .references(() => appraisals.id),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actor: text().notNull(),
    actorName: text('actor_name').notNull(),
    at: text().notNull(),
    note: text(),
  },
  (t) => [index('appraisal_steps_appraisal').on(t.appraisalId)],
);

// APR-8: an unqualified result opens an improvement plan.
export const improvementPlans = sqliteTable(
  'improvement_plans',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    appraisalId: integer('appraisal_id')
      .notNull()
      .references(() => appraisals.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    openedOn: text('opened_on').notNull(),
    goals: text(),
    status: text({ enum: ['open', 'completed', 'failed'] }).notNull(),
    closedOn: text('closed_on'),
    outcome: text(),
  },
  (t) => [index('improvement_plans_person').on(t.personId)],
);

// APR-9: training assessments, retaken until passed.
export const trainingAssessments = sqliteTable(
  'training_assessments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    kind: text({ enum: ['exam', 'practical', 'writeup'] }).notNull(),
    title: text().notNull(),
    takenOn: text('taken_on').notNull(),
    score: real(),
    passed: integer({ mode: 'boolean' }).notNull(),
    // The assessment this one retakes (a failed one).
    retakeOf: integer('retake_of'),
    note: text(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('training_assessments_person').on(t.personId, t.takenOn)],
);

// APR-4: the year-end summary score that joins the twelve monthly results.
export const annualSummaries = sqliteTable(
  'annual_summaries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    year: integer().notNull(),
    summaryScore: real('summary_score').notNull(),
    note: text(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('annual_summaries_person_year').on(t.personId, t.year)],
);
