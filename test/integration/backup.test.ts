import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { checkDatabaseFile } from '../../db/connection.ts';
import {
  takeBackup,
  listBackups,
  pruneAutoBackups,
  ensureDailyBackup,
  backupDir,
  AUTO_BACKUPS_KEPT,
  type BackupKind,
} from '../../main/backup/files.ts';
import { testHost, tempDir, ok, fails, samplePerson, migrationsFolder } from '../helpers/host.ts';

function integrity(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

function namesOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('select name from people order by employee_no').all() as Array<{ name: string }>).map((r) => r.name);
  } finally {
    db.close();
  }
}

let host: AppHost;
let dataDir: string;
beforeEach(async () => {
  dataDir = tempDir();
  host = await testHost(dataDir);
});
afterEach(() => host.close());

describe('manual backup and restore', () => {
  it('restoring a backup brings back the data as it was; a pre-restore backup holds the data it replaced', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    await ok(host, 'people.create', { ...samplePerson, groupId: group.id, role: 'leader' });
    const atBackup = await ok(host, 'people.list', {});
    const orgAtBackup = await ok(host, 'people.org');
    const backup = await ok(host, 'backup.create');
    expect(backup).toMatchObject({ kind: 'manual' });
    expect(backup.sizeBytes).toBeGreaterThan(0);

    await ok(host, 'people.create', { ...samplePerson, employeeNo: 'A002', name: '李娜', groupId: group.id });
    await ok(host, 'people.renameGroup', { id: group.id, name: '一组（早班）' });
    await ok(host, 'people.markLeft', { id: atBackup[0].id, leftOn: '2026-03-31' });

    const result = await ok(host, 'backup.restore', { name: backup.name });
    expect(result.keptDamagedAs).toBeNull();
    expect(result.safetyBackup).toMatch(/-pre-restore\.db$/);
    expect(host.status().state).toBe('ready');
    expect(await ok(host, 'people.list', {})).toEqual(atBackup);
    expect(await ok(host, 'people.org')).toEqual(orgAtBackup);

    const safety = path.join(backupDir(dataDir), result.safetyBackup);
    expect(namesOf(safety)).toEqual(['张伟', '李娜']);
    const db = new Database(safety, { readonly: true });
    expect(db.prepare('select name from groups').all()).toEqual([{ name: '一组（早班）' }]);
    expect(db.prepare("select status, left_on as leftOn from people where employee_no = 'A001'").get()).toEqual({
      status: 'left',
      leftOn: '2026-03-31',
    });
    db.close();

    // And back again: restoring the safety backup undoes the restore.
    await ok(host, 'backup.restore', { name: result.safetyBackup });
    expect((await ok(host, 'people.list', {})).map((p: any) => p.name)).toEqual(['张伟', '李娜']);
    expect(await ok(host, 'backup.list')).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'pre-restore' })]));
  });

  it('every backup passes integrity_check and is a sound Banzu file', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    for (let i = 0; i < 5; i++) {
      await ok(host, 'people.create', { ...samplePerson, employeeNo: `A00${i}`, name: `张伟${i}`, groupId: group.id });
      await ok(host, 'backup.create');
    }
    await host.backup('auto');
    const first = (await ok(host, 'backup.list')).at(-1);
    await ok(host, 'backup.restore', { name: first.name });
    const backups = await ok(host, 'backup.list');
    expect(new Set(backups.map((b: any) => b.kind))).toEqual(new Set(['manual', 'auto', 'pre-restore']));
    for (const b of backups) {
      const file = path.join(backupDir(dataDir), b.name);
      expect(integrity(file), b.name).toBe('ok');
      expect(checkDatabaseFile(file, migrationsFolder), b.name).toEqual({ ok: true });
      expect(fs.statSync(file).size).toBe(b.sizeBytes);
    }
  });

  it('a backup leaves no temporary files behind in the backup folder', async () => {
    await ok(host, 'backup.create');
    await host.backup('auto');
    const files = fs.readdirSync(backupDir(dataDir)).sort();
    expect(files).toEqual(
      listBackups(dataDir)
        .map((b) => b.name)
        .sort(),
    );
  });

  it('backup.download returns the file bytes', async () => {
    await ok(host, 'people.createGroup', { name: '一组' });
    const backup = await ok(host, 'backup.create');
    const file = await ok(host, 'backup.download', { name: backup.name });
    expect(file.fileName).toBe(backup.name);
    expect(file.mimeType).toBe('application/vnd.sqlite3');
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect(bytes.equals(fs.readFileSync(path.join(backupDir(dataDir), backup.name)))).toBe(true);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect((await fails(host, 'backup.download', { name: 'banzu-20000101-000000000-manual.db' })).code).toBe('NOT_FOUND');
    expect((await fails(host, 'backup.download', { name: '../banzu.db' })).code).toBe('NOT_FOUND');
  });
});

