import ExcelJS from 'exceljs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { defaultTemplate } from '../../main/appraisal/rules/index.ts';
import { registerSuggestionProvider } from '../../main/appraisal/suggestions.ts';
import { testHost, ok, fails, count, upload, xlsx } from '../helpers/host.ts';

// The appraisal area through the dispatcher on a real data file: templates (APR-1…3), a month's
// flow (APR-5) with sources (APR-6), the chat platform import, results and locking (APR-7, APR-8),
// training retakes (APR-9), the annual result (APR-4) and the HR export.

const items = defaultTemplate().items.map((i) => i.key);
const scores = (value: number | ((key: string, i: number) => number)) =>
  Object.fromEntries(items.map((k, i) => [k, typeof value === 'number' ? value : value(k, i)]));

const csv = (text: string, fileName = 'stats.csv', encoding: 'utf8' | 'gbk' = 'utf8') => upload(text, fileName, encoding);

interface Team {
  groupId: number;
  leader: number;
  wang: number;
  li: number;
  tech: number;
  newcomer: number;
}

/** 一组: a leader, two service agents, a tech agent, and a service agent hired on 2026-03-16. */
async function team(host: AppHost): Promise<Team> {
  const group = await ok(host, 'people.createGroup', { name: '一组' });
  const person = async (employeeNo: string, name: string, role: string, fn: string, hireDate = '2024-01-02') =>
    (
      await ok(host, 'people.create', {
        employeeNo,
        name,
        groupId: group.id,
        role,
        function: fn,
        hireDate,
        firstEmploymentDate: '2020-07-01',
        dailyWageFen: null,
        phone: null,
        note: null,
      })
    ).id as number;
  await ok(host, 'people.create', {
    employeeNo: 'S001',
    name: '赵主管',
    groupId: null,
    role: 'supervisor',
    function: 'service',
    hireDate: '2020-01-01',
    firstEmploymentDate: '2015-01-01',
    dailyWageFen: null,
    phone: null,
    note: null,
  });
  return {
    groupId: group.id,
    leader: await person('E001', '张伟', 'leader', 'service'),
    wang: await person('E002', '王芳', 'agent', 'service'),
    li: await person('E003', '李娜', 'agent', 'service'),
    tech: await person('E004', '刘洋', 'agent', 'tech'),
    newcomer: await person('E005', '陈静', 'agent', 'service', '2026-03-16'),
  };
}

async function board(host: AppHost, period: string, groupId: number | null = null) {
  return ok(host, 'appraisal.board', { period, groupId });
}
const idOf = (b: any, personId: number) => b.rows.find((r: any) => r.personId === personId).id as number;

const serviceValues = { satisfaction: 96, resolutionRate: 90, volume: 1300, conversationRate: 88, firstResponse: 18 };
const techValues = { faultFixTimeliness: 96, techAccuracy: 99, improvements: 2 };

/** Self-assessment, superior scores and indicator values for one person, through the channels. */
async function score(host: AppHost, id: number, superior: number | ((k: string, i: number) => number), values: Record<string, number>) {
  await ok(host, 'appraisal.saveSelf', { id, scores: scores(8), comment: '本月完成了任务', submit: true });
  await ok(host, 'appraisal.setIndicators', { id, values, customerScore: null });
  return ok(host, 'appraisal.saveSuperior', { id, scores: scores(superior), comment: null, submit: true });
}

const serviceFailing = { satisfaction: 82, resolutionRate: 62, volume: 300, conversationRate: 55, firstResponse: 55 };
const techFailing = { faultFixTimeliness: 62, techAccuracy: 81, improvements: 0 };

/** Runs a whole cycle for everyone in it (the failing people scored low) and locks it. */
async function runCycle(host: AppHost, period: string, failing: number[] = [], superior = 8) {
  await ok(host, 'appraisal.startCycle', { period });
  const b = await board(host, period);
  for (const row of b.rows) {
    const bad = failing.includes(row.personId);
    const values = row.function === 'tech' ? (bad ? techFailing : techValues) : bad ? serviceFailing : serviceValues;
    await score(host, row.id, bad ? 3 : superior, values);
  }
  await ok(host, 'appraisal.consolidate', { ids: b.rows.map((r: any) => r.id) });
  return ok(host, 'appraisal.lock', { cycleId: b.cycle.id, groupId: null, acknowledgeWarnings: true });
}

