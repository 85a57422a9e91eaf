import { describe, it, expect } from 'vitest';
import { annualEntitlement, annualBand, fullYears, addYears, maternityDays, paternityDays } from '../../main/leave/rules/entitlement.ts';
import {
  leaveDays,
  countedDays,
  partsProblem,
  allocateLeaveDays,
  type CalendarKind,
  type RosterCell,
} from '../../main/leave/rules/days.ts';
import { balanceOf, overBy } from '../../main/leave/rules/balance.ts';
import { statutoryHolidays, officialCalendar } from '../../main/roster/holidays.ts';
import { weekday } from '../../main/time/dates.ts';

// The leave rules (LEV-2, LEV-3, LEV-4) as pure functions of dates and settings.

const bands = [5, 10, 15];

describe('LEV-3: annual leave by cumulative years of work', () => {
  it.each([
    [0, 0],
    [0.99, 0],
    [1, 5],
    [9, 5],
    [10, 10],
    [19, 10],
    [20, 15],
    [35, 15],
  ])('%f years of work give %i days', (years, days) => {
    expect(annualBand(years, bands)).toBe(days);
  });

  it('counts whole years, a 29 February anniversary falling on 28 February in a common year', () => {
    expect(fullYears('2016-06-01', '2026-05-31')).toBe(9);
    expect(fullYears('2016-06-01', '2026-06-01')).toBe(10);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('a full year for someone employed all year, by the years of work on 1 January', () => {
    expect(annualEntitlement({ year: 2026, hireDate: '2020-03-01', firstEmploymentDate: '2016-06-01', leftOn: null, bands })).toMatchObject(
      {
        days: 5,
        years: 9,
        reason: 'full',
      },
    );
    expect(annualEntitlement({ year: 2026, hireDate: '2020-03-01', firstEmploymentDate: '2005-06-01', leftOn: null, bands }).days).toBe(15);
  });

  it('a person hired mid-year gets ⌊(days left in the year ÷ 365) × entitlement⌋', () => {
    // 2026-07-01 to 2026-12-31 is 184 days: ⌊184 ÷ 365 × 10⌋ = ⌊5.04⌋ = 5.
    const hired = annualEntitlement({ year: 2026, hireDate: '2026-07-01', firstEmploymentDate: '2014-09-01', leftOn: null, bands });
    expect(hired).toMatchObject({ days: 5, band: 10, years: 11, from: '2026-07-01', daysLeft: 184, reason: 'proRated' });
    // 2026-10-15: 78 days left, ⌊78 ÷ 365 × 5⌋ = ⌊1.07⌋ = 1.
    expect(annualEntitlement({ year: 2026, hireDate: '2026-10-15', firstEmploymentDate: '2020-01-01', leftOn: null, bands }).days).toBe(1);
    // 2026-12-01: 31 days left, ⌊0.42⌋ = 0.
    expect(annualEntitlement({ year: 2026, hireDate: '2026-12-01', firstEmploymentDate: '2020-01-01', leftOn: null, bands }).days).toBe(0);
  });

  it('leap years: 366 days left still give the band; the same hire date a year later gives one day less', () => {
    // Hired 2024-01-02: 365 days left in a leap year → ⌊365 ÷ 365 × 10⌋ = 10.
    expect(annualEntitlement({ year: 2024, hireDate: '2024-01-02', firstEmploymentDate: '2010-01-01', leftOn: null, bands }).days).toBe(10);
    // Hired 2025-01-02: 364 days left → ⌊9.97⌋ = 9.
    expect(annualEntitlement({ year: 2025, hireDate: '2025-01-02', firstEmploymentDate: '2010-01-01', leftOn: null, bands }).days).toBe(9);
    // Hired on 2024-02-29: 307 days left → ⌊4.2⌋ = 4.
    expect(annualEntitlement({ year: 2024, hireDate: '2024-02-29', firstEmploymentDate: '2015-01-01', leftOn: null, bands })).toMatchObject(
      {
        days: 4,
        daysLeft: 307,
      },
    );
  });

  it('reaching one year of work during the year starts the leave that day, pro-rated; under a year there is none', () => {
    expect(annualEntitlement({ year: 2026, hireDate: '2025-04-01', firstEmploymentDate: '2025-04-01', leftOn: null, bands })).toMatchObject(
      {
        from: '2026-04-01',
        days: 3, // 275 days left: ⌊3.77⌋
      },
    );
    expect(annualEntitlement({ year: 2026, hireDate: '2026-02-01', firstEmploymentDate: '2026-02-01', leftOn: null, bands }).reason).toBe(
      'underOneYear',
    );
    expect(
      annualEntitlement({ year: 2026, hireDate: '2020-01-01', firstEmploymentDate: '2010-01-01', leftOn: '2025-12-31', bands }).reason,
    ).toBe('notEmployed');
  });
});

describe('LEV-4: maternity and paternity leave by province', () => {
  const settings = { baseDays: 98, difficultExtraDays: 15, extraBabyDays: 15 };
  const simple = { difficultBirth: false, extraBabies: 0, laterChild: false };

  it.each([
    ['national', 98],
    ['beijing', 158],
    ['shanghai', 158],
    ['guangdong', 178],
    ['zhejiang', 158],
    ['henan', 188],
  ] as const)('%s: %i days for a simple first birth', (province, days) => {
    expect(maternityDays({ ...settings, province }, simple).days).toBe(days);
  });

  it('adds 15 days for a difficult birth and 15 per extra baby; Zhejiang extends a later child by 90', () => {
    expect(maternityDays({ ...settings, province: 'national' }, { difficultBirth: true, extraBabies: 1, laterChild: false }).days).toBe(
      128,
    );
    expect(maternityDays({ ...settings, province: 'zhejiang' }, { ...simple, laterChild: true }).days).toBe(188);
  });

  it('paternity leave: Beijing 15, Shanghai 10, Guangdong 15, Zhejiang 15, Henan one month, none nationally', () => {
    expect((['national', 'beijing', 'shanghai', 'guangdong', 'zhejiang', 'henan'] as const).map(paternityDays)).toEqual([
      0, 15, 10, 15, 15, 30,
    ]);
  });
});

describe('which days a leave request takes (LAW: holidays and rest days inside it are not counted)', () => {
  const calendar2025 = new Map((officialCalendar(2025) ?? []).map((d) => [d.date, d.kind as CalendarKind]));
  const calendar = (date: string): CalendarKind => calendar2025.get(date) ?? 'ordinary';
  const noRoster = (): RosterCell => null;

  it('annual leave over the 2025 National Day break counts only its working days', () => {
    // 2025-09-29 … 2025-10-10: 10-01…10-03 statutory, 10-04…10-08 swapped rest days (国庆 + 中秋),
    // 09-28 (Sunday) and 10-11 (Saturday) are make-up workdays outside the request.
    expect(statutoryHolidays(2025).get('2025-10-01')).toBe('国庆节');
    const days = leaveDays({
      startDate: '2025-09-29',
      startPart: 'full',
      endDate: '2025-10-10',
      endPart: 'full',
      countsCalendarDays: false,
      calendar,
      roster: noRoster,
    });
    expect(days.filter((d) => d.counted).map((d) => d.date)).toEqual(['2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10']);
    expect(days.find((d) => d.date === '2025-10-01')?.reason).toBe('holiday');
    expect(days.find((d) => d.date === '2025-10-05')?.reason).toBe('restDay');
    expect(countedDays(days)).toBe(4);
  });

  it('a make-up workday inside a request counts; maternity leave counts every calendar day', () => {
    const days = leaveDays({
      startDate: '2025-09-27',
      startPart: 'full',
      endDate: '2025-09-28',
      endPart: 'full',
      countsCalendarDays: false,
      calendar,
      roster: noRoster,
    });
    expect(days.map((d) => [d.date, d.counted])).toEqual([
      ['2025-09-27', false],
      ['2025-09-28', true],
    ]);
    expect(
      countedDays(
        leaveDays({
          startDate: '2025-09-29',
          startPart: 'full',
          endDate: '2025-10-10',
          endPart: 'full',
          countsCalendarDays: true,
          calendar,
          roster: noRoster,
        }),
      ),
    ).toBe(12);
  });

  it('on a roster the person works the days it gives them: a rostered Saturday counts, a rostered rest day does not, a holiday never does', () => {
    const roster = (date: string): RosterCell =>
      (({ '2025-09-27': 'shift', '2025-09-29': 'rest', '2025-10-01': 'shift' })[date] as RosterCell) ?? null;
    const days = leaveDays({
      startDate: '2025-09-27',
      startPart: 'full',
      endDate: '2025-10-01',
      endPart: 'full',
      countsCalendarDays: false,
      calendar,
      roster,
    });
    expect(days.map((d) => [d.date, d.counted, d.reason])).toEqual([
      ['2025-09-27', true, 'shift'],
      ['2025-09-28', true, 'workday'],
      ['2025-09-29', false, 'rosterRest'],
      ['2025-09-30', true, 'workday'],
      ['2025-10-01', false, 'holiday'],
    ]);
  });

  it('half days at either end; starting and ending at midday on one date is refused', () => {
    const days = leaveDays({
      startDate: '2026-03-02',
      startPart: 'pm',
      endDate: '2026-03-04',
      endPart: 'am',
      countsCalendarDays: false,
      calendar,
      roster: noRoster,
    });
    expect(days.map((d) => d.weight)).toEqual([0.5, 1, 0.5]);
    expect(countedDays(days)).toBe(2);
    expect(partsProblem({ startDate: '2026-03-02', startPart: 'pm', endDate: '2026-03-02', endPart: 'am' })).toBe('sameDayHalves');
    expect(partsProblem({ startDate: '2026-03-03', startPart: 'full', endDate: '2026-03-02', endPart: 'full' })).toBe('order');
  });
});

describe('where the days of an approved request show in the attendance sheet', () => {
  const day = (date: string, cell: RosterCell, kind: CalendarKind = 'ordinary', weight = 1) => ({
    date,
    cell,
    kind,
    weight,
    weekday: weekday(date),
  });

  it('on the shifts still rostered, else (the leader took them off) on workdays, never on a statutory holiday', () => {
    // Mon 2026-03-02 … Mon 2026-03-09: six days taken; the leader cleared all but Monday's shift.
    const dates = ['02', '03', '04', '05', '06', '07', '08', '09'].map((d) => day(`2026-03-${d}`, d === '02' ? 'shift' : 'rest'));
    expect([...allocateLeaveDays(6, dates).keys()]).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
    ]);
    // A weekend shift worker: Friday to Sunday taken (3 days), shifts cleared.
    expect([
      ...allocateLeaveDays(3, [day('2026-03-06', 'rest'), day('2026-03-07', 'rest'), day('2026-03-08', 'rest')]).keys(),
    ]).toHaveLength(3);
    expect([
      ...allocateLeaveDays(2, [day('2025-10-01', 'shift', 'holiday'), day('2025-10-09', null), day('2025-10-10', null)]).keys(),
    ]).toEqual(['2025-10-09', '2025-10-10']);
    expect(allocateLeaveDays(0.5, [day('2026-03-02', 'shift', 'ordinary', 0.5)])).toEqual(new Map([['2026-03-02', 0.5]]));
  });
});

