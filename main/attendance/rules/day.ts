import type { ClockShift, DayResult, Mark, OvertimeWorked, Resolution, Thresholds, AnomalyKind } from './types.ts';
import { matchPunches, WINDOW_SECONDS, type Matched } from './match.ts';
import { tierOf, absenceOfTiers, finesOfTiers } from './tiers.ts';
import { clockText, dateOfSeconds } from './clock.ts';
import { emptyDay } from './storage.ts';

// ATT-2…7: one person's days judged against the published roster (ROS-7), their punches, leave
// and overtime. A missing punch is an anomaly for the supervisor (ATT-7), never silently turned
// into presence or absence; punches on a rest day without approved overtime are flagged (OT-1).

export interface DayLeave {
  code: string;
  label: string;
  /** 1 for a whole day; 0.5 for the morning ('am') or the afternoon ('pm') off. */
  weight: number;
  part: 'full' | 'am' | 'pm';
  /** The days of the request's balance that fall on this date (0 on a holiday or rest day inside it). */
  counted: number;
}

export interface PersonPeriod {
  /** The days to judge, in order. */
  dates: readonly string[];
  /** Rostered shifts from the day before the first date to the day after the last, sorted by start. */
  shifts: readonly ClockShift[];
  /** Punches (clock seconds, sorted) from the day before the first date to the day after the last. */
  punches: readonly number[];
  /** Whether the day belongs to this person in this sheet: employed, and in the scope's group. */
  inScope: (date: string) => boolean;
  /** Whether the roster of the person's group is published for that day (ROS-7). */
  published: (date: string) => boolean;
  leave: (date: string) => DayLeave | null;
  overtime: (date: string) => OvertimeWorked[];
  resolution: (date: string, kind: AnomalyKind) => Resolution | null;
  /**
   * Whether any punch of the department was recorded that day (or, for a shift past midnight, the
   * morning after): a day nobody clocked is a clock file not imported yet, not a department absent
   * as one.
   */
  hasClockData: (date: string, alsoNextDay: boolean) => boolean;
  /** The overtime multiplier of the date's kind, for rest-day punches the supervisor counts. */
  punchedOvertimeMultiplier: (date: string) => number;
  dailyWageFen: number | null;
  thresholds: Thresholds;
  /** The clock now: a shift is judged once four hours have passed after its end. */
  now: number;
}

function blank(date: string, marks: Mark[], scheduled = false): DayResult {
  return { ...emptyDay, extra: [], overtime: [], date, marks, scheduled };
}

const minute = (seconds: number) => clockText(seconds).slice(0, 16);

export function evaluatePerson(input: PersonPeriod): DayResult[] {
  const { matched, unclaimed } = matchPunches(input.shifts, input.punches);
  const shiftOn = new Map<string, { shift: ClockShift; match: Matched }>();
  input.shifts.forEach((shift, i) => shiftOn.set(shift.date, { shift, match: matched[i]! }));
  const strayOn = new Map<string, number[]>();
  for (const s of unclaimed) {
    const date = dateOfSeconds(s);
    if (!strayOn.has(date)) strayOn.set(date, []);
    strayOn.get(date)!.push(s);
  }
  const { thresholds, dailyWageFen } = input;
  const deduction = (days: number) =>
    days === 0 ? 0 : dailyWageFen === null ? null : Math.round(days * thresholds.absenceWageMultiple * dailyWageFen);

  return input.dates.map((date) => {
    if (!input.inScope(date)) return blank(date, ['none']);
    if (!input.published(date)) return blank(date, ['unpublished']);
    const leave = input.leave(date);
    const overtime = input.overtime(date);
    const stray = strayOn.get(date) ?? [];
    const on = shiftOn.get(date);
    const result = on ? judgeShift(date, on.shift, on.match, leave, input, deduction) : judgeRestDay(date, leave, stray, overtime, input);
    if (on) result.extra.push(...stray.map(clockText));
    if (overtime.length > 0 && !result.overtime.some((o) => o.source === 'request')) {
      result.overtime.push(...overtime);
      if (!result.marks.includes('overtime')) result.marks.push('overtime');
    }
    return result;
  });
}

