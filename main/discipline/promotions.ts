import type { Ctx } from '../app/context.ts';
import { localToday, nowIso } from '../app/context.ts';
import { Filters, statement } from '../../db/statements.ts';
import { audited } from '../audit/record.ts';
import { AppError } from '../ipc/app-error.ts';
import { currentLanguage, t } from '../i18n/index.ts';
import { getSetting } from '../settings/service.ts';
import { assertGroupPlacement } from '../people/service.ts';
import type { BoardRowView, EligibilityView, PromotionView } from './contract.ts';
import {
  checkEligibility,
  cleanMonthsSetting,
  nextRole,
  pathSteps,
  promotionFlow,
  type Condition,
  type Eligibility,
  type SanctionFact,
  type TargetRole,
} from './rules/promotion.ts';
import { addMonths } from '../time/months.ts';
import { resultsOf, settledResults } from './appraisal-link.ts';
import { addStep, assertNotFuture, personFacts, personFactsSelect, stepsByIds, stepsOf, type PersonFacts } from './common.ts';
import { fail } from '../ipc/app-error.ts';
import type { PromotionStatus } from './vocabulary.ts';

// PRO-1…5: promotion eligibility computed from the records, and applications through the approval
// steps of their level; an approved application changes the person's role from an audited date.

type Names = Map<number, { code: string; nameZh: string; nameEn: string }>;

function violationNames(ctx: Ctx): Names {
  const rows = statement(ctx.store.sqlite, 'select id, code, name_zh as nameZh, name_en as nameEn from violation_types').all() as Array<{
    id: number;
    code: string;
    nameZh: string;
    nameEn: string;
  }>;
  return new Map(rows.map((r) => [r.id, r]));
}

/** One person's sanctions between two dates, through the (person, date) index; names from the catalogue. */
function sanctionFacts(ctx: Ctx, personId: number, from: string, to: string, names = violationNames(ctx)): SanctionFact[] {
  const rows = statement(
    ctx.store.sqlite,
    `select id, date, violation_type_id as typeId, sanction, status from sanctions where person_id = ? and date between ? and ?`,
  ).all(personId, from, to) as Array<Omit<SanctionFact, 'code'> & { typeId: number }>;
  return rows.map(({ typeId, ...r }) => ({
    ...r,
    code: names.get(typeId)?.code ?? '',
    nameZh: names.get(typeId)?.nameZh,
    nameEn: names.get(typeId)?.nameEn,
  }));
}

function cleanMonths(ctx: Ctx, toRole: TargetRole, onDate: string): number {
  return getSetting(ctx, cleanMonthsSetting[toRole], onDate);
}

/** PRO-5: the eligibility of one person for a role on a date, from their records. */
export function computeEligibility(
  ctx: Ctx,
  person: PersonFacts,
  toRole: TargetRole,
  appliedOn: string,
  exceptionNote: string | null,
): Eligibility {
  const months = cleanMonths(ctx, toRole, appliedOn);
  const from = addMonths(appliedOn, -months);
  return checkEligibility({
    person,
    toRole,
    appliedOn,
    exceptionNote,
    cleanMonths: months,
    sanctions: sanctionFacts(ctx, person.id, from, appliedOn),
    appraisals: resultsOf(ctx, person.id, from, appliedOn),
  });
}

const grade = (g: string) => (g ? t(`discipline.grades.${g}`) : '');

function conditionMessage(c: Condition): string {
  const p = c.params;
  const params = {
    ...p,
    from: p.from,
    fromRole: typeof p.from === 'string' && c.key === 'path' ? t(`roles.${p.from}`) : '',
    toRole: c.key === 'path' ? t(`roles.${p.to}`) : '',
    skipped: Number(p.steps) - 1,
    latest: grade(String(p.latest ?? '')),
  };
  const variant = c.key === 'path' || c.key === 'appraisal' ? String(p.reason) : c.state;
  const message = t(`discipline.conditions.${c.key}.${variant}`, params);
  return c.key === 'cleanRecord' && Number(p.voided) > 0 ? `${message}${t('discipline.conditions.cleanRecord.voided', params)}` : message;
}

