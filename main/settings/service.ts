import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { nowIso, localToday } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { AppError } from '../ipc/app-error.ts';
import { t, zodLocaleError } from '../i18n/index.ts';
import { ruleDocumentDefaults, settingCatalog, settingDef, type SettingDef, type SettingKey, type SettingValueOf } from './catalog.ts';
import type { settingChange, SettingView, RuleDocumentView } from './contract.ts';

interface EntryRow {
  id: number;
  key: string;
  value: string;
  effectiveFrom: string;
  note: string | null;
  createdAt: string;
  ruleId: number;
  ruleCode: string;
  ruleTitle: string;
  ruleVersion: string;
  rulePublishedOn: string;
  ruleNote: string | null;
}

const entrySelect = `
  select v.id, v.key, v.value, v.effective_from as effectiveFrom, v.note, v.created_at as createdAt,
         r.id as ruleId, r.code as ruleCode, r.title as ruleTitle, r.version as ruleVersion,
         r.published_on as rulePublishedOn, r.note as ruleNote
    from setting_values v join rule_documents r on r.id = v.rule_document_id
   where v.voided_at is null`;

function toEntry(row: EntryRow) {
  return {
    id: row.id,
    value: JSON.parse(row.value) as number | number[] | string,
    effectiveFrom: row.effectiveFrom,
    note: row.note,
    createdAt: row.createdAt,
    rule: {
      id: row.ruleId,
      code: row.ruleCode,
      title: row.ruleTitle,
      version: row.ruleVersion,
      publishedOn: row.rulePublishedOn,
      note: row.ruleNote,
    },
  };
}

/** Newest first: effective date, then the order the rows were added. */
function entries(ctx: Ctx, key?: string): EntryRow[] {
  const sql = `${entrySelect} ${key ? 'and v.key = ?' : ''} order by v.effective_from desc, v.id desc`;
  const statement = ctx.store.sqlite.prepare(sql);
  return (key ? statement.all(key) : statement.all()) as EntryRow[];
}

/** The value in force on a date (today by default), as the rules engines read it. */
export function getSetting<K extends SettingKey>(ctx: Ctx, key: K, onDate = localToday()): SettingValueOf<K> {
  const row = ctx.store.sqlite
    .prepare(`${entrySelect} and v.key = ? and v.effective_from <= ? order by v.effective_from desc, v.id desc limit 1`)
    .get(key, onDate) as EntryRow | undefined;
  if (row) return JSON.parse(row.value) as SettingValueOf<K>;
  return settingDef(key)!.defaultValue as SettingValueOf<K>;
}

function view(def: SettingDef, rows: EntryRow[], onDate: string): SettingView | undefined {
  const inForce = rows.find((r) => r.effectiveFrom <= onDate) ?? rows[rows.length - 1];
  if (!inForce) return undefined;
  const upcoming = rows.filter((r) => r.effectiveFrom > onDate).at(-1);
  return {
    key: def.key,
    group: def.group,
    ruleId: def.ruleId,
    blankInRulebook: Boolean(def.blankInRulebook),
    type: def.type as SettingView['type'],
    defaultValue: def.defaultValue as SettingView['defaultValue'],
    current: toEntry(inForce),
    upcoming: upcoming ? toEntry(upcoming) : null,
    historyCount: rows.length,
  };
}

export function listSettings(ctx: Ctx, onDate = localToday()): SettingView[] {
  const byKey = new Map<string, EntryRow[]>();
  for (const row of entries(ctx)) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return (settingCatalog as ReadonlyArray<SettingDef>).flatMap((def) => view(def, byKey.get(def.key) ?? [], onDate) ?? []);
}

export function settingHistory(ctx: Ctx, key: string) {
  if (!settingDef(key)) throw new AppError('NOT_FOUND', t('errors.settingUnknown', { key }));
  return entries(ctx, key).map(toEntry);
}

