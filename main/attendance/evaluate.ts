import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { getSetting } from '../settings/service.ts';
import { calendarBetween } from '../roster/holidays.ts';
import { peopleWithStays, scopePeople, stayOn, type Stay } from '../roster/month.ts';
import { shiftLength, dayNumber, dateOfDayNumber, weekdayOfDayNumber } from '../roster/rules/time.ts';
import { typeLabel } from '../leave/types.ts';
import { allocateLeaveDays, type CalendarKind } from '../leave/rules/days.ts';
import { dayKindOf, multiplierOf } from '../overtime/rules/overtime.ts';
import { multipliersOn } from '../overtime/multipliers.ts';
import { evaluatePerson, type DayLeave } from './rules/day.ts';
import { clockSeconds, dateSeconds } from './rules/clock.ts';
import type { ClockShift, DayResult, OvertimeWorked, Resolution, Thresholds } from './rules/types.ts';

// Loads what the attendance rules need for a period in a fixed number of queries (people and
// their stays in groups, published months, shifts, punches, approved leave and overtime, the
// supervisor's resolutions, the calendar and the settings), then judges each person in memory.

export interface EvaluatedPerson {
  id: number;
  employeeNo: string;
  name: string;
  /** The group the person was in last in the period. */
  groupId: number | null;
  dailyWageFen: number | null;
  stays: Stay[];
  days: DayResult[];
}

export interface Evaluation {
  from: string;
  to: string;
  people: EvaluatedPerson[];
  /** Groups with people in the period whose roster is not published for some of its months (ROS-7). */
  unpublished: Array<{ groupId: number; month: string }>;
}

/** Local wall-clock now, as the time clocks write it. */
export function localNow(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function thresholdsOn(ctx: Ctx, date: string): Thresholds {
  return {
    fineThresholdMinutes: getSetting(ctx, 'attendance.fineThresholdMinutes', date),
    halfDayThresholdMinutes: getSetting(ctx, 'attendance.halfDayThresholdMinutes', date),
    lateFineFen: getSetting(ctx, 'attendance.lateFineYuan', date) * 100,
    absenceWageMultiple: getSetting(ctx, 'attendance.absenceWageMultiple', date),
  };
}

interface LeaveRow {
  personId: number;
  startDate: string;
  startPart: string;
  endDate: string;
  endPart: string;
  days: number;
  code: string;
  name: string;
  countsCalendarDays: number;
}

/**
 * Approved leave per person and day ("personId|date"): every date of a request is covered (no
 * absence is judged on it), and the request's days are placed on its dates by allocateLeaveDays.
 */
function leaveByDay(ctx: Ctx, requests: LeaveRow[]): Map<string, DayLeave> {
  const out = new Map<string, DayLeave>();
  if (requests.length === 0) return out;
  const first = requests.reduce((m, r) => (r.startDate < m ? r.startDate : m), requests[0]!.startDate);
  const last = requests.reduce((m, r) => (r.endDate > m ? r.endDate : m), requests[0]!.endDate);
  const calendar = calendarBetween(ctx, first, last).days;
  const cells = new Map<string, 'shift' | 'rest'>();
  for (const [personId, date, shiftTypeId] of statement(
    ctx.store.sqlite,
    `select person_id, date, shift_type_id from assignments
      where person_id in (select value from json_each(?)) and date between ? and ?`,
  )
    .raw()
    .all(JSON.stringify([...new Set(requests.map((r) => r.personId))]), first, last) as Array<[number, string, number | null]>) {
    cells.set(`${personId}|${date}`, shiftTypeId === null ? 'rest' : 'shift');
  }
  for (const r of requests) {
    const label = typeLabel(r.code, r.name);
    const dates: Array<{
      date: string;
      weight: number;
      part: DayLeave['part'];
      cell: 'shift' | 'rest' | null;
      kind: CalendarKind;
      weekday: number;
    }> = [];
    for (let n = dayNumber(r.startDate); n <= dayNumber(r.endDate); n++) {
      const date = dateOfDayNumber(n);
      const part: DayLeave['part'] =
        date === r.startDate && r.startPart === 'pm' ? 'pm' : date === r.endDate && r.endPart === 'am' ? 'am' : 'full';
      const weight = part === 'full' ? 1 : 0.5;
      dates.push({
        date,
        weight,
        part,
        cell: cells.get(`${r.personId}|${date}`) ?? null,
        kind: calendar.get(date)?.kind ?? 'ordinary',
        weekday: weekdayOfDayNumber(n),
      });
    }
    const counted = r.countsCalendarDays === 1 ? new Map(dates.map((d) => [d.date, d.weight])) : allocateLeaveDays(r.days, dates);
    for (const d of dates) {
      const key = `${r.personId}|${d.date}`;
      const existing = out.get(key);
      // Two half days (a morning and an afternoon request) make a whole day.
      const weight = Math.min(1, (existing?.weight ?? 0) + d.weight);
      out.set(key, {
        code: r.code,
        label,
        weight,
        part: weight >= 1 ? 'full' : d.part,
        counted: (existing?.counted ?? 0) + (counted.get(d.date) ?? 0),
      });
    }
  }
  return out;
}

function group<T>(rows: Iterable<T>, key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(row);
  }
  return map;
}

