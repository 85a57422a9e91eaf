import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { t } from '../i18n/index.ts';
import { getSetting } from '../settings/service.ts';
import { department } from '../people/service.ts';
import { peopleWithStays, stayOn, monthBounds } from '../roster/month.ts';
import { calendarBetween } from '../roster/holidays.ts';
import { dayNumber, dateOfDayNumber, weekdayOfDayNumber } from '../roster/rules/time.ts';
import { monthOf, monthsFrom } from '../time/months.ts';
import { listLeaveTypes } from '../leave/types.ts';
import { multipliersOn } from '../overtime/multipliers.ts';
import type { Anomaly, Flag, Sheet } from './contract.ts';
import { evaluateRange, localNow, type EvaluatedPerson } from './evaluate.ts';
import { monthTotals } from './rules/totals.ts';
import { consecutiveFlags, yearlyFlag } from './rules/flags.ts';
import type { DayResult } from './rules/types.ts';
import { unpackDay } from './rules/storage.ts';

// The monthly attendance sheet (考勤表): people × days with their marks, the totals HR pays from,
// the anomalies still open, ATT-6 flags with their evidence, and what stops the month closing.
// A closed month is read back as it was stored; an open one is judged afresh.

export interface MonthRecord {
  status: 'open' | 'closed';
  closedAt: string | null;
  closedBy: string | null;
}

export function monthRecord(ctx: Ctx, month: string): MonthRecord {
  const row = statement(
    ctx.store.sqlite,
    'select status, closed_at as closedAt, closed_by as closedBy from attendance_months where month = ?',
  ).get(month) as MonthRecord | undefined;
  return row ?? { status: 'open', closedAt: null, closedBy: null };
}

/** The stored days of closed months between two dates, per person. */
function storedDays(ctx: Ctx, from: string, to: string, personIds: ReadonlySet<number> | null): Map<number, DayResult[]> {
  const out = new Map<number, DayResult[]>();
  for (const [personId, detail] of statement(
    ctx.store.sqlite,
    'select person_id, detail from attendance_days where date between ? and ? order by person_id, date',
  )
    .raw()
    .all(from, to) as Array<[number, string]>) {
    if (personIds && !personIds.has(personId)) continue;
    let list = out.get(personId);
    if (!list) out.set(personId, (list = []));
    list.push(unpackDay(detail));
  }
  return out;
}

/**
 * Day results for people over a period that may cross closed and open months: closed months as
 * stored, open ones judged now. Used for the lookback of ATT-6 runs across a month's start.
 */
export function resultsBetween(
  ctx: Ctx,
  from: string,
  to: string,
  groupId: number | null,
  personIds: ReadonlySet<number>,
  now: string,
): Map<number, DayResult[]> {
  const out = new Map<number, DayResult[]>();
  const add = (personId: number, days: DayResult[]) => out.set(personId, [...(out.get(personId) ?? []), ...days]);
  let openFrom: string | null = null;
  const flush = (until: string) => {
    if (openFrom === null) return;
    for (const p of evaluateRange(ctx, { from: openFrom, to: until, groupId, now, personIds: [...personIds] }).people) add(p.id, p.days);
    openFrom = null;
  };
  for (const m of monthsFrom(monthOf(from), monthOf(to))) {
    const bounds = monthBounds(m);
    const start = bounds.from < from ? from : bounds.from;
    const end = bounds.to > to ? to : bounds.to;
    if (monthRecord(ctx, m).status === 'closed') {
      flush(dateOfDayNumber(dayNumber(start) - 1));
      for (const [personId, days] of storedDays(ctx, start, end, personIds)) add(personId, days);
    } else if (openFrom === null) openFrom = start;
  }
  flush(to);
  return out;
}

/** Absence in closed months of a year before a date, from the stored days (one aggregate query). */
function storedAbsence(ctx: Ctx, from: string, to: string): Map<number, Array<{ date: string; absenceDays: number }>> {
  const out = new Map<number, Array<{ date: string; absenceDays: number }>>();
  for (const [personId, date, days] of statement(
    ctx.store.sqlite,
    `select person_id, date, json_extract(detail, '$.absenceDays') from attendance_days
      where date between ? and ? and status like '%absent%' order by date`,
  )
    .raw()
    .all(from, to) as Array<[number, string, number]>) {
    if (!out.has(personId)) out.set(personId, []);
    out.get(personId)!.push({ date, absenceDays: days });
  }
  return out;
}

function cellOf(day: DayResult): string {
  return day.marks.map((m) => (m === 'leave' && day.leave ? `leave:${day.leave.code}` : m)).join('+');
}

function clock(at: string | null): string {
  return at ? at.slice(5, 16) : '';
}

export interface SheetData {
  sheet: Sheet;
  /** Each person's days in the month, for the export and for closing. */
  days: Map<number, DayResult[]>;
}