describe('daily automatic backups', () => {
  const at = (day: number, hour = 10) => new Date(2026, 0, day, hour, 0, 0);

  it('ensureDailyBackup takes at most one auto backup per calendar day', async () => {
    const sqlite = host.store().sqlite;
    expect(await ensureDailyBackup(sqlite, dataDir, at(5, 0))).toMatchObject({ kind: 'auto' });
    expect(await ensureDailyBackup(sqlite, dataDir, at(5, 12))).toBeUndefined();
    expect(await ensureDailyBackup(sqlite, dataDir, new Date(2026, 0, 5, 23, 59, 59, 999))).toBeUndefined();
    // A manual backup the same day does not count as the day's auto backup.
    await takeBackup(sqlite, dataDir, 'manual', at(6, 8));
    expect(await ensureDailyBackup(sqlite, dataDir, at(6, 9))).toMatchObject({ kind: 'auto' });
    expect(await ensureDailyBackup(sqlite, dataDir, at(7, 0))).toMatchObject({ kind: 'auto' });
    const autos = listBackups(dataDir).filter((b) => b.kind === 'auto');
    expect(autos.map((b) => b.name.slice(6, 14))).toEqual(['20260107', '20260106', '20260105']);
    // The host's own entry point: today's backup once.
    expect(await host.backup('auto')).toMatchObject({ kind: 'auto' });
    expect(await host.backup('auto')).toBeUndefined();
  });

  it(`keeps exactly the newest ${AUTO_BACKUPS_KEPT} auto backups and never deletes manual, pre-migrate or pre-restore ones`, async () => {
    const sqlite = host.store().sqlite;
    // Safety and manual backups older than every auto backup (the oldest files of all).
    const kept: string[] = [];
    for (const [i, kind] of (['manual', 'pre-migrate', 'pre-restore', 'manual'] as BackupKind[]).entries()) {
      kept.push((await takeBackup(sqlite, dataDir, kind, new Date(2025, 11, 1 + i))).name);
    }
    for (let day = 1; day <= 20; day++) await ensureDailyBackup(sqlite, dataDir, at(day));
    const autos = listBackups(dataDir).filter((b) => b.kind === 'auto');
    expect(autos).toHaveLength(AUTO_BACKUPS_KEPT);
    expect(autos.map((b) => Number(b.name.slice(12, 14)))).toEqual(Array.from({ length: 14 }, (_, i) => 20 - i));
    const others = listBackups(dataDir)
      .filter((b) => b.kind !== 'auto')
      .map((b) => b.name)
      .sort();
    expect(others).toEqual([...kept].sort());

    // Called directly it prunes nothing more, and with a smaller limit only auto backups go.
    expect(pruneAutoBackups(dataDir)).toEqual([]);
    const removed = pruneAutoBackups(dataDir, 3);
    expect(removed).toHaveLength(11);
    expect(removed.every((n) => n.endsWith('-auto.db'))).toBe(true);
    expect(listBackups(dataDir).filter((b) => b.kind === 'auto')).toHaveLength(3);
    expect(
      listBackups(dataDir)
        .filter((b) => b.kind !== 'auto')
        .map((b) => b.name)
        .sort(),
    ).toEqual([...kept].sort());
    for (const name of removed) expect(fs.existsSync(path.join(backupDir(dataDir), name))).toBe(false);
  });

  it('ignores files in the backup folder that are not backups', async () => {
    fs.mkdirSync(backupDir(dataDir), { recursive: true });
    for (const stray of ['notes.txt', 'banzu-2026-auto.db', 'banzu-20260101-100000000-weekly.db']) {
      fs.writeFileSync(path.join(backupDir(dataDir), stray), 'x');
    }
    await ensureDailyBackup(host.store().sqlite, dataDir, at(1));
    expect(listBackups(dataDir).map((b) => b.kind)).toEqual(['auto']);
    pruneAutoBackups(dataDir, 0);
    expect(
      fs
        .readdirSync(backupDir(dataDir))
        .filter((f) => !/-(wal|shm)$/.test(f))
        .sort(),
    ).toEqual(['banzu-2026-auto.db', 'banzu-20260101-100000000-weekly.db', 'notes.txt'].sort());
  });
});
