import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { t } from '../i18n/index.ts';
import { getGroup } from '../people/service.ts';
import { getSetting } from '../settings/service.ts';
import { addDays, daysInMonth, weekday } from '../time/dates.ts';
import type { MonthView } from './contract.ts';
import { calendarBetween } from './holidays.ts';
import { requirementsBetween } from './coverage.ts';
import { listShiftTypes } from './shifts.ts';
import { leaveBetween } from './leave-hook.ts';

// The month grid's data in one call (ROS-1, ROS-4, ROS-5, LEV-5): a handful of prepared
// statements whatever the head count, no query per person, cells as tuples.

/** Days of context on either side of the period, for rest and seven-day rules across its edges. */
export const CONTEXT_DAYS = 7;

export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

export interface PersonRow {
  id: number;
  employeeNo: string;
  name: string;
  groupId: number | null;
  role: string;
  function: string;
  hireDate: string;
  leftOn: string | null;
}

interface MoveRow {
  personId: number;
  fromGroupId: number | null;
  onDate: string;
}

/** A stretch of days a person spent in one group (from/to inclusive; to null: still there). */
export interface Stay {
  groupId: number | null;
  from: string;
  to: string | null;
}

export type ScopePerson = MonthView['people'][number] & { hireDate: string; leftOn: string | null };

const roleOrder: Record<string, number> = { manager: 0, supervisor: 1, leader: 2, agent: 3 };

/**
 * Each person's stays in groups within their employment, by the group_moves history (a person's
 * group on a date is the from-group of their first later move, as groupOnDate has it).
 */
function stays(person: PersonRow, moves: MoveRow[]): Stay[] {
  const out: Stay[] = [];
  let from = person.hireDate;
  for (const move of moves) {
    const until = addDays(move.onDate, -1);
    if (until >= from) out.push({ groupId: move.fromGroupId, from, to: until });
    if (move.onDate > from) from = move.onDate;
  }
  out.push({ groupId: person.groupId, from, to: null });
  const left = person.leftOn;
  return out
    .map((s) => ({ ...s, to: left === null ? s.to : s.to === null || s.to > left ? left : s.to }))
    .filter((s) => s.to === null || s.from <= s.to);
}

/** People by id with their stays in groups, for checks on single cells (one query each, not per person). */
export function peopleWithStays(ctx: Ctx, ids: number[]): Map<number, PersonRow & { stays: Stay[] }> {
  const json = JSON.stringify([...new Set(ids)]);
  const people = statement(
    ctx.store.sqlite,
    `select id, employee_no as employeeNo, name, group_id as groupId, role, function, hire_date as hireDate, left_on as leftOn
       from people where id in (select value from json_each(?))`,
  ).all(json) as PersonRow[];
  const moves = statement(
    ctx.store.sqlite,
    `select person_id as personId, from_group_id as fromGroupId, on_date as onDate from group_moves
      where person_id in (select value from json_each(?)) order by person_id, on_date, id`,
  ).all(json) as MoveRow[];
  return new Map(
    people.map((p) => [
      p.id,
      {
        ...p,
        stays: stays(
          p,
          moves.filter((m) => m.personId === p.id),
        ),
      },
    ]),
  );
}

/** The group of a stay on a date; undefined when the person was not employed that day. */
export function stayOn(person: { stays: Stay[] }, date: string): Stay | undefined {
  return person.stays.find((s) => s.from <= date && (s.to === null || date <= s.to));
}

/**
 * The people on a roster over a period: everyone employed in it for the department (groupId
 * null), or the people who were in the group on at least one of its days. activeFrom/activeTo
 * bound the days they belong to this roster (employment, and for a group the stay in it).
 */
export function scopePeople(ctx: Ctx, groupId: number | null, from: string, to: string): ScopePerson[] {
  const people = statement(
    ctx.store.sqlite,
    `select id, employee_no as employeeNo, name, group_id as groupId, role, function, hire_date as hireDate, left_on as leftOn
       from people where hire_date <= ? and (left_on is null or left_on >= ?)`,
  ).all(to, from) as PersonRow[];
  const moves = new Map<number, MoveRow[]>();
  for (const m of statement(
    ctx.store.sqlite,
    'select person_id as personId, from_group_id as fromGroupId, on_date as onDate from group_moves order by person_id, on_date, id',
  ).all() as MoveRow[]) {
    if (!moves.has(m.personId)) moves.set(m.personId, []);
    moves.get(m.personId)!.push(m);
  }
  const sortOrder = new Map(
    (statement(ctx.store.sqlite, 'select id, sort_order as sortOrder from groups').all() as Array<{ id: number; sortOrder: number }>).map(
      (g) => [g.id, g.sortOrder],
    ),
  );
  const out: ScopePerson[] = [];
  for (const p of people) {
    const all = stays(p, moves.get(p.id) ?? []);
    const inPeriod = all.filter((s) => s.from <= to && (s.to === null || s.to >= from));
    const mine = groupId === null ? inPeriod : inPeriod.filter((s) => s.groupId === groupId);
    if (mine.length === 0) continue;
    const firstStay = mine[0]!;
    const lastStay = mine[mine.length - 1]!;
    out.push({
      id: p.id,
      employeeNo: p.employeeNo,
      name: p.name,
      // The department grid shows people under the group they were in last in the period.
      groupId: groupId ?? lastStay.groupId,
      role: p.role,
      function: p.function,
      activeFrom: groupId === null ? p.hireDate : firstStay.from,
      activeTo: groupId === null ? p.leftOn : lastStay.to,
      hireDate: p.hireDate,
      leftOn: p.leftOn,
    });
  }
  const groupRank = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : (sortOrder.get(id) ?? 0));
  return out.sort(
    (a, b) =>
      groupRank(a.groupId) - groupRank(b.groupId) ||
      (a.groupId ?? 0) - (b.groupId ?? 0) ||
      (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9) ||
      (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0),
  );
}

