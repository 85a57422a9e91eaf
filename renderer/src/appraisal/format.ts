import type { AppraisalState, Grade } from '../../../main/appraisal/vocabulary.ts';

// Numbers and colours shared by the appraisal screens.

export function score(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

/** A light pill per grade (plain spans: hundreds of rows stay cheap). */
export const gradePill: Record<Grade, string> = {
  excellent: 'pill apr-excellent',
  good: 'pill pill-blue',
  qualified: 'pill pill-grey',
  unqualified: 'pill apr-unqualified',
};

export const gradeColor: Record<Grade, string> = {
  excellent: '#389e0d',
  good: '#1f6feb',
  qualified: '#8c8c8c',
  unqualified: '#cf1322',
};

export const statePill: Record<AppraisalState, string> = {
  draft: 'pill pill-grey',
  'self-assessed': 'pill pill-purple',
  scored: 'pill pill-blue',
  consolidated: 'pill apr-consolidated',
  locked: 'pill pill-green',
};

/** Score bands of the distribution chart, lowest first (the grade lines at their defaults). */
export const bands = [
  { key: 'lt60', min: -Infinity, max: 60, label: '<60' },
  { key: '60', min: 60, max: 70, label: '60–69' },
  { key: '70', min: 70, max: 80, label: '70–79' },
  { key: '80', min: 80, max: 90, label: '80–89' },
  { key: '90', min: 90, max: Infinity, label: '≥90' },
] as const;