export function buildSheet(ctx: Ctx, month: string, groupId: number | null, now = localNow()): SheetData {
  const { from, to } = monthBounds(month);
  const record = monthRecord(ctx, month);
  const calendar = calendarBetween(ctx, from, to).days;
  const days: Sheet['days'] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) {
    const date = dateOfDayNumber(n);
    const entry = calendar.get(date);
    days.push({ date, weekday: weekdayOfDayNumber(n), kind: entry?.kind ?? 'ordinary', holidayName: entry?.name ?? null });
  }
  const groupNames = new Map(
    (statement(ctx.store.sqlite, 'select id, name from groups').all() as Array<{ id: number; name: string }>).map((g) => [g.id, g.name]),
  );

  // The month's people and days: judged now when open, as stored when closed.
  let people: Array<Pick<EvaluatedPerson, 'id' | 'employeeNo' | 'name' | 'groupId' | 'dailyWageFen' | 'days'>>;
  let unpublished: Array<{ groupId: number; month: string }> = [];
  if (record.status === 'closed') {
    const stored = storedDays(ctx, from, to, null);
    const info = statement(
      ctx.store.sqlite,
      'select id, employee_no as employeeNo, name, group_id as groupId, daily_wage_fen as dailyWageFen from people where id in (select value from json_each(?))',
    ).all(JSON.stringify([...stored.keys()])) as Array<Omit<EvaluatedPerson, 'days' | 'stays'>>;
    const stays = peopleWithStays(
      ctx,
      info.map((p) => p.id),
    );
    people = info
      .map((p) => {
        const person = stays.get(p.id)!;
        const mine = stored.get(p.id)!.filter((d) => groupId === null || stayOn(person, d.date)?.groupId === groupId);
        const lastGroup =
          [...mine]
            .reverse()
            .map((d) => stayOn(person, d.date)?.groupId)
            .find((g) => g != null) ?? p.groupId;
        return {
          ...p,
          groupId: lastGroup,
          days: stored.get(p.id)!.map((d) => (mine.includes(d) ? d : { ...d, marks: ['none' as const] })),
        };
      })
      .filter((p) => p.days.some((d) => !d.marks.includes('none')))
      .sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : 1));
  } else {
    const evaluation = evaluateRange(ctx, { from, to, groupId, now });
    people = evaluation.people;
    unpublished = evaluation.unpublished;
  }
  const ids = new Set(people.map((p) => p.id));

  // ATT-6: runs that may have begun before the month, and the year so far.
  const maxRun = getSetting(ctx, 'attendance.maxConsecutiveAbsenceDays', to);
  const maxYear = getSetting(ctx, 'attendance.maxYearlyAbsenceDays', to);
  const lookbackFrom = dateOfDayNumber(dayNumber(from) - Math.max(14, 2 * maxRun + 7));
  const lookback = resultsBetween(ctx, lookbackFrom, dateOfDayNumber(dayNumber(from) - 1), groupId, ids, now);
  const yearStart = `${month.slice(0, 4)}-01-01`;
  const earlier = from > yearStart ? earlierInYear(ctx, yearStart, dateOfDayNumber(dayNumber(from) - 1), groupId, ids, now) : new Map();

  const wage = {
    monthlyWorkDays: getSetting(ctx, 'law.monthlyWorkDays', from),
    deductionCapPercent: getSetting(ctx, 'law.deductionCapPercent', from),
    minimumMonthlyWageFen: getSetting(ctx, 'law.minimumMonthlyWageYuan', from) * 100,
  };
  const anomalies: Anomaly[] = [];
  const flags: Flag[] = [];
  const dayMap = new Map<number, DayResult[]>();
  const rows: Sheet['people'] = people.map((p) => {
    dayMap.set(p.id, p.days);
    const groupName = p.groupId === null ? null : (groupNames.get(p.groupId) ?? null);
    const totals = monthTotals(p.days, { dailyWageFen: p.dailyWageFen, ...wage });
    const warnings: string[] = [];
    if (totals.absenceDeductionFen === null) warnings.push(t('attendance.sheet.noWage'));
    if (totals.overCap)
      warnings.push(
        t('attendance.sheet.overCap', {
          total: yuan(totals.totalDeductionFen ?? totals.fineFen),
          cap: yuan(totals.capFen!),
          percent: wage.deductionCapPercent,
        }),
      );
    if (totals.belowMinimum) warnings.push(t('attendance.sheet.belowMinimum', { minimum: yuan(wage.minimumMonthlyWageFen) }));
    for (const d of p.days) {
      if (!d.anomaly || d.resolution) continue;
      anomalies.push({
        personId: p.id,
        employeeNo: p.employeeNo,
        name: p.name,
        groupName,
        date: d.date,
        kind: d.anomaly.kind,
        missing: d.anomaly.missing,
        shift: d.shift ? { name: d.shift.name, start: d.shift.start, end: d.shift.end } : null,
        punches: d.anomaly.punches,
        message:
          d.anomaly.kind === 'missing-punch'
            ? t(`attendance.anomalies.missing.${d.anomaly.missing}`, {
                date: d.date,
                shift: d.shift?.name ?? '',
                punch: clock(d.anomaly.punches[0] ?? null),
              })
            : t('attendance.anomalies.unapproved', { date: d.date, punches: d.anomaly.punches.map(clock).join(t('common.listSeparator')) }),
      });
    }
    flags.push(
      ...personFlags(
        { personId: p.id, employeeNo: p.employeeNo, name: p.name, groupName },
        { runDays: [...(lookback.get(p.id) ?? []), ...p.days], yearDays: [...(earlier.get(p.id) ?? []), ...p.days] },
        { from, maxRun, maxYear, year: month.slice(0, 4) },
      ),
    );
    return { personId: p.id, employeeNo: p.employeeNo, name: p.name, groupName, cells: p.days.map(cellOf), totals, warnings };
  });

  const unpublishedNames = [
    ...new Set(unpublished.filter((u) => u.month === month).map((u) => groupNames.get(u.groupId) ?? String(u.groupId))),
  ];
  const closeBlockers: string[] = [];
  if (record.status === 'closed') closeBlockers.push(t('attendance.close.alreadyClosed', { month }));
  if (unpublishedNames.length > 0)
    closeBlockers.push(t('attendance.close.unpublished', { groups: unpublishedNames.join(t('common.listSeparator')) }));
  if (anomalies.length > 0) closeBlockers.push(t('attendance.close.anomalies', { count: anomalies.length }));
  const pending = rows.some((r) => r.cells.some((c) => c.includes('pending')));
  if (pending) closeBlockers.push(t('attendance.close.notOver', { month }));
  const noData = days.filter((_d, i) => rows.some((r) => r.cells[i]!.includes('nodata'))).map((d) => d.date.slice(5));
  if (noData.length > 0)
    closeBlockers.push(t('attendance.close.noData', { count: noData.length, dates: noData.join(t('common.listSeparator')) }));

  const leaveTypes = listLeaveTypes(ctx, to).map((ty) => ({ code: ty.code, label: ty.label, symbol: ty.symbol }));
  const { workday, rest, holiday } = multipliersOn(ctx, from);
  return {
    days: dayMap,
    sheet: {
      month,
      groupId,
      department: department(ctx).name,
      status: record.status,
      closedAt: record.closedAt,
      closedBy: record.closedBy,
      days,
      leaveTypes,
      multipliers: [...new Set([workday, rest, holiday])],
      people: rows,
      anomalies,
      flags,
      unpublished: unpublishedNames,
      closeBlockers,
    },
  };
}

