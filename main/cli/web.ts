import path from 'node:path';
import { openHost } from '../app/host.ts';
import { resolveDataDir } from '../app/data-dir.ts';
import { sourceRoot, appVersion, argValue } from '../app/root.ts';
import { ensureRendererBuilt } from '../app/renderer-build.ts';
import { startServer } from '../server/http.ts';

// npm run web -- [--data-dir DIR] [--port N]: the whole app in a browser, on 127.0.0.1 only.
const argv = process.argv.slice(2);
const port = Number(argValue(argv, '--port') ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${argValue(argv, '--port')}"`);
  process.exit(2);
}
const dataDir = resolveDataDir(argv);
if (!argv.includes('--no-build')) await ensureRendererBuilt(sourceRoot, (line) => console.log(line));

const host = await openHost({
  dataDir,
  appRoot: sourceRoot,
  mode: 'browser',
  version: appVersion(),
  checkOutput: process.env.BANZU_CHECK_OUTPUT === '1',
  log: (message, error) => console.error(`[banzu] ${message}`, error ?? ''),
});
const server = await startServer({ host, staticDir: path.join(sourceRoot, 'out', 'renderer'), port });
const stopBackups = host.scheduleDailyBackups();

console.log(`Banzu 班组管家 (browser mode), data in ${dataDir}`);
console.log(`Open: ${server.url}`);

async function shutdown() {
  stopBackups();
  await server.close();
  host.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
