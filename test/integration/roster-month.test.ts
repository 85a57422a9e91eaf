import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { testHost, ok, fails, count, samplePerson, shiftType, setCells } from '../helpers/host.ts';
import { weekday } from '../../main/time/dates.ts';

// The month grid (ROS-1, ROS-4, ROS-5), cells, publishing and the change log (ROS-7), and
// swaps (ROS-2), through the dispatcher on a real data file.

let host: AppHost;
let ids: {
  one: number;
  two: number;
  leader: number;
  li: number;
  tech: number;
  mover: number;
  leaver: number;
  other: number;
  E: number;
  L: number;
  N: number;
  T: number;
};

beforeEach(async () => {
  host = await testHost();
  const one = await ok(host, 'people.createGroup', { name: '一组' });
  const two = await ok(host, 'people.createGroup', { name: '二组' });
  let n = 0;
  const hire = async (name: string, groupId: number, extra: object = {}) =>
    (await ok(host, 'people.create', { ...samplePerson, employeeNo: `A${++n}`, name, groupId, hireDate: '2025-01-01', ...extra }))
      .id as number;
  const leader = await hire('王组长', one.id, { role: 'leader' });
  const li = await hire('李娜', one.id);
  const tech = await hire('赵技术', one.id, { function: 'tech' });
  const mover = await hire('陈调动', two.id);
  const leaver = await hire('孙离职', one.id);
  const other = await hire('周二组', two.id);
  await ok(host, 'people.move', { id: mover, groupId: one.id, fromDate: '2026-03-10' });
  await ok(host, 'people.markLeft', { id: leaver, leftOn: '2026-03-15', reason: null });
  const E = (await ok(host, 'roster.saveShiftType', shiftType('E', '早班', 480, 960))).id;
  const L = (await ok(host, 'roster.saveShiftType', shiftType('L', '晚班', 960, 0))).id;
  const N = (await ok(host, 'roster.saveShiftType', shiftType('N', '夜班', 1320, 360))).id;
  const T = (await ok(host, 'roster.saveShiftType', shiftType('T', '技术班', 540, 1020, ['tech']))).id;
  ids = { one: one.id, two: two.id, leader, li, tech, mover, leaver, other, E, L, N, T };
});
afterEach(() => host.close());

const cellsOf = (view: any, personId: number) =>
  Object.fromEntries(view.cells.filter((c: any) => c[0] === personId).map((c: any) => [c[1], c[2]]));
const audits = (entity: string, like = '%') =>
  host
    .store()
    .sqlite.prepare('select action, entity_id as entityId, before, after from audit_log where entity = ? and entity_id like ? order by id')
    .all(entity, like) as any[];
const snapshot = () => ({
  assignments: host.store().sqlite.prepare('select person_id, date, shift_type_id, locked from assignments order by person_id, date').all(),
  audit: count(host, 'audit_log'),
  months: count(host, 'roster_months'),
  swaps: host.store().sqlite.prepare('select * from swap_requests order by id').all(),
});