describe('LEV-1…4: the balance explains each number', () => {
  it('remaining = entitled + adjustments − taken − pending; a request over it is refused by overBy', () => {
    const balance = balanceOf({
      entitlement: 'annual',
      entitled: 5,
      entitledLines: [{ key: 'annualFull', params: {}, days: 5 }],
      adjustments: [{ days: 1.5, reason: '上年结转', createdAt: '2026-01-05T01:00:00Z' }],
      requests: [
        { id: 1, startDate: '2026-02-02', endDate: '2026-02-03', days: 2, status: 'approved' },
        { id: 2, startDate: '2026-03-02', endDate: '2026-03-02', days: 1, status: 'pending' },
        { id: 3, startDate: '2026-04-02', endDate: '2026-04-02', days: 1, status: 'rejected' },
      ],
    });
    expect(balance).toMatchObject({ entitled: 5, adjusted: 1.5, taken: 2, pending: 1, remaining: 3.5 });
    expect(balance.lines.map((l) => [l.key, l.days])).toEqual([
      ['annualFull', 5],
      ['adjustment', 1.5],
      ['taken', -2],
      ['pending', -1],
    ]);
    expect(overBy(balance, 3.5, null)).toBe(0);
    expect(overBy(balance, 4, null)).toBe(0.5);
  });

  it('sick leave has no balance; an event type is checked against one occasion', () => {
    const sick = balanceOf({ entitlement: 'none', entitled: null, entitledLines: [], adjustments: [], requests: [] });
    expect(sick.remaining).toBeNull();
    expect(overBy(sick, 30, null)).toBe(0);
    const marriage = balanceOf({ entitlement: 'event', entitled: null, entitledLines: [], adjustments: [], requests: [] });
    expect(overBy(marriage, 3, 3)).toBe(0);
    expect(overBy(marriage, 5, 3)).toBe(2);
  });
});
