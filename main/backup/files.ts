import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Sqlite } from '../../db/connection.ts';
import { checkDatabaseFileInWorker } from '../../db/check-in-worker.ts';

export const backupKinds = ['auto', 'manual', 'pre-migrate', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export interface BackupInfo {
  name: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
}

export const AUTO_BACKUPS_KEPT = 14;
const namePattern = /^banzu-(\d{8})-(\d{6})(\d{3})-(auto|manual|pre-migrate|pre-restore)\.db$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

function stamp(date: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}${pad(date.getMilliseconds(), 3)}`;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = namePattern.exec(name);
      if (!m) return [];
      const [d, time, ms] = [m[1]!, m[2]!, m[3]!];
      const createdAt = new Date(
        +d.slice(0, 4),
        +d.slice(4, 6) - 1,
        +d.slice(6, 8),
        +time.slice(0, 2),
        +time.slice(2, 4),
        +time.slice(4, 6),
        +ms,
      ).toISOString();
      return [{ name, kind: m[4] as BackupKind, createdAt, sizeBytes: fs.statSync(path.join(dir, name)).size }];
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

export function backupPath(dataDir: string, name: string): string | undefined {
  if (!namePattern.test(name)) return undefined;
  const file = path.join(backupDir(dataDir), name);
  return fs.existsSync(file) ? file : undefined;
}

/**
 * SQLite's online backup (never a file copy of an open database), written under a temporary
 * name and checked with integrity_check before it gets its real name.
 */
export async function takeBackup(sqlite: Sqlite, dataDir: string, kind: BackupKind, now = new Date()): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  let name = `banzu-${stamp(now)}-${kind}.db`;
  while (fs.existsSync(path.join(dir, name))) {
    now = new Date(now.getTime() + 1);
    name = `banzu-${stamp(now)}-${kind}.db`;
  }
  const partial = path.join(dir, `${name}.part`);
  await sqlite.backup(partial);
  // A backup is one self-contained file: rollback journal, not WAL.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const check = await checkDatabaseFileInWorker(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new Error(check.detail);
  }
  fs.renameSync(partial, path.join(dir, name));
  return listBackups(dataDir).find((b) => b.name === name)!;
}

/** Keeps the newest daily backups; manual and safety backups are never pruned. */
export function pruneAutoBackups(dataDir: string, keep = AUTO_BACKUPS_KEPT): string[] {
  const old = listBackups(dataDir)
    .filter((b) => b.kind === 'auto')
    .slice(keep);
  for (const b of old) fs.rmSync(path.join(backupDir(dataDir), b.name));
  return old.map((b) => b.name);
}

/** The day's automatic backup, once per calendar day while the app runs. */
export async function ensureDailyBackup(sqlite: Sqlite, dataDir: string, now = new Date()): Promise<BackupInfo | undefined> {
  const today = stamp(now).slice(0, 8);
  if (listBackups(dataDir).some((b) => b.kind === 'auto' && b.name.startsWith(`banzu-${today}`))) return undefined;
  const taken = await takeBackup(sqlite, dataDir, 'auto', now);
  pruneAutoBackups(dataDir);
  return taken;
}
