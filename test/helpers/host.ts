import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openHost, type AppHost } from '../../main/app/host.ts';
import { sourceRoot } from '../../main/app/root.ts';
import type { Result } from '../../main/ipc/contract-kit.ts';
import type { Ctx } from '../../main/app/context.ts';
import { seedDatabase, type SeedReport } from '../../main/seed/index.ts';

export const migrationsFolder = path.join(sourceRoot, 'db', 'migrations');

/** A fresh temporary data folder; removed by the returned cleanup. */
export function tempDir(prefix = 'banzu-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The real app host on a real SQLite file with the real migrations, outputs checked against the contract. */
export async function testHost(dataDir = tempDir()): Promise<AppHost> {
  return openHost({ dataDir, appRoot: sourceRoot, mode: 'browser', version: 'test', checkOutput: true });
}

/** Calls a channel through the dispatcher and returns the value, failing loudly on an error value. */
export async function ok<T = any>(host: AppHost, channel: string, input: unknown = {}): Promise<T> {
  const result = await host.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Calls a channel that must fail and returns its error value. */
export async function fails(host: AppHost, channel: string, input: unknown = {}) {
  const result: Result<unknown> = await host.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

export function hostCtx(host: AppHost): Ctx {
  return { store: host.store(), actor: { id: 'supervisor', name: '主管' } };
}

export function count(host: AppHost, table: string): number {
  return (host.store().sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

export const samplePerson = {
  employeeNo: 'A001',
  name: '张伟',
  role: 'agent',
  function: 'service',
  hireDate: '2024-02-29',
  firstEmploymentDate: '2020-07-01',
  dailyWageFen: 30000,
  phone: '13800138000',
  note: null,
} as const;

export type UploadEncoding = 'utf8' | 'gbk' | 'utf16le';

/** A file as the import channels take it: its name and its bytes in base64 (GBK through iconv). */
export function upload(text: string, fileName: string, encoding: UploadEncoding = 'utf8') {
  return {
    fileName,
    contentBase64: (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, encoding)).toString('base64'),
  };
}

/** A shift type's input for roster.saveShiftType: 7½ paid hours and a 30-minute break. */
export const shiftType = (code: string, name: string, startMinute: number, endMinute: number, functions: string[] | null = null) => ({
  code,
  name,
  color: '#1f6feb',
  startMinute,
  endMinute,
  paidMinutes: 450,
  breakMinutes: 30,
  functions,
});

/** roster.setCells with the changes as [personId, date, value]. */
export const setCells = (host: AppHost, changes: Array<[number, string, number | 'rest' | null]>, source = 'manual') =>
  ok(host, 'roster.setCells', { changes: changes.map(([personId, date, value]) => ({ personId, date, value })), source });

/** The workbook of an export channel's file. */
export async function xlsx(fileOut: { contentBase64: string }): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(fileOut.contentBase64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of values, from the first column. */
export const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

/**
 * A seeded small department (40 people, one year to endDate) in dir/seed.db, copied to dir/app
 * and opened there as the app does.
 */
export async function seededHost(dir: string, seed: number, endDate: string): Promise<{ report: SeedReport; host: AppHost }> {
  const file = path.join(dir, 'seed.db');
  const report = await seedDatabase({ out: file, people: 40, years: 1, seed, endDate, migrationsFolder });
  fs.mkdirSync(path.join(dir, 'app'));
  fs.copyFileSync(file, path.join(dir, 'app', 'banzu.db'));
  return { report, host: await testHost(path.join(dir, 'app')) };
}
