import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { id, isoDate, requiredText, filePayload, fileOutput, month } from '../ipc/fields.ts';
import { t } from '../i18n/index.ts';
import { isValidIsoDate } from '../time/dates.ts';
import { punchImportFields, anomalyKinds, resolutions, markKeys } from './vocabulary.ts';

// The attendance area (ATT-1…8): clock records (import, manual entry, correction), the month
// judged against the published roster, anomalies the supervisor resolves, ATT-6 flags for HR,
// the monthly attendance sheet (考勤表) on screen and as XLSX, and closing the month.

/** A local wall-clock time as time clocks write it: "2026-03-02 08:57" or "2026-03-02 08:57:12". */
export const clockTime = z
  .string()
  .trim()
  .refine(
    (v) => {
      const m = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(v);
      return m !== null && isValidIsoDate(m[1]!) && m[1]! >= '1950-01-01' && m[1]! <= '2100-12-31';
    },
    { error: () => t('attendance.validation.clockTime') },
  )
  .transform((v) => (v.length === 16 ? `${v}:00` : v));

const dayResult = z.object({
  date: z.string(),
  marks: z.array(z.enum(markKeys)),
  shift: z.object({ code: z.string(), name: z.string(), start: z.string(), end: z.string() }).nullable(),
  in: z.string().nullable(),
  out: z.string().nullable(),
  extra: z.array(z.string()),
  lateSeconds: z.number(),
  earlySeconds: z.number(),
  lateTier: z.enum(['none', 'fine', 'half', 'day']),
  earlyTier: z.enum(['none', 'fine', 'half', 'day']),
  absenceDays: z.number(),
  workedDays: z.number(),
  fines: z.number(),
  fineFen: z.number(),
  deductionFen: z.number().nullable(),
  leave: z.object({ code: z.string(), label: z.string(), days: z.number() }).nullable(),
  overtime: z.array(
    z.object({ minutes: z.number(), multiplier: z.number(), source: z.enum(['request', 'resolution']), planned: z.boolean() }),
  ),
  anomaly: z.object({ kind: z.enum(anomalyKinds), missing: z.enum(['in', 'out']).nullable(), punches: z.array(z.string()) }).nullable(),
  resolution: z
    .object({
      kind: z.enum(anomalyKinds),
      resolution: z.enum(resolutions),
      note: z.string().nullable(),
      decidedBy: z.string(),
      decidedAt: z.string(),
    })
    .nullable(),
  scheduled: z.boolean(),
});
export type DayResultView = z.infer<typeof dayResult>;

const totals = z.object({
  shifts: z.number(),
  workedDays: z.number(),
  lateCount: z.number(),
  lateMinutes: z.number(),
  earlyCount: z.number(),
  earlyMinutes: z.number(),
  absenceDays: z.number(),
  leaveDays: z.record(z.string(), z.number()),
  overtimeMinutes: z.record(z.string(), z.number()),
  fineFen: z.number(),
  absenceDeductionFen: z.number().nullable(),
  totalDeductionFen: z.number().nullable(),
  capFen: z.number().nullable(),
  monthlyWageFen: z.number().nullable(),
  overCap: z.boolean(),
  belowMinimum: z.boolean(),
  openAnomalies: z.number(),
});
export type SheetTotals = z.infer<typeof totals>;

export const anomaly = z.object({
  personId: id,
  employeeNo: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  date: z.string(),
  kind: z.enum(anomalyKinds),
  missing: z.enum(['in', 'out']).nullable(),
  /** The rostered shift: start and end "YYYY-MM-DD HH:mm" (a night shift ends the next day). */
  shift: z.object({ name: z.string(), start: z.string(), end: z.string() }).nullable(),
  punches: z.array(z.string()),
  message: z.string(),
});
export type Anomaly = z.infer<typeof anomaly>;

/** ATT-6: grounds for ending the contract, flagged for HR with the evidence; the app never acts. */
export const flag = z.object({
  personId: id,
  employeeNo: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  kind: z.enum(['consecutive', 'yearly']),
  days: z.number(),
  dates: z.array(z.string()),
  message: z.string(),
});
export type Flag = z.infer<typeof flag>;

export const sheet = z.object({
  month: z.string(),
  groupId: id.nullable(),
  department: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      kind: z.enum(['holiday', 'rest', 'workday', 'ordinary']),
      holidayName: z.string().nullable(),
    }),
  ),
  leaveTypes: z.array(z.object({ code: z.string(), label: z.string(), symbol: z.string() })),
  /** The overtime multipliers in force, for the totals columns. */
  multipliers: z.array(z.number()),
  people: z.array(
    z.object({
      personId: id,
      employeeNo: z.string(),
      name: z.string(),
      groupName: z.string().nullable(),
      /** One per day: the marks joined by "+", with the leave code after "leave:" ("late+overtime", "leave:annual"). */
      cells: z.array(z.string()),
      totals,
      warnings: z.array(z.string()),
    }),
  ),
  anomalies: z.array(anomaly),
  flags: z.array(flag),
  /** Groups whose roster for the month is not published: their days are not judged (ROS-7). */
  unpublished: z.array(z.string()),
  /** Why the month cannot be closed yet; empty when it can. */
  closeBlockers: z.array(z.string()),
});
export type Sheet = z.infer<typeof sheet>;

