// Worker-thread entry: runs solveRoster off the main thread. Messages in: { type: 'solve',
// problem, options } then optionally { type: 'cancel' }; out: 'progress' messages, then one
// 'result' (or 'error').
import { parentPort } from 'node:worker_threads';
import type { RosterProblem } from '../problem.ts';
import { solveRoster, type SolveOptions } from './index.ts';

export type WorkerSolveOptions = Omit<SolveOptions, 'onProgress' | 'signal'>;

export type ToWorker = { type: 'solve'; problem: RosterProblem; options: WorkerSolveOptions } | { type: 'cancel' };

const port = parentPort;
if (port) {
  const controller = new AbortController();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    solveRoster(message.problem, {
      ...message.options,
      signal: controller.signal,
      onProgress: (info) => port.postMessage({ type: 'progress', info }),
    }).then(
      (solution) => port.postMessage({ type: 'result', solution }),
      (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  });
}
