import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { nowIso, localToday } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement, Filters } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import type { ErrorCode, ErrorDetail } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import { getPerson } from '../people/service.ts';
import type { Person } from '../people/contract.ts';
import { calendarBetween } from '../roster/holidays.ts';
import { closedMonthsBetween } from '../attendance/months.ts';
import type { LeaveCheck, LeaveDraft, LeaveRequestView, LeaveType, leaveRequestInput, requestFilter } from './contract.ts';
import { getLeaveType, eventAllowance, typeLabel } from './types.ts';
import { computeBalances } from './balances.ts';
import { leaveImpact } from './impact.ts';
import { leaveDays, countedDays, partsProblem, type LeaveDay, type CalendarKind, type RosterCell } from './rules/days.ts';
import { overBy } from './rules/balance.ts';
import { inclusiveDays } from './rules/entitlement.ts';
import { assertMayDecide, assertMayEnterFor } from './actor.ts';

// LEV-5: a leave request is applied for (by the supervisor or a group leader, for a person), then
// approved or rejected with a reason, or cancelled. Before anything is decided the app shows
// what the request takes from the balance and which rostered shifts it removes (ROS-1).

const MAX_DAYS = 400;

type Problem = ErrorDetail & { code: ErrorCode; over?: boolean };

interface Checked {
  person: Person;
  type: LeaveType;
  days: LeaveDay[];
  check: LeaveCheck;
  problems: Problem[];
}

/** The days of a request, counted against the roster and the calendar. */
export function requestDays(
  ctx: Ctx,
  personId: number,
  draft: Pick<LeaveDraft, 'startDate' | 'startPart' | 'endDate' | 'endPart'>,
  countsCalendarDays: boolean,
): LeaveDay[] {
  const calendar = calendarBetween(ctx, draft.startDate, draft.endDate).days;
  const cells = new Map(
    (
      statement(
        ctx.store.sqlite,
        'select date, shift_type_id as shiftTypeId from assignments where person_id = ? and date between ? and ?',
      ).all(personId, draft.startDate, draft.endDate) as Array<{ date: string; shiftTypeId: number | null }>
    ).map((c) => [c.date, (c.shiftTypeId === null ? 'rest' : 'shift') as RosterCell]),
  );
  return leaveDays({
    ...draft,
    countsCalendarDays,
    calendar: (date) => (calendar.get(date)?.kind ?? 'ordinary') as CalendarKind,
    roster: (date) => cells.get(date) ?? null,
  });
}

function overlapping(ctx: Ctx, personId: number, from: string, to: string, exceptId: number | null) {
  return statement(
    ctx.store.sqlite,
    `select id, start_date as startDate, end_date as endDate from leave_requests
      where person_id = ? and status in ('pending', 'approved') and start_date <= ? and end_date >= ? and id <> ? order by start_date limit 1`,
  ).get(personId, to, from, exceptId ?? -1) as { id: number; startDate: string; endDate: string } | undefined;
}

