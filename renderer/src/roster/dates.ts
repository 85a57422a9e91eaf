import { dateOfDayNumber, dayNumber } from '../../../main/roster/rules/time.ts';

// Month and hour helpers of the roster screens. Day arithmetic on "YYYY-MM-DD" strings (UTC) and
// clock times come from the shared rules (main/roster/rules/time.ts), which the renderer may import.

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n++) out.push(dateOfDayNumber(n));
  return out;
}

/** This month ("YYYY-MM") in local time. */
export function currentMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** A "YYYY-MM" month from the address, or this month when it is missing or malformed. */
export function monthParam(value: string | null | undefined): string {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : currentMonth();
}

/** Hours with at most one decimal, as a person reads them (7.5, 8, 176). */
export function formatHours(minutes: number): string {
  return String(Math.round(minutes / 6) / 10);
}
