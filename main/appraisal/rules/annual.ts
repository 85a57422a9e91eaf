import type { Grade } from '../vocabulary.ts';
import { gradeOf } from './grade.ts';
import { roundOnce } from './score.ts';

// APR-4: the annual result is the mean of the year's cycle totals, joined with the year-end
// summary score at its weight (a setting), graded like a month and ranked in group and department.

export interface AnnualInput {
  personId: number;
  groupId: number | null;
  totals: readonly number[];
  summaryScore: number | null;
}

export interface AnnualResult {
  personId: number;
  groupId: number | null;
  cycles: number;
  /** Mean of the cycle totals, unrounded until the end. */
  mean: number | null;
  summaryScore: number | null;
  score: number | null;
  grade: Grade | null;
  rankInGroup: number | null;
  rankInDepartment: number | null;
}

export function annualScore(totals: readonly number[], summaryScore: number | null, summaryWeightPercent: number) {
  if (totals.length === 0) return { mean: null, score: null };
  const mean = totals.reduce((s, v) => s + v, 0) / totals.length;
  // Without a summary score yet, the months stand alone.
  const score = summaryScore === null ? mean : mean * (1 - summaryWeightPercent / 100) + summaryScore * (summaryWeightPercent / 100);
  return { mean, score: roundOnce(score) };
}

/** Competition ranking: equal scores share a rank and the next rank is skipped (1, 2, 2, 4). */
function rank<T>(rows: T[], score: (row: T) => number | null): Map<T, number> {
  const scored = rows.filter((r) => score(r) !== null).sort((a, b) => score(b)! - score(a)!);
  const ranks = new Map<T, number>();
  scored.forEach((row, i) => {
    const previous = scored[i - 1];
    ranks.set(row, previous !== undefined && score(previous) === score(row) ? ranks.get(previous)! : i + 1);
  });
  return ranks;
}

export function annualResults(inputs: readonly AnnualInput[], summaryWeightPercent: number, thresholds: readonly number[]): AnnualResult[] {
  const results: AnnualResult[] = inputs.map((input) => {
    const { mean, score } = annualScore(input.totals, input.summaryScore, summaryWeightPercent);
    return {
      personId: input.personId,
      groupId: input.groupId,
      cycles: input.totals.length,
      mean,
      summaryScore: input.summaryScore,
      score,
      grade: score === null ? null : gradeOf(score, thresholds),
      rankInGroup: null,
      rankInDepartment: null,
    };
  });
  const inDepartment = rank(results, (r) => r.score);
  const byGroup = new Map<number | null, AnnualResult[]>();
  for (const r of results) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r]);
  for (const members of byGroup.values()) {
    const inGroup = rank(members, (r) => r.score);
    for (const r of members) r.rankInGroup = inGroup.get(r) ?? null;
  }
  for (const r of results) r.rankInDepartment = inDepartment.get(r) ?? null;
  return results;
}
