import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { localToday, nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getSetting } from '../settings/service.ts';
import type { DeductionRow, FundEntryView, FundMonthView, SanctionView, fundEntryRecord } from './contract.ts';
import { deductionCheck, monthsToClose, settle, settleMonths } from './rules/fund.ts';
import { monthEnd, monthOf, monthsFrom, shiftMonth } from '../time/months.ts';
import { assertNotFuture, personFacts, sanctionSelect, yuan } from './common.ts';
import { fail } from '../ipc/app-error.ts';
import type { FundEntryKind } from './vocabulary.ts';

// DIS-2: the 乐捐 fund. Fines are paid in, rewards and team spending paid out; each month is
// settled (opening, movements, closing) and a closed month is locked: a correction goes into the
// first open month as an adjustment. Before a month closes, LAW's deduction cap is checked.

const entrySelect = `select f.id, f.month, f.date, f.kind, f.amount_fen as amountFen, f.person_id as personId, p.name as personName,
    p.employee_no as employeeNo, f.sanction_id as sanctionId, f.reward_id as rewardId, f.note, f.created_at as createdAt,
    f.created_by as createdBy
  from fund_entries f left join people p on p.id = f.person_id`;

function lastClosed(ctx: Ctx): { month: string; closingFen: number } | null {
  return (
    (statement(ctx.store.sqlite, 'select month, closing_fen as closingFen from fund_months order by month desc limit 1').get() as
      { month: string; closingFen: number } | undefined) ?? null
  );
}

function firstLedgerMonth(ctx: Ctx): string | null {
  return (statement(ctx.store.sqlite, 'select min(month) as month from fund_entries').get() as { month: string | null }).month;
}

/** Where new movements and corrections go: the month after the last closed one (this month without any). */
export function firstOpenMonth(ctx: Ctx, today = localToday()): string {
  const closed = lastClosed(ctx);
  return openAfter(closed, closed ? null : firstLedgerMonth(ctx), today);
}

function openAfter(closed: { month: string } | null, firstLedger: string | null, today: string): string {
  return closed ? shiftMonth(closed.month, 1) : (firstLedger ?? monthOf(today));
}

function assertOpen(ctx: Ctx, date: string, path = 'date'): string {
  const month = monthOf(date);
  const closed = lastClosed(ctx);
  if (closed && month <= closed.month)
    throw fail('CONFLICT', path, t('discipline.errors.fundClosed', { month, open: shiftMonth(closed.month, 1) }));
  return month;
}

function entryById(ctx: Ctx, id: number): FundEntryView {
  return statement(ctx.store.sqlite, `${entrySelect} where f.id = ?`).get(id) as FundEntryView;
}

function balance(ctx: Ctx): number {
  return (statement(ctx.store.sqlite, 'select coalesce(sum(amount_fen), 0) as total from fund_entries').get() as { total: number }).total;
}

export interface NewFundEntry {
  date: string;
  kind: FundEntryKind;
  amountFen: number;
  personId: number | null;
  sanctionId?: number | null;
  rewardId?: number | null;
  note: string | null;
}

