import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement, Filters } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getPerson } from '../people/service.ts';
import { getSetting } from '../settings/service.ts';
import { calendarBetween } from '../roster/holidays.ts';
import { weekday } from '../time/dates.ts';
import { clock, dayNumber } from '../roster/rules/time.ts';
import { assertMonthsOpen } from '../attendance/months.ts';
import { assertMayDecide, assertMayEnterFor } from '../leave/actor.ts';
import { monthBounds } from '../roster/month.ts';
import type { OvertimeCheck, OvertimeDraft, OvertimeRequestView, overtimeContract } from './contract.ts';
import { multipliersOn } from './multipliers.ts';
import { capWarnings, dayKindOf, lieuAllowed, multiplierOf, type CapWarning } from './rules/overtime.ts';

// OT-1, OT-2: overtime is applied for and approved before it is worked, then recorded as worked.
// The calendar gives the day's kind and so its multiplier; the legal caps warn and the warning is
// acknowledged on approval (LAW).

type ListFilter = z.output<(typeof overtimeContract)['list']['input']>;

function warningText(w: CapWarning): OvertimeRequestView['warnings'][number] {
  return { ...w, message: t(`overtime.warnings.${w.kind}`, { hours: w.hours, cap: w.cap }) };
}

/** Local wall-clock now as minutes since 1970-01-01 00:00 (the same clock the punches use). */
function localNowMinutes(now = new Date()): number {
  return Math.floor((now.getTime() - now.getTimezoneOffset() * 60_000) / 60_000);
}

function draftWarnings(ctx: Ctx, draft: OvertimeDraft, kind: OvertimeCheck['dayKind'], exceptId: number | null): CapWarning[] {
  const { from, to } = monthBounds(draft.date.slice(0, 7));
  const others = statement(
    ctx.store.sqlite,
    `select date, coalesce(actual_minutes, planned_minutes) as minutes from overtime_requests
      where person_id = ? and status in ('pending', 'approved') and date between ? and ? and id <> ?`,
  ).all(draft.personId, from, to, exceptId ?? -1) as Array<{ date: string; minutes: number }>;
  const start = dayNumber(draft.date) * 1440;
  return capWarnings({
    kind,
    plannedMinutes: draft.plannedMinutes,
    sameDayMinutes: others.filter((o) => o.date === draft.date).reduce((s, o) => s + o.minutes, 0),
    sameMonthMinutes: others.reduce((s, o) => s + o.minutes, 0),
    dailyCapHours: getSetting(ctx, 'overtime.dailyCapHours', draft.date),
    monthlyCapHours: getSetting(ctx, 'overtime.monthlyCapHours', draft.date),
    startedMinutesAgo: localNowMinutes() - (start + draft.startMinute),
  });
}

export function checkOvertime(ctx: Ctx, draft: OvertimeDraft, exceptId: number | null = null): OvertimeCheck {
  const person = getPerson(ctx, draft.personId);
  const entry = calendarBetween(ctx, draft.date, draft.date).days.get(draft.date);
  const dayKind = dayKindOf(entry?.kind ?? 'ordinary', weekday(draft.date));
  const multiplier = multiplierOf(dayKind, multipliersOn(ctx, draft.date));
  const problems: OvertimeCheck['problems'] = [];
  if (draft.compensation === 'lieu' && !lieuAllowed(dayKind)) {
    problems.push({ path: 'compensation', message: t('overtime.errors.lieuRestDayOnly', { kind: t(`overtime.dayKinds.${dayKind}`) }) });
  }
  if (draft.date < person.hireDate || (person.leftOn !== null && draft.date > person.leftOn)) {
    problems.push({ path: 'date', message: t('overtime.errors.notEmployed', { name: person.name, date: draft.date }) });
  }
  return {
    dayKind,
    multiplier,
    dayName: entry?.name ?? null,
    warnings: draftWarnings(ctx, draft, dayKind, exceptId).map(warningText),
    problems,
  };
}

