// Pixel sizes of the grid: fixed, so rows and the selection box are placed by arithmetic.
export const NAME_W = 128;
export const CELL_W = 30;
export const HOURS_W = 64;
export const ROW_H = 28;
export const HEAD_H = 40;
export const FOOT_ROW_H = 22;

export const gridWidth = (days: number) => NAME_W + days * CELL_W + HOURS_W;

/** Class of a day column by the calendar: statutory holiday, swapped rest day, make-up workday, weekend. */
export function dayClass(kind: string, weekday: number): string {
  if (kind === 'holiday') return 'k-h';
  if (kind === 'rest') return 'k-r';
  if (kind === 'workday') return 'k-w';
  return weekday === 0 || weekday === 6 ? 'k-e' : '';
}
