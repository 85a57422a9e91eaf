import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import { addDays } from '../time/dates.ts';
import type { CellChange, CellValue, MonthView, RosterIssue, SwapRequest } from './contract.ts';
import { cellProblems, writeCells } from './cells.ts';
import { monthBounds, peopleWithStays, periodView, stayOn, CONTEXT_DAYS } from './month.ts';
import { translate } from './publish.ts';
import { checkRoster, issueKey } from './rules/index.ts';

// ROS-2: a swap between two people, or a shift given to someone who is off, takes effect only
// when the group leader approves it; approval changes both cells, the request and the audit in
// one transaction. Requests are never deleted.

type Status = SwapRequest['status'];

interface SwapRow {
  id: number;
  kind: 'swap' | 'give';
  personId: number;
  personName: string;
  date: string;
  otherPersonId: number;
  otherPersonName: string;
  otherDate: string | null;
  reason: string | null;
  status: Status;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
  createdBy: string;
}

const select = `select s.id, s.kind, s.person_id as personId, p.name as personName, s.date, s.other_person_id as otherPersonId,
  o.name as otherPersonName, s.other_date as otherDate, s.reason, s.status, s.decided_by as decidedBy, s.decided_at as decidedAt,
  s.decision_reason as decisionReason, s.created_at as createdAt, s.created_by as createdBy
  from swap_requests s join people p on p.id = s.person_id join people o on o.id = s.other_person_id`;

function cellValue(ctx: Ctx, personId: number, date: string): CellValue {
  const row = statement(ctx.store.sqlite, 'select shift_type_id as shiftTypeId from assignments where person_id = ? and date = ?').get(
    personId,
    date,
  ) as { shiftTypeId: number | null } | undefined;
  return row === undefined ? null : (row.shiftTypeId ?? 'rest');
}

type SwapShape = Pick<SwapRow, 'kind' | 'personId' | 'date' | 'otherPersonId' | 'otherDate'>;

/** The days a swap touches: one for a give-away or a same-day swap, two otherwise. */
function swapDates(swap: SwapShape): string[] {
  const other = swap.otherDate ?? swap.date;
  return swap.kind === 'give' || other === swap.date ? [swap.date] : [swap.date, other].sort();
}

/** A swap exchanges the two people's cells on each day it touches. */
function swapChanges(ctx: Ctx, swap: SwapShape): CellChange[] {
  return swapDates(swap).flatMap((date) => {
    const mine = cellValue(ctx, swap.personId, date);
    const theirs = cellValue(ctx, swap.otherPersonId, date);
    return [
      { personId: swap.personId, date, value: theirs },
      { personId: swap.otherPersonId, date, value: mine },
    ];
  });
}

/**
 * What must hold for the swap to make sense on the current roster: the person works the shift
 * to be swapped or given; for a swap the other person works theirs, and on two different days
 * each is off on the other's day; for a give-away the other person is off that day.
 */
function preconditionProblems(ctx: Ctx, swap: SwapShape): ErrorDetail[] {
  const people = peopleWithStays(ctx, [swap.personId, swap.otherPersonId]);
  const me = people.get(swap.personId)!;
  const other = people.get(swap.otherPersonId)!;
  const problems: ErrorDetail[] = [];
  const works = (personId: number, date: string) => typeof cellValue(ctx, personId, date) === 'number';
  const otherDate = swap.otherDate ?? swap.date;
  for (const date of swapDates(swap)) {
    const path = date === swap.date ? 'date' : 'otherDate';
    for (const person of [me, other]) {
      if (!stayOn(person, date)) problems.push({ path, message: t('roster.swaps.notEmployed', { name: person.name, date }) });
    }
  }
  if (!works(swap.personId, swap.date))
    problems.push({ path: 'date', message: t('roster.swaps.noShift', { name: me.name, date: swap.date }) });
  if (swap.kind === 'give') {
    if (works(swap.otherPersonId, swap.date)) {
      problems.push({ path: 'otherPersonId', message: t('roster.swaps.otherBusy', { name: other.name, date: swap.date }) });
    }
  } else {
    if (!works(swap.otherPersonId, otherDate)) {
      problems.push({ path: 'otherDate', message: t('roster.swaps.noShift', { name: other.name, date: otherDate }) });
    }
    if (otherDate !== swap.date) {
      if (works(swap.otherPersonId, swap.date)) {
        problems.push({ path: 'otherPersonId', message: t('roster.swaps.otherBusy', { name: other.name, date: swap.date }) });
      }
      if (works(swap.personId, otherDate))
        problems.push({ path: 'otherDate', message: t('roster.swaps.otherBusy', { name: me.name, date: otherDate }) });
    }
  }
  return problems;
}

