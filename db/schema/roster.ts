import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { groups, people } from './people.ts';

// ROS-3: a kind of shift. Times are minutes from midnight; end < start means it crosses midnight
// and the shift belongs to the day it starts.
export const shiftTypes = sqliteTable(
  'shift_types',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // The letter typed in the grid (E, L, N, …).
    code: text().notNull(),
    name: text().notNull(),
    color: text().notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    paidMinutes: integer('paid_minutes').notNull(),
    breakMinutes: integer('break_minutes').notNull().default(0),
    // JSON array of the functions (ORG-2) that may work it; null means everyone.
    functions: text({ mode: 'json' }).$type<string[] | null>(),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedOn: text('archived_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('shift_types_code').on(t.code),
    check(
      'shift_types_minutes',
      sql`${t.startMinute} between 0 and 1439 and ${t.endMinute} between 0 and 1439 and ${t.paidMinutes} >= 0 and ${t.breakMinutes} >= 0`,
    ),
  ],
);

// ROS-1: the minimum people on a shift, for a group or the whole department (group_id null), by
// weekday (0 = Sunday) or for one date (an override), optionally for one function only.
export const coverage = sqliteTable(
  'coverage',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupId: integer('group_id').references(() => groups.id),
    shiftTypeId: integer('shift_type_id')
      .notNull()
      .references(() => shiftTypes.id),
    weekday: integer(),
    onDate: text('on_date'),
    function: text(),
    minPeople: integer('min_people').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('coverage_scope').on(t.groupId, t.shiftTypeId),
    check('coverage_when', sql`(${t.weekday} is null) <> (${t.onDate} is null)`),
    check('coverage_weekday', sql`${t.weekday} is null or ${t.weekday} between 0 and 6`),
    check('coverage_min', sql`${t.minPeople} >= 0`),
  ],
);

// ROS-5: the official calendar, one row per date that is not an ordinary day of its weekday:
// a statutory holiday, a swapped rest day, or a make-up workday (调休上班).
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    date: text().primaryKey(),
    kind: text({ enum: ['holiday', 'rest', 'workday'] }).notNull(),
    name: text().notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('calendar_days_kind', sql`${t.kind} in ('holiday', 'rest', 'workday')`)],
);

// Which years have a calendar at all; a year without a row falls back to weekends only.
export const calendarYears = sqliteTable('calendar_years', {
  year: integer().primaryKey(),
  source: text().notNull(),
  updatedAt: text('updated_at').notNull(),
});

// One cell of the roster: a person works a shift on a date, or (shift_type_id null) is
// deliberately off. Locked cells are kept by the auto-scheduler.
export const assignments = sqliteTable(
  'assignments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    date: text().notNull(),
    shiftTypeId: integer('shift_type_id').references(() => shiftTypes.id),
    locked: integer({ mode: 'boolean' }).notNull().default(false),
    // manual, auto, pattern, copy, swap, handover
    source: text().notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('assignments_person_date').on(t.personId, t.date),
    // Covers the month query (date range → person, shift, lock) without touching the table.
    index('assignments_date_cover').on(t.date, t.personId, t.shiftTypeId, t.locked),
  ],
);

// ROS-7: a group's month is a draft until published; publishing with open problems is recorded.
export const rosterMonths = sqliteTable(
  'roster_months',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    // YYYY-MM
    month: text().notNull(),
    status: text({ enum: ['draft', 'published'] }).notNull(),
    publishedAt: text('published_at'),
    publishedBy: text('published_by'),
    // The problems the publisher saw and chose to publish anyway (JSON), with their note.
    publishedWithIssues: text('published_with_issues', { mode: 'json' }),
    publishNote: text('publish_note'),
    // ROS-8: the cells as last received from the supervisor, the base of a hand-over (JSON).
    handoverBase: text('handover_base', { mode: 'json' }),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('roster_months_group_month').on(t.groupId, t.month),
    check('roster_months_status', sql`${t.status} in ('draft', 'published')`),
  ],
);

// ROS-2: a swap between two people, or a shift given away; it changes the roster only once the
// group leader approves it.
export const swapRequests = sqliteTable(
  'swap_requests',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: ['swap', 'give'] }).notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    date: text().notNull(),
    otherPersonId: integer('other_person_id')
      .notNull()
      .references(() => people.id),
    // The other person's date for a swap; null when the shift is given away.
    otherDate: text('other_date'),
    reason: text(),
    status: text({ enum: ['pending', 'approved', 'rejected', 'cancelled'] }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    index('swap_requests_date').on(t.date),
    check('swap_requests_status', sql`${t.status} in ('pending', 'approved', 'rejected', 'cancelled')`),
  ],
);

// Wishes the auto-scheduler weighs: to work (on) or not to work (off) a shift (or any shift) on a date.
export const rosterWishes = sqliteTable(
  'roster_wishes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    date: text().notNull(),
    shiftTypeId: integer('shift_type_id').references(() => shiftTypes.id),
    kind: text({ enum: ['on', 'off'] }).notNull(),
    weight: integer().notNull().default(1),
    note: text(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('roster_wishes_date').on(t.date), check('roster_wishes_kind', sql`${t.kind} in ('on', 'off')`)],
);

// ROS-6: a demand profile and its parameters, kept so the coverage it produced can be explained.
export const staffingPlans = sqliteTable('staffing_plans', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  params: text({ mode: 'json' }).notNull(),
  demand: text({ mode: 'json' }).notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
