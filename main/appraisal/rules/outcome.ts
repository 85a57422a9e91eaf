import type { Grade, ResultFlag } from '../vocabulary.ts';
import type { AppraisalOutcome, ScoreInput } from './types.ts';
import { scoreAppraisal } from './score.ts';
import { coefficientOf, gradeOf } from './grade.ts';

// APR-7, APR-8, APR-9: the score with its grade, bonus coefficient and flags.

export interface OutcomeInput extends ScoreInput {
  thresholds: readonly number[];
  coefficients: readonly number[];
  /** The grade of the person's previous cycle (the month before, across year ends), if graded. */
  previousGrade: Grade | null;
  joinedMidCycle: boolean;
  leftMidCycle: boolean;
  /** A failed training assessment in the cycle that no retake has passed yet. */
  trainingRetakePending: boolean;
}

/** APR-8: two consecutive 不合格 cycles (2025-12 and 2026-01 are consecutive). */
export function unqualifiedTwice(grade: Grade | null, previousGrade: Grade | null): boolean {
  return grade === 'unqualified' && previousGrade === 'unqualified';
}

export function appraisalOutcome(input: OutcomeInput): AppraisalOutcome {
  const score = scoreAppraisal(input);
  const grade = score.total === null ? null : gradeOf(score.total, input.thresholds);
  const flags: ResultFlag[] = [];
  if (input.joinedMidCycle) flags.push('joined-mid-cycle');
  if (input.leftMidCycle) flags.push('left-mid-cycle');
  if (grade === 'unqualified') flags.push('unqualified');
  if (unqualifiedTwice(grade, input.previousGrade)) flags.push('unqualified-twice');
  if (input.trainingRetakePending) flags.push('training-retake');
  return {
    ...score,
    grade,
    coefficient: grade === null ? null : coefficientOf(grade, input.coefficients),
    flags,
    employedShare: input.employedShare,
  };
}

/**
 * APR-9: failed assessments no retake has passed. A retake points at the attempt it repeats; a
 * failure is settled once any attempt down its chain passed.
 */
export function pendingRetakes<T extends { id: number; passed: boolean; retakeOf: number | null }>(all: readonly T[]): T[] {
  const retakes = new Map<number, T[]>();
  for (const a of all) if (a.retakeOf !== null) retakes.set(a.retakeOf, [...(retakes.get(a.retakeOf) ?? []), a]);
  const settled = (a: T, seen: Set<number>): boolean => {
    if (a.passed) return true;
    if (seen.has(a.id)) return false;
    seen.add(a.id);
    return (retakes.get(a.id) ?? []).some((r) => settled(r, seen));
  };
  return all.filter((a) => !a.passed && !settled(a, new Set()));
}
