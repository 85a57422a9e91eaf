import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { recordAudit } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { addDays } from '../time/dates.ts';
import { monthsFrom } from '../time/months.ts';
import { saveShiftType } from '../roster/shifts.ts';
import { saveCoverage, requirementsBetween } from '../roster/coverage.ts';
import { ensureOfficialCalendar } from '../roster/holidays.ts';
import { peopleWithStays, stayOn, monthBounds, ruleSettings, CONTEXT_DAYS, type Stay } from '../roster/month.ts';
import { translate } from '../roster/publish.ts';
import { checkRoster, type RuleCell } from '../roster/rules/index.ts';
import { dayNumber, dateOfDayNumber, weekdayOfDayNumber } from '../roster/rules/time.ts';
import type { CoverageRow } from '../roster/contract.ts';
import type { Random } from './random.ts';

// Seed rosters: shift types, coverage, the official calendars and three years of published
// months for every group. The pattern keeps ROS-4 by construction: each person works five days
// and rests two in a seven-day cycle, keeps one shift through a block of working days or moves
// forward (never a late shift before an early one), so rest between shifts is at least 12 h,
// every week has a full rest day and runs never pass five days. Coverage is what a group of five
// can give; the months where it cannot are published with their issues acknowledged.

export interface RosterSeedOptions {
  startDate: string;
  endDate: string;
  groups: Array<{ id: number; name: string }>;
}

export interface SeededRoster {
  shiftTypes: number;
  cells: number;
  publishedMonths: number;
  publishedWithIssues: number;
  editsAfterPublishing: number;
}

const REST = -1;
const NONE = 0;

