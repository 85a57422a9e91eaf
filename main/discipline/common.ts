import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { fail } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import type { Role } from '../people/vocabulary.ts';
import type { StepView } from './contract.ts';
import type { ApprovalDecision, ApprovalStep } from './vocabulary.ts';

// Small helpers the discipline services share: people, and the approval steps of rewards, promotions and sanction appeals.

export interface PersonFacts {
  id: number;
  employeeNo: string;
  name: string;
  role: Role;
  status: 'active' | 'left';
  hireDate: string;
  leftOn: string | null;
  groupId: number | null;
  groupName: string | null;
  dailyWageFen: number | null;
}

/** The select of PersonFacts rows: people `p` with their current group `g`; add where and order. */
export const personFactsSelect = `select p.id, p.employee_no as employeeNo, p.name, p.role, p.status, p.hire_date as hireDate,
    p.left_on as leftOn, p.group_id as groupId, g.name as groupName, p.daily_wage_fen as dailyWageFen
  from people p left join groups g on g.id = p.group_id`;

export function personFacts(ctx: Ctx, personId: number, path = 'personId'): PersonFacts {
  const row = statement(ctx.store.sqlite, `${personFactsSelect} where p.id = ?`).get(personId) as PersonFacts | undefined;
  if (!row) throw fail('NOT_FOUND', path, t('errors.personNotFound', { id: personId }));
  return row;
}

/** A dated record must fall while the person worked here (hire date to leaving date). */
export function assertEmployedOn(person: PersonFacts, date: string, path = 'date'): void {
  if (date < person.hireDate)
    throw fail('RULE_VIOLATION', path, t('discipline.errors.beforeHire', { name: person.name, hireDate: person.hireDate }));
  if (person.leftOn !== null && date > person.leftOn)
    throw fail('RULE_VIOLATION', path, t('discipline.errors.afterLeft', { name: person.name, leftOn: person.leftOn }));
}

export function assertNotFuture(date: string, today: string, path = 'date'): void {
  if (date > today) throw fail('VALIDATION', path, t('discipline.errors.future', { today }));
}

export type StepSubject = 'reward' | 'promotion' | 'sanction';

export function addStep(
  ctx: Ctx,
  subject: StepSubject,
  subjectId: number,
  step: ApprovalStep,
  decision: ApprovalDecision,
  note: string | null,
  by: string | null = null,
): void {
  statement(
    ctx.store.sqlite,
    'insert into approval_steps (subject, subject_id, step, decision, actor, actor_name, at, note) values (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(subject, subjectId, step, decision, ctx.actor.id, by ?? ctx.actor.name, nowIso(), note);
}

export function stepsOf(ctx: Ctx, subject: StepSubject, subjectId: number): StepView[] {
  return statement(
    ctx.store.sqlite,
    'select step, decision, actor_name as actorName, at, note from approval_steps where subject = ? and subject_id = ? order by id',
  ).all(subject, subjectId) as StepView[];
}

/** The steps of many subjects at once (lists), by subject id. */
export function stepsByIds(ctx: Ctx, subject: StepSubject, ids: readonly number[]): Map<number, StepView[]> {
  const out = new Map<number, StepView[]>();
  if (ids.length === 0) return out;
  const rows = statement(
    ctx.store.sqlite,
    `select subject_id as subjectId, step, decision, actor_name as actorName, at, note from approval_steps
      where subject = ? and subject_id in (select value from json_each(?)) order by id`,
  ).all(subject, JSON.stringify(ids)) as Array<StepView & { subjectId: number }>;
  for (const { subjectId, ...s } of rows) out.set(subjectId, [...(out.get(subjectId) ?? []), s]);
  return out;
}

/** A group's name on a date, as SQL: the from-group of the first later move, else the current group. */
export const groupOnDateSql = (personCol: string, dateCol: string) => `(select name from groups where id = coalesce(
    (select m.from_group_id from group_moves m where m.person_id = ${personCol} and m.on_date > ${dateCol} order by m.on_date, m.id limit 1),
    (select p2.group_id from people p2 where p2.id = ${personCol})))`;

export const sanctionSelect = `select s.id, s.person_id as personId, p.employee_no as employeeNo, p.name as personName,
    ${groupOnDateSql('s.person_id', 's.date')} as groupName, s.date, s.violation_type_id as violationTypeId, v.code, v.version,
    v.name_zh as nameZh, v.name_en as nameEn, s.sanction, s.amount_fen as amountFen, s.evidence, s.source, s.status,
    s.appeal_note as appealNote, s.void_reason as voidReason, s.voided_at as voidedAt, s.voided_by as voidedBy,
    s.recorded_by as recordedBy, s.created_at as createdAt, (select f.date from fund_entries f where f.sanction_id = s.id) as paidOn
  from sanctions s join people p on p.id = s.person_id join violation_types v on v.id = s.violation_type_id`;

export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
