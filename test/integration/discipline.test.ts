import { describe, it, expect } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { ok, fails, count, hostCtx, xlsx, rowsOf } from '../helpers/host.ts';
import { audited } from '../../main/audit/record.ts';
import { recordAttendanceSanctions, raiseAttendanceFlags } from '../../main/discipline/attendance-link.ts';
import { raiseHrFlag } from '../../main/discipline/flags.ts';
import { monthEnd } from '../../main/time/months.ts';
import { teamForEachTest, monthOfPunches, clockCsv, MONTH, type Team } from './attendance-team.ts';

// The discipline area through the dispatcher on a real data file: the catalogue (DIS-3, LAW),
// sanctions with appeal and void (DIS-1, DIS-5), rewards (DIS-4), the 乐捐 fund (DIS-2, LAW),
// promotions (PRO-1…5), the HR flag list, and the links with attendance (ATT-2…7) and appraisals.

let host: AppHost;
let team: Team;
teamForEachTest((h, t) => {
  host = h;
  team = t;
});

const sql = () => host.store().sqlite;
const violation = (personId: number, date: string, code = 'DIS-3.13', extra: Record<string, unknown> = {}) =>
  ok(host, 'discipline.recordSanction', {
    personId,
    date,
    code,
    sanction: 'fine',
    amountFen: 1000,
    evidence: '客户消息 35 秒无回应',
    ...extra,
  });

/** Settled appraisal results, written straight into the appraisal tables (their own tests cover how they get there). */
function appraisalResults(personId: number, results: Array<[string, string]>) {
  const db = sql();
  const at = '2026-01-01T00:00:00.000Z';
  let template = (db.prepare('select id from appraisal_templates limit 1').get() as { id: number } | undefined)?.id;
  template ??= Number(
    db
      .prepare(
        "insert into appraisal_templates (key, name, version, structure, created_at, created_by) values ('t', 't', 1, '{}', ?, '主管')",
      )
      .run(at).lastInsertRowid,
  );
  for (const [period, grade] of results) {
    db.prepare(
      "insert or ignore into appraisal_cycles (period, kind, starts_on, ends_on, template_id, status, created_at) values (?, 'monthly', ?, ?, ?, 'locked', ?)",
    ).run(period, `${period}-01`, monthEnd(period), template, at);
    const cycle = (db.prepare('select id from appraisal_cycles where period = ?').get(period) as { id: number }).id;
    db.prepare(
      "insert into appraisals (cycle_id, person_id, group_id, template_id, state, total, grade, updated_at) values (?, ?, ?, ?, 'locked', 85, ?, ?)",
    ).run(cycle, personId, team.groupId, template, grade, at);
  }
}

