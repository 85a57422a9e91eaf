import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../db/connection.ts';
import type { Ctx } from '../app/context.ts';
import { ensureDepartment } from '../people/service.ts';
import { ensureSettings } from '../settings/service.ts';
import { addDays } from '../time/dates.ts';
import { Random } from './random.ts';
import { seedPeople } from './people.ts';
import { seedRoster, type SeededRoster } from './roster.ts';
import { seedAppraisals, type SeededAppraisals } from './appraisal.ts';
import { seedAttendance, type SeededAttendance } from './attendance.ts';
import { seedDiscipline, type SeededDiscipline } from './discipline.ts';

export interface SeedOptions {
  out: string;
  people: number;
  years: number;
  seed: number;
  /** The last day of the history (today by default). */
  endDate: string;
  migrationsFolder: string;
}

export interface SeedReport {
  file: string;
  people: { created: number; left: number; groups: number };
  roster: SeededRoster;
  appraisals: SeededAppraisals;
  attendance: SeededAttendance;
  discipline: SeededDiscipline;
  milliseconds: number;
}

/** Writes a new department database; refuses to touch an existing file. */
export async function seedDatabase(options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  if (fs.existsSync(options.out)) throw new Error(`${options.out} already exists; choose another --out or delete it first`);
  fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  const store = await openStore(options.out, { migrationsFolder: options.migrationsFolder });
  try {
    const ctx: Ctx = { store, actor: { id: 'supervisor', name: '主管' } };
    ensureDepartment(ctx);
    ensureSettings(ctx);
    const random = new Random(options.seed);
    const startDate = addDays(options.endDate, -Math.round(options.years * 365.25));
    // One outer transaction: each service's own transaction becomes a savepoint, and the file
    // is written once instead of fsynced per record.
    const { people, roster, appraisals, attendance, discipline } = store.sqlite.transaction(() => {
      const people = seedPeople(ctx, random, { people: options.people, startDate, endDate: options.endDate });
      const roster = seedRoster(ctx, random, { startDate, endDate: options.endDate, groups: people.groups });
      const appraisals = seedAppraisals(ctx, random, { startDate, endDate: options.endDate, groups: people.groups });
      // Punches, leave and overtime for the published rosters (prepared statements, few audit rows).
      const attendance = seedAttendance(ctx, random, { startDate, endDate: options.endDate, groups: people.groups });
      // Sanctions, rewards, the 乐捐 fund and promotions over the same years.
      const discipline = seedDiscipline(ctx, random, { startDate, endDate: options.endDate, groups: people.groups });
      return { people, roster, appraisals, attendance, discipline };
    })();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return {
      file: options.out,
      people: { created: people.created, left: people.left, groups: people.groups.length },
      roster,
      appraisals,
      attendance,
      discipline,
      milliseconds: Math.round(performance.now() - started),
    };
  } finally {
    store.sqlite.close();
  }
}
