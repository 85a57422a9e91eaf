import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** The Electron executable the npm package has downloaded, if it has (node_modules/electron/path.txt). */
export function installedElectron(root: string): string | undefined {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : undefined;
}

/** Tries once to fetch the binary; returns it, or the reason it could not be had. */
export function fetchElectron(root: string): { path: string } | { problem: string } {
  const existing = installedElectron(root);
  if (existing) return { path: existing };
  const install = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const fetched = installedElectron(root);
  if (fetched) return { path: fetched };
  const output = `${install.stderr ?? ''}\n${install.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('Downloading'));
  return { problem: output.at(-1) ?? (install.error?.message || 'the download failed') };
}
