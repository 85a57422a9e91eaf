import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, it, expect, afterEach } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { contract } from '../../main/contract.ts';
import { channelIds, findChannel } from '../../main/ipc/contract-kit.ts';
import { backupDir } from '../../main/backup/files.ts';
import { testHost, tempDir, ok, fails, count, samplePerson } from '../helpers/host.ts';

// A data file that cannot be opened puts the app in recovery: only the recovery screen's channels
// answer, and a restore brings the data back without ever deleting the damaged file.

const garbage = Buffer.concat([Buffer.from('这不是数据库 — not a database\n'), randomBytes(6000)]);
const hosts: AppHost[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
});
async function open(dataDir: string): Promise<AppHost> {
  const host = await testHost(dataDir);
  hosts.push(host);
  return host;
}

/** A data folder with two manual backups (1 person, then 2 people) whose banzu.db was then destroyed. */
async function damagedDataDir() {
  const dataDir = tempDir();
  const host = await testHost(dataDir);
  const group = await ok(host, 'people.createGroup', { name: '一组' });
  await ok(host, 'people.create', { ...samplePerson, groupId: group.id, role: 'leader' });
  const older = await ok(host, 'backup.create', {});
  await ok(host, 'people.create', { ...samplePerson, employeeNo: 'A002', name: '李娜', groupId: group.id });
  const newer = await ok(host, 'backup.create', {});
  host.close();
  const file = path.join(dataDir, 'banzu.db');
  for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
  fs.writeFileSync(file, garbage);
  return { dataDir, file, older: older.name as string, newer: newer.name as string };
}

const listing = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort();

/** A sound Banzu file that says it was written by a newer version (an unknown migration row). */
function newerSchemaCopy(from: string): Buffer {
  const copy = path.join(tempDir(), 'newer.db');
  fs.copyFileSync(from, copy);
  const db = new Database(copy);
  db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-a-newer-banzu', 4_102_444_800_000);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return fs.readFileSync(copy);
}

