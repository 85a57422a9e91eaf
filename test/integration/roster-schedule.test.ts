import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import type { MonthView, ScheduleJob } from '../../main/roster/contract.ts';
import type { RosterProblem } from '../../main/roster/problem.ts';
import { testHost, ok, fails, count, hostCtx, samplePerson, shiftType, setCells } from '../helpers/host.ts';
import { buildScheduleProblem, loadScheduleProblem } from '../../main/roster/schedule/problem.ts';
import { listWishes } from '../../main/roster/wishes.ts';
import { JOB_TTL_MS } from '../../main/roster/schedule/jobs.ts';

// The auto-scheduler (ROS-1, ROS-3, ROS-4, LEV-5) through the dispatcher on a real data file:
// the problem built from the month, and jobs that start, report progress, finish, are cancelled
// or refused; applying the result with setCells (source 'auto') leaves no ROS-1 gap.

let host: AppHost;
let ids: { one: number; two: number; people: number[]; tech: number; E: number; L: number; N: number };
let started: string[] = [];

/** 一组: five service agents (one the leader) and a tech; E, L and a service-only night N, one each a day. */
beforeEach(async () => {
  host = await testHost();
  started = [];
  const one = await ok(host, 'people.createGroup', { name: '一组' });
  const two = await ok(host, 'people.createGroup', { name: '二组' });
  const names = ['王组长', '李娜', '张伟', '刘洋', '陈静'];
  const people: number[] = [];
  for (const [i, name] of names.entries()) {
    const p = await ok(host, 'people.create', {
      ...samplePerson,
      employeeNo: `A${i + 1}`,
      name,
      role: i === 0 ? 'leader' : 'agent',
      groupId: one.id,
      hireDate: '2025-01-01',
    });
    people.push(p.id);
  }
  const tech = (
    await ok(host, 'people.create', {
      ...samplePerson,
      employeeNo: 'T1',
      name: '赵技术',
      function: 'tech',
      groupId: one.id,
      hireDate: '2025-01-01',
    })
  ).id;
  const E = (await ok(host, 'roster.saveShiftType', shiftType('E', '早班', 480, 960))).id;
  const L = (await ok(host, 'roster.saveShiftType', shiftType('L', '晚班', 840, 1320))).id;
  const N = (await ok(host, 'roster.saveShiftType', shiftType('N', '夜班', 1320, 360, ['service']))).id;
  const rows = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    rows.push({ shiftTypeId: E, weekday, onDate: null, function: null, minPeople: 1 });
    rows.push({ shiftTypeId: L, weekday, onDate: null, function: null, minPeople: 1 });
    rows.push({ shiftTypeId: N, weekday, onDate: null, function: null, minPeople: weekday === 0 || weekday === 6 ? 0 : 1 });
  }
  await ok(host, 'roster.saveCoverage', { groupId: one.id, rows });
  ids = { one: one.id, two: two.id, people, tech, E, L, N };
});

afterEach(async () => {
  // A job still running keeps its worker thread busy: stop it before the next test.
  for (const id of started) await host.dispatch('roster.cancelSchedule', { id });
  host.close();
});

const lock = (cells: Array<[number, string]>) =>
  ok(host, 'roster.lockCells', { cells: cells.map(([personId, date]) => ({ personId, date })), locked: true });
const build = (groupId: number | null = ids.one, fillGapsOnly = false) =>
  loadScheduleProblem(hostCtx(host), '2026-03', groupId, { fillGapsOnly });
const staffOf = (problem: RosterProblem, employeeNo: string) => problem.staff.find((s) => s.id === employeeNo)!;

async function start(input: Partial<{ month: string; groupId: number | null; seconds: number; fillGapsOnly: boolean }> = {}) {
  const job: ScheduleJob = await ok(host, 'roster.autoSchedule', {
    month: '2026-03',
    groupId: ids.one,
    seconds: 5,
    fillGapsOnly: false,
    ...input,
  });
  started.push(job.id);
  return job;
}