const select = `select o.id, o.person_id as personId, p.name as personName, p.employee_no as employeeNo, g.name as groupName, o.date,
    o.start_minute as startMinute, o.planned_minutes as plannedMinutes, o.reason, o.compensation, o.day_kind as dayKind, o.multiplier,
    o.status, o.warnings, o.decided_by as decidedBy, o.decided_at as decidedAt, o.decision_reason as decisionReason,
    o.actual_minutes as actualMinutes, o.actual_recorded_at as actualRecordedAt, o.created_at as createdAt, o.created_by as createdBy
  from overtime_requests o join people p on p.id = o.person_id left join groups g on g.id = p.group_id`;

type Row = Omit<OvertimeRequestView, 'warnings'> & { warnings: string | null };

function toView(row: Row): OvertimeRequestView {
  return { ...row, warnings: row.warnings ? (JSON.parse(row.warnings) as OvertimeRequestView['warnings']) : [] };
}

export function getOvertime(ctx: Ctx, id: number): OvertimeRequestView {
  const row = statement(ctx.store.sqlite, `${select} where o.id = ?`).get(id) as Row | undefined;
  if (!row) {
    const message = t('overtime.errors.notFound', { id });
    throw new AppError('NOT_FOUND', message, [{ path: 'id', message }]);
  }
  return toView(row);
}

export function listOvertime(ctx: Ctx, filter: ListFilter): OvertimeRequestView[] {
  const filters = new Filters()
    .add("o.date like ? || '-%'", filter.month)
    .add('o.person_id = ?', filter.personId)
    .add('p.group_id = ?', filter.groupId)
    .add('o.status = ?', filter.status);
  const sql = `${select} ${filters.where} order by o.status <> 'pending', o.date desc, o.id desc limit 2000`;
  return (statement(ctx.store.sqlite, sql).all(...filters.params) as Row[]).map(toView);
}

function refuse(problems: OvertimeCheck['problems']): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => p.message).join(t('common.sentenceSeparator')), problems);
}

