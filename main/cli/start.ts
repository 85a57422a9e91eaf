import { spawn } from 'node:child_process';
import { sourceRoot } from '../app/root.ts';
import { ensureRendererBuilt } from '../app/renderer-build.ts';
import { fetchElectron } from '../app/electron-binary.ts';
import { buildElectron } from './build.ts';

// npm start: the desktop app. When the Electron binary is missing and cannot be fetched (an
// offline machine, a CI box), the same app starts in browser mode instead, saying why.
const args = process.argv.slice(2);
await ensureRendererBuilt(sourceRoot, (line) => console.log(line));
const electron = fetchElectron(sourceRoot);
if ('path' in electron) {
  await buildElectron();
  const child = spawn(electron.path, [sourceRoot, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron is not available here (${electron.problem}); starting browser mode instead.`);
  process.argv.push('--no-build');
  await import('./web.ts');
}
