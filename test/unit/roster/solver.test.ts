// The auto-scheduler: proven optima on the shared examples, validity (ROS-4 limits are hard rules,
// so every roster must keep them), ROS-1 coverage as the objective, determinism, locked cells and
// cancelling. Budgets are given in work units (maxWork) so the answers do not depend on the
// machine's load; 10M units are about one second here.
import { describe, expect, it } from 'vitest';
import { generateProblem } from '../../../main/roster/generate.ts';
import type { RosterProblem } from '../../../main/roster/problem.ts';
import { scoreRoster } from '../../../main/roster/score.ts';
import { solveRoster } from '../../../main/roster/solver/index.ts';
import { runSolverInWorker } from '../../../main/roster/solver/run-in-worker.ts';
import { haveReferenceScorer, loadFixture, referenceScoreCli, violationKeys } from './fixtures.ts';

const M = 1_000_000;

describe('solveRoster on the shared examples', () => {
  it('reaches the proven optima (ex-group5 1201, ex-team12 1700) with valid rosters, and proves them', async () => {
    // The budget pays for column generation; its proven bound ends the search at the optimum,
    // long before the budget is spent.
    for (const [file, optimum] of [
      ['ex-group5.json', 1201],
      ['ex-team12.json', 1700],
    ] as const) {
      const problem = loadFixture(file);
      const phases: string[] = [];
      const solution = await solveRoster(problem, { seed: 1, maxWork: 400 * M, seconds: 120, onProgress: (p) => phases.push(p.phase) });
      expect(solution.hardViolations, file).toEqual([]);
      expect(solution.penalty, file).toBe(optimum);
      expect(phases.at(-1)).toBe('done');
    }
  }, 120_000);

  it.skipIf(!haveReferenceScorer)('reports penalty and violations exactly as roster_eval.py scores them', async () => {
    const problem = loadFixture('ex-team12.json');
    const solution = await solveRoster(problem, { seed: 3, maxWork: 5 * M });
    const reference = referenceScoreCli(problem, solution.assignments);
    expect(solution.penalty).toBe(reference.penalty);
    expect(violationKeys(solution.hardViolations)).toEqual(violationKeys(reference.hardViolations));
  });
});

describe('solveRoster on generated problems', () => {
  it.each([
    ['8×2×14', { people: 8, shiftTypes: 2, days: 14 }],
    ['25×4×28', { people: 25, shiftTypes: 4, days: 28 }],
    ['60×6×28', { people: 60, shiftTypes: 6, days: 28 }],
  ])(
    'returns a valid roster (ROS-4 limits kept) on %s',
    async (_name, shape) => {
      const problem = generateProblem(`solver-${_name}`, shape);
      const solution = await solveRoster(problem, { seed: 7, maxWork: 4 * M });
      expect(solution.hardViolations).toEqual([]);
      expect(scoreRoster(problem, solution.assignments).penalty).toBe(solution.penalty);
    },
    60_000,
  );

  it('is deterministic: the same seed and budget give the same roster', async () => {
    const problem = generateProblem('determinism', { people: 20, shiftTypes: 3, days: 28 });
    const a = await solveRoster(problem, { seed: 11, maxWork: 4 * M });
    const b = await solveRoster(problem, { seed: 11, maxWork: 4 * M });
    expect(b).toEqual(a);
    const c = await solveRoster(problem, { seed: 12, maxWork: 4 * M });
    expect(c.hardViolations).toEqual([]);
  }, 60_000);

  it('is deterministic with column generation (HiGHS) in the loop as well', async () => {
    // A budget large enough for the price-and-dive phase, on a problem where it cannot prove
    // optimality quickly, so the whole budget is spent.
    const problem = generateProblem('determinism-colgen', { people: 12, shiftTypes: 3, days: 14 });
    const a = await solveRoster(problem, { seed: 4, maxWork: 45 * M });
    const b = await solveRoster(problem, { seed: 4, maxWork: 45 * M });
    expect(b).toEqual(a);
    expect(a.hardViolations).toEqual([]);
  }, 60_000);

  it('gives the same answer in a worker thread as in-process', async () => {
    const problem = generateProblem('worker-same', { people: 12, shiftTypes: 3, days: 14 });
    const inProcess = await solveRoster(problem, { seed: 5, maxWork: 5 * M });
    const inWorker = await runSolverInWorker(problem, { seed: 5, maxWork: 5 * M });
    expect(inWorker).toEqual(inProcess);
  }, 60_000);
});

