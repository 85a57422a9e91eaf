import path from 'node:path';
import { seedDatabase } from '../seed/index.ts';
import { sourceRoot, argValue } from '../app/root.ts';
import { localToday } from '../app/context.ts';
import { isValidIsoDate } from '../time/dates.ts';

// npm run seed -- --people 300 --years 3 --out FILE [--seed N] [--end YYYY-MM-DD]
const argv = process.argv.slice(2);
const people = Number(argValue(argv, '--people') ?? 300);
const years = Number(argValue(argv, '--years') ?? 3);
const seed = Number(argValue(argv, '--seed') ?? 20261122);
const endDate = argValue(argv, '--end') ?? localToday();
const out = argValue(argv, '--out');

const problems = [
  !out && '--out FILE is required',
  !(Number.isInteger(people) && people >= 3 && people <= 5000) && '--people must be a whole number from 3 to 5000',
  !(years > 0 && years <= 10) && '--years must be more than 0 and at most 10',
  !Number.isInteger(seed) && '--seed must be a whole number',
  !isValidIsoDate(endDate) && '--end must be a date as YYYY-MM-DD',
].filter(Boolean);
if (problems.length > 0) {
  console.error(`seed: ${problems.join('; ')}`);
  process.exit(2);
}

try {
  const report = await seedDatabase({
    out: path.resolve(out!),
    people,
    years,
    seed,
    endDate,
    migrationsFolder: path.join(sourceRoot, 'db', 'migrations'),
  });
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(`seed: ${(error as Error).message}`);
  process.exit(1);
}
