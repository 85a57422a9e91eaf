import { daysInMonth } from './dates.ts';

// Month arithmetic on "YYYY-MM" and "YYYY-MM-DD" text.

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both included, in order. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = shiftMonth(m, 1)) months.push(m);
  return months;
}

/** The same day n months later (earlier for negative n), kept inside the month: 05-31 − 3 → 02-28. */
export function addMonths(date: string, n: number): string {
  const month = shiftMonth(date.slice(0, 7), n);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${month}-${String(day).padStart(2, '0')}`;
}
