import { describe, it, expect } from 'vitest';
import type { TOptions } from 'i18next';
import { t, setLanguage } from '../../main/i18n/index.ts';
import {
  checkRoster,
  coverageCounts,
  ruleSeverity,
  shiftTypeProblems,
  type RuleInput,
  type RuleShiftType,
  type RulePerson,
  type RosterIssue,
  type Translate,
} from '../../main/roster/rules/index.ts';
import { buildGrid } from '../../main/roster/rules/grid.ts';
import { addDays, daysInMonth } from '../../main/time/dates.ts';

// The roster rules (ROS-1, ROS-4, LEV-5) as pure functions: a roster written as one string of
// shift letters per person, starting on the first context day (7 days before the month).

const translate: Translate = (key, params) => t(key, params as TOptions);

const shift = (
  id: number,
  code: string,
  name: string,
  start: string,
  end: string,
  paid = 450,
  functions: string[] | null = null,
): RuleShiftType => {
  const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return { id, code, name, startMinute: minute(start), endMinute: minute(end), paidMinutes: paid, functions };
};
const E = shift(1, 'E', '早班', '08:00', '16:00');
const M = shift(2, 'M', '中班', '12:00', '20:00');
const L = shift(3, 'L', '晚班', '16:00', '00:00');
const N = shift(4, 'N', '夜班', '22:00', '06:00');
const A = shift(5, 'A', '下午班', '14:00', '22:00');
const D = shift(6, 'D', '白班', '09:00', '17:00');
const X = shift(7, 'X', '提前班', '08:59', '16:59');
const P = shift(8, 'P', '早五点班', '05:00', '13:00');
const T = shift(9, 'T', '技术班', '09:00', '17:00', 450, ['tech']);
const LONG = shift(10, 'G', '长白班', '08:00', '19:00', 600);
const shifts = [E, M, L, N, A, D, X, P, T, LONG];
const byCode = new Map(shifts.map((s) => [s.code, s]));

// Weekly hours are raised except where they are the subject, so runs of shifts test one rule at a time.
const rules = { minRestMinutes: 660, maxConsecutiveDays: 6, dailyHours: 8, weeklyHours: 60 };

interface Spec {
  month: string;
  /** Per person: letters from the first context day; '.' empty, '-' rest. */
  rows: Array<{ person: Partial<RulePerson> & { id: number }; days: string }>;
  requirements?: RuleInput['requirements'];
  leave?: RuleInput['leave'];
  rules?: Partial<typeof rules>;
}

