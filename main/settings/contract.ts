import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { id, isoDate, requiredText, optionalText } from '../ipc/fields.ts';

export const settingValue = z.union([z.number(), z.array(z.number()), z.string()]);

export const ruleDocument = z.object({
  id,
  code: z.string(),
  title: z.string(),
  version: z.string(),
  publishedOn: z.string(),
  note: z.string().nullable(),
});
export type RuleDocumentView = z.infer<typeof ruleDocument>;

const settingKind = z.union([
  z.object({ kind: z.literal('number'), unit: z.string(), min: z.number(), max: z.number(), step: z.number() }),
  z.object({ kind: z.literal('time') }),
  z.object({
    kind: z.literal('numbers'),
    labels: z.string(),
    unit: z.string(),
    min: z.number(),
    max: z.number(),
    step: z.number(),
    count: z.number(),
    sum: z.number().optional(),
    descending: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('choice'), options: z.array(z.string()), labels: z.string() }),
]);

export const settingEntry = z.object({
  id,
  value: settingValue,
  effectiveFrom: z.string(),
  rule: ruleDocument,
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const settingView = z.object({
  key: z.string(),
  group: z.string(),
  ruleId: z.string(),
  blankInRulebook: z.boolean(),
  type: settingKind,
  defaultValue: settingValue,
  current: settingEntry,
  /** A published change that takes effect later. */
  upcoming: settingEntry.nullable(),
  historyCount: z.number().int(),
});
export type SettingView = z.infer<typeof settingView>;

export const settingChange = z.object({
  key: z.string().min(1).max(80),
  value: settingValue,
  effectiveFrom: isoDate,
  ruleDocumentId: id.optional(),
  newRule: z.object({ title: requiredText(80), version: requiredText(30), publishedOn: isoDate }).optional(),
  note: optionalText(300),
});

export const settingsContract = defineArea({
  list: { input: z.object({ onDate: isoDate.optional() }), output: z.array(settingView) },
  history: { input: z.object({ key: z.string().min(1).max(80) }), output: z.array(settingEntry) },
  change: { input: settingChange, output: settingView },
  rules: { input: z.object({}), output: z.array(ruleDocument) },
});
