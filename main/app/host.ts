import fs from 'node:fs';
import path from 'node:path';
import { openStore, StoreOpenError, type Store } from '../../db/connection.ts';
import { checkDatabaseFileInWorker } from '../../db/check-in-worker.ts';
import { contract } from '../contract.ts';
import { createDispatcher, type Dispatch } from '../ipc/dispatch.ts';
import { AppError } from '../ipc/app-error.ts';
import { setLanguage, t, type Lang } from '../i18n/index.ts';
import { takeBackup, ensureDailyBackup, backupPath, type BackupInfo } from '../backup/files.ts';
import type { FilePayload } from '../ipc/fields.ts';
import { ensureDepartment } from '../people/service.ts';
import { ensureSettings } from '../settings/service.ts';
import { readPreferences, writePreferences, type Preferences } from './preferences.ts';
import { DATABASE_FILE } from './data-dir.ts';
import type { Actor, Ctx } from './context.ts';
import { buildHandlers } from './handlers.ts';
import type { Status } from '../system/contract.ts';

export interface HostOptions {
  dataDir: string;
  /** Where db/migrations and out/renderer are (the repository, or the packaged app). */
  appRoot: string;
  mode: 'electron' | 'browser';
  version: string;
  checkOutput?: boolean;
  log?: (message: string, error?: unknown) => void;
  /** The Electron menu is rebuilt in the new language. */
  onLanguageChanged?: (lang: Lang) => void;
  /** Renders a renderer route to PDF (the desktop app only). */
  printToPdf?: (route: string, landscape: boolean) => Promise<Buffer>;
}