async function finish(id: string): Promise<ScheduleJob> {
  for (;;) {
    const job: ScheduleJob = await ok(host, 'roster.scheduleJob', { id });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Coverage asks more than 一组 can ever give: no roster is free of penalty, so a job runs its whole budget. */
async function overDemand() {
  const rows = [ids.E, ids.L].flatMap((shiftTypeId) =>
    [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ shiftTypeId, weekday, onDate: null, function: null, minPeople: 4 })),
  );
  await ok(host, 'roster.saveCoverage', { groupId: ids.one, rows });
}

describe('the problem built from the month', () => {
  it('maps people to staff and shift types to shifts, with rest successions from real times across midnight (ROS-4)', () => {
    const { built } = build();
    const { problem } = built;
    expect(problem.format).toBe('roster-problem/1');
    expect(problem.startDate).toBe('2026-03-01');
    expect(problem.days).toBe(31);
    expect(problem.staff.map((s) => s.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'T1']);
    expect(built.personOf.get('T1')!.id).toBe(ids.tech);
    expect(built.staffOf.get(ids.people[1]!)).toBe('A2');
    expect(built.shiftTypeOf.get('N')!.id).toBe(ids.N);
    // 11 hours of rest: L ends 22:00, E starts 08:00 (10 h); N ends 06:00 the next day, so E (2 h)
    // and L (8 h) may not follow it; N after N leaves 16 h.
    expect(problem.shifts).toEqual([
      { id: 'E', minutes: 450, start: '08:00', forbiddenNext: [] },
      { id: 'L', minutes: 450, start: '14:00', forbiddenNext: ['E'] },
      { id: 'N', minutes: 450, start: '22:00', forbiddenNext: ['E', 'L'] },
    ]);
    // Cover: every day and shift, 0 where nothing is required (nights at the weekend), so people
    // put there count as over; weights 100 short, 1 over.
    expect(problem.cover).toHaveLength(31 * 3);
    expect(problem.cover.find((c) => c.day === 0 && c.shift === 'N')).toEqual({
      day: 0,
      shift: 'N',
      requirement: 0,
      underWeight: 100,
      overWeight: 1,
    });
    expect(problem.cover.find((c) => c.day === 1 && c.shift === 'N')!.requirement).toBe(1);
    const agent = staffOf(problem, 'A2');
    // 8-hour days within 40 weekly hours: at most 5 in a row with 2 days off between, so no
    // seven days hold more than 5 (ROS-4 weekly hours), and nights get a full rest day after them.
    expect(agent).toMatchObject({ minConsecutiveShifts: 1, maxConsecutiveShifts: 5, minConsecutiveDaysOff: 2, daysOff: [], maxShifts: {} });
    // law.weeklyHours over the month's weeks as the maximum, 60 % of it as the minimum.
    expect(agent.maxMinutes).toBe(Math.floor((40 * 60 * 31) / 7));
    expect(agent.minMinutes).toBe(Math.floor(0.6 * agent.maxMinutes));
    // Five weekends (Sunday the 1st alone), at most two people each: ⌈10 / 6⌉ = 2 weekends each.
    expect(agent.maxWeekends).toBe(2);
  });

  it('ROS-3: a shift type the person’s function may not work is never given to them; function-only requirements limit who works a shift', async () => {
    const T = (await ok(host, 'roster.saveShiftType', shiftType('T', '技术班', 540, 1020))).id;
    const rows = await ok(host, 'roster.coverage', { groupId: ids.one });
    await ok(host, 'roster.saveCoverage', {
      groupId: ids.one,
      rows: [
        ...rows.map(({ id: _id, ...r }: any) => r),
        { shiftTypeId: T, weekday: 2, onDate: null, function: 'tech', minPeople: 1 },
        { shiftTypeId: T, weekday: 2, onDate: null, function: 'service', minPeople: 1 },
      ],
    });
    const { problem } = build().built;
    expect(staffOf(problem, 'T1').maxShifts).toEqual({ N: 0 });
    // T is asked only per function (tech, service): people of those functions may work it; the
    // total asked is the sum of the function rows.
    expect(staffOf(problem, 'A2').maxShifts).toEqual({});
    expect(problem.cover.find((c) => c.day === 2 && c.shift === 'T')!.requirement).toBe(2);
    await ok(host, 'roster.saveCoverage', {
      groupId: ids.one,
      rows: [...rows.map(({ id: _id, ...r }: any) => r), { shiftTypeId: T, weekday: 2, onDate: null, function: 'tech', minPeople: 1 }],
    });
    const techOnly = build().built.problem;
    expect(staffOf(techOnly, 'A2').maxShifts).toEqual({ T: 0 });
    expect(staffOf(techOnly, 'T1').maxShifts).toEqual({ N: 0 });
  });

  it('days outside employment or the group are days off, and the hours are pro-rated; approved leave is a day off (LEV-5)', async () => {
    const late = (
      await ok(host, 'people.create', { ...samplePerson, employeeNo: 'A9', name: '新人', groupId: ids.one, hireDate: '2026-03-10' })
    ).id;
    await ok(host, 'people.markLeft', { id: ids.people[4], leftOn: '2026-03-20', reason: null });
    // Moves to 二组 from the 25th: in 一组's roster the days from then on are not theirs.
    await ok(host, 'people.move', { id: ids.people[3], groupId: ids.two, fromDate: '2026-03-25' });
    const { view, built } = build();
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    expect(staffOf(built.problem, 'A9').daysOff).toEqual(range(0, 8));
    expect(staffOf(built.problem, 'A9').maxMinutes).toBe(Math.floor((2400 * 22) / 7));
    expect(staffOf(built.problem, 'A5').daysOff).toEqual(range(20, 30));
    expect(staffOf(built.problem, 'A4').daysOff).toEqual(range(24, 30));
    expect(built.editable.filter((c) => c.personId === late).map((c) => c.date)[0]).toBe('2026-03-10');

    // Leave arrives through the leave hook (leaveBetween); the month view carries it.
    const withLeave: MonthView = {
      ...view,
      leave: [
        { personId: ids.people[1]!, date: '2026-03-05', kind: 'annual', label: '年假' },
        { personId: ids.people[1]!, date: '2026-03-06', kind: 'annual', label: '年假' },
      ],
    };
    const onLeave = buildScheduleProblem(withLeave, [], { fillGapsOnly: false });
    const agent = staffOf(onLeave.problem, 'A2');
    expect(agent.daysOff).toEqual([4, 5]);
    expect(agent.maxMinutes).toBe(Math.floor((2400 * 29) / 7));
    expect(onLeave.editable.find((c) => c.personId === ids.people[1] && c.date === '2026-03-05')).toMatchObject({ onLeave: true });
  });

  it('locked cells are kept: a locked shift is a locked assignment, a locked rest day a day off; "fill the gaps only" keeps every cell', async () => {
    const [a, b] = ids.people as [number, number];
    await setCells(host, [
      [a, '2026-03-02', ids.E],
      [a, '2026-03-03', 'rest'],
      [a, '2026-03-04', ids.L],
      [b, '2026-03-02', ids.N],
    ]);
    await lock([
      [a, '2026-03-02'],
      [a, '2026-03-03'],
    ]);
    const { built } = build();
    expect(built.locked).toEqual([{ staff: 'A1', day: 1, shift: 'E' }]);
    expect(staffOf(built.problem, 'A1').daysOff).toEqual([2]);
    const editable = (p: typeof built) =>
      p.editable.filter((c) => c.personId === a || c.personId === b).map((c) => `${c.personId}:${c.date}`);
    expect(editable(built)).not.toContain(`${a}:2026-03-02`);
    expect(editable(built)).not.toContain(`${a}:2026-03-03`);
    expect(built.editable.find((c) => c.personId === a && c.date === '2026-03-04')).toMatchObject({ current: ids.L, day: 3 });

    const gaps = build(ids.one, true).built;
    expect(gaps.locked).toEqual([
      { staff: 'A1', day: 1, shift: 'E' },
      { staff: 'A1', day: 3, shift: 'L' },
      { staff: 'A2', day: 1, shift: 'N' },
    ]);
    expect(editable(gaps)).not.toContain(`${a}:2026-03-04`);
    expect(editable(gaps)).not.toContain(`${b}:2026-03-02`);
    expect(editable(gaps)).toContain(`${b}:2026-03-03`);
  });

  it('ROS-4 across the month boundary: the run and the last shift of February are in the problem, fixed as they are', async () => {
    const [a, b] = ids.people as [number, number];
    // 王组长 worked nights from 24 to 28 February (five in a row); 李娜 a late shift on the 28th.
    await setCells(host, [
      ...[24, 25, 26, 27, 28].map((d): [number, string, number] => [a, `2026-02-${d}`, ids.N]),
      [b, '2026-02-28', ids.L],
    ]);
    const { problem, locked, firstDay, dates } = build().built;
    expect(problem.startDate).toBe('2026-02-24');
    expect(firstDay).toBe(5);
    expect(dates[firstDay]).toBe('2026-03-01');
    expect(locked.filter((l) => l.staff === 'A1').map((l) => [l.day, l.shift])).toEqual([0, 1, 2, 3, 4].map((d) => [d, 'N']));
    expect(locked.filter((l) => l.staff === 'A2')).toEqual([{ staff: 'A2', day: 4, shift: 'L' }]);
    // Context days a row does not need are off; no cover or wishes on them.
    expect(staffOf(problem, 'A2').daysOff).toEqual([0, 1, 2, 3]);
    expect(problem.cover.every((c) => c.day >= firstDay)).toBe(true);
    // Their minutes count on both sides of the month's limits.
    expect(staffOf(problem, 'A1').maxMinutes - staffOf(problem, 'A3').maxMinutes).toBe(5 * 450);

    const job = await finish((await start({ seconds: 2 })).id);
    const cells = new Map(job.result!.changes.map((c) => [`${c.personId}:${c.date}`, c.value]));
    expect(cells.get(`${a}:2026-03-01`) ?? null).not.toBeTypeOf('number');
    expect(cells.get(`${b}:2026-03-01`)).not.toBe(ids.E);
    await ok(host, 'roster.setCells', { changes: job.result!.changes, source: 'auto' });
    const issues = await ok(host, 'roster.check', { month: '2026-03', groupId: ids.one });
    expect(issues.filter((i: any) => i.ruleId === 'ROS-4')).toEqual([]);
  });

  it('wishes become requests: not to work → one per shift the person may work; to work any shift → the same, with the constant part set aside', async () => {
    const [a, b, c] = ids.people as [number, number, number];
    const wish = (personId: number, date: string, shiftTypeId: number | null, kind: 'on' | 'off', weight: number) =>
      ok(host, 'roster.saveWish', { personId, date, shiftTypeId, kind, weight, note: null });
    await wish(a, '2026-03-08', null, 'off', 3);
    await wish(b, '2026-03-09', ids.E, 'on', 2);
    await wish(c, '2026-03-10', null, 'on', 1);
    await wish(ids.tech, '2026-03-10', null, 'on', 4);
    const { built } = build();
    expect(built.problem.requests).toEqual([
      { staff: 'A1', day: 7, shift: 'E', kind: 'off', weight: 3 },
      { staff: 'A1', day: 7, shift: 'L', kind: 'off', weight: 3 },
      { staff: 'A1', day: 7, shift: 'N', kind: 'off', weight: 3 },
      { staff: 'A2', day: 8, shift: 'E', kind: 'on', weight: 2 },
      { staff: 'A3', day: 9, shift: 'E', kind: 'on', weight: 1 },
      { staff: 'A3', day: 9, shift: 'L', kind: 'on', weight: 1 },
      { staff: 'A3', day: 9, shift: 'N', kind: 'on', weight: 1 },
      { staff: 'T1', day: 9, shift: 'E', kind: 'on', weight: 4 },
      { staff: 'T1', day: 9, shift: 'L', kind: 'on', weight: 4 },
    ]);
    // Working any one shift misses the other (k − 1) requests: 2 × 1 for 刘洋… A3, 1 × 4 for the tech.
    expect(built.requestOffset).toBe(2 * 1 + 1 * 4);
    const wishes = listWishes(hostCtx(host), '2026-03');
    expect(built.requestWish.map((w) => w!.id)).toEqual(
      [0, 0, 0, 1, 2, 2, 2, 3, 3].map((i) => wishes.find((x) => x.personId === [a, b, c, ids.tech][i])!.id),
    );
  });
});

