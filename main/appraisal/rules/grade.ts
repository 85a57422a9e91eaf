import type { Grade } from '../vocabulary.ts';

// APR-7: grade from the total, bonus coefficient from the grade, and the share of 优秀.

/** thresholds: the lowest total of 优秀, 良好, 合格 (defaults 90, 80, 60); below the last is 不合格. */
export function gradeOf(total: number, thresholds: readonly number[]): Grade {
  const [excellent = 90, good = 80, qualified = 60] = thresholds;
  if (total >= excellent) return 'excellent';
  if (total >= good) return 'good';
  if (total >= qualified) return 'qualified';
  return 'unqualified';
}

const gradeIndex: Record<Grade, number> = { excellent: 0, good: 1, qualified: 2, unqualified: 3 };

/** coefficients: for 优秀, 良好, 合格, 不合格 (defaults 1.2, 1.0, 0.8, 0). */
export function coefficientOf(grade: Grade, coefficients: readonly number[]): number {
  return coefficients[gradeIndex[grade]] ?? 0;
}

export interface ExcellentShare {
  excellent: number;
  graded: number;
  /** Percent of the graded people, one decimal. */
  share: number;
  capPercent: number;
  exceeded: boolean;
}

/**
 * The optional check that 优秀 stays within a share of the graded people (cap 0: no check). It is
 * shown and must be acknowledged at locking; it never changes anyone's grade.
 */
export function excellentShare(gradesGiven: ReadonlyArray<Grade | null>, capPercent: number): ExcellentShare {
  const graded = gradesGiven.filter((g) => g !== null).length;
  const excellent = gradesGiven.filter((g) => g === 'excellent').length;
  const share = graded === 0 ? 0 : (excellent / graded) * 100;
  return {
    excellent,
    graded,
    share: Math.round(share * 10) / 10,
    capPercent,
    exceeded: capPercent > 0 && share > capPercent + 1e-9,
  };
}