export interface AppHost {
  readonly options: HostOptions;
  dispatch: Dispatch;
  status(): Status;
  /** The open data file; throws RECOVERY_REQUIRED while it is unusable. */
  store(): Store;
  setLanguage(lang: Lang): void;
  setProfile(id: string): void;
  preferences(): Preferences;
  savePreferences(change: Partial<Preferences>): void;
  backup(kind: 'manual' | 'auto'): Promise<BackupInfo | undefined>;
  restore(source: { name?: string; file?: FilePayload }): Promise<{ safetyBackup: string | null; keptDamagedAs: string | null }>;
  /** Takes the day's backup now and checks again every hour; returns a function that stops it. */
  scheduleDailyBackups(): () => void;
  /** Resolves when the full integrity check of the file opened last is done (see open()). */
  integrityChecked(): Promise<void>;
  close(): void;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/** Moves a file aside (with its -wal and -shm) under a new name; it is never deleted. */
function moveAside(file: string, suffix: string): string {
  const target = `${file.replace(/\.db$/, '')}-${suffix}-${timestamp()}.db`;
  fs.renameSync(file, target);
  for (const side of ['-wal', '-shm']) {
    if (fs.existsSync(file + side)) fs.renameSync(file + side, target + side);
  }
  return path.basename(target);
}

/**
 * The app without its window: opens the data file (or enters recovery), answers every channel,
 * and owns backup and restore. Electron and browser mode both drive one of these.
 */
export async function openHost(options: HostOptions): Promise<AppHost> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, DATABASE_FILE);
  const migrationsFolder = path.join(options.appRoot, 'db', 'migrations');
  let preferences = readPreferences(options.dataDir);
  setLanguage(preferences.language);
  let store: Store | undefined;
  let failure: { reason: string; detail: string } | null = null;

  async function open(): Promise<void> {
    try {
      store = await openStore(file, {
        migrationsFolder,
        beforeMigrate: async (sqlite) => void (await takeBackup(sqlite, options.dataDir, 'pre-migrate')),
      });
      failure = null;
      const ctx = context();
      ensureDepartment(ctx);
      ensureSettings(ctx);
      verifyInBackground(store);
    } catch (error) {
      store = undefined;
      if (!(error instanceof StoreOpenError)) throw error;
      failure = { reason: error.reason, detail: error.message };
      options.log?.(`data file ${file} cannot be opened (${error.reason})`, error);
    }
  }

  // openStore ran quick_check; the full integrity_check takes seconds on a large file, so it runs
  // in a worker while the app is already usable. If it fails, the app stops using the file at
  // once (nothing more is written to it) and shows the recovery screen.
  let integrity: Promise<void> = Promise.resolve();
  let stopIntegrityCheck = new AbortController();
  function verifyInBackground(opened: Store): void {
    stopIntegrityCheck.abort();
    const controller = new AbortController();
    stopIntegrityCheck = controller;
    integrity = checkDatabaseFileInWorker(file, undefined, { inUse: true, signal: controller.signal }).then(
      (check) => {
        if (check.ok || store !== opened) return;
        opened.sqlite.close();
        store = undefined;
        failure = { reason: check.reason, detail: check.detail };
        options.log?.(`data file ${file} failed its integrity check (${check.reason})`, new Error(check.detail));
      },
      (error) => {
        if (!controller.signal.aborted) options.log?.('the integrity check could not run', error);
      },
    );
  }

  function requireStore(): Store {
    if (!store) throw new AppError('RECOVERY_REQUIRED', t('errors.recoveryRequired'));
    return store;
  }

  function actor(): Actor {
    const id = preferences.profileId;
    const personId = /^person:(\d+)$/.exec(id)?.[1];
    if (personId && store) {
      const leader = store.sqlite
        .prepare("select name from people where id = ? and role in ('leader', 'supervisor', 'manager') and status = 'active'")
        .get(Number(personId)) as { name: string } | undefined;
      if (leader) return { id, name: leader.name };
    }
    return { id: 'supervisor', name: t('profile.supervisor') };
  }

  function context(): Ctx {
    return { store: requireStore(), actor: actor() };
  }

  const host: AppHost = {
    options,
    dispatch: (() => {
      throw new Error('replaced below');
    }) as Dispatch,
    status: () => ({
      state: store ? 'ready' : 'recovery',
      mode: options.mode,
      version: options.version,
      dataDir: options.dataDir,
      file,
      language: preferences.language,
      profile: actor(),
      failure,
    }),
    store: requireStore,
    setLanguage(lang) {
      setLanguage(lang);
      host.savePreferences({ language: lang });
      options.onLanguageChanged?.(lang);
    },
    setProfile(id) {
      host.savePreferences({ profileId: id });
    },
    preferences: () => preferences,
    savePreferences(change) {
      preferences = { ...preferences, ...change };
      writePreferences(options.dataDir, preferences);
    },
    async backup(kind) {
      const sqlite = requireStore().sqlite;
      try {
        return kind === 'auto' ? await ensureDailyBackup(sqlite, options.dataDir) : await takeBackup(sqlite, options.dataDir, 'manual');
      } catch (error) {
        throw new AppError('IO', t('errors.backupFailed', { detail: (error as Error).message }));
      }
    },
    async restore(source) {
      const incoming = path.join(options.dataDir, `restore-${timestamp()}.db.part`);
      if (source.name !== undefined) {
        const from = backupPath(options.dataDir, source.name);
        if (!from) throw new AppError('NOT_FOUND', t('errors.backupNotFound', { name: source.name }));
        fs.copyFileSync(from, incoming);
      } else {
        fs.writeFileSync(incoming, Buffer.from(source.file!.contentBase64, 'base64'));
      }
      try {
        const check = await checkDatabaseFileInWorker(incoming, migrationsFolder);
        if (!check.ok) {
          const message =
            check.reason === 'newer-schema'
              ? t('errors.restoreNewer')
              : t('errors.restoreBadFile', { detail: t(`openFailure.${check.reason}`) });
          throw new AppError('VALIDATION', message, [{ path: 'file', message: check.detail }]);
        }
        let safetyBackup: string | null = null;
        let keptDamagedAs: string | null = null;
        if (store) {
          safetyBackup = (await takeBackup(store.sqlite, options.dataDir, 'pre-restore')).name;
          store.sqlite.close();
          store = undefined;
          // The safety backup holds the current data; the live file is now replaced by rename.
          for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
        } else if (fs.existsSync(file)) {
          keptDamagedAs = moveAside(file, 'damaged');
        }
        const fd = fs.openSync(incoming, 'r+');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fs.renameSync(incoming, file);
        await open();
        return { safetyBackup, keptDamagedAs };
      } finally {
        fs.rmSync(incoming, { force: true });
      }
    },
    scheduleDailyBackups() {
      const run = () => {
        if (store) host.backup('auto').catch((error) => options.log?.('daily backup failed', error));
      };
      const first = setTimeout(run, 2_000);
      const timer = setInterval(run, 60 * 60 * 1000);
      timer.unref();
      first.unref();
      return () => {
        clearTimeout(first);
        clearInterval(timer);
      };
    },
    integrityChecked: () => integrity,
    close() {
      stopIntegrityCheck.abort();
      store?.sqlite.close();
      store = undefined;
    },
  };
  host.dispatch = createDispatcher(contract, buildHandlers(host), {
    // The store is looked up when a handler touches it, so the recovery channels work without one.
    context: () => ({
      get store() {
        return requireStore();
      },
      actor: actor(),
      host,
    }),
    inRecovery: () => !store,
    checkOutput: options.checkOutput,
    log: options.log,
  });

  await open();
  return host;
}
