import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'BANZU_DATA_DIR';
export const DATABASE_FILE = 'banzu.db';

/** Where Electron's userData would be for "Banzu", so both modes share one data folder by default. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Banzu');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Banzu');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Banzu');
}

/** --data-dir DIR beats BANZU_DATA_DIR, which beats the default. */
export function resolveDataDir(argv: string[], fallback: () => string = defaultDataDir): string {
  const i = argv.indexOf('--data-dir');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  return path.resolve(flag || process.env[DATA_DIR_ENV] || fallback());
}
