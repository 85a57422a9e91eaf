import { describe, it, expect } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { ok, fails, count } from '../helpers/host.ts';
import { teamForEachTest, monthOfPunches, clockCsv, MONTH, type Team } from './attendance-team.ts';

// Leave types and balances (LEV-1…4), requests with what they do to coverage (LEV-5, ROS-1),
// decisions, cancellations, and leave as the roster and the attendance sheet see it.

let host: AppHost;
let team: Team;
teamForEachTest((h, t) => {
  host = h;
  team = t;
});

const typeId = async (code: string) => (await ok(host, 'leave.types')).find((t: any) => t.code === code).id as number;
const draft = async (code: string, personNo: string, startDate: string, endDate: string, extra: Record<string, unknown> = {}) => ({
  personId: team.people[personNo]!,
  leaveTypeId: await typeId(code),
  startDate,
  startPart: 'full',
  endDate,
  endPart: 'full',
  ...extra,
});

describe('LEV-1…4: leave types and balances', () => {
  it('a new data file has the eight kinds the rulebooks and the law name, translated', async () => {
    const types = await ok(host, 'leave.types');
    expect(types.map((t: any) => [t.code, t.label, t.symbol, t.paid, t.entitlement])).toEqual([
      ['annual', '年假', '年', true, 'annual'],
      ['sick', '病假', '病', true, 'none'],
      ['personal', '事假', '事', false, 'cap'],
      ['marriage', '婚假', '婚', true, 'event'],
      ['maternity', '产假', '产', true, 'event'],
      ['paternity', '陪产假', '陪', true, 'event'],
      ['bereavement', '丧假', '丧', true, 'event'],
      ['lieu', '调休', '调', true, 'lieu'],
    ]);
    expect(types.find((t: any) => t.code === 'maternity').eventDays).toBe(98);
    expect(types.find((t: any) => t.code === 'personal').capDays).toBe(20);
    // LEV-4: the province setting changes maternity and paternity leave.
    await ok(host, 'settings.change', { key: 'leave.province', value: 'guangdong', effectiveFrom: '2025-01-01', ruleDocumentId: 6 });
    const guangdong = await ok(host, 'leave.types');
    expect(guangdong.find((t: any) => t.code === 'maternity').eventDays).toBe(178);
    expect(guangdong.find((t: any) => t.code === 'paternity').eventDays).toBe(15);
    await ok(host, 'system.setLanguage', { lang: 'en' });
    expect((await ok(host, 'leave.types'))[0].label).toBe('Annual leave');
    await ok(host, 'system.setLanguage', { lang: 'zh-CN' });
  });

  it('a custom kind can be added; the built-in kinds keep the rule the law gives them', async () => {
    const custom = await ok(host, 'leave.saveType', {
      name: '育儿假',
      paid: true,
      evidenceRequired: false,
      entitlement: 'cap',
      yearlyCapDays: 10,
      allowOverBalance: false,
      countsCalendarDays: false,
    });
    expect(custom).toMatchObject({ code: 'custom-9', label: '育儿假', symbol: '育' });
    const annual = (await ok(host, 'leave.types'))[0];
    const error = await fails(host, 'leave.saveType', { ...annual, entitlement: 'cap', yearlyCapDays: 3 });
    expect(error.details?.[0]?.path).toBe('entitlement');
  });

  it('the ledger explains each number: years of work, pro-rating, adjustments, taken and pending', async () => {
    const newcomer = await ok(host, 'people.create', {
      employeeNo: 'A5',
      name: '新人',
      groupId: team.groupId,
      role: 'agent',
      function: 'service',
      hireDate: '2026-07-01',
      firstEmploymentDate: '2014-09-01',
      dailyWageFen: null,
      phone: null,
      note: null,
    });
    const ledger = await ok(host, 'leave.ledger', { personId: newcomer.id, year: 2026 });
    const annual = ledger.find((b: any) => b.code === 'annual');
    expect(annual).toMatchObject({ entitled: 5, remaining: 5 });
    expect(annual.lines[0].text).toBe('累计工龄 11 年应休 10 天；自 2026-07-01 起当年剩余 184 天，折算 ⌊184 ÷ 365 × 10⌋ = 5 天');
    await ok(host, 'leave.adjust', { personId: newcomer.id, leaveTypeId: annual.leaveTypeId, year: 2026, days: 1.5, reason: '入职前约定' });
    const adjusted = (await ok(host, 'leave.ledger', { personId: newcomer.id, year: 2026 })).find((b: any) => b.code === 'annual');
    expect(adjusted).toMatchObject({ entitled: 5, adjusted: 1.5, remaining: 6.5 });
    expect(adjusted.lines.map((l: any) => l.text)).toContain('调整：入职前约定（' + new Date().toISOString().slice(0, 10) + '）');
    const personal = ledger.find((b: any) => b.code === 'personal');
    expect(personal).toMatchObject({ entitled: 20, remaining: 20 });
    const balances = await ok(host, 'leave.balances', { year: 2026, groupId: team.groupId });
    expect(balances.map((b: any) => b.employeeNo)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(balances[0].balances.find((b: any) => b.code === 'annual')).toMatchObject({ entitled: 10, remaining: 10 });
  });
});

describe('LEV-5: requests, their effect on coverage (ROS-1) and decisions', () => {
  it('before approving, the supervisor sees which shifts the leave removes and the coverage after; approved, the roster shows it', async () => {
    const input = await draft('annual', 'A2', '2026-03-05', '2026-03-09');
    const check = await ok(host, 'leave.check', input);
    // Thursday, Friday, (weekend), Monday: three working days from the balance.
    expect(check.total).toBe(3);
    expect(check.balance).toMatchObject({ code: 'annual', entitled: 10, remaining: 10 });
    expect(check.impact.shifts.map((s: any) => [s.date, s.code])).toEqual([
      ['2026-03-05', 'E'],
      ['2026-03-06', 'E'],
      ['2026-03-09', 'E'],
    ]);
    // A1, A2 and A3 are on days; two are required: 3 → 2, still covered.
    expect(check.impact.coverage[0]).toMatchObject({ scope: '一组', date: '2026-03-05', required: 2, before: 3, after: 2, short: false });
    expect(check.impact.warnings).toEqual([]);
    const first = await ok(host, 'leave.request', { ...input, reason: '回老家', evidence: null });
    expect(first).toMatchObject({ status: 'pending', days: 3, leaveLabel: '年假', createdBy: '主管' });
    await ok(host, 'leave.decide', { id: first.id, approve: true, reason: null });

    // A second person the same days: the post goes short, and the supervisor is told so.
    const second = await ok(host, 'leave.request', {
      ...(await draft('annual', 'A3', '2026-03-05', '2026-03-05')),
      reason: null,
      evidence: null,
    });
    const impact = await ok(host, 'leave.impact', { id: second.id });
    expect(impact.impact.coverage).toEqual([
      expect.objectContaining({ date: '2026-03-05', required: 2, before: 2, after: 1, short: true }),
    ]);
    expect(impact.impact.warnings).toEqual(['一组 2026-03-05 白班：需要 2 人，批准后只剩 1 人（原 2 人，ROS-1）']);

    // The roster's month view carries the approved leave: the grid shows it and coverage drops.
    const view = await ok(host, 'roster.month', { month: MONTH, groupId: team.groupId });
    expect(view.leave.filter((l: any) => l.personId === team.people.A2)).toEqual(
      ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].map((date) => ({
        personId: team.people.A2,
        date,
        kind: 'annual',
        label: '年假',
      })),
    );
    const issues = await ok(host, 'roster.check', { month: MONTH, groupId: team.groupId });
    expect(issues.filter((i: any) => i.ruleId === 'LEV-5').map((i: any) => i.date)).toEqual(['2026-03-05', '2026-03-06', '2026-03-09']);

    // The leader takes the shifts off those days; the leave still counts its three days.
    const cleared = ['2026-03-05', '2026-03-06', '2026-03-09'].map((date) => ({ personId: team.people.A2!, date, value: 'rest' }));
    await ok(host, 'roster.setCells', { changes: cleared, source: 'manual' });
    expect((await ok(host, 'roster.check', { month: MONTH, groupId: team.groupId })).filter((i: any) => i.ruleId === 'LEV-5')).toEqual([]);

    // And the attendance sheet shows leave on those days, whatever the punches.
    await ok(host, 'attendance.importCommit', {
      file: clockCsv(monthOfPunches({ skip: ['A2,李娜,2026-03-05', 'A2,李娜,2026-03-06', 'A2,李娜,2026-03-09'] }), 'utf8', 'clock.csv', {
        eol: '\n',
      }),
    });
    const sheet = await ok(host, 'attendance.sheet', { month: MONTH, groupId: null });
    const a2 = sheet.people.find((p: any) => p.employeeNo === 'A2');
    expect(a2.cells.slice(4, 9)).toEqual(['leave:annual', 'leave:annual', 'rest', 'rest', 'leave:annual']);
    expect(a2.totals.leaveDays).toEqual({ annual: 3 });
    expect(a2.totals.absenceDays).toBe(0);
  });

  it('a request over the balance or the cap is refused with the reason; sick leave may go over (its type allows it)', async () => {
    const before = count(host, 'leave_requests');
    const over = await fails(host, 'leave.request', {
      ...(await draft('annual', 'A2', '2026-03-02', '2026-03-17')),
      reason: null,
      evidence: null,
    });
    expect(over.code).toBe('RULE_VIOLATION');
    expect(over.message).toBe('年假剩余 10 天，本次申请 12 天，超出 2 天（余额不足，不能申请）');
    expect(count(host, 'leave_requests')).toBe(before);
    // LEV-1: sick leave needs its certificate recorded.
    const noCertificate = await fails(host, 'leave.request', {
      ...(await draft('sick', 'A2', '2026-03-02', '2026-03-31')),
      reason: null,
      evidence: null,
    });
    expect(noCertificate.details?.[0]).toMatchObject({ path: 'evidence' });
    const sick = await ok(host, 'leave.request', {
      ...(await draft('sick', 'A2', '2026-03-02', '2026-03-31')),
      reason: '住院',
      evidence: '市一医院诊断证明',
    });
    expect(sick).toMatchObject({ days: 22, evidence: '市一医院诊断证明' });
    // Overlapping leave and leave across the new year (for a yearly balance) are refused.
    expect(
      (await fails(host, 'leave.request', { ...(await draft('personal', 'A2', '2026-03-10', '2026-03-10')), reason: null, evidence: null }))
        .code,
    ).toBe('CONFLICT');
    const acrossYears = await fails(host, 'leave.request', {
      ...(await draft('annual', 'A3', '2026-12-30', '2027-01-04')),
      reason: null,
      evidence: null,
    });
    expect(acrossYears.details?.[0]?.path).toBe('endDate');
    // Maternity: the allowance of one occasion with the facts of the birth.
    const maternity = await ok(host, 'leave.check', {
      ...(await draft('maternity', 'A3', '2026-04-01', '2026-08-10')),
      maternity: { difficultBirth: true, extraBabies: 0, laterChild: false },
    });
    expect(maternity.allowance).toEqual({ days: 113, text: '产假每次 113 天：国家规定 98 天 + 难产 15 天' });
    expect(maternity.total).toBe(132);
    expect(maternity.over).toBe(19);
    expect(maternity.problems[0].message).toBe('产假每次最多 113 天，本次申请 132 天，超出 19 天');
  });

  it('the group leader applies for their own group only and cannot decide; rejection needs a reason; cancelling restores coverage', async () => {
    const other = await ok(host, 'people.createGroup', { name: '二组' });
    const outsider = await ok(host, 'people.create', {
      employeeNo: 'B1',
      name: '外组',
      groupId: other.id,
      role: 'agent',
      function: 'service',
      hireDate: '2024-01-02',
      firstEmploymentDate: '2015-07-01',
      dailyWageFen: null,
      phone: null,
      note: null,
    });
    await ok(host, 'system.switchProfile', { id: `person:${team.people.A1}` });
    const mine = await ok(host, 'leave.request', {
      ...(await draft('personal', 'A2', '2026-03-05', '2026-03-05')),
      reason: '办事',
      evidence: null,
    });
    expect(mine.createdBy).toBe('张伟');
    const theirs = await fails(host, 'leave.request', {
      ...(await draft('personal', 'A2', '2026-03-06', '2026-03-06')),
      personId: outsider.id,
      reason: null,
      evidence: null,
    });
    expect(theirs.message).toContain('不在您的小组');
    expect((await fails(host, 'leave.decide', { id: mine.id, approve: true, reason: null })).message).toContain('组长不能审批');
    await ok(host, 'system.switchProfile', { id: 'supervisor' });
    expect((await fails(host, 'leave.decide', { id: mine.id, approve: false, reason: null })).details?.[0]?.path).toBe('reason');
    await ok(host, 'leave.decide', { id: mine.id, approve: true, reason: '同意' });
    expect((await ok(host, 'roster.month', { month: MONTH, groupId: team.groupId })).leave).toHaveLength(1);
    const cancelled = await ok(host, 'leave.cancel', { id: mine.id, reason: '事情办完了' });
    expect(cancelled).toMatchObject({ status: 'cancelled', decisionReason: '事情办完了' });
    expect((await ok(host, 'roster.month', { month: MONTH, groupId: team.groupId })).leave).toEqual([]);
    const audit = host.store().sqlite.prepare("select action from audit_log where entity = 'leaveRequest' order by id").all();
    expect(audit).toEqual([{ action: 'create' }, { action: 'approve' }, { action: 'cancel' }]);
  });

  it('a half day keeps the shift on the roster (the person works the other half); the sheet counts half a day', async () => {
    const input = await draft('personal', 'A2', '2026-03-05', '2026-03-05', { endPart: 'am' });
    const check = await ok(host, 'leave.check', input);
    expect(check.total).toBe(0.5);
    expect(check.impact.shifts).toEqual([expect.objectContaining({ date: '2026-03-05', half: true })]);
    expect(check.impact.coverage).toEqual([]);
    const request = await ok(host, 'leave.request', { ...input, reason: null, evidence: null });
    await ok(host, 'leave.decide', { id: request.id, approve: true, reason: null });
    expect((await ok(host, 'roster.month', { month: MONTH, groupId: team.groupId })).leave).toEqual([]);
    await ok(host, 'attendance.importCommit', {
      file: clockCsv(monthOfPunches({ skip: ['A2,李娜,2026-03-05 08:55'], extra: ['A2,李娜,2026-03-05 13:05'] }), 'utf8', 'clock.csv', {
        eol: '\n',
      }),
    });
    const a2 = (await ok(host, 'attendance.sheet', { month: MONTH, groupId: null })).people.find((p: any) => p.employeeNo === 'A2');
    expect(a2.cells[4]).toBe('late+leave:personal');
    expect(a2.totals).toMatchObject({ leaveDays: { personal: 0.5 }, lateCount: 1, lateMinutes: 5 });
  });

  it('leave in a closed attendance month cannot be requested, approved or cancelled', async () => {
    await ok(host, 'attendance.importCommit', { file: clockCsv(monthOfPunches(), 'utf8', 'clock.csv', { eol: '\n' }) });
    const approved = await ok(host, 'leave.request', {
      ...(await draft('personal', 'A3', '2026-03-06', '2026-03-06')),
      reason: null,
      evidence: null,
    });
    await ok(host, 'leave.decide', { id: approved.id, approve: true, reason: null });
    const pending = await ok(host, 'leave.request', {
      ...(await draft('personal', 'A2', '2026-03-05', '2026-03-05')),
      reason: null,
      evidence: null,
    });
    await ok(host, 'attendance.closeMonth', { month: MONTH });
    const before = count(host, 'leave_requests');
    expect(
      (await fails(host, 'leave.request', { ...(await draft('personal', 'A4', '2026-03-05', '2026-03-05')), reason: null, evidence: null }))
        .code,
    ).toBe('CONFLICT');
    expect((await fails(host, 'leave.decide', { id: pending.id, approve: true, reason: null })).code).toBe('CONFLICT');
    expect((await fails(host, 'leave.cancel', { id: approved.id, reason: '撤回' })).code).toBe('CONFLICT');
    expect(count(host, 'leave_requests')).toBe(before);
    // A pending request changes nothing HR was paid from: it can still be withdrawn.
    expect((await ok(host, 'leave.cancel', { id: pending.id, reason: '撤回' })).status).toBe('cancelled');
  });
});