export function seedRoster(ctx: Ctx, random: Random, options: RosterSeedOptions): SeededRoster {
  // Hundreds of thousands of cells in one transaction: a larger page cache keeps the two indexes
  // of assignments in memory instead of spilling them to the WAL again and again.
  const cacheSize = ctx.store.sqlite.pragma('cache_size', { simple: true }) as number;
  ctx.store.sqlite.pragma('cache_size = -131072');
  try {
    return ctx.store.sqlite.transaction(() => writeRoster(ctx, random, options))();
  } finally {
    ctx.store.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

function writeRoster(ctx: Ctx, random: Random, options: RosterSeedOptions): SeededRoster {
  const shift = (code: string, name: string, color: string, startMinute: number, endMinute: number) =>
    saveShiftType(ctx, { code, name, color, startMinute, endMinute, paidMinutes: 450, breakMinutes: 30, functions: null });
  const E = shift('E', '早班', '#1f6feb', 480, 960);
  const M = shift('M', '中班', '#2da44e', 720, 1200);
  const L = shift('L', '晚班', '#bf8700', 960, 0);
  const N = shift('N', '夜班', '#6e40c9', 1320, 360);
  const shiftTypes = [E, M, L, N];

  // Every fourth group also covers the night.
  const nightGroups = new Set(options.groups.filter((_, i) => i % 4 === 3).map((g) => g.id));
  const everyDay = [0, 1, 2, 3, 4, 5, 6];
  const row = (shiftTypeId: number, weekday: number, minPeople: number): CoverageRow => ({
    shiftTypeId,
    weekday,
    onDate: null,
    function: null,
    minPeople,
  });
  // A group of about five covers the early and the late shift on weekdays (and the night, where
  // it has one); the department as a whole asks for most groups on every shift.
  const weekdays = [1, 2, 3, 4, 5];
  for (const group of options.groups) {
    saveCoverage(ctx, group.id, [
      ...weekdays.map((d) => row(E.id, d, 1)),
      ...weekdays.map((d) => row(L.id, d, 1)),
      ...(nightGroups.has(group.id) ? weekdays.map((d) => row(N.id, d, 1)) : []),
    ]);
  }
  const n = options.groups.length;
  const weekdayNeed = Math.max(1, Math.floor(n * 0.8));
  const weekendNeed = Math.max(1, Math.floor(n * 0.6));
  saveCoverage(ctx, null, [
    ...[E, M, L].flatMap((s) => everyDay.map((d) => row(s.id, d, d === 0 || d === 6 ? weekendNeed : weekdayNeed))),
    ...(nightGroups.size > 0 ? everyDay.map((d) => row(N.id, d, 1)) : []),
  ]);

  for (let year = Number(options.startDate.slice(0, 4)); year <= Number(options.endDate.slice(0, 4)) + 1; year++) {
    ensureOfficialCalendar(ctx, year);
  }

  // ---- the rotation, in memory: one slot per person and day ----
  const months = monthsFrom(options.startDate.slice(0, 7), options.endDate.slice(0, 7));
  const first = `${months[0]}-01`;
  const last = monthBounds(months[months.length - 1]!).to;
  const firstDay = dayNumber(first) - CONTEXT_DAYS;
  const days = dayNumber(last) + CONTEXT_DAYS - firstDay + 1;
  const dates = Array.from({ length: days }, (_, d) => dateOfDayNumber(firstDay + d));
  const ids = (statement(ctx.store.sqlite, 'select id from people').all() as Array<{ id: number }>).map((p) => p.id);
  const people = [...peopleWithStays(ctx, ids).values()].filter((p) => p.stays.some((s) => s.groupId !== null));
  const seeded = new Set(options.groups.map((g) => g.id));
  // Each person works five days and rests two in a fixed seven-day cycle (days off staggered by
  // person); which group they are in decides nothing but who they cover with.
  const grid = new Map<number, Int32Array>();
  const crews = Array.from({ length: days }, () => new Map<number, number[]>());
  for (const person of people) {
    const slots = new Int32Array(days);
    const offset = (person.id * 3) % 7;
    for (let d = 0; d < days; d++) {
      const stay = stayOn(person, dates[d]!);
      if (!stay || stay.groupId === null || !seeded.has(stay.groupId)) continue;
      if ((firstDay + d + offset) % 7 >= 5) {
        slots[d] = REST;
        continue;
      }
      const crew = crews[d]!;
      if (!crew.has(stay.groupId)) crew.set(stay.groupId, []);
      crew.get(stay.groupId)!.push(person.id);
    }
    grid.set(person.id, slots);
  }
  // Day by day, group by group: someone still in a block keeps yesterday's shift; someone
  // starting a block (after two days off) takes what the group lacks most. The only switches
  // within a block are forward (M to E after 12 h, E or M to L), and a night block stays nights.
  const need = (groupId: number, weekday: number) => {
    const workday = weekday >= 1 && weekday <= 5;
    return { [E.id]: workday ? 1 : 0, [L.id]: workday ? 1 : 0, [N.id]: workday && nightGroups.has(groupId) ? 1 : 0, [M.id]: 0 };
  };
  for (let d = 0; d < days; d++) {
    const weekday = weekdayOfDayNumber(firstDay + d);
    for (const [groupId, crew] of crews[d]!) {
      const wanted = need(groupId, weekday);
      const count = { [E.id]: 0, [M.id]: 0, [L.id]: 0, [N.id]: 0 };
      const starters: number[] = [];
      for (const personId of crew) {
        const yesterday = d > 0 ? grid.get(personId)![d - 1]! : NONE;
        if (yesterday > 0) {
          grid.get(personId)![d] = yesterday;
          count[yesterday]!++;
        } else starters.push(personId);
      }
      const options = nightGroups.has(groupId) ? [N.id, E.id, L.id, M.id] : [E.id, L.id, M.id];
      for (const personId of starters) {
        const short = options.find((id) => count[id]! < wanted[id]!);
        const pick = short ?? options.filter((id) => id !== N.id).reduce((best, id) => (count[id]! < count[best]! ? id : best));
        grid.get(personId)![d] = pick;
        count[pick]!++;
      }
      const switchTo = (to: number, from: number[]) => {
        const who = crew.find((id) => from.includes(grid.get(id)![d]!) && count[grid.get(id)![d]!]! > wanted[grid.get(id)![d]!]!);
        if (who === undefined) return;
        count[grid.get(who)![d]!]!--;
        grid.get(who)![d] = to;
        count[to]!++;
      };
      if (count[E.id]! < wanted[E.id]!) switchTo(E.id, [M.id]);
      if (count[L.id]! < wanted[L.id]!) switchTo(L.id, [M.id, E.id]);
    }
  }

  // ---- publishing, checked as the app would, one audit row per group and month ----
  const rules = ruleSettings(ctx, first);
  const byId = new Map(people.map((p) => [p.id, p]));
  const publish = statement(
    ctx.store.sqlite,
    `insert into roster_months (group_id, month, status, published_at, published_by, published_with_issues, publish_note, updated_at)
     values (?, ?, 'published', ?, ?, ?, ?, ?)`,
  );
  let publishedWithIssues = 0;
  const published: Array<{ groupId: number; month: string; at: string; members: number[] }> = [];
  for (const month of months) {
    const { from, to } = monthBounds(month);
    const context = { from: addDays(from, -CONTEXT_DAYS), to: addDays(to, CONTEXT_DAYS) };
    const monthDays: Array<{ date: string; weekday: number }> = [];
    for (let date = from; date <= to; date = addDays(date, 1)) monthDays.push({ date, weekday: weekdayOfDayNumber(dayNumber(date)) });
    const at = `${addDays(from, -5)}T02:00:00.000Z`;
    const contextFrom = dayNumber(context.from) - firstDay;
    const contextTo = dayNumber(context.to) - firstDay;
    // Who was in which group this month (a person who moved is in both, for their own days).
    const membersOf = new Map<number, Array<{ person: (typeof people)[number]; mine: Stay[] }>>();
    for (const person of people) {
      const inMonth = person.stays.filter((st) => st.groupId !== null && st.from <= to && (st.to === null || st.to >= from));
      for (const groupId of new Set(inMonth.map((st) => st.groupId!))) {
        if (!membersOf.has(groupId)) membersOf.set(groupId, []);
        membersOf.get(groupId)!.push({ person, mine: inMonth.filter((st) => st.groupId === groupId) });
      }
    }
    for (const group of options.groups) {
      const members = membersOf.get(group.id) ?? [];
      const cells: RuleCell[] = [];
      for (const { person, mine } of members) {
        const slots = grid.get(person.id)!;
        for (let d = contextFrom; d <= contextTo; d++) {
          const value = slots[d]!;
          if (value === NONE) continue;
          const date = dates[d]!;
          if (date >= from && date <= to && !stayOn({ stays: mine }, date)) continue;
          cells.push([person.id, date, value === REST ? 'rest' : value, false]);
        }
      }
      const issues = checkRoster(
        {
          days: monthDays,
          context,
          people: members.map(({ person, mine }) => ({
            id: person.id,
            name: person.name,
            function: person.function,
            activeFrom: mine[0]!.from,
            activeTo: mine[mine.length - 1]!.to,
          })),
          shiftTypes,
          cells,
          leave: [],
          requirements: requirementsBetween(ctx, group.id, monthDays),
          rules,
        },
        translate,
      );
      if (issues.length > 0) publishedWithIssues++;
      publish.run(
        group.id,
        month,
        at,
        ctx.actor.name,
        issues.length > 0 ? JSON.stringify(issues) : null,
        issues.length > 0 ? '示例数据：已知晓这些问题' : null,
        at,
      );
      // Seeded cells are audited per group and month, not per cell: tens of thousands of rows
      // of "created by the seed" would say nothing the month's row does not.
      recordAudit(ctx, { action: 'seed', entity: 'rosterMonth', entityId: `${group.id}:${month}`, after: { cells: cells.length } }, at);
      recordAudit(
        ctx,
        {
          action: 'publish',
          entity: 'rosterMonth',
          entityId: `${group.id}:${month}`,
          after: { status: 'published', publishedAt: at, issues: issues.length },
        },
        at,
      );
      published.push({ groupId: group.id, month, at, members: members.map((m) => m.person.id) });
    }
  }

  // ---- a few changes after publishing (ROS-7), audited per cell so the change log lists them ----
  let edits = 0;
  for (const { groupId, month, members } of published) {
    if (members.length === 0 || !random.chance(0.04)) continue;
    const { from } = monthBounds(month);
    for (let i = random.int(1, 3); i > 0; i--) {
      const personId = random.pick(members);
      const date = addDays(from, random.int(0, 27));
      const person = byId.get(personId)!;
      if (date > options.endDate || stayOn(person, date)?.groupId !== groupId) continue;
      const slots = grid.get(personId)!;
      const d = dayNumber(date) - firstDay;
      const before = slots[d]!;
      // E or L becomes M and M becomes E: both keep at least 12 h of rest around the day.
      const after = before === E.id || before === L.id ? M.id : before === M.id ? E.id : null;
      if (after === null) continue;
      slots[d] = after;
      recordAudit(
        ctx,
        {
          action: 'set',
          entity: 'assignment',
          entityId: `${date}:${personId}`,
          before: { value: before },
          after: { value: after, source: 'manual' },
        },
        `${addDays(date, -1)}T01:30:00.000Z`,
      );
      edits++;
    }
  }

  // ---- the cells, in one pass of one prepared statement ----
  const insert = statement(
    ctx.store.sqlite,
    "insert into assignments (person_id, date, shift_type_id, locked, source, updated_at) values (?, ?, ?, 0, 'seed', ?)",
  );
  const updatedAt = nowIso();
  const lastDay = dayNumber(last);
  let count = 0;
  for (const [personId, slots] of grid) {
    for (let d = CONTEXT_DAYS; d < days && firstDay + d <= lastDay; d++) {
      const value = slots[d]!;
      if (value === NONE) continue;
      insert.run(personId, dates[d]!, value === REST ? null : value, updatedAt);
      count++;
    }
  }
  return {
    shiftTypes: shiftTypes.length,
    cells: count,
    publishedMonths: published.length,
    publishedWithIssues,
    editsAfterPublishing: edits,
  };
}
