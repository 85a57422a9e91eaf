import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root when running from source under Node (db/migrations, out/renderer live here). */
export const sourceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function appVersion(root = sourceRoot): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Reads "--name value" or "--name=value" from argv. */
export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}
