import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { id, isoDate, requiredText, optionalText, filePayload, fileOutput, month } from '../ipc/fields.ts';
import { functions } from '../people/vocabulary.ts';
import { t } from '../i18n/index.ts';

// The roster area (ROS-1…8): shift types, coverage, the holiday calendar, the month grid,
// publishing, swaps, the auto-scheduler, staffing from demand, hand-over files and exports.

const minuteOfDay = z.number().int().min(0).max(1439);
const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
/** null: the whole department; a group id: that group. */
const scope = id.nullable();

// ---- shift types (ROS-3) ----

export const shiftTypeInput = z.object({
  id: id.optional(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]$/, { error: () => t('validation.shiftCode') }),
  name: requiredText(20),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: () => t('validation.color') }),
  startMinute: minuteOfDay,
  endMinute: minuteOfDay,
  paidMinutes: minutes,
  breakMinutes: minutes,
  /** Functions (ORG-2) that may work it; null for everyone. */
  functions: z.array(z.enum(functions)).min(1).nullable(),
});
export const shiftType = shiftTypeInput.extend({ id, sortOrder: z.number().int(), archivedOn: z.string().nullable() });
export type ShiftType = z.infer<typeof shiftType>;

// ---- coverage (ROS-1) ----

export const coverageRow = z.object({
  shiftTypeId: id,
  /** 0 = Sunday … 6 = Saturday, or null for a one-date override. */
  weekday: z.number().int().min(0).max(6).nullable(),
  onDate: isoDate.nullable(),
  function: z.enum(functions).nullable(),
  minPeople: z.number().int().min(0).max(999),
});
export type CoverageRow = z.infer<typeof coverageRow>;

// ---- calendar (ROS-5) ----

export const calendarKinds = ['holiday', 'rest', 'workday'] as const;
export const calendarDay = z.object({ date: isoDate, kind: z.enum(calendarKinds), name: requiredText(20) });
export type CalendarDay = z.infer<typeof calendarDay>;
export const calendarYear = z.object({
  year: z.number().int(),
  /** Where the year's table came from; null when the year has no data and falls back to weekends. */
  source: z.enum(['official', 'import', 'manual']).nullable(),
  days: z.array(calendarDay),
});

// ---- the month grid ----

/** A cell value: a shift type id, 'rest' for a deliberate day off, or null for an empty cell. */
export const cellValue = z.union([id, z.literal('rest')]).nullable();
export type CellValue = z.infer<typeof cellValue>;

export const cellChange = z.object({ personId: id, date: isoDate, value: cellValue });
export type CellChange = z.infer<typeof cellChange>;

export const monthDay = z.object({
  date: z.string(),
  /** 0 = Sunday … 6 = Saturday */
  weekday: z.number().int(),
  /** From the calendar: a statutory holiday, a swapped rest day, a make-up workday, or ordinary. */
  kind: z.enum(['holiday', 'rest', 'workday', 'ordinary']),
  holidayName: z.string().nullable(),
});

export const monthPerson = z.object({
  id,
  employeeNo: z.string(),
  name: z.string(),
  groupId: id.nullable(),
  role: z.string(),
  function: z.string(),
  /** Days outside the person's employment (before hire, after leaving) cannot hold shifts. */
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
});

/**
 * Everything the grid needs for one month, loaded in one call (ROS-1, ROS-4, ROS-5, LEV-5):
 * people, cells (including the seven days before and after the month, for rest and
 * seven-day rules across month boundaries), leave, requirements per day and shift, and the
 * rule settings in force.
 */
export const monthView = z.object({
  month: z.string(),
  groupId: scope,
  days: z.array(monthDay),
  /** Days before and after the month whose cells are included for rule checks. */
  context: z.object({ from: z.string(), to: z.string() }),
  calendarWarning: z.string().nullable(),
  people: z.array(monthPerson),
  shiftTypes: z.array(shiftType),
  /** [personId, date, shiftTypeId | 'rest', locked] for every non-empty cell from context.from to context.to. */
  cells: z.array(z.tuple([id, z.string(), z.union([id, z.literal('rest')]), z.boolean()])),
  /** Approved leave that takes a person out of coverage (LEV-5); empty until leave exists. */
  leave: z.array(z.object({ personId: id, date: z.string(), kind: z.string(), label: z.string() })),
  /** The requirement in force per date and shift (overrides applied), per function when set. */
  requirements: z.array(z.object({ date: z.string(), shiftTypeId: id, function: z.string().nullable(), minPeople: z.number().int() })),
  rules: z.object({
    minRestMinutes: z.number(),
    maxConsecutiveDays: z.number(),
    dailyHours: z.number(),
    weeklyHours: z.number(),
  }),
  groups: z.array(z.object({ id, name: z.string(), status: z.enum(['draft', 'published']), publishedAt: z.string().nullable() })),
});
export type MonthView = z.infer<typeof monthView>;

