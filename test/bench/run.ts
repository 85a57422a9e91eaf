// npm run bench [-- --only prefix,prefix]: measures the metrics the issues name and writes
// test/bench/results.json (metric → number). Speed is checked here, never in a test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceRoot, argValue } from '../../main/app/root.ts';
import { peopleBenchmarks } from './people.ts';
import { browserBenchmarks } from './browser.ts';
import { benchRosterSolver } from './roster-solver.ts';
import { benchRosterMonth } from './roster-month.ts';
import { benchRosterGrid } from './roster-grid.ts';
import { benchStaffing } from './staffing.ts';
import { benchAttendance } from './attendance.ts';
import { benchAppraisal } from './appraisal.ts';
import { benchDiscipline } from './discipline.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(here, 'results.json');
const only = argValue(process.argv.slice(2), '--only')?.split(',');
const wanted = (prefix: string) => !only || only.some((o) => prefix.startsWith(o) || o.startsWith(prefix));

const results: Record<string, number> = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : {};
function record(values: Record<string, number>) {
  for (const [metric, value] of Object.entries(values)) {
    results[metric] = Math.round(value * 1000) / 1000;
    console.log(`${metric.padEnd(40)} ${results[metric]}`);
  }
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}

const suites: Array<[string, () => Promise<Record<string, number>>]> = [
  ['startup', () => peopleBenchmarks(sourceRoot)],
  ['ipc', () => browserBenchmarks(sourceRoot)],
  ['roster.load_month', () => benchRosterMonth(sourceRoot)],
  ['roster.grid', () => benchRosterGrid(sourceRoot)],
  ['roster.solve', () => benchRosterSolver()],
  ['staffing', () => benchStaffing()],
  ['attendance', () => benchAttendance(sourceRoot)],
  ['appraisal', () => benchAppraisal(sourceRoot)],
  ['discipline', () => benchDiscipline(sourceRoot)],
];
for (const [name, run] of suites) {
  if (!wanted(name)) continue;
  console.log(`\n# ${name}`);
  record(await run());
}
console.log(`\nwrote ${path.relative(sourceRoot, resultsFile)}`);