describe('the month view', () => {
  it('has the group’s people with the days they belong to it, cells with seven days of context, requirements and rule settings', async () => {
    await ok(host, 'roster.saveCoverage', {
      groupId: ids.one,
      rows: [
        ...[0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ shiftTypeId: ids.E, weekday, onDate: null, function: null, minPeople: 1 })),
        { shiftTypeId: ids.L, weekday: 1, onDate: null, function: 'tech', minPeople: 1 },
        { shiftTypeId: ids.E, weekday: null, onDate: '2026-03-08', function: null, minPeople: 2 },
      ],
    });
    await ok(host, 'settings.change', { key: 'roster.minRestMinutes', value: 720, effectiveFrom: '2026-01-01', ruleDocumentId: 1 });
    await setCells(host, [
      [ids.li, '2026-02-22', ids.E], // context: 7 days before March
      [ids.li, '2026-02-21', ids.E], // outside the context
      [ids.li, '2026-03-01', 'rest'],
      [ids.li, '2026-04-07', ids.L], // context after
      [ids.other, '2026-03-02', ids.E], // another group
    ]);
    await ok(host, 'roster.lockCells', { cells: [{ personId: ids.li, date: '2026-03-01' }], locked: true });
    const view = await ok(host, 'roster.month', { month: '2026-03', groupId: ids.one });
    expect(view.context).toEqual({ from: '2026-02-22', to: '2026-04-07' });
    expect(view.days).toHaveLength(31);
    expect(view.days[0]).toEqual({ date: '2026-03-01', weekday: 0, kind: 'ordinary', holidayName: null });
    expect(view.people.map((p: any) => [p.name, p.activeFrom, p.activeTo])).toEqual([
      ['王组长', '2025-01-01', null],
      ['李娜', '2025-01-01', null],
      ['赵技术', '2025-01-01', null],
      ['陈调动', '2026-03-10', null],
      ['孙离职', '2025-01-01', '2026-03-15'],
    ]);
    expect(view.cells).toEqual([
      [ids.li, '2026-02-22', ids.E, false],
      [ids.li, '2026-03-01', 'rest', true],
      [ids.li, '2026-04-07', ids.L, false],
    ]);
    expect(view.shiftTypes.map((s: any) => s.code)).toEqual(['E', 'L', 'N', 'T']);
    const onDay = (date: string) => view.requirements.filter((r: any) => r.date === date);
    // Monday: E for everyone and L for tech; the 8th has its own E requirement instead of Sunday's.
    expect(onDay('2026-03-02')).toEqual([
      { date: '2026-03-02', shiftTypeId: ids.E, function: null, minPeople: 1 },
      { date: '2026-03-02', shiftTypeId: ids.L, function: 'tech', minPeople: 1 },
    ]);
    expect(onDay('2026-03-08')).toEqual([{ date: '2026-03-08', shiftTypeId: ids.E, function: null, minPeople: 2 }]);
    expect(view.requirements).toHaveLength(31 + 5);
    expect(view.rules).toEqual({ minRestMinutes: 720, maxConsecutiveDays: 6, dailyHours: 8, weeklyHours: 40 });
    expect(view.groups).toEqual([{ id: ids.one, name: '一组', status: 'draft', publishedAt: null }]);
    expect(view.leave).toEqual([]);
    // A group uses its own rows only; the department has none here.
    expect((await ok(host, 'roster.month', { month: '2026-03', groupId: ids.two })).requirements).toEqual([]);
    expect((await fails(host, 'roster.month', { month: '2026-03', groupId: 999 })).code).toBe('NOT_FOUND');
  });

  it('a person who moved appears in both groups for their own days; the department shows everyone employed', async () => {
    await setCells(host, [
      [ids.mover, '2026-03-05', ids.E],
      [ids.mover, '2026-03-12', ids.L],
    ]);
    const one = await ok(host, 'roster.month', { month: '2026-03', groupId: ids.one });
    const two = await ok(host, 'roster.month', { month: '2026-03', groupId: ids.two });
    const moverIn = (view: any) => view.people.find((p: any) => p.id === ids.mover);
    expect(moverIn(one)).toMatchObject({ groupId: ids.one, activeFrom: '2026-03-10', activeTo: null });
    expect(moverIn(two)).toMatchObject({ groupId: ids.two, activeFrom: '2025-01-01', activeTo: '2026-03-09' });
    // Each group's grid holds the days the person spent in it.
    expect(cellsOf(one, ids.mover)).toEqual({ '2026-03-12': ids.L });
    expect(cellsOf(two, ids.mover)).toEqual({ '2026-03-05': ids.E });
    const department = await ok(host, 'roster.month', { month: '2026-03', groupId: null });
    expect(department.people.map((p: any) => p.name)).toEqual(['王组长', '李娜', '赵技术', '陈调动', '孙离职', '周二组']);
    expect(cellsOf(department, ids.mover)).toEqual({ '2026-03-05': ids.E, '2026-03-12': ids.L });
    expect(department.groups.map((g: any) => g.name)).toEqual(['一组', '二组']);
    // The leaver is gone from April.
    expect((await ok(host, 'roster.month', { month: '2026-04', groupId: ids.one })).people.map((p: any) => p.name)).not.toContain('孙离职');
  });
});