/**
 * ATT-6 for one person: each run of absence longer than the limit that reaches `from` (a run that
 * ended before was flagged then), and the year's absence when it passes the yearly limit.
 */
export function personFlags(
  person: Pick<Flag, 'personId' | 'employeeNo' | 'name' | 'groupName'>,
  evidence: {
    runDays: ReadonlyArray<Pick<DayResult, 'date' | 'scheduled' | 'absenceDays'>>;
    yearDays: ReadonlyArray<Pick<DayResult, 'date' | 'absenceDays'>>;
  },
  limits: { from: string; maxRun: number; maxYear: number; year: string | number },
): Flag[] {
  const { from, maxRun, maxYear, year } = limits;
  const flags: Flag[] = [];
  for (const run of consecutiveFlags(evidence.runDays, maxRun)) {
    if (run.dates[run.dates.length - 1]! < from) continue;
    flags.push({
      ...person,
      kind: 'consecutive',
      days: run.days,
      dates: run.dates,
      message: t('attendance.flags.consecutive', {
        days: run.days,
        from: run.dates[0],
        to: run.dates[run.dates.length - 1],
        max: maxRun,
      }),
    });
  }
  const yearly = yearlyFlag(evidence.yearDays, maxYear);
  if (yearly.flagged) {
    flags.push({
      ...person,
      kind: 'yearly',
      days: yearly.days,
      dates: yearly.dates,
      message: t('attendance.flags.yearly', { days: yearly.days, year, max: maxYear }),
    });
  }
  return flags;
}

/** The year's absence before the month: closed months from the stored days, open ones judged. */
function earlierInYear(
  ctx: Ctx,
  from: string,
  to: string,
  groupId: number | null,
  ids: ReadonlySet<number>,
  now: string,
): Map<number, Array<{ date: string; absenceDays: number }>> {
  const out = storedAbsence(ctx, from, to);
  const openMonths = monthsFrom(monthOf(from), monthOf(to)).filter((m) => monthRecord(ctx, m).status !== 'closed');
  if (openMonths.length > 0) {
    const first = monthBounds(openMonths[0]!).from;
    const last = monthBounds(openMonths[openMonths.length - 1]!).to;
    const evaluated = resultsBetween(ctx, first, last < to ? last : to, groupId, ids, now);
    for (const [personId, days] of evaluated) {
      const list = out.get(personId) ?? [];
      for (const d of days)
        if (d.absenceDays > 0 && !list.some((x) => x.date === d.date)) list.push({ date: d.date, absenceDays: d.absenceDays });
      out.set(personId, list);
    }
  }
  return out;
}

export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

export function attendanceSheet(ctx: Ctx, month: string, groupId: number | null): Sheet {
  return buildSheet(ctx, month, groupId).sheet;
}
