import { describe, it, expect } from 'vitest';
import { tierOf, absenceOfTiers, finesOfTiers, minutesOf } from '../../main/attendance/rules/tiers.ts';
import { matchPunches } from '../../main/attendance/rules/match.ts';
import { evaluatePerson, type PersonPeriod, type DayLeave } from '../../main/attendance/rules/day.ts';
import { clockSeconds, dateSeconds } from '../../main/attendance/rules/clock.ts';
import { monthTotals } from '../../main/attendance/rules/totals.ts';
import { absenceRuns, consecutiveFlags, yearlyFlag } from '../../main/attendance/rules/flags.ts';
import type { ClockShift, DayResult, Resolution, Thresholds } from '../../main/attendance/rules/types.ts';

// The attendance rules (ATT-2…7) as pure functions of punches, shifts, leave and thresholds.

const thresholds: Thresholds = { fineThresholdMinutes: 15, halfDayThresholdMinutes: 60, lateFineFen: 2000, absenceWageMultiple: 2 };
const mmss = (m: number, s = 0) => m * 60 + s;

function shift(date: string, start: string, end: string, code = 'D'): ClockShift {
  const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const s = dateSeconds(date, minute(start));
  const length = (minute(end) - minute(start) + 1440) % 1440 || 1440;
  return { date, shiftTypeId: 1, code, name: code === 'N' ? '夜班' : '白班', start: s, end: s + length * 60 };
}

function period(over: Partial<PersonPeriod> & Pick<PersonPeriod, 'dates'>): PersonPeriod {
  return {
    shifts: [],
    punches: [],
    inScope: () => true,
    published: () => true,
    leave: () => null,
    overtime: () => [],
    resolution: () => null,
    hasClockData: () => true,
    punchedOvertimeMultiplier: () => 2,
    dailyWageFen: 30_000,
    thresholds,
    now: clockSeconds('2027-01-01 00:00:00'),
    ...over,
  };
}

const punches = (...at: string[]) => at.map(clockSeconds).sort((a, b) => a - b);

/** One 09:00–17:00 shift on 2026-03-02 with the given punches. */
function oneDay(ins: string | null, outs: string | null, extra: Partial<PersonPeriod> = {}): DayResult {
  const at = [ins, outs].filter((x): x is string => x !== null).map((x) => `2026-03-02 ${x}`);
  return evaluatePerson(
    period({ dates: ['2026-03-02'], shifts: [shift('2026-03-02', '09:00', '17:00')], punches: punches(...at), ...extra }),
  )[0]!;
}

describe('ATT-2, ATT-3, ATT-4: tiers of lateness and early leave (thresholds 15 and 60 minutes)', () => {
  it.each([
    [0, 'none'],
    [1, 'fine'],
    [mmss(14, 59), 'fine'],
    [mmss(15, 0), 'fine'],
    [mmss(15, 1), 'half'],
    [mmss(60, 0), 'half'],
    [mmss(60, 1), 'day'],
    [mmss(300), 'day'],
  ] as const)('%i seconds late is the %s tier', (seconds, tier) => {
    expect(tierOf(seconds, thresholds)).toBe(tier);
  });

  it('exactly 15:00 late is the fine tier (ATT-2), and the thresholds come from the settings', () => {
    expect(tierOf(mmss(15), thresholds)).toBe('fine');
    expect(tierOf(mmss(15), { fineThresholdMinutes: 10, halfDayThresholdMinutes: 60 })).toBe('half');
    expect(tierOf(mmss(61), { fineThresholdMinutes: 15, halfDayThresholdMinutes: 90 })).toBe('half');
  });

  it('absence adds up half days to at most one; each fine-tier occurrence is fined once', () => {
    expect(absenceOfTiers('half', 'half')).toBe(1);
    expect(absenceOfTiers('day', 'half')).toBe(1);
    expect(absenceOfTiers('half', 'none')).toBe(0.5);
    expect(finesOfTiers('fine', 'fine')).toBe(2);
    expect(finesOfTiers('half', 'fine')).toBe(1);
    expect(minutesOf(30)).toBe(1);
  });

  it.each([
    ['09:14:59', 'fine', 0, 1, ['late']],
    ['09:15:00', 'fine', 0, 1, ['late']],
    ['09:15:01', 'half', 0.5, 0, ['absentHalf']],
    ['10:00:00', 'half', 0.5, 0, ['absentHalf']],
    ['10:00:01', 'day', 1, 0, ['absent']],
    ['08:59:00', 'none', 0, 0, ['present']],
  ] as const)('a 09:00 shift clocked in at %s: %s tier, %f days of absence, %i fines', (clockIn, tier, absence, fines, marks) => {
    const day = oneDay(clockIn, '17:01:00');
    expect(day.lateTier).toBe(tier);
    expect(day.absenceDays).toBe(absence);
    expect(day.fines).toBe(fines);
    expect(day.fineFen).toBe(fines * 2000);
    // ATT-5: each day of absence deducts 2 × the daily wage (300 yuan).
    expect(day.deductionFen).toBe(absence * 2 * 30_000);
    expect(day.marks).toEqual(marks);
  });

  it('early leave by 15:00 is fined, by 15:01 is half a day; late and early on one day are two fines', () => {
    expect(oneDay('08:55:00', '16:45:00').marks).toEqual(['early']);
    expect(oneDay('08:55:00', '16:44:59').earlyTier).toBe('half');
    const both = oneDay('09:05:00', '16:50:00');
    expect(both.marks).toEqual(['late', 'early']);
    expect(both.fines).toBe(2);
  });
});

