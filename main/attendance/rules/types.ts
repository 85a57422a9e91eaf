// The plain values the attendance rules (ATT-2…7) read and produce. Times are seconds on one
// local wall clock (seconds since 1970-01-01 00:00 local): time clocks know no time zone, and a
// department's work all happens in China time.

import type { anomalyKinds, markKeys, resolutions } from '../vocabulary.ts';

export interface Thresholds {
  /** ATT-2: late or early by at most this many minutes is the fine tier (15). */
  fineThresholdMinutes: number;
  /** ATT-3: more than the fine tier and at most this many minutes is half a day of absence (60). */
  halfDayThresholdMinutes: number;
  /** ATT-2: the fine per occurrence, in fen. */
  lateFineFen: number;
  /** ATT-5: each day of absence deducts this many times the daily wage. */
  absenceWageMultiple: number;
}

/** ATT-2…4: where a late arrival or early leave falls. */
export type Tier = 'none' | 'fine' | 'half' | 'day';

/** A rostered shift of one person, placed on the clock. */
export interface ClockShift {
  date: string;
  shiftTypeId: number;
  code: string;
  name: string;
  /** Seconds on the local clock; end may fall on the next day (a night shift). */
  start: number;
  end: number;
}

/** What a day's cell shows; several can hold at once (late and overtime). */
export type Mark = (typeof markKeys)[number];

export type AnomalyKind = (typeof anomalyKinds)[number];

/** missing-punch: corrected (a punch was added) or absence (ATT-7); unapproved-overtime: ignored or counted. */
export type ResolutionKind = (typeof resolutions)[number];

export interface Resolution {
  kind: AnomalyKind;
  resolution: ResolutionKind;
  note: string | null;
  decidedBy: string;
  decidedAt: string;
}

export interface OvertimeWorked {
  minutes: number;
  multiplier: number;
  /** An approved request (OT-1), or punches on a rest day the supervisor counted. */
  source: 'request' | 'resolution';
  /** The request's actual minutes were not recorded yet: the planned minutes stand in. */
  planned: boolean;
}

/**
 * One person's day as judged (ATT-2…7) and as a closed month stores it. Keys are short: a closed
 * month keeps one of these per person and day.
 */
export interface DayResult {
  date: string;
  /** The main mark first ('leave' cells carry the leave code in `leave`). */
  marks: Mark[];
  shift: { code: string; name: string; start: string; end: string } | null;
  /** Punches used: in and out, "YYYY-MM-DD HH:mm:ss"; extra ones the day saw besides. */
  in: string | null;
  out: string | null;
  extra: string[];
  lateSeconds: number;
  earlySeconds: number;
  lateTier: Tier;
  earlyTier: Tier;
  absenceDays: number;
  /** Shift days worked, in days (a half day of leave or absence leaves a half). */
  workedDays: number;
  fines: number;
  fineFen: number;
  /** ATT-5: absence × multiple × daily wage; null when the daily wage is not known. */
  deductionFen: number | null;
  leave: { code: string; label: string; days: number } | null;
  overtime: OvertimeWorked[];
  anomaly: { kind: AnomalyKind; missing: 'in' | 'out' | null; punches: string[] } | null;
  resolution: Resolution | null;
  /** Whether the day had a rostered shift (the ATT-6 runs count these days). */
  scheduled: boolean;
}
