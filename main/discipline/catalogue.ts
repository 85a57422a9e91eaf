import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import type { Sqlite } from '../../db/connection.ts';
import { statement } from '../../db/statements.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { t } from '../i18n/index.ts';
import { ensureSettings } from '../settings/service.ts';
import type { ViolationType, violationTypeSave } from './contract.ts';
import { amountProblem, catalogueDefaults, compareCodes, versionInForce } from './rules/catalogue.ts';
import { fail } from '../ipc/app-error.ts';
import type { SanctionKind } from './vocabulary.ts';

// DIS-3: the violation catalogue. Entries are versioned: an edit adds a version tied to the
// published rule it comes from, so a violation is always judged by the entry in force on its date,
// and a violation dated before its rule's publication is refused (LAW).

interface Row {
  id: number;
  code: string;
  version: number;
  nameZh: string;
  nameEn: string;
  defaultSanction: SanctionKind;
  defaultAmountFen: number | null;
  archivedOn: string | null;
  createdAt: string;
  ruleId: number;
  ruleCode: string;
  ruleTitle: string;
  ruleVersion: string;
  publishedOn: string;
}

const select = `select v.id, v.code, v.version, v.name_zh as nameZh, v.name_en as nameEn, v.default_sanction as defaultSanction,
    v.default_amount_fen as defaultAmountFen, v.archived_on as archivedOn, v.created_at as createdAt,
    r.id as ruleId, r.code as ruleCode, r.title as ruleTitle, r.version as ruleVersion, r.published_on as publishedOn
  from violation_types v join rule_documents r on r.id = v.rule_document_id`;

export function toView(row: Row): ViolationType {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    rule: { id: row.ruleId, code: row.ruleCode, title: row.ruleTitle, version: row.ruleVersion, publishedOn: row.publishedOn },
    defaultSanction: row.defaultSanction,
    defaultAmountFen: row.defaultAmountFen,
    archivedOn: row.archivedOn,
    createdAt: row.createdAt,
  };
}

const ensured = new WeakSet<Sqlite>();

/**
 * The data file gets the rulebooks' catalogue the first time discipline is used, each entry tied
 * to the earliest published version of its rulebook. Codes already present are left alone.
 */
export function ensureCatalogue(ctx: Ctx, audit?: (entry: AuditEntry) => void): void {
  if (ensured.has(ctx.store.sqlite)) return;
  const present = new Set(
    (statement(ctx.store.sqlite, 'select distinct code from violation_types').all() as Array<{ code: string }>).map((r) => r.code),
  );
  const missing = catalogueDefaults.filter((d) => !present.has(d.code));
  if (missing.length > 0) {
    const write = (record: (entry: AuditEntry) => void) => {
      const rule = (code: string) =>
        statement(ctx.store.sqlite, 'select id from rule_documents where code = ? order by published_on, id limit 1').get(code) as
          { id: number } | undefined;
      if (!rule('company.consulting') || !rule('company.operations')) ensureSettings(ctx);
      const insert = statement(
        ctx.store.sqlite,
        `insert into violation_types (code, version, name_zh, name_en, rule_document_id, default_sanction, default_amount_fen, created_at)
         values (?, 1, ?, ?, ?, ?, ?, ?)`,
      );
      const at = nowIso();
      for (const d of missing) {
        const amount = d.amountYuan === null ? null : Math.round(d.amountYuan * 100);
        const id = Number(insert.run(d.code, d.nameZh, d.nameEn, rule(d.rule)!.id, d.sanction, amount, at).lastInsertRowid);
        record({
          action: 'create',
          entity: 'violationType',
          entityId: id,
          after: { code: d.code, version: 1, sanction: d.sanction, amount },
        });
      }
    };
    if (audit) write(audit);
    else audited(ctx, write);
  }
  ensured.add(ctx.store.sqlite);
}

function allRows(ctx: Ctx): Row[] {
  ensureCatalogue(ctx);
  return statement(ctx.store.sqlite, `${select} order by v.code, v.version`).all() as Row[];
}

/** Every version of one code, oldest first. */
function versionsOf(ctx: Ctx, code: string): Row[] {
  ensureCatalogue(ctx);
  return statement(ctx.store.sqlite, `${select} where v.code = ? order by v.version`).all(code) as Row[];
}

/** The newest version of every code (archived ones when asked), in the rulebooks' order. */
export function listCatalogue(ctx: Ctx, includeArchived = false): ViolationType[] {
  const latest = new Map<string, Row>();
  for (const row of allRows(ctx)) latest.set(row.code, row);
  return [...latest.values()]
    .filter((r) => includeArchived || r.archivedOn === null)
    .sort((a, b) => compareCodes(a.code, b.code))
    .map(toView);
}

export function catalogueHistory(ctx: Ctx, code: string): ViolationType[] {
  const rows = versionsOf(ctx, code);
  if (rows.length === 0) throw fail('NOT_FOUND', 'code', t('discipline.errors.codeUnknown', { code }));
  return rows.reverse().map(toView);
}

