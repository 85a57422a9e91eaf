import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { settingCatalog, ruleDocumentDefaults } from '../../main/settings/catalog.ts';
import { getSetting } from '../../main/settings/service.ts';
import { testHost, ok, fails, count, hostCtx } from '../helpers/host.ts';

// Settings are the rulebooks' numbers (domain.md marks them *default*): each value is tied to the
// published rule version that justifies it (LAW: company rules bind staff only once published),
// and a change is a new row from a date, never an overwrite.

const CJK = /[\u4e00-\u9fff]/;
let host: AppHost;
beforeEach(async () => {
  host = await testHost();
});
afterEach(() => host.close());

const ruleId = async (code: string) => (await ok(host, 'settings.rules')).find((r: any) => r.code === code).id as number;
const setting = async (key: string, onDate?: string) =>
  (await ok(host, 'settings.list', onDate ? { onDate } : {})).find((s: any) => s.key === key);
const writes = () => ({ values: count(host, 'setting_values'), rules: count(host, 'rule_documents'), audit: count(host, 'audit_log') });

describe('the catalogue after opening', () => {
  it('every key of the catalogue exists with its default, tied to its rule document', async () => {
    const list = await ok(host, 'settings.list');
    expect(list.map((s: any) => s.key)).toEqual(settingCatalog.map((d) => d.key));
    for (const def of settingCatalog) {
      const view = list.find((s: any) => s.key === def.key);
      const rule = ruleDocumentDefaults.find((r) => r.code === def.rule)!;
      expect(view.current.value, def.key).toEqual(def.defaultValue);
      expect(view.defaultValue, def.key).toEqual(def.defaultValue);
      expect(view.ruleId, def.key).toBe(def.ruleId);
      expect(view.current.rule, def.key).toMatchObject({
        code: rule.code,
        title: rule.title,
        version: rule.version,
        publishedOn: rule.publishedOn,
      });
      expect(view.current.effectiveFrom, def.key).toBe(rule.publishedOn);
      expect(view.historyCount, def.key).toBe(1);
      expect(view.upcoming, def.key).toBeNull();
    }
    const rules = await ok(host, 'settings.rules');
    expect(rules.map((r: any) => r.code).sort()).toEqual(ruleDocumentDefaults.map((r) => r.code).sort());
  });

  it('the blanks of the rulebook ([X]) are marked, e.g. the ATT-2 fine and the ATT-5 multiple', async () => {
    expect((await setting('attendance.lateFineYuan')).blankInRulebook).toBe(true);
    expect((await setting('attendance.absenceWageMultiple')).blankInRulebook).toBe(true);
    expect((await setting('leave.annualLeaveBands')).blankInRulebook).toBe(false);
  });

  it('reopening the file adds nothing twice', async () => {
    const before = writes();
    const dataDir = host.options.dataDir;
    host.close();
    host = await testHost(dataDir);
    expect(writes()).toEqual(before);
  });
});