function checkDraft(ctx: Ctx, draft: LeaveDraft, existingId: number | null, withImpact = true): Checked {
  const person = getPerson(ctx, draft.personId);
  const type = getLeaveType(ctx, draft.leaveTypeId);
  const problems: Problem[] = [];
  const problem = (code: ErrorCode, path: string, message: string, over = false) => problems.push({ code, path, message, over });

  const parts = partsProblem(draft);
  if (parts === 'order') problem('VALIDATION', 'endDate', t('leave.errors.endBeforeStart'));
  if (parts === 'sameDayHalves') problem('VALIDATION', 'endPart', t('leave.errors.sameDayHalves'));
  const length = parts === 'order' ? 0 : inclusiveDays(draft.startDate, draft.endDate);
  if (length > MAX_DAYS) problem('VALIDATION', 'endDate', t('leave.errors.tooLong', { max: MAX_DAYS }));
  const valid = parts !== 'order' && length <= MAX_DAYS;
  const days = valid ? requestDays(ctx, person.id, draft, type.countsCalendarDays) : [];
  const total = countedDays(days);

  if (type.archivedOn) problem('RULE_VIOLATION', 'leaveTypeId', t('leave.errors.typeArchived', { type: type.label }));
  if (draft.startDate < person.hireDate)
    problem('RULE_VIOLATION', 'startDate', t('leave.errors.beforeHire', { hireDate: person.hireDate }));
  if (person.leftOn !== null && draft.endDate > person.leftOn)
    problem('RULE_VIOLATION', 'endDate', t('leave.errors.afterLeaving', { leftOn: person.leftOn }));
  const yearly = type.entitlement === 'annual' || type.entitlement === 'cap' || type.entitlement === 'lieu';
  if (valid && yearly && draft.startDate.slice(0, 4) !== draft.endDate.slice(0, 4)) {
    problem('RULE_VIOLATION', 'endDate', t('leave.errors.acrossYears', { type: type.label }));
  }
  if (valid && total === 0 && parts === null) problem('RULE_VIOLATION', 'endDate', t('leave.errors.noWorkingDay'));

  const year = Number(draft.startDate.slice(0, 4));
  const balance =
    computeBalances(ctx, year, { personIds: [person.id], withLines: true, excludeRequestId: existingId ?? undefined })[0]?.balances.find(
      (b) => b.leaveTypeId === type.id,
    ) ?? null;
  const allowance = type.entitlement === 'event' ? eventAllowance(ctx, type, draft.startDate, draft.maternity) : null;
  const over = balance ? overBy({ ...balance, lines: [] }, total, allowance?.days ?? null) : 0;
  if (over > 0 && !type.allowOverBalance) {
    const message =
      type.entitlement === 'event'
        ? t('leave.errors.overAllowance', { type: type.label, allowance: allowance?.days ?? 0, days: total, over })
        : t('leave.errors.overBalance', { type: type.label, remaining: balance?.remaining ?? 0, days: total, over });
    problem('RULE_VIOLATION', 'leaveTypeId', message, true);
  }
  const other = valid ? overlapping(ctx, person.id, draft.startDate, draft.endDate, existingId) : undefined;
  if (other) problem('CONFLICT', 'startDate', t('leave.errors.overlap', { from: other.startDate, to: other.endDate }));
  const closed = valid ? closedMonthsBetween(ctx, draft.startDate, draft.endDate) : [];
  if (closed.length > 0)
    problem('CONFLICT', 'startDate', t('attendance.errors.monthClosed', { months: closed.join(t('common.listSeparator')) }));

  const impact = withImpact && valid ? leaveImpact(ctx, person.id, days) : { shifts: [], coverage: [], warnings: [] };
  if (type.code === 'personal' && draft.startDate < localToday()) impact.warnings.unshift(t('leave.impact.personalInAdvance'));
  return {
    person,
    type,
    days,
    problems,
    check: {
      days: days.map((d) => ({ date: d.date, weight: d.weight, counted: d.counted, reason: d.reason })),
      total,
      balance,
      allowance,
      over,
      problems: problems.map(({ path, message }) => ({ path, message })),
      impact,
    },
  };
}

function fail(problems: Problem[]): never {
  const code = problems.some((p) => p.code === 'VALIDATION')
    ? 'VALIDATION'
    : problems.some((p) => p.code === 'CONFLICT')
      ? 'CONFLICT'
      : 'RULE_VIOLATION';
  const details = problems.map(({ path, message }) => ({ path, message }));
  throw new AppError(code, problems.map((p) => p.message).join(t('common.sentenceSeparator')), details);
}

export function checkLeave(ctx: Ctx, draft: LeaveDraft): LeaveCheck {
  return checkDraft(ctx, draft, null).check;
}

// ---- reading ----

const select = `select r.id, r.person_id as personId, p.name as personName, p.employee_no as employeeNo, g.name as groupName,
    r.leave_type_id as leaveTypeId, lt.code as leaveCode, lt.name as leaveName, r.start_date as startDate, r.start_part as startPart,
    r.end_date as endDate, r.end_part as endPart, r.days, r.reason, r.evidence, r.status, r.decided_by as decidedBy,
    r.decided_at as decidedAt, r.decision_reason as decisionReason, r.created_at as createdAt, r.created_by as createdBy
  from leave_requests r join people p on p.id = r.person_id left join groups g on g.id = p.group_id
  join leave_types lt on lt.id = r.leave_type_id`;

type Row = Omit<LeaveRequestView, 'leaveLabel'> & { leaveName: string };

function toView({ leaveName, ...row }: Row): LeaveRequestView {
  return { ...row, leaveLabel: typeLabel(row.leaveCode, leaveName) };
}

export function getRequest(ctx: Ctx, id: number): LeaveRequestView {
  const row = statement(ctx.store.sqlite, `${select} where r.id = ?`).get(id) as Row | undefined;
  if (!row) {
    const message = t('leave.errors.requestNotFound', { id });
    throw new AppError('NOT_FOUND', message, [{ path: 'id', message }]);
  }
  return toView(row);
}

