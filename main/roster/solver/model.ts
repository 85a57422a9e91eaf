// Numeric form of a roster problem for the solver: dense typed arrays indexed by person, day and
// value (value -1 = day off, 0..S-1 = shift index).
import { weekendIndex } from '../calendar.ts';
import type { RosterProblem } from '../problem.ts';

export const OFF = -1;
/** In `fixed`: the cell is free for the solver. */
export const FREE = -2;

export interface PersonRules {
  /** Most shifts of each type; a large number when the type has no limit. */
  maxShifts: Int32Array;
  minMinutes: number;
  maxMinutes: number;
  minConsecutiveShifts: number;
  maxConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
  dayOff: Uint8Array;
}

export interface LockedCell {
  staff: string;
  day: number;
  /** null: locked as a day off. */
  shift: string | null;
}

export interface Model {
  n: number;
  days: number;
  shifts: number;
  /** S + 1 values per cell: index value + 1. */
  values: number;
  shiftIds: string[];
  staffIds: string[];
  minutes: Int32Array;
  /** forbidden[a * S + b] = 1 when b may not follow a on the next day. */
  forbidden: Uint8Array;
  weekendOfDay: Int32Array;
  weekendCount: number;
  people: PersonRules[];
  /** Request cost of putting value v on (p, d): at ((p * days + d) * values + v + 1). */
  requestCost: Float64Array;
  /** Per (d * S + s): requirement, under and over weights (0 when there is no cover row). */
  requirement: Int32Array;
  underWeight: Float64Array;
  overWeight: Float64Array;
  /** Per (p * days + d): FREE, or the value the cell must keep (locked cells). */
  fixed: Int8Array;
}

const UNLIMITED = 1 << 20;

export function compileModel(problem: RosterProblem, locked: readonly LockedCell[] = []): Model {
  const n = problem.staff.length;
  const days = problem.days;
  const S = problem.shifts.length;
  const values = S + 1;
  const shiftIndex = new Map(problem.shifts.map((s, i) => [s.id, i]));
  const staffIndex = new Map(problem.staff.map((p, i) => [p.id, i]));

  const minutes = Int32Array.from(problem.shifts, (s) => s.minutes);
  const forbidden = new Uint8Array(S * S);
  problem.shifts.forEach((s, a) => {
    for (const next of s.forbiddenNext) {
      const b = shiftIndex.get(next);
      if (b !== undefined) forbidden[a * S + b] = 1;
    }
  });

  const people = problem.staff.map((p): PersonRules => {
    const maxShifts = new Int32Array(S).fill(UNLIMITED);
    for (const [t, limit] of Object.entries(p.maxShifts)) {
      const s = shiftIndex.get(t);
      if (s !== undefined) maxShifts[s] = limit;
    }
    const dayOff = new Uint8Array(days);
    for (const d of p.daysOff) if (d >= 0 && d < days) dayOff[d] = 1;
    return {
      maxShifts,
      minMinutes: p.minMinutes,
      maxMinutes: p.maxMinutes,
      minConsecutiveShifts: p.minConsecutiveShifts,
      maxConsecutiveShifts: p.maxConsecutiveShifts,
      minConsecutiveDaysOff: p.minConsecutiveDaysOff,
      maxWeekends: p.maxWeekends,
      dayOff,
    };
  });

  const requestCost = new Float64Array(n * days * values);
  for (const r of problem.requests) {
    const p = staffIndex.get(r.staff);
    const s = shiftIndex.get(r.shift);
    if (p === undefined || s === undefined || r.day < 0 || r.day >= days) continue;
    const base = (p * days + r.day) * values;
    if (r.kind === 'on') {
      // Every value but the requested shift misses the request.
      for (let v = 0; v < values; v++) if (v !== s + 1) requestCost[base + v]! += r.weight;
    } else {
      requestCost[base + s + 1]! += r.weight;
    }
  }

  const requirement = new Int32Array(days * S);
  const underWeight = new Float64Array(days * S);
  const overWeight = new Float64Array(days * S);
  for (const c of problem.cover) {
    const s = shiftIndex.get(c.shift);
    if (s === undefined || c.day < 0 || c.day >= days) continue;
    const k = c.day * S + s;
    requirement[k] = c.requirement;
    underWeight[k] = c.underWeight;
    overWeight[k] = c.overWeight;
  }

  const fixed = new Int8Array(n * days).fill(FREE);
  for (const cell of locked) {
    const p = staffIndex.get(cell.staff);
    if (p === undefined || cell.day < 0 || cell.day >= days) continue;
    const v = cell.shift === null ? OFF : shiftIndex.get(cell.shift);
    if (v === undefined) continue;
    fixed[p * days + cell.day] = v;
  }

  const weekends = weekendIndex(problem.startDate, days);
  return {
    n,
    days,
    shifts: S,
    values,
    shiftIds: problem.shifts.map((s) => s.id),
    staffIds: problem.staff.map((p) => p.id),
    minutes,
    forbidden,
    weekendOfDay: weekends.byDay,
    weekendCount: weekends.count,
    people,
    requestCost,
    requirement,
    underWeight,
    overWeight,
    fixed,
  };
}

/** Cover cost of `count` people on cover slot k = d * S + s. */
export function coverCost(model: Model, k: number, count: number): number {
  const r = model.requirement[k]!;
  return count < r ? model.underWeight[k]! * (r - count) : model.overWeight[k]! * (count - r);
}
