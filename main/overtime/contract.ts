import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { id, isoDate, optionalText, month } from '../ipc/fields.ts';

// The overtime area (OT-1, OT-2): applied for and approved before it is worked, recorded as
// worked afterwards; the calendar gives the multiplier; the legal caps warn.

const minuteOfDay = z.number().int().min(0).max(1439);
/** Minutes of overtime on one day: at least a quarter of an hour, at most 12 hours. */
const overtimeMinutes = z.number().int().min(15).max(720);
export const dayKinds = ['workday', 'rest', 'holiday'] as const;
export const compensations = ['pay', 'lieu'] as const;
export const overtimeStatuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;

export const overtimeDraft = z.object({
  personId: id,
  date: isoDate,
  startMinute: minuteOfDay,
  plannedMinutes: overtimeMinutes,
  compensation: z.enum(compensations),
});
export type OvertimeDraft = z.output<typeof overtimeDraft>;

const warning = z.object({ kind: z.enum(['daily', 'monthly', 'late']), hours: z.number(), cap: z.number(), message: z.string() });

export const overtimeCheck = z.object({
  dayKind: z.enum(dayKinds),
  multiplier: z.number(),
  /** The calendar's name for the date (国庆节, 调休上班…), or null for an ordinary day. */
  dayName: z.string().nullable(),
  warnings: z.array(warning),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type OvertimeCheck = z.infer<typeof overtimeCheck>;

export const overtimeRequest = z.object({
  id,
  personId: id,
  personName: z.string(),
  employeeNo: z.string(),
  groupName: z.string().nullable(),
  date: z.string(),
  startMinute: z.number().int(),
  plannedMinutes: z.number().int(),
  reason: z.string().nullable(),
  compensation: z.enum(compensations),
  dayKind: z.enum(dayKinds),
  multiplier: z.number(),
  status: z.enum(overtimeStatuses),
  /** The cap warnings shown and acknowledged when it was approved. */
  warnings: z.array(warning),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  actualMinutes: z.number().int().nullable(),
  actualRecordedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type OvertimeRequestView = z.infer<typeof overtimeRequest>;

export const overtimeContract = defineArea({
  list: {
    input: z.object({
      month: month.optional(),
      personId: id.optional(),
      groupId: id.nullable().optional(),
      status: z.enum(overtimeStatuses).optional(),
    }),
    output: z.array(overtimeRequest),
  },
  /** The day's kind and multiplier, and the cap warnings, before a request is made. */
  check: { input: overtimeDraft, output: overtimeCheck },
  /** OT-1: applied for before it is worked. */
  request: { input: overtimeDraft.extend({ reason: optionalText(200) }), output: overtimeRequest },
  /** OT-1: approve (cap warnings must be acknowledged), or reject with a reason. */
  decide: {
    input: z.object({ id, approve: z.boolean(), reason: optionalText(200), acknowledgeWarnings: z.boolean() }),
    output: overtimeRequest,
  },
  cancel: { input: z.object({ id, reason: optionalText(200) }), output: overtimeRequest },
  /** OT-2: the hours actually worked, recorded afterwards. */
  recordActual: { input: z.object({ id, actualMinutes: z.number().int().min(0).max(720) }), output: overtimeRequest },
});
