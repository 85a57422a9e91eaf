import { Worker } from 'node:worker_threads';
import type { FileCheck } from './file-check.ts';

// From source the worker is its .ts file; in the desktop app's bundle it is built beside the
// main bundle as db-check-worker.cjs (see main/cli/build.ts).
const WORKER_URL = import.meta.url.endsWith('.cjs')
  ? new URL('./db-check-worker.cjs', import.meta.url)
  : new URL('./check-worker.ts', import.meta.url);

/**
 * checkDatabaseFile in a worker thread: the full integrity_check without blocking the app.
 * Aborting stops the worker and rejects with the signal's reason.
 */
export function checkDatabaseFileInWorker(
  file: string,
  migrationsFolder?: string,
  options: { inUse?: boolean; signal?: AbortSignal } = {},
): Promise<FileCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { file, migrationsFolder, inUse: options.inUse } });
    const abort = () => {
      reject(options.signal!.reason);
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.once('message', (result: FileCheck) => {
      options.signal?.removeEventListener('abort', abort);
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`database check worker exited with code ${code}`)));
  });
}