export function requestOvertime(ctx: Ctx, input: OvertimeDraft & { reason: string | null }): OvertimeRequestView {
  return audited(ctx, (audit) => {
    assertMayEnterFor(ctx, getPerson(ctx, input.personId));
    assertMonthsOpen(ctx, input.date, input.date, 'date');
    const check = checkOvertime(ctx, input);
    if (check.problems.length > 0) refuse(check.problems);
    const row = statement(
      ctx.store.sqlite,
      `insert into overtime_requests (person_id, date, start_minute, planned_minutes, reason, compensation, day_kind, multiplier, status,
         warnings, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
    ).run(
      input.personId,
      input.date,
      input.startMinute,
      input.plannedMinutes,
      input.reason,
      input.compensation,
      check.dayKind,
      check.multiplier,
      JSON.stringify(check.warnings),
      nowIso(),
      ctx.actor.name,
    );
    const after = getOvertime(ctx, Number(row.lastInsertRowid));
    audit({ action: 'create', entity: 'overtimeRequest', entityId: after.id, after });
    return after;
  });
}

export function decideOvertime(
  ctx: Ctx,
  input: { id: number; approve: boolean; reason: string | null; acknowledgeWarnings: boolean },
): OvertimeRequestView {
  assertMayDecide(ctx);
  return audited(ctx, (audit) => {
    const before = getOvertime(ctx, input.id);
    if (before.status !== 'pending') {
      const message = t('leave.errors.notPending', { status: t(`leave.statuses.${before.status}`) });
      throw new AppError('CONFLICT', message, [{ path: 'id', message }]);
    }
    if (!input.approve && !input.reason) {
      const message = t('leave.errors.rejectReason');
      throw new AppError('VALIDATION', message, [{ path: 'reason', message }]);
    }
    assertMonthsOpen(ctx, before.date, before.date, 'id');
    let dayKind = before.dayKind;
    let multiplier = before.multiplier;
    let warnings = before.warnings;
    if (input.approve) {
      // The day's kind and multiplier are taken from the calendar as it stands when approved.
      const check = checkOvertime(ctx, before, before.id);
      if (check.problems.length > 0) refuse(check.problems);
      // Applied for (or approved) after it started: OT-1 wants both before the work.
      const late = before.warnings.filter((w) => w.kind === 'late');
      warnings = check.warnings.some((w) => w.kind === 'late') ? check.warnings : [...check.warnings, ...late];
      if (warnings.length > 0 && !input.acknowledgeWarnings) {
        const message = t('overtime.errors.acknowledge', { warnings: warnings.map((w) => w.message).join(t('common.sentenceSeparator')) });
        throw new AppError('RULE_VIOLATION', message, [{ path: 'acknowledgeWarnings', message }]);
      }
      dayKind = check.dayKind;
      multiplier = check.multiplier;
    }
    statement(
      ctx.store.sqlite,
      `update overtime_requests set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, day_kind = ?, multiplier = ?, warnings = ?
        where id = ?`,
    ).run(
      input.approve ? 'approved' : 'rejected',
      ctx.actor.name,
      nowIso(),
      input.reason,
      dayKind,
      multiplier,
      JSON.stringify(warnings),
      input.id,
    );
    const after = getOvertime(ctx, input.id);
    audit({ action: input.approve ? 'approve' : 'reject', entity: 'overtimeRequest', entityId: input.id, before, after });
    return after;
  });
}

export function cancelOvertime(ctx: Ctx, input: { id: number; reason: string | null }): OvertimeRequestView {
  return audited(ctx, (audit) => {
    const before = getOvertime(ctx, input.id);
    assertMayEnterFor(ctx, getPerson(ctx, before.personId), 'id');
    if (before.status !== 'pending' && before.status !== 'approved') {
      const message = t('leave.errors.notCancellable', { status: t(`leave.statuses.${before.status}`) });
      throw new AppError('CONFLICT', message, [{ path: 'id', message }]);
    }
    if (before.actualMinutes !== null) {
      const message = t('overtime.errors.alreadyWorked');
      throw new AppError('CONFLICT', message, [{ path: 'id', message }]);
    }
    assertMonthsOpen(ctx, before.date, before.date, 'id');
    statement(
      ctx.store.sqlite,
      "update overtime_requests set status = 'cancelled', decided_by = ?, decided_at = ?, decision_reason = ? where id = ?",
    ).run(ctx.actor.name, nowIso(), input.reason, input.id);
    const after = getOvertime(ctx, input.id);
    audit({ action: 'cancel', entity: 'overtimeRequest', entityId: input.id, before, after });
    return after;
  });
}

/** OT-2: the minutes actually worked, once the day has come. */
export function recordActual(ctx: Ctx, input: { id: number; actualMinutes: number }): OvertimeRequestView {
  return audited(ctx, (audit) => {
    const before = getOvertime(ctx, input.id);
    assertMayEnterFor(ctx, getPerson(ctx, before.personId), 'id');
    if (before.status !== 'approved') {
      const message = t('overtime.errors.notApproved');
      throw new AppError('RULE_VIOLATION', message, [{ path: 'id', message }]);
    }
    const start = Date.UTC(Number(before.date.slice(0, 4)), Number(before.date.slice(5, 7)) - 1, Number(before.date.slice(8, 10))) / 60_000;
    if (start + before.startMinute > localNowMinutes()) {
      const message = t('overtime.errors.notYet', { date: before.date, time: clock(before.startMinute) });
      throw new AppError('RULE_VIOLATION', message, [{ path: 'actualMinutes', message }]);
    }
    assertMonthsOpen(ctx, before.date, before.date, 'id');
    statement(ctx.store.sqlite, 'update overtime_requests set actual_minutes = ?, actual_recorded_at = ? where id = ?').run(
      input.actualMinutes,
      nowIso(),
      input.id,
    );
    const after = getOvertime(ctx, input.id);
    audit({ action: 'recordActual', entity: 'overtimeRequest', entityId: input.id, before, after });
    return after;
  });
}
