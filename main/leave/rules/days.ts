import { dayNumber, dateOfDayNumber, weekdayOfDayNumber } from '../../roster/rules/time.ts';

// Which days of a leave request count against the balance. LAW: statutory holidays and rest days
// inside a leave are not counted (annual leave regulations, art. 3), except for the kinds of
// leave reckoned in calendar days (maternity, paternity). For a service team on a roster, a
// person's rest day is the day their roster gives them off; where the roster has no cell yet,
// the official calendar decides (a make-up workday counts, a swapped rest day does not).

export type CalendarKind = 'holiday' | 'rest' | 'workday' | 'ordinary';
/** What the roster holds for the person on the date: a shift, a deliberate rest day, or nothing yet. */
export type RosterCell = 'shift' | 'rest' | null;

export interface LeaveDayInput {
  startDate: string;
  startPart: 'full' | 'pm';
  endDate: string;
  endPart: 'full' | 'am';
  countsCalendarDays: boolean;
  calendar: (date: string) => CalendarKind;
  roster: (date: string) => RosterCell;
}

export type DayReason = 'calendarDays' | 'shift' | 'rosterRest' | 'holiday' | 'workday' | 'weekend' | 'restDay';

export interface LeaveDay {
  date: string;
  /** 1 for a whole day, 0.5 for the half day at either end. */
  weight: number;
  counted: boolean;
  reason: DayReason;
}

/** The half-day parts that make no sense: starting at midday and ending at midday on the same date. */
export function partsProblem(
  input: Pick<LeaveDayInput, 'startDate' | 'startPart' | 'endDate' | 'endPart'>,
): 'order' | 'sameDayHalves' | null {
  if (input.endDate < input.startDate) return 'order';
  if (input.startDate === input.endDate && input.startPart === 'pm' && input.endPart === 'am') return 'sameDayHalves';
  return null;
}

export function leaveDays(input: LeaveDayInput): LeaveDay[] {
  const days: LeaveDay[] = [];
  const last = dayNumber(input.endDate);
  for (let n = dayNumber(input.startDate); n <= last; n++) {
    const date = dateOfDayNumber(n);
    let weight = 1;
    if (date === input.startDate && input.startPart === 'pm') weight -= 0.5;
    if (date === input.endDate && input.endPart === 'am') weight -= 0.5;
    days.push({ date, weight, ...countOf(input, date, n) });
  }
  return days;
}

function countOf(input: LeaveDayInput, date: string, n: number): { counted: boolean; reason: DayReason } {
  if (input.countsCalendarDays) return { counted: true, reason: 'calendarDays' };
  const kind = input.calendar(date);
  if (kind === 'holiday') return { counted: false, reason: 'holiday' };
  const cell = input.roster(date);
  if (cell === 'shift') return { counted: true, reason: 'shift' };
  if (cell === 'rest') return { counted: false, reason: 'rosterRest' };
  if (kind === 'workday') return { counted: true, reason: 'workday' };
  if (kind === 'rest') return { counted: false, reason: 'restDay' };
  const weekday = weekdayOfDayNumber(n);
  return weekday === 0 || weekday === 6 ? { counted: false, reason: 'weekend' } : { counted: true, reason: 'workday' };
}

/** The days a request takes from the balance. */
export function countedDays(days: readonly LeaveDay[]): number {
  return days.reduce((sum, d) => sum + (d.counted ? d.weight : 0), 0);
}

/**
 * Which dates of an approved request the days it took from the balance fall on, as the
 * attendance sheet shows them. A request's days are fixed when it is made (from the roster and
 * the calendar of that moment); afterwards the group leader usually takes the shifts off those
 * days (LEV-5), so the sheet cannot recount them from the roster. The days go first to dates
 * that still hold a shift, then to calendar workdays, then to the other days that are not
 * statutory holidays, in date order; a half day at either end stays a half day.
 */
export function allocateLeaveDays(
  total: number,
  dates: ReadonlyArray<{ date: string; weight: number; cell: RosterCell; kind: CalendarKind; weekday: number }>,
): Map<string, number> {
  const rank = (d: (typeof dates)[number]) => {
    if (d.kind === 'holiday') return 3;
    if (d.cell === 'shift') return 0;
    const workday = d.kind === 'workday' || (d.kind === 'ordinary' && d.weekday !== 0 && d.weekday !== 6);
    return workday ? 1 : 2;
  };
  const order = dates.map((d, i) => ({ d, i, r: rank(d) })).filter((x) => x.r < 3);
  order.sort((a, b) => a.r - b.r || a.i - b.i);
  const allocated = new Map<string, number>();
  let left = total;
  for (const { d } of order) {
    if (left <= 0) break;
    const take = Math.min(d.weight, left);
    allocated.set(d.date, take);
    left -= take;
  }
  return allocated;
}