type CellTuple = MonthView['cells'][number];

/** 2^22: room for four million shift type ids below the person id in a packed cell. */
const PERSON_FACTOR = 4_194_304;

/**
 * Cells of the people from one date to another (in no particular order). In a group's roster, a day a person spent in
 * another group (but employed) belongs to that group's roster and is left out; context days
 * outside the period are kept whatever the group, for the rest rules.
 */
export function scopeCells(
  ctx: Ctx,
  groupId: number | null,
  people: ScopePerson[],
  period: { from: string; to: string },
  from: string,
  to: string,
): CellTuple[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const cells: CellTuple[] = [];
  const keep = (personId: number, date: string, shiftTypeId: number | null, locked: number) => {
    const person = byId.get(personId);
    if (!person) return;
    if (groupId !== null && date >= period.from && date <= period.to) {
      const outsideStay = date < person.activeFrom || (person.activeTo !== null && date > person.activeTo);
      const employed = date >= person.hireDate && (person.leftOn === null || date <= person.leftOn);
      if (outsideStay && employed) return;
    }
    cells.push([personId, date, shiftTypeId ?? 'rest', locked === 1]);
  };
  if (groupId === null) {
    // One indexed lookup per day, each cell packed into one integer (person, shift, lock): the
    // date is the parameter, and no row objects are made for the thousands of cells.
    const byDate = statement(
      ctx.store.sqlite,
      `select person_id * ${PERSON_FACTOR} + coalesce(shift_type_id, 0) * 2 + locked from assignments where date = ?`,
    ).pluck();
    for (let date = from; date <= to; date = addDays(date, 1)) {
      for (const packed of byDate.all(date) as number[]) {
        const rest = packed % PERSON_FACTOR;
        keep((packed - rest) / PERSON_FACTOR, date, rest >> 1 || null, rest & 1);
      }
    }
    return cells;
  }
  const rows = statement(
    ctx.store.sqlite,
    `select person_id, date, shift_type_id, locked from assignments
      where person_id in (select value from json_each(?)) and date between ? and ? order by person_id, date`,
  )
    .raw()
    .all(JSON.stringify(people.map((p) => p.id)), from, to) as Array<[number, string, number | null, number]>;
  for (const [personId, date, shiftTypeId, locked] of rows) keep(personId, date, shiftTypeId, locked);
  return cells;
}

export function ruleSettings(ctx: Ctx, onDate: string): MonthView['rules'] {
  return {
    minRestMinutes: getSetting(ctx, 'roster.minRestMinutes', onDate),
    maxConsecutiveDays: getSetting(ctx, 'roster.maxConsecutiveDays', onDate),
    dailyHours: getSetting(ctx, 'law.dailyHours', onDate),
    weeklyHours: getSetting(ctx, 'law.weeklyHours', onDate),
  };
}

function periodDays(ctx: Ctx, from: string, to: string): { days: MonthView['days']; warning: string | null } {
  const calendar = calendarBetween(ctx, from, to);
  const days: MonthView['days'] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const entry = calendar.days.get(date);
    days.push({ date, weekday: weekday(date), kind: entry?.kind ?? 'ordinary', holidayName: entry?.name ?? null });
  }
  const warning =
    calendar.missingYears.length > 0
      ? t('roster.calendar.missingYear', { year: calendar.missingYears.join(t('common.listSeparator')) })
      : null;
  return { days, warning };
}

function groupStatuses(ctx: Ctx, groupId: number | null, month: string, from: string): MonthView['groups'] {
  const groups =
    groupId === null
      ? (statement(
          ctx.store.sqlite,
          'select id, name from groups where archived_on is null or archived_on >= ? order by sort_order, id',
        ).all(from) as Array<{ id: number; name: string }>)
      : [{ id: groupId, name: getGroup(ctx, groupId).name }];
  const months = new Map(
    (
      statement(ctx.store.sqlite, 'select group_id as groupId, status, published_at as publishedAt from roster_months where month = ?').all(
        month,
      ) as Array<{ groupId: number; status: 'draft' | 'published'; publishedAt: string | null }>
    ).map((m) => [m.groupId, m]),
  );
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    status: months.get(g.id)?.status ?? 'draft',
    publishedAt: months.get(g.id)?.publishedAt ?? null,
  }));
}

/** Everything the grid shows for a period (a month), with seven days of context on each side. */
export function periodView(ctx: Ctx, groupId: number | null, month: string, from: string, to: string): MonthView {
  const groups = groupStatuses(ctx, groupId, month, from);
  const context = { from: addDays(from, -CONTEXT_DAYS), to: addDays(to, CONTEXT_DAYS) };
  const people = scopePeople(ctx, groupId, from, to);
  const { days, warning } = periodDays(ctx, from, to);
  const ids = new Set(people.map((p) => p.id));
  return {
    month,
    groupId,
    days,
    context,
    calendarWarning: warning,
    people: people.map(({ hireDate: _h, leftOn: _l, ...p }) => p),
    shiftTypes: listShiftTypes(ctx),
    cells: scopeCells(ctx, groupId, people, { from, to }, context.from, context.to),
    leave: leaveBetween(ctx, context.from, context.to).filter((l) => ids.has(l.personId)),
    requirements: requirementsBetween(ctx, groupId, days),
    rules: ruleSettings(ctx, from),
    groups,
  };
}

export function monthView(ctx: Ctx, month: string, groupId: number | null): MonthView {
  const { from, to } = monthBounds(month);
  return periodView(ctx, groupId, month, from, to);
}
