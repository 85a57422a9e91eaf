import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited } from '../audit/record.ts';
import { fail } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getPerson } from '../people/service.ts';
import type { TrainingKind } from './vocabulary.ts';
import { pendingRetakes } from './rules/index.ts';
import type { TrainingView } from './contract.ts';

// APR-9: training assessments (exam, practical, write-up) with pass or fail; a failed one is
// retaken until passed. Each shows in the cycle its date falls in.

interface Row {
  id: number;
  personId: number;
  personName: string;
  employeeNo: string;
  kind: TrainingKind;
  title: string;
  takenOn: string;
  score: number | null;
  passed: number;
  retakeOf: number | null;
  note: string | null;
}

const select = `select ta.id, ta.person_id as personId, p.name as personName, p.employee_no as employeeNo, ta.kind, ta.title,
         ta.taken_on as takenOn, ta.score, ta.passed, ta.retake_of as retakeOf, ta.note
    from training_assessments ta join people p on p.id = ta.person_id`;

function views(rows: Row[], chain: Row[]): TrainingView[] {
  const pending = new Set(pendingRetakes(chain.map((r) => ({ ...r, passed: r.passed === 1 }))).map((r) => r.id));
  return rows.map((r) => ({ ...r, passed: r.passed === 1, pendingRetake: pending.has(r.id) }));
}

export function listTrainings(ctx: Ctx, filter: { personId?: number; from?: string; to?: string }): TrainingView[] {
  const rows = (
    filter.personId === undefined
      ? statement(ctx.store.sqlite, `${select} order by ta.taken_on desc, ta.id desc`).all()
      : statement(ctx.store.sqlite, `${select} where ta.person_id = ? order by ta.taken_on desc, ta.id desc`).all(filter.personId)
  ) as Row[];
  // Retakes may fall after the period asked for: pending is judged on every attempt.
  const shown = rows.filter((r) => (!filter.from || r.takenOn >= filter.from) && (!filter.to || r.takenOn <= filter.to));
  return views(shown, rows);
}

export function trainingById(ctx: Ctx, id: number): TrainingView {
  const row = statement(ctx.store.sqlite, `${select} where ta.id = ?`).get(id) as Row | undefined;
  if (!row) throw fail('NOT_FOUND', 'retakeOf', t('appraisal.errors.trainingNotFound', { id }));
  return listTrainings(ctx, { personId: row.personId }).find((r) => r.id === id)!;
}

export interface TrainingInput {
  personId: number;
  kind: TrainingKind;
  title: string;
  takenOn: string;
  score: number | null;
  passed: boolean;
  retakeOf: number | null;
  note: string | null;
}

export function recordTraining(ctx: Ctx, input: TrainingInput): TrainingView {
  return audited(ctx, (audit) => {
    const person = getPerson(ctx, input.personId);
    if (input.takenOn < person.hireDate)
      throw fail('RULE_VIOLATION', 'takenOn', t('appraisal.errors.trainingBeforeHire', { hireDate: person.hireDate }));
    if (input.retakeOf !== null) {
      const original = trainingById(ctx, input.retakeOf);
      // A retake repeats a failed attempt of the same person, after it, and only once.
      if (original.personId !== input.personId) throw fail('RULE_VIOLATION', 'retakeOf', t('appraisal.errors.retakeOtherPerson'));
      if (original.passed) throw fail('RULE_VIOLATION', 'retakeOf', t('appraisal.errors.retakePassed', { title: original.title }));
      if (input.takenOn < original.takenOn)
        throw fail('RULE_VIOLATION', 'takenOn', t('appraisal.errors.retakeBefore', { date: original.takenOn }));
      const again = statement(ctx.store.sqlite, 'select id from training_assessments where retake_of = ?').get(input.retakeOf);
      if (again) throw fail('RULE_VIOLATION', 'retakeOf', t('appraisal.errors.retakeTwice', { title: original.title }));
    }
    const id = Number(
      statement(
        ctx.store.sqlite,
        `insert into training_assessments (person_id, kind, title, taken_on, score, passed, retake_of, note, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.personId, input.kind, input.title, input.takenOn, input.score, input.passed ? 1 : 0, input.retakeOf, input.note, nowIso())
        .lastInsertRowid,
    );
    audit({ action: 'create', entity: 'trainingAssessment', entityId: id, after: input });
    return trainingById(ctx, id);
  });
}
