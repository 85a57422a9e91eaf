// The app's own roster evaluator. It must agree with shared/tools/roster_eval.py to the unit:
// same rule names, same order, same counting (ROS-1 coverage is the soft part, ROS-4 rest and
// consecutive-day limits are among the hard rules).
import { weekendIndex } from './calendar.ts';
import type { HardViolation, RosterProblem, ShiftRequest } from './problem.ts';

/** An assignment as read from a file: fields are checked here, the way roster_eval.py does. */
export interface LooseAssignment {
  readonly staff?: unknown;
  readonly day?: unknown;
  readonly shift?: unknown;
}

export type HardRule =
  | 'unknown'
  | 'one-shift-per-day'
  | 'day-off'
  | 'forbidden-succession'
  | 'max-shifts'
  | 'total-minutes'
  | 'max-consecutive-shifts'
  | 'min-consecutive-shifts'
  | 'min-consecutive-days-off'
  | 'max-weekends';

export interface CoverShortfall {
  day: number;
  shift: string;
  requirement: number;
  assigned: number;
  /** People missing (requirement − assigned, at least 0). */
  short: number;
  /** People beyond the requirement. */
  over: number;
  penalty: number;
}

export interface UnmetRequest {
  request: ShiftRequest;
  penalty: number;
}

export interface PenaltyBreakdown {
  coverPenalty: number;
  requestPenalty: number;
  /** Cover rows that cost something, shortest first. */
  cover: CoverShortfall[];
  /** Requests that are not honoured. */
  requests: UnmetRequest[];
}

export interface RosterScore {
  penalty: number;
  hardViolations: HardViolation[];
  breakdown: PenaltyBreakdown;
}

function describeAssignment(a: LooseAssignment): string {
  try {
    return JSON.stringify(a);
  } catch {
    return String(a);
  }
}

/** Scores a roster: penalty (the soft objective) and every hard rule it breaks. */
export function scoreRoster(problem: RosterProblem, assignments: readonly LooseAssignment[]): RosterScore {
  const days = problem.days;
  const shiftById = new Map(problem.shifts.map((s) => [s.id, s]));
  const staffIds = new Set(problem.staff.map((p) => p.id));
  const grid = new Map<string, (string | null)[]>();
  for (const p of problem.staff) grid.set(p.id, new Array<string | null>(days).fill(null));
  const hard: HardViolation[] = [];
  const bad = (rule: HardRule, staff: string | null, day: number | null, detail: string) => hard.push({ rule, staff, day, detail });

  for (const a of assignments) {
    const { staff: who, day, shift } = a;
    const known =
      typeof who === 'string' &&
      staffIds.has(who) &&
      typeof shift === 'string' &&
      shiftById.has(shift) &&
      typeof day === 'number' &&
      Number.isInteger(day) &&
      day >= 0 &&
      day < days;
    if (!known) {
      bad(
        'unknown',
        typeof who === 'string' ? who : who == null ? null : String(who),
        typeof day === 'number' ? day : null,
        `assignment ${describeAssignment(a)} names an unknown person, shift or day`,
      );
      continue;
    }
    const row = grid.get(who)!;
    const current = row[day];
    if (current !== null && current !== undefined) {
      bad('one-shift-per-day', who, day, `${current} and ${shift}`);
      continue;
    }
    row[day] = shift;
  }

  const weekends = weekendIndex(problem.startDate, days).byDay;

  for (const p of problem.staff) {
    const row = grid.get(p.id)!;
    for (const d of p.daysOff) {
      if (d >= 0 && d < days && row[d] !== null) bad('day-off', p.id, d, `works ${row[d]} on a day off`);
    }
    for (let d = 0; d < days - 1; d++) {
      const a = row[d];
      const b = row[d + 1];
      if (a !== null && b !== null && shiftById.get(a)!.forbiddenNext.includes(b!)) {
        bad('forbidden-succession', p.id, d, `${a} then ${b}`);
      }
    }
    for (const [t, limit] of Object.entries(p.maxShifts)) {
      const n = row.filter((s) => s === t).length;
      if (n > limit) bad('max-shifts', p.id, null, `${n} × ${t} > ${limit}`);
    }
    let minutes = 0;
    for (const s of row) if (s !== null) minutes += shiftById.get(s)!.minutes;
    if (!(p.minMinutes <= minutes && minutes <= p.maxMinutes)) {
      bad('total-minutes', p.id, null, `${minutes} not in [${p.minMinutes}, ${p.maxMinutes}]`);
    }
    let d = 0;
    while (d < days) {
      const working = row[d] !== null;
      let e = d;
      while (e + 1 < days && (row[e + 1] !== null) === working) e++;
      const length = e - d + 1;
      const touchesEdge = d === 0 || e === days - 1;
      if (working) {
        if (length > p.maxConsecutiveShifts) bad('max-consecutive-shifts', p.id, d, `${length} days from day ${d}`);
        if (length < p.minConsecutiveShifts && !touchesEdge) {
          bad('min-consecutive-shifts', p.id, d, `${length} days from day ${d}`);
        }
      } else if (length < p.minConsecutiveDaysOff && !touchesEdge) {
        bad('min-consecutive-days-off', p.id, d, `${length} days off from day ${d}`);
      }
      d = e + 1;
    }
    const worked = new Set<number>();
    for (let day = 0; day < days; day++) if (weekends[day]! >= 0 && row[day] !== null) worked.add(weekends[day]!);
    if (worked.size > p.maxWeekends) bad('max-weekends', p.id, null, `${worked.size} > ${p.maxWeekends}`);
  }

  const breakdown: PenaltyBreakdown = { coverPenalty: 0, requestPenalty: 0, cover: [], requests: [] };
  for (const r of problem.requests) {
    const works = grid.get(r.staff)?.[r.day] === r.shift;
    if ((r.kind === 'on' && !works) || (r.kind === 'off' && works)) {
      breakdown.requestPenalty += r.weight;
      if (r.weight > 0) breakdown.requests.push({ request: r, penalty: r.weight });
    }
  }
  for (const c of problem.cover) {
    let assigned = 0;
    for (const row of grid.values()) if (row[c.day] === c.shift) assigned++;
    const short = Math.max(0, c.requirement - assigned);
    const over = Math.max(0, assigned - c.requirement);
    const penalty = c.underWeight * short + c.overWeight * over;
    breakdown.coverPenalty += penalty;
    if (penalty > 0) {
      breakdown.cover.push({ day: c.day, shift: c.shift, requirement: c.requirement, assigned, short, over, penalty });
    }
  }
  breakdown.cover.sort((a, b) => b.short - a.short || b.penalty - a.penalty || a.day - b.day);
  breakdown.requests.sort((a, b) => b.penalty - a.penalty || a.request.day - b.request.day);
  return { penalty: breakdown.coverPenalty + breakdown.requestPenalty, hardViolations: hard, breakdown };
}