describe('recovery', () => {
  it("a garbage banzu.db puts the host in 'recovery' with the reason; only the recovery channels answer", async () => {
    const { dataDir, file, older, newer } = await damagedDataDir();
    const host = await open(dataDir);
    const status = await ok(host, 'system.status');
    expect(status).toMatchObject({ state: 'recovery', failure: { reason: 'not-a-database' } });
    expect(status.failure.detail).toBeTruthy();

    const refused = channelIds(contract).filter((id) => !findChannel(contract, id)!.inRecovery);
    expect(refused.length).toBeGreaterThan(10);
    for (const id of refused) {
      const error = await fails(host, id, {});
      expect(error.code, id).toBe('RECOVERY_REQUIRED');
      expect(error.message, id).toMatch(/[\u4e00-\u9fff]/);
    }

    const backups = await ok(host, 'backup.list');
    expect(backups.map((b: any) => b.name)).toEqual([newer, older]);
    const download = await ok(host, 'backup.download', { name: older });
    expect(Buffer.from(download.contentBase64, 'base64').equals(fs.readFileSync(path.join(backupDir(dataDir), older)))).toBe(true);
    expect((await ok(host, 'system.setLanguage', { lang: 'en' })).state).toBe('recovery');
    expect((await fails(host, 'people.list', {})).message).toMatch(/recovery screen/);
    await ok(host, 'system.setLanguage', { lang: 'zh-CN' });
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('restoring the newest good backup brings the data back and keeps the damaged file beside it, byte for byte', async () => {
    const { dataDir, file, newer } = await damagedDataDir();
    // A damaged backup that is newer than every good one is refused, and changes nothing.
    const badName = 'banzu-29991231-235959999-manual.db';
    fs.writeFileSync(path.join(backupDir(dataDir), badName), randomBytes(4096));
    const host = await open(dataDir);
    expect((await ok(host, 'backup.list'))[0].name).toBe(badName);
    const before = listing(dataDir);
    const refused = await fails(host, 'backup.restore', { name: badName });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.[0]?.path).toBe('file');
    expect(host.status().state).toBe('recovery');
    expect(listing(dataDir)).toEqual(before);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);

    const result = await ok(host, 'backup.restore', { name: newer });
    expect(result.safetyBackup).toBeNull();
    expect(result.keptDamagedAs).toMatch(/^banzu-.*\.db$/);
    expect(result.keptDamagedAs).not.toBe('banzu.db');
    expect(host.status()).toMatchObject({ state: 'ready', failure: null });
    expect((await ok(host, 'people.list', {})).map((p: any) => p.name)).toEqual(['张伟', '李娜']);
    const kept = path.join(dataDir, result.keptDamagedAs);
    expect(fs.readFileSync(kept).equals(garbage)).toBe(true);
    // Every channel works again.
    await ok(host, 'people.createGroup', { name: '二组' });
    expect(count(host, 'groups')).toBe(2);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('restores from an uploaded file (base64 payload)', async () => {
    const { dataDir, older } = await damagedDataDir();
    const bytes = fs.readFileSync(path.join(backupDir(dataDir), older));
    const host = await open(dataDir);
    const result = await ok(host, 'backup.restore', { file: { fileName: '我的备份.db', contentBase64: bytes.toString('base64') } });
    expect(result.keptDamagedAs).toBeTruthy();
    expect(host.status().state).toBe('ready');
    expect((await ok(host, 'people.list', {})).map((p: any) => p.employeeNo)).toEqual(['A001']);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('a file that passes the quick check at start-up but fails the full integrity check in the background goes to recovery, untouched', async () => {
    const dataDir = tempDir();
    const first = await testHost(dataDir);
    const group = await ok(first, 'people.createGroup', { name: '一组' });
    await ok(first, 'people.create', { ...samplePerson, groupId: group.id });
    first.close();
    // An index whose entries no longer match its definition: every page is sound (quick_check
    // passes), only matching index entries to rows (integrity_check) finds it.
    const file = path.join(dataDir, 'banzu.db');
    const db = new Database(file);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare(
      "update sqlite_master set sql = 'CREATE UNIQUE INDEX `people_employee_no` ON `people` (`name`)' where name = 'people_employee_no'",
    ).run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);

    const host = await open(dataDir);
    expect((await ok(host, 'system.status')).state).toBe('ready');
    await host.integrityChecked();
    const status = await ok(host, 'system.status');
    expect(status).toMatchObject({ state: 'recovery', failure: { reason: 'integrity' } });
    expect(status.failure.detail).toContain('people_employee_no');
    expect((await fails(host, 'people.list', {})).code).toBe('RECOVERY_REQUIRED');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a non-database upload and a newer-schema file with VALIDATION, in recovery and when ready, changing nothing', async () => {
    const { dataDir, file, newer } = await damagedDataDir();
    const newerSchema = newerSchemaCopy(path.join(backupDir(dataDir), newer));
    const uploads = [
      { fileName: 'notes.txt', contentBase64: Buffer.from('工号,姓名\nA001,张伟\n').toString('base64') },
      { fileName: 'random.db', contentBase64: randomBytes(8192).toString('base64') },
      { fileName: 'empty.db', contentBase64: '' },
      { fileName: 'newer.db', contentBase64: newerSchema.toString('base64') },
    ];

    const host = await open(dataDir);
    const before = listing(dataDir);
    for (const upload of uploads) {
      const error = await fails(host, 'backup.restore', { file: upload });
      expect(error.code, upload.fileName).toBe('VALIDATION');
      expect(error.details?.[0]?.path, upload.fileName).toBe('file');
      expect(host.status().state).toBe('recovery');
      expect(listing(dataDir), upload.fileName).toEqual(before);
      expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    }
    expect((await fails(host, 'backup.restore', { file: uploads[3] })).message).toMatch(/更新版本/);

    // Once ready, a refused restore takes no safety backup and leaves the live data alone.
    await ok(host, 'backup.restore', { name: newer });
    const people = await ok(host, 'people.list', {});
    const ready = listing(dataDir);
    for (const upload of uploads) {
      expect((await fails(host, 'backup.restore', { file: upload })).code, upload.fileName).toBe('VALIDATION');
    }
    expect(listing(dataDir)).toEqual(ready);
    expect(await ok(host, 'people.list', {})).toEqual(people);
  });

  it('refuses a backup name that does not exist or points outside the backup folder', async () => {
    const { dataDir } = await damagedDataDir();
    const host = await open(dataDir);
    for (const name of ['banzu-20000101-000000000-manual.db', '../banzu.db', 'banzu.db', '../../etc/passwd']) {
      expect((await fails(host, 'backup.restore', { name })).code, name).toBe('NOT_FOUND');
      expect((await fails(host, 'backup.download', { name })).code, name).toBe('NOT_FOUND');
    }
    expect(host.status().state).toBe('recovery');
  });
});