function input(spec: Spec): RuleInput {
  const [y, m] = spec.month.split('-').map(Number) as [number, number];
  const first = `${spec.month}-01`;
  const last = `${spec.month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  const context = { from: addDays(first, -7), to: addDays(last, 7) };
  const days: Array<{ date: string }> = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push({ date: d });
  const cells: Array<[number, string, number | 'rest', boolean]> = [];
  for (const { person, days: letters } of spec.rows) {
    [...letters].forEach((letter, i) => {
      if (letter === '.' || letter === ' ') return;
      cells.push([person.id, addDays(context.from, i), letter === '-' ? 'rest' : byCode.get(letter)!.id, false]);
    });
  }
  return {
    days,
    context,
    people: spec.rows.map(({ person }) => ({
      name: `员工${person.id}`,
      function: 'service',
      activeFrom: '2020-01-01',
      activeTo: null,
      ...person,
    })),
    shiftTypes: shifts,
    cells,
    leave: spec.leave ?? [],
    requirements: spec.requirements ?? [],
    rules: { ...rules, ...spec.rules },
  };
}

const req = (date: string, shiftTypeId: number, minPeople: number, fn: string | null = null) => ({
  date,
  shiftTypeId,
  function: fn,
  minPeople,
});
const only = (issues: RosterIssue[], rule: string) => issues.filter((i) => i.rule === rule);
const summary = (issues: RosterIssue[]) => issues.map((i) => `${i.rule}@${i.date}`);
// Seven blank context days, so position 7 is the 1st of the month.
const before = '.......';

describe('ROS-4 rest between shifts (real times, across midnight)', () => {
  it('exactly 11 h of rest passes; 10 h 59 min is a break reported on the later shift', () => {
    const exact = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}AD` }] }), translate);
    expect(only(exact, 'rest')).toEqual([]);
    const short = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}AX` }] }), translate);
    expect(only(short, 'rest')).toMatchObject([{ ruleId: 'ROS-4', personId: 1, date: '2026-03-02', shiftTypeId: X.id }]);
    expect(short[0]!.message).toContain('10 小时 59 分钟');
    expect(short[0]!.message).toContain('11 小时');
  });

  it('a 22:00–06:00 night then a 09:00 shift next day leaves 3 h of rest', () => {
    const issues = only(checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}ND` }] }), translate), 'rest');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.date).toBe('2026-03-02');
    expect(issues[0]!.message).toContain('3 小时');
    expect(issues[0]!.message).toContain('次日 06:00');
  });

  it('a late shift ending at 24:00 then an 08:00 shift leaves 8 h; after a night, 11 h later is fine', () => {
    const issues = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}LE.N.A` }] }), translate);
    expect(summary(only(issues, 'rest'))).toEqual(['rest@2026-03-02']);
    expect(only(issues, 'rest')[0]!.message).toContain('8 小时');
    // N on the 4th ends 06:00 on the 5th; A on the 6th starts 14:00: 32 h.
  });

  it('a successor that starts before the night shift ends is a forbidden succession (overlap)', () => {
    const issues = only(checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}NP` }] }), translate), 'rest');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/还没有结束/);
  });

  it('the minimum rest is a setting: 8 h allows late-then-early', () => {
    const issues = checkRoster(
      input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}LE` }], rules: { minRestMinutes: 480 } }),
      translate,
    );
    expect(only(issues, 'rest')).toEqual([]);
  });

  it('a short rest between the last day of February and the 1st of March belongs to March', () => {
    // February 2026 context runs to 03-07; the person works N on 02-28 and E on 03-01.
    const february = input({ month: '2026-02', rows: [{ person: { id: 1 }, days: `${before}${'.'.repeat(27)}NE` }] });
    expect(only(checkRoster(february, translate), 'rest')).toEqual([]);
    const march = input({ month: '2026-03', rows: [{ person: { id: 1 }, days: '......NE' }] });
    expect(summary(only(checkRoster(march, translate), 'rest'))).toEqual(['rest@2026-03-01']);
  });
});

describe('ROS-4 one full rest day in seven, and consecutive working days', () => {
  it('a seven-day run spanning February and March is reported once, in March, on its seventh day', () => {
    // Context of March starts 2026-02-22: idle on 02-22…02-23, work 02-24…03-02 (7 days).
    const march = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: '..EEEEEEE' }] }), translate);
    expect(summary(only(march, 'restDay'))).toEqual(['restDay@2026-03-02']);
    expect(summary(only(march, 'consecutiveDays'))).toEqual(['consecutiveDays@2026-03-02']);
    expect(only(march, 'restDay')[0]!.message).toContain('2026-02-24');
    // February sees five of those days and nothing wrong.
    const february = input({ month: '2026-02', rows: [{ person: { id: 1 }, days: `${before}${'.'.repeat(23)}EEEEEEE` }] });
    expect(only(checkRoster(february, translate), 'restDay')).toEqual([]);
  });

  it('a run that already broke the rule last month and goes on is reported on the 1st', () => {
    const issues = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: 'EEEEEEEEE' }] }), translate);
    expect(summary(only(issues, 'restDay'))).toEqual(['restDay@2026-03-01']);
    expect(summary(only(issues, 'consecutiveDays'))).toEqual(['consecutiveDays@2026-03-01']);
  });

  it('six days then a rest day is allowed; seven is not; the maximum is a setting', () => {
    const six = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}EEEEEE-EEEEEE-` }] }), translate);
    expect(six).toEqual([]);
    const seven = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}EEEEEEE-` }] }), translate);
    expect(summary(seven)).toEqual(['consecutiveDays@2026-03-07', 'restDay@2026-03-07']);
    const five = checkRoster(
      input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}EEEEEE-` }], rules: { maxConsecutiveDays: 5 } }),
      translate,
    );
    expect(summary(five)).toEqual(['consecutiveDays@2026-03-06']);
  });

  it('the day after a night shift is not a full rest day', () => {
    // Six nights, then a day that is reached until 06:00 by the last night: no full rest in 7 days.
    const issues = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}NNNNNN.` }] }), translate);
    expect(summary(issues)).toEqual(['restDay@2026-03-07']);
    // A late shift ending at 24:00 does not reach into the next day.
    expect(checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}LLLLLL.` }] }), translate)).toEqual([]);
  });

  it('leap year: February 2028 has 29 days, and a run through 02-29 into March is seen by both months correctly', () => {
    const feb = input({ month: '2028-02', rows: [{ person: { id: 1 }, days: `${before}${'.'.repeat(22)}EEEEEEEE` }] });
    expect(feb.days).toHaveLength(29);
    expect(feb.days.at(-1)!.date).toBe('2028-02-29');
    // Works 02-23…03-01 (8 days): the 7th day is 02-29.
    expect(summary(checkRoster(feb, translate))).toEqual(['consecutiveDays@2028-02-29', 'restDay@2028-02-29']);
    // March 2028 starts its context on 02-23: the run goes on into 03-01, reported there once.
    const march = input({ month: '2028-03', rows: [{ person: { id: 1 }, days: 'EEEEEEEE' }] });
    expect(summary(checkRoster(march, translate))).toEqual(['consecutiveDays@2028-03-01', 'restDay@2028-03-01']);
  });
});