export function listRequests(ctx: Ctx, filter: z.output<typeof requestFilter>): LeaveRequestView[] {
  const filters = new Filters()
    .add('r.end_date >= ?', filter.from)
    .add('r.start_date <= ?', filter.to)
    .add('r.status = ?', filter.status)
    .add('r.person_id = ?', filter.personId)
    .add('p.group_id = ?', filter.groupId);
  const sql = `${select} ${filters.where} order by r.status <> 'pending', r.start_date desc, r.id desc limit 2000`;
  return (statement(ctx.store.sqlite, sql).all(...filters.params) as Row[]).map(toView);
}

// ---- writing ----

export function requestLeave(ctx: Ctx, input: z.output<typeof leaveRequestInput>): LeaveRequestView {
  return audited(ctx, (audit) => {
    const checked = checkDraft(ctx, input, null, false);
    assertMayEnterFor(ctx, checked.person);
    const problems = [...checked.problems];
    if (checked.type.evidenceRequired && !input.evidence) {
      problems.push({
        code: 'RULE_VIOLATION',
        path: 'evidence',
        message: t('leave.errors.evidenceRequired', { type: checked.type.label }),
      });
    }
    if (problems.length > 0) fail(problems);
    const row = statement(
      ctx.store.sqlite,
      `insert into leave_requests (person_id, leave_type_id, start_date, start_part, end_date, end_part, days, reason, evidence, status,
         created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    ).run(
      input.personId,
      input.leaveTypeId,
      input.startDate,
      input.startPart,
      input.endDate,
      input.endPart,
      checked.check.total,
      input.reason,
      input.evidence,
      nowIso(),
      ctx.actor.name,
    );
    const after = getRequest(ctx, Number(row.lastInsertRowid));
    audit({
      action: 'create',
      entity: 'leaveRequest',
      entityId: after.id,
      after: { ...after, maternity: input.maternity ?? null, allowance: checked.check.allowance },
    });
    return after;
  });
}

export function decideLeave(ctx: Ctx, input: { id: number; approve: boolean; reason: string | null }): LeaveRequestView {
  assertMayDecide(ctx);
  return audited(ctx, (audit) => {
    const before = getRequest(ctx, input.id);
    if (before.status !== 'pending') {
      const message = t('leave.errors.notPending', { status: t(`leave.statuses.${before.status}`) });
      throw new AppError('CONFLICT', message, [{ path: 'id', message }]);
    }
    if (!input.approve && !input.reason) {
      const message = t('leave.errors.rejectReason');
      throw new AppError('VALIDATION', message, [{ path: 'reason', message }]);
    }
    if (input.approve) {
      // The balance and the roster may have moved since the request was made: checked again.
      const checked = checkDraft(ctx, { ...before }, before.id, false);
      // The request keeps the allowance it was made with (maternity options live in its audit row).
      const problems = checked.problems.filter((p) => !(checked.type.entitlement === 'event' && p.over));
      if (problems.length > 0) fail(problems);
    }
    statement(
      ctx.store.sqlite,
      'update leave_requests set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ?',
    ).run(input.approve ? 'approved' : 'rejected', ctx.actor.name, nowIso(), input.reason, input.id);
    const after = getRequest(ctx, input.id);
    audit({ action: input.approve ? 'approve' : 'reject', entity: 'leaveRequest', entityId: input.id, before, after });
    return after;
  });
}

export function cancelLeave(ctx: Ctx, input: { id: number; reason: string }): LeaveRequestView {
  return audited(ctx, (audit) => {
    const before = getRequest(ctx, input.id);
    assertMayEnterFor(ctx, getPerson(ctx, before.personId), 'id');
    if (before.status !== 'pending' && before.status !== 'approved') {
      const message = t('leave.errors.notCancellable', { status: t(`leave.statuses.${before.status}`) });
      throw new AppError('CONFLICT', message, [{ path: 'id', message }]);
    }
    const closed = closedMonthsBetween(ctx, before.startDate, before.endDate);
    if (before.status === 'approved' && closed.length > 0) {
      const message = t('attendance.errors.monthClosed', { months: closed.join(t('common.listSeparator')) });
      throw new AppError('CONFLICT', message, [{ path: 'id', message }]);
    }
    statement(
      ctx.store.sqlite,
      "update leave_requests set status = 'cancelled', decided_by = ?, decided_at = ?, decision_reason = ? where id = ?",
    ).run(ctx.actor.name, nowIso(), input.reason, input.id);
    const after = getRequest(ctx, input.id);
    audit({ action: 'cancel', entity: 'leaveRequest', entityId: input.id, before, after });
    return after;
  });
}

/** What approving a request does: its days, the balance without it, and the roster's coverage (ROS-1). */
export function requestImpact(ctx: Ctx, id: number): LeaveCheck {
  const r = getRequest(ctx, id);
  const checked = checkDraft(ctx, { ...r }, r.id);
  return { ...checked.check, total: r.days };
}
