import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { id, isoDate, requiredText, optionalText, fen, fileOutput, month } from '../ipc/fields.ts';
import { t } from '../i18n/index.ts';
import { roles } from '../people/vocabulary.ts';
import {
  sanctionKinds,
  sanctionStatuses,
  sanctionSources,
  rewardKinds,
  honourTitles,
  rewardStatuses,
  fundEntryKinds,
  promotionStatuses,
  conditionKeys,
  conditionStates,
  hrFlagKinds,
  hrFlagStatuses,
} from './vocabulary.ts';
import { violationCodePattern } from './rules/catalogue.ts';

export type * from './vocabulary.ts';

// The discipline area (DIS-1…5, PRO-1…5, the HR flag list): every channel with its input and
// output. Money is integer fen; dates YYYY-MM-DD; months YYYY-MM.

const code = z
  .string()
  .trim()
  .regex(violationCodePattern, { error: () => t('discipline.validation.code') });
const targetRole = z.enum(['leader', 'supervisor', 'manager']);
/** A name typed for who decided (HR, the general manager); the acting profile when left out. */
const by = optionalText(32);

// ---- the violation catalogue (DIS-3) ----

const ruleRef = z.object({ id, code: z.string(), title: z.string(), version: z.string(), publishedOn: z.string() });

export const violationType = z.object({
  id,
  code: z.string(),
  version: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  rule: ruleRef,
  defaultSanction: z.enum(sanctionKinds),
  defaultAmountFen: z.number().int().nullable(),
  archivedOn: z.string().nullable(),
  createdAt: z.string(),
});
export type ViolationType = z.infer<typeof violationType>;

export const violationTypeSave = z.object({
  code,
  nameZh: requiredText(60),
  nameEn: requiredText(120),
  defaultSanction: z.enum(sanctionKinds),
  defaultAmountFen: fen.nullish().transform((v) => v ?? null),
  /** The published rule version the entry comes from… */
  ruleDocumentId: id.optional(),
  /** …or a new version of a rulebook, with its publication date (LAW). */
  newRule: z.object({ title: requiredText(80), version: requiredText(30), publishedOn: isoDate }).optional(),
});

// ---- sanctions (DIS-1, DIS-5) ----

export const step = z.object({
  step: z.string(),
  decision: z.string(),
  actorName: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});
export type StepView = z.infer<typeof step>;

export const sanction = z.object({
  id,
  personId: id,
  employeeNo: z.string(),
  personName: z.string(),
  groupName: z.string().nullable(),
  date: z.string(),
  violationTypeId: id,
  code: z.string(),
  version: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  sanction: z.enum(sanctionKinds),
  amountFen: z.number().int().nullable(),
  evidence: z.string().nullable(),
  source: z.enum(sanctionSources),
  status: z.enum(sanctionStatuses),
  appealNote: z.string().nullable(),
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidedBy: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
  /** DIS-2: a fine paid into the fund, with the ledger entry. */
  paidOn: z.string().nullable(),
});
export type SanctionView = z.infer<typeof sanction>;

export const sanctionDetail = sanction.extend({
  rule: ruleRef,
  hireDate: z.string(),
  role: z.enum(roles),
  steps: z.array(step),
});
export type SanctionDetail = z.infer<typeof sanctionDetail>;

export const sanctionRecord = z.object({
  personId: id,
  date: isoDate,
  code,
  sanction: z.enum(sanctionKinds),
  amountFen: fen.nullish().transform((v) => v ?? null),
  evidence: optionalText(500),
});

// ---- rewards (DIS-4) ----

export const reward = z.object({
  id,
  personId: id,
  employeeNo: z.string(),
  personName: z.string(),
  groupName: z.string().nullable(),
  /** The person's current role (the printed application form shows it). */
  role: z.enum(roles),
  kind: z.enum(rewardKinds),
  title: z.string(),
  amountFen: z.number().int().nullable(),
  reason: z.string(),
  status: z.enum(rewardStatuses),
  application: z.object({ deeds: z.string(), opinion: z.string().nullable() }).nullable(),
  date: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  paidOn: z.string().nullable(),
  steps: z.array(step),
});
export type RewardView = z.infer<typeof reward>;

export const rewardRecommend = z
  .object({
    personId: id,
    kind: z.enum(rewardKinds),
    title: requiredText(40),
    amountFen: fen.nullish().transform((v) => v ?? null),
    reason: requiredText(300),
    date: isoDate,
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'honour' && !(honourTitles as readonly string[]).includes(r.title))
      ctx.addIssue({ code: 'custom', path: ['title'], message: t('discipline.validation.honourTitle') });
    if (r.kind === 'bonus' && (r.amountFen === null || r.amountFen <= 0))
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: t('discipline.validation.bonusAmount') });
  });

// ---- the 乐捐 fund (DIS-2) ----