/** A rule break where it happens, explained in plain language (ROS-1, ROS-4). */
export const rosterIssue = z.object({
  rule: z.string(),
  /** ROS-1 coverage short, ROS-4 rest/seven-day/consecutive/hours/succession, and so on. */
  ruleId: z.string(),
  personId: id.nullable(),
  date: z.string(),
  shiftTypeId: id.nullable(),
  message: z.string(),
});
export type RosterIssue = z.infer<typeof rosterIssue>;

// ---- swaps (ROS-2) ----

export const swapRequest = z.object({
  id,
  kind: z.enum(['swap', 'give']),
  personId: id,
  personName: z.string(),
  date: z.string(),
  otherPersonId: id,
  otherPersonName: z.string(),
  otherDate: z.string().nullable(),
  reason: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** What approving would do: coverage, rest and leave checks (empty when nothing is wrong). */
  checks: z.array(rosterIssue),
});
export type SwapRequest = z.infer<typeof swapRequest>;

// ---- auto-scheduler ----

export const scheduleJob = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  elapsedMs: z.number(),
  bestPenalty: z.number().nullable(),
  valid: z.boolean(),
  message: z.string().nullable(),
  /** When done: the cells it proposes and why the remaining penalty is what it is. */
  result: z
    .object({
      changes: z.array(cellChange),
      penalty: z.number(),
      explanation: z.array(z.object({ kind: z.string(), message: z.string(), penalty: z.number() })),
      hardViolations: z.array(z.string()),
    })
    .nullable(),
});
export type ScheduleJob = z.infer<typeof scheduleJob>;

// ---- staffing from demand (ROS-6) ----

export const staffingParams = z.object({
  intervalMinutes: z.number().int().min(5).max(120),
  /** Average handling time in seconds. */
  handlingSeconds: z.number().positive().max(36_000),
  /** Conversations a chat agent serves at once (1 for calls). */
  concurrency: z.number().positive().max(20),
  serviceLevelPercent: z.number().min(1).max(99.9),
  serviceLevelSeconds: z.number().positive().max(3600),
  maxOccupancyPercent: z.number().min(1).max(100),
  shrinkagePercent: z.number().min(0).max(90),
});
export type StaffingParams = z.infer<typeof staffingParams>;
export const demandInterval = z.object({
  date: isoDate.nullable(),
  weekday: z.number().int().min(0).max(6).nullable(),
  startMinute: minuteOfDay,
  contacts: z.number().min(0),
});
export const staffingInterval = demandInterval.extend({
  agents: z.number().int(),
  scheduled: z.number().int(),
  serviceLevel: z.number(),
  waitProbability: z.number(),
  occupancy: z.number(),
});

// ---- hand-over (ROS-8) ----

export const handoverCell = z.object({
  personId: id.nullable(),
  employeeNo: z.string(),
  name: z.string(),
  date: z.string(),
  base: z.string().nullable(),
  file: z.string().nullable(),
  current: z.string().nullable(),
  change: z.enum(['added', 'changed', 'removed']),
  /** Changed here since the file's base as well: shown, never taken silently. */
  conflict: z.boolean(),
});

