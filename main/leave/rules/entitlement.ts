import { daysBetween, isLeapYear } from '../../time/dates.ts';
import type { Province } from './provinces.ts';
import { provinceLeave } from './provinces.ts';

// LEV-3 and LEV-4: how many days of a kind of leave a person is entitled to. Pure functions of
// dates and settings, so the balance screen, the request check and the tests agree.

/** Whole years from one date to another (2016-06-01 → 2026-05-31 is 9, → 2026-06-01 is 10). */
export function fullYears(from: string, to: string): number {
  if (to < from) return 0;
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years--;
  return Math.max(0, years);
}

/** The date a number of years after another; 02-29 falls back to 02-28 in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  return `${y}-${md === '02-29' && !isLeapYear(y) ? '02-28' : md}`;
}

/**
 * LEV-3 bands by cumulative years of work (any employer): under 1 year 0 days, 1–10 years the
 * first band (5), 10–20 years the second (10), 20 years or more the third (15).
 */
export function annualBand(years: number, bands: readonly number[]): number {
  if (years >= 20) return bands[2] ?? 0;
  if (years >= 10) return bands[1] ?? 0;
  if (years >= 1) return bands[0] ?? 0;
  return 0;
}

export interface AnnualEntitlement {
  days: number;
  /** The band before pro-rating. */
  band: number;
  /** Cumulative years of work on the day the year's entitlement starts. */
  years: number;
  /** The first day of the year that counts: 1 January, the hire date, or the day a year of work is reached. */
  from: string | null;
  /** Calendar days from `from` to 31 December, when pro-rated. */
  daysLeft: number | null;
  reason: 'full' | 'proRated' | 'underOneYear' | 'notEmployed';
}

/**
 * LEV-3: a year's annual leave. The band is read from the years of work on the first day that
 * counts; a person hired during the year, or reaching one year of work during it, gets
 * ⌊(calendar days left in the year ÷ 365) × band⌋ (the national implementing rules, art. 5), never
 * more than the band (a leap year's 366 days left still give the band).
 */
export function annualEntitlement(input: {
  year: number;
  hireDate: string;
  firstEmploymentDate: string;
  leftOn: string | null;
  bands: readonly number[];
}): AnnualEntitlement {
  const yearStart = `${input.year}-01-01`;
  const yearEnd = `${input.year}-12-31`;
  if (input.hireDate > yearEnd || (input.leftOn !== null && input.leftOn < yearStart)) {
    return { days: 0, band: 0, years: 0, from: null, daysLeft: null, reason: 'notEmployed' };
  }
  const oneYear = addYears(input.firstEmploymentDate, 1);
  const from = [yearStart, input.hireDate, oneYear].reduce((a, b) => (a > b ? a : b));
  if (from > yearEnd) {
    return { days: 0, band: 0, years: fullYears(input.firstEmploymentDate, yearEnd), from: null, daysLeft: null, reason: 'underOneYear' };
  }
  const years = fullYears(input.firstEmploymentDate, from);
  const band = annualBand(years, input.bands);
  if (from === yearStart) return { days: band, band, years, from, daysLeft: null, reason: 'full' };
  const daysLeft = inclusiveDays(from, yearEnd);
  return { days: Math.min(band, Math.floor((daysLeft / 365) * band)), band, years, from, daysLeft, reason: 'proRated' };
}

export interface MaternityOptions {
  difficultBirth: boolean;
  /** Babies beyond the first in this birth (twins: 1). */
  extraBabies: number;
  /** A second or later child (some provinces extend differently). */
  laterChild: boolean;
}

/**
 * LEV-4: maternity leave in calendar days: the national 98 (+15 for a difficult birth, +15 per
 * extra baby; settings) plus the province's extension.
 */
export function maternityDays(
  settings: { baseDays: number; difficultExtraDays: number; extraBabyDays: number; province: Province },
  options: MaternityOptions,
): { days: number; parts: Array<{ key: 'base' | 'difficult' | 'babies' | 'province'; days: number }> } {
  const province = provinceLeave[settings.province];
  const parts: Array<{ key: 'base' | 'difficult' | 'babies' | 'province'; days: number }> = [{ key: 'base', days: settings.baseDays }];
  if (options.difficultBirth) parts.push({ key: 'difficult', days: settings.difficultExtraDays });
  if (options.extraBabies > 0) parts.push({ key: 'babies', days: settings.extraBabyDays * options.extraBabies });
  const extension = options.laterChild ? province.maternityExtraDays.later : province.maternityExtraDays.first;
  if (extension > 0) parts.push({ key: 'province', days: extension });
  return { days: parts.reduce((s, p) => s + p.days, 0), parts };
}

/** LEV-4: paternity leave (陪产假) in calendar days by province; the national rules set none. */
export function paternityDays(province: Province): number {
  return provinceLeave[province].paternityDays;
}

/** Days between two dates counted inclusively (used for leave over calendar days). */
export function inclusiveDays(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}
