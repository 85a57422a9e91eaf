import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { languages } from '../i18n/index.ts';

// Per-installation choices that must be known before the data file opens (the recovery screen
// and the menu speak the user's language), so they live beside the database, not in it.
const preferencesSchema = z.object({
  language: z.enum(languages).catch('zh-CN'),
  profileId: z.string().catch('supervisor'),
  window: z
    .object({
      x: z.number().int(),
      y: z.number().int(),
      width: z.number().int().min(400),
      height: z.number().int().min(300),
      maximized: z.boolean(),
    })
    .nullable()
    .catch(null),
});
export type Preferences = z.infer<typeof preferencesSchema>;

const defaults: Preferences = { language: 'zh-CN', profileId: 'supervisor', window: null };

export function preferencesFile(dataDir: string): string {
  return path.join(dataDir, 'preferences.json');
}

export function readPreferences(dataDir: string): Preferences {
  try {
    const raw = JSON.parse(fs.readFileSync(preferencesFile(dataDir), 'utf8')) as unknown;
    return preferencesSchema.parse({ ...defaults, ...(raw as object) });
  } catch {
    return { ...defaults };
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function writePreferences(dataDir: string, preferences: Preferences): void {
  const file = preferencesFile(dataDir);
  const partial = `${file}.part`;
  fs.writeFileSync(partial, JSON.stringify(preferences, null, 2));
  fs.renameSync(partial, file);
}