export const punch = z.object({
  id,
  personId: id,
  employeeNo: z.string(),
  name: z.string(),
  at: z.string(),
  source: z.string(),
  batch: z.string().nullable(),
  device: z.string().nullable(),
  reason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type PunchView = z.infer<typeof punch>;

const errorDetail = z.object({ path: z.string(), message: z.string(), row: z.number().int().optional() });

/** mapping[i] is the field column i feeds, or null to ignore it. */
export const punchImportRequest = z.object({
  file: filePayload,
  mapping: z.array(z.enum(punchImportFields).nullable()).max(200).optional(),
});

export const punchImportPreview = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  mapping: z.array(z.enum(punchImportFields).nullable()),
  /** Whether the mapping came from the last import of a file with the same headers. */
  remembered: z.boolean(),
  samples: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  mappingProblems: z.array(z.string()),
  /** The rows with problems (the first 200; any problem refuses the whole file), or the first rows when all are fine. */
  rows: z.array(
    z.object({ row: z.number().int(), employeeNo: z.string(), name: z.string(), at: z.string(), problems: z.array(errorDetail) }),
  ),
  /** Rows with a problem. */
  problemCount: z.number().int(),
  /** Punches that will be written, and those dropped as duplicates (in the file or already recorded). */
  newPunches: z.number().int(),
  duplicates: z.number().int(),
  /** Employee numbers the department does not know: their rows are listed and not imported. */
  unknown: z.array(z.object({ employeeNo: z.string(), name: z.string(), rows: z.number().int(), firstRow: z.number().int() })),
  from: z.string().nullable(),
  to: z.string().nullable(),
  people: z.number().int(),
});
export type PunchImportPreview = z.infer<typeof punchImportPreview>;

export const attendanceContract = defineArea({
  sheet: { input: z.object({ month, groupId: id.nullable() }), output: sheet },
  /** One person's day: the judgement, every punch around it (voided ones too), the resolutions. */
  day: {
    input: z.object({ personId: id, date: isoDate }),
    output: z.object({
      personId: id,
      name: z.string(),
      result: dayResult.nullable(),
      punches: z.array(punch),
      resolutions: z.array(
        z.object({
          id,
          kind: z.string(),
          resolution: z.string(),
          note: z.string().nullable(),
          decidedBy: z.string(),
          decidedAt: z.string(),
          voidedAt: z.string().nullable(),
        }),
      ),
    }),
  },
  punches: {
    input: z.object({
      from: isoDate,
      to: isoDate,
      personId: id.optional(),
      groupId: id.nullable().optional(),
      includeVoided: z.boolean().optional(),
    }),
    output: z.object({ rows: z.array(punch), truncated: z.boolean() }),
  },
  importPreview: { input: punchImportRequest, output: punchImportPreview },
  importCommit: {
    input: punchImportRequest,
    output: z.object({ created: z.number().int(), duplicates: z.number().int(), unknown: z.number().int(), batch: z.string() }),
  },
  /** ATT-1: a punch entered by hand, with its reason. */
  addPunch: { input: z.object({ personId: id, at: clockTime, reason: requiredText(200) }), output: punch },
  /** A correction: the punch is voided (kept, with the reason) and, when a time is given, replaced. */
  correctPunch: {
    input: z.object({ id, at: clockTime.nullable(), reason: requiredText(200) }),
    output: z.object({ voided: punch, added: punch.nullable() }),
  },
  /** ATT-7: the supervisor resolves an anomaly; a missing punch is corrected (with the time) or counted as absence. */
  resolve: {
    input: z.object({
      personId: id,
      date: isoDate,
      kind: z.enum(anomalyKinds),
      resolution: z.enum(resolutions),
      /** corrected: the time of the missing punch. */
      at: clockTime.nullable(),
      note: requiredText(200),
    }),
    output: z.object({ result: dayResult.nullable() }),
  },
  /** Closes the month (the whole department) once no anomaly is open; the results are kept as HR was paid. */
  closeMonth: { input: z.object({ month }), output: z.object({ month, days: z.number().int(), closedAt: z.string() }) },
  reopenMonth: { input: z.object({ month, reason: requiredText(200) }), output: z.object({ month }) },
  /** ATT-6 flags of a year, with the evidence. */
  flags: { input: z.object({ year: z.number().int().min(2000).max(2100) }), output: z.array(flag) },
  exportXlsx: { input: z.object({ month, groupId: id.nullable() }), output: fileOutput },
});
