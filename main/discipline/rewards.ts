import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { localToday, nowIso } from '../app/context.ts';
import { statement, Filters } from '../../db/statements.ts';
import { audited } from '../audit/record.ts';
import { t } from '../i18n/index.ts';
import type { RewardView, rewardRecommend } from './contract.ts';
import { rewardTransition, type RewardAction } from './rules/records.ts';
import { addStep, assertEmployedOn, assertNotFuture, groupOnDateSql, personFacts, stepsByIds } from './common.ts';
import { fail } from '../ipc/app-error.ts';
import { refundVoided } from './fund.ts';
import type { RewardStatus } from './vocabulary.ts';

// DIS-4: rewards through their steps — the department recommends, the application form is filled,
// HR reviews, leadership approves — each step recorded with who, when and the note.

type Row = Omit<RewardView, 'steps' | 'application'> & { application: string | null };

const select = `select r.id, r.person_id as personId, p.employee_no as employeeNo, p.name as personName,
    ${groupOnDateSql('r.person_id', 'r.date')} as groupName, p.role, r.kind, r.title, r.amount_fen as amountFen, r.reason, r.status,
    r.application, r.date, r.created_at as createdAt, r.created_by as createdBy,
    (select min(f.date) from fund_entries f where f.reward_id = r.id and f.kind = 'reward-paid') as paidOn
  from rewards r join people p on p.id = r.person_id`;

function views(ctx: Ctx, rows: Row[]): RewardView[] {
  const steps = stepsByIds(
    ctx,
    'reward',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    application: r.application ? (JSON.parse(r.application) as RewardView['application']) : null,
    steps: steps.get(r.id) ?? [],
  }));
}

export function listRewards(ctx: Ctx, filter: { from?: string; to?: string; status?: RewardStatus; personId?: number }): RewardView[] {
  const filters = new Filters()
    .add('r.date >= ?', filter.from)
    .add('r.date <= ?', filter.to)
    .add('r.status = ?', filter.status)
    .add('r.person_id = ?', filter.personId);
  const sql = `${select} ${filters.where} order by r.date desc, r.id desc`;
  return views(ctx, statement(ctx.store.sqlite, sql).all(...filters.params) as Row[]);
}

export function getReward(ctx: Ctx, id: number): RewardView {
  const row = statement(ctx.store.sqlite, `${select} where r.id = ?`).get(id) as Row | undefined;
  if (!row) throw fail('NOT_FOUND', 'id', t('discipline.errors.rewardNotFound', { id }));
  return views(ctx, [row])[0]!;
}

/** DIS-4: the department recommends a person for a reward. */
export function recommendReward(ctx: Ctx, input: z.output<typeof rewardRecommend>, today = localToday()): RewardView {
  const person = personFacts(ctx, input.personId);
  assertNotFuture(input.date, today);
  assertEmployedOn(person, input.date);
  return audited(ctx, (audit) => {
    const id = Number(
      statement(
        ctx.store.sqlite,
        `insert into rewards (person_id, kind, title, amount_fen, reason, status, application, date, created_at, created_by)
         values (?, ?, ?, ?, ?, 'recommended', null, ?, ?, ?)`,
      ).run(input.personId, input.kind, input.title, input.amountFen, input.reason, input.date, nowIso(), ctx.actor.name).lastInsertRowid,
    );
    addStep(ctx, 'reward', id, 'recommend', 'submitted', input.reason);
    const after = getReward(ctx, id);
    audit({ action: 'create', entity: 'reward', entityId: id, after });
    return after;
  });
}

function refused(status: RewardStatus, action: RewardAction) {
  return fail('RULE_VIOLATION', 'id', t(`discipline.errors.reward.${action}`, { status: t(`discipline.rewardStatuses.${status}`) }));
}

/** DIS-4: the application form (the deeds and the department's opinion) is filled in. */
export function applyReward(ctx: Ctx, input: { id: number; deeds: string; opinion: string | null }): RewardView {
  return audited(ctx, (audit) => {
    const before = getReward(ctx, input.id);
    const next = rewardTransition(before.status, 'apply');
    if (!next) throw refused(before.status, 'apply');
    statement(ctx.store.sqlite, 'update rewards set status = ?, application = ? where id = ?').run(
      next,
      JSON.stringify({ deeds: input.deeds, opinion: input.opinion }),
      input.id,
    );
    addStep(ctx, 'reward', input.id, 'apply', 'submitted', input.opinion);
    const after = getReward(ctx, input.id);
    audit({ action: 'apply', entity: 'reward', entityId: input.id, before, after });
    return after;
  });
}

/** DIS-4: HR reviews the application, then leadership approves; either may reject it. */
export function decideReward(
  ctx: Ctx,
  input: { id: number; step: 'hr-review' | 'leadership-approval'; approve: boolean; note: string | null; by: string | null },
): RewardView {
  return audited(ctx, (audit) => {
    const before = getReward(ctx, input.id);
    const action: RewardAction = input.step === 'hr-review' ? 'review' : 'approve';
    const next = rewardTransition(before.status, action, input.approve);
    if (!next) throw refused(before.status, action);
    statement(ctx.store.sqlite, 'update rewards set status = ? where id = ?').run(next, input.id);
    addStep(ctx, 'reward', input.id, input.step, input.approve ? 'approved' : 'rejected', input.note, input.by);
    const after = getReward(ctx, input.id);
    audit({ action: input.approve ? action : 'reject', entity: 'reward', entityId: input.id, before, after });
    return after;
  });
}

/** DIS-5: a reward voided with its reason stays visible; money already paid out comes back as an adjustment. */
export function voidReward(ctx: Ctx, id: number, reason: string): RewardView {
  return audited(ctx, (audit) => {
    const before = getReward(ctx, id);
    if (!rewardTransition(before.status, 'void')) throw refused(before.status, 'void');
    statement(ctx.store.sqlite, "update rewards set status = 'voided' where id = ?").run(id);
    addStep(ctx, 'reward', id, 'void', 'voided', reason);
    if (before.paidOn !== null && before.amountFen)
      refundVoided(ctx, { kind: 'reward', record: before, amountFen: before.amountFen }, audit);
    const after = getReward(ctx, id);
    audit({ action: 'void', entity: 'reward', entityId: id, before, after: { ...after, reason } });
    return after;
  });
}