/** The stored (or fresh) eligibility in the user's language, with the records behind each condition. */
export function eligibilityView(
  e: Eligibility,
  person: Pick<PersonFacts, 'employeeNo' | 'name' | 'groupName'>,
  personId: number,
): EligibilityView {
  const en = currentLanguage() === 'en';
  return {
    personId,
    employeeNo: person.employeeNo,
    name: person.name,
    groupName: person.groupName,
    fromRole: e.fromRole,
    toRole: e.toRole,
    appliedOn: e.appliedOn,
    window: e.window,
    skipLevel: e.skipLevel,
    eligible: e.eligible,
    conditions: e.conditions.map((c) => ({
      key: c.key,
      state: c.state,
      ruleId: c.ruleId,
      message: conditionMessage(c),
      records: c.records.map((r) =>
        r.kind === 'sanction'
          ? {
              kind: 'sanction' as const,
              id: r.id,
              date: r.date,
              text: [
                `${r.code} ${(en ? r.nameEn : r.nameZh) ?? ''}`.trim(),
                t(`discipline.sanctionKinds.${r.sanction}`),
                r.status === 'voided' ? t('discipline.sanctionStatuses.voided') : null,
              ]
                .filter(Boolean)
                .join(' · '),
              counts: r.counts,
            }
          : { kind: 'appraisal' as const, id: null, date: r.endsOn, text: `${r.period} ${grade(r.grade)}`, counts: r.counts },
      ),
    })),
  };
}

export function promotionCheck(
  ctx: Ctx,
  input: { personId: number; toRole: TargetRole; onDate: string; exceptionNote: string | null },
): EligibilityView {
  const person = personFacts(ctx, input.personId);
  return eligibilityView(computeEligibility(ctx, person, input.toRole, input.onDate, input.exceptionNote), person, person.id);
}

/** PRO-5 for the whole department: everyone below manager against the next role up, in bulk. */
export function promotionBoard(ctx: Ctx, onDate: string): BoardRowView[] {
  const people = statement(
    ctx.store.sqlite,
    `${personFactsSelect} where p.status = 'active' and p.role != 'manager' order by g.sort_order, p.employee_no`,
  ).all() as PersonFacts[];
  const months = {
    leader: cleanMonths(ctx, 'leader', onDate),
    supervisor: cleanMonths(ctx, 'supervisor', onDate),
    manager: cleanMonths(ctx, 'manager', onDate),
  };
  // Agents (most people) need the leader window only: their results come in one query of those
  // few cycles; the others' longer windows by person. Sanctions by person, through their index.
  const agentFrom = addMonths(onDate, -months.leader);
  const agentResults = settledResults(ctx, agentFrom, onDate);
  const names = violationNames(ctx);
  const pending = new Map(
    (
      statement(ctx.store.sqlite, "select person_id as personId, id from promotions where status = 'applied'").all() as Array<{
        personId: number;
        id: number;
      }>
    ).map((r) => [r.personId, r.id]),
  );
  return people.flatMap((p) => {
    const toRole = nextRole(p.role);
    if (!toRole) return [];
    const from = addMonths(onDate, -months[toRole]);
    const e = checkEligibility({
      person: p,
      toRole,
      appliedOn: onDate,
      exceptionNote: null,
      cleanMonths: months[toRole],
      sanctions: sanctionFacts(ctx, p.id, from, onDate, names),
      appraisals: from === agentFrom ? (agentResults.get(p.id) ?? []) : resultsOf(ctx, p.id, from, onDate),
    });
    return [
      {
        personId: p.id,
        employeeNo: p.employeeNo,
        name: p.name,
        groupName: p.groupName,
        role: p.role,
        toRole,
        eligible: e.eligible,
        unmet: e.conditions.filter((c) => c.state === 'unmet').map((c) => c.key),
        pendingApplication: pending.get(p.id) ?? null,
      },
    ];
  });
}

interface PromotionRow {
  id: number;
  personId: number;
  fromRole: PromotionView['fromRole'];
  toRole: TargetRole;
  skipLevel: number;
  exceptionNote: string | null;
  appliedOn: string;
  eligibility: string;
  status: PromotionStatus;
  effectiveOn: string | null;
  createdAt: string;
  createdBy: string;
  employeeNo: string;
  personName: string;
  groupName: string | null;
}

const select = `select pr.id, pr.person_id as personId, pr.from_role as fromRole, pr.to_role as toRole, pr.skip_level as skipLevel,
    pr.exception_note as exceptionNote, pr.applied_on as appliedOn, pr.eligibility, pr.status, pr.effective_on as effectiveOn,
    pr.created_at as createdAt, pr.created_by as createdBy, p.employee_no as employeeNo, p.name as personName, g.name as groupName
  from promotions pr join people p on p.id = pr.person_id left join groups g on g.id = p.group_id`;

function decisionsDone(steps: ReadonlyArray<{ step: string }>, to: TargetRole): number {
  const decisions = promotionFlow(to).decisions as readonly string[];
  return steps.filter((s) => decisions.includes(s.step)).length;
}

