import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { localToday, nowIso } from '../app/context.ts';
import { Filters, statement } from '../../db/statements.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { t } from '../i18n/index.ts';
import type { SanctionDetail, SanctionView, sanctionRecord } from './contract.ts';
import { amountProblem } from './rules/catalogue.ts';
import { sanctionTransition, type SanctionAction } from './rules/records.ts';
import { resolveViolation, violationTypeById } from './catalogue.ts';
import { addStep, assertEmployedOn, assertNotFuture, personFacts, sanctionSelect, stepsOf } from './common.ts';
import { fail } from '../ipc/app-error.ts';
import { closeHrFlag, raiseHrFlag } from './flags.ts';
import { refundVoided } from './fund.ts';
import type { SanctionStatus } from './vocabulary.ts';

// DIS-1, DIS-5: sanction records — one place for every sanction, typed or made by closing an
// attendance month. Appeals and voids keep the record (struck through, no longer counted).

export function listSanctions(ctx: Ctx, filter: { from: string; to: string; personId?: number; includeVoided?: boolean }): SanctionView[] {
  const filters = new Filters()
    .add('s.date >= ?', filter.from)
    .add('s.date <= ?', filter.to)
    .add('s.person_id = ?', filter.personId)
    .add('s.status != ?', filter.includeVoided === false ? 'voided' : undefined);
  const sql = `${sanctionSelect} ${filters.where} order by s.date desc, s.id desc`;
  return statement(ctx.store.sqlite, sql).all(...filters.params) as SanctionView[];
}

export function getSanction(ctx: Ctx, id: number): SanctionView {
  const row = statement(ctx.store.sqlite, `${sanctionSelect} where s.id = ?`).get(id) as SanctionView | undefined;
  if (!row) throw fail('NOT_FOUND', 'id', t('discipline.errors.sanctionNotFound', { id }));
  return row;
}

/** A sanction with its rule, the person's facts and the appeal steps: what the printed notice shows. */
export function sanctionDetail(ctx: Ctx, id: number): SanctionDetail {
  const s = getSanction(ctx, id);
  const person = personFacts(ctx, s.personId);
  return {
    ...s,
    rule: violationTypeById(ctx, s.violationTypeId).rule,
    hireDate: person.hireDate,
    role: person.role,
    steps: stepsOf(ctx, 'sanction', id),
  };
}

/** DIS-1: a termination-review sanction goes on the HR flag list with its evidence. */
export function flagTermination(ctx: Ctx, s: SanctionView, audit: (entry: AuditEntry) => void): void {
  if (s.sanction !== 'termination-review') return;
  raiseHrFlag(
    ctx,
    {
      kind: 'termination-review',
      personId: s.personId,
      key: `termination-review:${s.id}`,
      evidence: { rule: 'DIS-1', sanctionId: s.id, date: s.date, code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, evidence: s.evidence },
    },
    audit,
  );
}

export interface NewSanctionRow {
  personId: number;
  date: string;
  violationTypeId: number;
  sanction: string;
  amountFen: number | null;
  evidence: string | null;
  source: 'manual' | 'attendance';
  sourceKey: string | null;
}

