import path from 'node:path';
import { chromium } from 'playwright-core';
import { shiftMonth } from '../../main/time/months.ts';
import { startServer } from '../../main/server/http.ts';
import { ensureRendererBuilt } from '../../main/app/renderer-build.ts';
import { cycleByPeriod, appraisalsOfCycle } from '../../main/appraisal/store.ts';
import { cycleContext, liveOutcome } from '../../main/appraisal/compute.ts';
import { annual } from '../../main/appraisal/annual.ts';
import { chromiumArgs } from '../../playwright.config.ts';
import { seededDatabase, hostOnCopy, timed, medianFirstRender, median, BENCH_END_DATE } from './fixtures.ts';

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
  const host = await hostOnCopy(root, await seededDatabase(root));
  // The last full month before the bench's end date, and the last full year.
  const month = shiftMonth(BENCH_END_DATE.slice(0, 7), -1);
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
    let boardRender: number;
    try {
      boardRender = await medianFirstRender(
        browser,
        server.url,
        `#/appraisal?tab=board&period=${month}&group=all`,
        '[data-testid="appraisal-board-table"] .vt-body-row',
        5,
      );
    } finally {
      await browser.close();
      await server.close();
    }
    return {
      'appraisal.compute_month_ms': median(compute),
      'appraisal.annual_ms': median(yearly),
      'appraisal.board_render_ms': boardRender,
    };
  } finally {
    host.close();
  }
}
