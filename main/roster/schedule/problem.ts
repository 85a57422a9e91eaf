// The auto-scheduler's problem (roster-problem/1, see shared/roster-problem.md) built from the
// month as the grid sees it: people, shift types, cells, leave, requirements, wishes and the rule
// settings. Every approximation of the app's rules by the model is explained where it is made;
// the proposal is checked against the app's own rules afterwards (result.ts).
import type { Ctx } from '../../app/context.ts';
import type { CellValue, MonthView, ShiftType } from '../contract.ts';
import { listWishes, type Wish } from '../wishes.ts';
import type { CoverRow, RosterProblem, ShiftRequest, Staff } from '../problem.ts';
import type { LockedCell } from '../solver/index.ts';
import { weekendIndex } from '../calendar.ts';
import { clock, shiftLength } from '../rules/time.ts';
import { addDays, daysBetween } from '../../time/dates.ts';
import { CONTEXT_DAYS, monthView } from '../month.ts';
import { mostWorkingDays, runRules, type RunRules } from './runs.ts';

/** A post short by one person costs this much; one person beyond the requirement costs OVER_WEIGHT. */
const UNDER_WEIGHT = 100;
const OVER_WEIGHT = 1;
/**
 * The minimum hours: 60 % of the person's maximum for the month. It spreads the work (nobody is
 * left with a nearly empty month while others carry it) without forcing anyone near the legal
 * maximum; where demand is lower than everyone's minimum, the surplus shows as people over the
 * requirement (cost 1 each), which the explanation names.
 */
export const MIN_HOURS_SHARE = 0.6;

export type MonthPerson = MonthView['people'][number];
type Requirement = MonthView['requirements'][number];

export interface ScheduleOptions {
  /** Keep every existing cell (shift or rest) and fill only the empty ones. */
  fillGapsOnly: boolean;
}

/** A cell the proposal may set, with what it holds now. */
export interface EditableCell {
  personId: number;
  date: string;
  /** The model's staff id and day. */
  staff: string;
  day: number;
  current: CellValue;
  onLeave: boolean;
}

export interface ScheduleProblem {
  problem: RosterProblem;
  locked: LockedCell[];
  /** The date of every model day (context days included). */
  dates: string[];
  /** Model day of the month's first and last day. */
  firstDay: number;
  lastDay: number;
  personOf: Map<string, MonthPerson>;
  staffOf: Map<number, string>;
  shiftTypeOf: Map<string, ShiftType>;
  shiftIdOf: Map<number, string>;
  editable: EditableCell[];
  /** The wish behind problem.requests[i] (null: a request the app adds, not a wish). */
  requestWish: Array<Wish | null>;
  /** Constant part of the request penalty (wishes to work any shift, see wishRequests). */
  requestOffset: number;
  /** Requirements per function: the model counts people, not functions (checked after solving). */
  functionRequirements: Requirement[];
  /** Requirements of archived shift types: nobody can be put on them. */
  archivedRequirements: Requirement[];
  /** Published groups whose people are kept as they are (department scope). */
  keptGroups: string[];
  /** Per staff id: the run rules used, for the explanation. */
  runRules: Map<string, RunRules>;
}

/**
 * Whether the shift ends after midnight. Not crossesMidnight (rules/time.ts): that one is false
 * for a 24 h shift (end = start, not at midnight), which does end the next day.
 */
const crossesMidnightSpan = (s: ShiftType) => s.startMinute + shiftLength(s.startMinute, s.endMinute) > 1440;

/**
 * ROS-4 rest between shifts as forbidden successions: t may not follow s on the next day when t
 * starts less than minRest after s ends, with real times (a night shift ends the next morning).
 */
function forbiddenAfter(s: ShiftType, types: readonly ShiftType[], minRestMinutes: number): ShiftType[] {
  const end = s.startMinute + shiftLength(s.startMinute, s.endMinute);
  return types.filter((t) => 1440 + t.startMinute - end < minRestMinutes);
}