/** Every row of the appraisal tables, to show a refused call changed nothing. */
function tables(host: AppHost) {
  const sqlite = host.store().sqlite;
  return Object.fromEntries(
    ['appraisals', 'appraisal_steps', 'appraisal_cycles', 'appraisal_templates', 'improvement_plans', 'hr_flags', 'audit_log'].map((t) => [
      t,
      sqlite.prepare(`select * from ${t} order by id`).all(),
    ]),
  );
}

describe('APR-1…3 templates', () => {
  let host: AppHost;
  beforeAll(async () => {
    host = await testHost();
  });
  afterAll(() => host.close());

  it('refuses weights that do not add up, with the reason at the field, in Chinese, and writes nothing', async () => {
    const structure = defaultTemplate();
    structure.dimensions.attitude = 30;
    structure.items[0]!.weight = 30;
    const before = tables(host);
    const error = await fails(host, 'appraisal.saveTemplate', {
      key: 'standard',
      name: '月度绩效考核表',
      structure,
      applyToOpenCycles: false,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'structure.dimensions', message: '三个维度的权重合计应为 100%，现在是 110%' },
        { path: 'structure.items', message: '“工作能力”各项的权重合计应为 100%，现在是 110%' },
      ]),
    );
    expect(tables(host)).toEqual(before);
  });

  it('versions: each save is a new version; a cycle keeps the version it was started with unless it adopts the next', async () => {
    // The first cycle brings the default template (version 1).
    await team(host);
    const march = await ok(host, 'appraisal.startCycle', { period: '2026-03' });
    expect(march).toMatchObject({ templateName: '月度绩效考核表', templateVersion: 1, people: 5 });
    const structure = defaultTemplate([60, 25, 15]);
    const v2 = await ok(host, 'appraisal.saveTemplate', { key: 'standard', name: '月度绩效考核表', structure, applyToOpenCycles: false });
    expect(v2).toMatchObject({ version: 2, cycles: 0, structure: { dimensions: { results: 60, ability: 25, attitude: 15 } } });
    expect((await ok(host, 'appraisal.board', { period: '2026-03', groupId: null })).template.version).toBe(1);
    const v3 = await ok(host, 'appraisal.saveTemplate', { key: 'standard', name: '月度绩效考核表', structure, applyToOpenCycles: true });
    expect(v3.version).toBe(3);
    const after = await ok(host, 'appraisal.board', { period: '2026-03', groupId: null });
    expect(after.template.version).toBe(3);
    const list = await ok(host, 'appraisal.templates', {});
    expect(list.map((t: any) => [t.version, t.cycles, t.appraisals])).toEqual([
      [3, 1, 5],
      [2, 0, 0],
      [1, 0, 0],
    ]);
  });
});

