import type { DayResult } from './types.ts';

// A closed month keeps one DayResult per person and day (attendance_days.detail). Most days are
// ordinary, so only the fields that differ from an empty day are stored.

/** A day with nothing in it; arrays must be copied before use. */
export const emptyDay: Omit<DayResult, 'date' | 'marks'> = {
  shift: null,
  in: null,
  out: null,
  extra: [],
  lateSeconds: 0,
  earlySeconds: 0,
  lateTier: 'none',
  earlyTier: 'none',
  absenceDays: 0,
  workedDays: 0,
  fines: 0,
  fineFen: 0,
  deductionFen: 0,
  leave: null,
  overtime: [],
  anomaly: null,
  resolution: null,
  scheduled: false,
};

export function packDay(day: DayResult): string {
  const packed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(day)) {
    const base = (emptyDay as Record<string, unknown>)[key];
    if (key === 'date' || key === 'marks' || (Array.isArray(value) ? value.length > 0 : value !== base)) packed[key] = value;
  }
  return JSON.stringify(packed);
}

export function unpackDay(json: string): DayResult {
  return { ...emptyDay, extra: [], overtime: [], ...(JSON.parse(json) as Partial<DayResult>) } as DayResult;
}