describe('DIS-3: the violation catalogue, versioned with its rule’s publication (LAW)', () => {
  it('ships the rulebooks’ list with defaults, in the rulebooks’ order', async () => {
    const catalogue = await ok(host, 'discipline.catalogue', {});
    expect(catalogue.map((v: any) => v.code).slice(0, 3)).toEqual(['DIS-3.1', 'DIS-3.2', 'DIS-3.3']);
    expect(catalogue).toHaveLength(24);
    expect(catalogue.find((v: any) => v.code === 'DIS-3.13')).toMatchObject({
      nameZh: '无故无应答（客户发出对话 20 秒内无回应）',
      defaultSanction: 'fine',
      defaultAmountFen: 1000,
      rule: { code: 'company.consulting', title: '网络咨询管理制度', publishedOn: '2025-01-01' },
    });
    expect(catalogue.find((v: any) => v.code === 'CONF-1').defaultSanction).toBe('termination-review');
  });

  it('a violation dated before its rule was published is refused with that reason; from the publication day it binds', async () => {
    const entry = await ok(host, 'discipline.saveViolationType', {
      code: 'X-1',
      nameZh: '上班时间使用手机游戏',
      nameEn: 'Mobile games at work',
      defaultSanction: 'fine',
      defaultAmountFen: 5000,
      newRule: { title: '网络咨询管理制度', version: '1.1', publishedOn: '2026-03-10' },
    });
    expect(entry).toMatchObject({ code: 'X-1', version: 1, rule: { version: '1.1', publishedOn: '2026-03-10' } });
    const audits = count(host, 'audit_log');
    const error = await fails(host, 'discipline.recordSanction', {
      personId: team.people.A2,
      date: '2026-03-09',
      code: 'X-1',
      sanction: 'fine',
      amountFen: 5000,
    });
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details?.[0]?.path).toBe('date');
    expect(error.message).toContain('2026-03-10 发布');
    expect(count(host, 'sanctions')).toBe(0);
    expect(count(host, 'audit_log')).toBe(audits);
    await violation(team.people.A2, '2026-03-10', 'X-1', { amountFen: 5000 });
  });

  it('an edit is a new version; a violation is judged by the version in force on its date', async () => {
    const before = await violation(team.people.A2, '2026-03-02');
    const edited = await ok(host, 'discipline.saveViolationType', {
      code: 'DIS-3.13',
      nameZh: '无故无应答',
      nameEn: 'No answer',
      defaultSanction: 'fine',
      defaultAmountFen: 2000,
      newRule: { title: '网络咨询管理制度', version: '2.0', publishedOn: '2026-03-05' },
    });
    expect(edited.version).toBe(2);
    const after = await violation(team.people.A2, '2026-03-06');
    expect([before.version, after.version]).toEqual([1, 2]);
    expect((await ok(host, 'discipline.catalogueHistory', { code: 'DIS-3.13' })).map((v: any) => v.version)).toEqual([2, 1]);
    // Archived from a date: refused from then on, still fine before.
    await ok(host, 'discipline.archiveViolationType', { code: 'DIS-3.13', archivedOn: '2026-03-20' });
    expect(
      (
        await fails(host, 'discipline.recordSanction', {
          personId: team.people.A2,
          date: '2026-03-20',
          code: 'DIS-3.13',
          sanction: 'warning',
        })
      ).code,
    ).toBe('RULE_VIOLATION');
    await ok(host, 'discipline.recordSanction', { personId: team.people.A2, date: '2026-03-19', code: 'DIS-3.13', sanction: 'warning' });
    expect((await ok(host, 'discipline.catalogue', {})).some((v: any) => v.code === 'DIS-3.13')).toBe(false);
    // A fine needs an amount, a warning none.
    const bad = await fails(host, 'discipline.saveViolationType', {
      ...edited,
      code: 'DIS-3.2',
      defaultSanction: 'warning',
      defaultAmountFen: 100,
    });
    expect(bad.details?.[0]?.path).toBe('defaultAmountFen');
  });
});

