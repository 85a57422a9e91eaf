import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { openHost } from '../../main/app/host.ts';
import { startServer } from '../../main/server/http.ts';
import { ensureRendererBuilt } from '../../main/app/renderer-build.ts';
import { cycleByPeriod, appraisalsOfCycle } from '../../main/appraisal/store.ts';
import { cycleContext, liveOutcome } from '../../main/appraisal/compute.ts';
import { annual } from '../../main/appraisal/annual.ts';
import { chromiumArgs } from '../../playwright.config.ts';
import { benchDir, seededDatabase, median, BENCH_END_DATE } from './fixtures.ts';

const RUNS = 20;

/** The last full month before the bench's end date, and the last full year. */
function lastMonth(): string {
  const [y, m] = BENCH_END_DATE.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function timed(run: () => unknown): number[] {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * On the seeded department (about 300 people, three years of monthly appraisals):
 * appraisal.compute_month_ms — totals, grades, coefficients and flags of every appraisal of the
 *   last full month, computed from its data (reads included), median of 20;
 * appraisal.annual_ms — the annual results of the last full year (12 cycles, about 300 people)
 *   with ranking, median of 20;
 * appraisal.board_render_ms — the board of that month for the whole department in Chromium, from
 *   the route change to the first rows painted, data fetch included, median of 5.
 */
export async function benchAppraisal(root: string): Promise<Record<string, number>> {
  await ensureRendererBuilt(root, () => undefined);
  const dataDir = benchDir();
  fs.copyFileSync(await seededDatabase(root), path.join(dataDir, 'banzu.db'));
  const host = await openHost({ dataDir, appRoot: root, mode: 'browser', version: 'bench' });
  await host.integrityChecked(); // not measured: it runs once, in a worker, after start-up
  const month = lastMonth();
  const year = Number(BENCH_END_DATE.slice(0, 4)) - 1;
  try {
    const ctx = { store: host.store(), actor: { id: 'supervisor', name: '主管' } };
    const cycle = cycleByPeriod(ctx, month);
    if (!cycle) throw new Error(`the seeded file has no cycle for ${month}`);
    let people = 0;
    const compute = timed(() => {
      const context = cycleContext(ctx, cycle);
      const outcomes = appraisalsOfCycle(ctx, cycle.id, null).map((row) => liveOutcome(ctx, context, row));
      people = outcomes.length;
      if (outcomes.some((o) => o.grade === null)) throw new Error('a seeded appraisal did not compute to a grade');
    });
    if (people < 250) throw new Error(`seeded month too small: ${people} appraisals`);
    let ranked = 0;
    const yearly = timed(() => {
      ranked = annual(ctx, year, null).rows.length;
    });
    if (ranked < 250) throw new Error(`seeded year too small: ${ranked} people`);

    const server = await startServer({ host, staticDir: path.join(root, 'out', 'renderer') });
    const browser = await chromium.launch({ executablePath: process.env.BANZU_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
    const renders: number[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
        await page.goto(`${server.url}#/settings`);
        await page.getByRole('menu').waitFor();
        await page.waitForTimeout(300);
        const ms = await page.evaluate(
          (target) =>
            new Promise<number>((resolve) => {
              const started = performance.now();
              const check = () => {
                if (document.querySelectorAll('[data-testid="appraisal-board-table"] .vt-body-row').length > 0) {
                  requestAnimationFrame(() => resolve(performance.now() - started));
                } else requestAnimationFrame(check);
              };
              location.hash = target;
              requestAnimationFrame(check);
            }),
          `#/appraisal?tab=board&period=${month}&group=all`,
        );
        renders.push(ms);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return {
      'appraisal.compute_month_ms': median(compute),
      'appraisal.annual_ms': median(yearly),
      'appraisal.board_render_ms': median(renders),
    };
  } finally {
    host.close();
  }
}
