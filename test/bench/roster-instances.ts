// Gap to the best known penalties on the converted Curtois & Qu instances (schedulingbenchmarks.org),
// solved the way the CLI does it: two seeded workers, the best wins, 60 s each by default.
// Too long for `npm run bench` (about a minute per instance), so it runs on its own, one
// instance at a time, and prints a table plus `roster.solve_instances_gap` (mean relative gap):
//   node test/bench/roster-instances.ts [--seconds N] [instance5 instance7 …]
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseProblem } from '../../main/roster/problem.ts';
import { runSolverInWorker } from '../../main/roster/solver/run-in-worker.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/roster');

/** Best known penalties (schedulingbenchmarks.org, instances 1–11). */
export const BEST_KNOWN: Record<string, number> = {
  instance1: 607,
  instance2: 828,
  instance3: 1001,
  instance4: 1716,
  instance5: 1143,
  instance6: 1950,
  instance7: 1056,
  instance8: 1300,
  instance9: 439,
  instance10: 4631,
  instance11: 3443,
};

export interface InstanceResult {
  name: string;
  penalty: number;
  best: number;
  gap: number;
  valid: boolean;
  wallMs: number;
  cpuMs: number;
  load: string;
}

export async function measureInstances(names: readonly string[], seconds = 60): Promise<InstanceResult[]> {
  const out: InstanceResult[] = [];
  for (const name of names) {
    const file = join(fixtures, `${name}.json`);
    if (!existsSync(file)) continue;
    const problem = parseProblem(JSON.parse(readFileSync(file, 'utf8')));
    const load0 = loadavg()[0]!.toFixed(1);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // Leave the CLI's margin for starting the workers and scoring.
    const solution = await runSolverInWorker(problem, { seconds: seconds > 10 ? seconds - 2.5 : seconds * 0.75, seed: 1, threads: 2 });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const best = BEST_KNOWN[name]!;
    const valid = solution.hardViolations.length === 0;
    out.push({
      name,
      penalty: solution.penalty,
      best,
      gap: valid ? (solution.penalty - best) / best : 1,
      valid,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      load: `${load0}/${loadavg()[0]!.toFixed(1)}`,
    });
  }
  return out;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  let seconds = 60;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--seconds') seconds = Number(args[++i]);
    else names.push(args[i]!);
  }
  const results = await measureInstances(names.length > 0 ? names : Object.keys(BEST_KNOWN), seconds);
  console.log('instance     penalty  best   gap      valid  wall s  cpu s  load (1 min, before/after)');
  for (const r of results) {
    console.log(
      `${r.name.padEnd(12)} ${String(r.penalty).padEnd(8)} ${String(r.best).padEnd(6)} ${(r.gap * 100).toFixed(2).padStart(6)} %  ${r.valid ? 'yes' : 'NO '}    ${(r.wallMs / 1000).toFixed(1).padStart(5)}  ${(r.cpuMs / 1000).toFixed(1).padStart(5)}  ${r.load}`,
    );
  }
  const mean = results.reduce((a, r) => a + r.gap, 0) / Math.max(1, results.length);
  console.log(JSON.stringify({ 'roster.solve_instances_gap': mean }));
}
