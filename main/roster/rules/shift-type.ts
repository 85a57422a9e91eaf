import { shiftLength } from './time.ts';

// ROS-3: what makes a shift type consistent; the form shows these before the server refuses.

export interface ShiftTypeTimes {
  startMinute: number;
  endMinute: number;
  paidMinutes: number;
  breakMinutes: number;
}

export interface ShiftTypeProblem {
  path: 'endMinute' | 'breakMinutes' | 'paidMinutes';
  /** An i18n key under roster.shifts, with its parameters. */
  key: string;
  params?: Record<string, number>;
}

export function shiftTypeProblems(s: ShiftTypeTimes): ShiftTypeProblem[] {
  if (s.startMinute === s.endMinute) return [{ path: 'endMinute', key: 'roster.shifts.sameStartEnd' }];
  const length = shiftLength(s.startMinute, s.endMinute);
  const problems: ShiftTypeProblem[] = [];
  if (s.breakMinutes >= length) problems.push({ path: 'breakMinutes', key: 'roster.shifts.breakTooLong', params: { length } });
  else if (s.paidMinutes > length - s.breakMinutes) {
    problems.push({ path: 'paidMinutes', key: 'roster.shifts.paidTooLong', params: { max: length - s.breakMinutes } });
  }
  return problems;
}