export const fundEntry = z.object({
  id,
  month: z.string(),
  date: z.string(),
  kind: z.enum(fundEntryKinds),
  amountFen: z.number().int(),
  personId: id.nullable(),
  personName: z.string().nullable(),
  employeeNo: z.string().nullable(),
  sanctionId: id.nullable(),
  rewardId: id.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type FundEntryView = z.infer<typeof fundEntry>;

export const deductionRow = z.object({
  personId: id,
  employeeNo: z.string(),
  personName: z.string(),
  deductionsFen: z.number().int(),
  wageKnown: z.boolean(),
  monthlyWageFen: z.number().int().nullable(),
  capFen: z.number().int().nullable(),
  percent: z.number().nullable(),
  overCap: z.boolean(),
  belowMinimum: z.boolean(),
  message: z.string(),
});
export type DeductionRow = z.infer<typeof deductionRow>;

export const fundMonth = z.object({
  month: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  openingFen: z.number().int(),
  inFen: z.number().int(),
  outFen: z.number().int(),
  closingFen: z.number().int(),
  entries: z.array(fundEntry),
  /** Fines of the month or before, not voided, not paid by the month's end. */
  unpaidFines: z.array(sanction),
  /** LAW: people whose deductions of the month pass the cap or the minimum wage (warned before closing). */
  deductions: z.array(deductionRow),
  /** Open months before this one that closing it closes too (the chain stays unbroken). */
  earlierOpen: z.array(z.string()),
  /** The first open month: where new movements and corrections go. */
  firstOpenMonth: z.string(),
});
export type FundMonthView = z.infer<typeof fundMonth>;

export const fundYear = z.object({
  year: z.number().int(),
  months: z.array(
    z.object({ month: z.string(), inFen: z.number().int(), outFen: z.number().int(), closingFen: z.number().int(), closed: z.boolean() }),
  ),
});

export const fundEntryRecord = z
  .object({
    kind: z.enum(['spending', 'adjustment']),
    date: isoDate,
    /** Spending: the amount paid out (positive). Adjustment: signed, + in, − out. */
    amountFen: z.number().int({ error: () => t('validation.money') }),
    personId: id.nullish().transform((v) => v ?? null),
    note: requiredText(200),
  })
  .superRefine((e, ctx) => {
    if (e.amountFen === 0 || (e.kind === 'spending' && e.amountFen < 0))
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: t('discipline.validation.fundAmount') });
  });

// ---- promotions (PRO-1…5) ----

export const conditionRecord = z.object({
  kind: z.enum(['sanction', 'appraisal']),
  id: id.nullable(),
  date: z.string(),
  text: z.string(),
  counts: z.boolean(),
});

export const condition = z.object({
  key: z.enum(conditionKeys),
  state: z.enum(conditionStates),
  ruleId: z.string(),
  message: z.string(),
  records: z.array(conditionRecord),
});

export const eligibility = z.object({
  personId: id,
  employeeNo: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  fromRole: z.enum(roles),
  toRole: targetRole,
  appliedOn: z.string(),
  window: z.object({ from: z.string(), to: z.string(), months: z.number().int() }),
  skipLevel: z.boolean(),
  eligible: z.boolean(),
  conditions: z.array(condition),
});
export type EligibilityView = z.infer<typeof eligibility>;

export const boardRow = z.object({
  personId: id,
  employeeNo: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  role: z.enum(roles),
  toRole: targetRole,
  eligible: z.boolean(),
  unmet: z.array(z.enum(conditionKeys)),
  pendingApplication: id.nullable(),
});
export type BoardRowView = z.infer<typeof boardRow>;