describe('APR-4/APR-5 a month for a group, step by step', () => {
  let host: AppHost;
  let people: Team;
  let cycleId: number;
  const march = (personId: number) => board(host, '2026-03').then((b) => idOf(b, personId));

  beforeAll(async () => {
    host = await testHost();
    people = await team(host);
  });
  afterAll(() => host.close());

  it('starts the cycle with every leader and agent employed in the month, in draft', async () => {
    const cycle = await ok(host, 'appraisal.startCycle', { period: '2026-03' });
    cycleId = cycle.id;
    expect(cycle).toMatchObject({
      period: '2026-03',
      kind: 'monthly',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      status: 'open',
      people: 5,
    });
    expect(cycle.states.draft).toBe(5);
    const b = await board(host, '2026-03');
    expect(b.rows.map((r: any) => r.name)).toEqual(['张伟', '王芳', '李娜', '刘洋', '陈静']);
    expect(b.rows.every((r: any) => r.missing.includes('targets') && r.missing.includes('self'))).toBe(true);
    expect(b.rows.find((r: any) => r.personId === people.newcomer).flags).toEqual(['joined-mid-cycle']);
    expect((await fails(host, 'appraisal.startCycle', { period: '2026-03' })).code).toBe('CONFLICT');
    const quarter = await fails(host, 'appraisal.startCycle', { period: '2026-Q2' });
    expect(quarter).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(quarter.message).toContain('按月');
  });

  it('sets targets at the start; a target on the wrong side of the zero line is refused', async () => {
    const id = await march(people.wang);
    const detail = await ok(host, 'appraisal.setTargets', {
      id,
      targets: { tasks: [{ title: '完成 1300 次接待', note: null }], indicatorTargets: { volume: 1300 } },
    });
    expect(detail.targets).toEqual({ tasks: [{ title: '完成 1300 次接待', note: null }], indicatorTargets: { volume: 1300 } });
    const wrong = await fails(host, 'appraisal.setTargets', { id, targets: { tasks: [], indicatorTargets: { firstResponse: 90 } } });
    expect(wrong).toMatchObject({ code: 'VALIDATION', details: [{ path: 'targets.indicatorTargets.firstResponse' }] });
    const other = await fails(host, 'appraisal.setTargets', { id, targets: { tasks: [], indicatorTargets: { improvements: 3 } } });
    expect(other.details![0]!.message).toContain('improvements');
  });

  it('refuses out-of-order steps (APR-5) and changes nothing', async () => {
    const id = await march(people.li);
    const before = tables(host);
    const early = await fails(host, 'appraisal.saveSuperior', { id, scores: scores(8), comment: null, submit: true });
    expect(early.code).toBe('RULE_VIOLATION');
    expect(early.message).toBe(
      '李娜 的考核还不能做这一步：当前是“草稿”，需要先到“已自评”（APR-5 的顺序：自评 → 上级评分 → 汇总 → 锁定）。',
    );
    const consolidate = await fails(host, 'appraisal.consolidate', { ids: [id] });
    expect(consolidate).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'ids.0' }] });
    expect(
      (
        await fails(host, 'appraisal.recordFeedback', {
          id,
          feedback: { heldOn: '2026-04-02', summary: '谈话', actions: null, personComment: null },
        })
      ).code,
    ).toBe('RULE_VIOLATION');
    expect((await fails(host, 'appraisal.returnStep', { id, reason: '填错了' })).code).toBe('RULE_VIOLATION');
    expect((await fails(host, 'appraisal.lock', { cycleId, groupId: people.groupId, acknowledgeWarnings: true })).code).toBe(
      'RULE_VIOLATION',
    );
    expect(tables(host)).toEqual(before);
  });

  it('self-assessment, then the superior scores every item; unscored items are named; scores above the scale refused', async () => {
    const id = await march(people.li);
    const self = await ok(host, 'appraisal.saveSelf', { id, scores: scores(9), comment: '本月表现不错', submit: true });
    expect(self.state).toBe('self-assessed');
    expect(self.steps).toEqual([expect.objectContaining({ fromState: 'draft', toState: 'self-assessed', actorName: '主管' })]);
    expect((await fails(host, 'appraisal.saveSelf', { id, scores: scores(9), comment: null, submit: true })).code).toBe('RULE_VIOLATION');
    const partial = { ...scores(8) } as Record<string, number>;
    delete partial.teamwork;
    const missing = await fails(host, 'appraisal.saveSuperior', { id, scores: partial, comment: null, submit: true });
    expect(missing).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'scores.teamwork', message: '“团队协作能力”还没有评分' }] });
    const above = await fails(host, 'appraisal.saveSuperior', { id, scores: { ...scores(8), rules: 11 }, comment: null, submit: false });
    expect(above).toMatchObject({ code: 'VALIDATION', details: [{ path: 'scores.rules' }] });
    // Saving without submitting keeps the state; the live result already shows.
    const saved = await ok(host, 'appraisal.saveSuperior', { id, scores: partial, comment: '沟通需加强', submit: false });
    expect(saved.state).toBe('self-assessed');
    expect(saved.live.missing).toEqual(expect.arrayContaining([{ kind: 'item', key: 'teamwork' }]));
    const scored = await ok(host, 'appraisal.saveSuperior', { id, scores: scores(8), comment: '沟通需加强', submit: true });
    expect(scored.state).toBe('scored');
  });

  it('peers score optionally; a peer cannot be the person', async () => {
    const id = await march(people.li);
    const detail = await ok(host, 'appraisal.savePeer', { id, byPersonId: people.wang, scores: { teamwork: 9, communication: 7 } });
    expect(detail.scores.peers).toEqual([{ by: people.wang, byName: '王芳', scores: { teamwork: 9, communication: 7 } }]);
    expect(detail.peerCandidates.map((p: any) => p.name)).toEqual(['张伟', '王芳', '刘洋', '陈静']);
    expect((await fails(host, 'appraisal.savePeer', { id, byPersonId: people.li, scores: { teamwork: 9 } })).code).toBe('RULE_VIOLATION');
  });

  it('imports the chat platform statistics (GBK CSV, Chinese headers): preview maps the columns, commit writes the values', async () => {
    const file = csv(
      [
        '工号,客服姓名,满意率,一次解决率,接待量,有效对话率,平均首响时长,故障解决及时率,技术准确率,优化项',
        'E001,张伟,97.5%,92%,"1,350",90%,00:00:15,,,',
        'E002,王芳,95%,88%,1200,86%,20秒,,,',
        'E003,李娜,91%,85%,1100,80%,25,,,',
        'E004,刘洋,,,,,,96%,99%,3',
        'E005,陈静,93%,86%,560,85%,22,,,',
      ].join('\n'),
      '统计.csv',
      'gbk',
    );
    const preview = await ok(host, 'appraisal.importPreview', { cycleId, file });
    expect(preview.encoding).toBe('GBK');
    expect(preview.mapping).toEqual([
      'employeeNo',
      'name',
      'satisfaction',
      'resolutionRate',
      'volume',
      'conversationRate',
      'firstResponse',
      'faultFixTimeliness',
      'techAccuracy',
      'improvements',
    ]);
    expect(preview.problemCount).toBe(0);
    expect(preview.rows[0].values).toEqual({
      satisfaction: 97.5,
      resolutionRate: 92,
      volume: 1350,
      conversationRate: 90,
      firstResponse: 15,
    });
    expect(preview.rows[3].values).toEqual({ faultFixTimeliness: 96, techAccuracy: 99, improvements: 3 });
    expect(await ok(host, 'appraisal.importCommit', { cycleId, file })).toEqual({ updated: 5 });
    const li = await ok(host, 'appraisal.get', { id: await march(people.li) });
    expect(li.indicatorValues).toEqual({ satisfaction: 91, resolutionRate: 85, volume: 1100, conversationRate: 80, firstResponse: 25 });
    // Satisfaction is the customers' source score.
    expect(li.live.items[0].bySource.customers).toBe(91);
  });

  it.each([
    ['an unknown employee number', 'E001,张伟,97%\nE999,无名,90%', 'E999'],
    ['a value that is not a number', 'E001,张伟,很好', '很好'],
    ['a percent out of range', 'E001,张伟,-150%', '-150%'],
    ['a name that does not match the number', 'E001,王芳,97%', '张伟'],
    ['a number twice', 'E001,张伟,97%\nE001,张伟,96%', '第 2 行'],
    ['the supervisor, who is not appraised', 'S001,赵主管,97%', '赵主管'],
  ])('refuses a file with %s: every problem named by row, nothing written', async (_label, body, mentioned) => {
    const file = csv(`工号,姓名,满意度\n${body}\n`);
    const before = tables(host);
    const preview = await ok(host, 'appraisal.importPreview', { cycleId, file });
    expect(preview.problemCount).toBeGreaterThan(0);
    const error = await fails(host, 'appraisal.importCommit', { cycleId, file });
    expect(error.code).toBe('VALIDATION');
    expect(error.details!.some((d: any) => typeof d.row === 'number' && d.message.includes(mentioned))).toBe(true);
    expect(tables(host)).toEqual(before);
  });

  it('refuses files that cannot be read or mapped, and XLSX imports work the same', async () => {
    const before = tables(host);
    const broken = { fileName: 'stats.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') };
    expect((await fails(host, 'appraisal.importCommit', { cycleId, file: broken })).code).toBe('VALIDATION');
    expect((await fails(host, 'appraisal.importCommit', { cycleId, file: csv('姓名,满意度\n张伟,97%\n') })).message).toContain('工号');
    expect((await fails(host, 'appraisal.importCommit', { cycleId, file: csv('工号,姓名\nE001,张伟\n') })).message).toContain(
      '没有对应到任何指标列',
    );
    const unknown = await fails(host, 'appraisal.importPreview', {
      cycleId,
      file: csv('工号,满意度\nE001,97\n'),
      mapping: ['employeeNo', 'salary'],
    });
    expect(unknown.details).toEqual([{ path: 'mapping.1', message: '未知的导入字段“salary”' }]);
    expect(tables(host)).toEqual(before);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('统计');
    sheet.addRow(['工号', '姓名', '对话率']);
    sheet.addRow(['E002', '王芳', 0.87]);
    const xlsx = { fileName: '统计.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
    const preview = await ok(host, 'appraisal.importPreview', { cycleId, file: xlsx, mapping: ['employeeNo', 'name', 'conversationRate'] });
    expect(preview.rows[0].values).toEqual({ conversationRate: 0.87 });
  });

  it('consolidates all or nothing, stores the result with grade and coefficient, and the feedback talk follows', async () => {
    const ids = {
      leader: await march(people.leader),
      wang: await march(people.wang),
      li: await march(people.li),
      tech: await march(people.tech),
      newcomer: await march(people.newcomer),
    };
    await score(host, ids.leader, 9, {});
    await score(host, ids.wang, 8, {});
    // 刘洋 (tech) still has no superior scores: the lot is refused and nothing is consolidated.
    await ok(host, 'appraisal.saveSelf', { id: ids.tech, scores: scores(7), comment: null, submit: true });
    const before = tables(host);
    const refused = await fails(host, 'appraisal.consolidate', { ids: [ids.leader, ids.wang, ids.li, ids.tech] });
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.details).toEqual([{ path: 'ids.3', message: expect.stringContaining('刘洋') }]);
    expect(tables(host)).toEqual(before);

    await ok(host, 'appraisal.saveSuperior', { id: ids.tech, scores: scores(6), comment: null, submit: true });
    await score(host, ids.newcomer, 7, {});
    expect(await ok(host, 'appraisal.consolidate', { ids: Object.values(ids) })).toEqual({ consolidated: 5 });
    const wang = await ok(host, 'appraisal.get', { id: ids.wang });
    expect(wang.state).toBe('consolidated');
    expect(wang.stored).toEqual(wang.live);
    expect(wang.stored.total).toBeGreaterThan(80);
    expect(['excellent', 'good']).toContain(wang.stored.grade);

    const newcomer = await ok(host, 'appraisal.get', { id: ids.newcomer });
    // Hired on the 16th: the volume target of 1200 counts for 16 of 31 days.
    expect(newcomer.stored.indicators.find((i: any) => i.key === 'volume').target).toBeCloseTo((1200 * 16) / 31, 6);
    expect(newcomer.stored.flags).toContain('joined-mid-cycle');

    const talk = await ok(host, 'appraisal.recordFeedback', {
      id: ids.wang,
      feedback: { heldOn: '2026-04-02', summary: '业绩稳定，沟通有进步', actions: '下月参加话术培训', personComment: '同意' },
    });
    expect(talk.feedback).toMatchObject({ heldOn: '2026-04-02', heldBy: '主管', actions: '下月参加话术培训' });
    const early = await fails(host, 'appraisal.recordFeedback', {
      id: ids.li,
      feedback: { heldOn: '2026-02-27', summary: '谈话', actions: null, personComment: null },
    });
    expect(early).toMatchObject({ code: 'VALIDATION', details: [{ path: 'feedback.heldOn' }] });

    // A step back drops the stored result; consolidating again restores it.
    const back = await ok(host, 'appraisal.returnStep', { id: ids.li, reason: '满意度数据有误' });
    expect(back).toMatchObject({ state: 'scored', stored: null });
    expect(back.steps.at(-1)).toMatchObject({ fromState: 'consolidated', toState: 'scored', note: '满意度数据有误' });
    await ok(host, 'appraisal.consolidate', { ids: [ids.li] });
  });

  it('locks with the warnings acknowledged; then nothing changes any more', async () => {
    const refused = await fails(host, 'appraisal.lock', { cycleId, groupId: people.groupId, acknowledgeWarnings: false });
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(refused.details!.map((d: any) => d.message).join()).toContain('还没有记录反馈面谈');
    const locked = await ok(host, 'appraisal.lock', { cycleId, groupId: people.groupId, acknowledgeWarnings: true });
    expect(locked).toMatchObject({ locked: 5, cycle: { status: 'locked', lockedBy: '主管' } });
    const id = await march(people.wang);
    for (const [channel, input] of [
      ['appraisal.setIndicators', { id, values: { volume: 1 }, customerScore: null }],
      ['appraisal.returnStep', { id, reason: '改分' }],
      ['appraisal.savePeer', { id, byPersonId: people.li, scores: { teamwork: 1 } }],
    ] as const) {
      expect((await fails(host, channel, input)).code, channel).toBe('RULE_VIOLATION');
    }
    expect((await fails(host, 'appraisal.addMissing', { cycleId })).code).toBe('RULE_VIOLATION');
  });

  it('exports the month for HR as XLSX: person, group, dimension scores, total, grade, coefficient, flags', async () => {
    const file = await ok(host, 'appraisal.exportXlsx', { period: '2026-03', groupId: people.groupId });
    expect(file.fileName).toMatch(/^绩效考核结果-一组-2026-03-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await xlsx(file);
    const sheet = workbook.getWorksheet('考核结果')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '工号',
      '姓名',
      '组别',
      '岗位',
      '职能',
      '工作业绩',
      '工作能力',
      '工作态度',
      '总分',
      '等级',
      '奖金系数',
      '标记',
      '状态',
      '反馈面谈日期',
    ]);
    const b = await board(host, '2026-03');
    const wang = b.rows.find((r: any) => r.personId === people.wang);
    const row = sheet.getRow(3).values as unknown[];
    expect(row.slice(1, 6)).toEqual(['E002', '王芳', '一组', '组员', '客服']);
    expect(row[9]).toBe(wang.total);
    expect(row[10]).toBe({ excellent: '优秀', good: '良好', qualified: '合格', unqualified: '不合格' }[wang.grade as string]);
    expect(row[11]).toBe(wang.coefficient);
    expect(row[13]).toBe('已锁定');
    expect(row[14]).toBe('2026-04-02');
    expect(sheet.getRow(6).getCell(12).value).toContain('月中入职');
    expect(workbook.getWorksheet('说明')!.getRow(2).values).toEqual([undefined, '考核期间', '2026-03（2026-03-01 ~ 2026-03-31）']);
  });
});

