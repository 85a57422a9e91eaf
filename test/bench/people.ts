import fs from 'node:fs';
import path from 'node:path';
import { openHost } from '../../main/app/host.ts';
import { openStore } from '../../db/connection.ts';
import { benchDir, seededDatabase, peopleRows, peopleXlsx, median } from './fixtures.ts';

const IMPORT_ROWS = 5000;

/**
 * startup.open_ms: open the seeded 300-person, 3-year file as the app does (header check,
 * quick_check, pragmas, migrations, defaults) and run the first people query.
 * startup.integrity_check_background_ms: the full integrity_check that follows in a worker thread.
 * people.import_rows_per_s vs sqlite.raw_insert_rows_per_s: the real import path (XLSX parsing,
 * mapping, validation, all-or-nothing write with audit rows) against a bare prepared insert of
 * the same rows in one transaction.
 */
export async function peopleBenchmarks(root: string): Promise<Record<string, number>> {
  const seeded = await seededDatabase(root);
  const openTimes: number[] = [];
  const checkTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const dataDir = benchDir();
    fs.copyFileSync(seeded, path.join(dataDir, 'banzu.db'));
    const started = performance.now();
    const host = await openHost({ dataDir, appRoot: root, mode: 'browser', version: 'bench' });
    const listed = await host.dispatch('people.list', {});
    openTimes.push(performance.now() - started);
    if (!listed.ok || (listed.value as unknown[]).length < 300) throw new Error('seeded database did not list its people');
    // The full integrity check starts inside openHost and goes on in a worker after start-up; it
    // must not run into the next start.
    await host.integrityChecked();
    checkTimes.push(performance.now() - started);
    if (host.status().state !== 'ready') throw new Error('seeded database failed its integrity check');
    host.close();
  }

  const rows = peopleRows(IMPORT_ROWS);
  const xlsx = await peopleXlsx(rows);
  const importTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const host = await openHost({ dataDir: benchDir(), appRoot: root, mode: 'browser', version: 'bench' });
    const started = performance.now();
    const result = await host.dispatch('people.importCommit', {
      file: { fileName: 'people.xlsx', contentBase64: xlsx.toString('base64') },
    });
    importTimes.push(performance.now() - started);
    if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
    host.close();
  }

  const rawTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const store = await openStore(path.join(benchDir(), 'raw.db'), { migrationsFolder: path.join(root, 'db', 'migrations') });
    store.sqlite.prepare("insert into departments (name, created_at) values ('d', 'now')").run();
    const groupIds = new Map<string, number>();
    const insertGroup = store.sqlite.prepare("insert into groups (department_id, name, created_at) values (1, ?, 'now')");
    for (const r of rows) if (!groupIds.has(r.group)) groupIds.set(r.group, Number(insertGroup.run(r.group).lastInsertRowid));
    const insert = store.sqlite.prepare(
      `insert into people (employee_no, name, group_id, role, function, hire_date, first_employment_date, phone, created_at, updated_at)
       values (?, ?, ?, ?, 'service', ?, ?, ?, 'now', 'now')`,
    );
    const started = performance.now();
    store.sqlite.transaction(() => {
      for (const r of rows)
        insert.run(r.employeeNo, r.name, groupIds.get(r.group), r.role === '组长' ? 'leader' : 'agent', r.hireDate, r.hireDate, r.phone);
    })();
    rawTimes.push(performance.now() - started);
    store.sqlite.close();
  }

  const importRate = IMPORT_ROWS / (median(importTimes) / 1000);
  const rawRate = IMPORT_ROWS / (median(rawTimes) / 1000);
  return {
    'startup.open_ms': median(openTimes),
    'startup.integrity_check_background_ms': median(checkTimes),
    'people.import_rows_per_s': importRate,
    'sqlite.raw_insert_rows_per_s': rawRate,
    'people.import_vs_raw': importRate / rawRate,
  };
}
