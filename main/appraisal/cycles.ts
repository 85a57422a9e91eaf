import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { fail } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { appraisalStates } from './vocabulary.ts';
import { periodBounds, periodKind } from './rules/index.ts';
import { cycleById, cycleByPeriod, cycleKindSetting, listCycleRows, templateById, type CycleRow } from './store.ts';
import { ensureDefaultTemplate } from './templates.ts';
import type { CycleView } from './contract.ts';

// APR-4: a cycle per month (or quarter, as the setting says) for the department, holding one
// appraisal per group leader and agent employed in it.

export function cycleView(ctx: Ctx, cycle: CycleRow): CycleView {
  const template = templateById(ctx, cycle.templateId);
  const counts = statement(ctx.store.sqlite, 'select state, count(*) as n from appraisals where cycle_id = ? group by state').all(
    cycle.id,
  ) as Array<{
    state: (typeof appraisalStates)[number];
    n: number;
  }>;
  const states = Object.fromEntries(appraisalStates.map((s) => [s, counts.find((c) => c.state === s)?.n ?? 0])) as CycleView['states'];
  return {
    ...cycle,
    templateName: template.name,
    templateVersion: template.version,
    people: counts.reduce((s, c) => s + c.n, 0),
    states,
  };
}

export function listCycles(ctx: Ctx, year?: number): CycleView[] {
  return listCycleRows(ctx)
    .filter((c) => year === undefined || c.period.startsWith(String(year)))
    .map((c) => cycleView(ctx, c));
}

export interface EligiblePerson {
  personId: number;
  groupId: number | null;
}

/**
 * Group leaders and agents employed on at least one day of the period, each with the group they
 * were in on their last day in it (by the group_moves history, as groupOnDate reads it).
 */
export function eligiblePeople(ctx: Ctx, from: string, to: string): EligiblePerson[] {
  const people = statement(
    ctx.store.sqlite,
    `select id, group_id as groupId, left_on as leftOn from people
      where role in ('leader', 'agent') and hire_date <= ? and (left_on is null or left_on >= ?) order by id`,
  ).all(to, from) as Array<{ id: number; groupId: number | null; leftOn: string | null }>;
  const moves = statement(
    ctx.store.sqlite,
    `select person_id as personId, from_group_id as fromGroupId, on_date as onDate from group_moves where on_date > ? order by person_id, on_date, id`,
  ).all(from) as Array<{ personId: number; fromGroupId: number | null; onDate: string }>;
  const movesOf = new Map<number, typeof moves>();
  for (const m of moves) movesOf.set(m.personId, [...(movesOf.get(m.personId) ?? []), m]);
  return people.map((p) => {
    const lastDay = p.leftOn !== null && p.leftOn < to ? p.leftOn : to;
    const later = movesOf.get(p.id)?.find((m) => m.onDate > lastDay);
    return { personId: p.id, groupId: later ? later.fromGroupId : p.groupId };
  });
}

function insertAppraisals(ctx: Ctx, cycle: { id: number; templateId: number }, people: EligiblePerson[], at: string): void {
  const insert = statement(
    ctx.store.sqlite,
    `insert into appraisals (cycle_id, person_id, group_id, template_id, state, updated_at) values (?, ?, ?, ?, 'draft', ?)`,
  );
  for (const p of people) insert.run(cycle.id, p.personId, p.groupId, cycle.templateId, at);
}

/** The cycle's own row, open (the seed writes its appraisals itself). */
export function insertCycleRow(ctx: Ctx, period: string, templateId: number, at: string): number {
  const { from, to } = periodBounds(period);
  return Number(
    statement(
      ctx.store.sqlite,
      `insert into appraisal_cycles (period, kind, starts_on, ends_on, template_id, status, created_at) values (?, ?, ?, ?, ?, 'open', ?)`,
    ).run(period, periodKind(period), from, to, templateId, at).lastInsertRowid,
  );
}

/** Creates a cycle with its template version and a draft appraisal per person; used by the seed too. */
export function createCycle(
  ctx: Ctx,
  period: string,
  templateId: number | undefined,
  audit: (entry: AuditEntry) => void,
  at = nowIso(),
): CycleRow {
  const kind = periodKind(period)!;
  const { from, to } = periodBounds(period);
  const expected = cycleKindSetting(ctx, from);
  if (kind !== expected) throw fail('RULE_VIOLATION', 'period', t('appraisal.errors.cycleKind', { kind: t(`cycles.${expected}`) }));
  if (cycleByPeriod(ctx, period)) throw fail('CONFLICT', 'period', t('appraisal.errors.cycleExists', { period }));
  const overlapping = statement(ctx.store.sqlite, 'select period from appraisal_cycles where starts_on <= ? and ends_on >= ? limit 1').get(
    to,
    from,
  ) as { period: string } | undefined;
  if (overlapping) throw fail('RULE_VIOLATION', 'period', t('appraisal.errors.cycleOverlaps', { period: overlapping.period }));
  const template = templateId ?? ensureDefaultTemplate(ctx, from, audit);
  templateById(ctx, template);
  const id = insertCycleRow(ctx, period, template, at);
  const people = eligiblePeople(ctx, from, to);
  insertAppraisals(ctx, { id, templateId: template }, people, at);
  audit({ action: 'create', entity: 'appraisalCycle', entityId: id, after: { period, kind, templateId: template, people: people.length } });
  return cycleById(ctx, id);
}

export function startCycle(ctx: Ctx, input: { period: string; templateId?: number }): CycleView {
  return audited(ctx, (audit) => cycleView(ctx, createCycle(ctx, input.period, input.templateId, audit)));
}

/** People employed in the cycle's period who have no appraisal in it yet. */
export function missingPeople(ctx: Ctx, cycle: CycleRow): EligiblePerson[] {
  const present = new Set(
    (
      statement(ctx.store.sqlite, 'select person_id as personId from appraisals where cycle_id = ?').all(cycle.id) as Array<{
        personId: number;
      }>
    ).map((r) => r.personId),
  );
  return eligiblePeople(ctx, cycle.startsOn, cycle.endsOn).filter((p) => !present.has(p.personId));
}

/** Adds people hired (or made leader/agent) after the cycle started. */
export function addMissing(ctx: Ctx, cycleId: number): { added: number } {
  return audited(ctx, (audit) => {
    const cycle = cycleById(ctx, cycleId);
    if (cycle.status === 'locked') throw fail('RULE_VIOLATION', 'cycleId', t('appraisal.errors.cycleLocked', { period: cycle.period }));
    const people = missingPeople(ctx, cycle);
    insertAppraisals(ctx, cycle, people, nowIso());
    if (people.length > 0)
      audit({ action: 'addPeople', entity: 'appraisalCycle', entityId: cycle.id, after: { people: people.map((p) => p.personId) } });
    return { added: people.length };
  });
}