describe('ATT-1: matching punches to shifts', () => {
  it('a night shift 22:00–06:00 with punches at 21:58 and 06:03 the next morning is on time, on the day it starts', () => {
    const days = evaluatePerson(
      period({
        dates: ['2026-03-02', '2026-03-03'],
        shifts: [shift('2026-03-02', '22:00', '06:00', 'N'), shift('2026-03-03', '22:00', '06:00', 'N')],
        punches: punches('2026-03-02 21:58:00', '2026-03-03 06:03:00', '2026-03-03 21:59:30', '2026-03-04 06:00:00'),
      }),
    );
    expect(days[0]).toMatchObject({
      marks: ['present'],
      in: '2026-03-02 21:58:00',
      out: '2026-03-03 06:03:00',
      lateSeconds: 0,
      earlySeconds: 0,
    });
    expect(days[1]).toMatchObject({ marks: ['present'], in: '2026-03-03 21:59:30', out: '2026-03-04 06:00:00' });
  });

  it("a night shift's morning punch is not taken by the next morning's day shift", () => {
    const { matched } = matchPunches(
      [shift('2026-03-02', '22:00', '06:00', 'N'), shift('2026-03-03', '08:00', '16:00')],
      punches('2026-03-02 21:58:00', '2026-03-03 06:03:00', '2026-03-03 07:58:00', '2026-03-03 16:02:00'),
    );
    expect(matched[0]).toEqual({ in: clockSeconds('2026-03-02 21:58:00'), out: clockSeconds('2026-03-03 06:03:00'), extra: [] });
    expect(matched[1]).toEqual({ in: clockSeconds('2026-03-03 07:58:00'), out: clockSeconds('2026-03-03 16:02:00'), extra: [] });
  });

  it('several punches: the first of the first half is the clock-in, the last of the second half the clock-out', () => {
    const day = evaluatePerson(
      period({
        dates: ['2026-03-02'],
        shifts: [shift('2026-03-02', '09:00', '17:00')],
        punches: punches('2026-03-02 08:50:00', '2026-03-02 08:51:00', '2026-03-02 12:30:00', '2026-03-02 17:02:00', '2026-03-02 17:05:00'),
      }),
    )[0]!;
    expect(day).toMatchObject({ in: '2026-03-02 08:50:00', out: '2026-03-02 17:05:00', marks: ['present'] });
    expect(day.extra).toEqual(['2026-03-02 08:51:00', '2026-03-02 12:30:00', '2026-03-02 17:02:00']);
  });

  it('a punch made twice at arrival is one punch: the clock-out is missing, not an early leave', () => {
    expect(oneDay('08:58:00', null, { punches: punches('2026-03-02 08:58:00', '2026-03-02 08:59:00') }).marks).toEqual(['missing']);
  });
});