describe('APR-8 不合格: improvement plan, and two in a row across the year boundary go to HR', () => {
  let host: AppHost;
  let people: Team;
  beforeAll(async () => {
    host = await testHost();
    people = await team(host);
  });
  afterAll(() => host.close());

  it('December and January both 不合格: a plan for each, one HR flag naming both periods', async () => {
    const december = await runCycle(host, '2025-12', [people.wang]);
    expect(december).toMatchObject({ locked: 4, plansOpened: 1, hrFlags: 0 });
    expect(await ok(host, 'appraisal.flags', {})).toEqual([]);
    const january = await runCycle(host, '2026-01', [people.wang, people.li]);
    expect(january).toMatchObject({ locked: 4, plansOpened: 2, hrFlags: 1 });
    const flags = await ok(host, 'appraisal.flags', {});
    expect(flags).toEqual([
      expect.objectContaining({ kind: 'unqualified-twice', personName: '王芳', periods: ['2025-12', '2026-01'], status: 'open' }),
    ]);
    const b = await board(host, '2026-01');
    const wang = b.rows.find((r: any) => r.personId === people.wang);
    expect(wang).toMatchObject({ grade: 'unqualified', coefficient: 0, provisional: false });
    expect(wang.flags).toEqual(['unqualified', 'unqualified-twice']);
    expect(b.rows.find((r: any) => r.personId === people.li).flags).toEqual(['unqualified']);
    const plans = await ok(host, 'appraisal.plans', {});
    expect(plans.map((p: any) => [p.personName, p.period, p.status])).toEqual([
      ['王芳', '2026-01', 'open'],
      ['李娜', '2026-01', 'open'],
      ['王芳', '2025-12', 'open'],
    ]);
    const december2025 = plans[2].id;
    const closed = await ok(host, 'appraisal.updatePlan', {
      id: december2025,
      goals: '提升解决率',
      status: 'failed',
      closedOn: '2099-01-31',
      outcome: '未达成',
    });
    expect(closed).toMatchObject({ status: 'failed', closedOn: '2099-01-31', goals: '提升解决率' });
    expect(
      (await fails(host, 'appraisal.updatePlan', { id: december2025, goals: null, status: 'open', closedOn: null, outcome: null })).code,
    ).toBe('RULE_VIOLATION');
    const noDate = await fails(host, 'appraisal.updatePlan', {
      id: plans[0].id,
      goals: null,
      status: 'completed',
      closedOn: null,
      outcome: null,
    });
    expect(noDate.details![0]!.path).toBe('closedOn');
  });

  it('consecutive means the cycle right before: a gap is not; the month in between, locked last, raises both flags once', async () => {
    // 李娜 was 不合格 in January; March 不合格 is not consecutive while February is missing.
    expect(await runCycle(host, '2026-03', [people.li])).toMatchObject({ hrFlags: 0 });
    // February, locked last, is 不合格 too: January–February and February–March.
    expect(await runCycle(host, '2026-02', [people.li])).toMatchObject({ hrFlags: 2 });
    const flags = await ok(host, 'appraisal.flags', {});
    expect(flags.map((f: any) => [f.personName, f.periods]).sort()).toEqual([
      ['李娜', ['2026-01', '2026-02']],
      ['李娜', ['2026-02', '2026-03']],
      ['王芳', ['2025-12', '2026-01']],
    ]);
    expect(count(host, 'hr_flags')).toBe(3);
  });
});