describe('DIS-1, DIS-5: sanctions, appeals and voids', () => {
  it('records a violation with its default sanction, audited in the same transaction; bad dates are refused and change nothing', async () => {
    const s = await violation(team.people.A2, '2026-03-03');
    expect(s).toMatchObject({
      code: 'DIS-3.13',
      sanction: 'fine',
      amountFen: 1000,
      status: 'active',
      source: 'manual',
      recordedBy: '主管',
      groupName: '一组',
    });
    expect(await ok(host, 'audit.history', { entity: 'sanction', entityId: s.id })).toHaveLength(1);
    const before = count(host, 'sanctions');
    expect(
      (
        await fails(host, 'discipline.recordSanction', {
          personId: team.people.A2,
          date: '2023-12-31',
          code: 'DIS-3.1',
          sanction: 'warning',
        })
      ).details?.[0]?.path,
    ).toBe('date');
    expect(
      (
        await fails(host, 'discipline.recordSanction', {
          personId: team.people.A2,
          date: '2099-01-01',
          code: 'DIS-3.1',
          sanction: 'warning',
        })
      ).code,
    ).toBe('VALIDATION');
    expect(
      (await fails(host, 'discipline.recordSanction', { personId: team.people.A2, date: '2026-03-03', code: 'DIS-3.1', sanction: 'fine' }))
        .details?.[0]?.path,
    ).toBe('amountFen');
    expect(
      (
        await fails(host, 'discipline.recordSanction', {
          personId: team.people.A2,
          date: '2026-03-03',
          code: 'DIS-3.99',
          sanction: 'warning',
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(count(host, 'sanctions')).toBe(before);
  });

  it('appeal, uphold, appeal again and void: the voided record stays listed, struck, and stops counting', async () => {
    const s = await violation(team.people.A3, '2026-03-04');
    expect((await ok(host, 'discipline.appealSanction', { id: s.id, note: '当时系统故障' })).status).toBe('appealed');
    expect((await fails(host, 'discipline.appealSanction', { id: s.id, note: '再次申诉' })).code).toBe('RULE_VIOLATION');
    expect((await ok(host, 'discipline.decideAppeal', { id: s.id, uphold: true, reason: '日志显示系统正常' })).status).toBe('active');
    await ok(host, 'discipline.appealSanction', { id: s.id, note: '补充证据' });
    const voided = await ok(host, 'discipline.decideAppeal', { id: s.id, uphold: false, reason: '查实为平台故障' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: '查实为平台故障', voidedBy: '主管' });
    expect((await fails(host, 'discipline.voidSanction', { id: s.id, reason: '重复' })).code).toBe('RULE_VIOLATION');
    const detail = await ok(host, 'discipline.sanction', { id: s.id });
    expect(detail.steps.map((x: any) => [x.step, x.decision])).toEqual([
      ['appeal', 'submitted'],
      ['appeal-decision', 'upheld'],
      ['appeal', 'submitted'],
      ['appeal-decision', 'voided'],
    ]);
    const list = await ok(host, 'discipline.sanctions', { from: '2026-03-01', to: '2026-03-31' });
    expect(list.map((x: any) => x.status)).toEqual(['voided']);
    expect(await ok(host, 'discipline.sanctions', { from: '2026-03-01', to: '2026-03-31', includeVoided: false })).toEqual([]);
    const record = await ok(host, 'discipline.personRecord', { personId: team.people.A3 });
    expect(record.summary).toMatchObject({ sanctions: 0, voided: 1 });
    expect(record.timeline[0]).toMatchObject({ kind: 'sanction', struck: true });
  });

  it('a termination-review sanction goes on the HR flag list; voiding it closes the flag', async () => {
    const s = await ok(host, 'discipline.recordSanction', {
      personId: team.people.A4,
      date: '2026-03-05',
      code: 'CONF-1',
      sanction: 'termination-review',
      evidence: '将客户名单发给外部人员',
    });
    const [flag] = await ok(host, 'discipline.hrFlags', {});
    expect(flag).toMatchObject({ kind: 'termination-review', status: 'open', ruleId: 'DIS-1', personName: '刘洋' });
    expect(flag.summary).toContain('CONF-1');
    expect((await ok(host, 'discipline.updateHrFlag', { id: flag.id, status: 'sent', note: '已邮件发送人事部' })).status).toBe('sent');
    await ok(host, 'discipline.voidSanction', { id: s.id, reason: '查无实据' });
    const [closed] = await ok(host, 'discipline.hrFlags', {});
    expect(closed).toMatchObject({ status: 'closed', note: '查无实据' });
    expect((await fails(host, 'discipline.updateHrFlag', { id: flag.id, status: 'sent', note: null })).code).toBe('RULE_VIOLATION');
  });
});

describe('DIS-2: the 乐捐 fund', () => {
  it('fines paid in once, a month closed with its LAW warnings acknowledged, a closed month locked, corrections in the next month', async () => {
    const [a, b] = [await violation(team.people.A2, '2026-03-02'), await violation(team.people.A3, '2026-03-03')];
    // 20 % of 300 yuan × 21.75 is 1 305 yuan: A2's pay cut of 1 400 yuan passes it.
    await ok(host, 'discipline.recordSanction', {
      personId: team.people.A2,
      date: '2026-03-10',
      code: 'DIS-3.6',
      sanction: 'pay-cut',
      amountFen: 130_000,
    });
    await ok(host, 'discipline.payFines', { sanctionIds: [a.id], date: '2026-03-20' });
    const twice = await fails(host, 'discipline.payFines', { sanctionIds: [a.id], date: '2026-03-21' });
    expect(twice).toMatchObject({ code: 'CONFLICT', details: [{ path: 'sanctionIds.0' }] });
    await ok(host, 'discipline.recordFundEntry', { kind: 'spending', date: '2026-03-25', amountFen: 600, note: '团队下午茶' });
    const march = await ok(host, 'discipline.fundMonth', { month: '2026-03' });
    expect(march).toMatchObject({ status: 'open', openingFen: 0, inFen: 1000, outFen: 600, closingFen: 400 });
    expect(march.unpaidFines.map((s: any) => s.id)).toEqual([b.id]);
    expect(march.deductions).toEqual([
      expect.objectContaining({ employeeNo: 'A2', deductionsFen: 131_000, overCap: true, capFen: 130_500 }),
    ]);
    expect(march.deductions[0].message).toContain('20%');

    const refused = await fails(host, 'discipline.closeFundMonth', { month: '2026-03', acknowledgeWarnings: false });
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'acknowledgeWarnings' }] });
    expect(count(host, 'fund_months')).toBe(0);
    const closed = await ok(host, 'discipline.closeFundMonth', { month: '2026-03', acknowledgeWarnings: true });
    expect(closed).toMatchObject({ status: 'closed', closingFen: 400, firstOpenMonth: '2026-04' });

    // Locked: a late payment dated in March goes to April as the supervisor is told.
    const locked = await fails(host, 'discipline.payFines', { sanctionIds: [b.id], date: '2026-03-31' });
    expect(locked.code).toBe('CONFLICT');
    expect(locked.message).toContain('2026-04');
    await ok(host, 'discipline.payFines', { sanctionIds: [b.id], date: '2026-04-02' });
    await ok(host, 'discipline.recordFundEntry', {
      kind: 'adjustment',
      date: '2026-04-03',
      amountFen: -100,
      note: '更正 3 月下午茶少记 1 元',
    });
    const april = await ok(host, 'discipline.fundMonth', { month: '2026-04' });
    expect(april).toMatchObject({ openingFen: 400, inFen: 1000, outFen: 100, closingFen: 1300, unpaidFines: [] });
    // Voiding a paid fine pays it back through an adjustment in the first open month.
    await ok(host, 'discipline.voidSanction', { id: b.id, reason: '申诉成立' });
    const refund = sql()
      .prepare("select amount_fen as a, month from fund_entries where kind = 'adjustment' order by id desc limit 1")
      .get();
    expect(refund).toEqual({ a: -1000, month: '2026-11' });
    expect((await ok(host, 'discipline.fundMonth', { month: '2026-03' })).closingFen).toBe(400);
  });

  it('closing balances carry month to month and across a year; closing a later month closes the open ones before it', async () => {
    const s = await violation(team.people.A2, '2026-03-02');
    sql().prepare("update people set hire_date = '2025-01-02'").run();
    const d = await violation(team.people.A3, '2025-12-15', 'DIS-3.5', { amountFen: 5000 });
    await ok(host, 'discipline.payFines', { sanctionIds: [d.id], date: '2025-12-20' });
    await ok(host, 'discipline.recordFundEntry', { kind: 'spending', date: '2026-01-08', amountFen: 2000, note: '年会奖品' });
    await ok(host, 'discipline.payFines', { sanctionIds: [s.id], date: '2026-03-05' });
    const closed = await ok(host, 'discipline.closeFundMonth', { month: '2026-02', acknowledgeWarnings: false });
    expect(closed).toMatchObject({ openingFen: 3000, closingFen: 3000 });
    const months = sql().prepare('select month, opening_fen as o, closing_fen as c from fund_months order by month').all();
    expect(months).toEqual([
      { month: '2025-12', o: 0, c: 5000 },
      { month: '2026-01', o: 5000, c: 3000 },
      { month: '2026-02', o: 3000, c: 3000 },
    ]);
    expect((await ok(host, 'discipline.fundMonth', { month: '2026-03' })).openingFen).toBe(3000);
    expect((await fails(host, 'discipline.closeFundMonth', { month: '2026-01', acknowledgeWarnings: true })).code).toBe('RULE_VIOLATION');
    const year = await ok(host, 'discipline.fundYear', { year: 2026 });
    expect(year.months.slice(0, 3)).toEqual([
      { month: '2026-01', inFen: 0, outFen: 2000, closingFen: 3000, closed: true },
      { month: '2026-02', inFen: 0, outFen: 0, closingFen: 3000, closed: true },
      { month: '2026-03', inFen: 1000, outFen: 0, closingFen: 4000, closed: false },
    ]);
    expect((await fails(host, 'discipline.closeFundMonth', { month: '2027-01', acknowledgeWarnings: true })).code).toBe('RULE_VIOLATION');
  });

  it('the fund statement and the month’s list as XLSX, read back', async () => {
    const s = await violation(team.people.A2, '2026-03-02');
    await violation(team.people.A3, '2026-03-03');
    await ok(host, 'discipline.payFines', { sanctionIds: [s.id], date: '2026-03-06' });
    const fund = await xlsx(await ok(host, 'discipline.exportFund', { month: '2026-03' }));
    expect(fund.worksheets.map((w) => w.name)).toEqual(['乐捐月结', '收支明细', '未缴乐捐', '扣款检查']);
    const summary = rowsOf(fund.getWorksheet('乐捐月结')!);
    expect(summary).toContainEqual(['期末余额', 10]);
    expect(summary).toContainEqual(['月份', '2026-03']);
    expect(rowsOf(fund.getWorksheet('收支明细')!)[1]!.slice(0, 5)).toEqual(['2026-03-06', '乐捐收入', 'A2', '李娜', 10]);
    expect(rowsOf(fund.getWorksheet('未缴乐捐')!)[1]).toEqual([
      '2026-03-03',
      'A3',
      '王芳',
      'DIS-3.13',
      '无故无应答（客户发出对话 20 秒内无回应）',
      10,
    ]);
    const month = await xlsx(await ok(host, 'discipline.exportMonth', { month: '2026-03' }));
    const sanctions = rowsOf(month.getWorksheet('违规处理')!);
    expect(sanctions).toHaveLength(3);
    expect(sanctions[1]!.slice(0, 10)).toEqual([
      '2026-03-02',
      'A2',
      '李娜',
      '一组',
      'DIS-3.13',
      '无故无应答（客户发出对话 20 秒内无回应）',
      '乐捐',
      10,
      '有效',
      '2026-03-06',
    ]);
  });
});