describe('ATT-7: absence and missing punches', () => {
  it('a rostered day with no punch and no approved leave is a day of absence', () => {
    expect(oneDay(null, null)).toMatchObject({ marks: ['absent'], absenceDays: 1, deductionFen: 60_000, anomaly: null });
  });

  it('a day nobody in the department clocked is a clock file not imported yet, not an absence', () => {
    expect(oneDay(null, null, { hasClockData: () => false })).toMatchObject({ marks: ['nodata'], absenceDays: 0, deductionFen: 0 });
    // One person's punch that day is enough to judge the others.
    expect(oneDay('08:58:00', '17:00:00', { hasClockData: () => false }).marks).toEqual(['present']);
  });

  it('a day with one punch is a missing punch for the supervisor, neither presence nor absence', () => {
    const day = oneDay('08:58:00', null);
    expect(day.marks).toEqual(['missing']);
    expect(day.anomaly).toEqual({ kind: 'missing-punch', missing: 'out', punches: ['2026-03-02 08:58:00'] });
    expect(day.absenceDays).toBe(0);
    expect(day.workedDays).toBe(0);
    expect(oneDay(null, '17:00:00').anomaly?.missing).toBe('in');
  });

  it('counted as absence by the supervisor, the missing punch becomes a day of absence with the resolution kept', () => {
    const resolution: Resolution = {
      kind: 'missing-punch',
      resolution: 'absence',
      note: '未到岗',
      decidedBy: '主管',
      decidedAt: '2026-03-03T01:00:00Z',
    };
    const day = oneDay('08:58:00', null, { resolution: (_d, kind) => (kind === 'missing-punch' ? resolution : null) });
    expect(day).toMatchObject({ marks: ['absent'], absenceDays: 1, anomaly: null, resolution });
  });

  it('approved leave for the whole day is leave, punches or not', () => {
    const annual: DayLeave = { code: 'annual', label: '年假', weight: 1, part: 'full', counted: 1 };
    expect(oneDay(null, null, { leave: () => annual })).toMatchObject({
      marks: ['leave'],
      absenceDays: 0,
      leave: { code: 'annual', days: 1 },
    });
  });

  it('leave over a holiday shift covers the day without counting it; a rest day the leave counts shows the leave', () => {
    const holiday: DayLeave = { code: 'annual', label: '年假', weight: 1, part: 'full', counted: 0 };
    expect(oneDay(null, null, { leave: () => holiday })).toMatchObject({ marks: ['leave'], absenceDays: 0, leave: { days: 0 } });
    const rest = (counted: number) =>
      evaluatePerson(
        period({ dates: ['2026-03-07'], leave: () => ({ code: 'annual', label: '年假', weight: 1, part: 'full', counted }) }),
      )[0]!;
    expect(rest(1)).toMatchObject({ marks: ['leave'], leave: { days: 1 } });
    expect(rest(0)).toMatchObject({ marks: ['rest'], leave: null });
  });

  it('half a day of leave in the morning: expected at 13:00, so 13:10 is late by 10 minutes', () => {
    const morning: DayLeave = { code: 'personal', label: '事假', weight: 0.5, part: 'am', counted: 0.5 };
    const day = oneDay('13:10:00', '17:00:00', { leave: () => morning });
    expect(day).toMatchObject({ marks: ['late', 'leave'], lateTier: 'fine', workedDays: 0.5, leave: { days: 0.5 } });
    // Without any punch, the other half is absence.
    expect(oneDay(null, null, { leave: () => morning })).toMatchObject({ absenceDays: 0.5, marks: ['absentHalf', 'leave'] });
  });

  it('a shift not over (plus four hours) is not judged yet; outside the group or before publishing it is not judged at all', () => {
    expect(oneDay(null, null, { now: clockSeconds('2026-03-02 20:59:00') }).marks).toEqual(['pending']);
    expect(oneDay(null, null, { now: clockSeconds('2026-03-02 21:00:00') }).marks).toEqual(['absent']);
    expect(oneDay(null, null, { published: () => false }).marks).toEqual(['unpublished']);
    expect(oneDay(null, null, { inScope: () => false }).marks).toEqual(['none']);
  });
});

describe('OT-1: punches on a rest day', () => {
  const restDay = (extra: Partial<PersonPeriod> = {}) =>
    evaluatePerson(period({ dates: ['2026-03-07'], punches: punches('2026-03-07 09:00:00', '2026-03-07 13:30:00'), ...extra }))[0]!;

  it('without approved overtime they are flagged for the supervisor', () => {
    expect(restDay()).toMatchObject({ marks: ['rest', 'unapproved'], anomaly: { kind: 'unapproved-overtime' }, overtime: [] });
  });

  it('with approved overtime the day is overtime at its multiplier', () => {
    const day = restDay({ overtime: () => [{ minutes: 240, multiplier: 2, source: 'request', planned: false }] });
    expect(day).toMatchObject({ marks: ['rest', 'overtime'], anomaly: null, overtime: [{ minutes: 240, multiplier: 2 }] });
  });

  it('counted by the supervisor, the punched span is overtime at the rest-day multiplier; ignored, it is a rest day', () => {
    const resolved = (resolution: Resolution['resolution']): Partial<PersonPeriod> => ({
      resolution: () => ({ kind: 'unapproved-overtime', resolution, note: null, decidedBy: '主管', decidedAt: '' }),
    });
    expect(restDay(resolved('counted'))).toMatchObject({
      marks: ['overtime'],
      overtime: [{ minutes: 270, multiplier: 2, source: 'resolution' }],
    });
    expect(restDay(resolved('ignored'))).toMatchObject({ marks: ['rest'], anomaly: null, overtime: [] });
  });
});

