// Runs the solver in worker threads, off the UI/IPC thread: progress arrives as messages, an
// AbortSignal cancels. With threads > 1 each worker searches with its own seed derived from the
// given one and the best roster wins (fewest hard violations, then lowest penalty, then the
// lowest worker index), so the answer still depends only on the seed and the budget.
import { Worker } from 'node:worker_threads';
import type { RosterProblem, RosterSolution } from '../problem.ts';
import type { SolveOptions, SolveProgress } from './index.ts';
import type { ToWorker, WorkerSolveOptions } from './worker.ts';

export interface WorkerRunOptions extends SolveOptions {
  /** Parallel searches (default 1); use 2 on a 2-core machine when nothing else runs. */
  threads?: number;
}

type FromWorker =
  { type: 'progress'; info: SolveProgress } | { type: 'result'; solution: RosterSolution } | { type: 'error'; message: string };

// From source the worker is its .ts file; in the desktop app's bundle it is built beside the
// main bundle as roster-solver-worker.cjs (see main/cli/build.ts).
const WORKER_URL = import.meta.url.endsWith('.cjs')
  ? new URL('./roster-solver-worker.cjs', import.meta.url)
  : new URL('./worker.ts', import.meta.url);
/** After a cancel, how long a worker may take to hand back its best roster before it is stopped. */
const CANCEL_GRACE_MS = 3000;

function better(a: RosterSolution, b: RosterSolution): boolean {
  if (a.hardViolations.length !== b.hardViolations.length) return a.hardViolations.length < b.hardViolations.length;
  return a.penalty < b.penalty;
}

function runOne(
  problem: RosterProblem,
  options: WorkerSolveOptions,
  onProgress: (info: SolveProgress) => void,
  signal: AbortSignal | undefined,
): Promise<RosterSolution | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (result: RosterSolution | null, error?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result);
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker);
      killTimer = setTimeout(() => finish(null), CANCEL_GRACE_MS);
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') onProgress(message.info);
      else if (message.type === 'result') finish(message.solution);
      else finish(null, new Error(message.message));
    });
    worker.on('error', (error) => finish(null, error));
    worker.on('exit', (code) => finish(null, code === 0 ? undefined : new Error(`solver worker exited with code ${code}`)));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({ type: 'solve', problem, options } satisfies ToWorker);
  });
}

export async function runSolverInWorker(problem: RosterProblem, options: WorkerRunOptions = {}): Promise<RosterSolution> {
  const { onProgress, signal, threads = 1, ...rest } = options;
  const count = Math.max(1, Math.floor(threads));
  const best: (SolveProgress | undefined)[] = new Array(count);
  const report = (i: number, info: SolveProgress) => {
    best[i] = info;
    if (!onProgress) return;
    let top = info;
    for (const b of best) if (b && ((b.valid && !top.valid) || (b.valid === top.valid && b.bestPenalty < top.bestPenalty))) top = b;
    onProgress({ ...info, bestPenalty: top.bestPenalty, valid: top.valid });
  };
  const seed = rest.seed ?? 1;
  const runs = Array.from({ length: count }, (_, i) =>
    runOne(problem, { ...rest, seed: i === 0 ? seed : `${seed}/${i}` }, (info) => report(i, info), signal),
  );
  const results = await Promise.all(runs);
  let winner: RosterSolution | null = null;
  for (const r of results) if (r && (winner === null || better(r, winner))) winner = r;
  if (winner === null) throw new DOMException('roster solving was cancelled', 'AbortError');
  return winner;
}
