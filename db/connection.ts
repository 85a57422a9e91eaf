import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import * as schema from './schema/index.ts';
import {
  looksLikeSqlite,
  quickProblems,
  loadMigrations,
  unknownMigrations,
  pendingMigrations,
  hasUserTables,
  hasMigrationTable,
  type OpenFailureReason,
} from './file-check.ts';

// Imported from here by the tests; the rest of file-check.ts is imported from it directly.
export { checkDatabaseFile, loadMigrations } from './file-check.ts';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

export interface Store {
  file: string;
  sqlite: Sqlite;
  db: Db;
}

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

/**
 * Opens (or creates) the data file: header check, quick check, pragmas, backup, migrations.
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
        problems = quickProblems(sqlite);
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