describe('ATT-5 and the legal cap on deductions', () => {
  const days = (...list: Array<Partial<DayResult>>) =>
    list.map((d, i) => ({ ...oneDay('08:59:00', '17:00:00'), date: `2026-03-${String(i + 2).padStart(2, '0')}`, ...d }));
  const wage = { dailyWageFen: 30_000, monthlyWorkDays: 21.75, deductionCapPercent: 20, minimumMonthlyWageFen: 254_000 };

  it('adds up fines and absence deductions and warns above 20 % of the monthly wage, without cutting them', () => {
    const totals = monthTotals(
      days({ lateTier: 'fine', lateSeconds: 600, fines: 1, fineFen: 2000 }, { absenceDays: 1, deductionFen: 60_000, workedDays: 0 }, {}),
      wage,
    );
    expect(totals).toMatchObject({
      shifts: 3,
      workedDays: 2,
      lateCount: 1,
      lateMinutes: 10,
      absenceDays: 1,
      fineFen: 2000,
      absenceDeductionFen: 60_000,
    });
    expect(totals.totalDeductionFen).toBe(62_000);
    expect(totals.monthlyWageFen).toBe(652_500);
    expect(totals.capFen).toBe(130_500);
    expect(totals.overCap).toBe(false);
    const heavy = monthTotals(days(...Array.from({ length: 3 }, () => ({ absenceDays: 1, deductionFen: 60_000 }))), wage);
    expect(heavy.totalDeductionFen).toBe(180_000);
    expect(heavy.overCap).toBe(true);
  });

  it('the 20 % cap is rounded down to the fen, as the 乐捐 fund check does: a deduction one fen over it warns', () => {
    // 333.33 yuan a day × 21.75 = 7249.93 yuan; 20 % of it is 1449.986, so the cap is 1449.98.
    const odd = { ...wage, dailyWageFen: 33_333 };
    const atCap = monthTotals(days({ absenceDays: 1, deductionFen: 144_998, workedDays: 0 }), odd);
    expect(atCap.monthlyWageFen).toBe(724_993);
    expect(atCap.capFen).toBe(144_998);
    expect(atCap.overCap).toBe(false);
    expect(monthTotals(days({ absenceDays: 1, deductionFen: 144_999, workedDays: 0 }), odd).overCap).toBe(true);
  });

  it('without a daily wage the absence deduction is unknown, not zero', () => {
    const totals = monthTotals(days({ absenceDays: 1, deductionFen: null }), { ...wage, dailyWageFen: null });
    expect(totals.absenceDeductionFen).toBeNull();
    expect(totals.capFen).toBeNull();
  });
});

describe('ATT-6: consecutive and yearly absence', () => {
  const day = (date: string, absenceDays: number, scheduled = true) => ({ date, absenceDays, scheduled });

  it('a run counts rostered days with absence; rest days between them neither break nor lengthen it', () => {
    const runs = absenceRuns([
      day('03-02', 1),
      day('03-03', 1),
      day('03-04', 0, false),
      day('03-05', 1),
      day('03-06', 0.5),
      day('03-07', 0),
    ]);
    expect(runs).toEqual([{ dates: ['03-02', '03-03', '03-05', '03-06'], days: 3.5 }]);
    expect(consecutiveFlags([day('03-02', 1), day('03-03', 1), day('03-05', 1)], 3)).toEqual([]);
    expect(consecutiveFlags([day('03-02', 1), day('03-03', 1), day('03-05', 1), day('03-06', 1)], 3)).toHaveLength(1);
  });

  it('the window runs across a month boundary: two days at the end of March and two at the start of April are four', () => {
    const march = [day('2026-03-27', 0), day('2026-03-30', 1), day('2026-03-31', 1)];
    const april = [day('2026-04-01', 1), day('2026-04-02', 1), day('2026-04-03', 0)];
    expect(consecutiveFlags(april, 3)).toEqual([]);
    expect(consecutiveFlags([...march, ...april], 3)).toEqual([
      { dates: ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'], days: 4 },
    ]);
  });

  it('more than 5 days in a calendar year is flagged; exactly 5 is not', () => {
    const five = [1, 1, 1, 1, 1].map((d, i) => day(`2026-0${i + 1}-10`, d));
    expect(yearlyFlag(five, 5)).toMatchObject({ days: 5, flagged: false });
    expect(yearlyFlag([...five, day('2026-07-01', 0.5)], 5)).toMatchObject({ days: 5.5, flagged: true });
  });
});