describe('ROS-4 hours', () => {
  it('daily hours over the limit are a warning per shift', () => {
    const issues = checkRoster(input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}G` }] }), translate);
    expect(summary(issues)).toEqual(['dailyHours@2026-03-01']);
    expect(ruleSeverity('dailyHours')).toBe('warning');
    expect(ruleSeverity('rest')).toBe('error');
  });

  it('weekly hours count paid minutes Monday to Sunday and report the day the limit is crossed', () => {
    // 2026-03-02 is a Monday. Five 8-hour (480 paid) days make exactly 40 h: allowed.
    const forty = shift(11, 'F', '八小时班', '09:00', '18:00', 480);
    shifts.push(forty);
    byCode.set('F', forty);
    try {
      const exact = checkRoster(
        input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}-FFFFF--` }], rules: { weeklyHours: 40 } }),
        translate,
      );
      expect(exact).toEqual([]);
      // A sixth day (Saturday 03-07) takes the week over 40 h.
      const over = checkRoster(
        input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}-FFFFFF-` }], rules: { weeklyHours: 40 } }),
        translate,
      );
      expect(summary(over)).toEqual(['weeklyHours@2026-03-07']);
      expect(over[0]!.message).toContain('48 小时');
      // Sunday to Monday is two weeks: 3 days + 4 days never reach 40 h in either.
      const split = checkRoster(
        input({ month: '2026-03', rows: [{ person: { id: 1 }, days: `${before}-----FFFFFFF-` }], rules: { weeklyHours: 40 } }),
        translate,
      );
      expect(only(split, 'weeklyHours')).toEqual([]);
    } finally {
      shifts.pop();
      byCode.delete('F');
    }
  });
});

describe('ROS-1 coverage', () => {
  it('planned below required is short per day and shift; exactly required is fine', () => {
    const view = input({
      month: '2026-03',
      rows: [
        { person: { id: 1 }, days: `${before}EE` },
        { person: { id: 2 }, days: `${before}E-` },
      ],
      requirements: [req('2026-03-01', E.id, 2), req('2026-03-02', E.id, 2)],
    });
    const issues = checkRoster(view, translate);
    expect(issues).toMatchObject([{ rule: 'coverage', ruleId: 'ROS-1', personId: null, date: '2026-03-02', shiftTypeId: E.id }]);
    expect(issues[0]!.message).toContain('缺 1 人');
    expect(coverageCounts(buildGrid(view))).toEqual([
      { date: '2026-03-01', shiftTypeId: E.id, function: null, required: 2, planned: 2 },
      { date: '2026-03-02', shiftTypeId: E.id, function: null, required: 2, planned: 1 },
    ]);
  });

  it('LEV-5: a person on approved leave does not count, and a shift on a leave day is a break', () => {
    const issues = checkRoster(
      input({
        month: '2026-03',
        rows: [{ person: { id: 1 }, days: `${before}E` }],
        requirements: [req('2026-03-01', E.id, 1)],
        leave: [{ personId: 1, date: '2026-03-01' }],
      }),
      translate,
    );
    expect(summary(issues)).toEqual(['coverage@2026-03-01', 'leave@2026-03-01']);
    expect(only(issues, 'leave')[0]!.ruleId).toBe('LEV-5');
  });

  it('a requirement per function counts only people of that function', () => {
    const issues = checkRoster(
      input({
        month: '2026-03',
        rows: [
          { person: { id: 1, function: 'service' }, days: `${before}EE` },
          { person: { id: 2, function: 'tech' }, days: `${before}.E` },
        ],
        requirements: [req('2026-03-01', E.id, 1, 'tech'), req('2026-03-02', E.id, 1, 'tech'), req('2026-03-02', E.id, 2)],
      }),
      translate,
    );
    expect(summary(issues)).toEqual(['coverage@2026-03-01']);
    expect(issues[0]!.message).toContain('技术支持');
  });

  it('an empty group: every requirement is short, nothing else; with no requirements nothing at all', () => {
    const empty = input({
      month: '2026-03',
      rows: [],
      requirements: [req('2026-03-01', E.id, 1), req('2026-03-01', L.id, 1), req('2026-03-31', E.id, 2)],
    });
    expect(summary(checkRoster(empty, translate))).toEqual(['coverage@2026-03-01', 'coverage@2026-03-01', 'coverage@2026-03-31']);
    expect(checkRoster(input({ month: '2026-03', rows: [] }), translate)).toEqual([]);
  });

  it('ROS-5: a statutory holiday is a day like any other for the rules; its own requirement applies', () => {
    // 2026-10-01 (国庆节): the group plans a lighter override; working on it breaks nothing.
    const issues = checkRoster(
      input({
        month: '2026-10',
        rows: [{ person: { id: 1 }, days: `${before}E---EE` }],
        requirements: [req('2026-10-01', E.id, 1), req('2026-10-02', E.id, 0)],
      }),
      translate,
    );
    expect(issues).toEqual([]);
  });
});

describe('employment, functions and limits of the check', () => {
  it('ORG-3: a person who left mid-month: shifts after leaving are breaks and do not count as cover', () => {
    const issues = checkRoster(
      input({
        month: '2026-03',
        rows: [{ person: { id: 1, activeTo: '2026-03-15' }, days: `${before}${'.'.repeat(14)}EE` }],
        requirements: [req('2026-03-15', E.id, 1), req('2026-03-16', E.id, 1)],
      }),
      translate,
    );
    expect(summary(issues)).toEqual(['coverage@2026-03-16', 'employment@2026-03-16']);
    expect(only(issues, 'employment')[0]!.personId).toBe(1);
  });

  it('ROS-3: a shift the person’s function may not work', () => {
    const issues = checkRoster(
      input({ month: '2026-03', rows: [{ person: { id: 1, function: 'service' }, days: `${before}T` }] }),
      translate,
    );
    expect(summary(issues)).toEqual(['function@2026-03-01']);
    expect(issues[0]!.message).toContain('技术支持');
  });

  it('context days are read but never reported; onlyPeople limits the person rules', () => {
    const view = input({
      month: '2026-03',
      rows: [
        { person: { id: 1 }, days: 'LE' },
        { person: { id: 2 }, days: `${before}LE` },
        { person: { id: 3 }, days: `${before}LE` },
      ],
    });
    expect(summary(checkRoster(view, translate))).toEqual(['rest@2026-03-02', 'rest@2026-03-02']);
    expect(checkRoster(view, translate, new Set([3])).map((i) => i.personId)).toEqual([3]);
  });

  it('messages follow the language', () => {
    setLanguage('en');
    try {
      const issues = checkRoster(
        input({
          month: '2026-03',
          rows: [{ person: { id: 1, name: 'Li Na' }, days: `${before}NDEEEEEEE` }],
          requirements: [req('2026-03-01', M.id, 1)],
        }),
        translate,
      );
      expect(issues.length).toBeGreaterThan(2);
      // Shift names are the user's own words (Chinese here); the sentences around them are English.
      for (const issue of issues) expect(issue.message.replace(/[早中夜白]班/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
      expect(only(issues, 'rest')[0]!.message).toContain('3 h');
    } finally {
      setLanguage('zh-CN');
    }
  });
});

describe('ROS-3 shift type consistency', () => {
  it('start equal to end is invalid; crossing midnight is fine; paid ≤ length − break', () => {
    expect(shiftTypeProblems({ startMinute: 480, endMinute: 480, paidMinutes: 0, breakMinutes: 0 }).map((p) => p.path)).toEqual([
      'endMinute',
    ]);
    expect(shiftTypeProblems({ startMinute: 1320, endMinute: 360, paidMinutes: 450, breakMinutes: 30 })).toEqual([]);
    expect(shiftTypeProblems({ startMinute: 1320, endMinute: 360, paidMinutes: 451, breakMinutes: 30 })).toMatchObject([
      { path: 'paidMinutes', params: { max: 450 } },
    ]);
    expect(shiftTypeProblems({ startMinute: 960, endMinute: 0, paidMinutes: 480, breakMinutes: 0 })).toEqual([]);
    expect(shiftTypeProblems({ startMinute: 480, endMinute: 960, paidMinutes: 0, breakMinutes: 480 }).map((p) => p.path)).toEqual([
      'breakMinutes',
    ]);
  });
});
