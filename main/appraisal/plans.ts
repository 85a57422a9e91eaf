import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited } from '../audit/record.ts';
import { fail } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import type { PlanStatus } from './vocabulary.ts';

// APR-8: improvement plans opened by 不合格 results, and the HR flags of two in a row.

const planSelect = `select ip.id, ip.appraisal_id as appraisalId, ip.person_id as personId, p.name as personName, p.employee_no as employeeNo,
         g.name as groupName, c.period, a.total, ip.opened_on as openedOn, ip.goals, ip.status, ip.closed_on as closedOn, ip.outcome
    from improvement_plans ip join people p on p.id = ip.person_id join appraisals a on a.id = ip.appraisal_id
    join appraisal_cycles c on c.id = a.cycle_id left join groups g on g.id = a.group_id`;

interface PlanRow {
  id: number;
  appraisalId: number;
  personId: number;
  personName: string;
  employeeNo: string;
  groupName: string | null;
  period: string;
  total: number | null;
  openedOn: string;
  goals: string | null;
  status: PlanStatus;
  closedOn: string | null;
  outcome: string | null;
}

export function listPlans(ctx: Ctx, status?: PlanStatus): PlanRow[] {
  return (
    status
      ? statement(ctx.store.sqlite, `${planSelect} where ip.status = ? order by c.starts_on desc, p.employee_no`).all(status)
      : statement(ctx.store.sqlite, `${planSelect} order by ip.status = 'open' desc, c.starts_on desc, p.employee_no`).all()
  ) as PlanRow[];
}

function planById(ctx: Ctx, id: number): PlanRow {
  const row = statement(ctx.store.sqlite, `${planSelect} where ip.id = ?`).get(id) as PlanRow | undefined;
  if (!row) throw fail('NOT_FOUND', 'id', t('appraisal.errors.planNotFound', { id }));
  return row;
}

/** Goals while open; closing records the outcome and the date (a closed plan stays closed). */
export function updatePlan(
  ctx: Ctx,
  input: { id: number; goals: string | null; status: PlanStatus; closedOn: string | null; outcome: string | null },
): PlanRow {
  return audited(ctx, (audit) => {
    const before = planById(ctx, input.id);
    const refuse = (path: string, message: string) => fail('RULE_VIOLATION', path, message);
    if (before.status !== 'open')
      throw refuse('status', t('appraisal.errors.planClosed', { status: t(`appraisal.planStatuses.${before.status}`) }));
    const closing = input.status !== 'open';
    if (closing && input.closedOn === null) throw refuse('closedOn', t('appraisal.errors.planCloseDate'));
    if (closing && input.closedOn! < before.openedOn)
      throw refuse('closedOn', t('appraisal.errors.planCloseBeforeOpen', { date: before.openedOn }));
    if (!closing && input.closedOn !== null) throw refuse('closedOn', t('appraisal.errors.planOpenWithDate'));
    statement(ctx.store.sqlite, 'update improvement_plans set goals = ?, status = ?, closed_on = ?, outcome = ? where id = ?').run(
      input.goals,
      input.status,
      closing ? input.closedOn : null,
      input.outcome,
      input.id,
    );
    const after = planById(ctx, input.id);
    audit({ action: closing ? 'close' : 'update', entity: 'improvementPlan', entityId: input.id, before, after });
    return after;
  });
}

/** APR-8 entries of the HR flag list (two consecutive 不合格), newest first. */
export function listFlags(ctx: Ctx) {
  const rows = statement(
    ctx.store.sqlite,
    `select f.id, f.kind, f.person_id as personId, p.name as personName, p.employee_no as employeeNo, f.evidence, f.status, f.raised_at as raisedAt
       from hr_flags f join people p on p.id = f.person_id where f.kind = 'unqualified-twice' order by f.raised_at desc, f.id desc`,
  ).all() as Array<{
    id: number;
    kind: string;
    personId: number;
    personName: string;
    employeeNo: string;
    evidence: string;
    status: 'open' | 'sent' | 'closed';
    raisedAt: string;
  }>;
  return rows.map(({ evidence, ...r }) => {
    const parsed = JSON.parse(evidence) as { periods?: string[]; totals?: Array<number | null> };
    return { ...r, periods: parsed.periods ?? [], totals: parsed.totals ?? [] };
  });
}
