import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when out/renderer is missing or older than the renderer's sources or the catalogues. */
export function rendererIsStale(root: string): boolean {
  const built = path.join(root, 'out', 'renderer', 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = ['renderer', path.join('main', 'i18n')].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
  return Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs;
}

/** Builds the renderer with Vite when it is stale (a fresh clone, or after editing the UI). */
export async function ensureRendererBuilt(root: string, say: (line: string) => void): Promise<void> {
  if (!rendererIsStale(root)) return;
  say('Building the renderer (first start or sources changed)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
