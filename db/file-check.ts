// Checking a data file without opening it for writing: the SQLite header, quick and full integrity
// checks, and which migrations it has. Kept free of drizzle's schema so that the integrity check's
// worker thread (check-worker.ts) starts fast.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';

type Sqlite = Database.Database;
/** Why a data file could not be opened. The file itself is never changed when this is thrown. */
export type OpenFailureReason = 'not-a-database' | 'integrity' | 'newer-schema' | 'migration-failed';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Reads the 16-byte magic string: a file that is not SQLite must never be opened for writing.
 * The smallest SQLite database is one 512-byte page holding the 100-byte header.
 */
export function looksLikeSqlite(file: string): boolean {
  if (fs.statSync(file).size < 512) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    return read === 16 && header.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** Runs PRAGMA integrity_check; returns the problems found (empty when the file is sound). */
function integrityProblems(sqlite: Sqlite): string[] {
  const rows = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

/**
 * PRAGMA quick_check: every page, record and b-tree, without matching index entries to their rows
 * (that is integrity_check's slow part; the host runs it in a worker after opening). Memory-mapped
 * reads for the check only make it about twice as fast on a large file.
 */
export function quickProblems(sqlite: Sqlite): string[] {
  sqlite.pragma(`mmap_size = ${QUICK_CHECK_MMAP}`);
  try {
    const rows = sqlite.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  } finally {
    sqlite.pragma('mmap_size = 0');
  }
}
const QUICK_CHECK_MMAP = 1 << 30;

export type FileCheck = { ok: true } | { ok: false; reason: OpenFailureReason; detail: string };

/**
 * Opens a file read-only and checks it; used for backups, files chosen for a restore and the data
 * file after opening. With the migrations folder it also refuses a file written by a newer version
 * of the app.
 */
export function checkDatabaseFile(file: string, migrationsFolder?: string, options: { inUse?: boolean } = {}): FileCheck {
  // A read-only open of a WAL file creates -wal and -shm beside it; remove the ones this check
  // made, unless the app has the file open (then they are its own, whenever they appeared).
  const sidecars = options.inUse ? [] : ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f));
  try {
    if (!fs.existsSync(file) || fs.statSync(file).size === 0 || !looksLikeSqlite(file)) {
      return { ok: false, reason: 'not-a-database', detail: 'not a SQLite database' };
    }
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const problems = integrityProblems(sqlite);
      if (problems.length > 0) return { ok: false, reason: 'integrity', detail: problems.slice(0, 5).join('; ') };
      if (!hasMigrationTable(sqlite)) return { ok: false, reason: 'not-a-database', detail: 'not a Banzu data file' };
      const unknown = migrationsFolder ? unknownMigrations(sqlite, loadMigrations(migrationsFolder)) : 0;
      if (unknown > 0) return { ok: false, reason: 'newer-schema', detail: `${unknown} migration(s) from a newer version of Banzu` };
      return { ok: true };
    } finally {
      sqlite.close();
    }
  } catch (error) {
    const notDatabase = (error as { code?: string }).code === 'SQLITE_NOTADB';
    return { ok: false, reason: notDatabase ? 'not-a-database' : 'integrity', detail: (error as Error).message };
  } finally {
    for (const sidecar of sidecars) fs.rmSync(sidecar, { force: true });
  }
}

export function loadMigrations(migrationsFolder: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder });
}

/** Migrations in the folder that the database has not applied yet (drizzle orders by folder time). */
export function pendingMigrations(sqlite: Sqlite, migrations: MigrationMeta[]): MigrationMeta[] {
  if (!hasMigrationTable(sqlite)) return migrations;
  const last = sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null };
  const lastAt = Number(last.at ?? 0);
  return migrations.filter((m) => m.folderMillis > lastAt);
}

/** How many applied migrations this version of the app does not know (a file from a newer version). */
export function unknownMigrations(sqlite: Sqlite, migrations: MigrationMeta[]): number {
  if (!hasMigrationTable(sqlite)) return 0;
  const known = new Set(migrations.map((m) => m.folderMillis));
  const applied = sqlite.prepare('select created_at as at from __drizzle_migrations').all() as Array<{ at: number }>;
  return applied.filter((a) => !known.has(Number(a.at))).length;
}

export function hasUserTables(sqlite: Sqlite): boolean {
  return Boolean(sqlite.prepare("select 1 from sqlite_master where type = 'table' and name not like 'sqlite_%' limit 1").get());
}

export function hasMigrationTable(sqlite: Sqlite): boolean {
  return Boolean(sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get());
}