describe('APR-9 training assessments and APR-4 the annual result', () => {
  let host: AppHost;
  let people: Team;
  beforeAll(async () => {
    host = await testHost();
    people = await team(host);
  });
  afterAll(() => host.close());

  it('a failed assessment is retaken until passed, and shows in its cycle meanwhile', async () => {
    const exam = {
      personId: people.li,
      kind: 'exam',
      title: '话术考试',
      takenOn: '2026-03-10',
      score: 55,
      passed: false,
      retakeOf: null,
      note: null,
    };
    const failed = await ok(host, 'appraisal.recordTraining', exam);
    expect(failed).toMatchObject({ passed: false, pendingRetake: true, personName: '李娜' });
    await ok(host, 'appraisal.startCycle', { period: '2026-03' });
    const b = await board(host, '2026-03');
    expect(b.rows.find((r: any) => r.personId === people.li).flags).toContain('training-retake');
    const detail = await ok(host, 'appraisal.get', { id: idOf(b, people.li) });
    expect(detail.trainings.map((t: any) => t.title)).toEqual(['话术考试']);
    const early = await fails(host, 'appraisal.recordTraining', { ...exam, takenOn: '2026-03-01', retakeOf: failed.id });
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'takenOn' }] });
    const other = await fails(host, 'appraisal.recordTraining', {
      ...exam,
      personId: people.wang,
      takenOn: '2026-03-20',
      retakeOf: failed.id,
    });
    expect(other.details![0]!.path).toBe('retakeOf');
    const passed = await ok(host, 'appraisal.recordTraining', {
      ...exam,
      takenOn: '2026-04-03',
      score: 85,
      passed: true,
      retakeOf: failed.id,
    });
    expect(passed.pendingRetake).toBe(false);
    expect((await board(host, '2026-03')).rows.find((r: any) => r.personId === people.li).flags).not.toContain('training-retake');
    expect(
      (await fails(host, 'appraisal.recordTraining', { ...exam, takenOn: '2026-04-05', passed: true, retakeOf: passed.id })).details![0]!
        .path,
    ).toBe('retakeOf');
    const listed = await ok(host, 'appraisal.trainings', { personId: people.li, from: '2026-03-01', to: '2026-03-31' });
    expect(listed.map((t: any) => [t.title, t.pendingRetake])).toEqual([['话术考试', false]]);
  });

  it('the annual result: mean of the cycles with the year-end summary at 20 %, graded and ranked', async () => {
    await runCycle(host, '2026-04', [], 9);
    await ok(host, 'appraisal.startCycle', { period: '2026-05' });
    const may = await board(host, '2026-05');
    await score(host, idOf(may, people.wang), 6, serviceValues);
    await score(host, idOf(may, people.li), 9, serviceValues);
    await ok(host, 'appraisal.consolidate', { ids: [idOf(may, people.wang), idOf(may, people.li)] });
    await ok(host, 'appraisal.saveSummary', { personId: people.li, year: 2026, summaryScore: 60, note: '年终述职一般' });
    const year = await ok(host, 'appraisal.annual', { year: 2026, groupId: null });
    expect(year).toMatchObject({ year: 2026, summaryWeightPercent: 20, cyclesCounted: ['2026-04', '2026-05'] });
    const row = (personId: number) => year.rows.find((r: any) => r.personId === personId);
    const history = await ok(host, 'appraisal.history', { personId: people.li });
    const liTotals = history.entries.filter((e: any) => e.total !== null).map((e: any) => e.total);
    expect(liTotals).toHaveLength(2);
    const mean = (liTotals[0] + liTotals[1]) / 2;
    expect(row(people.li)).toMatchObject({ cycles: 2, summaryScore: 60, score: Math.round((mean * 0.8 + 60 * 0.2) * 10) / 10 });
    expect(row(people.leader)).toMatchObject({ cycles: 1, summaryScore: null });
    expect(year.rows).toHaveLength(5);
    // Competition ranking: one more than the number of people scoring higher, in group and department alike.
    for (const r of year.rows) {
      expect(r.rankInDepartment).toBe(1 + year.rows.filter((o: any) => o.score > r.score).length);
      expect(r.rankInGroup).toBe(r.rankInDepartment);
    }
    expect(history.years).toEqual([{ year: 2026, cycles: 2, mean: Math.round(mean * 10) / 10, summaryScore: 60 }]);
    expect(history.trainings).toHaveLength(2);
    expect((await fails(host, 'appraisal.saveSummary', { personId: people.newcomer, year: 2025, summaryScore: 80, note: null })).code).toBe(
      'RULE_VIOLATION',
    );
  });
});

