import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { sourceRoot } from '../app/root.ts';
import { contract } from '../contract.ts';
import { channelIds } from '../ipc/contract-kit.ts';
import { IPC_PREFIX } from '../ipc/guard.ts';

/**
 * The Electron bundles (main and preload, CommonJS for Electron's loader) and the renderer.
 * Only the native SQLite module and Electron itself stay outside the main bundle.
 */
export async function buildElectron(root = sourceRoot): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    sourcemap: true,
    logLevel: 'warning' as const,
    absWorkingDir: root,
  };
  // The bundles that run in Node (Electron's main process and worker threads).
  const node = {
    ...common,
    target: 'node22',
    // CommonJS has no import.meta; code that needs the source tree is not used inside Electron.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await Promise.all([
    esbuild({
      ...node,
      entryPoints: [path.join(root, 'main/electron/main.ts')],
      outfile: path.join(root, 'out/main/electron.cjs'),
      external: ['electron', 'better-sqlite3', 'vite', 'highs'],
    }),
    // The auto-scheduler's worker thread; HiGHS stays in node_modules (it loads its .wasm beside itself).
    esbuild({
      ...node,
      entryPoints: [path.join(root, 'main/roster/solver/worker.ts')],
      outfile: path.join(root, 'out/main/roster-solver-worker.cjs'),
      external: ['highs'],
    }),
    // The data file's integrity check (db/check-in-worker.ts).
    esbuild({
      ...node,
      entryPoints: [path.join(root, 'db/check-worker.ts')],
      outfile: path.join(root, 'out/main/db-check-worker.cjs'),
      external: ['better-sqlite3'],
    }),
    esbuild({
      ...common,
      entryPoints: [path.join(root, 'preload/index.ts')],
      outfile: path.join(root, 'out/preload/index.cjs'),
      target: 'chrome140',
      external: ['electron'],
      // The preload stays tiny: the contract's channel names are baked in, not its schemas.
      define: { BANZU_CHANNELS: JSON.stringify(channelIds(contract)), BANZU_IPC_PREFIX: JSON.stringify(IPC_PREFIX) },
    }),
  ]);
}

export async function buildRenderer(root = sourceRoot): Promise<void> {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildRenderer();
  await buildElectron();
  console.log('Built out/renderer, out/main/electron.cjs and out/preload/index.cjs');
}