describe('changing a value', () => {
  it('LAW: an effective date before the rule was published is refused (a rule binds only once published), and nothing is written', async () => {
    const operations = await ruleId('company.operations'); // published 2025-01-01
    const before = writes();
    const error = await fails(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 30,
      effectiveFrom: '2024-12-31',
      ruleDocumentId: operations,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([expect.objectContaining({ path: 'effectiveFrom' })]);
    expect(error.message).toContain('2025-01-01');
    expect(error.message).toMatch(CJK);
    expect(writes()).toEqual(before);

    // A new rule version published after the effective date: refused too, and the rule is not kept.
    const withNewRule = await fails(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 30,
      effectiveFrom: '2026-03-01',
      newRule: { title: '运营服务中心规章制度', version: '2.0', publishedOn: '2026-03-15' },
    });
    expect(withNewRule.details?.[0]?.path).toBe('effectiveFrom');
    expect(writes()).toEqual(before);

    await ok(host, 'system.setLanguage', { lang: 'en' });
    const english = await fails(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 30,
      effectiveFrom: '2024-12-31',
      ruleDocumentId: operations,
    });
    expect(english.message).toMatch(/only once published/);
    await ok(host, 'system.setLanguage', { lang: 'zh-CN' });

    // On the publication day itself it is accepted.
    await ok(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 30,
      effectiveFrom: '2025-01-01',
      ruleDocumentId: operations,
    });
  });

  it('ATT-2: a change is a new row; history keeps both; the value in force depends on the date', async () => {
    const operations = await ruleId('company.operations');
    const view = await ok(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 30,
      effectiveFrom: '2026-04-01',
      ruleDocumentId: operations,
      note: '经职工代表大会讨论通过',
    });
    expect(view.key).toBe('attendance.lateFineYuan');
    expect(view.historyCount).toBe(2);

    const history = await ok(host, 'settings.history', { key: 'attendance.lateFineYuan' });
    expect(history.map((h: any) => [h.value, h.effectiveFrom, h.note])).toEqual([
      [30, '2026-04-01', '经职工代表大会讨论通过'],
      [20, '2025-01-01', null],
    ]);
    expect(count(host, 'setting_values')).toBe(settingCatalog.length + 1);

    const onEve = await setting('attendance.lateFineYuan', '2026-03-31');
    expect(onEve.current.value).toBe(20);
    expect(onEve.upcoming).toMatchObject({ value: 30, effectiveFrom: '2026-04-01' });
    expect((await setting('attendance.lateFineYuan', '2026-04-01')).current.value).toBe(30);
    expect((await setting('attendance.lateFineYuan', '2030-01-01')).current.value).toBe(30);
    expect((await setting('attendance.lateFineYuan', '2026-04-01')).upcoming).toBeNull();
    expect((await setting('attendance.lateFineYuan', '2025-06-30')).current.value).toBe(20);

    const ctx = hostCtx(host);
    expect(getSetting(ctx, 'attendance.lateFineYuan', '2026-03-31')).toBe(20);
    expect(getSetting(ctx, 'attendance.lateFineYuan', '2026-04-01')).toBe(30);
    // Other keys are untouched.
    expect(getSetting(ctx, 'attendance.fineThresholdMinutes', '2026-04-01')).toBe(15);

    // A second change on the same date replaces the first for that date; both stay in history.
    await ok(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 25,
      effectiveFrom: '2026-04-01',
      ruleDocumentId: operations,
    });
    expect(getSetting(ctx, 'attendance.lateFineYuan', '2026-04-01')).toBe(25);
    expect(getSetting(ctx, 'attendance.lateFineYuan', '2026-03-31')).toBe(20);
    expect(await ok(host, 'settings.history', { key: 'attendance.lateFineYuan' })).toHaveLength(3);
  });

  it('a new rule version can be recorded with the change; the same version twice is a conflict', async () => {
    const rulesBefore = await ok(host, 'settings.rules');
    const view = await ok(host, 'settings.change', {
      key: 'appraisal.dimensionWeights',
      value: [60, 25, 15],
      effectiveFrom: '2026-04-01',
      newRule: { title: '线上帮办团队管理制度', version: '2.0', publishedOn: '2026-03-15' },
    });
    const rules = await ok(host, 'settings.rules');
    expect(rules).toHaveLength(rulesBefore.length + 1);
    const added = rules.find((r: any) => r.version === '2.0');
    expect(added).toMatchObject({ code: 'company.team', title: '线上帮办团队管理制度', publishedOn: '2026-03-15' });
    expect(view.upcoming ?? view.current).toMatchObject({ value: [60, 25, 15], rule: { id: added.id, version: '2.0' } });
    expect((await setting('appraisal.dimensionWeights', '2026-04-01')).current.rule.version).toBe('2.0');
    expect((await setting('appraisal.dimensionWeights', '2026-03-31')).current.rule.version).toBe('1.0');

    const before = writes();
    const again = await fails(host, 'settings.change', {
      key: 'appraisal.dimensionWeights',
      value: [50, 30, 20],
      effectiveFrom: '2026-05-01',
      newRule: { title: '线上帮办团队管理制度', version: '2.0', publishedOn: '2026-04-15' },
    });
    expect(again.code).toBe('CONFLICT');
    expect(again.details?.[0]?.path).toBe('newRule.version');
    expect(writes()).toEqual(before);

    // A rule the app did not know gets a code of its own.
    await ok(host, 'settings.change', {
      key: 'roster.minRestMinutes',
      value: 720,
      effectiveFrom: '2026-06-01',
      newRule: { title: '排班与休息管理办法', version: '1.0', publishedOn: '2026-05-20' },
    });
    const custom = (await ok(host, 'settings.rules')).find((r: any) => r.title === '排班与休息管理办法');
    expect(custom.code).toMatch(/^custom\./);
  });

  it('every change is audited, with the value before and after', async () => {
    const operations = await ruleId('company.operations');
    await ok(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 30,
      effectiveFrom: '2026-04-01',
      ruleDocumentId: operations,
    });
    await ok(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 40,
      effectiveFrom: '2027-01-01',
      newRule: { title: '运营服务中心规章制度', version: '3.0', publishedOn: '2026-12-01' },
    });
    const history = await ok(host, 'audit.history', { entity: 'setting', entityId: 'attendance.lateFineYuan' });
    const changes = history.filter((h: any) => h.action === 'change');
    expect(changes).toHaveLength(2);
    for (const c of changes) expect(c.actorName).toBe('主管');
    const values = changes.map((c: any) => Object.fromEntries(c.changes.map((x: any) => [x.field, [x.before, x.after]])));
    expect(values).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: [20, 30] }), expect.objectContaining({ value: [30, 40] })]),
    );
    const rule = (await ok(host, 'settings.rules')).find((r: any) => r.version === '3.0');
    const ruleAudit = await ok(host, 'audit.history', { entity: 'rule', entityId: rule.id });
    expect(ruleAudit.map((h: any) => h.action)).toEqual(['create']);
  });

  it('an unknown key or rule document is NOT_FOUND and writes nothing', async () => {
    const before = writes();
    expect(
      (await fails(host, 'settings.change', { key: 'attendance.nope', value: 1, effectiveFrom: '2026-01-01', ruleDocumentId: 1 })).code,
    ).toBe('NOT_FOUND');
    const noRule = await fails(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 30,
      effectiveFrom: '2026-01-01',
      ruleDocumentId: 9999,
    });
    expect(noRule.code).toBe('NOT_FOUND');
    expect(noRule.details?.[0]?.path).toBe('ruleDocumentId');
    const missingRule = await fails(host, 'settings.change', { key: 'attendance.lateFineYuan', value: 30, effectiveFrom: '2026-01-01' });
    expect(missingRule.details?.[0]?.path).toBe('ruleDocumentId');
    expect((await fails(host, 'settings.history', { key: 'attendance.nope' })).code).toBe('NOT_FOUND');
    expect(writes()).toEqual(before);
  });
});