describe('APR-7 suggestions beside the attitude items (the hook for attendance and sanctions)', () => {
  let host: AppHost;
  beforeAll(async () => {
    host = await testHost();
  });
  afterAll(() => host.close());

  it('none until an area registers a provider; then shown for attitude items only, never applied', async () => {
    const people = await team(host);
    await ok(host, 'appraisal.startCycle', { period: '2026-03' });
    const id = idOf(await board(host, '2026-03'), people.wang);
    expect((await ok(host, 'appraisal.get', { id })).suggestions).toEqual([]);
    const unregister = registerSuggestionProvider((_ctx, request) =>
      request.personId === people.wang
        ? [
            { itemKey: 'rules', source: 'attendance', text: `${request.from}~${request.to} 迟到 2 次`, suggestedScore: 6 },
            { itemKey: 'knowledge', source: 'discipline', text: '不是态度项', suggestedScore: null },
          ]
        : [],
    );
    try {
      const detail = await ok(host, 'appraisal.get', { id });
      expect(detail.suggestions).toEqual([
        { itemKey: 'rules', source: 'attendance', text: '2026-03-01~2026-03-31 迟到 2 次', suggestedScore: 6 },
      ]);
      expect(detail.scores.superior).toBeNull();
      expect((await ok(host, 'appraisal.get', { id: idOf(await board(host, '2026-03'), people.li) })).suggestions).toEqual([]);
    } finally {
      unregister();
    }
  });
});