export const promotion = z.object({
  id,
  personId: id,
  employeeNo: z.string(),
  personName: z.string(),
  groupName: z.string().nullable(),
  fromRole: z.enum(roles),
  toRole: targetRole,
  skipLevel: z.boolean(),
  exceptionNote: z.string().nullable(),
  appliedOn: z.string(),
  status: z.enum(promotionStatuses),
  effectiveOn: z.string().nullable(),
  eligibility,
  steps: z.array(step),
  /** The decision the flow waits for (PRO-2…4), null once decided. */
  nextStep: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type PromotionView = z.infer<typeof promotion>;

// ---- a person's record, the HR flag list ----

export const timelineEntry = z.object({
  kind: z.enum(['sanction', 'reward', 'appraisal', 'role', 'promotion', 'flag']),
  id: id.nullable(),
  date: z.string(),
  title: z.string(),
  detail: z.string(),
  status: z.string(),
  /** Voided, rejected or withdrawn: shown struck through, counts for nothing. */
  struck: z.boolean(),
  amountFen: z.number().int().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const personRecord = z.object({
  person: z.object({
    id,
    employeeNo: z.string(),
    name: z.string(),
    groupName: z.string().nullable(),
    role: z.enum(roles),
    hireDate: z.string(),
    status: z.enum(['active', 'left']),
    leftOn: z.string().nullable(),
  }),
  summary: z.object({
    sanctions: z.number().int(),
    voided: z.number().int(),
    finesFen: z.number().int(),
    unpaidFen: z.number().int(),
    rewards: z.number().int(),
    appraisals: z.number().int(),
    roleChanges: z.number().int(),
    openFlags: z.number().int(),
  }),
  timeline: z.array(timelineEntry),
});
export type PersonRecordView = z.infer<typeof personRecord>;

export const hrFlag = z.object({
  id,
  kind: z.enum(hrFlagKinds),
  personId: id,
  employeeNo: z.string(),
  personName: z.string(),
  groupName: z.string().nullable(),
  ruleId: z.string(),
  summary: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(hrFlagStatuses),
  note: z.string().nullable(),
  raisedAt: z.string(),
  updatedAt: z.string(),
});
export type HrFlagView = z.infer<typeof hrFlag>;

export const disciplineContract = defineArea({
  catalogue: { input: z.object({ includeArchived: z.boolean().optional() }), output: z.array(violationType) },
  catalogueHistory: { input: z.object({ code }), output: z.array(violationType) },
  saveViolationType: { input: violationTypeSave, output: violationType },
  archiveViolationType: { input: z.object({ code, archivedOn: isoDate }), output: violationType },

  sanctions: {
    input: z.object({ from: isoDate, to: isoDate, personId: id.optional(), includeVoided: z.boolean().optional() }),
    output: z.array(sanction),
  },
  sanction: { input: z.object({ id }), output: sanctionDetail },
  recordSanction: { input: sanctionRecord, output: sanction },
  appealSanction: { input: z.object({ id, note: requiredText(300) }), output: sanction },
  decideAppeal: { input: z.object({ id, uphold: z.boolean(), reason: requiredText(300) }), output: sanction },
  voidSanction: { input: z.object({ id, reason: requiredText(300) }), output: sanction },

  personRecord: { input: z.object({ personId: id }), output: personRecord },

  rewards: {
    input: z.object({
      from: isoDate.optional(),
      to: isoDate.optional(),
      status: z.enum(rewardStatuses).optional(),
      personId: id.optional(),
    }),
    output: z.array(reward),
  },
  reward: { input: z.object({ id }), output: reward },
  recommendReward: { input: rewardRecommend, output: reward },
  applyReward: { input: z.object({ id, deeds: requiredText(1000), opinion: optionalText(300) }), output: reward },
  decideReward: {
    input: z.object({ id, step: z.enum(['hr-review', 'leadership-approval']), approve: z.boolean(), note: optionalText(300), by }),
    output: reward,
  },
  voidReward: { input: z.object({ id, reason: requiredText(300) }), output: reward },

  fundMonth: { input: z.object({ month }), output: fundMonth },
  fundYear: { input: z.object({ year: z.number().int().min(2000).max(2100) }), output: fundYear },
  recordFundEntry: { input: fundEntryRecord, output: fundEntry },
  payFines: { input: z.object({ sanctionIds: z.array(id).min(1).max(500), date: isoDate }), output: z.object({ paid: z.number().int() }) },
  payReward: { input: z.object({ rewardId: id, date: isoDate }), output: fundEntry },
  closeFundMonth: { input: z.object({ month, acknowledgeWarnings: z.boolean() }), output: fundMonth },
  exportFund: { input: z.object({ month }), output: fileOutput },
  exportMonth: { input: z.object({ month }), output: fileOutput },

  promotionCheck: {
    input: z.object({ personId: id, toRole: targetRole, onDate: isoDate, exceptionNote: optionalText(300) }),
    output: eligibility,
  },
  promotionBoard: { input: z.object({ onDate: isoDate }), output: z.array(boardRow) },
  promotions: { input: z.object({ status: z.enum(promotionStatuses).optional(), personId: id.optional() }), output: z.array(promotion) },
  applyPromotion: {
    input: z.object({
      personId: id,
      toRole: targetRole,
      appliedOn: isoDate,
      exceptionNote: optionalText(300),
      note: optionalText(300),
      by,
    }),
    output: promotion,
  },
  decidePromotion: {
    input: z.object({ id, approve: z.boolean(), note: optionalText(300), by, effectiveOn: isoDate.nullish().transform((v) => v ?? null) }),
    output: promotion,
  },
  withdrawPromotion: { input: z.object({ id, reason: requiredText(300) }), output: promotion },

  hrFlags: { input: z.object({ status: z.enum(hrFlagStatuses).optional() }), output: z.array(hrFlag) },
  updateHrFlag: { input: z.object({ id, status: z.enum(['sent', 'closed']), note: optionalText(300) }), output: hrFlag },
});
