import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { test as base, expect, type Download, type Page } from '@playwright/test';

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
  await expect(page.getByRole('navigation')).toBeVisible();
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

/** Goes to a route and reloads, so data written through the API is read again. */
export async function reopen(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, hash));
  await page.reload();
}

/**
 * 一组 with the named people (the first the leader, the others agents, in the service function),
 * through the people area's channels; employee numbers E001… unless told. People by name → id.
 */
export async function createTeam(
  page: Page,
  names = ['张伟', '李娜', '王芳', '刘洋'],
  details: { employeeNo?: (i: number) => string; hireDate?: string; firstEmploymentDate?: string; dailyWageFen?: number | null } = {},
): Promise<{ groupId: number; people: Record<string, number> }> {
  const { employeeNo = (i) => `E00${i + 1}`, hireDate = '2024-01-02', firstEmploymentDate = '2020-07-01', dailyWageFen = null } = details;
  const group = await api<{ id: number }>(page, 'people.createGroup', { name: '一组' });
  const people: Record<string, number> = {};
  for (const [i, name] of names.entries()) {
    const person = await api<{ id: number }>(page, 'people.create', {
      employeeNo: employeeNo(i),
      name,
      groupId: group.id,
      role: i === 0 ? 'leader' : 'agent',
      function: 'service',
      hireDate,
      firstEmploymentDate,
      dailyWageFen,
      phone: null,
      note: null,
    });
    people[name] = person.id;
  }
  return { groupId: group.id, people };
}

/** The workbook a download saved. */
export async function downloadedWorkbook(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  return workbook;
}

/** A sheet's rows as arrays of values, from the first column. */
export function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