function toView(ctx: Ctx, row: PromotionRow, steps = stepsOf(ctx, 'promotion', row.id)): PromotionView {
  const person = { employeeNo: row.employeeNo, name: row.personName, groupName: row.groupName };
  const flow = promotionFlow(row.toRole);
  return {
    id: row.id,
    personId: row.personId,
    employeeNo: row.employeeNo,
    personName: row.personName,
    groupName: row.groupName,
    fromRole: row.fromRole,
    toRole: row.toRole,
    skipLevel: Boolean(row.skipLevel),
    exceptionNote: row.exceptionNote,
    appliedOn: row.appliedOn,
    status: row.status,
    effectiveOn: row.effectiveOn,
    eligibility: eligibilityView(JSON.parse(row.eligibility) as Eligibility, person, row.personId),
    steps,
    nextStep: row.status === 'applied' ? (flow.decisions[decisionsDone(steps, row.toRole)] ?? null) : null,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

function promotionById(ctx: Ctx, id: number): PromotionRow {
  const row = statement(ctx.store.sqlite, `${select} where pr.id = ?`).get(id) as PromotionRow | undefined;
  if (!row) throw fail('NOT_FOUND', 'id', t('discipline.errors.promotionNotFound', { id }));
  return row;
}

export function getPromotion(ctx: Ctx, id: number): PromotionView {
  return toView(ctx, promotionById(ctx, id));
}

export function listPromotions(ctx: Ctx, filter: { status?: PromotionStatus; personId?: number }): PromotionView[] {
  const filters = new Filters().add('pr.status = ?', filter.status).add('pr.person_id = ?', filter.personId);
  const rows = statement(ctx.store.sqlite, `${select} ${filters.where} order by pr.applied_on desc, pr.id desc`).all(
    ...filters.params,
  ) as PromotionRow[];
  const steps = stepsByIds(
    ctx,
    'promotion',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toView(ctx, r, steps.get(r.id) ?? []));
}

const pathOfCondition: Record<string, string> = {
  path: 'toRole',
  active: 'personId',
  cleanRecord: 'appliedOn',
  appraisal: 'appliedOn',
  tenure: 'appliedOn',
};

function ineligible(view: EligibilityView): AppError {
  const unmet = view.conditions.filter((c) => c.state === 'unmet');
  const path = (c: (typeof unmet)[number]) => (c.key === 'path' && view.skipLevel ? 'exceptionNote' : pathOfCondition[c.key]!);
  return new AppError(
    'RULE_VIOLATION',
    t('discipline.errors.notEligible', {
      name: view.name,
      role: t(`roles.${view.toRole}`),
      reasons: unmet.map((c) => c.message).join(t('common.sentenceSeparator')),
    }),
    unmet.map((c) => ({ path: path(c), message: c.message })),
  );
}

/**
 * PRO-2…4: an application (agent → leader, applied for by the agent) or a nomination (leader →
 * supervisor, by the supervisor) with its eligibility on the application date, kept with it.
 * Refused when a condition is not met; a skip-level one needs its justification (PRO-1).
 */
export function applyPromotion(
  ctx: Ctx,
  input: { personId: number; toRole: TargetRole; appliedOn: string; exceptionNote: string | null; note: string | null; by: string | null },
  today = localToday(),
): PromotionView {
  const person = personFacts(ctx, input.personId);
  assertNotFuture(input.appliedOn, today, 'appliedOn');
  if (pathSteps(person.role, input.toRole) <= 0)
    throw fail('VALIDATION', 'toRole', t('discipline.errors.notAbove', { name: person.name, role: t(`roles.${person.role}`) }));
  return audited(ctx, (audit) => {
    const open = statement(ctx.store.sqlite, "select id from promotions where person_id = ? and status = 'applied'").get(person.id);
    if (open) throw fail('CONFLICT', 'personId', t('discipline.errors.promotionPending', { name: person.name }));
    const eligibility = computeEligibility(ctx, person, input.toRole, input.appliedOn, input.exceptionNote);
    if (!eligibility.eligible) throw ineligible(eligibilityView(eligibility, person, person.id));
    const id = Number(
      statement(
        ctx.store.sqlite,
        `insert into promotions (person_id, from_role, to_role, skip_level, exception_note, applied_on, eligibility, status, created_at, created_by)
         values (?, ?, ?, ?, ?, ?, ?, 'applied', ?, ?)`,
      ).run(
        person.id,
        person.role,
        input.toRole,
        eligibility.skipLevel ? 1 : 0,
        eligibility.skipLevel ? input.exceptionNote : null,
        input.appliedOn,
        JSON.stringify(eligibility),
        nowIso(),
        ctx.actor.name,
      ).lastInsertRowid,
    );
    addStep(ctx, 'promotion', id, promotionFlow(input.toRole).first, 'submitted', input.note, input.by);
    const after = getPromotion(ctx, id);
    audit({ action: 'apply', entity: 'promotion', entityId: id, after: { ...after, eligibility } });
    return after;
  });
}

/**
 * PRO-2…4: the next decision of the flow. The last approval re-checks eligibility on the
 * application date and changes the person's role from the effective date (audited, with the
 * role's history in role_changes).
 */
export function decidePromotion(
  ctx: Ctx,
  input: { id: number; approve: boolean; note: string | null; by: string | null; effectiveOn: string | null },
): PromotionView {
  return audited(ctx, (audit) => {
    const row = promotionById(ctx, input.id);
    const before = toView(ctx, row);
    if (row.status !== 'applied' || !before.nextStep)
      throw fail(
        'RULE_VIOLATION',
        'id',
        t('discipline.errors.promotionDecided', { status: t(`discipline.promotionStatuses.${row.status}`) }),
      );
    const flow = promotionFlow(row.toRole);
    const last = before.nextStep === flow.decisions.at(-1);
    const step = before.nextStep as (typeof flow.decisions)[number];
    if (!input.approve) {
      statement(ctx.store.sqlite, "update promotions set status = 'rejected' where id = ?").run(row.id);
      addStep(ctx, 'promotion', row.id, step, 'rejected', input.note, input.by);
    } else if (!last) {
      addStep(ctx, 'promotion', row.id, step, 'approved', input.note, input.by);
    } else {
      if (!input.effectiveOn) throw fail('VALIDATION', 'effectiveOn', t('discipline.errors.effectiveRequired'));
      if (input.effectiveOn < row.appliedOn)
        throw fail('RULE_VIOLATION', 'effectiveOn', t('discipline.errors.effectiveBeforeApplied', { date: row.appliedOn }));
      const person = personFacts(ctx, row.personId);
      if (person.role !== row.fromRole)
        throw fail('CONFLICT', 'id', t('discipline.errors.roleChanged', { name: person.name, role: t(`roles.${person.role}`) }));
      const fresh = computeEligibility(ctx, person, row.toRole, row.appliedOn, row.exceptionNote);
      if (!fresh.eligible) throw ineligible(eligibilityView(fresh, person, person.id));
      assertGroupPlacement(ctx, row.toRole, person.groupId, person.id);
      const at = nowIso();
      statement(ctx.store.sqlite, 'update people set role = ?, updated_at = ? where id = ?').run(row.toRole, at, person.id);
      statement(
        ctx.store.sqlite,
        'insert into role_changes (person_id, from_role, to_role, effective_on, promotion_id, created_at) values (?, ?, ?, ?, ?, ?)',
      ).run(person.id, row.fromRole, row.toRole, input.effectiveOn, row.id, at);
      statement(ctx.store.sqlite, "update promotions set status = 'approved', effective_on = ? where id = ?").run(
        input.effectiveOn,
        row.id,
      );
      addStep(ctx, 'promotion', row.id, step, 'approved', input.note, input.by);
      audit({
        action: 'promote',
        entity: 'person',
        entityId: person.id,
        before: { role: row.fromRole },
        after: { role: row.toRole, effectiveOn: input.effectiveOn, promotionId: row.id, skipLevel: Boolean(row.skipLevel) },
      });
    }
    const after = getPromotion(ctx, row.id);
    audit({ action: input.approve ? 'approve' : 'reject', entity: 'promotion', entityId: row.id, before, after });
    return after;
  });
}

export function withdrawPromotion(ctx: Ctx, id: number, reason: string): PromotionView {
  return audited(ctx, (audit) => {
    const row = promotionById(ctx, id);
    if (row.status !== 'applied')
      throw fail(
        'RULE_VIOLATION',
        'id',
        t('discipline.errors.promotionDecided', { status: t(`discipline.promotionStatuses.${row.status}`) }),
      );
    const before = toView(ctx, row);
    statement(ctx.store.sqlite, "update promotions set status = 'withdrawn' where id = ?").run(id);
    addStep(ctx, 'promotion', id, 'withdraw', 'withdrawn', reason);
    const after = getPromotion(ctx, id);
    audit({ action: 'withdraw', entity: 'promotion', entityId: id, before, after });
    return after;
  });
}
