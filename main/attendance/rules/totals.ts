import type { DayResult } from './types.ts';
import { minutesOf } from './tiers.ts';

// The totals columns of the attendance sheet (考勤表) and the checks on deductions (ATT-5, LAW):
// a month's deductions beyond 20 % of the month's wage, or leaving less than the local minimum
// wage, are shown as warnings; the app never cuts them down on its own.

export interface MonthTotals {
  shifts: number;
  workedDays: number;
  lateCount: number;
  lateMinutes: number;
  earlyCount: number;
  earlyMinutes: number;
  absenceDays: number;
  /** Leave days by leave code. */
  leaveDays: Record<string, number>;
  /** Overtime minutes by multiplier ("1.5", "2", "3"). */
  overtimeMinutes: Record<string, number>;
  fineFen: number;
  /** null when absence has to be deducted but the daily wage is not known. */
  absenceDeductionFen: number | null;
  totalDeductionFen: number | null;
  /** The cap (20 % of the month's wage) and the month's wage it comes from; null without a daily wage. */
  capFen: number | null;
  monthlyWageFen: number | null;
  overCap: boolean;
  belowMinimum: boolean;
  openAnomalies: number;
}

export function monthTotals(
  days: readonly DayResult[],
  wage: { dailyWageFen: number | null; monthlyWorkDays: number; deductionCapPercent: number; minimumMonthlyWageFen: number },
): MonthTotals {
  const totals: MonthTotals = {
    shifts: 0,
    workedDays: 0,
    lateCount: 0,
    lateMinutes: 0,
    earlyCount: 0,
    earlyMinutes: 0,
    absenceDays: 0,
    leaveDays: {},
    overtimeMinutes: {},
    fineFen: 0,
    absenceDeductionFen: 0,
    totalDeductionFen: 0,
    capFen: null,
    monthlyWageFen: null,
    overCap: false,
    belowMinimum: false,
    openAnomalies: 0,
  };
  let unknownDeduction = false;
  for (const d of days) {
    if (d.scheduled) totals.shifts++;
    totals.workedDays += d.workedDays;
    if (d.lateTier === 'fine') {
      totals.lateCount++;
      totals.lateMinutes += minutesOf(d.lateSeconds);
    }
    if (d.earlyTier === 'fine') {
      totals.earlyCount++;
      totals.earlyMinutes += minutesOf(d.earlySeconds);
    }
    totals.absenceDays += d.absenceDays;
    if (d.leave && d.leave.days > 0) totals.leaveDays[d.leave.code] = (totals.leaveDays[d.leave.code] ?? 0) + d.leave.days;
    for (const o of d.overtime) {
      const key = String(o.multiplier);
      totals.overtimeMinutes[key] = (totals.overtimeMinutes[key] ?? 0) + o.minutes;
    }
    totals.fineFen += d.fineFen;
    if (d.deductionFen === null) unknownDeduction = true;
    else totals.absenceDeductionFen! += d.deductionFen;
    if (d.anomaly && !d.resolution) totals.openAnomalies++;
  }
  if (unknownDeduction) totals.absenceDeductionFen = null;
  totals.totalDeductionFen = totals.absenceDeductionFen === null ? null : totals.absenceDeductionFen + totals.fineFen;
  if (wage.dailyWageFen !== null) {
    totals.monthlyWageFen = Math.round(wage.dailyWageFen * wage.monthlyWorkDays);
    totals.capFen = Math.floor((totals.monthlyWageFen * wage.deductionCapPercent) / 100); // never above the percentage, as the fund rounds it
    const deducted = totals.totalDeductionFen ?? totals.fineFen;
    totals.overCap = deducted > totals.capFen;
    totals.belowMinimum = deducted > 0 && totals.monthlyWageFen - deducted < wage.minimumMonthlyWageFen;
  }
  return totals;
}