describe('bad values are refused with VALIDATION and nothing is written', () => {
  it.each([
    ['APR-1: weights not adding to 100', 'appraisal.dimensionWeights', [50, 30, 30]],
    ['APR-1: weights adding to 99', 'appraisal.dimensionWeights', [50, 30, 19]],
    ['APR-1: a negative weight', 'appraisal.dimensionWeights', [110, -10, 0]],
    ['APR-1: two weights instead of three', 'appraisal.dimensionWeights', [50, 50]],
    ['APR-6: source weights not adding to 100', 'appraisal.sourceWeights', [70, 10, 10, 20]],
    ['APR-7: thresholds not descending', 'appraisal.gradeThresholds', [80, 90, 60]],
    ['APR-7: equal thresholds', 'appraisal.gradeThresholds', [90, 90, 60]],
    ['APR-7: a threshold above 100', 'appraisal.gradeThresholds', [101, 80, 60]],
    ['ATT-2: fine above the range', 'attendance.lateFineYuan', 1001],
    ['ATT-2: negative fine', 'attendance.lateFineYuan', -1],
    ['ATT-2: fractional yuan', 'attendance.lateFineYuan', 20.5],
    ['ATT-2: a number as text', 'attendance.lateFineYuan', '20'],
    ['ATT-5: multiple above 5', 'attendance.absenceWageMultiple', 5.5],
    ['ROS-3: start time past midnight', 'roster.workStart', 1440],
    ['ROS-3: negative time', 'roster.workStart', -30],
    ['ROS-4: a list for a number', 'roster.maxConsecutiveDays', [6]],
    ['APR-4: unknown cycle', 'appraisal.cycle', 'weekly'],
    ['LEV-4: unknown province', 'leave.province', 'tokyo'],
    ['LEV-3: bands as text', 'leave.annualLeaveBands', 'five'],
  ])('%s', async (_label, key, value) => {
    const rule = (await setting(key)).current.rule.id;
    const before = writes();
    const error = await fails(host, 'settings.change', { key, value, effectiveFrom: '2026-04-01', ruleDocumentId: rule });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.[0]?.path).toBe('value');
    expect(writes()).toEqual(before);
    expect((await setting(key, '2026-04-01')).current.value).toEqual(settingCatalog.find((d) => d.key === key)!.defaultValue);
  });

  it("a refused value is explained in the user's language (Chinese by default, English after switching)", async () => {
    const rule = (await setting('appraisal.dimensionWeights')).current.rule.id;
    const cases: Array<[string, unknown]> = [
      ['appraisal.dimensionWeights', [50, 30, 30]],
      ['appraisal.gradeThresholds', [80, 90, 60]],
      ['attendance.lateFineYuan', 1001],
    ];
    for (const [key, value] of cases) {
      const error = await fails(host, 'settings.change', { key, value, effectiveFrom: '2026-04-01', ruleDocumentId: rule });
      expect(error.message, key).toMatch(CJK);
      for (const d of error.details ?? []) expect(d.message, `${key}: ${d.message}`).toMatch(CJK);
    }
    await ok(host, 'system.setLanguage', { lang: 'en' });
    for (const [key, value] of cases) {
      const error = await fails(host, 'settings.change', { key, value, effectiveFrom: '2026-04-01', ruleDocumentId: rule });
      for (const text of [error.message, ...(error.details ?? []).map((d) => d.message)]) expect(text, key).not.toMatch(CJK);
    }
    await ok(host, 'system.setLanguage', { lang: 'zh-CN' });
  });

  it('valid edge values are accepted', async () => {
    const change = async (key: string, value: unknown) =>
      ok(host, 'settings.change', { key, value, effectiveFrom: '2026-04-01', ruleDocumentId: (await setting(key)).current.rule.id });
    await change('appraisal.dimensionWeights', [100, 0, 0]);
    await change('appraisal.gradeThresholds', [100, 99, 0]);
    await change('attendance.lateFineYuan', 0);
    await change('attendance.lateFineYuan', 1000);
    await change('roster.workStart', 1439);
    await change('appraisal.cycle', 'quarterly');
    await change('leave.province', 'guangdong');
    await change('law.monthlyWorkDays', 20.83);
    expect((await setting('law.monthlyWorkDays', '2026-04-01')).current.value).toBe(20.83);
    expect((await setting('appraisal.dimensionWeights', '2026-04-01')).current.value).toEqual([100, 0, 0]);
  });
});
