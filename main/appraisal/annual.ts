import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited } from '../audit/record.ts';
import { fail } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getPerson } from '../people/service.ts';
import { getSetting } from '../settings/service.ts';
import type { Grade, ResultFlag, AppraisalState } from './vocabulary.ts';
import { annualResults, annualScore, roundDimensions } from './rules/index.ts';
import { listTrainings } from './training.ts';
import { listSetting } from './store.ts';
import type { Outcome } from './contract.ts';

// APR-4: the annual result from the year's cycles (consolidated or locked) and the year-end
// summary score; a person's history across cycles.

interface YearRow {
  personId: number;
  employeeNo: string;
  name: string;
  period: string;
  total: number;
  groupId: number | null;
  groupName: string | null;
}

export function annual(ctx: Ctx, year: number, groupId: number | null) {
  const rows = statement(
    ctx.store.sqlite,
    `select a.person_id as personId, p.employee_no as employeeNo, p.name, c.period, a.total, a.group_id as groupId, g.name as groupName
       from appraisals a join appraisal_cycles c on c.id = a.cycle_id join people p on p.id = a.person_id
       left join groups g on g.id = a.group_id
      where c.period like ? and a.state in ('consolidated', 'locked') and a.total is not null
      order by a.person_id, c.period`,
  ).all(`${year}-%`) as YearRow[];
  const summaries = new Map(
    (
      statement(ctx.store.sqlite, 'select person_id as personId, summary_score as summaryScore from annual_summaries where year = ?').all(
        year,
      ) as Array<{
        personId: number;
        summaryScore: number;
      }>
    ).map((s) => [s.personId, s.summaryScore]),
  );
  const byPerson = new Map<number, YearRow[]>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  const yearEnd = `${year}-12-31`;
  const weight = getSetting(ctx, 'appraisal.annualSummaryWeightPercent', yearEnd);
  const thresholds = listSetting(ctx, 'appraisal.gradeThresholds', yearEnd);
  // Ranked in the group of their last cycle of the year, and in the whole department.
  const people = [...byPerson.values()].map((cycles) => ({ cycles, last: cycles.at(-1)! }));
  const results = annualResults(
    people.map(({ cycles, last }) => ({
      personId: last.personId,
      groupId: last.groupId,
      totals: cycles.map((c) => c.total),
      summaryScore: summaries.get(last.personId) ?? null,
    })),
    weight,
    thresholds,
  );
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return {
    year,
    summaryWeightPercent: weight,
    cyclesCounted: periods,
    rows: results
      .map((r, i) => ({
        ...r,
        employeeNo: people[i]!.last.employeeNo,
        name: people[i]!.last.name,
        groupName: people[i]!.last.groupName,
      }))
      .filter((r) => groupId === null || r.groupId === groupId)
      .sort((a, b) => (a.rankInDepartment ?? 1e9) - (b.rankInDepartment ?? 1e9) || a.employeeNo.localeCompare(b.employeeNo)),
  };
}

export function saveSummary(ctx: Ctx, input: { personId: number; year: number; summaryScore: number; note: string | null }) {
  return audited(ctx, (audit) => {
    const person = getPerson(ctx, input.personId);
    if (person.hireDate > `${input.year}-12-31`) {
      throw fail('RULE_VIOLATION', 'year', t('appraisal.errors.summaryBeforeHire', { year: input.year, hireDate: person.hireDate }));
    }
    const before = statement(
      ctx.store.sqlite,
      'select summary_score as summaryScore, note from annual_summaries where person_id = ? and year = ?',
    ).get(input.personId, input.year);
    statement(
      ctx.store.sqlite,
      `insert into annual_summaries (person_id, year, summary_score, note, updated_at) values (?, ?, ?, ?, ?)
       on conflict(person_id, year) do update set summary_score = excluded.summary_score, note = excluded.note, updated_at = excluded.updated_at`,
    ).run(input.personId, input.year, input.summaryScore, input.note, nowIso());
    audit({ action: 'saveSummary', entity: 'annualSummary', entityId: `${input.personId}:${input.year}`, before, after: input });
    return { personId: input.personId, year: input.year, summaryScore: input.summaryScore };
  });
}

interface HistoryRow {
  id: number;
  period: string;
  state: AppraisalState;
  groupName: string | null;
  total: number | null;
  grade: Grade | null;
  coefficient: number | null;
  result: string | null;
}

/** A person's appraisals over time (oldest first) with their years and training assessments. */
export function history(ctx: Ctx, personId: number) {
  const person = getPerson(ctx, personId);
  const rows = statement(
    ctx.store.sqlite,
    `select a.id, c.period, a.state, g.name as groupName, a.total, a.grade, a.coefficient, a.result
       from appraisals a join appraisal_cycles c on c.id = a.cycle_id left join groups g on g.id = a.group_id
      where a.person_id = ? order by c.starts_on`,
  ).all(personId) as HistoryRow[];
  const entries = rows.map((r) => {
    const result = r.result ? (JSON.parse(r.result) as Outcome) : null;
    const settled = r.state === 'consolidated' || r.state === 'locked';
    const dims = settled && result ? result.dimensions : { results: null, ability: null, attitude: null };
    return {
      id: r.id,
      period: r.period,
      state: r.state,
      groupName: r.groupName,
      dimensions: roundDimensions(dims),
      total: settled ? r.total : null,
      grade: settled ? r.grade : null,
      coefficient: settled ? r.coefficient : null,
      flags: (settled && result ? result.flags : []) as ResultFlag[],
    };
  });
  const summaries = new Map(
    (
      statement(ctx.store.sqlite, 'select year, summary_score as summaryScore from annual_summaries where person_id = ?').all(
        personId,
      ) as Array<{
        year: number;
        summaryScore: number;
      }>
    ).map((s) => [s.year, s.summaryScore]),
  );
  const years = [...new Set(entries.map((e) => Number(e.period.slice(0, 4))))].map((year) => {
    const totals = entries.filter((e) => e.period.startsWith(String(year)) && e.total !== null).map((e) => e.total!);
    const summaryScore = summaries.get(year) ?? null;
    const mean = annualScore(totals, null, 0).mean;
    return { year, cycles: totals.length, mean: mean === null ? null : Math.round(mean * 10) / 10, summaryScore };
  });
  return {
    person: {
      id: person.id,
      employeeNo: person.employeeNo,
      name: person.name,
      groupId: person.groupId,
      groupName: person.groupName,
      role: person.role,
      function: person.function,
      hireDate: person.hireDate,
      leftOn: person.leftOn,
    },
    entries,
    years,
    trainings: listTrainings(ctx, { personId }),
  };
}
