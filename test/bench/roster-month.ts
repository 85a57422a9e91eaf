import { shiftMonth } from '../../main/time/months.ts';
import { seededDatabase, hostOnCopy, percentile, BENCH_END_DATE } from './fixtures.ts';

const CALLS = 50;

/**
 * roster.load_month_p95_ms: the month channel for the whole department (about 300 people, one
 * month plus a week either side: some 13,000 cells) through host.dispatch on the seeded file
 * with three years of published rosters, 50 calls over the last five months, p95.
 */
export async function benchRosterMonth(root: string): Promise<Record<string, number>> {
  const host = await hostOnCopy(root, await seededDatabase(root));
  try {
    const months = [0, 1, 2, 3, 4].map((back) => shiftMonth(BENCH_END_DATE.slice(0, 7), -back));
    const call = async (month: string) => {
      const started = performance.now();
      const result = await host.dispatch('roster.month', { month, groupId: null });
      const elapsed = performance.now() - started;
      if (!result.ok) throw new Error(`roster.month failed: ${result.error.message}`);
      return { elapsed, value: result.value as { people: unknown[]; cells: unknown[] } };
    };
    // Warm up: prepared statements, and the calendar years loaded on first use.
    for (const month of months) await call(month);
    const times: number[] = [];
    let size = { people: 0, cells: 0 };
    const cpu = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) {
      const { elapsed, value } = await call(months[i % months.length]!);
      times.push(elapsed);
      size = { people: value.people.length, cells: value.cells.length };
    }
    if (size.people < 250 || size.cells < 5000) throw new Error(`seeded month too small: ${JSON.stringify(size)}`);
    const used = process.cpuUsage(cpu);
    return {
      'roster.load_month_p95_ms': percentile(times, 95),
      // The same calls in CPU time: what the wall clock shows on a machine nobody else is using.
      'roster.load_month_cpu_ms': (used.user + used.system) / 1000 / CALLS,
    };
  } finally {
    host.close();
  }
}
