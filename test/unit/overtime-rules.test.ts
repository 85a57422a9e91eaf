import { describe, it, expect } from 'vitest';
import { dayKindOf, multiplierOf, lieuAllowed, capWarnings } from '../../main/overtime/rules/overtime.ts';
import { officialCalendar } from '../../main/roster/holidays.ts';
import { weekday } from '../../main/time/dates.ts';

// OT-1, OT-2 and the legal overtime caps as pure functions.

const multipliers = { workday: 1.5, rest: 2, holiday: 3 };
const calendar2026 = new Map((officialCalendar(2026) ?? []).map((d) => [d.date, d.kind]));
const kindOn = (date: string) => dayKindOf(calendar2026.get(date) ?? 'ordinary', weekday(date));

describe('OT-2: the day kind from the holiday calendar sets the multiplier', () => {
  it.each([
    ['2026-10-01', 'holiday', 3], // 国庆节, statutory
    ['2026-10-05', 'rest', 2], // a swapped rest day of the break
    ['2026-03-07', 'rest', 2], // an ordinary Saturday
    ['2026-03-04', 'workday', 1.5], // an ordinary Wednesday
  ] as const)('%s is a %s: × %f', (date, kind, multiplier) => {
    expect(kindOn(date)).toBe(kind);
    expect(multiplierOf(kindOn(date), multipliers)).toBe(multiplier);
  });

  it('a make-up workday (调休上班) on a weekend is a workday', () => {
    const makeUp = [...calendar2026].find(([, kind]) => kind === 'workday')![0];
    expect([0, 6]).toContain(weekday(makeUp));
    expect(kindOn(makeUp)).toBe('workday');
  });

  it('time off in lieu only for rest-day overtime; a statutory holiday is always paid', () => {
    expect(lieuAllowed('rest')).toBe(true);
    expect(lieuAllowed('holiday')).toBe(false);
    expect(lieuAllowed('workday')).toBe(false);
  });
});

describe('LAW: overtime caps of 3 hours a day and 36 a month warn', () => {
  const base = { sameDayMinutes: 0, sameMonthMinutes: 0, dailyCapHours: 3, monthlyCapHours: 36, startedMinutesAgo: -60 };

  it('exactly 3 hours on a workday is within the cap; 3 h 15 is over it', () => {
    expect(capWarnings({ ...base, kind: 'workday', plannedMinutes: 180 })).toEqual([]);
    expect(capWarnings({ ...base, kind: 'workday', plannedMinutes: 120, sameDayMinutes: 75 })).toEqual([
      { kind: 'daily', hours: 3.25, cap: 3 },
    ]);
  });

  it('a rest day of 8 hours is not a daily-cap warning, but counts towards the month', () => {
    expect(capWarnings({ ...base, kind: 'rest', plannedMinutes: 480 })).toEqual([]);
    expect(capWarnings({ ...base, kind: 'rest', plannedMinutes: 480, sameMonthMinutes: 1680 })).toEqual([]);
    expect(capWarnings({ ...base, kind: 'rest', plannedMinutes: 480, sameMonthMinutes: 1681 })).toEqual([
      { kind: 'monthly', hours: 36.02, cap: 36 },
    ]);
  });

  it('OT-1: applied for after it started is a warning to acknowledge', () => {
    expect(capWarnings({ ...base, kind: 'workday', plannedMinutes: 60, startedMinutesAgo: 5 })).toEqual([
      { kind: 'late', hours: 1, cap: 0 },
    ]);
  });
});
