// npm test: typecheck, lint, unit + integration (vitest), then browser end-to-end (Playwright
// against the real browser mode). The last line is the totals of every suite, alone on a line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/** A step without its own test count (typecheck, lint, build) counts as one test. */
function step(title: string, command: string, args: string[]): boolean {
  const ok = run(title, command, args);
  if (ok) total.passed++;
  else total.failed++;
  return ok;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

step('typecheck (main, db, test)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('typecheck (renderer)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.renderer.json']);
step('lint', bin('eslint'), ['.']);

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestOk = run('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestJson);
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1);
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  total.failed++;
}

const built = step('build (renderer and Electron bundles)', process.execPath, [path.join(root, 'main', 'cli', 'build.ts')]);
const playwrightJson = path.join(results, 'playwright.json');
fs.rmSync(playwrightJson, { force: true });
if (built) {
  const e2eOk = run('browser end-to-end (Playwright, Chromium)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  const e2e = readJson<{ stats: { expected: number; unexpected: number; skipped: number; flaky: number } }>(playwrightJson);
  if (e2e) {
    total.passed += e2e.stats.expected + e2e.stats.flaky;
    total.failed += e2e.stats.unexpected + (e2eOk || e2e.stats.unexpected > 0 ? 0 : 1);
    total.skipped += e2e.stats.skipped;
  } else {
    total.failed++;
  }
}

console.log('');
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
