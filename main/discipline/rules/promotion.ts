import type { Role } from '../../people/vocabulary.ts';
import type { Grade } from '../../appraisal/vocabulary.ts';
import {
  promotionPath,
  type ApprovalStep,
  type ConditionKey,
  type ConditionState,
  type PathRole,
  type SanctionKind,
  type SanctionStatus,
} from '../vocabulary.ts';
import { addMonths } from '../../time/months.ts';

// PRO-1…5: may this person take this role? Each condition is met or not, with the records behind
// it, so the supervisor can say why.

/** PRO-2…4: the setting that holds the clean-record window of each target role. */
export const cleanMonthsSetting = {
  leader: 'discipline.cleanMonthsToLeader',
  supervisor: 'discipline.cleanMonthsToSupervisor',
  manager: 'discipline.cleanMonthsToManager',
} as const;
export type TargetRole = keyof typeof cleanMonthsSetting;

/** PRO-1: how many steps up the path; 1 is the normal promotion, more is a skip-level one. */
export function pathSteps(from: Role, to: Role): number {
  return promotionPath.indexOf(to as PathRole) - promotionPath.indexOf(from as PathRole);
}

/** PRO-1: the next role up, or null for a manager. */
export function nextRole(role: Role): TargetRole | null {
  const next = promotionPath[promotionPath.indexOf(role as PathRole) + 1];
  return (next as TargetRole | undefined) ?? null;
}

/**
 * PRO-2…4: who does what after the application. Agent → leader: the agent applies, the supervisor
 * approves. Leader → supervisor: the supervisor nominates, the superior approves. Supervisor →
 * manager: application, HR assessment, the general manager approves.
 */
export function promotionFlow(to: TargetRole): { first: ApprovalStep; decisions: ApprovalStep[]; ruleId: string } {
  if (to === 'leader') return { first: 'apply', decisions: ['supervisor-approval'], ruleId: 'PRO-2' };
  if (to === 'supervisor') return { first: 'nominate', decisions: ['superior-approval'], ruleId: 'PRO-3' };
  return { first: 'apply', decisions: ['hr-assessment', 'gm-approval'], ruleId: 'PRO-4' };
}

/** PRO-2…4: the window is the N months before the application date, both ends included. */
export function cleanWindow(appliedOn: string, months: number): { from: string; to: string } {
  return { from: addMonths(appliedOn, -months), to: appliedOn };
}

export interface SanctionFact {
  id: number;
  date: string;
  code: string;
  sanction: SanctionKind;
  status: SanctionStatus;
  /** The violation's names, kept with a stored eligibility so it reads the same later. */
  nameZh?: string;
  nameEn?: string;
}

export interface AppraisalFact {
  period: string;
  endsOn: string;
  grade: Grade;
}

export interface EligibilityInput {
  person: { role: Role; status: 'active' | 'left'; hireDate: string; leftOn: string | null };
  toRole: TargetRole;
  appliedOn: string;
  /** PRO-1: the justification of a skip-level promotion; without one a skip is not allowed. */
  exceptionNote: string | null;
  cleanMonths: number;
  /** The person's sanctions (any status; voided ones are shown and not counted). */
  sanctions: readonly SanctionFact[];
  /** Settled appraisal results (consolidated or locked). */
  appraisals: readonly AppraisalFact[];
}

export type ConditionRecord =
  | ({ kind: 'sanction'; counts: boolean } & SanctionFact)
  | { kind: 'appraisal'; period: string; endsOn: string; grade: Grade; counts: boolean };

export interface Condition {
  key: ConditionKey;
  state: ConditionState;
  ruleId: string;
  /** Why, as values the message template needs (reason names the variant). */
  params: Record<string, string | number>;
  records: ConditionRecord[];
}

export interface Eligibility {
  toRole: TargetRole;
  fromRole: Role;
  appliedOn: string;
  window: { from: string; to: string; months: number };
  skipLevel: boolean;
  eligible: boolean;
  conditions: Condition[];
}

const outstanding: readonly Grade[] = ['excellent', 'good'];

export function checkEligibility(input: EligibilityInput): Eligibility {
  const { person, toRole, appliedOn } = input;
  const ruleId = promotionFlow(toRole).ruleId;
  const window = { ...cleanWindow(appliedOn, input.cleanMonths), months: input.cleanMonths };
  const conditions: Condition[] = [];

  const gone = person.status === 'left' && person.leftOn !== null && person.leftOn <= appliedOn;
  conditions.push({
    key: 'active',
    state: gone ? 'unmet' : 'met',
    ruleId: 'ORG-3',
    params: gone ? { leftOn: person.leftOn! } : {},
    records: [],
  });

  // PRO-1: one step, or a skip recorded as an exception with its justification.
  const steps = pathSteps(person.role, toRole);
  const path: Condition = { key: 'path', state: 'met', ruleId: 'PRO-1', params: { from: person.role, to: toRole, steps }, records: [] };
  if (steps <= 0) path.state = 'unmet';
  else if (steps > 1) path.state = input.exceptionNote ? 'exception' : 'unmet';
  path.params.reason = steps <= 0 ? 'notAbove' : steps > 1 ? (input.exceptionNote ? 'skipRecorded' : 'skipWithoutNote') : 'oneStep';
  conditions.push(path);

  // PRO-2…4: no violation of any kind in the window; voided sanctions stay visible and do not count.
  const inWindow = input.sanctions
    .filter((s) => s.date >= window.from && s.date <= window.to)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const counted = inWindow.filter((s) => s.status !== 'voided');
  conditions.push({
    key: 'cleanRecord',
    state: counted.length === 0 ? 'met' : 'unmet',
    ruleId,
    params: { months: window.months, from: window.from, to: window.to, count: counted.length, voided: inWindow.length - counted.length },
    records: inWindow.map((s) => ({ kind: 'sanction', ...s, counts: s.status !== 'voided' })),
  });

  // PRO-2…4 and APR-7: outstanding work — settled results in the window, none 不合格, the latest 良好 or better.
  const results = input.appraisals
    .filter((a) => a.endsOn >= window.from && a.endsOn <= window.to)
    .sort((a, b) => b.endsOn.localeCompare(a.endsOn));
  const latest = results[0];
  const unqualified = results.filter((r) => r.grade === 'unqualified').length;
  const reason = !latest ? 'none' : unqualified > 0 ? 'unqualified' : outstanding.includes(latest.grade) ? 'outstanding' : 'notOutstanding';
  conditions.push({
    key: 'appraisal',
    state: reason === 'outstanding' ? 'met' : 'unmet',
    ruleId: 'PRO-5',
    params: { reason, count: results.length, unqualified, latest: latest?.grade ?? '' },
    records: results.map((r) => ({ kind: 'appraisal', ...r, counts: true })),
  });

  // PRO-5: tenure — employed through the whole window, so the clean record means something.
  conditions.push({
    key: 'tenure',
    state: person.hireDate <= window.from ? 'met' : 'unmet',
    ruleId: 'PRO-5',
    params: { hireDate: person.hireDate, from: window.from, months: window.months },
    records: [],
  });

  return {
    toRole,
    fromRole: person.role,
    appliedOn,
    window,
    skipLevel: steps > 1,
    eligible: conditions.every((c) => c.state !== 'unmet'),
    conditions,
  };
}
