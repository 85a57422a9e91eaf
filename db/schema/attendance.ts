import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, real, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { people } from './people.ts';

// Leave (LEV-1…5), overtime (OT-1, OT-2) and attendance (ATT-1…8).

// LEV-1…4: a kind of leave and how much of it a person gets.
export const leaveTypes = sqliteTable(
  'leave_types',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // annual, sick, personal, marriage, maternity, paternity, bereavement, lieu, or custom-…
    code: text().notNull(),
    name: text().notNull(),
    paid: integer({ mode: 'boolean' }).notNull(),
    evidenceRequired: integer('evidence_required', { mode: 'boolean' }).notNull().default(false),
    // 'annual' (LEV-3 bands, pro-rated), 'cap' (a yearly cap), 'event' (days per occasion), 'lieu' (earned by overtime), 'none'
    entitlement: text().notNull(),
    yearlyCapDays: real('yearly_cap_days'),
    // Requests beyond the balance or cap are refused unless the type allows them.
    allowOverBalance: integer('allow_over_balance', { mode: 'boolean' }).notNull().default(false),
    // Maternity leave counts calendar days; annual leave skips rest days and statutory holidays.
    countsCalendarDays: integer('counts_calendar_days', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    archivedOn: text('archived_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('leave_types_code').on(t.code)],
);

// LEV-5: applied for, then approved or rejected; whole or half days.
export const leaveRequests = sqliteTable(
  'leave_requests',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    leaveTypeId: integer('leave_type_id')
      .notNull()
      .references(() => leaveTypes.id),
    startDate: text('start_date').notNull(),
    // 'full' or 'pm' (starts at midday)
    startPart: text('start_part').notNull().default('full'),
    endDate: text('end_date').notNull(),
    // 'full' or 'am' (ends at midday)
    endPart: text('end_part').notNull().default('full'),
    // The leave days it takes from the balance, computed when requested.
    days: real().notNull(),
    reason: text(),
    // LEV-1, LEV-4: that the certificate or other evidence was provided, and what it is.
    evidence: text(),
    status: text({ enum: ['pending', 'approved', 'rejected', 'cancelled'] }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    index('leave_requests_person').on(t.personId, t.startDate),
    index('leave_requests_dates').on(t.startDate, t.endDate),
    check('leave_requests_status', sql`${t.status} in ('pending', 'approved', 'rejected', 'cancelled')`),
    check('leave_requests_order', sql`${t.startDate} <= ${t.endDate}`),
  ],
);

// Corrections and carry-overs of a balance, each with its reason (the ledger explains every number).
export const leaveAdjustments = sqliteTable(
  'leave_adjustments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    leaveTypeId: integer('leave_type_id')
      .notNull()
      .references(() => leaveTypes.id),
    year: integer().notNull(),
    days: real().notNull(),
    reason: text().notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('leave_adjustments_person').on(t.personId, t.year)],
);

// OT-1, OT-2: applied for and approved before it is worked, recorded as worked afterwards.
export const overtimeRequests = sqliteTable(
  'overtime_requests',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    date: text().notNull(),
    startMinute: integer('start_minute').notNull(),
    plannedMinutes: integer('planned_minutes').notNull(),
    reason: text(),
    // 'pay' or 'lieu' (time off in lieu, for rest-day overtime only)
    compensation: text().notNull(),
    // From the calendar when approved: 'workday', 'rest' or 'holiday' — it sets the multiplier.
    dayKind: text('day_kind').notNull(),
    multiplier: real().notNull(),
    status: text({ enum: ['pending', 'approved', 'rejected', 'cancelled'] }).notNull(),
    // Legal cap warnings (3 h a day, 36 h a month) shown and acknowledged, as JSON.
    warnings: text({ mode: 'json' }),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    actualMinutes: integer('actual_minutes'),
    actualRecordedAt: text('actual_recorded_at'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    index('overtime_requests_person').on(t.personId, t.date),
    check('overtime_requests_status', sql`${t.status} in ('pending', 'approved', 'rejected', 'cancelled')`),
  ],
);

// ATT-1: clock records as devices write them, in local wall-clock time (YYYY-MM-DD HH:mm:ss):
// time clocks have no time zone, and all of a department's work happens in China time.
// Corrections void a record and add a new one, each with its reason; nothing is deleted.
export const punches = sqliteTable(
  'punches',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    at: text().notNull(),
    // import, manual
    source: text().notNull(),
    batch: text(),
    device: text(),
    reason: text(),
    voidedAt: text('voided_at'),
    voidReason: text('void_reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('punches_person_at').on(t.personId, t.at), index('punches_at').on(t.at)],
);

// A column mapping remembered for each kind of file (keyed by its headers), so the next import
// from the same time clock maps itself.
export const importProfiles = sqliteTable(
  'import_profiles',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text().notNull(),
    fingerprint: text().notNull(),
    mapping: text({ mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('import_profiles_kind_fingerprint').on(t.kind, t.fingerprint)],
);

// ATT-7: how the supervisor resolved an anomaly of a rostered shift (a missing punch, unapproved
// overtime): never decided by the app on its own.
export const attendanceResolutions = sqliteTable(
  'attendance_resolutions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    date: text().notNull(),
    // missing-punch, unapproved-overtime, …
    kind: text().notNull(),
    // e.g. corrected, absence, excused, approved
    resolution: text().notNull(),
    note: text(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at').notNull(),
    voidedAt: text('voided_at'),
  },
  (t) => [index('attendance_resolutions_person_date').on(t.personId, t.date)],
);

// A month's attendance once closed: one row per person and day as HR is paid from it, so later
// edits of settings or rosters never rewrite a closed month.
export const attendanceMonths = sqliteTable(
  'attendance_months',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    month: text().notNull(),
    status: text({ enum: ['open', 'closed'] }).notNull(),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('attendance_months_month').on(t.month)],
);

export const attendanceDays = sqliteTable(
  'attendance_days',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    month: text().notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    date: text().notNull(),
    // present, late, early, absent, leave, rest, overtime, missing-punch, …
    status: text().notNull(),
    // The full evaluation (shift, punches used, minutes late/early, absence days, leave type,
    // overtime by multiplier, fines and deductions in fen) as JSON.
    detail: text({ mode: 'json' }).notNull(),
  },
  (t) => [uniqueIndex('attendance_days_person_date').on(t.personId, t.date), index('attendance_days_month').on(t.month)],
);
