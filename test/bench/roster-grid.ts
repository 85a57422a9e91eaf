import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { openHost, type AppHost } from '../../main/app/host.ts';
import { startServer } from '../../main/server/http.ts';
import { ensureRendererBuilt } from '../../main/app/renderer-build.ts';
import { chromiumArgs } from '../../playwright.config.ts';
import { benchDir, medianFirstRender, percentile } from './fixtures.ts';
import { ok } from '../helpers/host.ts';

const MONTH = '2026-03';
const PEOPLE = 200;
const GROUP_SIZE = 10;

/**
 * 200 people in 20 groups, three shift types with coverage, and March 2026 filled with a staggered
 * rotation (E E L L N N rest rest), all written through the real channels.
 */
async function seedMonth(host: AppHost): Promise<void> {
  const shifts: Array<{ id: number }> = [];
  for (const s of [
    { code: 'E', name: '早班', color: '#1677ff', startMinute: 420, endMinute: 900, paidMinutes: 420, breakMinutes: 60, functions: null },
    { code: 'L', name: '晚班', color: '#fa8c16', startMinute: 900, endMinute: 1380, paidMinutes: 420, breakMinutes: 60, functions: null },
    { code: 'N', name: '夜班', color: '#722ed1', startMinute: 1380, endMinute: 420, paidMinutes: 420, breakMinutes: 60, functions: null },
  ]) {
    shifts.push(await ok(host, 'roster.saveShiftType', s));
  }
  const groups: number[] = [];
  for (let g = 0; g < PEOPLE / GROUP_SIZE; g++)
    groups.push((await ok<{ id: number }>(host, 'people.createGroup', { name: `第${g + 1}组` })).id);
  const people: number[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const person = await ok<{ id: number }>(host, 'people.create', {
      employeeNo: `B${String(i + 1).padStart(4, '0')}`,
      name: `员工${i + 1}`,
      groupId: groups[Math.floor(i / GROUP_SIZE)],
      role: i % GROUP_SIZE === 0 ? 'leader' : 'agent',
      function: 'service',
      hireDate: '2024-01-01',
      firstEmploymentDate: '2020-01-01',
      dailyWageFen: null,
      phone: null,
      note: null,
    });
    people.push(person.id);
  }
  const rows = shifts.flatMap((s) =>
    Array.from({ length: 7 }, (_, weekday) => ({ shiftTypeId: s.id, weekday, onDate: null, function: null, minPeople: 50 })),
  );
  await ok(host, 'roster.saveCoverage', { groupId: null, rows });
  const pattern = [shifts[0]!.id, shifts[0]!.id, shifts[1]!.id, shifts[1]!.id, shifts[2]!.id, shifts[2]!.id, 'rest', 'rest'] as const;
  const changes = people.flatMap((personId, k) =>
    Array.from({ length: 31 }, (_, d) => ({
      personId,
      date: `${MONTH}-${String(d + 1).padStart(2, '0')}`,
      value: pattern[(d + k) % pattern.length]!,
    })),
  );
  await ok(host, 'roster.setCells', { changes, source: 'pattern' });
}

/**
 * One edit: a letter typed into a selected cell, until the frame after the cell shows it and the
 * coverage row under that day has changed (rule checks run in the same update).
 */
function timeEdit(page: Page, cell: string, key: string, coverage: string): Promise<number> {
  return page.evaluate(
    ([cell, key, coverage]) =>
      new Promise<number>((resolve, reject) => {
        const grid = document.querySelector<HTMLElement>('[data-testid="roster-grid"]')!;
        const target = document.querySelector<HTMLElement>(`[data-cell="${cell}"]`);
        if (!target) return reject(new Error(`no cell ${cell}`));
        target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
        window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        const before = document.querySelector(`[data-cov="${coverage}"]`)!.textContent;
        requestAnimationFrame(() => {
          const started = performance.now();
          grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
          const check = () => {
            const shown = document.querySelector(`[data-cell="${cell}"]`)?.textContent === key;
            const counted = document.querySelector(`[data-cov="${coverage}"]`)?.textContent !== before;
            if (shown && counted) requestAnimationFrame(() => resolve(performance.now() - started));
            else if (performance.now() - started > 5000) reject(new Error(`cell ${cell} did not change`));
            else requestAnimationFrame(check);
          };
          // React applies a key's update in a microtask after the event: look right after it.
          queueMicrotask(check);
        });
      }),
    [cell, key, coverage] as const,
  );
}

/**
 * roster.grid_render_ms: the 200 × 31 department grid in Chromium, first render (median of 5).
 * roster.edit_p95_ms: one typed cell to the repainted grid with coverage and rule checks (50 edits).
 */
export async function benchRosterGrid(root: string): Promise<Record<string, number>> {
  await ensureRendererBuilt(root, () => undefined);
  const dataDir = benchDir();
  const host = await openHost({ dataDir, appRoot: root, mode: 'browser', version: 'bench' });
  await host.integrityChecked(); // not measured: it runs once, in a worker, after start-up
  const server = await startServer({ host, staticDir: path.join(root, 'out', 'renderer') });
  const browser = await chromium.launch({ executablePath: process.env.BANZU_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    await seedMonth(host);
    const hash = `#/roster?tab=grid&month=${MONTH}&group=all`;
    // From the route change to the frame after the grid's rows are in the DOM (data fetch included).
    const gridRender = await medianFirstRender(browser, server.url, hash, '[data-testid="roster-grid"] .rg-row', 5);

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}${hash}`);
    await page.locator('[data-testid="roster-grid"] .rg-row').first().waitFor();
    const people = await page.$$eval('[data-testid="roster-grid"] .rg-row', (rows) =>
      rows.map((r) => Number((r as HTMLElement).dataset.person)),
    );
    const edits: number[] = [];
    for (let i = 0; i < 50; i++) {
      const personId = people[i % 15]!;
      const date = `${MONTH}-${String(3 + Math.floor(i / 15) * 7 + (i % 7)).padStart(2, '0')}`;
      const current = await page.locator(`[data-cell="${personId}:${date}"]`).textContent();
      const key = current === 'E' ? 'L' : 'E';
      edits.push(await timeEdit(page, `${personId}:${date}`, key, `${key}:${date}`));
    }
    await page.close();
    return { 'roster.grid_render_ms': gridRender, 'roster.edit_p95_ms': percentile(edits, 95) };
  } finally {
    await browser.close();
    await server.close();
    host.close();
  }
}

// Run alone: node test/bench/roster-grid.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  console.log(await benchRosterGrid(root));
}
