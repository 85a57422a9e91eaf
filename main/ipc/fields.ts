import { z } from 'zod';
import { t } from '../i18n/index.ts';
import { isValidIsoDate } from '../time/dates.ts';

// Field schemas shared by every area's contract. Messages are functions so they are produced in
// the user's language at the moment of validation.

export const isoDate = z
  .string()
  .trim()
  .refine(isValidIsoDate, { error: () => t('validation.date') })
  .refine((d) => d >= '1950-01-01' && d <= '2100-12-31', { error: () => t('validation.dateOutOfRange') });

export const id = z.number().int().positive();

/** A calendar month, YYYY-MM. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: () => t('validation.month') });

export function requiredText(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: () => t('validation.required') })
    .max(max, { error: () => t('validation.tooLong', { max }) });
}

/** Optional free text: empty input is stored as null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: () => t('validation.tooLong', { max }) })
    .nullish()
    .transform((v) => (v ? v : null));
}

const phonePattern = /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?)$/;

export const phone = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v.replace(/\s+/g, '') : null))
  .refine((v) => v === null || phonePattern.test(v), { error: () => t('validation.phone') });

/** Money in integer fen (分); never a float. */
export const fen = z
  .number()
  .int({ error: () => t('validation.money') })
  .nonnegative({ error: () => t('validation.money') });

/** A file the user picked: the same shape over Electron IPC and HTTP. */
export const filePayload = z.object({
  fileName: requiredText(255),
  contentBase64: z
    .string()
    .max(80 * 1024 * 1024)
    .base64(),
});
export type FilePayload = z.infer<typeof filePayload>;

/** A file the app produced for the user to save. */
export const fileOutput = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
export type FileOutput = z.infer<typeof fileOutput>;
