import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import type { Grade } from '../appraisal/vocabulary.ts';
import type { AppraisalFact } from './rules/promotion.ts';

// Appraisal results as promotion eligibility (PRO-5) and a person's record read them: settled
// results only (consolidated or locked), straight from the appraisal tables, in bulk so the check
// of a whole department stays fast.

export interface AppraisalResult extends AppraisalFact {
  id: number;
  total: number | null;
  state: string;
}

// Cycles first (a handful), then their appraisals by the cycle index: never a scan of every appraisal.
const select = `select a.id, a.person_id as personId, c.period, c.ends_on as endsOn, a.grade, a.total, a.state
  from appraisal_cycles c cross join appraisals a on a.cycle_id = c.id
  where a.state in ('consolidated', 'locked') and a.grade is not null`;

/** Settled results whose cycle ended between two dates, by person. */
export function settledResults(ctx: Ctx, from: string, to: string): Map<number, AppraisalResult[]> {
  const rows = statement(ctx.store.sqlite, `${select} and c.ends_on between ? and ? order by c.ends_on`).all(from, to) as Array<
    AppraisalResult & { personId: number }
  >;
  const out = new Map<number, AppraisalResult[]>();
  for (const { personId, ...r } of rows) {
    const list = out.get(personId);
    if (list) list.push(r);
    else out.set(personId, [r]);
  }
  return out;
}

/** One person's settled results of the cycles that ended between two dates (one index lookup per cycle). */
export function resultsOf(ctx: Ctx, personId: number, from: string, to: string): AppraisalResult[] {
  return statement(
    ctx.store.sqlite,
    `select a.id, c.period, c.ends_on as endsOn, a.grade, a.total, a.state
         from appraisal_cycles c cross join appraisals a on a.cycle_id = c.id and a.person_id = ?
        where c.ends_on between ? and ? and a.state in ('consolidated', 'locked') and a.grade is not null order by c.ends_on`,
  ).all(personId, from, to) as AppraisalResult[];
}

/** One person's settled results, oldest first. */
export function personResults(ctx: Ctx, personId: number): AppraisalResult[] {
  const byPerson = `select a.id, a.person_id as personId, c.period, c.ends_on as endsOn, a.grade, a.total, a.state
    from appraisals a join appraisal_cycles c on c.id = a.cycle_id
    where a.person_id = ? and a.state in ('consolidated', 'locked') and a.grade is not null order by c.ends_on`;
  return (statement(ctx.store.sqlite, byPerson).all(personId) as Array<AppraisalResult & { personId: number }>).map(
    ({ personId: _p, ...r }) => ({ ...r, grade: r.grade as Grade }),
  );
}
