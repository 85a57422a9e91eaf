// Worker thread: checks a data file with integrity_check away from the main thread, which a
// large file would otherwise block for a second or more (see check-in-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { checkDatabaseFile } from './file-check.ts';

const { file, migrationsFolder, inUse } = workerData as { file: string; migrationsFolder?: string; inUse?: boolean };
parentPort!.postMessage(checkDatabaseFile(file, migrationsFolder, { inUse }));
