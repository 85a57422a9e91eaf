import { describe, it, expect } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { ok, fails, count } from '../helpers/host.ts';
import { teamForEachTest, type Team } from './attendance-team.ts';

// Overtime (OT-1, OT-2): applied for, approved with the legal caps acknowledged, recorded as
// worked; multipliers from the calendar; time off in lieu for rest-day overtime only.

let host: AppHost;
let team: Team;
teamForEachTest((h, t) => {
  host = h;
  team = t;
});

const request = (date: string, plannedMinutes: number, compensation: 'pay' | 'lieu' = 'pay', startMinute = 1020) =>
  ok(host, 'overtime.request', { personId: team.people.A2, date, startMinute, plannedMinutes, compensation, reason: '大促' });

describe('OT-2: the calendar gives the multiplier', () => {
  it('a workday 1.5, a weekend 2, a statutory holiday 3, a swapped rest day 2', async () => {
    const kinds = [];
    for (const date of ['2026-03-04', '2026-03-07', '2026-10-01', '2026-10-05']) {
      const check = await ok(host, 'overtime.check', {
        personId: team.people.A2,
        date,
        startMinute: 600,
        plannedMinutes: 120,
        compensation: 'pay',
      });
      kinds.push([date, check.dayKind, check.multiplier, check.dayName]);
    }
    expect(kinds).toEqual([
      ['2026-03-04', 'workday', 1.5, null],
      ['2026-03-07', 'rest', 2, null],
      ['2026-10-01', 'holiday', 3, '国庆节'],
      ['2026-10-05', 'rest', 2, '国庆节'],
    ]);
  });

  it('time off in lieu only for rest-day overtime; the hours worked earn the lieu balance', async () => {
    const before = count(host, 'overtime_requests');
    const refused = await fails(host, 'overtime.request', {
      personId: team.people.A2,
      date: '2026-10-01',
      startMinute: 540,
      plannedMinutes: 240,
      compensation: 'lieu',
      reason: null,
    });
    expect(refused.details?.[0]).toMatchObject({
      path: 'compensation',
      message: '只有休息日加班可以调休；法定节假日加班按倍数支付加班费（OT-2）',
    });
    expect(count(host, 'overtime_requests')).toBe(before);
    const saturday = await request('2026-03-07', 480, 'lieu', 540);
    await ok(host, 'overtime.decide', { id: saturday.id, approve: true, reason: null, acknowledgeWarnings: true });
    expect((await ok(host, 'leave.ledger', { personId: team.people.A2, year: 2026 })).find((b: any) => b.code === 'lieu').entitled).toBe(0);
    const worked = await ok(host, 'overtime.recordActual', { id: saturday.id, actualMinutes: 240 });
    expect(worked).toMatchObject({ actualMinutes: 240 });
    const lieu = (await ok(host, 'leave.ledger', { personId: team.people.A2, year: 2026 })).find((b: any) => b.code === 'lieu');
    expect(lieu).toMatchObject({ entitled: 0.5, remaining: 0.5 });
    expect(lieu.lines[0].text).toBe('2026-03-07 休息日加班 4 小时换休（OT-2）');
  });
});

describe('OT-1 and the legal caps', () => {
  it('3 hours a day and 36 a month are warnings the supervisor must acknowledge to approve', async () => {
    const long = await request('2026-03-04', 200);
    expect(long.warnings.map((w: any) => w.kind)).toEqual(['daily', 'late']);
    const refused = await fails(host, 'overtime.decide', { id: long.id, approve: true, reason: null, acknowledgeWarnings: false });
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(refused.message).toContain('超过每日 3 小时的法定上限');
    const approved = await ok(host, 'overtime.decide', { id: long.id, approve: true, reason: '已知晓', acknowledgeWarnings: true });
    expect(approved).toMatchObject({ status: 'approved', dayKind: 'workday', multiplier: 1.5, decidedBy: '主管' });
    expect(approved.warnings.map((w: any) => w.kind)).toEqual(['daily', 'late']);
    // The month: 200 min + 12 × 180 min = 39 h 20 min, over 36.
    let last;
    for (const day of [5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20]) last = await request(`2026-03-${String(day).padStart(2, '0')}`, 180);
    expect(last.warnings.map((w: any) => [w.kind, w.hours])).toEqual([
      ['monthly', 39.33],
      ['late', 3],
    ]);
  });

  it('actual hours only for approved overtime that has started; rejecting needs a reason; a leader cannot decide', async () => {
    const planned = await request('2026-03-04', 60);
    expect((await fails(host, 'overtime.recordActual', { id: planned.id, actualMinutes: 60 })).code).toBe('RULE_VIOLATION');
    expect(
      (await fails(host, 'overtime.decide', { id: planned.id, approve: false, reason: null, acknowledgeWarnings: false })).details?.[0]
        ?.path,
    ).toBe('reason');
    await ok(host, 'system.switchProfile', { id: `person:${team.people.A1}` });
    expect((await fails(host, 'overtime.decide', { id: planned.id, approve: true, reason: null, acknowledgeWarnings: true })).code).toBe(
      'RULE_VIOLATION',
    );
    await ok(host, 'system.switchProfile', { id: 'supervisor' });
    const future = await request('2099-03-04', 60);
    await ok(host, 'overtime.decide', { id: future.id, approve: true, reason: null, acknowledgeWarnings: false });
    expect((await fails(host, 'overtime.recordActual', { id: future.id, actualMinutes: 60 })).details?.[0]?.path).toBe('actualMinutes');
    const cancelled = await ok(host, 'overtime.cancel', { id: future.id, reason: '活动取消' });
    expect(cancelled.status).toBe('cancelled');
    expect((await ok(host, 'overtime.list', { month: '2026-03' })).map((o: any) => o.id)).toEqual([planned.id]);
  });
});
