// Entry point of the auto-scheduler: solveRoster(problem, options) → roster-solution/1.
import type { Assignment, RosterProblem, RosterSolution } from '../problem.ts';
import { scoreRoster } from '../score.ts';
import { compileModel, OFF, type LockedCell, type Model } from './model.ts';
import { seedFrom } from './rng.ts';
import { Search, type SearchPhase } from './search.ts';

export type { LockedCell } from './model.ts';

export interface SolveProgress {
  elapsedMs: number;
  bestPenalty: number;
  valid: boolean;
  phase: SearchPhase;
}

export interface SolveOptions {
  /** Time budget; the search is budgeted in work units derived from it (see WORK_PER_SECOND). */
  seconds?: number;
  seed?: number | string;
  onProgress?: (info: SolveProgress) => void;
  /** Aborting ends the search early; the best roster found so far is returned. */
  signal?: AbortSignal;
  /** Cells that must stay exactly as given; `shift: null` locks a day off. */
  locked?: readonly LockedCell[];
  /** A roster to start from (to keep it as it is, lock its cells as well). */
  keepExisting?: readonly Assignment[];
  /** Work budget in row-solver label operations; overrides the one derived from `seconds`. */
  maxWork?: number;
}

/**
 * Work units per second: about 70 % of what one core of the reference 2-core machine does when
 * nothing else runs (13–15 M/s measured, master MIPs included through their fixed charge). The
 * budget is seconds × this, so the answer does not depend on the machine's speed of the day; the
 * wall clock (seconds) stays as an upper bound and only cuts in on a loaded or slower machine.
 */
export const WORK_PER_SECOND = 10_000_000;

function initialGrid(model: Model, problem: RosterProblem, keep: readonly Assignment[]): Int8Array {
  const grid = new Int8Array(model.n * model.days).fill(OFF);
  const staffIndex = new Map(problem.staff.map((p, i) => [p.id, i]));
  const shiftIndex = new Map(problem.shifts.map((s, i) => [s.id, i]));
  for (const a of keep) {
    const p = staffIndex.get(a.staff);
    const s = shiftIndex.get(a.shift);
    if (p === undefined || s === undefined || a.day < 0 || a.day >= model.days) continue;
    grid[p * model.days + a.day] = s;
  }
  return grid;
}

export function gridToAssignments(model: Model, grid: Int8Array): Assignment[] {
  const out: Assignment[] = [];
  for (let p = 0; p < model.n; p++) {
    for (let d = 0; d < model.days; d++) {
      const v = grid[p * model.days + d]!;
      if (v >= 0) out.push({ staff: model.staffIds[p]!, day: d, shift: model.shiftIds[v]! });
    }
  }
  return out;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function solveRoster(problem: RosterProblem, options: SolveOptions = {}): Promise<RosterSolution> {
  const started = performance.now();
  const seconds = options.seconds ?? 60;
  const model = compileModel(problem, options.locked ?? []);
  let lastYield = performance.now();
  const search = new Search(model, {
    seed: seedFrom(options.seed ?? 1),
    maxWork: options.maxWork ?? Math.max(1, seconds * WORK_PER_SECOND),
    deadline: started + seconds * 1000,
    initial: options.keepExisting ? initialGrid(model, problem, options.keepExisting) : undefined,
    shouldStop: () => options.signal?.aborted === true,
    report: (p) =>
      options.onProgress?.({
        elapsedMs: Math.round(performance.now() - started),
        bestPenalty: p.bestPenalty,
        valid: p.valid,
        phase: p.phase,
      }),
    pause: async () => {
      if (performance.now() - lastYield < 25) return;
      await yieldToEventLoop();
      lastYield = performance.now();
    },
  });
  const result = await search.run();
  const assignments = gridToAssignments(model, result.grid);
  const score = scoreRoster(problem, assignments);
  return { format: 'roster-solution/1', assignments, penalty: score.penalty, hardViolations: score.hardViolations };
}
