import type { DayResult } from './types.ts';

// ATT-6: more than 3 consecutive days of absence, or more than 5 in a calendar year, are grounds
// for ending the contract. The app flags the person for HR with the evidence; it never acts.
//
// "Consecutive" follows the roster: a run is the rostered days with absence, one after another;
// the rest days between them neither break nor lengthen it, and a rostered day worked or on leave
// ends it. A run is counted in days of absence (a half day counts a half).

export interface AbsenceRun {
  dates: string[];
  days: number;
}

export function absenceRuns(days: ReadonlyArray<Pick<DayResult, 'date' | 'scheduled' | 'absenceDays'>>): AbsenceRun[] {
  const runs: AbsenceRun[] = [];
  let current: AbsenceRun | null = null;
  for (const d of days) {
    if (!d.scheduled) continue;
    if (d.absenceDays > 0) {
      if (!current) runs.push((current = { dates: [], days: 0 }));
      current.dates.push(d.date);
      current.days += d.absenceDays;
    } else {
      current = null;
    }
  }
  return runs;
}

/** The runs longer than the limit (setting attendance.maxConsecutiveAbsenceDays, default 3). */
export function consecutiveFlags(days: ReadonlyArray<Pick<DayResult, 'date' | 'scheduled' | 'absenceDays'>>, max: number): AbsenceRun[] {
  return absenceRuns(days).filter((r) => r.days > max);
}

/** The year's absence in days, and whether it passes the limit (attendance.maxYearlyAbsenceDays, default 5). */
export function yearlyFlag(
  days: ReadonlyArray<Pick<DayResult, 'date' | 'absenceDays'>>,
  max: number,
): { days: number; dates: string[]; flagged: boolean } {
  const dates = days.filter((d) => d.absenceDays > 0).map((d) => d.date);
  const total = days.reduce((s, d) => s + d.absenceDays, 0);
  return { days: total, dates, flagged: total > max };
}
