import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import * as schema from './schema/index.ts';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

export interface Store {
  file: string;
  sqlite: Sqlite;
  db: Db;
}

/** Why a data file could not be opened. The file itself is never changed when this is thrown. */
export type OpenFailureReason = 'not-a-database' | 'integrity' | 'newer-schema' | 'migration-failed';

export class StoreOpenError extends Error {
  readonly reason: OpenFailureReason;
  constructor(reason: OpenFailureReason, detail: string) {
    super(detail);
    this.name = 'StoreOpenError';
    this.reason = reason;
  }
}

export interface OpenOptions {
  migrationsFolder: string;
  /** Called with the open database before pending migrations run on a file that already had data. */
  beforeMigrate?: (sqlite: Sqlite) => Promise<void>;
}

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
export function integrityProblems(sqlite: Sqlite): string[] {
  const rows = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

/**
 * Opens a file read-only and checks it; used for backups and files chosen for a restore. With the
 * migrations folder it also refuses a file written by a newer version of the app.
 */
export function checkDatabaseFile(
  file: string,
  migrationsFolder?: string,
): { ok: true } | { ok: false; reason: OpenFailureReason; detail: string } {
  // A read-only open of a WAL file creates -wal and -shm beside it; remove the ones this check made.
  const sidecars = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f));
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
function unknownMigrations(sqlite: Sqlite, migrations: MigrationMeta[]): number {
  if (!hasMigrationTable(sqlite)) return 0;
  const known = new Set(migrations.map((m) => m.folderMillis));
  const applied = sqlite.prepare('select created_at as at from __drizzle_migrations').all() as Array<{ at: number }>;
  return applied.filter((a) => !known.has(Number(a.at))).length;
}

function hasUserTables(sqlite: Sqlite): boolean {
  return Boolean(sqlite.prepare("select 1 from sqlite_master where type = 'table' and name not like 'sqlite_%' limit 1").get());
}

/**
 * Opens (or creates) the data file: header check, integrity check, pragmas, backup, migrations.
 * Throws StoreOpenError without touching the file when it is not a sound Banzu database.
 */
export async function openStore(file: string, options: OpenOptions): Promise<Store> {
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (exists && !looksLikeSqlite(file)) {
    throw new StoreOpenError('not-a-database', `${file} is not a SQLite database`);
  }
  let sqlite: Sqlite;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw new StoreOpenError('not-a-database', (error as Error).message);
  }
  try {
    // Everything that can refuse the file runs before anything writes to it.
    if (exists) {
      let problems: string[];
      try {
        problems = integrityProblems(sqlite);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new StoreOpenError('not-a-database', (error as Error).message);
        problems = [(error as Error).message];
      }
      if (problems.length > 0) throw new StoreOpenError('integrity', problems.slice(0, 5).join('; '));
      if (hasUserTables(sqlite) && !hasMigrationTable(sqlite)) {
        throw new StoreOpenError('not-a-database', `${file} is a SQLite database of another program`);
      }
    }
    const migrations = loadMigrations(options.migrationsFolder);
    const unknown = unknownMigrations(sqlite, migrations);
    if (unknown > 0) throw new StoreOpenError('newer-schema', `${unknown} migration(s) from a newer version of Banzu`);

    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    const pending = pendingMigrations(sqlite, migrations);
    if (pending.length > 0) {
      if (exists && hasUserTables(sqlite) && options.beforeMigrate) await options.beforeMigrate(sqlite);
      runMigrations(sqlite, pending);
    }
    // WAL is a lasting property of the file, so it is set only once the file is known to be ours.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    return { file, sqlite, db: drizzle(sqlite, { schema }) };
  } catch (error) {
    sqlite.close();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError('migration-failed', (error as Error).message);
  }
}

function hasMigrationTable(sqlite: Sqlite): boolean {
  return Boolean(sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get());
}

/**
 * Drizzle applies all pending migrations in one transaction, so a failure leaves the file as it
 * was. Foreign keys are off while it runs because SQLite table rebuilds need that, and the keys
 * are checked before the transaction commits.
 */
function runMigrations(sqlite: Sqlite, pending: MigrationMeta[]): void {
  sqlite.pragma('foreign_keys = OFF');
  sqlite.exec('CREATE TABLE IF NOT EXISTS __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  const record = sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim()) sqlite.exec(statement);
      }
      record.run(migration.hash, migration.folderMillis);
    }
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`foreign key check failed on ${broken.length} row(s)`);
  })();
}