describe('DIS-4: rewards through their steps', () => {
  it('recommend → application form → HR review → leadership approval, each step recorded; a bonus paid from the fund once', async () => {
    const fine = await violation(team.people.A3, '2026-03-02', 'DIS-3.5', { amountFen: 50_000 });
    await ok(host, 'discipline.payFines', { sanctionIds: [fine.id], date: '2026-03-03' });
    const r = await ok(host, 'discipline.recommendReward', {
      personId: team.people.A2,
      kind: 'bonus',
      title: '季度服务奖金',
      amountFen: 20_000,
      reason: '客户满意度连续三月第一',
      date: '2026-03-10',
    });
    expect(r.status).toBe('recommended');
    expect((await fails(host, 'discipline.decideReward', { id: r.id, step: 'hr-review', approve: true })).code).toBe('RULE_VIOLATION');
    await ok(host, 'discipline.applyReward', { id: r.id, deeds: '3 月处理会话 1 500 次，满意度 99%', opinion: '同意推荐' });
    await ok(host, 'discipline.decideReward', { id: r.id, step: 'hr-review', approve: true, note: '材料齐全', by: '人事部 陈静' });
    expect((await fails(host, 'discipline.payReward', { rewardId: r.id, date: '2026-03-12' })).code).toBe('RULE_VIOLATION');
    const approved = await ok(host, 'discipline.decideReward', {
      id: r.id,
      step: 'leadership-approval',
      approve: true,
      note: null,
      by: '总经理',
    });
    expect(approved.status).toBe('approved');
    expect(approved.steps.map((s: any) => [s.step, s.decision, s.actorName])).toEqual([
      ['recommend', 'submitted', '主管'],
      ['apply', 'submitted', '主管'],
      ['hr-review', 'approved', '人事部 陈静'],
      ['leadership-approval', 'approved', '总经理'],
    ]);
    await ok(host, 'discipline.payReward', { rewardId: r.id, date: '2026-03-15' });
    expect((await fails(host, 'discipline.payReward', { rewardId: r.id, date: '2026-03-16' })).code).toBe('CONFLICT');
    expect((await ok(host, 'discipline.fundMonth', { month: '2026-03' })).closingFen).toBe(30_000);
    const honour = await ok(host, 'discipline.recommendReward', {
      personId: team.people.A3,
      kind: 'honour',
      title: 'service-star',
      amountFen: null,
      reason: '服务之星',
      date: '2026-03-20',
    });
    await ok(host, 'discipline.applyReward', { id: honour.id, deeds: '好评 80 条', opinion: null });
    expect((await ok(host, 'discipline.decideReward', { id: honour.id, step: 'hr-review', approve: false, note: '名额已满' })).status).toBe(
      'rejected',
    );
    expect((await fails(host, 'discipline.recommendReward', { ...honour, title: '劳模', id: undefined })).details?.[0]?.path).toBe('title');
    const list = await ok(host, 'discipline.rewards', { status: 'approved' });
    expect(list.map((x: any) => [x.id, x.paidOn])).toEqual([[r.id, '2026-03-15']]);
  });
});

