// The exact row solver against brute force: on a short horizon every row is enumerated, so the
// cheapest valid row is known. Counted shift types, weekends and a band of minutes make its
// dominance (with the resource floors) do real work; costs include negative ones, as duals give.
import { describe, expect, it } from 'vitest';
import type { RosterProblem } from '../../../main/roster/problem.ts';
import { compileModel, FREE, type Model } from '../../../main/roster/solver/model.ts';
import { Rng } from '../../../main/roster/solver/rng.ts';
import { EXACT_BUCKET_CAP, INFEASIBLE, RowSolver } from '../../../main/roster/solver/row-dp.ts';
import { rowKeepsRules } from '../../../main/roster/solver/row-rules.ts';

const DAYS = 9;

function problem(): RosterProblem {
  return {
    format: 'roster-problem/1',
    startDate: '2026-12-05', // a Saturday: two weekends in nine days
    days: DAYS,
    shifts: [
      { id: 'E', minutes: 480, forbiddenNext: [] },
      { id: 'L', minutes: 480, forbiddenNext: ['E'] },
      { id: 'N', minutes: 600, forbiddenNext: ['E', 'L'] },
    ],
    staff: [
      {
        id: 'A',
        maxShifts: { E: 2, L: 2, N: 1 },
        minMinutes: 1920,
        maxMinutes: 3360,
        minConsecutiveShifts: 2,
        maxConsecutiveShifts: 4,
        minConsecutiveDaysOff: 2,
        maxWeekends: 1,
        daysOff: [4],
      },
    ],
    requests: [],
    cover: [],
  };
}

/** The cheapest valid row by enumerating every row. */
function bruteForce(model: Model, costs: Float64Array): number {
  const V = model.values;
  const row = new Int8Array(DAYS);
  let best = INFEASIBLE;
  for (let code = 0; code < V ** DAYS; code++) {
    let rest = code;
    let cost = 0;
    for (let d = 0; d < DAYS; d++) {
      row[d] = (rest % V) - 1;
      rest = Math.floor(rest / V);
      cost += costs[d * V + row[d]! + 1]!;
    }
    if (cost < best && rowKeepsRules(model, 0, row)) best = cost;
  }
  return best;
}

describe('RowSolver exact solve', () => {
  it('finds the cheapest valid row that brute force finds, also under a pricing bound', () => {
    const model = compileModel(problem());
    const restrict = new Int8Array(DAYS).fill(FREE);
    const out = new Int8Array(DAYS);
    const rng = new Rng(20261207);
    for (let trial = 0; trial < 20; trial++) {
      const costs = Float64Array.from({ length: DAYS * model.values }, () => Math.round((rng.next() - 0.6) * 40));
      const expected = bruteForce(model, costs);
      const solver = new RowSolver(model);
      expect(solver.solveCapped(0, costs, restrict, out, Number.POSITIVE_INFINITY, EXACT_BUCKET_CAP), `trial ${trial}`).toBe(expected);
      expect(solver.capHits).toBe(0);
      expect(rowKeepsRules(model, 0, out)).toBe(true);
      expect(solver.solveCapped(0, costs, restrict, out, expected + 0.5, EXACT_BUCKET_CAP), `bounded trial ${trial}`).toBe(expected);
    }
  });
});
