// Benchmarks of the roster solver, called from `npm run bench`:
// - roster.solve_examples_gap: mean relative gap to the proven optima of the shared examples
//   (ex-group5 1201, ex-team12 1700) at a 60 s budget; 0 is the target.
// - roster.solve_60x28_first_valid_ms: time to the first valid roster on a generated problem of
//   60 people, 28 days and 4 shift types; target ≤ 2000 ms.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateProblem } from '../../main/roster/generate.ts';
import { parseProblem } from '../../main/roster/problem.ts';
import { solveRoster } from '../../main/roster/solver/index.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/roster');
const EXAMPLES: [file: string, optimum: number][] = [
  ['ex-group5.json', 1201],
  ['ex-team12.json', 1700],
];

export async function measureExamplesGap(seconds = 60): Promise<number> {
  let sum = 0;
  for (const [file, optimum] of EXAMPLES) {
    const problem = parseProblem(JSON.parse(readFileSync(join(fixtures, file), 'utf8')));
    const solution = await solveRoster(problem, { seconds, seed: 1 });
    const gap = solution.hardViolations.length > 0 ? 1 : (solution.penalty - optimum) / optimum;
    sum += gap;
  }
  return sum / EXAMPLES.length;
}

export async function measureFirstValidMs(): Promise<number> {
  const problem = generateProblem('bench-60x28x4', { people: 60, shiftTypes: 4, days: 28 });
  const controller = new AbortController();
  let firstValid = Number.NaN;
  await solveRoster(problem, {
    seconds: 30,
    seed: 1,
    signal: controller.signal,
    onProgress: (p) => {
      if (p.valid && Number.isNaN(firstValid)) {
        firstValid = p.elapsedMs;
        controller.abort();
      }
    },
  });
  return firstValid;
}

export async function benchRosterSolver(): Promise<Record<string, number>> {
  return {
    'roster.solve_examples_gap': await measureExamplesGap(),
    'roster.solve_60x28_first_valid_ms': await measureFirstValidMs(),
  };
}

if (import.meta.main) {
  console.log(JSON.stringify(await benchRosterSolver(), null, 2));
}