describe('APR-4 quarterly cycles, as the setting says', () => {
  let host: AppHost;
  beforeAll(async () => {
    host = await testHost();
  });
  afterAll(() => host.close());

  it('a quarter from the day the setting says so; months are refused then, and the annual result takes quarters', async () => {
    const people = await team(host);
    await ok(host, 'settings.change', { key: 'appraisal.cycle', value: 'quarterly', effectiveFrom: '2026-04-01', ruleDocumentId: 1 });
    expect((await fails(host, 'appraisal.startCycle', { period: '2026-04' })).message).toContain('按季度');
    expect(await board(host, '2026-04')).toMatchObject({ kind: 'monthly', expectedKind: 'quarterly', cycle: null });
    const quarter = await ok(host, 'appraisal.startCycle', { period: '2026-Q2' });
    expect(quarter).toMatchObject({ kind: 'quarterly', startsOn: '2026-04-01', endsOn: '2026-06-30', people: 5 });
    // March is still monthly; a quarter overlapping a month is refused.
    await ok(host, 'appraisal.startCycle', { period: '2026-03' });
    expect((await fails(host, 'appraisal.startCycle', { period: '2026-Q1' })).code).toBe('RULE_VIOLATION');
    const b = await board(host, '2026-Q2');
    await score(host, idOf(b, people.wang), 8, serviceValues);
    await ok(host, 'appraisal.consolidate', { ids: [idOf(b, people.wang)] });
    const year = await ok(host, 'appraisal.annual', { year: 2026, groupId: null });
    expect(year.cyclesCounted).toEqual(['2026-Q2']);
    expect(year.rows).toEqual([expect.objectContaining({ personId: people.wang, cycles: 1 })]);
  });
});
