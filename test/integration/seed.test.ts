import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { seedDatabase, type SeedReport } from '../../main/seed/index.ts';
import { isValidIsoDate } from '../../main/time/dates.ts';
import { sourceRoot } from '../../main/app/root.ts';
import { tempDir, migrationsFolder } from '../helpers/host.ts';

// The seed generator (npm run seed -- --people 40 --years 1): a plausible department, written
// through the real services, the same every time for the same seed.

const END = '2026-03-31';
const options = (out: string, seed = 20261122) => ({ out, people: 40, years: 1, seed, endDate: END, migrationsFolder });

let dir: string;
let file: string;
let report: SeedReport;
let db: Database.Database;

beforeAll(async () => {
  dir = tempDir('banzu-seed-');
  file = path.join(dir, 'seed.db');
  report = await seedDatabase(options(file));
  db = new Database(file, { readonly: true });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T = any>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

/** The people and group tables as data, without the wall-clock timestamps of the run. */
function content(target: string): unknown {
  const d = new Database(target, { readonly: true });
  try {
    return {
      people: d
        .prepare(
          `select id, employee_no, name, group_id, role, function, hire_date, first_employment_date, status, left_on,
                  daily_wage_fen, phone, note from people order by id`,
        )
        .all(),
      groups: d.prepare('select id, name, sort_order, archived_on from groups order by id').all(),
      moves: d.prepare('select person_id, from_group_id, to_group_id, on_date from group_moves order by id').all(),
      department: d.prepare('select name from departments').all(),
    };
  } finally {
    d.close();
  }
}

describe('seedDatabase --people 40 --years 1', () => {
  it('writes exactly the active head count asked for, and reports what it wrote', () => {
    expect(all("select count(*) as n from people where status = 'active'")[0].n).toBe(40);
    const total = all('select count(*) as n from people')[0].n;
    const left = all("select count(*) as n from people where status = 'left'")[0].n;
    expect(report.people).toEqual({ created: total, left, groups: all('select count(*) as n from groups')[0].n });
    expect(all('select name from departments')).toEqual([{ name: '网络咨询部' }]);
  });

  it('ORG-1: groups of about five, each with exactly one active leader; agents and leaders belong to a group', () => {
    const groups = all<{ id: number; active: number; leaders: number }>(
      `select g.id, sum(p.status = 'active') as active, sum(p.status = 'active' and p.role = 'leader') as leaders
         from groups g left join people p on p.group_id = g.id group by g.id`,
    );
    expect(groups.length).toBeGreaterThanOrEqual(6);
    for (const g of groups) {
      expect(g.leaders, `group ${g.id}`).toBe(1);
      expect(g.active, `group ${g.id}`).toBeGreaterThanOrEqual(2);
      expect(g.active, `group ${g.id}`).toBeLessThanOrEqual(7);
    }
    const mean = groups.reduce((s, g) => s + g.active, 0) / groups.length;
    expect(mean).toBeGreaterThanOrEqual(4);
    expect(mean).toBeLessThanOrEqual(6);
    expect(all("select count(*) as n from people where role in ('leader', 'agent') and group_id is null")[0].n).toBe(0);
    expect(all("select count(*) as n from people where role in ('manager', 'supervisor') and group_id is not null")[0].n).toBe(0);
    expect(all("select count(*) as n from people where role = 'manager' and status = 'active'")[0].n).toBe(1);
    expect(all("select count(*) as n from people where role = 'supervisor' and status = 'active'")[0].n).toBeGreaterThanOrEqual(1);
  });

  it('ORG-3: some people left, each with a date after hiring and within the year; nobody is deleted', () => {
    const left = all<{ hire_date: string; left_on: string }>("select hire_date, left_on from people where status = 'left'");
    expect(left.length).toBeGreaterThan(0);
    for (const p of left) {
      expect(p.left_on >= p.hire_date).toBe(true);
      expect(p.left_on <= END).toBe(true);
      expect(p.left_on >= '2025-03-01').toBe(true);
    }
    expect(all("select count(*) as n from people where status = 'active' and left_on is not null")[0].n).toBe(0);
    const audits = all("select count(*) as n from audit_log where entity = 'person' and action = 'markLeft'")[0].n;
    expect(audits).toBe(left.length);
  });

  it('ORG-3: unique employee numbers, plausible Chinese names, valid phones', () => {
    const people = all<{ employee_no: string; name: string; phone: string | null }>('select employee_no, name, phone from people');
    expect(new Set(people.map((p) => p.employee_no)).size).toBe(people.length);
    for (const p of people) {
      expect(p.name, p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(p.employee_no).toMatch(/^[A-Za-z0-9-]{1,20}$/);
      expect(p.phone ?? '').toMatch(/^1[3-9]\d{9}$/);
    }
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThan(people.length * 0.8);
  });

  it('every date in the file is a valid calendar date, and first employment never follows hiring', () => {
    const dates = [
      ...all('select hire_date as d from people'),
      ...all('select first_employment_date as d from people'),
      ...all('select left_on as d from people where left_on is not null'),
      ...all('select on_date as d from group_moves'),
      ...all('select archived_on as d from groups where archived_on is not null'),
      ...all('select effective_from as d from setting_values'),
      ...all('select published_on as d from rule_documents'),
    ].map((r) => r.d as string);
    expect(dates.length).toBeGreaterThan(150);
    for (const d of dates) expect(isValidIsoDate(d), d).toBe(true);
    expect(all('select count(*) as n from people where first_employment_date > hire_date')[0].n).toBe(0);
    expect(all(`select count(*) as n from people where hire_date > '${END}'`)[0].n).toBe(0);
    // A move happens after the person was hired.
    expect(all('select count(*) as n from group_moves m join people p on p.id = m.person_id where m.on_date < p.hire_date')[0].n).toBe(0);
  });

  it('is a sound file: integrity_check, foreign keys, every write audited', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const people = all('select count(*) as n from people')[0].n;
    expect(all("select count(*) as n from audit_log where entity = 'person' and action = 'create'")[0].n).toBe(people);
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('the same seed gives the same content; another seed gives another', async () => {
    const same = path.join(dir, 'same.db');
    const other = path.join(dir, 'other.db');
    await seedDatabase(options(same));
    await seedDatabase(options(other, 7));
    expect(content(same)).toEqual(content(file));
    expect(content(other)).not.toEqual(content(file));
  });

  it('refuses an existing --out file and leaves it alone', async () => {
    const existing = path.join(dir, 'existing.db');
    fs.writeFileSync(existing, '用户自己的文件');
    const sha = () => createHash('sha256').update(fs.readFileSync(existing)).digest('hex');
    const before = sha();
    await expect(seedDatabase(options(existing))).rejects.toThrow(/already exists/);
    expect(sha()).toBe(before);
    await expect(seedDatabase(options(file))).rejects.toThrow(/already exists/);
    expect(content(file)).toBeTruthy();

    // The command line says so and exits with an error.
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(sourceRoot, 'main', 'cli', 'seed.ts'), '--people', '40', '--years', '1', '--out', existing],
        { cwd: sourceRoot },
        (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/already exists/);
    expect(sha()).toBe(before);
  });
});
