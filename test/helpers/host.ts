import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openHost, type AppHost } from '../../main/app/host.ts';
import { sourceRoot } from '../../main/app/root.ts';
import type { Result } from '../../main/ipc/contract-kit.ts';
import type { Ctx } from '../../main/app/context.ts';

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
