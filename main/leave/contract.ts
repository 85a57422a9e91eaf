import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { id, isoDate, requiredText, optionalText } from '../ipc/fields.ts';
import { t } from '../i18n/index.ts';
import { entitlements, startParts, endParts, requestStatuses } from './vocabulary.ts';

// The leave area (LEV-1…5): leave types and balances, requests with what they do to the roster's
// coverage (ROS-1), decisions and cancellations.

const year = z.number().int().min(2000).max(2100);
/** Days of leave: whole or half days. */
const halfDays = z
  .number()
  .min(-366)
  .max(366)
  .refine((d) => Number.isInteger(d * 2), { error: () => t('leave.validation.halfDays') })
  .refine((d) => d !== 0, { error: () => t('leave.validation.nonZero') });

export const leaveType = z.object({
  id,
  code: z.string(),
  name: z.string(),
  /** The name in the user's language (default types are translated; custom ones keep their name). */
  label: z.string(),
  /** The one-character mark in the attendance sheet. */
  symbol: z.string(),
  paid: z.boolean(),
  evidenceRequired: z.boolean(),
  entitlement: z.enum(entitlements),
  yearlyCapDays: z.number().nullable(),
  allowOverBalance: z.boolean(),
  countsCalendarDays: z.boolean(),
  sortOrder: z.number().int(),
  archivedOn: z.string().nullable(),
  /** The days one occasion grants (event types) under the settings in force today, else null. */
  eventDays: z.number().nullable(),
  /** The yearly cap in force today (cap types: their own number or the setting), else null. */
  capDays: z.number().nullable(),
});
export type LeaveType = z.infer<typeof leaveType>;

export const leaveTypeInput = z.object({
  id: id.optional(),
  name: requiredText(20),
  paid: z.boolean(),
  evidenceRequired: z.boolean(),
  entitlement: z.enum(entitlements),
  yearlyCapDays: z.number().min(0).max(366).nullable(),
  allowOverBalance: z.boolean(),
  countsCalendarDays: z.boolean(),
  archived: z.boolean().optional(),
});

/** LEV-4: the facts maternity leave depends on. */
export const maternityOptions = z.object({
  difficultBirth: z.boolean(),
  extraBabies: z.number().int().min(0).max(5),
  laterChild: z.boolean(),
});

export const leaveDraft = z.object({
  personId: id,
  leaveTypeId: id,
  startDate: isoDate,
  startPart: z.enum(startParts),
  endDate: isoDate,
  endPart: z.enum(endParts),
  maternity: maternityOptions.optional(),
});
export type LeaveDraft = z.output<typeof leaveDraft>;

export const leaveRequestInput = leaveDraft.extend({
  reason: optionalText(200),
  /** LEV-1, LEV-4: what evidence was provided (a hospital certificate, a marriage certificate…). */
  evidence: optionalText(200),
});

const ledgerLine = z.object({ text: z.string(), days: z.number() });
export const balance = z.object({
  leaveTypeId: id,
  code: z.string(),
  label: z.string(),
  entitlement: z.enum(entitlements),
  entitled: z.number().nullable(),
  adjusted: z.number(),
  taken: z.number(),
  pending: z.number(),
  remaining: z.number().nullable(),
  lines: z.array(ledgerLine),
});
export type BalanceView = z.infer<typeof balance>;

/** A rostered shift the leave takes the person off, and the coverage of that post after (ROS-1). */
export const leaveImpact = z.object({
  shifts: z.array(
    z.object({
      date: z.string(),
      shiftTypeId: id,
      code: z.string(),
      shiftName: z.string(),
      /** A half day keeps the shift on the roster: the person works the other half. */
      half: z.boolean(),
    }),
  ),
  coverage: z.array(
    z.object({
      scope: z.string(),
      date: z.string(),
      shiftTypeId: id,
      shiftName: z.string(),
      function: z.string().nullable(),
      required: z.number().int(),
      before: z.number().int(),
      after: z.number().int(),
      short: z.boolean(),
    }),
  ),
  /** Plain-language lines: "3月5日 早班：需要 2 人，批准后只剩 1 人（ROS-1）". */
  warnings: z.array(z.string()),
});
export type LeaveImpact = z.infer<typeof leaveImpact>;

export const leaveCheck = z.object({
  days: z.array(z.object({ date: z.string(), weight: z.number(), counted: z.boolean(), reason: z.string() })),
  total: z.number(),
  balance: balance.nullable(),
  /** The days one occasion grants (event types), with how they add up. */
  allowance: z.object({ days: z.number(), text: z.string() }).nullable(),
  /** Days over the balance or allowance; 0 when it fits. */
  over: z.number(),
  /** Why the request would be refused as it stands (over the balance, outside employment…). */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  impact: leaveImpact,
});
export type LeaveCheck = z.infer<typeof leaveCheck>;

export const leaveRequest = z.object({
  id,
  personId: id,
  personName: z.string(),
  employeeNo: z.string(),
  groupName: z.string().nullable(),
  leaveTypeId: id,
  leaveCode: z.string(),
  leaveLabel: z.string(),
  startDate: z.string(),
  startPart: z.enum(startParts),
  endDate: z.string(),
  endPart: z.enum(endParts),
  days: z.number(),
  reason: z.string().nullable(),
  evidence: z.string().nullable(),
  status: z.enum(requestStatuses),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type LeaveRequestView = z.infer<typeof leaveRequest>;

export const requestFilter = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(requestStatuses).optional(),
  personId: id.optional(),
  groupId: id.nullable().optional(),
});

export const leaveContract = defineArea({
  types: { input: z.object({}), output: z.array(leaveType) },
  saveType: { input: leaveTypeInput, output: leaveType },
  requests: { input: requestFilter, output: z.array(leaveRequest) },
  /** What a request would take from the balance and from the roster's coverage, before it is made. */
  check: { input: leaveDraft, output: leaveCheck },
  /** The same for a request already made (what approving it does). */
  impact: { input: z.object({ id }), output: leaveCheck },
  request: { input: leaveRequestInput, output: leaveRequest },
  /** LEV-5: approve, or reject with a reason. */
  decide: { input: z.object({ id, approve: z.boolean(), reason: optionalText(200) }), output: leaveRequest },
  cancel: { input: z.object({ id, reason: requiredText(200) }), output: leaveRequest },
  /** Each person's balance of every kind of leave with one, for a year. */
  balances: {
    input: z.object({ year, groupId: id.nullable() }),
    output: z.array(
      z.object({
        personId: id,
        employeeNo: z.string(),
        name: z.string(),
        groupName: z.string().nullable(),
        balances: z.array(balance.omit({ lines: true })),
      }),
    ),
  },
  /** One person's year, every number explained. */
  ledger: { input: z.object({ personId: id, year }), output: z.array(balance) },
  /** A correction or carry-over of a balance, with its reason. */
  adjust: {
    input: z.object({ personId: id, leaveTypeId: id, year, days: halfDays, reason: requiredText(200) }),
    output: z.array(balance),
  },
});