function judgeShift(
  date: string,
  shift: ClockShift,
  match: Matched,
  leave: DayLeave | null,
  input: PersonPeriod,
  deduction: (days: number) => number | null,
): DayResult {
  const result = blank(date, [], true);
  result.shift = { code: shift.code, name: shift.name, start: minute(shift.start), end: minute(shift.end) };
  result.in = match.in === null ? null : clockText(match.in);
  result.out = match.out === null ? null : clockText(match.out);
  result.extra = match.extra.map(clockText);
  const leaveWeight = leave ? leave.weight : 0;
  if (leave) result.leave = { code: leave.code, label: leave.label, days: leave.counted };
  if (leaveWeight >= 1) {
    result.marks = ['leave'];
    return result;
  }
  if (shift.end + WINDOW_SECONDS > input.now) {
    result.marks = leave ? ['leave', 'pending'] : ['pending'];
    return result;
  }
  // A half day of leave moves the time the person is expected: in at midday, or out at midday.
  const middle = Math.round((shift.start + shift.end) / 2);
  const expectedIn = leave?.part === 'am' ? middle : shift.start;
  const expectedOut = leave?.part === 'pm' ? middle : shift.end;
  const work = 1 - leaveWeight;
  const withLeave = (marks: Mark[]): Mark[] => (leave ? [...marks, 'leave'] : marks);

  if (match.in === null && match.out === null && !input.hasClockData(date, dateOfSeconds(shift.end) !== date)) {
    result.marks = leave ? ['leave', 'nodata'] : ['nodata'];
    return result;
  }
  if (match.in === null && match.out === null) {
    // ATT-7: a rostered day without any punch and without approved leave is absence.
    result.absenceDays = work;
    result.deductionFen = deduction(work);
    result.marks = withLeave([work === 1 ? 'absent' : 'absentHalf']);
    return result;
  }
  if (match.in === null || match.out === null) {
    const resolution = input.resolution(date, 'missing-punch');
    if (resolution?.resolution === 'absence') {
      result.resolution = resolution;
      result.absenceDays = work;
      result.deductionFen = deduction(work);
      result.marks = withLeave([work === 1 ? 'absent' : 'absentHalf']);
      return result;
    }
    // ATT-7: shown to the supervisor to resolve; neither presence nor absence until then.
    result.anomaly = {
      kind: 'missing-punch',
      missing: match.in === null ? 'in' : 'out',
      punches: [result.in ?? result.out!],
    };
    result.marks = withLeave(['missing']);
    return result;
  }
  result.resolution = input.resolution(date, 'missing-punch');
  result.lateSeconds = Math.max(0, match.in - expectedIn);
  result.earlySeconds = Math.max(0, expectedOut - match.out);
  result.lateTier = tierOf(result.lateSeconds, input.thresholds);
  result.earlyTier = tierOf(result.earlySeconds, input.thresholds);
  result.absenceDays = Math.min(work, absenceOfTiers(result.lateTier, result.earlyTier));
  result.fines = finesOfTiers(result.lateTier, result.earlyTier);
  result.fineFen = result.fines * input.thresholds.lateFineFen;
  result.deductionFen = deduction(result.absenceDays);
  result.workedDays = work - result.absenceDays;
  const marks: Mark[] = [];
  if (result.absenceDays > 0) marks.push(result.absenceDays >= 1 ? 'absent' : 'absentHalf');
  if (result.lateTier === 'fine') marks.push('late');
  if (result.earlyTier === 'fine') marks.push('early');
  if (marks.length === 0) marks.push('present');
  result.marks = withLeave(marks);
  return result;
}

function judgeRestDay(date: string, leave: DayLeave | null, stray: number[], overtime: OvertimeWorked[], input: PersonPeriod): DayResult {
  const result = blank(date, []);
  if (leave && leave.counted > 0) result.leave = { code: leave.code, label: leave.label, days: leave.counted };
  if (stray.length > 0) {
    result.in = clockText(stray[0]!);
    result.out = stray.length > 1 ? clockText(stray[stray.length - 1]!) : null;
    result.extra = stray.slice(1, -1).map(clockText);
    if (overtime.length === 0) {
      // OT-1: worked on a rest day without approved overtime: the supervisor decides.
      const resolution = input.resolution(date, 'unapproved-overtime');
      result.resolution = resolution;
      if (resolution?.resolution === 'counted' && stray.length > 1) {
        const minutes = Math.floor((stray[stray.length - 1]! - stray[0]!) / 60);
        result.overtime.push({ minutes, multiplier: input.punchedOvertimeMultiplier(date), source: 'resolution', planned: false });
        result.marks = ['overtime'];
        return result;
      }
      if (!resolution) {
        result.anomaly = { kind: 'unapproved-overtime', missing: null, punches: stray.map(clockText) };
        result.marks = ['rest', 'unapproved'];
        return result;
      }
    }
  }
  result.marks = [result.leave ? 'leave' : 'rest'];
  return result;
}
