import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { openHost, type AppHost } from '../../main/app/host.ts';
import { seedDatabase } from '../../main/seed/index.ts';

export const BENCH_END_DATE = '2026-11-22';

export function benchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-bench-'));
}

let seeded: Promise<string> | undefined;

/**
 * The benchmark department: 300 people, three years of history, always the same seed; made once
 * per bench run. Benchmarks copy it before they write to it.
 */
export function seededDatabase(root: string): Promise<string> {
  seeded ??= (async () => {
    const file = path.join(benchDir(), 'seed-300x3.db');
    await seedDatabase({
      out: file,
      people: 300,
      years: 3,
      seed: 300_3,
      endDate: BENCH_END_DATE,
      migrationsFolder: path.join(root, 'db', 'migrations'),
    });
    return file;
  })();
  return seeded;
}

export interface PersonRow {
  employeeNo: string;
  name: string;
  group: string;
  role: string;
  function: string;
  hireDate: string;
  phone: string;
}

/** n people in groups of five, the shape an HR sheet has. */
export function peopleRows(n: number): PersonRow[] {
  return Array.from({ length: n }, (_, i) => ({
    employeeNo: `X${String(i + 1).padStart(6, '0')}`,
    name: `测试${i + 1}`,
    group: `第${Math.floor(i / 5) + 1}组`,
    role: i % 5 === 0 ? '组长' : '组员',
    function: '客服',
    hireDate: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    phone: `138${String(i).padStart(8, '0')}`,
  }));
}

export async function peopleXlsx(rows: PersonRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员');
  sheet.addRow(['工号', '姓名', '组别', '岗位', '职能', '入职日期', '手机号']);
  for (const r of rows) sheet.addRow([r.employeeNo, r.name, r.group, r.role, r.function, r.hireDate, r.phone]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The app host on a fresh copy of a seeded file, its background integrity check done (not measured). */
export async function hostOnCopy(root: string, seeded: string): Promise<AppHost> {
  const dataDir = benchDir();
  fs.copyFileSync(seeded, path.join(dataDir, 'banzu.db'));
  const host = await openHost({ dataDir, appRoot: root, mode: 'browser', version: 'bench' });
  await host.integrityChecked(); // not measured: it runs once, in a worker, after start-up
  return host;
}

/** Three warm-up runs, then the time of each of `runs` runs. */
export function timed(run: () => unknown, runs = 20): number[] {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Time to first rows in Chromium, median of `runs`: each run a new page opened on the settings
 * screen and left to settle, then from the route change to `hash` to the frame after the first
 * row matching `rowSelector` is in the DOM (data fetch included).
 */
export async function medianFirstRender(browser: Browser, url: string, hash: string, rowSelector: string, runs: number): Promise<number> {
  const renders: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${url}#/settings`);
    await page.getByRole('navigation').waitFor();
    await page.waitForTimeout(300);
    const ms = await page.evaluate(
      ([target, selector]) =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          const check = () => {
            if (document.querySelectorAll(selector).length > 0) {
              // The frame with the rows has been produced; wait for it to be painted.
              requestAnimationFrame(() => resolve(performance.now() - started));
            } else requestAnimationFrame(check);
          };
          location.hash = target;
          requestAnimationFrame(check);
        }),
      [hash, rowSelector] as const,
    );
    renders.push(ms);
    await page.close();
  }
  return median(renders);
}