export function listRules(ctx: Ctx): RuleDocumentView[] {
  return ctx.store.sqlite
    .prepare('select id, code, title, version, published_on as publishedOn, note from rule_documents order by code, published_on')
    .all() as RuleDocumentView[];
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${t('errors.validation')} ${message}`, [{ path, message }]);
}

/**
 * A new value is a new row tied to the published rule version that justifies it; the old rows
 * stay, so the value in force on any past date can still be answered.
 */
export function changeSetting(ctx: Ctx, input: z.output<typeof settingChange>): SettingView {
  const def = settingDef(input.key);
  if (!def) throw new AppError('NOT_FOUND', t('errors.settingUnknown', { key: input.key }));
  const parsed = def.schema.safeParse(input.value, { error: zodLocaleError() });
  if (!parsed.success) throw invalid('value', parsed.error.issues.map((i) => i.message).join('; '));
  return audited(ctx, (audit) => {
    let ruleId = input.ruleDocumentId;
    let publishedOn: string;
    if (input.newRule) {
      const same = ctx.store.sqlite
        .prepare('select id from rule_documents where title = ? and version = ?')
        .get(input.newRule.title, input.newRule.version);
      if (same)
        throw new AppError('CONFLICT', t('errors.ruleVersionTaken', input.newRule), [
          { path: 'newRule.version', message: t('errors.ruleVersionTaken', input.newRule) },
        ]);
      const code = ctx.store.sqlite.prepare('select code from rule_documents where title = ?').get(input.newRule.title) as
        { code: string } | undefined;
      const inserted = ctx.store.sqlite
        .prepare('insert into rule_documents (code, title, version, published_on, created_at) values (?, ?, ?, ?, ?) returning id')
        .get(code?.code ?? `custom.${Date.now()}`, input.newRule.title, input.newRule.version, input.newRule.publishedOn, nowIso()) as {
        id: number;
      };
      ruleId = inserted.id;
      publishedOn = input.newRule.publishedOn;
      audit({ action: 'create', entity: 'rule', entityId: ruleId, after: input.newRule });
    } else {
      const rule = ctx.store.sqlite.prepare('select published_on as publishedOn from rule_documents where id = ?').get(ruleId ?? -1) as
        { publishedOn: string } | undefined;
      if (!rule || ruleId === undefined)
        throw new AppError('NOT_FOUND', t('errors.ruleNotFound', { id: ruleId ?? '' }), [
          { path: 'ruleDocumentId', message: t('errors.ruleNotFound', { id: ruleId ?? '' }) },
        ]);
      publishedOn = rule.publishedOn;
    }
    if (input.effectiveFrom < publishedOn) throw invalid('effectiveFrom', t('errors.effectiveBeforePublished', { publishedOn }));
    const before = getSetting(ctx, def.key as SettingKey, input.effectiveFrom);
    const row = ctx.store.sqlite
      .prepare(
        'insert into setting_values (key, value, rule_document_id, effective_from, note, created_at) values (?, ?, ?, ?, ?, ?) returning id',
      )
      .get(def.key, JSON.stringify(parsed.data), ruleId, input.effectiveFrom, input.note, nowIso()) as { id: number };
    audit({
      action: 'change',
      entity: 'setting',
      entityId: def.key,
      before: { value: before },
      after: { value: parsed.data, effectiveFrom: input.effectiveFrom, ruleDocumentId: ruleId, entry: row.id },
    });
    return listSettings(ctx).find((s) => s.key === def.key)!;
  });
}

/** A new data file (or a new version of Banzu) gets the rule documents and defaults it lacks. */
export function ensureSettings(ctx: Ctx): void {
  const missingRules = ruleDocumentDefaults.filter(
    (r) => !ctx.store.sqlite.prepare('select 1 from rule_documents where code = ?').get(r.code),
  );
  const present = new Set(
    (ctx.store.sqlite.prepare('select distinct key from setting_values').all() as Array<{ key: string }>).map((r) => r.key),
  );
  const missingSettings = (settingCatalog as ReadonlyArray<SettingDef>).filter((d) => !present.has(d.key));
  if (missingRules.length === 0 && missingSettings.length === 0) return;
  audited(ctx, (audit) => {
    const at = nowIso();
    for (const r of missingRules) {
      const row = ctx.store.sqlite
        .prepare('insert into rule_documents (code, title, version, published_on, created_at) values (?, ?, ?, ?, ?) returning id')
        .get(r.code, r.title, r.version, r.publishedOn, at) as { id: number };
      audit({ action: 'create', entity: 'rule', entityId: row.id, after: r });
    }
    for (const d of missingSettings) {
      const rule = ctx.store.sqlite
        .prepare('select id, published_on as publishedOn from rule_documents where code = ? order by published_on limit 1')
        .get(d.rule) as { id: number; publishedOn: string };
      ctx.store.sqlite
        .prepare('insert into setting_values (key, value, rule_document_id, effective_from, created_at) values (?, ?, ?, ?, ?)')
        .run(d.key, JSON.stringify(d.defaultValue), rule.id, rule.publishedOn, at);
      audit({ action: 'create', entity: 'setting', entityId: d.key, after: { value: d.defaultValue } });
    }
  });
}