export const rosterContract = defineArea({
  shiftTypes: { input: z.object({}), output: z.array(shiftType) },
  saveShiftType: { input: shiftTypeInput, output: shiftType },
  archiveShiftType: { input: z.object({ id }), output: shiftType },

  coverage: { input: z.object({ groupId: scope }), output: z.array(coverageRow.extend({ id })) },
  /** Replaces the scope's requirements as a whole (all or nothing). */
  saveCoverage: { input: z.object({ groupId: scope, rows: z.array(coverageRow).max(2000) }), output: z.array(coverageRow.extend({ id })) },

  calendar: { input: z.object({ year: z.number().int().min(2000).max(2100) }), output: calendarYear },
  /** Copies the official calendar shipped with the app (chinese-days) into the editable table. */
  loadOfficialCalendar: { input: z.object({ year: z.number().int().min(2000).max(2100) }), output: calendarYear },
  saveCalendar: {
    input: z.object({ year: z.number().int().min(2000).max(2100), days: z.array(calendarDay).max(366) }),
    output: calendarYear,
  },
  importCalendar: { input: z.object({ file: filePayload }), output: z.array(calendarYear) },

  month: { input: z.object({ month, groupId: scope }), output: monthView },
  /** Sets, rests or clears cells in one transaction; an empty list is allowed and changes nothing. */
  setCells: {
    input: z.object({ changes: z.array(cellChange).max(20_000), source: z.enum(['manual', 'pattern', 'copy', 'auto', 'undo']) }),
    output: z.object({ changed: z.number().int() }),
  },
  lockCells: {
    input: z.object({ cells: z.array(z.object({ personId: id, date: isoDate })).max(20_000), locked: z.boolean() }),
    output: z.object({ changed: z.number().int() }),
  },
  /** Every rule break in the month (ROS-1, ROS-4), as publishing sees it. */
  check: { input: z.object({ month, groupId: scope }), output: z.array(rosterIssue) },
  /** ROS-7: publishing with open issues needs acknowledgeIssues and is recorded. */
  publish: {
    input: z.object({ month, groupId: id, acknowledgeIssues: z.boolean(), note: optionalText(300) }),
    output: z.object({ publishedAt: z.string(), issues: z.array(rosterIssue) }),
  },
  /** ROS-7: what changed after publishing, who and when. */
  changeLog: {
    input: z.object({ month, groupId: scope }),
    output: z.array(
      z.object({
        at: z.string(),
        actorName: z.string(),
        personId: id,
        personName: z.string(),
        date: z.string(),
        before: z.string().nullable(),
        after: z.string().nullable(),
        source: z.string(),
      }),
    ),
  },

  wishes: {
    input: z.object({ month }),
    output: z.array(
      z.object({
        id,
        personId: id,
        date: z.string(),
        shiftTypeId: id.nullable(),
        kind: z.enum(['on', 'off']),
        weight: z.number().int(),
        note: z.string().nullable(),
      }),
    ),
  },
  saveWish: {
    input: z.object({
      personId: id,
      date: isoDate,
      shiftTypeId: id.nullable(),
      kind: z.enum(['on', 'off']),
      weight: z.number().int().min(1).max(10),
      note: optionalText(100),
    }),
    output: z.object({ id }),
  },
  removeWish: { input: z.object({ id }), output: z.object({ id }) },

  swaps: {
    input: z.object({ month: month.optional(), status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional() }),
    output: z.array(swapRequest),
  },
  requestSwap: {
    input: z.object({
      kind: z.enum(['swap', 'give']),
      personId: id,
      date: isoDate,
      otherPersonId: id,
      otherDate: isoDate.nullable(),
      reason: optionalText(200),
    }),
    output: swapRequest,
  },
  decideSwap: { input: z.object({ id, approve: z.boolean(), reason: optionalText(200) }), output: swapRequest },
  cancelSwap: { input: z.object({ id, reason: optionalText(200) }), output: swapRequest },

  autoSchedule: {
    input: z.object({
      month,
      groupId: scope,
      seconds: z.number().int().min(1).max(600),
      fillGapsOnly: z.boolean(),
      seed: z.number().int().optional(),
    }),
    output: scheduleJob,
  },
  scheduleJob: { input: z.object({ id: z.string() }), output: scheduleJob },
  cancelSchedule: { input: z.object({ id: z.string() }), output: scheduleJob },

  staffing: { input: z.object({ params: staffingParams, demand: z.array(demandInterval).max(20_000) }), output: z.array(staffingInterval) },
  importDemand: { input: z.object({ file: filePayload }), output: z.array(demandInterval) },
  /** Turns the agents needed per interval into coverage rows per shift, for review before saving. */
  coverageFromStaffing: {
    input: z.object({ params: staffingParams, demand: z.array(demandInterval).max(20_000), groupId: scope }),
    output: z.array(coverageRow),
  },

  exportHandover: { input: z.object({ month, groupId: id }), output: fileOutput },
  previewHandover: {
    input: z.object({ file: filePayload }),
    output: z.object({
      month: z.string(),
      groupId: id,
      groupName: z.string(),
      exportedBy: z.string(),
      exportedAt: z.string(),
      cells: z.array(handoverCell),
    }),
  },
  /** Takes all the file's changes, or only the listed cells ("personId:date"). */
  applyHandover: {
    input: z.object({
      file: filePayload,
      accept: z.union([z.literal('all'), z.array(z.string().regex(/^\d+:\d{4}-\d{2}-\d{2}$/)).max(20_000)]),
    }),
    output: z.object({ changed: z.number().int() }),
  },

  exportXlsx: { input: z.object({ month, groupId: scope }), output: fileOutput },
});
