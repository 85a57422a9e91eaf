import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { Filters, statement } from '../../db/statements.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { currentLanguage, t } from '../i18n/index.ts';
import type { HrFlagView } from './contract.ts';
import { fail } from '../ipc/app-error.ts';
import type { HrFlagKind, HrFlagStatus } from './vocabulary.ts';

// The HR flag list: ATT-6 absences, APR-8 two consecutive 不合格, termination-review sanctions
// (DIS-1). The app flags; HR decides. Each finding has a key so it is raised once.

export interface NewHrFlag {
  kind: HrFlagKind;
  personId: number;
  /** Identifies the finding, e.g. "absence-yearly:12:2026"; a second raise with it does nothing. */
  key: string;
  /** What HR needs to see; `rule` names the rule (ATT-6, APR-8, DIS-1). */
  evidence: { rule: string } & Record<string, unknown>;
}

/**
 * Puts a finding on the HR flag list once (open). For other areas to call inside their own
 * transaction, with their audit function: returns false when the finding was already raised.
 */
export function raiseHrFlag(ctx: Ctx, flag: NewHrFlag, audit: (entry: AuditEntry) => void): boolean {
  const at = nowIso();
  const inserted = statement(
    ctx.store.sqlite,
    `insert into hr_flags (kind, person_id, key, evidence, status, raised_at, updated_at) values (?, ?, ?, ?, 'open', ?, ?)
     on conflict(key) do nothing`,
  ).run(flag.kind, flag.personId, flag.key, JSON.stringify(flag.evidence), at, at);
  if (inserted.changes === 0) return false;
  audit({ action: 'raise', entity: 'hrFlag', entityId: Number(inserted.lastInsertRowid), after: flag });
  return true;
}

/** Closes the flag of a finding that no longer stands (a voided termination-review sanction). */
export function closeHrFlag(ctx: Ctx, key: string, note: string, audit: (entry: AuditEntry) => void): void {
  const row = statement(ctx.store.sqlite, "select id, status from hr_flags where key = ? and status != 'closed'").get(key) as
    { id: number; status: HrFlagStatus } | undefined;
  if (!row) return;
  statement(ctx.store.sqlite, "update hr_flags set status = 'closed', note = ?, updated_at = ? where id = ?").run(note, nowIso(), row.id);
  audit({ action: 'close', entity: 'hrFlag', entityId: row.id, before: { status: row.status }, after: { status: 'closed', note } });
}

interface Row {
  id: number;
  kind: HrFlagKind;
  personId: number;
  employeeNo: string;
  personName: string;
  groupName: string | null;
  evidence: string;
  status: HrFlagStatus;
  note: string | null;
  raisedAt: string;
  updatedAt: string;
}

const select = `select f.id, f.kind, f.person_id as personId, p.employee_no as employeeNo, p.name as personName, g.name as groupName,
    f.evidence, f.status, f.note, f.raised_at as raisedAt, f.updated_at as updatedAt
  from hr_flags f join people p on p.id = f.person_id left join groups g on g.id = p.group_id`;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** The finding in a sentence, in the user's language, from the evidence its area stored. */
export function flagSummary(kind: HrFlagKind, evidence: Record<string, unknown>): string {
  const dates = list(evidence.dates);
  if (kind === 'absence-consecutive')
    return t('discipline.flags.summary.absenceConsecutive', { days: evidence.days, from: dates[0] ?? '', to: dates.at(-1) ?? '' });
  if (kind === 'absence-yearly')
    return t('discipline.flags.summary.absenceYearly', { days: evidence.days, year: evidence.year ?? dates[0]?.slice(0, 4) });
  if (kind === 'unqualified-twice')
    return t('discipline.flags.summary.unqualifiedTwice', {
      periods: list(evidence.periods).join(currentLanguage() === 'en' ? ', ' : '、'),
    });
  const name = currentLanguage() === 'en' ? evidence.nameEn : evidence.nameZh;
  return t('discipline.flags.summary.terminationReview', { date: evidence.date, code: evidence.code, name });
}

const ruleOf: Record<HrFlagKind, string> = {
  'absence-consecutive': 'ATT-6',
  'absence-yearly': 'ATT-6',
  'unqualified-twice': 'APR-8',
  'termination-review': 'DIS-1',
};

function toView(row: Row): HrFlagView {
  const evidence = JSON.parse(row.evidence) as Record<string, unknown>;
  const { evidence: _raw, ...rest } = row;
  return { ...rest, ruleId: ruleOf[row.kind] ?? String(evidence.rule ?? ''), summary: flagSummary(row.kind, evidence), evidence };
}

export function listHrFlags(ctx: Ctx, status?: HrFlagStatus, personId?: number): HrFlagView[] {
  const filters = new Filters().add('f.status = ?', status).add('f.person_id = ?', personId);
  const sql = `${select} ${filters.where} order by f.status = 'closed', f.raised_at desc, f.id desc`;
  return (statement(ctx.store.sqlite, sql).all(...filters.params) as Row[]).map(toView);
}

/** Open → sent to HR → closed (or open → closed); a closed flag stays closed. */
export function updateHrFlag(ctx: Ctx, input: { id: number; status: 'sent' | 'closed'; note: string | null }): HrFlagView {
  return audited(ctx, (audit) => {
    const before = statement(ctx.store.sqlite, `${select} where f.id = ?`).get(input.id) as Row | undefined;
    if (!before) throw fail('NOT_FOUND', 'id', t('errors.notFound'));
    if (before.status === 'closed' || before.status === input.status)
      throw fail('RULE_VIOLATION', 'status', t('discipline.errors.flagStatus', { status: t(`discipline.flagStatuses.${before.status}`) }));
    statement(ctx.store.sqlite, 'update hr_flags set status = ?, note = coalesce(?, note), updated_at = ? where id = ?').run(
      input.status,
      input.note,
      nowIso(),
      input.id,
    );
    const after = toView(statement(ctx.store.sqlite, `${select} where f.id = ?`).get(input.id) as Row);
    audit({
      action: input.status === 'sent' ? 'send' : 'close',
      entity: 'hrFlag',
      entityId: input.id,
      before: { status: before.status },
      after: { status: after.status, note: input.note },
    });
    return after;
  });
}
