import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BrowserModeServer {
  url: string;
  dataDir: string;
  /** Stops the server (as a user closing the app would) and starts it again on the same folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `npm run web` (the real browser mode) on a data folder and waits for its URL. */
async function launch(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(root, 'main', 'cli', 'web.ts'), '--data-dir', dataDir, '--port', '0', '--no-build'], {
    cwd: root,
    env: { ...process.env, BANZU_CHECK_OUTPUT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startServer(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-e2e-'))): Promise<BrowserModeServer> {
  let current = await launch(dataDir);
  const server: BrowserModeServer = {
    dataDir,
    get url() {
      return current.url;
    },
    async restart() {
      await stopChild(current.child);
      current = await launch(dataDir);
    },
    stop: () => stopChild(current.child),
  };
  return server;
}

/** Each test gets its own server and data folder. */
export const test = base.extend<{ server: BrowserModeServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Opens the app and waits until the shell is there. */
export async function openApp(page: Page, server: BrowserModeServer, hash = '#/people'): Promise<void> {
  const url = new URL(server.url);
  url.hash = hash;
  await page.goto(url.toString());
  await expect(page.getByRole('menu')).toBeVisible();
}

/** A screenshot for a human to look at (test-results/screens), at the test's viewport. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(root, 'test-results', 'screens', `${name}.png`) });
}

/** A channel called the way the page calls it (same token, same server); throws on an error value. */
export async function api<T = any>(page: Page, channel: string, input: unknown = {}): Promise<T> {
  const body = await page.evaluate(
    async ([channel, input]) => {
      const response = await fetch(`./api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-banzu-token': sessionStorage.getItem('banzu.token')! },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [channel, input] as const,
  );
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value as T;
}