export function violationTypeById(ctx: Ctx, id: number): ViolationType {
  const row = statement(ctx.store.sqlite, `${select} where v.id = ?`).get(id) as Row | undefined;
  if (!row) throw fail('NOT_FOUND', 'violationTypeId', t('errors.notFound'));
  return toView(row);
}

/**
 * DIS-3 with LAW: the entry a violation of `code` on `date` is judged by. Refused with the reason
 * when the code is unknown, archived by then, or its rule was not yet published on that date.
 */
export function resolveViolation(ctx: Ctx, code: string, date: string): ViolationType {
  const rows = versionsOf(ctx, code);
  const answer = versionInForce(rows, code, date);
  if (answer.ok) return toView(answer.version);
  if (answer.reason === 'unknown') throw fail('NOT_FOUND', 'code', t('discipline.errors.codeUnknown', { code }));
  if (answer.reason === 'archived') throw fail('RULE_VIOLATION', 'code', t('discipline.errors.codeArchived', { code, date: answer.from }));
  const rule = rows.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))[0]!;
  throw fail(
    'RULE_VIOLATION',
    'date',
    t('discipline.errors.notPublished', { code, title: rule.ruleTitle, version: rule.ruleVersion, publishedOn: answer.from, date }),
  );
}

/** A new code, or a new version of one: tied to a published rule version (existing or new). */
export function saveViolationType(ctx: Ctx, input: z.output<typeof violationTypeSave>): ViolationType {
  ensureCatalogue(ctx);
  const problem = amountProblem(input.defaultSanction, input.defaultAmountFen);
  if (problem) throw fail('VALIDATION', 'defaultAmountFen', t(`discipline.errors.amount.${problem}`));
  return audited(ctx, (audit) => {
    const versions = versionsOf(ctx, input.code);
    const latest = versions.at(-1);
    let ruleId = input.ruleDocumentId ?? latest?.ruleId;
    if (input.newRule) {
      const same = statement(ctx.store.sqlite, 'select id from rule_documents where title = ? and version = ?').get(
        input.newRule.title,
        input.newRule.version,
      );
      if (same) throw fail('CONFLICT', 'newRule.version', t('errors.ruleVersionTaken', input.newRule));
      const known = statement(ctx.store.sqlite, 'select code from rule_documents where title = ? limit 1').get(input.newRule.title) as
        { code: string } | undefined;
      const inserted = statement(
        ctx.store.sqlite,
        'insert into rule_documents (code, title, version, published_on, created_at) values (?, ?, ?, ?, ?) returning id',
      ).get(known?.code ?? `custom.${Date.now()}`, input.newRule.title, input.newRule.version, input.newRule.publishedOn, nowIso()) as {
        id: number;
      };
      ruleId = inserted.id;
      audit({ action: 'create', entity: 'rule', entityId: ruleId, after: input.newRule });
    } else if (ruleId === undefined) {
      throw fail('VALIDATION', 'ruleDocumentId', t('discipline.errors.ruleRequired'));
    } else if (!statement(ctx.store.sqlite, 'select 1 from rule_documents where id = ?').get(ruleId)) {
      throw fail('NOT_FOUND', 'ruleDocumentId', t('errors.ruleNotFound', { id: ruleId }));
    }
    const unchanged =
      latest &&
      latest.archivedOn === null &&
      latest.nameZh === input.nameZh &&
      latest.nameEn === input.nameEn &&
      latest.defaultSanction === input.defaultSanction &&
      latest.defaultAmountFen === input.defaultAmountFen &&
      latest.ruleId === ruleId;
    if (unchanged) return toView(latest);
    const version = (latest?.version ?? 0) + 1;
    const id = Number(
      statement(
        ctx.store.sqlite,
        `insert into violation_types (code, version, name_zh, name_en, rule_document_id, default_sanction, default_amount_fen, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.code, version, input.nameZh, input.nameEn, ruleId, input.defaultSanction, input.defaultAmountFen, nowIso())
        .lastInsertRowid,
    );
    const after = violationTypeById(ctx, id);
    audit({
      action: latest ? 'version' : 'create',
      entity: 'violationType',
      entityId: id,
      before: latest ? toView(latest) : undefined,
      after,
    });
    return after;
  });
}

/** An entry no longer used from a date on; past sanctions keep it. A later edit brings it back. */
export function archiveViolationType(ctx: Ctx, code: string, archivedOn: string): ViolationType {
  ensureCatalogue(ctx);
  return audited(ctx, (audit) => {
    const latest = versionsOf(ctx, code).at(-1);
    if (!latest) throw fail('NOT_FOUND', 'code', t('discipline.errors.codeUnknown', { code }));
    if (latest.archivedOn !== null)
      throw fail('RULE_VIOLATION', 'code', t('discipline.errors.codeArchived', { code, date: latest.archivedOn }));
    statement(ctx.store.sqlite, 'update violation_types set archived_on = ? where id = ?').run(archivedOn, latest.id);
    const after = violationTypeById(ctx, latest.id);
    audit({ action: 'archive', entity: 'violationType', entityId: latest.id, before: toView(latest), after });
    return after;
  });
}