describe('jobs', () => {
  it('starts at once, reports progress, finishes with a valid roster; the changes spare locked cells; applied with setCells no post is short (ROS-1)', async () => {
    const [a] = ids.people as [number];
    await setCells(host, [
      [a, '2026-03-02', ids.L],
      [a, '2026-03-03', 'rest'],
    ]);
    await lock([
      [a, '2026-03-02'],
      [a, '2026-03-03'],
    ]);
    const before = Date.now();
    const job = await start({ seconds: 3 });
    expect(Date.now() - before).toBeLessThan(1500);
    expect(job).toMatchObject({ state: 'running', result: null, message: null });
    expect(job.id).toMatch(/^[0-9a-f-]{36}$/);

    const done = await finish(job.id);
    expect(done.state).toBe('done');
    expect(done.elapsedMs).toBeLessThan(3000 + 3000);
    expect(done.valid).toBe(true);
    const result = done.result!;
    expect(result.hardViolations).toEqual([]);
    expect(done.bestPenalty).toBe(result.penalty);
    // What the penalty is made of adds up to it.
    expect(result.explanation.reduce((sum, e) => sum + e.penalty, 0)).toBe(result.penalty);
    expect(result.changes.length).toBeGreaterThan(60);
    expect(result.changes.some((c) => c.personId === a && (c.date === '2026-03-02' || c.date === '2026-03-03'))).toBe(false);
    for (const c of result.changes) {
      expect(c.date >= '2026-03-01' && c.date <= '2026-03-31').toBe(true);
      expect([ids.E, ids.L, ids.N, 'rest', null]).toContain(c.value);
      if (c.personId === ids.tech) expect(c.value).not.toBe(ids.N);
    }

    const audit = count(host, 'audit_log');
    const applied = await ok(host, 'roster.setCells', { changes: result.changes, source: 'auto' });
    expect(applied.changed).toBe(result.changes.length);
    expect(count(host, 'audit_log')).toBe(audit + result.changes.length);
    const issues = await ok(host, 'roster.check', { month: '2026-03', groupId: ids.one });
    expect(issues.filter((i: any) => i.ruleId === 'ROS-1')).toEqual([]);
    expect(issues).toEqual([]);
    // Asked again, the job has nothing left to change.
    expect((await ok(host, 'roster.scheduleJob', { id: job.id })).result.changes).toEqual([]);
  });

  it('stops early when it finds a roster with no penalty at all', async () => {
    const rows = await ok(host, 'roster.coverage', { groupId: ids.one });
    await ok(host, 'roster.saveCoverage', {
      groupId: ids.one,
      rows: rows.map(({ id: _id, ...r }: any) => (r.shiftTypeId === ids.E ? { ...r, minPeople: 2 } : r)),
    });
    // The budget is counted in work, not time: with seed 1 the zero roster comes at about a fifth of it (scouting starts, no dive below 6 s).
    const done = await finish((await start({ seconds: 5 })).id);
    expect(done).toMatchObject({ state: 'done', bestPenalty: 0, valid: true, message: '已找到没有任何扣分的排班，提前结束。' });
    expect(done.elapsedMs).toBeLessThan(8000);
    expect(done.result!.explanation.filter((e) => e.penalty > 0)).toEqual([]);
  });

  it('fill the gaps only: cells already there stay, only empty ones are filled', async () => {
    const [a, b] = ids.people as [number, number];
    await setCells(host, [
      [a, '2026-03-02', ids.E],
      [a, '2026-03-03', 'rest'],
      [b, '2026-03-02', ids.L],
    ]);
    const done = await finish((await start({ fillGapsOnly: true, seconds: 2 })).id);
    expect(done.state).toBe('done');
    const touched = done.result!.changes.map((c) => `${c.personId}:${c.date}`);
    expect(touched).not.toContain(`${a}:2026-03-02`);
    expect(touched).not.toContain(`${a}:2026-03-03`);
    expect(touched).not.toContain(`${b}:2026-03-02`);
    expect(done.result!.changes.every((c) => c.value !== null)).toBe(true);
  });

  it('explains the remaining penalty: which posts are short on which days and why, per function too, and the wishes not met', async () => {
    await overDemand();
    // Mondays: two of the four early posts for technical support; 一组 has one tech.
    const rows = await ok(host, 'roster.coverage', { groupId: ids.one });
    await ok(host, 'roster.saveCoverage', {
      groupId: ids.one,
      rows: [...rows.map(({ id: _id, ...r }: any) => r), { shiftTypeId: ids.E, weekday: 1, onDate: null, function: 'tech', minPeople: 2 }],
    });
    const [a] = ids.people as [number];
    await ok(host, 'roster.saveWish', { personId: a, date: '2026-03-04', shiftTypeId: null, kind: 'on', weight: 5, note: null });
    for (let d = 10; d <= 31; d++) {
      await ok(host, 'roster.saveWish', { personId: a, date: `2026-03-${d}`, shiftTypeId: null, kind: 'off', weight: 1, note: null });
    }
    const done = await finish((await start({ seconds: 2 })).id);
    expect(done.state).toBe('done');
    const result = done.result!;
    expect(done.valid).toBe(true);
    const short = result.explanation.filter((e) => e.kind === 'short');
    expect(short.length).toBeGreaterThan(20);
    // Six people, eight posts a day: every day is short, at 100 a person.
    expect(short[0]!.message).toMatch(/^3月1日（周日） (早班|晚班)：需要 4 人，排了 \d 人，缺 \d 人。原因：/);
    expect(short.every((e) => e.penalty % 100 === 0 && e.penalty > 0)).toBe(true);
    expect(short.some((e) => /再排就会违反规则（.*(连续工作天数|连续休息天数|两班之间的休息时间)/.test(e.message))).toBe(true);
    // 王组长 cannot be off from the 10th to the end and still work 60 % of the month.
    const wishes = result.explanation.filter((e) => e.kind === 'wish');
    expect(wishes.every((w) => w.message.startsWith('王组长希望 3月'))).toBe(true);
    const offWishes = wishes.filter((w) => /^王组长希望 3月\d+日（周.） 休息，未能满足$/.test(w.message));
    expect(offWishes.length).toBeGreaterThan(0);
    expect(offWishes.every((w) => w.penalty === 1)).toBe(true);
    // The model counts people, not functions: a function short is told, at no penalty.
    const functions = result.explanation.filter((e) => e.kind === 'function');
    expect(functions.length).toBeGreaterThanOrEqual(5);
    expect(functions[0]).toMatchObject({ penalty: 0 });
    expect(functions[0]!.message).toMatch(/^2026-03-02 早班（技术支持）：需要 2 人，只排了 [01] 人.*不区分职能/);
    expect(result.explanation.reduce((sum, e) => sum + e.penalty, 0)).toBe(result.penalty);
  });

  it('cancel stops the search and still offers the best roster found so far', async () => {
    await overDemand();
    const job = await start({ seconds: 60 });
    let polled = job;
    while (polled.bestPenalty === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      polled = await ok(host, 'roster.scheduleJob', { id: job.id });
    }
    expect(polled.state).toBe('running');
    const cancelled: ScheduleJob = await ok(host, 'roster.cancelSchedule', { id: job.id });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.elapsedMs).toBeLessThan(20_000);
    expect(cancelled.message).toContain('已取消');
    expect(cancelled.result!.changes.length).toBeGreaterThan(0);
    // Cancelling again, or polling, answers the same.
    expect((await ok(host, 'roster.cancelSchedule', { id: job.id })).state).toBe('cancelled');
    expect((await ok(host, 'roster.scheduleJob', { id: job.id })).state).toBe('cancelled');
    // An hour after it ended, the job is forgotten.
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + JOB_TTL_MS + 1000);
    try {
      expect((await fails(host, 'roster.scheduleJob', { id: job.id })).code).toBe('NOT_FOUND');
    } finally {
      clock.mockRestore();
    }
  });

  it('says plainly when no roster keeps every rule: the best one is offered with the rules it still breaks (ROS-4)', async () => {
    const [a] = ids.people as [number];
    // Locked by hand: a late shift, then an early one the next morning (10 hours of rest).
    await setCells(host, [
      [a, '2026-03-02', ids.L],
      [a, '2026-03-03', ids.E],
    ]);
    await lock([
      [a, '2026-03-02'],
      [a, '2026-03-03'],
    ]);
    // In the model the locked early shift is a twin of E that L does not forbid, so 王组长 still
    // has valid rows and keeps every other rule.
    const { built } = build();
    expect(built.locked.filter((l) => l.staff === 'A1')).toEqual([
      { staff: 'A1', day: 1, shift: 'L' },
      { staff: 'A1', day: 2, shift: "E'" },
    ]);
    expect(built.problem.shifts.find((x) => x.id === "E'")).toEqual({ id: "E'", minutes: 450, start: '08:00', forbiddenNext: [] });
    expect(staffOf(built.problem, 'A2').maxShifts).toEqual({ "E'": 0 });
    expect(built.problem.cover.find((c) => c.day === 2 && c.shift === 'E')!.requirement).toBe(0);

    const done = await finish((await start({ seconds: 2 })).id);
    expect(done.state).toBe('done');
    expect(done.valid).toBe(false);
    expect(done.message).toContain('没有找到满足全部排班规则的方案');
    expect(done.result!.hardViolations).toHaveLength(1);
    expect(done.result!.hardViolations[0]).toMatch(/^王组长：2026-03-02 晚班.*只休息 10 小时/);
    expect(done.result!.changes.length).toBeGreaterThan(0);
    expect(done.result!.changes.some((c) => c.personId === a && c.date <= '2026-03-03' && c.date >= '2026-03-02')).toBe(false);
    expect(done.result!.explanation.filter((e) => e.kind === 'note')).toEqual([]);
  });

  it('one job per scope at a time: a second start is a CONFLICT; another scope may run', async () => {
    await overDemand();
    const first = await start({ seconds: 60 });
    const again = await fails(host, 'roster.autoSchedule', { month: '2026-04', groupId: ids.one, seconds: 5, fillGapsOnly: false });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('一组');
    expect(again.details).toMatchObject([{ path: 'groupId' }]);
    // The department is another scope (with its own requirements).
    await ok(host, 'roster.saveCoverage', {
      groupId: null,
      rows: [{ shiftTypeId: ids.E, weekday: 1, onDate: null, function: null, minPeople: 1 }],
    });
    const department = await start({ groupId: null, seconds: 1 });
    expect(department.state).toBe('running');
    await ok(host, 'roster.cancelSchedule', { id: first.id });
    const next = await start({ seconds: 1 });
    expect(next.state).toBe('running');
    await finish(next.id);
    await finish(department.id);
  });

  it('refuses what cannot be scheduled, saying what to set up first, and writes nothing', async () => {
    const cellAudits = () =>
      (host.store().sqlite.prepare("select count(*) as n from audit_log where entity = 'assignment'").get() as { n: number }).n;
    const before = { assignments: count(host, 'assignments'), audits: cellAudits() };
    const empty = await ok(host, 'people.createGroup', { name: '三组' });
    const noPeople = await fails(host, 'roster.autoSchedule', { month: '2026-03', groupId: empty.id, seconds: 5, fillGapsOnly: false });
    expect(noPeople).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'groupId' }] });
    expect(noPeople.message).toContain('三组');
    expect(noPeople.message).toContain('人员');
    const noCoverage = await fails(host, 'roster.autoSchedule', { month: '2026-03', groupId: ids.two, seconds: 5, fillGapsOnly: false });
    // 二组 has no people either; the department has people but no requirements of its own.
    expect(noCoverage.code).toBe('RULE_VIOLATION');
    const department = await fails(host, 'roster.autoSchedule', { month: '2026-03', groupId: null, seconds: 5, fillGapsOnly: false });
    expect(department.code).toBe('RULE_VIOLATION');
    expect(department.message).toContain('覆盖要求');
    expect(department.message).toContain('班次与覆盖');

    await ok(host, 'roster.publish', { month: '2026-03', groupId: ids.one, acknowledgeIssues: true, note: null });
    const published = await fails(host, 'roster.autoSchedule', { month: '2026-03', groupId: ids.one, seconds: 5, fillGapsOnly: false });
    expect(published).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'month' }] });
    expect(published.message).toContain('已发布');

    for (const channel of ['roster.scheduleJob', 'roster.cancelSchedule']) {
      const missing = await fails(host, channel, { id: 'no-such-job' });
      expect(missing).toMatchObject({ code: 'NOT_FOUND', details: [{ path: 'id' }] });
    }
    const tooLong = await fails(host, 'roster.autoSchedule', { month: '2026-03', groupId: ids.one, seconds: 601, fillGapsOnly: false });
    expect(tooLong).toMatchObject({ code: 'VALIDATION', details: [{ path: 'seconds' }] });
    expect({ assignments: count(host, 'assignments'), audits: cellAudits() }).toEqual(before);
  });

  it('without shift types the refusal points to 班次与覆盖', async () => {
    const fresh = await testHost();
    try {
      const g = await ok(fresh, 'people.createGroup', { name: '一组' });
      await ok(fresh, 'people.create', { ...samplePerson, groupId: g.id });
      const error = await fails(fresh, 'roster.autoSchedule', { month: '2026-03', groupId: g.id, seconds: 5, fillGapsOnly: false });
      expect(error.code).toBe('RULE_VIOLATION');
      expect(error.message).toContain('还没有可用的班次');
    } finally {
      fresh.close();
    }
  });

  it('in the department, published groups are kept as they are', async () => {
    const other = (
      await ok(host, 'people.create', { ...samplePerson, employeeNo: 'B1', name: '二组人', groupId: ids.two, hireDate: '2025-01-01' })
    ).id;
    await ok(host, 'roster.publish', { month: '2026-03', groupId: ids.two, acknowledgeIssues: true, note: null });
    const rows = await ok(host, 'roster.coverage', { groupId: ids.one });
    await ok(host, 'roster.saveCoverage', { groupId: null, rows: rows.map(({ id: _id, ...r }: any) => r) });
    const done = await finish((await start({ groupId: null, seconds: 2 })).id);
    expect(done.state).toBe('done');
    expect(done.result!.changes.some((c) => c.personId === other)).toBe(false);
    expect(done.result!.explanation).toContainEqual({ kind: 'note', message: '二组的本月排班已发布，保持不变。', penalty: 0 });
  });
});