/** Inserts a sanction; the caller validated it and holds the transaction. */
export function insertSanction(ctx: Ctx, row: NewSanctionRow, at = nowIso()): number {
  return Number(
    statement(
      ctx.store.sqlite,
      `insert into sanctions (person_id, date, violation_type_id, sanction, amount_fen, evidence, source, source_key, status, recorded_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
    ).run(
      row.personId,
      row.date,
      row.violationTypeId,
      row.sanction,
      row.amountFen,
      row.evidence,
      row.source,
      row.sourceKey,
      ctx.actor.name,
      at,
    ).lastInsertRowid,
  );
}

/**
 * DIS-1, DIS-3: records a violation with the catalogue entry in force on its date (refused when
 * the rule was not yet published, LAW), the sanction chosen (the entry's default unless changed)
 * and, for a fine, its amount.
 */
export function recordSanction(ctx: Ctx, input: z.output<typeof sanctionRecord>, today = localToday()): SanctionView {
  const person = personFacts(ctx, input.personId);
  assertNotFuture(input.date, today);
  assertEmployedOn(person, input.date);
  const type = resolveViolation(ctx, input.code, input.date);
  const problem = amountProblem(input.sanction, input.amountFen);
  if (problem) throw fail('VALIDATION', 'amountFen', t(`discipline.errors.amount.${problem}`));
  return audited(ctx, (audit) => {
    const id = insertSanction(ctx, {
      personId: person.id,
      date: input.date,
      violationTypeId: type.id,
      sanction: input.sanction,
      amountFen: input.amountFen,
      evidence: input.evidence,
      source: 'manual',
      sourceKey: null,
    });
    const created = getSanction(ctx, id);
    audit({ action: 'create', entity: 'sanction', entityId: id, after: created });
    flagTermination(ctx, created, audit);
    return created;
  });
}

function refused(status: SanctionStatus, action: SanctionAction) {
  return fail('RULE_VIOLATION', 'id', t(`discipline.errors.sanction.${action}`, { status: t(`discipline.sanctionStatuses.${status}`) }));
}

/** DIS-5: the person appeals; the sanction still counts until the appeal is decided. */
export function appealSanction(ctx: Ctx, id: number, note: string): SanctionView {
  return audited(ctx, (audit) => {
    const before = getSanction(ctx, id);
    if (!sanctionTransition(before.status, 'appeal')) throw refused(before.status, 'appeal');
    statement(ctx.store.sqlite, "update sanctions set status = 'appealed', appeal_note = ? where id = ?").run(note, id);
    addStep(ctx, 'sanction', id, 'appeal', 'submitted', note);
    const after = getSanction(ctx, id);
    audit({ action: 'appeal', entity: 'sanction', entityId: id, before, after });
    return after;
  });
}

/** DIS-5: an appeal is upheld (the sanction stands) or accepted (the sanction is voided). */
export function decideAppeal(ctx: Ctx, id: number, uphold: boolean, reason: string): SanctionView {
  if (!uphold) {
    const current = getSanction(ctx, id);
    if (current.status !== 'appealed') throw refused(current.status, 'uphold');
    return voidSanction(ctx, id, reason, 'appeal-decision');
  }
  return audited(ctx, (audit) => {
    const before = getSanction(ctx, id);
    if (!sanctionTransition(before.status, 'uphold')) throw refused(before.status, 'uphold');
    statement(ctx.store.sqlite, "update sanctions set status = 'active' where id = ?").run(id);
    addStep(ctx, 'sanction', id, 'appeal-decision', 'upheld', reason);
    const after = getSanction(ctx, id);
    audit({ action: 'uphold', entity: 'sanction', entityId: id, before, after });
    return after;
  });
}

/**
 * DIS-5: voids a sanction with its reason. It stays visible and stops counting; a paid fine is
 * paid back through an adjustment in the fund's first open month (DIS-2), a termination-review
 * flag is closed.
 */
export function voidSanction(ctx: Ctx, id: number, reason: string, step: 'void' | 'appeal-decision' = 'void'): SanctionView {
  return audited(ctx, (audit) => {
    const before = getSanction(ctx, id);
    if (!sanctionTransition(before.status, 'void')) throw refused(before.status, 'void');
    writeVoid(ctx, before, reason, audit, 'void');
    addStep(ctx, 'sanction', id, step, 'voided', reason);
    if (before.paidOn !== null && before.amountFen)
      refundVoided(ctx, { kind: 'sanction', record: before, amountFen: before.amountFen }, audit);
    closeHrFlag(ctx, `termination-review:${id}`, reason, audit);
    return getSanction(ctx, id);
  });
}

/** The void itself; `action` tells a user's void from one made by reopening an attendance month. */
export function writeVoid(
  ctx: Ctx,
  before: SanctionView,
  reason: string,
  audit: (entry: AuditEntry) => void,
  action: 'void' | 'voidReopen',
): void {
  statement(ctx.store.sqlite, "update sanctions set status = 'voided', void_reason = ?, voided_at = ?, voided_by = ? where id = ?").run(
    reason,
    nowIso(),
    ctx.actor.name,
    before.id,
  );
  audit({ action, entity: 'sanction', entityId: before.id, before, after: { ...before, status: 'voided', voidReason: reason } });
}