/** Trailing (before the month) or leading (after it) context: which days the model must see. */
function contextDays(values: boolean[], rules: RunRules): number {
  // values: working or not, nearest day to the month first.
  let run = 0;
  while (run < values.length && values[run]) run++;
  // A working run reaching the month: its days count towards the run limit, and its last shift
  // forbids some shifts on the month's first day (rest between shifts). More than maxWork of
  // them already ends the allowance, so no more are needed.
  if (run > 0) return Math.min(run, rules.maxWork);
  // Days off reaching the month after work: fewer than minOff of them must continue into it.
  let off = 0;
  while (off < values.length && !values[off]) off++;
  return off < values.length && off < rules.minOff ? off + 1 : 0;
}

interface Row {
  person: MonthPerson;
  staff: string;
  rules: RunRules;
  allowed: ShiftType[];
  /** Per month day (0 = the 1st). */
  inactive: boolean[];
  onLeave: boolean[];
  keptShift: (number | null)[];
  keptOff: boolean[];
  editable: boolean[];
  before: Array<number | null>;
  after: Array<number | null>;
}

/**
 * Builds the problem. Mapping: staff ids are employee numbers, shift ids are the shift types'
 * letters, day 0 is the first context day the model needs (usually the 1st of the month).
 */
export function buildScheduleProblem(view: MonthView, wishes: readonly Wish[], options: ScheduleOptions): ScheduleProblem {
  const monthDates = view.days.map((d) => d.date);
  const D = monthDates.length;
  const from = monthDates[0]!;
  const monthIndex = (date: string) => daysBetween(from, date);
  const rules = view.rules;
  const weeklyMinutes = rules.weeklyHours * 60;

  // ---- cells, leave and requirements of the month ----
  const cellAt = new Map<string, { value: number | 'rest'; locked: boolean }>();
  for (const [personId, date, value, locked] of view.cells) cellAt.set(`${personId}|${date}`, { value, locked });
  const leave = new Set(view.leave.map((l) => `${l.personId}|${l.date}`));
  const typeById = new Map(view.shiftTypes.map((s) => [s.id, s]));

  const functionRequirements = view.requirements.filter((r) => r.function !== null && r.minPeople > 0);
  const archivedRequirements = view.requirements.filter((r) => r.minPeople > 0 && typeById.get(r.shiftTypeId)?.archivedOn);
  /** Types the month asks people for: they are what the solver staffs. */
  const demanded = new Set(
    view.requirements.filter((r) => r.minPeople > 0 && !typeById.get(r.shiftTypeId)?.archivedOn).map((r) => r.shiftTypeId),
  );
  /**
   * Per-function requirements (ROS-1): the model has no functions. A shift type whose every
   * requirement names functions (no "anyone" row in the month) is worked only by people of those
   * functions, as the grid counts nobody else towards it; the total asked per day and shift is
   * the larger of the "anyone" row and the sum of the function rows. Whether each function got
   * its share is checked after solving and explained (result.ts).
   */
  const functionsOf = new Map<number, Set<string> | null>();
  for (const id of demanded) {
    const rows = view.requirements.filter((r) => r.shiftTypeId === id && r.minPeople > 0);
    functionsOf.set(id, rows.some((r) => r.function === null) ? null : new Set(rows.map((r) => r.function!)));
  }

  // Published groups in the department's month are kept as they are (only drafts are filled).
  const published = new Set(view.groupId === null ? view.groups.filter((g) => g.status === 'published').map((g) => g.id) : []);
  const keptGroups = view.groups.filter((g) => published.has(g.id)).map((g) => g.name);

  // ---- rows ----
  const valueOf = (personId: number, date: string): number | null => {
    const cell = cellAt.get(`${personId}|${date}`);
    return cell && cell.value !== 'rest' ? cell.value : null;
  };
  const rows: Row[] = view.people.map((person) => {
    const kept = published.has(person.groupId ?? -1);
    const allowed = view.shiftTypes.filter((s) => {
      if (!demanded.has(s.id)) return false;
      if (s.functions !== null && !s.functions.includes(person.function as never)) return false;
      const only = functionsOf.get(s.id);
      return !only || only.has(person.function);
    });
    const paid = allowed.map((s) => s.paidMinutes);
    const runs = runRules(rules.maxConsecutiveDays, weeklyMinutes, Math.max(0, ...paid), allowed.some(crossesMidnightSpan));
    const row: Row = {
      person,
      staff: person.employeeNo,
      rules: runs,
      allowed,
      inactive: [],
      onLeave: [],
      keptShift: [],
      keptOff: [],
      editable: [],
      before: [],
      after: [],
    };
    monthDates.forEach((date) => {
      const inactive = date < person.activeFrom || (person.activeTo !== null && date > person.activeTo);
      const cell = cellAt.get(`${person.id}|${date}`);
      const onLeave = leave.has(`${person.id}|${date}`);
      const keep = !inactive && cell !== undefined && (cell.locked || options.fillGapsOnly || kept);
      row.inactive.push(inactive);
      row.onLeave.push(onLeave);
      row.keptShift.push(keep && cell.value !== 'rest' ? cell.value : null);
      // A kept rest day, leave (unless a kept shift is on it: kept cells are never changed), a
      // day outside the person's time on this roster, an empty day of a published group.
      row.keptOff.push(inactive || (keep ? cell.value === 'rest' : onLeave || kept));
      row.editable.push(!inactive && !keep && !kept);
    });
    for (let i = 1; i <= CONTEXT_DAYS; i++) {
      row.before.push(valueOf(person.id, addDays(from, -i)));
      row.after.push(valueOf(person.id, addDays(monthDates[D - 1]!, i)));
    }
    return row;
  });

  // ---- the horizon: the month, plus the context days some row needs ----
  const leadIn = rows.map((r) =>
    contextDays(
      r.before.map((v) => v !== null),
      r.rules,
    ),
  );
  const leadOut = rows.map((r) =>
    contextDays(
      r.after.map((v) => v !== null),
      r.rules,
    ),
  );
  const C = Math.max(0, ...leadIn);
  const C2 = Math.max(0, ...leadOut);
  const days = C + D + C2;
  const startDate = addDays(from, -C);
  const dates = Array.from({ length: days }, (_, d) => addDays(startDate, d));

  // ---- shift types in the model: those demanded, and those of cells that are kept ----
  const fixedTypes = new Set<number>();
  rows.forEach((r, i) => {
    for (const v of r.keptShift) if (v !== null) fixedTypes.add(v);
    r.before.slice(0, leadIn[i]).forEach((v) => v !== null && fixedTypes.add(v));
    r.after.slice(0, leadOut[i]).forEach((v) => v !== null && fixedTypes.add(v));
  });
  const modelTypes = view.shiftTypes.filter((s) => demanded.has(s.id) || fixedTypes.has(s.id));
  const shiftIdOf = new Map(modelTypes.map((s) => [s.id, s.code]));
  const shiftTypeOf = new Map(modelTypes.map((s) => [s.code, s]));
  const shifts = modelTypes.map((s) => ({
    id: s.code,
    minutes: s.paidMinutes,
    start: clock(s.startMinute),
    forbiddenNext: forbiddenAfter(s, modelTypes, rules.minRestMinutes).map((t) => t.code),
  }));

  // ---- cover: every month day and demanded shift; no rows on context days ----
  const requirementAt = new Map<string, { anyone: number; functions: number }>();
  for (const r of view.requirements) {
    const k = `${r.date}|${r.shiftTypeId}`;
    const entry = requirementAt.get(k) ?? { anyone: 0, functions: 0 };
    if (r.function === null) entry.anyone = Math.max(entry.anyone, r.minPeople);
    else entry.functions += r.minPeople;
    requirementAt.set(k, entry);
  }
  const required = (date: string, shiftTypeId: number) => {
    const entry = requirementAt.get(`${date}|${shiftTypeId}`);
    return entry ? Math.max(entry.anyone, entry.functions) : 0;
  };
  const cover: CoverRow[] = [];
  monthDates.forEach((date, i) => {
    for (const s of modelTypes) {
      if (!demanded.has(s.id)) continue;
      // A day with no requirement still gets a row: people put there are "over" (cost 1).
      cover.push({ day: C + i, shift: s.code, requirement: required(date, s.id), underWeight: UNDER_WEIGHT, overWeight: OVER_WEIGHT });
    }
  });

  // ---- weekends: a fair share each (a fairness term the app adds) ----
  const weekends = weekendIndex(startDate, days);
  const monthWeekends = new Map<number, number>();
  monthDates.forEach((date, i) => {
    const w = weekends.byDay[C + i]!;
    if (w < 0) return;
    let need = 0;
    for (const s of modelTypes) if (demanded.has(s.id)) need += required(date, s.id);
    monthWeekends.set(w, Math.max(monthWeekends.get(w) ?? 0, need));
  });
  const needed = [...monthWeekends.values()].reduce((a, b) => a + b, 0);
  const available = rows.map((r) => {
    if (r.allowed.length === 0) return 0;
    const open = new Set<number>();
    monthDates.forEach((_, i) => {
      const w = weekends.byDay[C + i]!;
      if (w >= 0 && (!r.keptOff[i] || r.keptShift[i] !== null)) open.add(w);
    });
    return open.size;
  });
  // The fewest weekends each that still lets the people available cover every weekend's need
  // (the busier day of a weekend needs that many different people), at least 1.
  let weekendShare = 1;
  while (weekendShare < monthWeekends.size && available.reduce((sum, a) => sum + Math.min(a, weekendShare), 0) < needed) weekendShare++;

  // ---- fixed days: kept cells, and the context days each row needs as they are ----
  const editable: EditableCell[] = [];
  const fixed = rows.map((r, i) => {
    const shift: (number | null)[] = new Array<number | null>(days).fill(null);
    const off: boolean[] = new Array<boolean>(days).fill(false);
    // Context days a row does not need are off (an off run touching the start or end of the
    // horizon is exempt from the minimum, so they constrain nothing).
    for (let d = 0; d < C; d++) {
      const back = C - 1 - d; // 0 = the day before the month
      const v = back < leadIn[i]! ? r.before[back]! : null;
      if (v === null) off[d] = true;
      else shift[d] = v;
    }
    for (let d = 0; d < C2; d++) {
      const v = d < leadOut[i]! ? r.after[d]! : null;
      if (v === null) off[C + D + d] = true;
      else shift[C + D + d] = v;
    }
    for (let m = 0; m < D; m++) {
      shift[C + m] = r.keptShift[m]!;
      off[C + m] = r.keptShift[m] === null && r.keptOff[m]!;
      if (r.editable[m]) {
        const cell = cellAt.get(`${r.person.id}|${monthDates[m]}`);
        editable.push({
          personId: r.person.id,
          date: monthDates[m]!,
          staff: r.staff,
          day: C + m,
          current: cell ? cell.value : null,
          onLeave: r.onLeave[m]!,
        });
      }
    }
    return { shift, off };
  });

  // Kept cells that break the rest rule between themselves (locked by hand that way): the later
  // one goes into the model as a twin of its shift type that the earlier one does not forbid.
  // Otherwise the person would have no valid row at all, and the solver would drop every rule for
  // them; this way only the break that was locked in remains. The twin does not count towards
  // the shift's cover, so the cover row asks one person less for it.
  const forbids = new Map(modelTypes.map((s) => [s.id, new Set(forbiddenAfter(s, modelTypes, rules.minRestMinutes).map((t) => t.id))]));
  const twinned = fixed.map(({ shift }) =>
    shift.map((v, d) => d > 0 && v !== null && shift[d - 1] !== null && forbids.get(shift[d - 1]!)!.has(v)),
  );
  const twinOf = (code: string) => `${code}'`;
  const twinTypes = new Set<number>();
  fixed.forEach(({ shift }, i) => shift.forEach((v, d) => twinned[i]![d] && twinTypes.add(v!)));
  for (const id of twinTypes) {
    const original = shifts.find((s) => s.id === shiftIdOf.get(id))!;
    shifts.push({ ...original, id: twinOf(original.id) });
    shiftTypeOf.set(twinOf(original.id), typeById.get(id)!);
  }
  fixed.forEach(({ shift }, i) =>
    shift.forEach((v, d) => {
      if (!twinned[i]![d]) return;
      const row = cover.find((c) => c.day === d && c.shift === shiftIdOf.get(v!));
      if (row && row.requirement > 0) row.requirement--;
    }),
  );

  // ---- staff ----
  const locked: LockedCell[] = [];
  const staff: Staff[] = [];
  const runRulesOf = new Map<string, RunRules>();
  rows.forEach((r, i) => {
    const fixedShift = fixed[i]!.shift;
    const fixedOff = fixed[i]!.off;
    const daysOff: number[] = [];
    let fixedMinutes = 0;
    let contextMinutes = 0;
    const fixedCount = new Map<number, number>();
    const fixedWeekends = new Set<number>();
    const contextWeekends = new Set<number>();
    for (let d = 0; d < days; d++) {
      const v = fixedShift[d]!;
      if (v !== null) {
        const code = shiftIdOf.get(v)!;
        locked.push({ staff: r.staff, day: d, shift: twinned[i]![d] ? twinOf(code) : code });
        const minutes = typeById.get(v)!.paidMinutes;
        fixedMinutes += minutes;
        fixedCount.set(v, (fixedCount.get(v) ?? 0) + 1);
        const w = weekends.byDay[d]!;
        if (w >= 0) fixedWeekends.add(w);
        if (d < C || d >= C + D) {
          contextMinutes += minutes;
          if (w >= 0) contextWeekends.add(w);
        }
      } else if (fixedOff[d]) daysOff.push(d);
    }

    // Shift types the person never works: not demanded, or their function may not (ROS-3). A
    // kept cell of such a type stays, so its count is the limit rather than 0.
    const maxShifts: Record<string, number> = {};
    for (const s of modelTypes) {
      if (!r.allowed.includes(s)) maxShifts[s.code] = fixedCount.get(s.id) ?? 0;
    }
    for (const id of twinTypes) {
      const code = shiftIdOf.get(id)!;
      maxShifts[twinOf(code)] = fixedShift.filter((v, d) => v === id && twinned[i]![d]).length;
    }
    const maxWeekends = Math.max(weekendShare + contextWeekends.size, fixedWeekends.size);

    // Kept cells that break the derived run rules by themselves (planned by hand under the
    // plain limits): fall back to the plain limits for this person rather than start from a
    // roster the model calls invalid whatever the solver does.
    const limits = {
      off: fixedOff,
      work: fixedShift.map((v) => v !== null),
      weekendOf: weekends.byDay,
      maxWeekends,
    };
    let runs = r.rules;
    let most = mostWorkingDays(days, runs, limits);
    if (most === null) {
      runs = { maxWork: Math.max(1, Math.min(rules.maxConsecutiveDays, 6)), minOff: 1 };
      most = mostWorkingDays(days, runs, limits);
    }
    if (most === null) {
      // A kept run longer than the law allows: allow that long a run (the grid shows the break).
      let run = 0;
      for (const work of limits.work) {
        run = work ? run + 1 : 0;
        runs = { ...runs, maxWork: Math.max(runs.maxWork, run) };
      }
      most = mostWorkingDays(days, runs, limits);
    }
    runRulesOf.set(r.staff, runs);

    // Hours (law.weeklyHours over the month's weeks): the maximum is the weekly limit times the
    // weeks the person is on this roster and not on leave (pro-rated for a partial month); the
    // minimum is MIN_HOURS_SHARE of it, lowered to what the row can reach at all (its days
    // available under the run and weekend rules, at the shortest shift it may work) so the
    // problem is never infeasible by construction. Context days add their fixed minutes to both.
    const availableDays = monthDates.filter((_, m) => !r.inactive[m] && !r.onLeave[m]).length;
    const monthFixedMinutes = fixedMinutes - contextMinutes;
    const monthMax = Math.max(Math.floor((weeklyMinutes * availableDays) / 7), monthFixedMinutes);
    const shortest = r.allowed.length > 0 ? Math.min(...r.allowed.map((s) => s.paidMinutes)) : 0;
    const fixedWorkDays = limits.work.filter(Boolean).length;
    const reachable = most === null ? monthFixedMinutes : monthFixedMinutes + 0.9 * Math.max(0, most - fixedWorkDays) * shortest;
    const monthMin = Math.floor(Math.min(MIN_HOURS_SHARE * monthMax, reachable, monthMax));

    staff.push({
      id: r.staff,
      maxShifts,
      minMinutes: monthMin + contextMinutes,
      maxMinutes: monthMax + contextMinutes,
      minConsecutiveShifts: 1,
      maxConsecutiveShifts: runs.maxWork,
      minConsecutiveDaysOff: runs.minOff,
      maxWeekends,
      daysOff,
    });
  });

  // ---- wishes ----
  const rowOf = new Map(rows.map((r) => [r.person.id, r]));
  const requests: ShiftRequest[] = [];
  const requestWish: Array<Wish | null> = [];
  let requestOffset = 0;
  for (const wish of wishes) {
    const r = rowOf.get(wish.personId);
    const m = monthIndex(wish.date);
    if (!r || m < 0 || m >= D || r.inactive[m]) continue;
    const add = (shift: string, kind: 'on' | 'off') => {
      requests.push({ staff: r.staff, day: C + m, shift, kind, weight: wish.weight });
      requestWish.push(wish);
    };
    if (wish.shiftTypeId !== null) {
      // A wish about a shift type the month does not staff is met (off) or cannot be (on) whatever happens.
      const code = shiftIdOf.get(wish.shiftTypeId);
      if (code && demanded.has(wish.shiftTypeId)) add(code, wish.kind);
      continue;
    }
    if (r.allowed.length === 0) continue;
    if (wish.kind === 'off') {
      // Not to work at all: one "off" request per shift the person may work; at most one of them
      // can be broken on a day, so the cost is exactly the wish's weight.
      for (const s of r.allowed) add(s.code, 'off');
    } else {
      // To work any shift: an "on" request per shift the person may work. Working one of them
      // misses all the others (k − 1 requests), a day off misses all k: the difference is the
      // wish's weight, and the constant (k − 1) × weight is taken off the penalty shown.
      for (const s of r.allowed) add(s.code, 'on');
      requestOffset += (r.allowed.length - 1) * wish.weight;
    }
  }

  const problem: RosterProblem = {
    format: 'roster-problem/1',
    startDate,
    days,
    shifts,
    staff,
    requests,
    cover,
  };
  return {
    problem,
    locked,
    dates,
    firstDay: C,
    lastDay: C + D - 1,
    personOf: new Map(rows.map((r) => [r.staff, r.person])),
    staffOf: new Map(rows.map((r) => [r.person.id, r.staff])),
    shiftTypeOf,
    shiftIdOf,
    editable,
    requestWish,
    requestOffset,
    functionRequirements,
    archivedRequirements,
    keptGroups,
    runRules: runRulesOf,
  };
}

/** The problem for a month and scope as the database has it now. */
export function loadScheduleProblem(
  ctx: Ctx,
  month: string,
  groupId: number | null,
  options: ScheduleOptions,
): { view: MonthView; built: ScheduleProblem } {
  const view = monthView(ctx, month, groupId);
  return { view, built: buildScheduleProblem(view, listWishes(ctx, month), options) };
}