describe('cells', () => {
  it('sets, rests and clears in one transaction, one audit row per changed cell keyed date:personId', async () => {
    expect(await setCells(host, [])).toEqual({ changed: 0 });
    expect(
      await setCells(host, [
        [ids.li, '2026-03-02', ids.E],
        [ids.li, '2026-03-03', 'rest'],
        [ids.tech, '2026-03-02', ids.T],
      ]),
    ).toEqual({ changed: 3 });
    // Same value again is no change; clearing deletes the row.
    expect(
      await setCells(host, [
        [ids.li, '2026-03-02', ids.E],
        [ids.li, '2026-03-03', null],
      ]),
    ).toEqual({ changed: 1 });
    expect(count(host, 'assignments')).toBe(2);
    const rows = audits('assignment', '2026-03-%');
    expect(rows.map((r) => [r.action, r.entityId, JSON.parse(r.before).value, JSON.parse(r.after).value])).toEqual([
      ['set', `2026-03-02:${ids.li}`, null, ids.E],
      ['set', `2026-03-03:${ids.li}`, null, 'rest'],
      ['set', `2026-03-02:${ids.tech}`, null, ids.T],
      ['set', `2026-03-03:${ids.li}`, 'rest', null],
    ]);
    expect(JSON.parse(rows[0].after).source).toBe('manual');
  });

  it('one refused cell refuses the batch, with a detail per cell; nothing is written', async () => {
    await setCells(host, [[ids.li, '2026-03-02', ids.E]]);
    const archived = (await ok(host, 'roster.saveShiftType', shiftType('X', '旧班', 600, 1080))).id;
    await ok(host, 'roster.archiveShiftType', { id: archived });
    const before = snapshot();
    const error = await fails(host, 'roster.setCells', {
      source: 'manual',
      changes: [
        { personId: ids.li, date: '2026-03-03', value: ids.L },
        { personId: ids.leaver, date: '2026-03-16', value: ids.E }, // left on the 15th
        { personId: ids.li, date: '2024-12-31', value: ids.E }, // before hiring
        { personId: ids.li, date: '2026-03-04', value: ids.T }, // tech only
        { personId: ids.li, date: '2026-03-05', value: archived },
        { personId: ids.li, date: '2026-03-06', value: 999 },
        { personId: 999, date: '2026-03-06', value: ids.E },
        { personId: ids.li, date: '2026-03-03', value: ids.E }, // twice in one batch
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details!.map((d) => d.path)).toEqual([
      'changes.1.date',
      'changes.2.date',
      'changes.3.value',
      'changes.4.value',
      'changes.5.value',
      'changes.6.personId',
      'changes.7',
    ]);
    expect(error.details![2]!.message).toContain('技术支持');
    expect(error.message).toContain('7');
    expect(snapshot()).toEqual(before);
    // Clearing a cell outside employment is allowed: it repairs a roster.
    expect(await setCells(host, [[ids.leaver, '2026-03-20', null]])).toEqual({ changed: 0 });
  });

  it('locks cells for the auto-scheduler: an auto change to a locked cell is refused, a manual one is not', async () => {
    await setCells(host, [
      [ids.li, '2026-03-02', ids.E],
      [ids.li, '2026-03-03', 'rest'],
    ]);
    const lock = await ok(host, 'roster.lockCells', {
      cells: [
        { personId: ids.li, date: '2026-03-02' },
        { personId: ids.li, date: '2026-03-03' },
        { personId: ids.li, date: '2026-03-04' }, // empty: nothing to lock
      ],
      locked: true,
    });
    expect(lock).toEqual({ changed: 2 });
    expect(await ok(host, 'roster.lockCells', { cells: [{ personId: ids.li, date: '2026-03-02' }], locked: true })).toEqual({ changed: 0 });
    const before = snapshot();
    const error = await fails(host, 'roster.setCells', {
      source: 'auto',
      changes: [{ personId: ids.li, date: '2026-03-02', value: ids.L }],
    });
    expect(error.details).toMatchObject([{ path: 'changes.0' }]);
    expect(snapshot()).toEqual(before);
    await setCells(host, [[ids.li, '2026-03-02', ids.L]]);
    const view = await ok(host, 'roster.month', { month: '2026-03', groupId: ids.one });
    expect(view.cells.filter((c: any) => c[0] === ids.li)).toEqual([
      [ids.li, '2026-03-02', ids.L, true],
      [ids.li, '2026-03-03', 'rest', true],
    ]);
    expect(await ok(host, 'roster.lockCells', { cells: [{ personId: ids.li, date: '2026-03-02' }], locked: false })).toEqual({
      changed: 1,
    });
    expect(audits('assignment').map((r) => r.action)).toEqual(['set', 'set', 'lock', 'lock', 'set', 'unlock']);
  });

  it('a group leader plans their own group only', async () => {
    await ok(host, 'system.switchProfile', { id: `person:${ids.leader}` });
    await setCells(host, [[ids.li, '2026-03-02', ids.E]]);
    // The mover is in 一组 from 03-10 only.
    const error = await fails(host, 'roster.setCells', {
      source: 'manual',
      changes: [
        { personId: ids.other, date: '2026-03-02', value: ids.E },
        { personId: ids.mover, date: '2026-03-09', value: ids.E },
        { personId: ids.mover, date: '2026-03-10', value: ids.E },
      ],
    });
    expect(error.details!.map((d) => d.path)).toEqual(['changes.0.personId', 'changes.1.personId']);
    expect(audits('assignment')[0]).toBeDefined();
    expect(host.store().sqlite.prepare("select actor_name as n from audit_log where entity = 'assignment'").get()).toEqual({ n: '王组长' });
  });
});

describe('check, publish and the change log (ROS-7)', () => {
  beforeEach(async () => {
    await ok(host, 'roster.saveCoverage', {
      groupId: ids.one,
      rows: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ shiftTypeId: ids.E, weekday, onDate: null, function: null, minPeople: 1 })),
    });
    // E every day in March: 李娜 works weekdays, 王组长 weekends; one short rest for 李娜.
    const changes: Array<[number, string, number | 'rest' | null]> = [];
    for (let d = 1; d <= 31; d++) {
      const date = `2026-03-${String(d).padStart(2, '0')}`;
      const day = weekday(date);
      changes.push(day === 0 || day === 6 ? [ids.leader, date, ids.E] : [ids.li, date, ids.E]);
    }
    changes.push([ids.li, '2026-03-01', ids.L]); // Sunday late, Monday early: 8 h rest
    await setCells(host, changes);
  });

  it('check lists the month’s rule breaks for the group and the department', async () => {
    const issues = await ok(host, 'roster.check', { month: '2026-03', groupId: ids.one });
    expect(issues.map((i: any) => [i.rule, i.ruleId, i.personId, i.date])).toEqual([['rest', 'ROS-4', ids.li, '2026-03-02']]);
    expect(issues[0].message).toContain('8 小时');
    await setCells(host, [[ids.leader, '2026-03-07', null]]);
    const more = await ok(host, 'roster.check', { month: '2026-03', groupId: ids.one });
    expect(more.map((i: any) => `${i.rule}@${i.date}`)).toEqual(['rest@2026-03-02', 'coverage@2026-03-07']);
    // The department has no requirements of its own: only the person rules.
    expect((await ok(host, 'roster.check', { month: '2026-03', groupId: null })).map((i: any) => i.rule)).toEqual(['rest']);
  });

  it('publishing over open issues needs acknowledgement; then the issues and the note are stored and audited', async () => {
    const before = snapshot();
    const refused = await fails(host, 'roster.publish', { month: '2026-03', groupId: ids.one, acknowledgeIssues: false, note: null });
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.details).toHaveLength(1);
    expect(refused.details![0]).toMatchObject({ path: 'issues' });
    expect(refused.details![0]!.message).toContain('李娜');
    expect(snapshot()).toEqual(before);
    const published = await ok(host, 'roster.publish', {
      month: '2026-03',
      groupId: ids.one,
      acknowledgeIssues: true,
      note: '李娜本人同意',
    });
    expect(published.issues.map((i: any) => i.rule)).toEqual(['rest']);
    const row = host.store().sqlite.prepare('select * from roster_months').get() as any;
    expect(row).toMatchObject({
      status: 'published',
      published_at: published.publishedAt,
      published_by: '主管',
      publish_note: '李娜本人同意',
    });
    expect(JSON.parse(row.published_with_issues)).toEqual(published.issues);
    expect(audits('rosterMonth').map((a) => [a.action, a.entityId])).toEqual([['publish', `${ids.one}:2026-03`]]);
    const view = await ok(host, 'roster.month', { month: '2026-03', groupId: null });
    expect(view.groups).toEqual([
      { id: ids.one, name: '一组', status: 'published', publishedAt: published.publishedAt },
      { id: ids.two, name: '二组', status: 'draft', publishedAt: null },
    ]);
    expect((await fails(host, 'roster.publish', { month: '2026-03', groupId: ids.one, acknowledgeIssues: true, note: null })).code).toBe(
      'RULE_VIOLATION',
    );
    expect((await fails(host, 'roster.publish', { month: '2026-03', groupId: 999, acknowledgeIssues: true, note: null })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('a clean month publishes without acknowledgement; changes afterwards are in the change log, earlier ones are not', async () => {
    await setCells(host, [[ids.li, '2026-03-01', 'rest']]); // fixes the short rest before publishing
    expect(await ok(host, 'roster.changeLog', { month: '2026-03', groupId: ids.one })).toEqual([]);
    const { issues } = await ok(host, 'roster.publish', { month: '2026-03', groupId: ids.one, acknowledgeIssues: false, note: null });
    expect(issues).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setCells(host, [
      [ids.li, '2026-03-05', ids.L],
      [ids.li, '2026-03-06', null],
      [ids.other, '2026-03-05', ids.E], // 二组 is not published
    ]);
    await ok(host, 'system.switchProfile', { id: `person:${ids.leader}` });
    await setCells(host, [[ids.li, '2026-03-09', 'rest']]);
    const log = await ok(host, 'roster.changeLog', { month: '2026-03', groupId: ids.one });
    expect(log.map(({ at: _at, ...e }: any) => e)).toEqual([
      { actorName: '主管', personId: ids.li, personName: '李娜', date: '2026-03-05', before: 'E 早班', after: 'L 晚班', source: 'manual' },
      { actorName: '主管', personId: ids.li, personName: '李娜', date: '2026-03-06', before: 'E 早班', after: null, source: 'manual' },
      { actorName: '王组长', personId: ids.li, personName: '李娜', date: '2026-03-09', before: 'E 早班', after: '休息', source: 'manual' },
    ]);
    expect(await ok(host, 'roster.changeLog', { month: '2026-03', groupId: null })).toHaveLength(3);
    expect(await ok(host, 'roster.changeLog', { month: '2026-03', groupId: ids.two })).toEqual([]);
    expect(await ok(host, 'roster.changeLog', { month: '2026-04', groupId: ids.one })).toEqual([]);
  });
});

describe('ROS-2 swaps', () => {
  beforeEach(async () => {
    await ok(host, 'roster.saveCoverage', {
      groupId: ids.one,
      rows: [{ shiftTypeId: ids.T, weekday: 3, onDate: null, function: 'tech', minPeople: 1 }],
    });
    await setCells(host, [
      [ids.li, '2026-03-04', ids.E], // Wednesday
      [ids.leader, '2026-03-04', ids.L],
      [ids.leader, '2026-03-05', ids.E],
      [ids.tech, '2026-03-04', ids.T],
      [ids.li, '2026-03-06', 'rest'],
      [ids.leader, '2026-03-06', ids.L],
    ]);
  });
  const request = (input: object) => ok(host, 'roster.requestSwap', { reason: '家里有事', otherDate: null, ...input });

  it('a same-day swap is checked as if approved, and approval exchanges both cells with the request in one transaction', async () => {
    const swap = await request({ kind: 'swap', personId: ids.li, date: '2026-03-04', otherPersonId: ids.leader, otherDate: '2026-03-04' });
    expect(swap).toMatchObject({ kind: 'swap', personName: '李娜', otherPersonName: '王组长', status: 'pending', createdBy: '主管' });
    // 王组长 would work E on the 4th and the 5th: fine; 李娜 L on the 4th then nothing: fine.
    expect(swap.checks).toEqual([]);
    expect(await ok(host, 'roster.swaps', { month: '2026-03', status: 'pending' })).toEqual([swap]);
    const auditsBefore = count(host, 'audit_log');
    const approved = await ok(host, 'roster.decideSwap', { id: swap.id, approve: true, reason: null });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: '主管', checks: [] });
    const view = await ok(host, 'roster.month', { month: '2026-03', groupId: ids.one });
    expect(cellsOf(view, ids.li)['2026-03-04']).toBe(ids.L);
    expect(cellsOf(view, ids.leader)['2026-03-04']).toBe(ids.E);
    // Two cells and the decision, written together.
    expect(count(host, 'audit_log')).toBe(auditsBefore + 3);
    expect(
      audits('assignment', '2026-03-04:%')
        .slice(-2)
        .map((a) => JSON.parse(a.after).source),
    ).toEqual(['swap', 'swap']);
    const before = snapshot();
    const again = await fails(host, 'roster.decideSwap', { id: swap.id, approve: false, reason: '重复' });
    expect(again.code).toBe('RULE_VIOLATION');
    expect(again.message).toContain('批准');
    expect(snapshot()).toEqual(before);
    expect(await ok(host, 'roster.swaps', { status: 'approved' })).toHaveLength(1);
  });

  it('checks show what approving would break: a function that may not work the shift, coverage, a short rest', async () => {
    // The tech trades T on Wednesday the 4th for 王组长's L: he (service) may not work T, and the
    // tech requirement of Wednesdays goes short. His own short rest (L then E on the 5th) is fixed,
    // which is not an issue to show.
    const swap = await request({
      kind: 'swap',
      personId: ids.tech,
      date: '2026-03-04',
      otherPersonId: ids.leader,
      otherDate: '2026-03-04',
    });
    expect(swap.checks.map((c: any) => `${c.rule}@${c.date}`)).toEqual(['coverage@2026-03-04', 'function@2026-03-04']);
    expect(swap.checks.find((c: any) => c.rule === 'function')).toMatchObject({ personId: ids.leader, shiftTypeId: ids.T });
    const before = snapshot();
    const refused = await fails(host, 'roster.decideSwap', { id: swap.id, approve: true, reason: null });
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(snapshot()).toEqual(before);
    const rejected = await ok(host, 'roster.decideSwap', { id: swap.id, approve: false, reason: '技术班只能技术支持上' });
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '技术班只能技术支持上', checks: [] });

    // 周二组 (another group) works L on the 4th; taking 王组长's E on the 5th leaves them 8 h of rest.
    await setCells(host, [[ids.other, '2026-03-04', ids.L]]);
    const give = await request({ kind: 'give', personId: ids.leader, date: '2026-03-05', otherPersonId: ids.other });
    expect(give.checks).toMatchObject([{ rule: 'rest', ruleId: 'ROS-4', personId: ids.other, date: '2026-03-05', shiftTypeId: ids.E }]);
    expect(give.checks[0].message).toContain('8 小时');

    // Giving 李娜's E on the 4th to the tech, who works T that day, is refused up front.
    const busy = await fails(host, 'roster.requestSwap', {
      kind: 'give',
      personId: ids.li,
      date: '2026-03-04',
      otherPersonId: ids.tech,
      otherDate: null,
      reason: null,
    });
    expect(busy).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'otherPersonId' }] });
  });

  it('giving a shift away moves it to someone who is off; a swap across two days exchanges both days', async () => {
    const give = await request({ kind: 'give', personId: ids.leader, date: '2026-03-05', otherPersonId: ids.li });
    expect(give.otherDate).toBeNull();
    await ok(host, 'roster.decideSwap', { id: give.id, approve: true, reason: null });
    let view = await ok(host, 'roster.month', { month: '2026-03', groupId: ids.one });
    expect(cellsOf(view, ids.li)['2026-03-05']).toBe(ids.E);
    expect(cellsOf(view, ids.leader)['2026-03-05']).toBeUndefined();
    // Two days: each must be off on the other's day. 王组长 works the 4th too, so first he is not.
    const busy = await fails(host, 'roster.requestSwap', {
      kind: 'swap',
      personId: ids.li,
      date: '2026-03-04',
      otherPersonId: ids.leader,
      otherDate: '2026-03-06',
      reason: null,
    });
    expect(busy.details).toMatchObject([{ path: 'otherPersonId' }]);
    await setCells(host, [[ids.leader, '2026-03-04', null]]);
    // 李娜 works E on the 4th; 王组长 works L on the 6th, when she rests: they trade days.
    const trade = await request({ kind: 'swap', personId: ids.li, date: '2026-03-04', otherPersonId: ids.leader, otherDate: '2026-03-06' });
    expect(trade.otherDate).toBe('2026-03-06');
    await ok(host, 'roster.decideSwap', { id: trade.id, approve: true, reason: null });
    view = await ok(host, 'roster.month', { month: '2026-03', groupId: ids.one });
    expect(cellsOf(view, ids.li)).toEqual({ '2026-03-05': ids.E, '2026-03-06': ids.L });
    expect(cellsOf(view, ids.leader)).toEqual({ '2026-03-04': ids.E, '2026-03-06': 'rest' });
  });

  it('refuses nonsense up front, and an approval when the roster changed since the request', async () => {
    const before = snapshot();
    const same = await fails(host, 'roster.requestSwap', {
      kind: 'swap',
      personId: ids.li,
      date: '2026-03-04',
      otherPersonId: ids.li,
      otherDate: null,
      reason: null,
    });
    expect(same).toMatchObject({ code: 'VALIDATION', details: [{ path: 'otherPersonId' }] });
    const noShift = await fails(host, 'roster.requestSwap', {
      kind: 'give',
      personId: ids.li,
      date: '2026-03-06',
      otherPersonId: ids.other,
      otherDate: null,
      reason: null,
    });
    expect(noShift.details).toMatchObject([{ path: 'date' }]);
    const giveWithDate = await fails(host, 'roster.requestSwap', {
      kind: 'give',
      personId: ids.li,
      date: '2026-03-04',
      otherPersonId: ids.other,
      otherDate: '2026-03-05',
      reason: null,
    });
    expect(giveWithDate.details).toMatchObject([{ path: 'otherDate' }]);
    await setCells(host, [[ids.li, '2026-03-20', ids.E]]);
    const leftLater = await fails(host, 'roster.requestSwap', {
      kind: 'give',
      personId: ids.li,
      date: '2026-03-20',
      otherPersonId: ids.leaver,
      otherDate: null,
      reason: null,
    });
    expect(leftLater.details!.map((d) => d.path)).toEqual(['date']);
    await setCells(host, [[ids.li, '2026-03-20', null]]);
    expect(snapshot().swaps).toEqual(before.swaps);

    const swap = await request({ kind: 'give', personId: ids.li, date: '2026-03-04', otherPersonId: ids.other });
    await setCells(host, [[ids.other, '2026-03-04', ids.N]]);
    const stale = snapshot();
    const conflict = await fails(host, 'roster.decideSwap', { id: swap.id, approve: true, reason: null });
    expect(conflict.code).toBe('CONFLICT');
    expect(snapshot()).toEqual(stale);
    const noReason = await fails(host, 'roster.decideSwap', { id: swap.id, approve: false, reason: '  ' });
    expect(noReason).toMatchObject({ code: 'VALIDATION', details: [{ path: 'reason' }] });
    const cancelled = await ok(host, 'roster.cancelSwap', { id: swap.id, reason: null });
    expect(cancelled.status).toBe('cancelled');
    expect((await fails(host, 'roster.cancelSwap', { id: swap.id, reason: null })).code).toBe('RULE_VIOLATION');
    expect((await fails(host, 'roster.decideSwap', { id: 999, approve: true, reason: null })).code).toBe('NOT_FOUND');
    // History stays: nothing is ever deleted.
    expect(count(host, 'swap_requests')).toBe(1);
    expect(audits('swap').map((a) => a.action)).toEqual(['request', 'cancel']);
  });

  it('a swap approved in a published month shows in its change log as a swap', async () => {
    await ok(host, 'roster.publish', { month: '2026-03', groupId: ids.one, acknowledgeIssues: true, note: null });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const swap = await request({ kind: 'swap', personId: ids.li, date: '2026-03-04', otherPersonId: ids.leader, otherDate: '2026-03-04' });
    await ok(host, 'roster.decideSwap', { id: swap.id, approve: true, reason: null });
    const log = await ok(host, 'roster.changeLog', { month: '2026-03', groupId: ids.one });
    expect(log.map((e: any) => [e.personName, e.before, e.after, e.source])).toEqual([
      ['李娜', 'E 早班', 'L 晚班', 'swap'],
      ['王组长', 'L 晚班', 'E 早班', 'swap'],
    ]);
  });
});
