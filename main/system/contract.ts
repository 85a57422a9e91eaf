import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { languages } from '../i18n/index.ts';
import { fileOutput } from '../ipc/fields.ts';

export const actorView = z.object({ id: z.string(), name: z.string() });

export const status = z.object({
  state: z.enum(['ready', 'recovery']),
  mode: z.enum(['electron', 'browser']),
  version: z.string(),
  dataDir: z.string(),
  file: z.string(),
  language: z.enum(languages),
  profile: actorView,
  failure: z.object({ reason: z.string(), detail: z.string() }).nullable(),
});
export type Status = z.infer<typeof status>;

export const systemContract = defineArea({
  status: { input: z.object({}), output: status, inRecovery: true },
  setLanguage: { input: z.object({ lang: z.enum(languages) }), output: status, inRecovery: true },
  profiles: { input: z.object({}), output: z.array(actorView) },
  switchProfile: { input: z.object({ id: z.string().regex(/^(supervisor|person:\d+)$/) }), output: status },
  /** The desktop app renders a print view (a renderer route under /print/) to PDF; browser mode prints with the browser. */
  printPdf: {
    input: z.object({
      route: z.string().regex(/^\/print\/[a-z-]+(\?[\w=&%.:-]*)?$/),
      fileName: z.string().min(1).max(120),
      landscape: z.boolean(),
    }),
    output: fileOutput,
  },
});
