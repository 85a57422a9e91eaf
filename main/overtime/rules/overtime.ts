// OT-1, OT-2 and the LAW notes on overtime, as pure functions of plain values.

export type DayKind = 'workday' | 'rest' | 'holiday';
export type Compensation = 'pay' | 'lieu';

/**
 * The kind of a date for overtime: a statutory holiday (法定节假日, 300 %) is the only day that
 * earns the holiday multiplier; a swapped rest day of a holiday break, or a weekend that is not a
 * make-up workday, is a rest day (200 % or time off); every other day is a workday (150 %).
 */
export function dayKindOf(calendarKind: 'holiday' | 'rest' | 'workday' | 'ordinary', weekday: number): DayKind {
  if (calendarKind === 'holiday') return 'holiday';
  if (calendarKind === 'rest') return 'rest';
  if (calendarKind === 'workday') return 'workday';
  return weekday === 0 || weekday === 6 ? 'rest' : 'workday';
}

export interface Multipliers {
  workday: number;
  rest: number;
  holiday: number;
}

export function multiplierOf(kind: DayKind, multipliers: Multipliers): number {
  return multipliers[kind];
}

/** OT-2: time off in lieu replaces pay only for rest-day overtime; a holiday is always paid at 300 %. */
export function lieuAllowed(kind: DayKind): boolean {
  return kind === 'rest';
}

export interface CapWarning {
  /** daily (3 h a day), monthly (36 h a month), late (applied for after it started: OT-1) */
  kind: 'daily' | 'monthly' | 'late';
  /** Hours including this request, and the cap. */
  hours: number;
  cap: number;
}

/**
 * The legal caps (LAW): at most 3 hours of overtime a day and 36 a month. The daily cap limits
 * how far a working day is extended, so it is checked for workday overtime; every kind counts
 * towards the month. Crossing a cap is shown and must be acknowledged, never silently refused.
 */
export function capWarnings(input: {
  kind: DayKind;
  plannedMinutes: number;
  /** Other approved or pending overtime of the person that day and that month, in minutes. */
  sameDayMinutes: number;
  sameMonthMinutes: number;
  dailyCapHours: number;
  monthlyCapHours: number;
  /** Minutes from the overtime's start to the moment of the request (positive: it already started). */
  startedMinutesAgo: number;
}): CapWarning[] {
  const warnings: CapWarning[] = [];
  const hours = (m: number) => Math.round((m / 60) * 100) / 100;
  const day = input.sameDayMinutes + input.plannedMinutes;
  if (input.kind === 'workday' && day > input.dailyCapHours * 60)
    warnings.push({ kind: 'daily', hours: hours(day), cap: input.dailyCapHours });
  const month = input.sameMonthMinutes + input.plannedMinutes;
  if (month > input.monthlyCapHours * 60) warnings.push({ kind: 'monthly', hours: hours(month), cap: input.monthlyCapHours });
  if (input.startedMinutesAgo > 0) warnings.push({ kind: 'late', hours: hours(input.plannedMinutes), cap: 0 });
  return warnings;
}
