import { daysBetween, daysInMonth } from '../../time/dates.ts';
import type { CycleKind } from '../vocabulary.ts';

// APR-4: cycles are months (2026-03) or quarters (2026-Q1). Pure calendar arithmetic on text.

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
export const quarterPattern = /^\d{4}-Q[1-4]$/;

export function periodKind(period: string): CycleKind | null {
  if (monthPattern.test(period)) return 'monthly';
  if (quarterPattern.test(period)) return 'quarterly';
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a period (inclusive). */
export function periodBounds(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  if (periodKind(period) === 'quarterly') {
    const q = Number(period.slice(6));
    const first = (q - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(daysInMonth(year, first + 2))}` };
  }
  const month = Number(period.slice(5, 7));
  return { from: `${period}-01`, to: `${period}-${pad(daysInMonth(year, month))}` };
}

/** The cycle before (2026-01 → 2025-12, 2026-Q1 → 2025-Q4): "consecutive" crosses year ends. */
export function previousPeriod(period: string): string {
  return shiftPeriod(period, -1);
}

export function nextPeriod(period: string): string {
  return shiftPeriod(period, 1);
}

export function shiftPeriod(period: string, by: number): string {
  const year = Number(period.slice(0, 4));
  if (periodKind(period) === 'quarterly') {
    const index = year * 4 + Number(period.slice(6)) - 1 + by;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const index = year * 12 + Number(period.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The period of a kind that holds a date. */
export function periodOf(date: string, kind: CycleKind): string {
  const month = Number(date.slice(5, 7));
  return kind === 'quarterly' ? `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}` : date.slice(0, 7);
}

/**
 * The share of a period a person was employed (hire date to leaving date, inclusive), in (0, 1];
 * 0 when not employed at all. Volume targets are pro-rated by it for someone who joined mid-month.
 */
export function employedShare(bounds: { from: string; to: string }, hireDate: string, leftOn: string | null): number {
  const from = hireDate > bounds.from ? hireDate : bounds.from;
  const to = leftOn !== null && leftOn < bounds.to ? leftOn : bounds.to;
  if (from > to) return 0;
  return (daysBetween(from, to) + 1) / (daysBetween(bounds.from, bounds.to) + 1);
}
