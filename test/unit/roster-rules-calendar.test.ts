import { describe, it, expect } from 'vitest';
import chineseDays from 'chinese-days';
import { officialCalendar, statutoryHolidays } from '../../main/roster/holidays.ts';

// ROS-5 and LAW: the official calendar from the chinese-days package, with statutory holidays
// (300 % overtime) told apart from swapped rest days and make-up workdays.

const kinds = (year: number) => {
  const days = officialCalendar(year)!;
  const of = (kind: string) => days.filter((d) => d.kind === kind).map((d) => d.date);
  return { days, holiday: of('holiday'), rest: of('rest'), workday: of('workday') };
};

describe('ROS-5 official calendar', () => {
  it.each([2025, 2026])('%i has exactly 13 statutory holidays (元旦1 春节4 清明1 劳动节2 端午1 中秋1 国庆3)', (year) => {
    const { days, holiday } = kinds(year);
    expect(holiday).toHaveLength(13);
    const names = days.filter((d) => d.kind === 'holiday').map((d) => d.name);
    const countOf = (name: string) => names.filter((n) => n === name).length;
    expect([
      countOf('元旦'),
      countOf('春节'),
      countOf('清明节'),
      countOf('劳动节'),
      countOf('端午节'),
      countOf('中秋节'),
      countOf('国庆节'),
    ]).toEqual([1, 4, 1, 2, 1, 1, 3]);
  });

  it('2025: the National Day break is 10-01…03 holiday plus 中秋 on 10-06, the rest swapped rest days; 9-28 and 10-11 are make-up workdays', () => {
    const { days, holiday, rest, workday } = kinds(2025);
    const byDate = new Map(days.map((d) => [d.date, d]));
    for (const d of ['2025-10-01', '2025-10-02', '2025-10-03']) expect(byDate.get(d)).toEqual({ date: d, kind: 'holiday', name: '国庆节' });
    expect(byDate.get('2025-10-06')).toEqual({ date: '2025-10-06', kind: 'holiday', name: '中秋节' });
    for (const d of ['2025-10-04', '2025-10-05', '2025-10-07', '2025-10-08']) expect(byDate.get(d)?.kind).toBe('rest');
    expect(workday).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    // 春节 2025: 除夕 01-28 and 初一–初三 are statutory; 02-01…02-04 are rest days of the break.
    expect(holiday.filter((d) => d.startsWith('2025-01') || d.startsWith('2025-02'))).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
    ]);
    expect(rest.filter((d) => d.startsWith('2025-02'))).toEqual(['2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']);
    // 端午 2025 falls on Saturday 05-31: that day is statutory, Monday 06-02 is the rest day in lieu.
    expect(byDate.get('2025-05-31')?.kind).toBe('holiday');
    expect(byDate.get('2025-06-02')?.kind).toBe('rest');
  });

  it("2026 agrees with the package's own data: every break day is a holiday or rest day, every make-up day a workday", () => {
    const { days, holiday, workday } = kinds(2026);
    const inPackage = chineseDays.getHolidaysInRange('2026-01-01', '2026-12-31', false);
    expect(days.filter((d) => d.kind !== 'workday').map((d) => d.date)).toEqual(inPackage);
    for (const d of workday) expect(chineseDays.getDayDetail(d).work).toBe(true);
    for (const d of holiday) expect(chineseDays.isHoliday(d)).toBe(true);
    // In-lieu days are never statutory.
    for (const d of days.filter((x) => chineseDays.isInLieu(x.date))) expect(d.kind).toBe('rest');
    expect(holiday).toEqual([
      '2026-01-01',
      '2026-02-16', // 除夕
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-05', // 清明 falls on a Sunday; 04-06 is the rest day in lieu
      '2026-05-01',
      '2026-05-02',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
    ]);
    expect(workday).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('before 2025 there were 11 statutory days (no 除夕, 劳动节 one day); a year the package lacks has no official calendar', () => {
    expect(kinds(2024).holiday).toHaveLength(11);
    expect(statutoryHolidays(2024).get('2024-02-09')).toBeUndefined(); // 除夕 2024
    expect(statutoryHolidays(2025).get('2025-01-28')).toBe('春节'); // 除夕 2025
    expect(officialCalendar(2099)).toBeNull();
  });
});