/** Inserts a ledger entry; the caller checked the month is open and holds the transaction. */
export function insertFundEntry(ctx: Ctx, entry: NewFundEntry, at = nowIso()): number {
  return Number(
    statement(
      ctx.store.sqlite,
      `insert into fund_entries (month, date, kind, amount_fen, person_id, sanction_id, reward_id, note, created_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      monthOf(entry.date),
      entry.date,
      entry.kind,
      entry.amountFen,
      entry.personId,
      entry.sanctionId ?? null,
      entry.rewardId ?? null,
      entry.note,
      at,
      ctx.actor.name,
    ).lastInsertRowid,
  );
}

/** Team spending (out) or an adjustment (either way), with what it was for. */
export function recordFundEntry(ctx: Ctx, input: z.output<typeof fundEntryRecord>, today = localToday()): FundEntryView {
  assertNotFuture(input.date, today);
  if (input.personId !== null) personFacts(ctx, input.personId);
  return audited(ctx, (audit) => {
    assertOpen(ctx, input.date);
    const amountFen = input.kind === 'spending' ? -input.amountFen : input.amountFen;
    if (input.kind === 'spending' && balance(ctx) + amountFen < 0)
      throw fail('RULE_VIOLATION', 'amountFen', t('discipline.errors.fundShort', { balance: yuan(balance(ctx)) }));
    const id = insertFundEntry(ctx, { date: input.date, kind: input.kind, amountFen, personId: input.personId, note: input.note });
    const entry = entryById(ctx, id);
    audit({ action: 'create', entity: 'fundEntry', entityId: id, after: entry });
    return entry;
  });
}

/** DIS-2: fines paid into the fund on a date, each once (a second payment of the same fine is refused). */
export function payFines(ctx: Ctx, sanctionIds: readonly number[], date: string, today = localToday()): { paid: number } {
  assertNotFuture(date, today);
  return audited(ctx, (audit) => {
    assertOpen(ctx, date);
    const at = nowIso();
    sanctionIds.forEach((sanctionId, i) => {
      const path = `sanctionIds.${i}`;
      const s = statement(ctx.store.sqlite, `${sanctionSelect} where s.id = ?`).get(sanctionId) as SanctionView | undefined;
      if (!s) throw fail('NOT_FOUND', path, t('discipline.errors.sanctionNotFound', { id: sanctionId }));
      if (s.sanction !== 'fine' || !s.amountFen) throw fail('RULE_VIOLATION', path, t('discipline.errors.notAFine', { id: sanctionId }));
      if (s.status === 'voided')
        throw fail('RULE_VIOLATION', path, t('discipline.errors.fineVoided', { name: s.personName, date: s.date }));
      if (s.paidOn !== null)
        throw fail('CONFLICT', path, t('discipline.errors.finePaid', { name: s.personName, date: s.date, paidOn: s.paidOn }));
      if (date < s.date) throw fail('RULE_VIOLATION', 'date', t('discipline.errors.paidBeforeFine', { date: s.date }));
      const id = insertFundEntry(
        ctx,
        { date, kind: 'fine-paid', amountFen: s.amountFen, personId: s.personId, sanctionId, note: null },
        at,
      );
      audit({
        action: 'create',
        entity: 'fundEntry',
        entityId: id,
        after: { kind: 'fine-paid', sanctionId, amountFen: s.amountFen, date },
      });
    });
    return { paid: sanctionIds.length };
  });
}

/** A paid fine or reward that is voided comes back (or goes back) as an adjustment in the first open month. */
export function refundVoided(
  ctx: Ctx,
  voided: { kind: 'sanction' | 'reward'; record: { id: number; personId: number }; amountFen: number },
  audit: (entry: AuditEntry) => void,
  today = localToday(),
): void {
  const open = firstOpenMonth(ctx, today);
  const date = monthOf(today) >= open ? today : `${open}-01`;
  const amountFen = voided.kind === 'sanction' ? -voided.amountFen : voided.amountFen;
  const note = t(voided.kind === 'sanction' ? 'discipline.fund.refundFine' : 'discipline.fund.refundReward', { id: voided.record.id });
  const id = insertFundEntry(ctx, { date, kind: 'adjustment', amountFen, personId: voided.record.personId, note });
  audit({ action: 'create', entity: 'fundEntry', entityId: id, after: { kind: 'adjustment', amountFen, date, note } });
}

/** LAW: everyone whose deductions in the month pass the cap or leave less than the minimum wage. */
export function deductionWarnings(ctx: Ctx, month: string): DeductionRow[] {
  const end = monthEnd(month);
  const capPercent = getSetting(ctx, 'law.deductionCapPercent', end);
  const monthlyWorkDays = getSetting(ctx, 'law.monthlyWorkDays', end);
  const minimumMonthlyFen = Math.round(getSetting(ctx, 'law.minimumMonthlyWageYuan', end) * 100);
  const rows = statement(
    ctx.store.sqlite,
    `select s.person_id as personId, p.employee_no as employeeNo, p.name as personName, p.daily_wage_fen as dailyWageFen,
            sum(s.amount_fen) as deductionsFen
       from sanctions s join people p on p.id = s.person_id
      where s.date between ? and ? and s.status != 'voided' and s.amount_fen > 0
      group by s.person_id order by p.employee_no`,
  ).all(`${month}-01`, end) as Array<{
    personId: number;
    employeeNo: string;
    personName: string;
    dailyWageFen: number | null;
    deductionsFen: number;
  }>;
  const out: DeductionRow[] = [];
  for (const r of rows) {
    const check = deductionCheck({
      dailyWageFen: r.dailyWageFen,
      monthlyWorkDays,
      capPercent,
      minimumMonthlyFen,
      deductionsFen: r.deductionsFen,
    });
    const base = { personId: r.personId, employeeNo: r.employeeNo, personName: r.personName, deductionsFen: r.deductionsFen };
    if (!check.wageKnown) {
      out.push({
        ...base,
        wageKnown: false,
        monthlyWageFen: null,
        capFen: null,
        percent: null,
        overCap: false,
        belowMinimum: false,
        message: t('discipline.fund.wageUnknown', { name: r.personName, amount: yuan(r.deductionsFen) }),
      });
      continue;
    }
    if (!check.overCap && !check.belowMinimum) continue;
    const params = {
      name: r.personName,
      amount: yuan(r.deductionsFen),
      wage: yuan(check.monthlyWageFen),
      percent: check.percent,
      cap: capPercent,
      capAmount: yuan(check.capFen),
      minimum: yuan(minimumMonthlyFen),
    };
    out.push({
      ...base,
      wageKnown: true,
      monthlyWageFen: check.monthlyWageFen,
      capFen: check.capFen,
      percent: check.percent,
      overCap: check.overCap,
      belowMinimum: check.belowMinimum,
      message: [
        check.overCap ? t('discipline.fund.overCap', params) : null,
        check.belowMinimum ? t('discipline.fund.belowMinimum', params) : null,
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  return out;
}

/** Fines dated by the month's end, not voided, with no payment by then. */
function unpaidFines(ctx: Ctx, month: string): SanctionView[] {
  const end = monthEnd(month);
  return statement(
    ctx.store.sqlite,
    `${sanctionSelect} where s.sanction = 'fine' and s.amount_fen > 0 and s.status != 'voided' and s.date <= ?
       and not exists (select 1 from fund_entries f where f.sanction_id = s.id and f.date <= ?) order by s.date, s.id`,
  ).all(end, end) as SanctionView[];
}

/** The month's statement: opening, movements, closing, unpaid fines and the deduction check. */
export function fundMonth(ctx: Ctx, month: string, today = localToday()): FundMonthView {
  const closedRow = statement(
    ctx.store.sqlite,
    'select opening_fen as openingFen, closing_fen as closingFen, closed_at as closedAt, closed_by as closedBy from fund_months where month = ?',
  ).get(month) as { openingFen: number; closingFen: number; closedAt: string; closedBy: string } | undefined;
  const entries = statement(ctx.store.sqlite, `${entrySelect} where f.month = ? order by f.date, f.id`).all(month) as FundEntryView[];
  const closed = lastClosed(ctx);
  const firstLedger = firstLedgerMonth(ctx);
  let openingFen: number;
  if (closedRow) openingFen = closedRow.openingFen;
  else {
    // The newest closed month before this one, plus whatever moved in the open months between.
    const before = statement(
      ctx.store.sqlite,
      'select month, closing_fen as closingFen from fund_months where month < ? order by month desc limit 1',
    ).get(month) as { month: string; closingFen: number } | undefined;
    const between = statement(
      ctx.store.sqlite,
      'select coalesce(sum(amount_fen), 0) as total from fund_entries where month > ? and month < ?',
    ).get(before?.month ?? '0000-00', month) as { total: number };
    openingFen = (before?.closingFen ?? 0) + between.total;
  }
  const { inFen, outFen, closingFen } = settle(
    month,
    openingFen,
    entries.map((e) => e.amountFen),
  );
  const plan = closedRow ? null : monthsToClose(month, firstLedger, closed?.month ?? null);
  return {
    month,
    status: closedRow ? 'closed' : 'open',
    closedAt: closedRow?.closedAt ?? null,
    closedBy: closedRow?.closedBy ?? null,
    openingFen,
    inFen,
    outFen,
    closingFen: closedRow?.closingFen ?? closingFen,
    entries,
    unpaidFines: unpaidFines(ctx, month),
    deductions: deductionWarnings(ctx, month),
    earlierOpen: plan?.ok ? plan.months.filter((m) => m < month) : [],
    firstOpenMonth: openAfter(closed, firstLedger, today),
  };
}

/** Money in and out and the closing balance of each month of a year (the chart). */
export function fundYear(ctx: Ctx, year: number) {
  const from = `${year}-01`;
  const to = `${year}-12`;
  const opening = (
    statement(ctx.store.sqlite, 'select coalesce(sum(amount_fen), 0) as total from fund_entries where month < ?').get(from) as {
      total: number;
    }
  ).total;
  const rows = statement(
    ctx.store.sqlite,
    `select month, coalesce(sum(case when amount_fen > 0 then amount_fen end), 0) as inFen,
            coalesce(-sum(case when amount_fen < 0 then amount_fen end), 0) as outFen
       from fund_entries where month between ? and ? group by month`,
  ).all(from, to) as Array<{ month: string; inFen: number; outFen: number }>;
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const closed = new Set(
    (
      statement(ctx.store.sqlite, 'select month from fund_months where month between ? and ?').all(from, to) as Array<{ month: string }>
    ).map((r) => r.month),
  );
  let running = opening;
  const months = monthsFrom(from, to).map((month) => {
    const m = byMonth.get(month) ?? { inFen: 0, outFen: 0 };
    running += m.inFen - m.outFen;
    return { month, inFen: m.inFen, outFen: m.outFen, closingFen: running, closed: closed.has(month) };
  });
  return { year, months };
}

/**
 * DIS-2: closes the month, and every open month before it (oldest first), each opening with the
 * closing balance before it, across year ends too. LAW: deductions over the cap are warned about
 * with the figures and must be acknowledged before closing.
 */
export function closeFundMonth(ctx: Ctx, month: string, acknowledgeWarnings: boolean, today = localToday()): FundMonthView {
  return audited(ctx, (audit) => {
    if (month > monthOf(today)) throw fail('RULE_VIOLATION', 'month', t('discipline.errors.closeFuture', { month }));
    const closed = lastClosed(ctx);
    const plan = monthsToClose(month, firstLedgerMonth(ctx), closed?.month ?? null);
    if (!plan.ok) throw fail('RULE_VIOLATION', 'month', t('discipline.errors.fundAlreadyClosed', { month }));
    const warnings = plan.months.flatMap((m) => deductionWarnings(ctx, m).map((w) => ({ month: m, w })));
    if (warnings.length > 0 && !acknowledgeWarnings) {
      const message = t('discipline.errors.closeWarnings', { count: warnings.length });
      const details = warnings.slice(0, 50).map(({ month: m, w }) => ({ path: 'acknowledgeWarnings', message: `${m} ${w.message}` }));
      throw new AppError('RULE_VIOLATION', message, details);
    }
    const sums = (
      statement(ctx.store.sqlite, 'select month, amount_fen as amountFen from fund_entries where month between ? and ?').all(
        plan.months[0],
        month,
      ) as Array<{ month: string; amountFen: number }>
    ).reduce((map, r) => map.set(r.month, [...(map.get(r.month) ?? []), r.amountFen]), new Map<string, number[]>());
    const settled = settleMonths(plan.months, closed?.closingFen ?? 0, (m) => sums.get(m) ?? []);
    const at = nowIso();
    const insert = statement(
      ctx.store.sqlite,
      'insert into fund_months (month, opening_fen, closing_fen, closed_at, closed_by) values (?, ?, ?, ?, ?)',
    );
    for (const s of settled) {
      insert.run(s.month, s.openingFen, s.closingFen, at, ctx.actor.name);
      audit({
        action: 'close',
        entity: 'fundMonth',
        entityId: s.month,
        after: { ...s, warnings: warnings.filter((w) => w.month === s.month).length },
      });
    }
    return fundMonth(ctx, month, today);
  });
}

/** DIS-2, DIS-4: an approved reward's money paid out of the fund, once. */
export function payReward(ctx: Ctx, rewardId: number, date: string, today = localToday()): FundEntryView {
  assertNotFuture(date, today);
  return audited(ctx, (audit) => {
    assertOpen(ctx, date);
    const r = statement(
      ctx.store.sqlite,
      `select r.id, r.person_id as personId, r.status, r.amount_fen as amountFen, r.date, p.name,
              (select min(f.date) from fund_entries f where f.reward_id = r.id and f.kind = 'reward-paid') as paidOn
         from rewards r join people p on p.id = r.person_id where r.id = ?`,
    ).get(rewardId) as
      | { id: number; personId: number; status: string; amountFen: number | null; date: string; name: string; paidOn: string | null }
      | undefined;
    if (!r) throw fail('NOT_FOUND', 'rewardId', t('discipline.errors.rewardNotFound', { id: rewardId }));
    if (r.status !== 'approved' || !r.amountFen) throw fail('RULE_VIOLATION', 'rewardId', t('discipline.errors.rewardNotPayable'));
    if (r.paidOn) throw fail('CONFLICT', 'rewardId', t('discipline.errors.rewardPaid', { name: r.name, paidOn: r.paidOn }));
    if (date < r.date) throw fail('RULE_VIOLATION', 'date', t('discipline.errors.paidBeforeFine', { date: r.date }));
    if (balance(ctx) < r.amountFen)
      throw fail('RULE_VIOLATION', 'rewardId', t('discipline.errors.fundShort', { balance: yuan(balance(ctx)) }));
    const id = insertFundEntry(ctx, { date, kind: 'reward-paid', amountFen: -r.amountFen, personId: r.personId, rewardId, note: null });
    const entry = entryById(ctx, id);
    audit({ action: 'create', entity: 'fundEntry', entityId: id, after: entry });
    return entry;
  });
}
