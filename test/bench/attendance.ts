import fs from 'node:fs';
import path from 'node:path';
import type { AppHost } from '../../main/app/host.ts';
import { openStore } from '../../db/connection.ts';
import type { Ctx } from '../../main/app/context.ts';
import { evaluateRange } from '../../main/attendance/evaluate.ts';
import { addDays } from '../../main/time/dates.ts';
import { shiftMonth } from '../../main/time/months.ts';
import { monthBounds } from '../../main/roster/month.ts';
import { benchDir, seededDatabase, hostOnCopy, median, BENCH_END_DATE } from './fixtures.ts';

const IMPORT_ROWS = 100_000;

async function timed(host: AppHost, channel: string, input: unknown): Promise<{ ms: number; value: any }> {
  const started = performance.now();
  const result = await host.dispatch(channel, input);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return { ms, value: result.value };
}

/**
 * Punches for the active people over the open weeks before the end date, at seconds the seeded
 * punches do not use (":07"), so the import writes every row as new.
 */
function punchRows(people: Array<{ employeeNo: string; hireDate: string }>, count: number, from: string, to: string): string[] {
  const rows: string[] = [];
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; rows.length < count; i++) {
    const person = people[i % people.length]!;
    const day = days[Math.floor(i / people.length) % days.length]!;
    const slot = Math.floor(i / (people.length * days.length));
    if (day < person.hireDate) continue;
    rows.push(`${person.employeeNo},${day} ${pad(slot % 24)}:${pad((slot * 7) % 60)}:07`);
  }
  return rows;
}

/**
 * attendance.evaluate_month_ms: one month of the seeded 300-person department judged (people,
 * stays, shifts, punches, leave, overtime, resolutions loaded and every shift judged), median of 7.
 * attendance.sheet_ms: the sheet channel for that month (with the ATT-6 lookback and the year's
 * closed months), median of 5.
 * attendance.import_rows_per_s vs attendance.raw_insert_rows_per_s: 100,000 punches through the
 * real import path (CSV decoding, mapping, checks, duplicates against the file and the data,
 * all-or-nothing write with its audit row) against a bare prepared insert of the same rows.
 * attendance.sheet_xlsx_ms: the 考勤表 XLSX for the department, median of 3.
 * leave.balance_300_ms: every kind of leave's balance for everyone, for the year, median of 7.
 */
export async function benchAttendance(root: string): Promise<Record<string, number>> {
  const seeded = await seededDatabase(root);
  // The last whole month before the bench's end date (open: judged afresh, not read back).
  const month = shiftMonth(BENCH_END_DATE.slice(0, 7), -1);
  const host = await hostOnCopy(root, seeded);
  const results: Record<string, number> = {};
  let people: Array<{ employeeNo: string; hireDate: string }>;
  try {
    const ctx: Ctx = { store: host.store(), actor: { id: 'supervisor', name: '主管' } };
    const { from, to } = monthBounds(month);
    evaluateRange(ctx, { from, to, groupId: null });
    const evaluations: number[] = [];
    let size = { people: 0, shifts: 0, punches: 0 };
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const evaluation = evaluateRange(ctx, { from, to, groupId: null });
      evaluations.push(performance.now() - started);
      size = {
        people: evaluation.people.length,
        shifts: evaluation.people.reduce((s, p) => s + p.days.filter((d) => d.scheduled).length, 0),
        punches: evaluation.people.reduce(
          (s, p) => s + p.days.reduce((n, d) => n + (d.in ? 1 : 0) + (d.out ? 1 : 0) + d.extra.length, 0),
          0,
        ),
      };
    }
    if (size.people < 250 || size.shifts < 5000) throw new Error(`seeded month too small: ${JSON.stringify(size)}`);
    console.log(`  evaluated ${month}: ${JSON.stringify(size)}`);
    results['attendance.evaluate_month_ms'] = median(evaluations);

    await timed(host, 'attendance.sheet', { month, groupId: null });
    const sheets: number[] = [];
    for (let i = 0; i < 5; i++) sheets.push((await timed(host, 'attendance.sheet', { month, groupId: null })).ms);
    results['attendance.sheet_ms'] = median(sheets);

    const exports: number[] = [];
    for (let i = 0; i < 3; i++) exports.push((await timed(host, 'attendance.exportXlsx', { month, groupId: null })).ms);
    results['attendance.sheet_xlsx_ms'] = median(exports);

    const year = Number(month.slice(0, 4));
    await timed(host, 'leave.balances', { year, groupId: null });
    const balances: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { ms, value } = await timed(host, 'leave.balances', { year, groupId: null });
      if ((value as unknown[]).length < 300) throw new Error('fewer than 300 balances');
      balances.push(ms);
    }
    results['leave.balance_300_ms'] = median(balances);

    // The active people, for the import below (nothing above changes them).
    people = host
      .store()
      .sqlite.prepare("select employee_no as employeeNo, hire_date as hireDate from people where status = 'active' order by id")
      .all() as Array<{ employeeNo: string; hireDate: string }>;
  } finally {
    host.close();
  }

  // ---- import: 100,000 punches through the real path, against a bare insert of the same rows ----
  const importFrom = `${BENCH_END_DATE.slice(0, 7)}-01`;
  const rows = punchRows(people, IMPORT_ROWS, addDays(importFrom, -31), addDays(BENCH_END_DATE, -1));
  const csv = Buffer.from(['工号,打卡时间', ...rows].join('\r\n'), 'utf8').toString('base64');
  const imports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const target = await hostOnCopy(root, seeded);
    try {
      const { ms, value } = await timed(target, 'attendance.importCommit', { file: { fileName: 'punches.csv', contentBase64: csv } });
      // A handful may meet a seeded punch at the same second: dropped as duplicates, as they should.
      if (value.created + value.duplicates !== IMPORT_ROWS || value.created < IMPORT_ROWS * 0.999) {
        throw new Error(`import wrote ${value.created} of ${IMPORT_ROWS}`);
      }
      imports.push(ms);
    } finally {
      target.close();
    }
  }
  // The bare insert of the same rows into the same seeded file (same indexes, same size).
  const raws: number[] = [];
  for (let i = 0; i < 3; i++) {
    const file = path.join(benchDir(), 'raw.db');
    fs.copyFileSync(seeded, file);
    const store = await openStore(file, { migrationsFolder: path.join(root, 'db', 'migrations') });
    const ids = new Map(
      (store.sqlite.prepare('select id, employee_no as no from people').all() as Array<{ id: number; no: string }>).map((p) => [
        p.no,
        p.id,
      ]),
    );
    const parsed = rows.map((r) => [ids.get(r.slice(0, r.indexOf(',')))!, r.slice(r.indexOf(',') + 1)] as const);
    const insert = store.sqlite.prepare(
      "insert into punches (person_id, at, source, batch, created_at, created_by) values (?, ?, 'import', 'raw', 'now', 'bench')",
    );
    const started = performance.now();
    store.sqlite.transaction(() => {
      for (const [personId, at] of parsed) insert.run(personId, at);
    })();
    raws.push(performance.now() - started);
    store.sqlite.close();
  }
  const importRate = IMPORT_ROWS / (median(imports) / 1000);
  const rawRate = IMPORT_ROWS / (median(raws) / 1000);
  results['attendance.import_rows_per_s'] = importRate;
  results['attendance.raw_insert_rows_per_s'] = rawRate;
  results['attendance.import_vs_raw'] = importRate / rawRate;
  return results;
}
