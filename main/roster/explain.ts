// Why a post stays short (ROS-1): for every short cover row, what stops each person from taking
// that shift that day — a day off, a shift type they never work, the hard rules (ROS-4 rest and
// consecutive-day limits among them) their row would break, or the penalty it would add
// elsewhere (the post they would leave, a request). The UI shows this beside the remaining penalty.
import type { Assignment, RosterProblem } from './problem.ts';
import { scoreRoster, type HardRule } from './score.ts';

export type ShortfallReason =
  | { staff: string; kind: 'day-off' }
  | { staff: string; kind: 'never-works-shift' }
  | { staff: string; kind: 'breaks-rules'; rules: HardRule[] }
  /** Could take the post, but the roster would cost `penaltyDelta` more (≥ 0 in an optimum). */
  | { staff: string; kind: 'costs-more'; penaltyDelta: number; leaves?: string };

export interface ShortfallExplanation {
  day: number;
  shift: string;
  short: number;
  people: ShortfallReason[];
}

function ruleCounts(rules: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rules) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

export function explainShortfalls(problem: RosterProblem, assignments: readonly Assignment[]): ShortfallExplanation[] {
  const base = scoreRoster(problem, assignments);
  const baseRules = new Map<string, Map<string, number>>();
  for (const p of problem.staff) {
    baseRules.set(p.id, ruleCounts(base.hardViolations.filter((v) => v.staff === p.id).map((v) => v.rule)));
  }
  const out: ShortfallExplanation[] = [];
  for (const row of base.breakdown.cover) {
    if (row.short <= 0) continue;
    const people: ShortfallReason[] = [];
    for (const p of problem.staff) {
      const current = assignments.find((a) => a.staff === p.id && a.day === row.day);
      if (current?.shift === row.shift) continue;
      if (p.daysOff.includes(row.day)) {
        people.push({ staff: p.id, kind: 'day-off' });
        continue;
      }
      if (p.maxShifts[row.shift] === 0) {
        people.push({ staff: p.id, kind: 'never-works-shift' });
        continue;
      }
      const moved = assignments.filter((a) => !(a.staff === p.id && a.day === row.day));
      moved.push({ staff: p.id, day: row.day, shift: row.shift });
      const score = scoreRoster(problem, moved);
      const before = baseRules.get(p.id)!;
      const after = ruleCounts(score.hardViolations.filter((v) => v.staff === p.id).map((v) => v.rule));
      const added: HardRule[] = [];
      for (const [rule, n] of after) if (n > (before.get(rule) ?? 0)) added.push(rule as HardRule);
      if (added.length > 0) people.push({ staff: p.id, kind: 'breaks-rules', rules: added });
      else {
        people.push({
          staff: p.id,
          kind: 'costs-more',
          penaltyDelta: score.penalty - base.penalty,
          ...(current ? { leaves: current.shift } : {}),
        });
      }
    }
    out.push({ day: row.day, shift: row.shift, short: row.short, people });
  }
  return out;
}