describe('PRO-1…5: promotion eligibility and applications', () => {
  it('an agent with a violation in the window is not eligible, with the record behind it; voided it no longer blocks', async () => {
    appraisalResults(team.people.A2, [
      ['2026-03', 'good'],
      ['2026-04', 'excellent'],
      ['2026-05', 'good'],
    ]);
    const s = await violation(team.people.A2, '2026-03-15');
    const check = await ok(host, 'discipline.promotionCheck', { personId: team.people.A2, toRole: 'leader', onDate: '2026-06-15' });
    expect(check.eligible).toBe(false);
    const clean = check.conditions.find((c: any) => c.key === 'cleanRecord');
    expect(clean).toMatchObject({ state: 'unmet', ruleId: 'PRO-2' });
    expect(clean.message).toContain('2026-03-15 至 2026-06-15');
    expect(clean.records).toEqual([expect.objectContaining({ kind: 'sanction', id: s.id, counts: true })]);
    const refused = await fails(host, 'discipline.applyPromotion', { personId: team.people.A2, toRole: 'leader', appliedOn: '2026-06-15' });
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'appliedOn' }] });
    await ok(host, 'discipline.voidSanction', { id: s.id, reason: '误记' });
    const again = await ok(host, 'discipline.promotionCheck', { personId: team.people.A2, toRole: 'leader', onDate: '2026-06-15' });
    expect(again.eligible).toBe(true);
    expect(again.conditions.find((c: any) => c.key === 'appraisal').records.map((r: any) => r.text)).toEqual([
      '2026-05 良好',
      '2026-04 优秀',
      '2026-03 良好',
    ]);
  });

  it('PRO-2: the agent applies, the supervisor approves; the role changes from an audited date; a group keeps one leader', async () => {
    appraisalResults(team.people.A2, [
      ['2026-07', 'good'],
      ['2026-08', 'good'],
      ['2026-09', 'excellent'],
    ]);
    const application = await ok(host, 'discipline.applyPromotion', {
      personId: team.people.A2,
      toRole: 'leader',
      appliedOn: '2026-10-08',
      note: '本人申请',
    });
    expect(application).toMatchObject({ status: 'applied', fromRole: 'agent', skipLevel: false, nextStep: 'supervisor-approval' });
    expect(
      (await fails(host, 'discipline.applyPromotion', { personId: team.people.A2, toRole: 'leader', appliedOn: '2026-10-09' })).code,
    ).toBe('CONFLICT');
    expect((await fails(host, 'discipline.decidePromotion', { id: application.id, approve: true })).details?.[0]?.path).toBe('effectiveOn');
    // 一组 already has A1 as its leader (ORG-1).
    const taken = await fails(host, 'discipline.decidePromotion', { id: application.id, approve: true, effectiveOn: '2026-11-01' });
    expect(taken.message).toContain('ORG-1');
    expect((await ok(host, 'people.get', { id: team.people.A2 })).role).toBe('agent');
    await ok(host, 'people.update', { ...(await ok(host, 'people.get', { id: team.people.A1 })), role: 'supervisor' });
    const approved = await ok(host, 'discipline.decidePromotion', {
      id: application.id,
      approve: true,
      effectiveOn: '2026-11-01',
      by: '主管 赵敏',
    });
    expect(approved).toMatchObject({ status: 'approved', effectiveOn: '2026-11-01', nextStep: null });
    expect((await ok(host, 'people.get', { id: team.people.A2 })).role).toBe('leader');
    expect(sql().prepare('select from_role as f, to_role as t, effective_on as d from role_changes').all()).toEqual([
      { f: 'agent', t: 'leader', d: '2026-11-01' },
    ]);
    const audit = await ok(host, 'audit.history', { entity: 'person', entityId: team.people.A2 });
    expect(audit[0]).toMatchObject({ action: 'promote' });
    const record = await ok(host, 'discipline.personRecord', { personId: team.people.A2 });
    expect(record.timeline.map((e: any) => e.kind).slice(0, 2)).toEqual(['role', 'promotion']);
  });

  it('PRO-1: a skip-level application needs its justification and is recorded as skip-level (PRO-3 window of 6 months)', async () => {
    appraisalResults(team.people.A3, [
      ['2026-05', 'excellent'],
      ['2026-06', 'excellent'],
      ['2026-07', 'excellent'],
      ['2026-08', 'good'],
    ]);
    const without = await fails(host, 'discipline.applyPromotion', {
      personId: team.people.A3,
      toRole: 'supervisor',
      appliedOn: '2026-09-01',
    });
    expect(without.details?.[0]?.path).toBe('exceptionNote');
    const skip = await ok(host, 'discipline.applyPromotion', {
      personId: team.people.A3,
      toRole: 'supervisor',
      appliedOn: '2026-09-01',
      exceptionNote: '主导新客服系统上线，贡献突出',
    });
    expect(skip).toMatchObject({ skipLevel: true, exceptionNote: '主导新客服系统上线，贡献突出', nextStep: 'superior-approval' });
    expect(skip.eligibility.window).toEqual({ from: '2026-03-01', to: '2026-09-01', months: 6 });
    expect(skip.eligibility.conditions.find((c: any) => c.key === 'path').state).toBe('exception');
    expect(skip.steps[0]).toMatchObject({ step: 'nominate', decision: 'submitted' });
    expect(sql().prepare('select skip_level as s from promotions').get()).toEqual({ s: 1 });
    const withdrawn = await ok(host, 'discipline.withdrawPromotion', { id: skip.id, reason: '暂缓' });
    expect(withdrawn.status).toBe('withdrawn');
    const board = await ok(host, 'discipline.promotionBoard', { onDate: '2026-09-01' });
    expect(board.find((r: any) => r.personId === team.people.A3)).toMatchObject({ toRole: 'leader', eligible: true, unmet: [] });
    expect(board.find((r: any) => r.personId === team.people.A4)).toMatchObject({ eligible: false, unmet: ['appraisal'] });
  });
});

