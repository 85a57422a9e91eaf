import { dayNumber, dateOfDayNumber } from '../../roster/rules/time.ts';

// Local wall-clock times as seconds since 1970-01-01 00:00 on the same clock, and back.

const DAY = 86_400;

// Dates by day number, kept once made: a month's thousands of punches fall on a few dozen days.
const dateCache = new Map<number, string>();
function dateOf(day: number): string {
  let date = dateCache.get(day);
  if (date === undefined) {
    if (dateCache.size > 100_000) dateCache.clear();
    dateCache.set(day, (date = dateOfDayNumber(day)));
  }
  return date;
}

/** "2026-03-02 08:57:12" (seconds optional) → seconds; NaN when it is not that shape. */
export function clockSeconds(at: string): number {
  const h = Number(at.slice(11, 13));
  const m = Number(at.slice(14, 16));
  const s = at.length >= 19 ? Number(at.slice(17, 19)) : 0;
  return dayNumber(at.slice(0, 10)) * DAY + h * 3600 + m * 60 + s;
}

export function dateSeconds(date: string, minuteOfDay = 0): number {
  return dayNumber(date) * DAY + minuteOfDay * 60;
}

export function clockText(seconds: number): string {
  const day = Math.floor(seconds / DAY);
  const rest = seconds - day * DAY;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dateOf(day)} ${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}`;
}

/** The local date a clock time falls on. */
export function dateOfSeconds(seconds: number): string {
  return dateOf(Math.floor(seconds / DAY));
}
