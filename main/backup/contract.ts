import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { filePayload, fileOutput } from '../ipc/fields.ts';
import { backupKinds } from './files.ts';
import { t } from '../i18n/index.ts';

export const backupInfo = z.object({ name: z.string(), kind: z.enum(backupKinds), createdAt: z.string(), sizeBytes: z.number().int() });

/** Restore from one of the app's backups, or from a file the user picked. */
export const restoreSource = z
  .object({ name: z.string().min(1).max(100).optional(), file: filePayload.optional() })
  .refine((v) => (v.name === undefined) !== (v.file === undefined), { error: () => t('errors.restoreSource'), path: ['name'] });

export const backupContract = defineArea({
  list: { input: z.object({}), output: z.array(backupInfo), inRecovery: true },
  create: { input: z.object({}), output: backupInfo },
  restore: {
    input: restoreSource,
    output: z.object({ safetyBackup: z.string().nullable(), keptDamagedAs: z.string().nullable() }),
    inRecovery: true,
  },
  download: { input: z.object({ name: z.string().min(1).max(100) }), output: fileOutput, inRecovery: true },
});