describe('the link with attendance (ATT-2…7) and the HR flag list (ATT-6, APR-8)', () => {
  const attendanceSanctions = () =>
    sql()
      .prepare(
        "select person_id as p, date, v.code, sanction, amount_fen as a, status from sanctions s join violation_types v on v.id = s.violation_type_id where source = 'attendance' order by date, v.code",
      )
      .all();

  it('closing the month creates the sanctions once; reopening voids them; closing again brings them back, never twice', async () => {
    await ok(host, 'attendance.importCommit', {
      file: clockCsv(monthOfPunches({ skip: ['A2,李娜,2026-03-03 08:55', 'A3,王芳,2026-03-04'], extra: ['A2,李娜,2026-03-03 09:10:00'] })),
    });
    await ok(host, 'attendance.closeMonth', { month: MONTH });
    const first = attendanceSanctions();
    expect(first).toEqual([
      { p: team.people.A2, date: '2026-03-03', code: 'ATT-2', sanction: 'fine', a: 2000, status: 'active' },
      { p: team.people.A3, date: '2026-03-04', code: 'ATT-7', sanction: 'demerit', a: 60_000, status: 'active' },
    ]);
    // The fine is in the fund's unpaid list and counts in the deduction check.
    expect((await ok(host, 'discipline.fundMonth', { month: MONTH })).unpaidFines.map((s: any) => s.code)).toEqual(['ATT-2']);

    await ok(host, 'attendance.reopenMonth', { month: MONTH, reason: '核对打卡' });
    expect(attendanceSanctions().map((s: any) => s.status)).toEqual(['voided', 'voided']);
    await ok(host, 'attendance.closeMonth', { month: MONTH });
    expect(attendanceSanctions()).toEqual(first);
    expect(count(host, 'sanctions')).toBe(2);

    // Called again directly with the same month: nothing is counted twice.
    const ctx = hostCtx(host);
    const people = [
      { personId: team.people.A2, fines: [{ date: '2026-03-03', kind: 'late' as const, minutes: 10, fineFen: 2000 }], absences: [] },
    ];
    const again = audited(ctx, (audit) => recordAttendanceSanctions(ctx, MONTH, people, audit));
    expect(again).toEqual({ created: 0, reactivated: 0, existing: 1, skipped: 0 });
    expect(() =>
      sql()
        .prepare(
          "insert into sanctions (person_id, date, violation_type_id, sanction, amount_fen, source, source_key, status, recorded_by, created_at) values (?, '2026-03-03', 1, 'fine', 2000, 'attendance', ?, 'active', 'x', 'x')",
        )
        .run(team.people.A2, `attendance:${team.people.A2}:2026-03-03:late`),
    ).toThrow(/UNIQUE/);
  });

  it('a sanction voided by the supervisor stays voided when the month closes again', async () => {
    await ok(host, 'attendance.importCommit', { file: clockCsv(monthOfPunches({ skip: ['A3,王芳,2026-03-04'] })) });
    await ok(host, 'attendance.closeMonth', { month: MONTH });
    const [s] = await ok(host, 'discipline.sanctions', { from: '2026-03-01', to: '2026-03-31' });
    await ok(host, 'discipline.voidSanction', { id: s.id, reason: '补交病假证明' });
    await ok(host, 'attendance.reopenMonth', { month: MONTH, reason: '核对' });
    await ok(host, 'attendance.closeMonth', { month: MONTH });
    expect(attendanceSanctions().map((x: any) => x.status)).toEqual(['voided']);
    expect((await ok(host, 'discipline.sanction', { id: s.id })).voidReason).toBe('补交病假证明');
  });

  it('ATT-6 and APR-8 findings are raised once each and listed with their evidence', async () => {
    const ctx = hostCtx(host);
    const flags = [
      { personId: team.people.A3, kind: 'consecutive' as const, days: 4, dates: ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'] },
    ];
    expect(audited(ctx, (audit) => raiseAttendanceFlags(ctx, flags, audit))).toBe(1);
    expect(audited(ctx, (audit) => raiseAttendanceFlags(ctx, flags, audit))).toBe(0);
    audited(ctx, (audit) =>
      raiseHrFlag(
        ctx,
        {
          kind: 'unqualified-twice',
          personId: team.people.A4,
          key: `unqualified-twice:${team.people.A4}:2026-04`,
          evidence: { rule: 'APR-8', periods: ['2026-03', '2026-04'], totals: [55, 52] },
        },
        audit,
      ),
    );
    const list = await ok(host, 'discipline.hrFlags', { status: 'open' });
    expect(list.map((f: any) => [f.kind, f.ruleId, f.summary])).toEqual([
      ['unqualified-twice', 'APR-8', '连续两期考核不合格（2026-03、2026-04）'],
      ['absence-consecutive', 'ATT-6', '连续旷工 4 天（2026-03-09 至 2026-03-12）'],
    ]);
    await ok(host, 'system.setLanguage', { lang: 'en' });
    expect((await ok(host, 'discipline.hrFlags', {}))[1].summary).toBe('4 days of absence in a row (2026-03-09 to 2026-03-12)');
    await ok(host, 'system.setLanguage', { lang: 'zh-CN' });
  });
});