describe('solveRoster constraints from the caller', () => {
  it('keeps locked cells exactly, including cells locked as a day off', async () => {
    const problem = loadFixture('ex-team12.json');
    const locked = [
      { staff: 'P01', day: 0, shift: 'N' },
      { staff: 'P01', day: 1, shift: 'N' },
      { staff: 'P02', day: 3, shift: null },
      { staff: 'P03', day: 10, shift: 'E' },
      { staff: 'P03', day: 11, shift: 'E' },
      { staff: 'P05', day: 5, shift: null },
      { staff: 'P05', day: 6, shift: null },
    ];
    const solution = await solveRoster(problem, { seed: 2, maxWork: 5 * M, locked });
    const at = (staff: string, day: number) => solution.assignments.find((a) => a.staff === staff && a.day === day)?.shift ?? null;
    for (const cell of locked) expect(at(cell.staff, cell.day), `${cell.staff} day ${cell.day}`).toBe(cell.shift);
    expect(solution.hardViolations).toEqual([]);
  });

  it('fills the gaps only when every existing assignment is locked', async () => {
    const problem = loadFixture('ex-team12.json');
    const first = await solveRoster(problem, { seed: 1, maxWork: 5 * M });
    const kept = first.assignments.filter((a) => a.day < 14);
    const solution = await solveRoster(problem, {
      seed: 2,
      maxWork: 10 * M,
      keepExisting: kept,
      locked: kept.map((a) => ({ ...a })),
    });
    for (const a of kept) expect(solution.assignments).toContainEqual(a);
    expect(solution.hardViolations).toEqual([]);
  });

  it('starts from an existing roster and does not get worse', async () => {
    const problem = loadFixture('ex-group5.json');
    const start = await solveRoster(problem, { seed: 3, maxWork: 1 * M });
    const again = await solveRoster(problem, { seed: 4, maxWork: 3 * M, keepExisting: start.assignments });
    expect(again.penalty).toBeLessThanOrEqual(start.penalty);
  });

  it('returns its best attempt with the violations listed when no valid roster exists', async () => {
    const problem: RosterProblem = structuredClone(loadFixture('ex-group5.json'));
    // P02 can work 4 days at most but must work 40 hours: impossible.
    problem.staff[1]!.daysOff = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    problem.staff[1]!.minMinutes = 2400;
    problem.staff[1]!.maxMinutes = 2880;
    const solution = await solveRoster(problem, { seed: 1, maxWork: 5 * M });
    expect(solution.hardViolations.length).toBeGreaterThan(0);
    expect(new Set(solution.hardViolations.map((v) => v.staff))).toEqual(new Set(['P02']));
    expect(solution.hardViolations.map((v) => v.rule)).toContain('total-minutes');
  });
});

describe('running in a worker', () => {
  it('reports progress and can be cancelled, handing back the best roster so far', async () => {
    const problem = generateProblem('cancel', { people: 40, shiftTypes: 4, days: 28 });
    const controller = new AbortController();
    const phases = new Set<string>();
    const started = performance.now();
    setTimeout(() => controller.abort(), 1500);
    const solution = await runSolverInWorker(problem, {
      seconds: 60,
      seed: 1,
      threads: 2,
      signal: controller.signal,
      onProgress: (p) => phases.add(p.phase),
    });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(10_000);
    expect(phases.has('construct')).toBe(true);
    expect(solution.format).toBe('roster-solution/1');
    expect(solution.hardViolations).toEqual([]);
  }, 30_000);

  it('hands back a roster even when cancelled before it starts', async () => {
    const problem = loadFixture('ex-group5.json');
    const controller = new AbortController();
    controller.abort();
    const solution = await runSolverInWorker(problem, { seconds: 5, signal: controller.signal });
    // The worker stops at its first check and hands back what construction built.
    expect(solution.format).toBe('roster-solution/1');
  }, 30_000);
});