export function evaluateRange(
  ctx: Ctx,
  options: { from: string; to: string; groupId: number | null; now?: string; personIds?: readonly number[] },
): Evaluation {
  const { from, to, groupId } = options;
  const now = clockSeconds(options.now ?? localNow());
  const before = dateOfDayNumber(dayNumber(from) - 1);
  const after = dateOfDayNumber(dayNumber(to) + 1);
  const wanted = options.personIds ? new Set(options.personIds) : null;
  const scoped = scopePeople(ctx, groupId, from, to).filter((p) => !wanted || wanted.has(p.id));
  const stays = peopleWithStays(
    ctx,
    scoped.map((p) => p.id),
  );
  // People outside every group in the period (the supervisor, the manager) have no roster to be judged against.
  const people = scoped.filter((p) =>
    stays.get(p.id)!.stays.some((s) => s.groupId !== null && s.from <= to && (s.to === null || s.to >= from)),
  );
  const ids = new Set(people.map((p) => p.id));
  // For listed people (one person's day) their shifts and punches are read, not the department's.
  const listed = options.personIds ? [JSON.stringify([...ids])] : [];
  const ofListed = options.personIds ? ' and person_id in (select value from json_each(?))' : '';

  const published = new Set(
    (
      statement(
        ctx.store.sqlite,
        "select group_id as groupId, month from roster_months where status = 'published' and month between ? and ?",
      ).all(from.slice(0, 7), to.slice(0, 7)) as Array<{ groupId: number; month: string }>
    ).map((r) => `${r.groupId}|${r.month}`),
  );
  const shiftTypes = new Map(
    (
      statement(
        ctx.store.sqlite,
        'select id, code, name, start_minute as startMinute, end_minute as endMinute from shift_types',
      ).all() as Array<{
        id: number;
        code: string;
        name: string;
        startMinute: number;
        endMinute: number;
      }>
    ).map((s) => [s.id, s]),
  );
  const shiftsOf = new Map<number, ClockShift[]>();
  for (const [personId, date, shiftTypeId] of statement(
    ctx.store.sqlite,
    `select person_id, date, shift_type_id from assignments where date between ? and ? and shift_type_id is not null${ofListed} order by date`,
  )
    .raw()
    .all(before, after, ...listed) as Array<[number, string, number]>) {
    if (!ids.has(personId)) continue;
    const type = shiftTypes.get(shiftTypeId)!;
    const start = dateSeconds(date, type.startMinute);
    let list = shiftsOf.get(personId);
    if (!list) shiftsOf.set(personId, (list = []));
    list.push({
      date,
      shiftTypeId,
      code: type.code,
      name: type.name,
      start,
      end: start + shiftLength(type.startMinute, type.endMinute) * 60,
    });
  }
  const punchesOf = new Map<number, number[]>();
  for (const [personId, at] of statement(
    ctx.store.sqlite,
    `select person_id, at from punches where at >= ? and at < ? and voided_at is null${ofListed}`,
  )
    .raw()
    .all(before, `${dateOfDayNumber(dayNumber(after) + 1)}`, ...listed) as Array<[number, string]>) {
    if (!ids.has(personId)) continue;
    let list = punchesOf.get(personId);
    if (!list) punchesOf.set(personId, (list = []));
    list.push(clockSeconds(at));
  }

  // Days with clock data at all, department-wide (see hasClockData).
  const clocked = new Set(
    statement(ctx.store.sqlite, 'select distinct substr(at, 1, 10) from punches where at >= ? and at < ? and voided_at is null')
      .pluck()
      .all(from, `${dateOfDayNumber(dayNumber(after) + 1)}`) as string[],
  );
  const leaveOf = leaveByDay(
    ctx,
    (
      statement(
        ctx.store.sqlite,
        `select r.person_id as personId, r.start_date as startDate, r.start_part as startPart, r.end_date as endDate, r.end_part as endPart,
                r.days, t.code, t.name, t.counts_calendar_days as countsCalendarDays
           from leave_requests r join leave_types t on t.id = r.leave_type_id
          where r.status = 'approved' and r.start_date <= ? and r.end_date >= ?`,
      ).all(to, from) as LeaveRow[]
    ).filter((r) => ids.has(r.personId)),
  );
  const overtimeOf = group(
    (
      statement(
        ctx.store.sqlite,
        `select person_id as personId, date, planned_minutes as planned, actual_minutes as actual, multiplier from overtime_requests
          where status = 'approved' and date between ? and ?`,
      ).all(from, to) as Array<{ personId: number; date: string; planned: number; actual: number | null; multiplier: number }>
    ).filter((o) => ids.has(o.personId)),
    (o) => `${o.personId}|${o.date}`,
  );
  const resolutions = new Map<string, Resolution>();
  for (const r of statement(
    ctx.store.sqlite,
    `select person_id as personId, date, kind, resolution, note, decided_by as decidedBy, decided_at as decidedAt
       from attendance_resolutions where voided_at is null and date between ? and ? order by id`,
  ).all(from, to) as Array<Resolution & { personId: number; date: string }>) {
    const { personId, date, ...resolution } = r;
    resolutions.set(`${personId}|${date}|${r.kind}`, resolution);
  }
  const calendar = calendarBetween(ctx, from, to).days;
  const multipliers = multipliersOn(ctx, from);
  const thresholds = thresholdsOn(ctx, from);
  const wages = new Map(
    (
      statement(ctx.store.sqlite, 'select id, daily_wage_fen as wage from people where id in (select value from json_each(?))').all(
        JSON.stringify([...ids]),
      ) as Array<{ id: number; wage: number | null }>
    ).map((w) => [w.id, w.wage]),
  );
  const dates: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) dates.push(dateOfDayNumber(n));

  const unpublished = new Set<string>();
  const out: EvaluatedPerson[] = people.map((p) => {
    const person = stays.get(p.id)!;
    const groupOn = (date: string) => stayOn(person, date)?.groupId ?? null;
    const days = evaluatePerson({
      dates,
      shifts: shiftsOf.get(p.id) ?? [],
      punches: (punchesOf.get(p.id) ?? []).sort((a, b) => a - b),
      inScope: (date) => {
        const stay = stayOn(person, date);
        return stay !== undefined && stay.groupId !== null && (groupId === null || stay.groupId === groupId);
      },
      published: (date) => {
        const key = `${groupOn(date)}|${date.slice(0, 7)}`;
        if (published.has(key)) return true;
        unpublished.add(key);
        return false;
      },
      leave: (date) => leaveOf.get(`${p.id}|${date}`) ?? null,
      overtime: (date) =>
        (overtimeOf.get(`${p.id}|${date}`) ?? []).map((o): OvertimeWorked => ({
          minutes: o.actual ?? o.planned,
          multiplier: o.multiplier,
          source: 'request',
          planned: o.actual === null,
        })),
      resolution: (date, kind) => resolutions.get(`${p.id}|${date}|${kind}`) ?? null,
      hasClockData: (date, alsoNextDay) => clocked.has(date) || (alsoNextDay && clocked.has(dateOfDayNumber(dayNumber(date) + 1))),
      punchedOvertimeMultiplier: (date) =>
        multiplierOf(dayKindOf(calendar.get(date)?.kind ?? 'ordinary', weekdayOfDayNumber(dayNumber(date))), multipliers),
      dailyWageFen: wages.get(p.id) ?? null,
      thresholds,
      now,
    });
    return {
      id: p.id,
      employeeNo: p.employeeNo,
      name: p.name,
      groupId: p.groupId,
      dailyWageFen: wages.get(p.id) ?? null,
      stays: person.stays,
      days,
    };
  });
  return {
    from,
    to,
    people: out,
    unpublished: [...unpublished].map((k) => ({ groupId: Number(k.split('|')[0]), month: k.split('|')[1]! })),
  };
}
