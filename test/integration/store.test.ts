import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, it, expect } from 'vitest';
import { openStore, StoreOpenError, checkDatabaseFile, loadMigrations, type Store } from '../../db/connection.ts';
import { openHost } from '../../main/app/host.ts';
import { sourceRoot } from '../../main/app/root.ts';
import { listBackups, backupDir } from '../../main/backup/files.ts';
import { tempDir, migrationsFolder, ok, count } from '../helpers/host.ts';

// The data file is the user's only copy of years of records: every way of opening it that fails
// must leave it byte for byte as it was.

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const journal = () =>
  JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ idx: number; when: number; tag: string; version: string; breakpoints: boolean }>;
  };

async function expectOpenFailure(file: string, folder = migrationsFolder): Promise<StoreOpenError> {
  try {
    const store = await openStore(file, { migrationsFolder: folder });
    store.sqlite.close();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreOpenError);
    return error as StoreOpenError;
  }
  throw new Error(`${file} opened although it should have been refused`);
}

/** A department, a group and some people written with plain SQL (the tables of migration 0000). */
function insertData(sqlite: Store['sqlite'], people = 12): void {
  sqlite.exec("insert into departments (name, created_at) values ('网络咨询部', '2026-01-01T00:00:00Z')");
  sqlite.exec("insert into groups (department_id, name, created_at) values (1, '一组', '2026-01-01T00:00:00Z')");
  const insert = sqlite.prepare(
    `insert into people (employee_no, name, group_id, role, function, hire_date, first_employment_date, created_at, updated_at)
     values (?, ?, 1, ?, 'service', '2024-02-29', '2020-07-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  for (let i = 0; i < people; i++) insert.run(`E${10_000 + i}`, `张伟${i}`, i === 0 ? 'leader' : 'agent');
}

function peopleRows(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('select employee_no, name, role, hire_date from people order by employee_no').all();
  } finally {
    db.close();
  }
}

async function storeWithData(dir: string, name = 'banzu.db', journalMode: 'wal' | 'delete' = 'wal'): Promise<string> {
  const file = path.join(dir, name);
  const store = await openStore(file, { migrationsFolder });
  insertData(store.sqlite);
  store.sqlite.close();
  if (journalMode === 'delete') {
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.close();
  }
  return file;
}

/** A copy of db/migrations keeping the first k journal entries, plus extra migrations. */
function migrationsCopy(k: number, extra: Array<{ tag: string; sql: string }> = []): string {
  const root = tempDir('banzu-approot-');
  const folder = path.join(root, 'db', 'migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const source = journal();
  const entries = source.entries.slice(0, k);
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  let when = entries.at(-1)?.when ?? Date.now();
  for (const x of extra) {
    when += 60_000;
    fs.writeFileSync(path.join(folder, `${x.tag}.sql`), x.sql);
    entries.push({ idx: entries.length, when, tag: x.tag, version: '6', breakpoints: true });
  }
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...source, entries }, null, 2));
  return root;
}

const brokenMigration = {
  tag: '9998_broken',
  sql: [
    'CREATE TABLE `half_done` (`id` integer PRIMARY KEY NOT NULL);',
    'ALTER TABLE `people` ADD `nickname` text;',
    'INSERT INTO `half_done` (`id`) VALUES (1);',
    'ALTER TABLE `no_such_table` ADD `x` text;',
  ].join('\n--> statement-breakpoint\n'),
};

const integrityOk = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

describe('opening the data file', () => {
  it('a new file gets journal_mode=WAL, synchronous=FULL and foreign_keys=ON, and keeps them when reopened', async () => {
    const file = path.join(tempDir(), 'banzu.db');
    for (let round = 0; round < 2; round++) {
      const store = await openStore(file, { migrationsFolder });
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.sqlite.prepare('select count(*) as n from __drizzle_migrations').get()).toEqual({
        n: loadMigrations(migrationsFolder).length,
      });
      store.sqlite.close();
    }
  });

  it('foreign keys are enforced on the open connection', async () => {
    const store = await openStore(path.join(tempDir(), 'banzu.db'), { migrationsFolder });
    expect(() =>
      store.sqlite.exec("insert into groups (department_id, name, created_at) values (999, 'x', '2026-01-01T00:00:00Z')"),
    ).toThrow(/FOREIGN KEY/);
    store.sqlite.close();
  });
});

describe("a file that is not a Banzu database is refused as 'not-a-database' and left untouched", () => {
  const realHeader = async () => {
    const file = await storeWithData(tempDir());
    return fs.readFileSync(file);
  };
  it.each([
    ['random bytes', async () => randomBytes(8192)],
    ['a text file', async () => Buffer.from('工号,姓名,组别\nA001,张伟,一组\n'.repeat(200), 'utf8')],
    ['a truncated SQLite header (10 bytes)', async () => (await realHeader()).subarray(0, 10)],
    ['the SQLite magic without its last byte', async () => (await realHeader()).subarray(0, 15)],
    ['a PDF', async () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)])],
  ])('%s', async (_label, content) => {
    const dir = tempDir();
    const file = path.join(dir, 'banzu.db');
    fs.writeFileSync(file, await content());
    const before = sha(file);
    const error = await expectOpenFailure(file);
    expect(error.reason).toBe('not-a-database');
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['banzu.db']);
    expect(checkDatabaseFile(file, migrationsFolder)).toMatchObject({ ok: false, reason: 'not-a-database' });
  });

  it('a SQLite file whose 100-byte header is cut short is not a database either', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'banzu.db');
    fs.writeFileSync(file, (await realHeader()).subarray(0, 60));
    const before = sha(file);
    const error = await expectOpenFailure(file);
    // SQLite itself answers SQLITE_NOTADB ("file is not a database") for this file.
    expect(error.reason).toBe('not-a-database');
    expect(sha(file)).toBe(before);
  });

  it('a SQLite file of another application (tables, but no Banzu migrations) is refused, not converted', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'banzu.db');
    const other = new Database(file);
    other.exec("create table notes (id integer primary key, body text); insert into notes (body) values ('购物清单');");
    other.close();
    const before = sha(file);
    expect(checkDatabaseFile(file, migrationsFolder)).toMatchObject({ ok: false, reason: 'not-a-database' });
    const error = await expectOpenFailure(file);
    expect(error.reason).toBe('not-a-database');
    expect(sha(file)).toBe(before);
  });
});

describe("a SQLite file with a damaged page is refused as 'integrity' and left untouched", () => {
  /** Overwrites bytes in the middle of the cell content area of a b-tree page. */
  function damagePage(file: string, objectName: string): void {
    const db = new Database(file, { readonly: true });
    const { rootpage } = db.prepare('select rootpage from sqlite_master where name = ?').get(objectName) as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = fs.readFileSync(file);
    const start = (rootpage - 1) * pageSize;
    expect([0x0a, 0x0d]).toContain(bytes[start]); // a leaf page of an index (10) or a table (13)
    const content = bytes.readUInt16BE(start + 5);
    const middle = start + content + Math.floor((pageSize - content) / 2);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, middle);
    fs.closeSync(fd);
  }

  it.each([
    ['a table page (people)', 'people'],
    ['an index page (people_employee_no)', 'people_employee_no'],
  ])('%s', async (_label, objectName) => {
    const dir = tempDir();
    const file = await storeWithData(dir);
    damagePage(file, objectName);
    const before = sha(file);
    const error = await expectOpenFailure(file);
    expect(error.reason).toBe('integrity');
    expect(sha(file)).toBe(before);
    expect(checkDatabaseFile(file, migrationsFolder)).toMatchObject({ ok: false, reason: 'integrity' });

    // The host enters recovery with the reason, and the file is still untouched.
    const host = await openHost({ dataDir: dir, appRoot: sourceRoot, mode: 'browser', version: 'test' });
    expect(host.status()).toMatchObject({ state: 'recovery', failure: { reason: 'integrity' } });
    host.close();
    expect(sha(file)).toBe(before);
  });
});

describe("a file written by a newer version is refused as 'newer-schema' and left untouched", () => {
  it.each(['wal', 'delete'] as const)('journal mode %s', async (mode) => {
    const dir = tempDir();
    const file = await storeWithData(dir, 'banzu.db', mode);
    const db = new Database(file);
    const last = journal().entries.at(-1)!.when;
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-the-future', last + 86_400_000);
    db.close();
    const before = sha(file);
    const error = await expectOpenFailure(file);
    expect(error.reason).toBe('newer-schema');
    expect(sha(file)).toBe(before);
    expect(checkDatabaseFile(file, migrationsFolder)).toMatchObject({ ok: false, reason: 'newer-schema' });
    expect(peopleRows(file)).toHaveLength(12);
  });
});

describe('migrating an older database', () => {
  it('applies every pending migration to a database made with the first k of N migrations, after a pre-migrate backup', async () => {
    const n = journal().entries.length;
    expect(n, 'the migration test needs a second migration in db/migrations (only 0000 exists so far)').toBeGreaterThan(1);
    for (let k = 1; k < n; k++) {
      const older = migrationsCopy(k);
      const dataDir = tempDir();
      const file = path.join(dataDir, 'banzu.db');
      const store = await openStore(file, { migrationsFolder: path.join(older, 'db', 'migrations') });
      insertData(store.sqlite);
      store.sqlite.close();
      const oldRows = peopleRows(file);

      const host = await openHost({ dataDir, appRoot: sourceRoot, mode: 'browser', version: 'test', checkOutput: true });
      expect(host.status().state, `k=${k}`).toBe('ready');
      const applied = host.store().sqlite.prepare('select hash from __drizzle_migrations order by created_at').all();
      expect(applied.map((r: any) => r.hash)).toEqual(loadMigrations(migrationsFolder).map((m) => m.hash));
      expect((await ok(host, 'people.list', {})).map((p: any) => p.employeeNo)).toEqual(oldRows.map((r: any) => r.employee_no));
      host.close();

      const backups = listBackups(dataDir).filter((b) => b.kind === 'pre-migrate');
      expect(backups, `k=${k}`).toHaveLength(1);
      const backupFile = path.join(backupDir(dataDir), backups[0]!.name);
      expect(integrityOk(backupFile)).toBe('ok');
      expect(peopleRows(backupFile)).toEqual(oldRows);
      const inBackup = new Database(backupFile, { readonly: true });
      expect((inBackup.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n).toBe(k);
      inBackup.close();
    }
  });

  it('a new migration (a copy of db/migrations plus one) runs after a sound pre-migrate backup, once', async () => {
    const dataDir = tempDir();
    const host = await openHost({ dataDir, appRoot: sourceRoot, mode: 'browser', version: 'test' });
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    await ok(host, 'people.create', {
      employeeNo: 'A001',
      name: '张伟',
      role: 'leader',
      function: 'service',
      hireDate: '2024-02-29',
      firstEmploymentDate: '2020-07-01',
      groupId: group.id,
    });
    const before = await ok(host, 'people.list', {});
    const audits = count(host, 'audit_log');
    host.close();

    const newer = migrationsCopy(journal().entries.length, [
      {
        tag: '9999_extra',
        sql: 'ALTER TABLE `people` ADD `extra_field` text;\n--> statement-breakpoint\nCREATE TABLE `extra_things` (`id` integer PRIMARY KEY NOT NULL, `person_id` integer NOT NULL REFERENCES people(id));',
      },
    ]);
    const upgraded = await openHost({ dataDir, appRoot: newer, mode: 'browser', version: 'test' });
    expect(upgraded.status().state).toBe('ready');
    expect(await ok(upgraded, 'people.list', {})).toEqual(before);
    expect(count(upgraded, 'audit_log')).toBe(audits);
    const columns = upgraded.store().sqlite.pragma('table_info(people)') as Array<{ name: string }>;
    expect(columns.map((c) => c.name)).toContain('extra_field');
    expect(count(upgraded, 'extra_things')).toBe(0);
    upgraded.close();

    const backups = listBackups(dataDir).filter((b) => b.kind === 'pre-migrate');
    expect(backups).toHaveLength(1);
    const backupFile = path.join(backupDir(dataDir), backups[0]!.name);
    expect(integrityOk(backupFile)).toBe('ok');
    expect(checkDatabaseFile(backupFile, migrationsFolder)).toEqual({ ok: true });
    const old = new Database(backupFile, { readonly: true });
    expect((old.pragma('table_info(people)') as Array<{ name: string }>).map((c) => c.name)).not.toContain('extra_field');
    old.close();

    // Nothing pending any more: no second backup.
    const again = await openHost({ dataDir, appRoot: newer, mode: 'browser', version: 'test' });
    expect(again.status().state).toBe('ready');
    again.close();
    expect(listBackups(dataDir).filter((b) => b.kind === 'pre-migrate')).toHaveLength(1);
  });

  it('a brand-new file takes no pre-migrate backup', async () => {
    const dataDir = tempDir();
    const host = await openHost({ dataDir, appRoot: sourceRoot, mode: 'browser', version: 'test' });
    host.close();
    expect(listBackups(dataDir)).toEqual([]);
  });
});

describe("a failed migration leaves the file exactly as it was and reports 'migration-failed'", () => {
  it.each(['wal', 'delete'] as const)('openStore, journal mode %s', async (mode) => {
    const dir = tempDir();
    const file = await storeWithData(dir, 'banzu.db', mode);
    const before = sha(file);
    const broken = migrationsCopy(journal().entries.length, [brokenMigration]);
    const error = await expectOpenFailure(file, path.join(broken, 'db', 'migrations'));
    expect(error.reason).toBe('migration-failed');
    expect(error.message).toMatch(/no_such_table/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['banzu.db']);
  });

  it('openHost enters recovery with the reason; the file is unchanged and still opens with the current migrations', async () => {
    const dataDir = tempDir();
    const file = await storeWithData(dataDir);
    const before = sha(file);
    const broken = migrationsCopy(journal().entries.length, [brokenMigration]);
    const host = await openHost({ dataDir, appRoot: broken, mode: 'browser', version: 'test' });
    expect(host.status()).toMatchObject({ state: 'recovery', failure: { reason: 'migration-failed' } });
    expect((await host.dispatch('people.list', {})).ok).toBe(false);
    host.close();
    expect(sha(file)).toBe(before);
    // The safety copy taken before migrating is sound and holds the same data.
    const safety = listBackups(dataDir).filter((b) => b.kind === 'pre-migrate');
    expect(safety).toHaveLength(1);
    expect(peopleRows(path.join(backupDir(dataDir), safety[0]!.name))).toEqual(peopleRows(file));

    const good = await openHost({ dataDir, appRoot: sourceRoot, mode: 'browser', version: 'test' });
    expect(good.status().state).toBe('ready');
    expect(good.store().sqlite.prepare("select name from sqlite_master where name = 'half_done'").get()).toBeUndefined();
    expect(count(good, 'people')).toBe(12);
    good.close();
  });
});
