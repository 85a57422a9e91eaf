import type { Thresholds, Tier } from './types.ts';

// ATT-2, ATT-3, ATT-4: late arrival or early leave, in seconds, against the thresholds (settings).
// Exactly 15:00 late is still the fine tier; 15:01 is half a day of absence; exactly 60:00 is
// still half a day; 60:01 is a whole day.

export function tierOf(seconds: number, thresholds: Pick<Thresholds, 'fineThresholdMinutes' | 'halfDayThresholdMinutes'>): Tier {
  if (seconds <= 0) return 'none';
  if (seconds <= thresholds.fineThresholdMinutes * 60) return 'fine';
  if (seconds <= thresholds.halfDayThresholdMinutes * 60) return 'half';
  return 'day';
}

/** Days of absence from the two tiers of a day: half a day each for ATT-3, a day for ATT-4, at most one day. */
export function absenceOfTiers(late: Tier, early: Tier): number {
  const days = (tier: Tier) => (tier === 'day' ? 1 : tier === 'half' ? 0.5 : 0);
  return Math.min(1, days(late) + days(early));
}

/** ATT-2: one fine per late arrival or early leave within the fine tier. */
export function finesOfTiers(late: Tier, early: Tier): number {
  return (late === 'fine' ? 1 : 0) + (early === 'fine' ? 1 : 0);
}

/** Whole minutes, rounded up as people read a clock: 30 seconds late is a minute late. */
export function minutesOf(seconds: number): number {
  return Math.ceil(seconds / 60);
}
