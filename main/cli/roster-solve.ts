// roster:solve — reads a roster-problem/1 file, prints the roster-solution/1 JSON on stdout.
// usage: npm run --silent roster:solve -- PROBLEM.json [--seconds N] [--seed S] [--threads T]
// Runs T searches in worker threads (default 2, one per core) and keeps the best.
import { readFileSync } from 'node:fs';
import { parseProblem } from '../roster/problem.ts';
import { runSolverInWorker } from '../roster/solver/run-in-worker.ts';

const USAGE = 'usage: roster:solve PROBLEM.json [--seconds N] [--seed S] [--threads T]';

function fail(message: string): never {
  process.stderr.write(`roster:solve: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; seconds: number; seed: string; threads: number } {
  let file: string | undefined;
  let seconds = 60;
  let seed = '1';
  let threads = 2;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--seconds') {
      seconds = Number(argv[++i]);
      if (!Number.isFinite(seconds) || seconds <= 0) fail(`--seconds needs a positive number\n${USAGE}`);
    } else if (arg === '--seed') {
      const value = argv[++i];
      if (value === undefined) fail(`--seed needs a value\n${USAGE}`);
      seed = value;
    } else if (arg === '--threads') {
      threads = Number(argv[++i]);
      if (!Number.isInteger(threads) || threads < 1) fail(`--threads needs a positive integer\n${USAGE}`);
    } else if (arg.startsWith('--')) {
      fail(`unknown option ${arg}\n${USAGE}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      fail(`one problem file only\n${USAGE}`);
    }
  }
  if (file === undefined) fail(USAGE);
  return { file, seconds, seed, threads };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(args.file, 'utf8'));
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as Error).message}`);
  }
  let problem;
  try {
    problem = parseProblem(json);
  } catch (e) {
    fail((e as Error).message);
  }
  const seed = /^-?\d+$/.test(args.seed) ? Number(args.seed) : args.seed;
  // Leave room for starting the workers and scoring within the time asked for.
  const seconds = args.seconds > 10 ? args.seconds - 2.5 : args.seconds * 0.75;
  const solution = await runSolverInWorker(problem, { seconds, seed, threads: args.threads });
  process.stdout.write(`${JSON.stringify(solution)}\n`);
}

await main();