function withChanges(view: MonthView, changes: CellChange[]): MonthView {
  const changed = new Map(changes.map((c) => [`${c.personId}:${c.date}`, c.value]));
  const cells = view.cells.filter(([personId, date]) => !changed.has(`${personId}:${date}`));
  const inView = new Set(view.people.map((p) => p.id));
  for (const c of changes) if (c.value !== null && inView.has(c.personId)) cells.push([c.personId, c.date, c.value, false]);
  return { ...view, cells };
}

/**
 * The issues approving would create (ROS-1 coverage, ROS-4 rest and runs for both people,
 * LEV-5 leave, ORG-3 employment, ROS-3 functions): each roster the swap touches (the groups of
 * both people on those days, and the department when it has requirements of its own) is checked
 * before and after, and what is new is returned. Windows reach a week past the last day, where
 * a longer run or a short rest would show.
 */
export function swapChecks(ctx: Ctx, swap: SwapShape): RosterIssue[] {
  const dates = swapDates(swap);
  const from = dates[0]!;
  const to = addDays(dates[dates.length - 1]!, CONTEXT_DAYS);
  const people = peopleWithStays(ctx, [swap.personId, swap.otherPersonId]);
  const scopes = new Set<number | null>();
  for (const person of people.values()) {
    for (const date of dates) {
      const group = stayOn(person, date)?.groupId;
      if (group !== undefined && group !== null) scopes.add(group);
    }
  }
  if (statement(ctx.store.sqlite, 'select 1 from coverage where group_id is null limit 1').get()) scopes.add(null);
  const changes = swapChanges(ctx, swap);
  const only = new Set([swap.personId, swap.otherPersonId]);
  const found = new Map<string, RosterIssue>();
  for (const scope of scopes) {
    const view = periodView(ctx, scope, from.slice(0, 7), from, to);
    const before = new Set(checkRoster(view, translate, only).map(issueKey));
    for (const issue of checkRoster(withChanges(view, changes), translate, only)) {
      const key = issueKey(issue);
      if (!before.has(key)) found.set(key, issue);
    }
  }
  return [...found.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function getSwapRow(ctx: Ctx, id: number): SwapRow {
  const row = statement(ctx.store.sqlite, `${select} where s.id = ?`).get(id) as SwapRow | undefined;
  if (!row) {
    const message = t('roster.swaps.notFound', { id });
    throw new AppError('NOT_FOUND', message, [{ path: 'id', message }]);
  }
  return row;
}

function toSwap(ctx: Ctx, row: SwapRow): SwapRequest {
  return { ...row, checks: row.status === 'pending' ? swapChecks(ctx, row) : [] };
}

export function listSwaps(ctx: Ctx, filter: { month?: string; status?: Status }): SwapRequest[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.month) {
    const { from, to } = monthBounds(filter.month);
    where.push('(s.date between ? and ? or s.other_date between ? and ?)');
    params.push(from, to, from, to);
  }
  if (filter.status) {
    where.push('s.status = ?');
    params.push(filter.status);
  }
  const sql = `${select} ${where.length > 0 ? `where ${where.join(' and ')}` : ''} order by s.created_at desc, s.id desc`;
  return (statement(ctx.store.sqlite, sql).all(...params) as SwapRow[]).map((row) => toSwap(ctx, row));
}

export function requestSwap(
  ctx: Ctx,
  input: { kind: 'swap' | 'give'; personId: number; date: string; otherPersonId: number; otherDate: string | null; reason: string | null },
): SwapRequest {
  const shape: SwapShape = { ...input, otherDate: input.kind === 'swap' ? (input.otherDate ?? input.date) : null };
  const invalid: ErrorDetail[] = [];
  if (input.personId === input.otherPersonId) invalid.push({ path: 'otherPersonId', message: t('roster.swaps.samePerson') });
  if (input.kind === 'give' && input.otherDate !== null) invalid.push({ path: 'otherDate', message: t('roster.swaps.otherDateForGive') });
  const people = peopleWithStays(ctx, [input.personId, input.otherPersonId]);
  for (const [id, path] of [
    [input.personId, 'personId'],
    [input.otherPersonId, 'otherPersonId'],
  ] as const) {
    if (!people.has(id)) invalid.push({ path, message: t('errors.personNotFound', { id }) });
  }
  if (invalid.length > 0)
    throw new AppError('VALIDATION', `${t('errors.validation')} ${invalid.map((p) => p.message).join(t('common.sentenceSeparator'))}`, invalid);
  const problems = preconditionProblems(ctx, shape);
  if (problems.length > 0) throw new AppError('RULE_VIOLATION', problems.map((p) => p.message).join(t('common.sentenceSeparator')), problems);
  return audited(ctx, (audit) => {
    const id = Number(
      statement(
        ctx.store.sqlite,
        `insert into swap_requests (kind, person_id, date, other_person_id, other_date, reason, status, created_at, created_by)
         values (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      ).run(shape.kind, shape.personId, shape.date, shape.otherPersonId, shape.otherDate, input.reason, nowIso(), ctx.actor.name)
        .lastInsertRowid,
    );
    const after = getSwapRow(ctx, id);
    audit({ action: 'request', entity: 'swap', entityId: id, after });
    return toSwap(ctx, after);
  });
}

function assertPending(row: SwapRow): void {
  if (row.status === 'pending') return;
  const message = t('roster.swaps.decided', { status: t(`roster.swaps.status.${row.status}`) });
  throw new AppError('RULE_VIOLATION', message, [{ path: 'id', message }]);
}

function setStatus(ctx: Ctx, id: number, status: Status, reason: string | null): void {
  statement(ctx.store.sqlite, 'update swap_requests set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ?').run(
    status,
    ctx.actor.name,
    nowIso(),
    reason,
    id,
  );
}

/** Approve (both cells change with the request, in one transaction) or reject with a reason. */
export function decideSwap(ctx: Ctx, input: { id: number; approve: boolean; reason: string | null }): SwapRequest {
  return audited(ctx, (audit) => {
    const before = getSwapRow(ctx, input.id);
    assertPending(before);
    if (!input.approve && !input.reason) {
      const message = t('roster.swaps.reasonRequired');
      throw new AppError('VALIDATION', message, [{ path: 'reason', message }]);
    }
    if (input.approve) {
      const stale = preconditionProblems(ctx, before);
      if (stale.length > 0) {
        const message = t('roster.swaps.changedSince', { detail: stale.map((p) => p.message).join(t('common.sentenceSeparator')) });
        throw new AppError('CONFLICT', message, [{ path: 'id', message }]);
      }
      const changes = swapChanges(ctx, before);
      const problems = cellProblems(ctx, changes, 'swap');
      if (problems.length > 0) throw new AppError('RULE_VIOLATION', problems.map((p) => p.message).join(t('common.sentenceSeparator')), problems);
      writeCells(ctx, audit, changes, 'swap', `swap:${before.id}`);
    }
    setStatus(ctx, input.id, input.approve ? 'approved' : 'rejected', input.reason);
    const after = getSwapRow(ctx, input.id);
    audit({ action: input.approve ? 'approve' : 'reject', entity: 'swap', entityId: input.id, before, after });
    return toSwap(ctx, after);
  });
}

export function cancelSwap(ctx: Ctx, input: { id: number; reason: string | null }): SwapRequest {
  return audited(ctx, (audit) => {
    const before = getSwapRow(ctx, input.id);
    assertPending(before);
    setStatus(ctx, input.id, 'cancelled', input.reason);
    const after = getSwapRow(ctx, input.id);
    audit({ action: 'cancel', entity: 'swap', entityId: input.id, before, after });
    return toSwap(ctx, after);
  });
}
