import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { contract } from '../../main/contract.ts';
import { channelIds, findChannel, type Result } from '../../main/ipc/contract-kit.ts';
import { registerGuardedHandlers, IPC_PREFIX, type IpcEventLike, type FrameLike } from '../../main/ipc/guard.ts';
import { t } from '../../main/i18n/index.ts';
import { testHost, ok, fails, samplePerson } from '../helpers/host.ts';
import { defaultTemplate } from '../../main/appraisal/rules/index.ts';

const CJK = /[\u4e00-\u9fff]/;
// The Electron shell's own test (main/electron/main.ts): the app's pages are served from app://banzu/.
const isOwnUrl = (url: string) => url === 'app://banzu' || url.startsWith('app://banzu/');

/** Everything a call could change: row counts of every table, the backups and the preferences file. */
function snapshot(host: AppHost): Record<string, unknown> {
  const sqlite = host.store().sqlite;
  const tables = (
    sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
  const counts = Object.fromEntries(
    tables.map((name) => [name, (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
  );
  const dataDir = host.options.dataDir;
  const backups = fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')).sort() : [];
  const prefs = path.join(dataDir, 'preferences.json');
  return { counts, backups, prefs: fs.existsSync(prefs) ? fs.readFileSync(prefs, 'utf8') : null };
}

const csvPayload = (text: string, fileName = 'people.csv') => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });
const csv = csvPayload('工号,姓名,组别,岗位,入职日期\nB001,王芳,一组,组员,2025-03-01\n');
// Staffing from demand (ROS-6): the reference parameters and a demand file.
const staffingParams = {
  intervalMinutes: 30,
  handlingSeconds: 180,
  concurrency: 1,
  serviceLevelPercent: 80,
  serviceLevelSeconds: 20,
  maxOccupancyPercent: 85,
  shrinkagePercent: 30,
};
const demand = [{ date: '2026-03-02', weekday: null, startMinute: 540, contacts: 100 }];
const demandCsv = csvPayload('日期,开始时间,会话量\n2026-03-02,09:00,100\n', 'demand.csv');
const handoverPayload = { fileName: 'x.banzu-roster.json', contentBase64: Buffer.from('{}').toString('base64') };
// Leave, overtime and attendance: a leave draft, an overtime draft and a clock file.
const leaveDraft = {
  personId: 1,
  leaveTypeId: 1,
  startDate: '2026-03-02',
  startPart: 'full',
  endDate: '2026-03-03',
  endPart: 'am',
  maternity: { difficultBirth: false, extraBabies: 0, laterChild: false },
};
const overtimeDraft = { personId: 1, date: '2026-03-07', startMinute: 540, plannedMinutes: 240, compensation: 'lieu' };
const clockCsv = csvPayload('工号,姓名,打卡时间\nA001,张伟,2026-03-02 08:55:00\n', 'clock.csv');
// Appraisals: a template, item scores and the chat platform's statistics file.
// Names are data the user typed; messages quote them, so the English run uses ASCII names.
const appraisalTemplate = (() => {
  const structure = defaultTemplate();
  return { ...structure, indicators: structure.indicators.map((i) => ({ ...i, name: i.key })) };
})();
const appraisalScores = Object.fromEntries(defaultTemplate().items.map((i) => [i.key, 8]));
const statsCsv = csvPayload('工号,姓名,满意度\nA001,张伟,97%\n', 'stats.csv');

describe('the IPC guard (registerGuardedHandlers with a fake ipcMain)', () => {
  let host: AppHost;
  const handlers = new Map<string, (event: IpcEventLike, input: unknown) => Promise<Result<unknown>>>();
  let dispatched: string[] = [];

  beforeAll(async () => {
    host = await testHost();
    registerGuardedHandlers(
      {
        handle(channel, listener) {
          if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
          handlers.set(channel, listener);
        },
      },
      contract,
      (channel, input) => {
        dispatched.push(channel);
        return host.dispatch(channel, input);
      },
      isOwnUrl,
      () => t('errors.forbidden'),
    );
  });
  afterAll(() => host.close());

  const call = (channel: string, senderFrame: FrameLike | null, input: unknown) => {
    const handler = handlers.get(IPC_PREFIX + channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame }, input);
  };
  const top = (url: string): FrameLike => ({ url, parent: null });
  const own = top('app://banzu/index.html');

  it('registers exactly one handler per contract channel', () => {
    expect([...handlers.keys()].sort()).toEqual(
      channelIds(contract)
        .map((id) => IPC_PREFIX + id)
        .sort(),
    );
  });

  it.each([
    ['an https page', top('https://evil.example/index.html')],
    ['a file:// page', top('file:///home/user/Downloads/index.html')],
    ['a dev server', top('http://127.0.0.1:5173/')],
    ['a look-alike host', top('app://banzu.evil.example/index.html')],
    ['another app:// host', top('app://other/index.html')],
    ['an empty URL', top('')],
    ['a subframe of our own page', { url: 'app://banzu/index.html', parent: own }],
    ['a foreign subframe of our own page', { url: 'https://ads.example/frame.html', parent: own }],
    ['a null senderFrame (the frame is gone)', null],
  ])('refuses %s with FORBIDDEN before anything runs, and writes nothing', async (_label, frame) => {
    const before = snapshot(host);
    dispatched = [];
    const writes: Array<[string, unknown]> = [
      ['people.createGroup', { name: '外来组' }],
      ['people.create', { ...samplePerson, employeeNo: 'X999', groupId: null, role: 'supervisor' }],
      ['people.importCommit', { file: csv }],
      ['backup.create', {}],
      ['system.setLanguage', { lang: 'en' }],
      ['settings.change', { key: 'attendance.lateFineYuan', value: 50, effectiveFrom: '2026-01-01', ruleDocumentId: 1 }],
      ['system.status', {}],
      ['people.list', {}],
    ];
    for (const [channel, input] of writes) {
      const result = await call(channel, frame, input);
      expect(result, channel).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: t('errors.forbidden') } });
    }
    expect(dispatched).toEqual([]);
    expect(snapshot(host)).toEqual(before);
  });

  it("answers the app's own top frame (app://banzu/index.html)", async () => {
    const group = await call('people.createGroup', own, { name: '一组' });
    expect(group).toMatchObject({ ok: true, value: { name: '一组' } });
    expect(await call('system.status', top('app://banzu/'), {})).toMatchObject({ ok: true, value: { state: 'ready' } });
    // The guard still validates through the dispatcher.
    expect(await call('people.createGroup', own, { name: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dispatched).toContain('people.createGroup');
  });
});

describe('the dispatcher', () => {
  let host: AppHost;
  beforeAll(async () => {
    host = await testHost();
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    await ok(host, 'people.create', { ...samplePerson, groupId: group.id, role: 'leader' });
  });
  afterAll(() => host.close());

  it.each([
    'nope',
    'people',
    'people.',
    '.list',
    'people.nope',
    'people.list.extra',
    'People.list',
    'people.constructor',
    'people.__proto__',
    'people.hasOwnProperty',
    'toString.call',
    '',
  ])('unknown channel %j → NOT_FOUND', async (channel) => {
    const error = await fails(host, channel, {});
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(CJK);
  });

  it.each(['__proto__.toString', '__proto__.valueOf', 'constructor.name', 'constructor.prototype', 'hasOwnProperty.call'])(
    'a channel named after an Object.prototype property (%j) → NOT_FOUND, not a crash',
    async (channel) => {
      const result = await host.dispatch(channel, {}).catch((error: unknown) => ({ threw: String(error) }));
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    },
  );
});

// ---- validation, table-driven over the contract ----

/** One valid input per channel: every bad input below differs from it in one place. */
const validInputs: Record<string, Record<string, unknown>> = {
  'system.status': {},
  'system.setLanguage': { lang: 'zh-CN' },
  'system.profiles': {},
  'system.switchProfile': { id: 'supervisor' },
  'system.printPdf': { route: '/print/roster?month=2026-03&groupId=1', fileName: '排班表-2026-03.pdf', landscape: true },
  'backup.list': {},
  'backup.create': {},
  'backup.restore': { name: 'banzu-20260101-100000000-manual.db' },
  'backup.download': { name: 'banzu-20260101-100000000-manual.db' },
  'audit.history': { entity: 'person', entityId: 1 },
  'people.org': {},
  'people.list': { search: '张', groupId: 1, role: 'agent', status: 'active' },
  'people.get': { id: 1 },
  'people.create': { ...samplePerson, groupId: 1 },
  'people.update': { ...samplePerson, id: 1 },
  'people.markLeft': { id: 1, leftOn: '2026-03-31', reason: '个人原因' },
  'people.move': { id: 1, groupId: 2, fromDate: '2026-03-01' },
  'people.renameDepartment': { name: '网络咨询部' },
  'people.createGroup': { name: '二组' },
  'people.renameGroup': { id: 1, name: '三组' },
  'people.archiveGroup': { id: 1, archivedOn: '2026-03-01' },
  'people.importPreview': { file: csv, mapping: ['employeeNo', 'name', 'group', 'role', 'hireDate'] },
  'people.importCommit': { file: csv, mapping: ['employeeNo', 'name', 'group', 'role', 'hireDate'] },
  'people.exportXlsx': { search: '张', groupId: 1, role: 'agent', status: 'active' },
  'settings.list': { onDate: '2026-03-01' },
  'settings.history': { key: 'attendance.lateFineYuan' },
  'settings.change': {
    key: 'attendance.lateFineYuan',
    value: 30,
    effectiveFrom: '2026-03-01',
    ruleDocumentId: 1,
    newRule: { title: '运营服务中心规章制度', version: '2.0', publishedOn: '2026-02-01' },
    note: '经职工代表大会讨论通过',
  },
  'settings.rules': {},
  'roster.shiftTypes': {},
  'roster.saveShiftType': {
    id: 1,
    code: 'E',
    name: '早班',
    color: '#1f6feb',
    startMinute: 480,
    endMinute: 960,
    paidMinutes: 450,
    breakMinutes: 30,
    functions: ['service'],
  },
  'roster.archiveShiftType': { id: 1 },
  'roster.coverage': { groupId: 1 },
  'roster.saveCoverage': { groupId: 1, rows: [{ shiftTypeId: 1, weekday: 1, onDate: null, function: 'service', minPeople: 2 }] },
  'roster.calendar': { year: 2026 },
  'roster.loadOfficialCalendar': { year: 2026 },
  'roster.saveCalendar': { year: 2026, days: [{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }] },
  'roster.importCalendar': { file: csvPayload('日期,类型,名称\n2027-01-01,法定节假日,元旦\n', 'calendar.csv') },
  'roster.month': { month: '2026-03', groupId: 1 },
  'roster.setCells': { changes: [{ personId: 1, date: '2026-03-02', value: 1 }], source: 'manual' },
  'roster.lockCells': { cells: [{ personId: 1, date: '2026-03-02' }], locked: true },
  'roster.check': { month: '2026-03', groupId: 1 },
  'roster.publish': { month: '2026-03', groupId: 1, acknowledgeIssues: true, note: '已知晓' },
  'roster.changeLog': { month: '2026-03', groupId: 1 },
  'roster.wishes': { month: '2026-03' },
  'roster.saveWish': { personId: 1, date: '2026-03-08', shiftTypeId: 1, kind: 'off', weight: 3, note: '孩子生日' },
  'roster.removeWish': { id: 1 },
  'roster.swaps': { month: '2026-03', status: 'pending' },
  'roster.requestSwap': { kind: 'swap', personId: 1, date: '2026-03-02', otherPersonId: 2, otherDate: '2026-03-03', reason: '家里有事' },
  'roster.decideSwap': { id: 1, approve: false, reason: '人手不足' },
  'roster.cancelSwap': { id: 1, reason: '不换了' },
  'roster.autoSchedule': { month: '2026-03', groupId: 1, seconds: 20, fillGapsOnly: false, seed: 7 },
  'roster.scheduleJob': { id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
  'roster.cancelSchedule': { id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' },
  'roster.staffing': { params: staffingParams, demand },
  'roster.importDemand': { file: demandCsv },
  'roster.coverageFromStaffing': { params: staffingParams, demand, groupId: 1 },
  'roster.exportHandover': { month: '2026-03', groupId: 1 },
  'roster.previewHandover': { file: handoverPayload },
  'roster.applyHandover': { file: handoverPayload, accept: ['1:2026-03-02'] },
  'roster.exportXlsx': { month: '2026-03', groupId: 1 },
  'appraisal.templates': {},
  'appraisal.saveTemplate': { key: 'standard', name: '月度绩效考核表', structure: appraisalTemplate, applyToOpenCycles: false },
  'appraisal.cycles': { year: 2026 },
  'appraisal.startCycle': { period: '2026-03', templateId: 1 },
  'appraisal.addMissing': { cycleId: 1 },
  'appraisal.board': { period: '2026-03', groupId: 1 },
  'appraisal.get': { id: 1 },
  'appraisal.setTargets': { id: 1, targets: { tasks: [{ title: '完成接待 1200 次', note: null }], indicatorTargets: { volume: 1200 } } },
  'appraisal.saveSelf': { id: 1, scores: { knowledge: 8 }, comment: '完成了本月任务', submit: true },
  'appraisal.saveSuperior': { id: 1, scores: { knowledge: 8 }, comment: '沟通需加强', submit: false },
  'appraisal.savePeer': { id: 1, byPersonId: 2, scores: { teamwork: 9 } },
  'appraisal.setIndicators': { id: 1, values: { satisfaction: 96, volume: null }, customerScore: 90 },
  'appraisal.importPreview': { cycleId: 1, file: statsCsv, mapping: ['employeeNo', 'name', 'satisfaction'] },
  'appraisal.importCommit': { cycleId: 1, file: statsCsv, mapping: ['employeeNo', 'name', 'satisfaction'] },
  'appraisal.consolidate': { ids: [1, 2] },
  'appraisal.recordFeedback': {
    id: 1,
    feedback: { heldOn: '2026-04-02', summary: '业绩稳定', actions: '参加话术培训', personComment: '同意' },
  },
  'appraisal.returnStep': { id: 1, reason: '满意度数据有误' },
  'appraisal.lock': { cycleId: 1, groupId: 1, acknowledgeWarnings: true },
  'appraisal.calibration': { period: '2026-03', groupId: 1 },
  'appraisal.history': { personId: 1 },
  'appraisal.annual': { year: 2026, groupId: 1 },
  'appraisal.saveSummary': { personId: 1, year: 2026, summaryScore: 85, note: '年终述职' },
  'appraisal.exportXlsx': { period: '2026-03', groupId: 1 },
  'appraisal.trainings': { personId: 1, from: '2026-01-01', to: '2026-12-31' },
  'appraisal.recordTraining': {
    personId: 1,
    kind: 'exam',
    title: '话术考试',
    takenOn: '2026-03-10',
    score: 85,
    passed: true,
    retakeOf: null,
    note: null,
  },
  'appraisal.plans': { status: 'open' },
  'appraisal.updatePlan': { id: 1, goals: '提升解决率', status: 'completed', closedOn: '2026-05-31', outcome: '已达成' },
  'appraisal.flags': {},
  'discipline.catalogue': { includeArchived: true },
  'discipline.catalogueHistory': { code: 'DIS-3.5' },
  'discipline.saveViolationType': {
    code: 'X-1',
    nameZh: '上班玩手机游戏',
    nameEn: 'Mobile games at work',
    defaultSanction: 'fine',
    defaultAmountFen: 5000,
    ruleDocumentId: 2,
    newRule: { title: '网络咨询管理制度', version: '1.1', publishedOn: '2026-03-10' },
  },
  'discipline.archiveViolationType': { code: 'DIS-3.18', archivedOn: '2026-03-01' },
  'discipline.sanctions': { from: '2026-03-01', to: '2026-03-31', personId: 1, includeVoided: true },
  'discipline.sanction': { id: 1 },
  'discipline.recordSanction': { personId: 1, date: '2026-03-02', code: 'DIS-3.13', sanction: 'fine', amountFen: 1000, evidence: '客户消息 35 秒无回应' },
  'discipline.appealSanction': { id: 1, note: '系统故障' },
  'discipline.decideAppeal': { id: 1, uphold: false, reason: '查实为平台故障' },
  'discipline.voidSanction': { id: 1, reason: '误记' },
  'discipline.personRecord': { personId: 1 },
  'discipline.rewards': { from: '2026-01-01', to: '2026-12-31', status: 'approved', personId: 1 },
  'discipline.reward': { id: 1 },
  'discipline.recommendReward': { personId: 1, kind: 'bonus', title: '季度服务奖金', amountFen: 20000, reason: '满意度第一', date: '2026-03-10' },
  'discipline.applyReward': { id: 1, deeds: '处理会话 1500 次', opinion: '同意推荐' },
  'discipline.decideReward': { id: 1, step: 'hr-review', approve: true, note: '材料齐全', by: '人事部' },
  'discipline.voidReward': { id: 1, reason: '重复推荐' },
  'discipline.fundMonth': { month: '2026-03' },
  'discipline.fundYear': { year: 2026 },
  'discipline.recordFundEntry': { kind: 'spending', date: '2026-03-25', amountFen: 600, personId: 1, note: '团队下午茶' },
  'discipline.payFines': { sanctionIds: [1], date: '2026-03-20' },
  'discipline.payReward': { rewardId: 1, date: '2026-03-20' },
  'discipline.closeFundMonth': { month: '2026-03', acknowledgeWarnings: true },
  'discipline.exportFund': { month: '2026-03' },
  'discipline.exportMonth': { month: '2026-03' },
  'discipline.promotionCheck': { personId: 1, toRole: 'leader', onDate: '2026-06-15', exceptionNote: '贡献突出' },
  'discipline.promotionBoard': { onDate: '2026-06-15' },
  'discipline.promotions': { status: 'applied', personId: 1 },
  'discipline.applyPromotion': { personId: 1, toRole: 'leader', appliedOn: '2026-06-15', exceptionNote: '贡献突出', note: '本人申请', by: '张伟' },
  'discipline.decidePromotion': { id: 1, approve: true, note: '同意', by: '主管', effectiveOn: '2026-07-01' },
  'discipline.withdrawPromotion': { id: 1, reason: '暂缓' },
  'discipline.hrFlags': { status: 'open' },
  'discipline.updateHrFlag': { id: 1, status: 'sent', note: '已发送人事部' },
  'leave.types': {},
  'leave.saveType': {
    id: 1,
    name: '育儿假',
    paid: true,
    evidenceRequired: false,
    entitlement: 'cap',
    yearlyCapDays: 10,
    allowOverBalance: false,
    countsCalendarDays: false,
    archived: false,
  },
  'leave.requests': { from: '2026-03-01', to: '2026-03-31', status: 'pending', personId: 1, groupId: 1 },
  'leave.check': leaveDraft,
  'leave.impact': { id: 1 },
  'leave.request': { ...leaveDraft, reason: '回老家', evidence: '结婚证' },
  'leave.decide': { id: 1, approve: false, reason: '人手不足' },
  'leave.cancel': { id: 1, reason: '计划有变' },
  'leave.balances': { year: 2026, groupId: 1 },
  'leave.ledger': { personId: 1, year: 2026 },
  'leave.adjust': { personId: 1, leaveTypeId: 1, year: 2026, days: 1.5, reason: '上年结转' },
  'overtime.list': { month: '2026-03', personId: 1, groupId: 1, status: 'pending' },
  'overtime.check': overtimeDraft,
  'overtime.request': { ...overtimeDraft, reason: '活动值守' },
  'overtime.decide': { id: 1, approve: true, reason: '同意', acknowledgeWarnings: true },
  'overtime.cancel': { id: 1, reason: '活动取消' },
  'overtime.recordActual': { id: 1, actualMinutes: 240 },
  'attendance.sheet': { month: '2026-03', groupId: 1 },
  'attendance.day': { personId: 1, date: '2026-03-02' },
  'attendance.punches': { from: '2026-03-01', to: '2026-03-31', personId: 1, groupId: 1, includeVoided: true },
  'attendance.importPreview': { file: clockCsv, mapping: ['employeeNo', 'name', 'dateTime'] },
  'attendance.importCommit': { file: clockCsv, mapping: ['employeeNo', 'name', 'dateTime'] },
  'attendance.addPunch': { personId: 1, at: '2026-03-02 08:58', reason: '考勤机故障' },
  'attendance.correctPunch': { id: 1, at: '2026-03-02 08:48', reason: '时间录错' },
  'attendance.resolve': {
    personId: 1,
    date: '2026-03-02',
    kind: 'missing-punch',
    resolution: 'corrected',
    at: '2026-03-02 17:00',
    note: '忘打卡',
  },
  'attendance.closeMonth': { month: '2026-03' },
  'attendance.reopenMonth': { month: '2026-03', reason: '更正' },
  'attendance.flags': { year: 2026 },
  'attendance.exportXlsx': { month: '2026-03', groupId: 1 },
};

/** Fields that must be present (everything else may be left out). */
const requiredFields: Record<string, string[]> = {
  'discipline.catalogueHistory': ['code'],
  'discipline.saveViolationType': ['code', 'nameZh', 'nameEn', 'defaultSanction'],
  'discipline.archiveViolationType': ['code', 'archivedOn'],
  'discipline.sanctions': ['from', 'to'],
  'discipline.sanction': ['id'],
  'discipline.recordSanction': ['personId', 'date', 'code', 'sanction'],
  'discipline.appealSanction': ['id', 'note'],
  'discipline.decideAppeal': ['id', 'uphold', 'reason'],
  'discipline.voidSanction': ['id', 'reason'],
  'discipline.personRecord': ['personId'],
  'discipline.reward': ['id'],
  'discipline.recommendReward': ['personId', 'kind', 'title', 'reason', 'date'],
  'discipline.applyReward': ['id', 'deeds'],
  'discipline.decideReward': ['id', 'step', 'approve'],
  'discipline.voidReward': ['id', 'reason'],
  'discipline.fundMonth': ['month'],
  'discipline.fundYear': ['year'],
  'discipline.recordFundEntry': ['kind', 'date', 'amountFen', 'note'],
  'discipline.payFines': ['sanctionIds', 'date'],
  'discipline.payReward': ['rewardId', 'date'],
  'discipline.closeFundMonth': ['month', 'acknowledgeWarnings'],
  'discipline.exportFund': ['month'],
  'discipline.exportMonth': ['month'],
  'discipline.promotionCheck': ['personId', 'toRole', 'onDate'],
  'discipline.promotionBoard': ['onDate'],
  'discipline.applyPromotion': ['personId', 'toRole', 'appliedOn'],
  'discipline.decidePromotion': ['id', 'approve'],
  'discipline.withdrawPromotion': ['id', 'reason'],
  'discipline.updateHrFlag': ['id', 'status'],
  'system.setLanguage': ['lang'],
  'system.switchProfile': ['id'],
  'backup.download': ['name'],
  'audit.history': ['entity', 'entityId'],
  'people.get': ['id'],
  'people.create': ['employeeNo', 'name', 'role', 'function', 'hireDate', 'firstEmploymentDate', 'groupId'],
  'people.update': ['id', 'employeeNo', 'name', 'role', 'function', 'hireDate', 'firstEmploymentDate'],
  'people.markLeft': ['id', 'leftOn'],
  'people.move': ['id', 'groupId', 'fromDate'],
  'people.renameDepartment': ['name'],
  'people.createGroup': ['name'],
  'people.renameGroup': ['id', 'name'],
  'people.archiveGroup': ['id', 'archivedOn'],
  'people.importPreview': ['file'],
  'people.importCommit': ['file'],
  'settings.history': ['key'],
  'settings.change': ['key', 'value', 'effectiveFrom'],
  'roster.saveShiftType': ['code', 'name', 'color', 'startMinute', 'endMinute', 'paidMinutes', 'breakMinutes', 'functions'],
  'roster.archiveShiftType': ['id'],
  'roster.coverage': ['groupId'],
  'roster.saveCoverage': ['groupId', 'rows'],
  'roster.calendar': ['year'],
  'roster.loadOfficialCalendar': ['year'],
  'roster.saveCalendar': ['year', 'days'],
  'roster.importCalendar': ['file'],
  'roster.month': ['month', 'groupId'],
  'roster.setCells': ['changes', 'source'],
  'roster.lockCells': ['cells', 'locked'],
  'roster.check': ['month', 'groupId'],
  'roster.publish': ['month', 'groupId', 'acknowledgeIssues'],
  'roster.changeLog': ['month', 'groupId'],
  'roster.wishes': ['month'],
  'roster.saveWish': ['personId', 'date', 'shiftTypeId', 'kind', 'weight'],
  'roster.removeWish': ['id'],
  'roster.requestSwap': ['kind', 'personId', 'date', 'otherPersonId', 'otherDate'],
  'roster.decideSwap': ['id', 'approve'],
  'roster.cancelSwap': ['id'],
  'roster.autoSchedule': ['month', 'groupId', 'seconds', 'fillGapsOnly'],
  'roster.scheduleJob': ['id'],
  'roster.cancelSchedule': ['id'],
  'roster.staffing': ['params', 'demand', 'params.handlingSeconds', 'demand.0.startMinute'],
  'roster.importDemand': ['file'],
  'roster.coverageFromStaffing': ['params', 'demand', 'groupId'],
  'roster.exportHandover': ['month', 'groupId'],
  'roster.previewHandover': ['file'],
  'roster.applyHandover': ['file', 'accept'],
  'roster.exportXlsx': ['month', 'groupId'],
  'appraisal.saveTemplate': [
    'key',
    'name',
    'structure',
    'applyToOpenCycles',
    'structure.dimensions',
    'structure.items.0.weight',
    'structure.indicators.0.direction',
  ],
  'appraisal.startCycle': ['period'],
  'appraisal.addMissing': ['cycleId'],
  'appraisal.board': ['period', 'groupId'],
  'appraisal.get': ['id'],
  'appraisal.setTargets': ['id', 'targets', 'targets.tasks', 'targets.indicatorTargets'],
  'appraisal.saveSelf': ['id', 'scores', 'submit'],
  'appraisal.saveSuperior': ['id', 'scores', 'submit'],
  'appraisal.savePeer': ['id', 'byPersonId', 'scores'],
  'appraisal.setIndicators': ['id', 'values', 'customerScore'],
  'appraisal.importPreview': ['cycleId', 'file'],
  'appraisal.importCommit': ['cycleId', 'file'],
  'appraisal.consolidate': ['ids'],
  'appraisal.recordFeedback': ['id', 'feedback', 'feedback.heldOn', 'feedback.summary'],
  'appraisal.returnStep': ['id', 'reason'],
  'appraisal.lock': ['cycleId', 'groupId', 'acknowledgeWarnings'],
  'appraisal.calibration': ['period', 'groupId'],
  'appraisal.history': ['personId'],
  'appraisal.annual': ['year', 'groupId'],
  'appraisal.saveSummary': ['personId', 'year', 'summaryScore'],
  'appraisal.exportXlsx': ['period', 'groupId'],
  'appraisal.recordTraining': ['personId', 'kind', 'title', 'takenOn', 'score', 'passed', 'retakeOf'],
  'appraisal.updatePlan': ['id', 'status', 'closedOn'],
  'leave.saveType': ['name', 'paid', 'evidenceRequired', 'entitlement', 'yearlyCapDays', 'allowOverBalance', 'countsCalendarDays'],
  'leave.check': ['personId', 'leaveTypeId', 'startDate', 'startPart', 'endDate', 'endPart', 'maternity.difficultBirth'],
  'leave.impact': ['id'],
  'leave.request': ['personId', 'leaveTypeId', 'startDate', 'startPart', 'endDate', 'endPart'],
  'leave.decide': ['id', 'approve'],
  'leave.cancel': ['id', 'reason'],
  'leave.balances': ['year', 'groupId'],
  'leave.ledger': ['personId', 'year'],
  'leave.adjust': ['personId', 'leaveTypeId', 'year', 'days', 'reason'],
  'overtime.check': ['personId', 'date', 'startMinute', 'plannedMinutes', 'compensation'],
  'overtime.request': ['personId', 'date', 'startMinute', 'plannedMinutes', 'compensation'],
  'overtime.decide': ['id', 'approve', 'acknowledgeWarnings'],
  'overtime.cancel': ['id'],
  'overtime.recordActual': ['id', 'actualMinutes'],
  'attendance.sheet': ['month', 'groupId'],
  'attendance.day': ['personId', 'date'],
  'attendance.punches': ['from', 'to'],
  'attendance.importPreview': ['file'],
  'attendance.importCommit': ['file'],
  'attendance.addPunch': ['personId', 'at', 'reason'],
  'attendance.correctPunch': ['id', 'at', 'reason'],
  'attendance.resolve': ['personId', 'date', 'kind', 'resolution', 'at', 'note'],
  'attendance.closeMonth': ['month'],
  'attendance.reopenMonth': ['month', 'reason'],
  'attendance.flags': ['year'],
  'attendance.exportXlsx': ['month', 'groupId'],
};

type Case = { channel: string; label: string; input: unknown; path: string };

/** Sets a (possibly nested, dot-separated) field of a copy of the channel's valid input. */
function withField(channel: string, field: string, value: unknown): Record<string, unknown> {
  const input = structuredClone(validInputs[channel]!);
  const keys = field.split('.');
  let target: any = input;
  for (const key of keys.slice(0, -1)) target = target[key];
  if (value === undefined) delete target[keys.at(-1)!];
  else target[keys.at(-1)!] = value;
  return input;
}

/** Fields that accept more than one type get a value that is none of them. */
const wrongTypeOverrides: Record<string, unknown> = { 'audit.history entityId': { id: 1 }, 'settings.change value': { v: 30 } };

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return '1';
  if (Array.isArray(value)) return 'employeeNo';
  if (value && typeof value === 'object') return 'x';
  return undefined;
}

const dateFields: Array<[string, string]> = [
  ['discipline.archiveViolationType', 'archivedOn'],
  ['discipline.saveViolationType', 'newRule.publishedOn'],
  ['discipline.sanctions', 'from'],
  ['discipline.sanctions', 'to'],
  ['discipline.recordSanction', 'date'],
  ['discipline.rewards', 'from'],
  ['discipline.rewards', 'to'],
  ['discipline.recommendReward', 'date'],
  ['discipline.recordFundEntry', 'date'],
  ['discipline.payFines', 'date'],
  ['discipline.payReward', 'date'],
  ['discipline.promotionCheck', 'onDate'],
  ['discipline.promotionBoard', 'onDate'],
  ['discipline.applyPromotion', 'appliedOn'],
  ['discipline.decidePromotion', 'effectiveOn'],
  ['appraisal.recordFeedback', 'feedback.heldOn'],
  ['appraisal.recordTraining', 'takenOn'],
  ['appraisal.updatePlan', 'closedOn'],
  ['appraisal.trainings', 'from'],
  ['appraisal.trainings', 'to'],
  ['people.create', 'hireDate'],
  ['people.create', 'firstEmploymentDate'],
  ['people.update', 'hireDate'],
  ['people.markLeft', 'leftOn'],
  ['people.move', 'fromDate'],
  ['people.archiveGroup', 'archivedOn'],
  ['settings.list', 'onDate'],
  ['settings.change', 'effectiveFrom'],
  ['settings.change', 'newRule.publishedOn'],
  ['roster.saveWish', 'date'],
  ['roster.requestSwap', 'date'],
  ['roster.requestSwap', 'otherDate'],
  ['leave.requests', 'from'],
  ['leave.requests', 'to'],
  ['leave.check', 'startDate'],
  ['leave.check', 'endDate'],
  ['leave.request', 'startDate'],
  ['overtime.check', 'date'],
  ['overtime.request', 'date'],
  ['attendance.day', 'date'],
  ['attendance.punches', 'from'],
  ['attendance.punches', 'to'],
  ['attendance.resolve', 'date'],
];
const badDates = ['2025-02-29', '2026-13-01', '26-1-1', '', '2026-02-30', '2026/03/01', '2026-3-1', '1949-12-31', '2101-01-01'];

const tooLong: Array<[string, string, number]> = [
  ['discipline.saveViolationType', 'nameZh', 61],
  ['discipline.saveViolationType', 'nameEn', 121],
  ['discipline.saveViolationType', 'newRule.title', 81],
  ['discipline.saveViolationType', 'newRule.version', 31],
  ['discipline.recordSanction', 'evidence', 501],
  ['discipline.appealSanction', 'note', 301],
  ['discipline.decideAppeal', 'reason', 301],
  ['discipline.voidSanction', 'reason', 301],
  ['discipline.recommendReward', 'title', 41],
  ['discipline.recommendReward', 'reason', 301],
  ['discipline.applyReward', 'deeds', 1001],
  ['discipline.applyReward', 'opinion', 301],
  ['discipline.decideReward', 'note', 301],
  ['discipline.decideReward', 'by', 33],
  ['discipline.voidReward', 'reason', 301],
  ['discipline.recordFundEntry', 'note', 201],
  ['discipline.promotionCheck', 'exceptionNote', 301],
  ['discipline.applyPromotion', 'exceptionNote', 301],
  ['discipline.applyPromotion', 'note', 301],
  ['discipline.applyPromotion', 'by', 33],
  ['discipline.decidePromotion', 'note', 301],
  ['discipline.decidePromotion', 'by', 33],
  ['discipline.withdrawPromotion', 'reason', 301],
  ['discipline.updateHrFlag', 'note', 301],
  ['appraisal.saveTemplate', 'name', 31],
  ['appraisal.saveSelf', 'comment', 501],
  ['appraisal.saveSuperior', 'comment', 501],
  ['appraisal.setTargets', 'targets.tasks.0.title', 61],
  ['appraisal.recordFeedback', 'feedback.summary', 1001],
  ['appraisal.recordFeedback', 'feedback.actions', 1001],
  ['appraisal.recordFeedback', 'feedback.personComment', 501],
  ['appraisal.returnStep', 'reason', 201],
  ['appraisal.saveSummary', 'note', 501],
  ['appraisal.recordTraining', 'title', 61],
  ['appraisal.recordTraining', 'note', 201],
  ['appraisal.updatePlan', 'goals', 1001],
  ['appraisal.updatePlan', 'outcome', 501],
  ['appraisal.importPreview', 'file.fileName', 256],
  ['people.create', 'name', 33],
  ['people.create', 'note', 501],
  ['people.update', 'name', 33],
  ['people.markLeft', 'reason', 201],
  ['people.renameDepartment', 'name', 41],
  ['people.createGroup', 'name', 21],
  ['people.renameGroup', 'name', 21],
  ['people.list', 'search', 51],
  ['people.exportXlsx', 'search', 51],
  ['people.importPreview', 'file.fileName', 256],
  ['backup.download', 'name', 101],
  ['backup.restore', 'name', 101],
  ['audit.history', 'entity', 41],
  ['settings.history', 'key', 81],
  ['settings.change', 'key', 81],
  ['settings.change', 'note', 301],
  ['settings.change', 'newRule.title', 81],
  ['settings.change', 'newRule.version', 31],
  ['roster.saveShiftType', 'name', 21],
  ['roster.publish', 'note', 301],
  ['roster.saveWish', 'note', 101],
  ['roster.requestSwap', 'reason', 201],
  ['roster.decideSwap', 'reason', 201],
  ['roster.cancelSwap', 'reason', 201],
  ['roster.importCalendar', 'file.fileName', 256],
  ['leave.saveType', 'name', 21],
  ['leave.request', 'reason', 201],
  ['leave.request', 'evidence', 201],
  ['leave.decide', 'reason', 201],
  ['leave.cancel', 'reason', 201],
  ['leave.adjust', 'reason', 201],
  ['overtime.request', 'reason', 201],
  ['overtime.decide', 'reason', 201],
  ['overtime.cancel', 'reason', 201],
  ['attendance.addPunch', 'reason', 201],
  ['attendance.correctPunch', 'reason', 201],
  ['attendance.resolve', 'note', 201],
  ['attendance.reopenMonth', 'reason', 201],
  ['attendance.importPreview', 'file.fileName', 256],
];

/** Text people type: empty or blank is refused. The boolean marks those where blank ("   ") counts as empty. */
const emptyRequired: Array<[string, string, boolean]> = [
  ['discipline.saveViolationType', 'nameZh', true],
  ['discipline.saveViolationType', 'nameEn', true],
  ['discipline.saveViolationType', 'newRule.title', true],
  ['discipline.saveViolationType', 'newRule.version', true],
  ['discipline.recordSanction', 'code', true],
  ['discipline.appealSanction', 'note', true],
  ['discipline.decideAppeal', 'reason', true],
  ['discipline.voidSanction', 'reason', true],
  ['discipline.recommendReward', 'title', true],
  ['discipline.recommendReward', 'reason', true],
  ['discipline.applyReward', 'deeds', true],
  ['discipline.voidReward', 'reason', true],
  ['discipline.recordFundEntry', 'note', true],
  ['discipline.withdrawPromotion', 'reason', true],
  ['appraisal.saveTemplate', 'name', true],
  ['appraisal.setTargets', 'targets.tasks.0.title', true],
  ['appraisal.recordFeedback', 'feedback.summary', true],
  ['appraisal.returnStep', 'reason', true],
  ['appraisal.recordTraining', 'title', true],
  ['appraisal.importCommit', 'file.fileName', true],
  ['people.create', 'name', true],
  ['people.update', 'name', true],
  ['people.renameDepartment', 'name', true],
  ['people.createGroup', 'name', true],
  ['people.renameGroup', 'name', true],
  ['people.importCommit', 'file.fileName', true],
  ['settings.change', 'newRule.title', true],
  ['settings.change', 'newRule.version', true],
  ['roster.saveShiftType', 'name', true],
  ['roster.importCalendar', 'file.fileName', true],
  // Identifiers the app itself sends (picked from a list): only '' is checked.
  ['backup.download', 'name', false],
  ['backup.restore', 'name', false],
  ['audit.history', 'entity', false],
  ['audit.history', 'entityId', false],
  ['settings.history', 'key', false],
  ['settings.change', 'key', false],
  ['leave.saveType', 'name', true],
  ['leave.cancel', 'reason', true],
  ['leave.adjust', 'reason', true],
  ['attendance.addPunch', 'reason', true],
  ['attendance.correctPunch', 'reason', true],
  ['attendance.resolve', 'note', true],
  ['attendance.reopenMonth', 'reason', true],
  ['attendance.importCommit', 'file.fileName', true],
];

const idFields: Array<[string, string]> = [
  ['discipline.saveViolationType', 'ruleDocumentId'],
  ['discipline.sanctions', 'personId'],
  ['discipline.sanction', 'id'],
  ['discipline.recordSanction', 'personId'],
  ['discipline.appealSanction', 'id'],
  ['discipline.decideAppeal', 'id'],
  ['discipline.voidSanction', 'id'],
  ['discipline.personRecord', 'personId'],
  ['discipline.rewards', 'personId'],
  ['discipline.reward', 'id'],
  ['discipline.recommendReward', 'personId'],
  ['discipline.applyReward', 'id'],
  ['discipline.decideReward', 'id'],
  ['discipline.voidReward', 'id'],
  ['discipline.recordFundEntry', 'personId'],
  ['discipline.payFines', 'sanctionIds.0'],
  ['discipline.payReward', 'rewardId'],
  ['discipline.promotionCheck', 'personId'],
  ['discipline.promotions', 'personId'],
  ['discipline.applyPromotion', 'personId'],
  ['discipline.decidePromotion', 'id'],
  ['discipline.withdrawPromotion', 'id'],
  ['discipline.updateHrFlag', 'id'],
  ['appraisal.startCycle', 'templateId'],
  ['appraisal.addMissing', 'cycleId'],
  ['appraisal.board', 'groupId'],
  ['appraisal.get', 'id'],
  ['appraisal.setTargets', 'id'],
  ['appraisal.saveSelf', 'id'],
  ['appraisal.saveSuperior', 'id'],
  ['appraisal.savePeer', 'id'],
  ['appraisal.savePeer', 'byPersonId'],
  ['appraisal.setIndicators', 'id'],
  ['appraisal.importPreview', 'cycleId'],
  ['appraisal.importCommit', 'cycleId'],
  ['appraisal.consolidate', 'ids.0'],
  ['appraisal.recordFeedback', 'id'],
  ['appraisal.returnStep', 'id'],
  ['appraisal.lock', 'cycleId'],
  ['appraisal.lock', 'groupId'],
  ['appraisal.calibration', 'groupId'],
  ['appraisal.history', 'personId'],
  ['appraisal.annual', 'groupId'],
  ['appraisal.saveSummary', 'personId'],
  ['appraisal.exportXlsx', 'groupId'],
  ['appraisal.trainings', 'personId'],
  ['appraisal.recordTraining', 'personId'],
  ['appraisal.recordTraining', 'retakeOf'],
  ['appraisal.updatePlan', 'id'],
  ['people.get', 'id'],
  ['people.create', 'groupId'],
  ['people.update', 'id'],
  ['people.markLeft', 'id'],
  ['people.move', 'id'],
  ['people.move', 'groupId'],
  ['people.renameGroup', 'id'],
  ['people.archiveGroup', 'id'],
  ['people.list', 'groupId'],
  ['people.exportXlsx', 'groupId'],
  ['settings.change', 'ruleDocumentId'],
  ['roster.saveShiftType', 'id'],
  ['roster.archiveShiftType', 'id'],
  ['roster.coverage', 'groupId'],
  ['roster.saveCoverage', 'groupId'],
  ['roster.month', 'groupId'],
  ['roster.check', 'groupId'],
  ['roster.publish', 'groupId'],
  ['roster.changeLog', 'groupId'],
  ['roster.saveWish', 'personId'],
  ['roster.saveWish', 'shiftTypeId'],
  ['roster.removeWish', 'id'],
  ['roster.requestSwap', 'personId'],
  ['roster.requestSwap', 'otherPersonId'],
  ['roster.decideSwap', 'id'],
  ['roster.cancelSwap', 'id'],
  ['roster.coverageFromStaffing', 'groupId'],
  ['roster.autoSchedule', 'groupId'],
  ['roster.exportHandover', 'groupId'],
  ['roster.exportXlsx', 'groupId'],
  ['leave.saveType', 'id'],
  ['leave.requests', 'personId'],
  ['leave.requests', 'groupId'],
  ['leave.check', 'personId'],
  ['leave.check', 'leaveTypeId'],
  ['leave.impact', 'id'],
  ['leave.decide', 'id'],
  ['leave.cancel', 'id'],
  ['leave.balances', 'groupId'],
  ['leave.ledger', 'personId'],
  ['leave.adjust', 'personId'],
  ['leave.adjust', 'leaveTypeId'],
  ['overtime.list', 'personId'],
  ['overtime.list', 'groupId'],
  ['overtime.check', 'personId'],
  ['overtime.decide', 'id'],
  ['overtime.cancel', 'id'],
  ['overtime.recordActual', 'id'],
  ['attendance.sheet', 'groupId'],
  ['attendance.day', 'personId'],
  ['attendance.punches', 'personId'],
  ['attendance.punches', 'groupId'],
  ['attendance.addPunch', 'personId'],
  ['attendance.correctPunch', 'id'],
  ['attendance.resolve', 'personId'],
  ['attendance.exportXlsx', 'groupId'],
];

const specific: Case[] = [
  // Discipline: rule codes, sanction kinds and amounts, months, enumerations of every step.
  ...['discipline.recordSanction', 'discipline.saveViolationType', 'discipline.catalogueHistory', 'discipline.archiveViolationType'].flatMap((channel) =>
    ['dis-3.1', 'DIS3', '3.1', 'DIS-3.1.2', 'DIS-A'].map((v) => ({ channel, label: `code ${v}`, input: withField(channel, 'code', v), path: 'code' })),
  ),
  ...['discipline.fundMonth', 'discipline.closeFundMonth', 'discipline.exportFund', 'discipline.exportMonth'].flatMap((channel) =>
    ['2026-13', '2026-3', '2026-03-01', ''].map((v) => ({ channel, label: `month ${JSON.stringify(v)}`, input: withField(channel, 'month', v), path: 'month' })),
  ),
  ...(
    [
      ['discipline.catalogue', 'includeArchived', 'yes'],
      ['discipline.sanctions', 'includeVoided', 'yes'],
      ['discipline.recordSanction', 'sanction', 'fine2'],
      ['discipline.recordSanction', 'amountFen', -1],
      ['discipline.recordSanction', 'amountFen', 10.5],
      ['discipline.saveViolationType', 'defaultSanction', 'expel'],
      ['discipline.saveViolationType', 'defaultAmountFen', -100],
      ['discipline.rewards', 'status', 'done'],
      ['discipline.recommendReward', 'kind', 'medal'],
      ['discipline.recommendReward', 'amountFen', 1.5],
      ['discipline.decideReward', 'step', 'ceo-approval'],
      ['discipline.decideReward', 'approve', 'yes'],
      ['discipline.decideAppeal', 'uphold', 'no'],
      ['discipline.recordFundEntry', 'kind', 'fine-paid'],
      ['discipline.recordFundEntry', 'amountFen', 0],
      ['discipline.recordFundEntry', 'amountFen', -600],
      ['discipline.recordFundEntry', 'amountFen', 6.5],
      ['discipline.payFines', 'sanctionIds', []],
      ['discipline.closeFundMonth', 'acknowledgeWarnings', 'yes'],
      ['discipline.fundYear', 'year', 1999],
      ['discipline.fundYear', 'year', 2026.5],
      ['discipline.promotionCheck', 'toRole', 'agent'],
      ['discipline.applyPromotion', 'toRole', 'boss'],
      ['discipline.promotionBoard', 'onDate', '2026-02-30'],
      ['discipline.promotions', 'status', 'done'],
      ['discipline.decidePromotion', 'approve', 'yes'],
      ['discipline.hrFlags', 'status', 'done'],
      ['discipline.updateHrFlag', 'status', 'open'],
    ] as const
  ).map(([channel, field, value]) => ({ channel, label: `${field} ${JSON.stringify(value)}`, input: withField(channel, field, value), path: field })),
  {
    channel: 'discipline.recommendReward',
    label: 'an honour title not in the rulebook',
    input: { ...withField('discipline.recommendReward', 'kind', 'honour'), title: '劳模' },
    path: 'title',
  },
  {
    channel: 'discipline.recommendReward',
    label: 'a bonus without an amount',
    input: withField('discipline.recommendReward', 'amountFen', null),
    path: 'amountFen',
  },
  // Appraisals: periods (a month or a quarter), years, template shapes and weights (APR-1…3),
  // scores on a 0–100 scale, item keys, enumerations.
  ...['appraisal.startCycle', 'appraisal.board', 'appraisal.calibration', 'appraisal.exportXlsx'].flatMap((channel) =>
    ['2026-13', '2026-Q5', '2026-3', '26-03', '2026-03-01', ''].map((v) => ({
      channel,
      label: `period ${JSON.stringify(v)}`,
      input: withField(channel, 'period', v),
      path: 'period',
    })),
  ),
  ...['appraisal.annual', 'appraisal.saveSummary', 'appraisal.cycles'].flatMap((channel) =>
    [1999, 2101, 2026.5].map((v) => ({ channel, label: `year ${v}`, input: withField(channel, 'year', v), path: 'year' })),
  ),
  ...(
    [
      ['structure.dimensions.results', -1, 'structure.dimensions.results'],
      ['structure.dimensions.attitude', 30, 'structure.dimensions'],
      ['structure.items.0.weight', 25, 'structure.items'],
      ['structure.indicators.0.weight', 20, 'structure.indicators'],
      ['structure.items.0.key', 'Knowledge', 'structure.items.0.key'],
      ['structure.items.1.key', 'knowledge', 'structure.items.1.key'],
      ['structure.items.0.scaleMax', 0, 'structure.items.0.scaleMax'],
      ['structure.items.0.dimension', 'results', 'structure.items.0.dimension'],
      ['structure.indicators.0.cap', 99, 'structure.indicators.0.cap'],
      ['structure.indicators.0.unit', 'yuan', 'structure.indicators.0.unit'],
      ['structure.indicators.0.functions', [], 'structure.indicators.0.functions'],
      ['structure.indicators.0.direction', 'up', 'structure.indicators.0.direction'],
      ['structure.indicators.0.target', 70, 'structure.indicators.0.target'],
      ['structure.indicators.0.floor', 95, 'structure.indicators.0.floor'],
      ['key', 'Standard', 'key'],
    ] as const
  ).map(([field, value, path]) => ({
    channel: 'appraisal.saveTemplate',
    label: `${field} ${JSON.stringify(value)}`,
    input: withField('appraisal.saveTemplate', field, value),
    path,
  })),
  ...['appraisal.saveSelf', 'appraisal.saveSuperior', 'appraisal.savePeer'].flatMap((channel) =>
    (
      [
        ['scores.knowledge', -1],
        ['scores.knowledge', 101],
        ['scores.knowledge', '8'],
        ['scores.Bad Key', 5],
      ] as const
    ).map(([field, value]) => ({
      channel,
      label: `${field} ${JSON.stringify(value)}`,
      input: withField(channel, field, value),
      path: field,
    })),
  ),
  ...(
    [
      ['customerScore', 101],
      ['customerScore', -1],
      ['values.satisfaction', '96'],
    ] as const
  ).map(([field, value]) => ({
    channel: 'appraisal.setIndicators',
    label: `${field} ${JSON.stringify(value)}`,
    input: withField('appraisal.setIndicators', field, value),
    path: field,
  })),
  {
    channel: 'appraisal.setTargets',
    label: 'target as text',
    input: withField('appraisal.setTargets', 'targets.indicatorTargets.volume', 'x'),
    path: 'targets.indicatorTargets.volume',
  },
  { channel: 'appraisal.consolidate', label: 'no ids', input: withField('appraisal.consolidate', 'ids', []), path: 'ids' },
  { channel: 'appraisal.recordTraining', label: 'kind "quiz"', input: withField('appraisal.recordTraining', 'kind', 'quiz'), path: 'kind' },
  { channel: 'appraisal.recordTraining', label: 'score 101', input: withField('appraisal.recordTraining', 'score', 101), path: 'score' },
  { channel: 'appraisal.updatePlan', label: 'status "done"', input: withField('appraisal.updatePlan', 'status', 'done'), path: 'status' },
  { channel: 'appraisal.plans', label: 'status "done"', input: withField('appraisal.plans', 'status', 'done'), path: 'status' },
  {
    channel: 'appraisal.saveSummary',
    label: 'summary score 101',
    input: withField('appraisal.saveSummary', 'summaryScore', 101),
    path: 'summaryScore',
  },
  {
    channel: 'appraisal.lock',
    label: 'acknowledge as text',
    input: withField('appraisal.lock', 'acknowledgeWarnings', 'yes'),
    path: 'acknowledgeWarnings',
  },
  ...['appraisal.importPreview', 'appraisal.importCommit'].flatMap((channel) => [
    { channel, label: 'content that is not base64', input: withField(channel, 'file.contentBase64', '%%%'), path: 'file.contentBase64' },
    { channel, label: 'a mapping entry of 41 characters', input: withField(channel, 'mapping.0', 'x'.repeat(41)), path: 'mapping.0' },
  ]),
  // ROS-6 parameters and demand out of range; months and accepted cells of the wrong shape.
  ...(
    [
      ['params.intervalMinutes', 4],
      ['params.intervalMinutes', 121],
      ['params.intervalMinutes', 30.5],
      ['params.handlingSeconds', 0],
      ['params.concurrency', 0],
      ['params.concurrency', 21],
      ['params.serviceLevelPercent', 100],
      ['params.serviceLevelSeconds', 0],
      ['params.maxOccupancyPercent', 0],
      ['params.maxOccupancyPercent', 101],
      ['params.shrinkagePercent', -1],
      ['params.shrinkagePercent', 91],
      ['demand.0.contacts', -1],
      ['demand.0.startMinute', 1440],
      ['demand.0.startMinute', 9.5],
      ['demand.0.weekday', 7],
      ['demand.0.date', '2026-02-30'],
    ] as const
  ).flatMap(([field, value]) =>
    ['roster.staffing', 'roster.coverageFromStaffing'].map((channel) => ({
      channel,
      label: `${field} ${JSON.stringify(value)}`,
      input: withField(channel, field, value),
      path: field,
    })),
  ),
  ...['roster.exportHandover', 'roster.exportXlsx'].flatMap((channel) =>
    ['2026-13', '2026-3', '26-03', '2026-03-01', ''].map((v) => ({
      channel,
      label: `month ${v}`,
      input: withField(channel, 'month', v),
      path: 'month',
    })),
  ),
  ...['1-2026-03-02', '1:2026-3-2', 'abc', ''].map((v) => ({
    channel: 'roster.applyHandover',
    label: `accepted cell ${JSON.stringify(v)}`,
    input: withField('roster.applyHandover', 'accept', [v]),
    path: 'accept.0',
  })),
  {
    channel: 'roster.applyHandover',
    label: 'accept neither all nor a list',
    input: withField('roster.applyHandover', 'accept', 'none'),
    path: 'accept',
  },
  ...['roster.importDemand', 'roster.previewHandover', 'roster.applyHandover'].map((channel) => ({
    channel,
    label: 'file content that is not base64',
    input: withField(channel, 'file.contentBase64', '%%%'),
    path: 'file.contentBase64',
  })),
  ...['people.create', 'people.update'].flatMap((channel) => [
    ...[-1, 1.5, -0.01, '300', 300.25].map((v) => ({
      channel,
      label: `dailyWageFen ${JSON.stringify(v)}`,
      input: withField(channel, 'dailyWageFen', v),
      path: 'dailyWageFen',
    })),
    ...['12345', '23800138000', '1380013800a', '138001380001', '1380013800', 'phone'].map((v) => ({
      channel,
      label: `phone ${v}`,
      input: withField(channel, 'phone', v),
      path: 'phone',
    })),
    ...['boss', '', 'Agent'].map((v) => ({
      channel,
      label: `role ${JSON.stringify(v)}`,
      input: withField(channel, 'role', v),
      path: 'role',
    })),
    ...['sales', ''].map((v) => ({
      channel,
      label: `function ${JSON.stringify(v)}`,
      input: withField(channel, 'function', v),
      path: 'function',
    })),
    ...['', 'A 001', '工号1', 'A_001', 'A'.repeat(21)].map((v) => ({
      channel,
      label: `employeeNo ${JSON.stringify(v)}`,
      input: withField(channel, 'employeeNo', v),
      path: 'employeeNo',
    })),
    {
      channel,
      label: 'first employment after hiring (ORG-3)',
      input: { ...withField(channel, 'hireDate', '2024-02-29'), firstEmploymentDate: '2024-03-01' },
      path: 'firstEmploymentDate',
    },
  ]),
  { channel: 'people.list', label: 'bad role', input: withField('people.list', 'role', 'boss'), path: 'role' },
  { channel: 'people.list', label: 'bad status', input: withField('people.list', 'status', 'gone'), path: 'status' },
  { channel: 'people.exportXlsx', label: 'bad status', input: withField('people.exportXlsx', 'status', 'gone'), path: 'status' },
  { channel: 'system.setLanguage', label: 'unknown language', input: { lang: 'fr' }, path: 'lang' },
  { channel: 'system.setLanguage', label: 'language in another case', input: { lang: 'EN' }, path: 'lang' },
  ...['admin', 'person:', 'person:1x', 'person:-1', ''].map((id) => ({
    channel: 'system.switchProfile',
    label: `profile ${JSON.stringify(id)}`,
    input: { id },
    path: 'id',
  })),
  { channel: 'audit.history', label: 'fractional entityId', input: { entity: 'person', entityId: 1.5 }, path: 'entityId' },
  ...['people.importPreview', 'people.importCommit'].flatMap((channel) => [
    ...['%%%', 'abc', '5L2g5aW9!', 'data:text/csv;base64,YQ=='].map((v) => ({
      channel,
      label: `contentBase64 ${v}`,
      input: withField(channel, 'file.contentBase64', v),
      path: 'file.contentBase64',
    })),
    { channel, label: 'unknown mapping field', input: withField(channel, 'mapping', ['employeeNo', 'salary']), path: 'mapping.1' },
  ]),
  {
    channel: 'backup.restore',
    label: 'upload that is not base64',
    input: { file: { fileName: 'banzu.db', contentBase64: '***not base64***' } },
    path: 'file.contentBase64',
  },
  {
    channel: 'backup.restore',
    label: 'upload with an empty name',
    input: { file: { fileName: '', contentBase64: '' } },
    path: 'file.fileName',
  },
  ...[{}, [], true].map((v) => ({
    channel: 'settings.change',
    label: `value ${JSON.stringify(v)}`,
    input: withField('settings.change', 'value', v),
    path: 'value',
  })),
  {
    channel: 'settings.change',
    label: 'value list with text',
    input: withField('settings.change', 'value', [50, '30', 20]),
    path: 'value',
  },
  ...['roster.month', 'roster.check', 'roster.publish', 'roster.changeLog', 'roster.wishes', 'roster.swaps'].flatMap((channel) =>
    ['2026-13', '2026-3', '26-03', '2026-03-01', ''].map((v) => ({
      channel,
      label: `month ${JSON.stringify(v)}`,
      input: withField(channel, 'month', v),
      path: 'month',
    })),
  ),
  ...(
    [
      ['code', 'e'],
      ['code', 'EE'],
      ['code', '1'],
      ['code', ''],
      ['color', 'red'],
      ['color', '#12345'],
      ['startMinute', 1440],
      ['startMinute', -1],
      ['endMinute', 1.5],
      ['paidMinutes', 1441],
      ['breakMinutes', -30],
      ['functions', []],
      ['functions', ['sales']],
    ] as const
  ).map(([field, v]) => ({
    channel: 'roster.saveShiftType',
    label: `${field} ${JSON.stringify(v)}`,
    input: withField('roster.saveShiftType', field, v),
    path: field === 'functions' && Array.isArray(v) && v.length > 0 ? 'functions.0' : field,
  })),
  ...['roster.calendar', 'roster.loadOfficialCalendar', 'roster.saveCalendar'].flatMap((channel) =>
    [1999, 2101, 2026.5].map((v) => ({ channel, label: `year ${v}`, input: withField(channel, 'year', v), path: 'year' })),
  ),
  {
    channel: 'roster.saveCalendar',
    label: 'unknown kind',
    input: withField('roster.saveCalendar', 'days.0.kind', 'vacation'),
    path: 'days.0.kind',
  },
  {
    channel: 'roster.saveCalendar',
    label: 'bad date in days',
    input: withField('roster.saveCalendar', 'days.0.date', '2026-02-30'),
    path: 'days.0.date',
  },
  { channel: 'roster.saveCalendar', label: 'empty name', input: withField('roster.saveCalendar', 'days.0.name', ' '), path: 'days.0.name' },
  {
    channel: 'roster.saveCoverage',
    label: 'weekday 7',
    input: withField('roster.saveCoverage', 'rows.0.weekday', 7),
    path: 'rows.0.weekday',
  },
  {
    channel: 'roster.saveCoverage',
    label: 'negative minimum',
    input: withField('roster.saveCoverage', 'rows.0.minPeople', -1),
    path: 'rows.0.minPeople',
  },
  {
    channel: 'roster.saveCoverage',
    label: 'unknown function',
    input: withField('roster.saveCoverage', 'rows.0.function', 'sales'),
    path: 'rows.0.function',
  },
  { channel: 'roster.setCells', label: 'unknown source', input: withField('roster.setCells', 'source', 'robot'), path: 'source' },
  {
    channel: 'roster.setCells',
    label: 'cell value "off"',
    input: withField('roster.setCells', 'changes.0.value', 'off'),
    path: 'changes.0.value',
  },
  {
    channel: 'roster.setCells',
    label: 'cell date',
    input: withField('roster.setCells', 'changes.0.date', '2026-02-30'),
    path: 'changes.0.date',
  },
  { channel: 'roster.lockCells', label: 'locked as text', input: withField('roster.lockCells', 'locked', 'yes'), path: 'locked' },
  {
    channel: 'roster.publish',
    label: 'acknowledgeIssues as text',
    input: withField('roster.publish', 'acknowledgeIssues', 'true'),
    path: 'acknowledgeIssues',
  },
  ...[0, 11, 2.5].map((v) => ({
    channel: 'roster.saveWish',
    label: `weight ${v}`,
    input: withField('roster.saveWish', 'weight', v),
    path: 'weight',
  })),
  { channel: 'roster.saveWish', label: 'kind "maybe"', input: withField('roster.saveWish', 'kind', 'maybe'), path: 'kind' },
  { channel: 'roster.requestSwap', label: 'kind "trade"', input: withField('roster.requestSwap', 'kind', 'trade'), path: 'kind' },
  { channel: 'roster.swaps', label: 'status "done"', input: withField('roster.swaps', 'status', 'done'), path: 'status' },
  { channel: 'roster.decideSwap', label: 'approve as text', input: withField('roster.decideSwap', 'approve', 'yes'), path: 'approve' },
  // The auto-scheduler's time budget is whole seconds from 1 to 600.
  ...[0, 601, 2.5].map((v) => ({
    channel: 'roster.autoSchedule',
    label: `seconds ${v}`,
    input: withField('roster.autoSchedule', 'seconds', v),
    path: 'seconds',
  })),
  ...['2026-13', '2026-3', ''].map((v) => ({
    channel: 'roster.autoSchedule',
    label: `month ${JSON.stringify(v)}`,
    input: withField('roster.autoSchedule', 'month', v),
    path: 'month',
  })),
  { channel: 'roster.autoSchedule', label: 'seed 1.5', input: withField('roster.autoSchedule', 'seed', 1.5), path: 'seed' },
  // Leave, overtime and attendance: months, clock times, half days, enumerations and ranges.
  ...['attendance.sheet', 'attendance.closeMonth', 'attendance.reopenMonth', 'attendance.exportXlsx', 'overtime.list'].flatMap((channel) =>
    ['2026-13', '2026-3', '2026-03-01', ''].map((v) => ({
      channel,
      label: `month ${JSON.stringify(v)}`,
      input: withField(channel, 'month', v),
      path: 'month',
    })),
  ),
  ...['attendance.addPunch', 'attendance.correctPunch', 'attendance.resolve'].flatMap((channel) =>
    ['2026-03-02 24:00', '2026-03-02 8:58', '2026-02-30 08:00', '2026-03-02T08:58', '08:58', ''].map((v) => ({
      channel,
      label: `clock time ${JSON.stringify(v)}`,
      input: withField(channel, 'at', v),
      path: 'at',
    })),
  ),
  ...(
    [
      ['leave.adjust', 'days', 0.3],
      ['leave.adjust', 'days', 0],
      ['leave.adjust', 'days', 400],
      ['leave.check', 'startPart', 'am'],
      ['leave.check', 'endPart', 'pm'],
      ['leave.check', 'maternity.extraBabies', 6],
      ['leave.request', 'endPart', 'evening'],
      ['leave.saveType', 'entitlement', 'monthly'],
      ['leave.saveType', 'yearlyCapDays', -1],
      ['leave.requests', 'status', 'done'],
      ['leave.balances', 'year', 1999],
      ['leave.ledger', 'year', 2026.5],
      ['overtime.check', 'plannedMinutes', 10],
      ['overtime.check', 'plannedMinutes', 721],
      ['overtime.check', 'startMinute', 1440],
      ['overtime.request', 'compensation', 'cash'],
      ['overtime.list', 'status', 'done'],
      ['overtime.decide', 'acknowledgeWarnings', 'yes'],
      ['overtime.recordActual', 'actualMinutes', -1],
      ['overtime.recordActual', 'actualMinutes', 721],
      ['overtime.recordActual', 'actualMinutes', 30.5],
      ['attendance.resolve', 'kind', 'late'],
      ['attendance.resolve', 'resolution', 'forgive'],
      ['attendance.flags', 'year', 2101],
      ['attendance.importPreview', 'mapping.1', 'salary'],
      ['attendance.importCommit', 'file.contentBase64', '%%%'],
    ] as const
  ).map(([channel, field, value]) => ({
    channel,
    label: `${field} ${JSON.stringify(value)}`,
    input: withField(channel, field, value),
    path: field,
  })),
];

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const channel of channelIds(contract)) {
    for (const [label, input] of [
      ['a string', 'people'],
      ['an array', [{}]],
      ['a number', 42],
      ['a boolean', true],
    ] as const) {
      cases.push({ channel, label: `whole input is ${label}`, input, path: '' });
    }
    for (const field of requiredFields[channel] ?? []) {
      cases.push({ channel, label: `missing ${field}`, input: withField(channel, field, undefined), path: field });
    }
    for (const [field, value] of Object.entries(validInputs[channel] ?? {})) {
      const wrong = `${channel} ${field}` in wrongTypeOverrides ? wrongTypeOverrides[`${channel} ${field}`] : wrongTypeFor(value);
      if (wrong !== undefined)
        cases.push({ channel, label: `${field} of the wrong type`, input: withField(channel, field, wrong), path: field });
    }
  }
  for (const [channel, field] of dateFields) {
    for (const date of badDates)
      cases.push({ channel, label: `${field} ${JSON.stringify(date)}`, input: withField(channel, field, date), path: field });
  }
  for (const [channel, field, length] of tooLong) {
    cases.push({ channel, label: `${field} of ${length} characters`, input: withField(channel, field, 'x'.repeat(length)), path: field });
  }
  for (const [channel, field, blank] of emptyRequired) {
    for (const empty of blank ? ['', '   ', '\u3000'] : ['']) {
      cases.push({ channel, label: `empty ${field} ${JSON.stringify(empty)}`, input: withField(channel, field, empty), path: field });
    }
  }
  for (const [channel, field] of idFields) {
    for (const bad of [0, -1, 1.5]) cases.push({ channel, label: `${field} ${bad}`, input: withField(channel, field, bad), path: field });
  }
  return [...cases, ...specific];
}

describe('input validation, table-driven over the contract', () => {
  let host: AppHost;
  const cases = buildCases();
  beforeAll(async () => {
    host = await testHost();
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    await ok(host, 'people.create', { ...samplePerson, groupId: group.id, role: 'leader' });
    await ok(host, 'backup.create');
  });
  afterAll(() => host.close());

  it('the table knows a valid input for every channel, and each one is valid', () => {
    expect(Object.keys(validInputs).sort()).toEqual(channelIds(contract).sort());
    for (const [channel, input] of Object.entries(validInputs)) {
      const parsed = findChannel(contract, channel)!.input.safeParse(input);
      expect(parsed.success, `${channel}: ${parsed.error?.message}`).toBe(true);
    }
    for (const channel of Object.keys(requiredFields)) expect(channelIds(contract)).toContain(channel);
    // Every channel with fields gets field-level cases, not only whole-input ones.
    const withFieldCases = new Set(cases.filter((c) => c.path !== '').map((c) => c.channel));
    const withFields = channelIds(contract).filter((id) => Object.keys(validInputs[id]!).length > 0);
    expect([...withFieldCases].sort()).toEqual(withFields.sort());
    expect(cases.length).toBeGreaterThan(300);
  });

  async function check(channel: string, language: RegExp | 'no-cjk') {
    const before = snapshot(host);
    const problems: string[] = [];
    for (const c of cases.filter((x) => x.channel === channel)) {
      const result = await host.dispatch(c.channel, c.input);
      const where = c.label;
      if (result.ok) {
        problems.push(`${where}: accepted`);
        continue;
      }
      const { code, message, details } = result.error;
      if (code !== 'VALIDATION') problems.push(`${where}: code ${code} (${message})`);
      else if (!details?.some((d) => d.path === c.path))
        problems.push(`${where}: no detail at path "${c.path}" (${JSON.stringify(details)})`);
      const texts = [message, ...(details ?? []).map((d) => d.message)];
      for (const text of texts) {
        const right = language === 'no-cjk' ? !CJK.test(text) : language.test(text);
        if (!right) problems.push(`${where}: message in the wrong language: ${text}`);
      }
    }
    expect(problems).toEqual([]);
    expect(snapshot(host)).toEqual(before);
  }

  it.each(channelIds(contract))(
    '%s: every bad input answers VALIDATION with a detail at the field, in Chinese, and changes nothing',
    async (channel) => {
      await check(channel, CJK);
    },
  );

  describe("in English after system.setLanguage {lang:'en'}", () => {
    beforeAll(async () => {
      await ok(host, 'system.setLanguage', { lang: 'en' });
    });
    afterAll(async () => {
      await ok(host, 'system.setLanguage', { lang: 'zh-CN' });
    });
    it.each(channelIds(contract))('%s: the same answers, in English', async (channel) => {
      await check(channel, 'no-cjk');
    });
  });
});

describe('output validation (checkOutput: true) on a populated host', () => {
  let host: AppHost;
  const ids: Record<string, any> = {};
  beforeAll(async () => {
    host = await testHost();
    // Every write channel once, so their outputs are checked too.
    await ok(host, 'people.renameDepartment', { name: '网络咨询部' });
    const one = await ok(host, 'people.createGroup', { name: '一组' });
    const two = await ok(host, 'people.createGroup', { name: '二组' });
    const spare = await ok(host, 'people.createGroup', { name: '备用组' });
    await ok(host, 'people.renameGroup', { id: spare.id, name: '停用组' });
    await ok(host, 'people.archiveGroup', { id: spare.id, archivedOn: '2026-01-01' });
    ids.leader = await ok(host, 'people.create', { ...samplePerson, groupId: one.id, role: 'leader' });
    ids.agent = await ok(host, 'people.create', {
      ...samplePerson,
      employeeNo: 'A002',
      name: '李娜',
      groupId: one.id,
      phone: null,
      dailyWageFen: null,
    });
    const leaver = await ok(host, 'people.create', { ...samplePerson, employeeNo: 'A003', name: '王芳', groupId: two.id, note: '夜班' });
    await ok(host, 'people.create', { ...samplePerson, employeeNo: 'M001', name: '赵敏', groupId: null, role: 'supervisor' });
    await ok(host, 'people.update', { ...samplePerson, id: ids.agent.id, employeeNo: 'A002', name: '李娜娜', phone: '010-88886666' });
    await ok(host, 'people.move', { id: ids.agent.id, groupId: two.id, fromDate: '2026-02-01' });
    await ok(host, 'people.markLeft', { id: leaver.id, leftOn: '2026-03-31', reason: null });
    await ok(host, 'people.importCommit', { file: csvPayload('工号,姓名,组别,岗位,入职日期\nB001,孙磊,三组,组长,2025-03-01\n') });
    ids.handover = await ok(host, 'roster.exportHandover', { month: '2026-03', groupId: one.id });
    await ok(host, 'roster.applyHandover', { file: ids.handover, accept: 'all' });
    await ok(host, 'settings.change', {
      key: 'attendance.lateFineYuan',
      value: 30,
      effectiveFrom: '2026-04-01',
      newRule: { title: '运营服务中心规章制度', version: '2.0', publishedOn: '2026-03-15' },
    });
    await ok(host, 'settings.change', {
      key: 'appraisal.dimensionWeights',
      value: [60, 25, 15],
      effectiveFrom: '2025-06-01',
      ruleDocumentId: 1,
    });
    // Roster: every write channel of its core part once.
    ids.one = one.id;
    const early = await ok(host, 'roster.saveShiftType', {
      code: 'E',
      name: '早班',
      color: '#1f6feb',
      startMinute: 480,
      endMinute: 960,
      paidMinutes: 450,
      breakMinutes: 30,
      functions: null,
    });
    const old = await ok(host, 'roster.saveShiftType', {
      ...early,
      id: undefined,
      code: 'O',
      name: '旧夜班',
      startMinute: 1320,
      endMinute: 360,
      functions: ['service'],
    });
    await ok(host, 'roster.archiveShiftType', { id: old.id });
    await ok(host, 'roster.saveCoverage', {
      groupId: one.id,
      rows: [{ shiftTypeId: early.id, weekday: 1, onDate: null, function: null, minPeople: 2 }],
    });
    await ok(host, 'roster.loadOfficialCalendar', { year: 2026 });
    await ok(host, 'roster.saveCalendar', { year: 2027, days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    await ok(host, 'roster.importCalendar', { file: csvPayload('日期,类型,名称\n2028-01-01,法定节假日,元旦\n', 'calendar.csv') });
    const cell = (date: string, value: number | 'rest' | null) => ({ personId: ids.leader.id, date, value });
    await ok(host, 'roster.setCells', {
      source: 'manual',
      changes: [cell('2026-03-02', early.id), cell('2026-03-03', 'rest'), cell('2026-03-04', early.id)],
    });
    await ok(host, 'roster.lockCells', { cells: [{ personId: ids.leader.id, date: '2026-03-02' }], locked: true });
    await ok(host, 'roster.publish', { month: '2026-03', groupId: one.id, acknowledgeIssues: true, note: '已知晓' });
    await ok(host, 'roster.setCells', { source: 'manual', changes: [cell('2026-03-05', early.id)] });
    const wish = { personId: ids.agent.id, date: '2026-03-08', shiftTypeId: early.id, kind: 'off', weight: 3, note: null };
    await ok(host, 'roster.removeWish', { id: (await ok(host, 'roster.saveWish', wish)).id });
    await ok(host, 'roster.saveWish', { ...wish, shiftTypeId: null });
    const give = (date: string) =>
      ok(host, 'roster.requestSwap', { kind: 'give', personId: ids.leader.id, date, otherPersonId: ids.agent.id, otherDate: null });
    await ok(host, 'roster.decideSwap', { id: (await give('2026-03-05')).id, approve: true, reason: null });
    await ok(host, 'roster.decideSwap', { id: (await give('2026-03-02')).id, approve: false, reason: '人手不足' });
    await ok(host, 'roster.cancelSwap', { id: (await give('2026-03-02')).id, reason: null });
    await give('2026-03-04');
    // The auto-scheduler: a job for April (March is published), polled below, then cancelled.
    ids.job = await ok(host, 'roster.autoSchedule', { month: '2026-04', groupId: one.id, seconds: 1, fillGapsOnly: false });
    await ok(host, 'roster.cancelSchedule', { id: ids.job.id });
    // Appraisals: a month for 一组 through every write channel once (the leader fails: a plan opens).
    const template = await ok(host, 'appraisal.saveTemplate', {
      key: 'standard',
      name: '月度绩效考核表',
      structure: appraisalTemplate,
      applyToOpenCycles: false,
    });
    const cycle = await ok(host, 'appraisal.startCycle', { period: '2026-03', templateId: template.id });
    await ok(host, 'appraisal.addMissing', { cycleId: cycle.id });
    const march = await ok(host, 'appraisal.board', { period: '2026-03', groupId: one.id });
    const appraisal = march.rows[0].id;
    ids.appraisal = appraisal;
    ids.cycle = cycle.id;
    await ok(host, 'appraisal.setTargets', {
      id: appraisal,
      targets: { tasks: [{ title: '完成接待', note: null }], indicatorTargets: { volume: 1000 } },
    });
    await ok(host, 'appraisal.saveSelf', { id: appraisal, scores: appraisalScores, comment: null, submit: true });
    await ok(host, 'appraisal.savePeer', { id: appraisal, byPersonId: ids.agent.id, scores: { teamwork: 4 } });
    await ok(host, 'appraisal.setIndicators', {
      id: appraisal,
      values: { resolutionRate: 60, volume: 100, conversationRate: 50, firstResponse: 60 },
      customerScore: null,
    });
    await ok(host, 'appraisal.importCommit', { cycleId: cycle.id, file: statsCsv });
    await ok(host, 'appraisal.saveSuperior', {
      id: appraisal,
      scores: { ...appraisalScores, knowledge: 2 },
      comment: '需改进',
      submit: true,
    });
    await ok(host, 'appraisal.consolidate', { ids: [appraisal] });
    await ok(host, 'appraisal.returnStep', { id: appraisal, reason: '复核' });
    await ok(host, 'appraisal.consolidate', { ids: [appraisal] });
    await ok(host, 'appraisal.recordFeedback', {
      id: appraisal,
      feedback: { heldOn: '2026-04-02', summary: '业绩未达标', actions: null, personComment: null },
    });
    await ok(host, 'appraisal.lock', { cycleId: cycle.id, groupId: one.id, acknowledgeWarnings: true });
    const [plan] = await ok(host, 'appraisal.plans', {});
    await ok(host, 'appraisal.updatePlan', {
      id: plan.id,
      goals: '提升解决率',
      status: 'completed',
      closedOn: '2099-05-31',
      outcome: '已达成',
    });
    await ok(host, 'appraisal.saveSummary', { personId: ids.leader.id, year: 2026, summaryScore: 70, note: null });
    const exam = {
      personId: ids.agent.id,
      kind: 'exam',
      title: '话术考试',
      takenOn: '2026-03-10',
      score: 50,
      passed: false,
      retakeOf: null,
      note: null,
    };
    const failed = await ok(host, 'appraisal.recordTraining', exam);
    await ok(host, 'appraisal.recordTraining', { ...exam, takenOn: '2026-03-20', score: 80, passed: true, retakeOf: failed.id });
    // Discipline: every write channel once (B001 gets a settled appraisal so a promotion can pass).
    const d: Record<string, any> = {};
    await ok(host, 'discipline.saveViolationType', {
      code: 'X-1',
      nameZh: '上班玩手机游戏',
      nameEn: 'Mobile games at work',
      defaultSanction: 'fine',
      defaultAmountFen: 5000,
      newRule: { title: '网络咨询管理制度', version: '1.1', publishedOn: '2026-03-01' },
    });
    await ok(host, 'discipline.archiveViolationType', { code: 'DIS-3.18', archivedOn: '2026-03-01' });
    d.fine = await ok(host, 'discipline.recordSanction', { personId: ids.agent.id, date: '2026-03-02', code: 'X-1', sanction: 'fine', amountFen: 5000 });
    const warned = await ok(host, 'discipline.recordSanction', { personId: ids.agent.id, date: '2026-03-03', code: 'DIS-3.3', sanction: 'warning' });
    await ok(host, 'discipline.appealSanction', { id: warned.id, note: '有误会' });
    await ok(host, 'discipline.decideAppeal', { id: warned.id, uphold: true, reason: '维持原处理' });
    const review = await ok(host, 'discipline.recordSanction', { personId: leaver.id, date: '2026-03-04', code: 'CONF-1', sanction: 'termination-review' });
    await ok(host, 'discipline.voidSanction', { id: review.id, reason: '查无实据' });
    await ok(host, 'discipline.recordSanction', { personId: leaver.id, date: '2026-03-05', code: 'CONF-1', sanction: 'termination-review' });
    const [flag] = await ok(host, 'discipline.hrFlags', { status: 'open' });
    await ok(host, 'discipline.updateHrFlag', { id: flag.id, status: 'sent', note: '已发送人事部' });
    await ok(host, 'discipline.payFines', { sanctionIds: [d.fine.id], date: '2026-03-05' });
    d.reward = await ok(host, 'discipline.recommendReward', {
      personId: ids.agent.id,
      kind: 'bonus',
      title: '季度服务奖金',
      amountFen: 3000,
      reason: '满意度第一',
      date: '2026-03-06',
    });
    await ok(host, 'discipline.applyReward', { id: d.reward.id, deeds: '处理会话 1500 次', opinion: null });
    await ok(host, 'discipline.decideReward', { id: d.reward.id, step: 'hr-review', approve: true, note: null, by: '人事部' });
    await ok(host, 'discipline.decideReward', { id: d.reward.id, step: 'leadership-approval', approve: true, note: '同意' });
    await ok(host, 'discipline.payReward', { rewardId: d.reward.id, date: '2026-03-07' });
    const honour = await ok(host, 'discipline.recommendReward', {
      personId: ids.leader.id,
      kind: 'honour',
      title: 'service-star',
      reason: '好评最多',
      date: '2026-03-06',
    });
    await ok(host, 'discipline.voidReward', { id: honour.id, reason: '重复推荐' });
    await ok(host, 'discipline.recordFundEntry', { kind: 'spending', date: '2026-03-08', amountFen: 500, note: '团队下午茶' });
    await ok(host, 'discipline.closeFundMonth', { month: '2026-03', acknowledgeWarnings: true });
    const b001 = (await ok(host, 'people.list', { search: 'B001' }))[0];
    const sqlite = host.store().sqlite;
    sqlite
      .prepare(
        "insert into appraisal_cycles (period, kind, starts_on, ends_on, template_id, status, created_at) values ('2025-12', 'monthly', '2025-12-01', '2025-12-31', ?, 'locked', 'x')",
      )
      .run(template.id);
    sqlite
      .prepare(
        "insert into appraisals (cycle_id, person_id, template_id, state, total, grade, updated_at) values ((select id from appraisal_cycles where period = '2025-12'), ?, ?, 'locked', 88, 'good', 'x')",
      )
      .run(b001.id, template.id);
    const nominated = await ok(host, 'discipline.applyPromotion', { personId: b001.id, toRole: 'supervisor', appliedOn: '2026-03-15', note: '主管提名' });
    await ok(host, 'discipline.decidePromotion', { id: nominated.id, approve: true, by: '经理', effectiveOn: '2026-04-01' });
    const next = await ok(host, 'discipline.applyPromotion', { personId: b001.id, toRole: 'manager', appliedOn: '2026-03-20' });
    await ok(host, 'discipline.withdrawPromotion', { id: next.id, reason: '暂缓' });
    ids.discipline = d;
    // Leave, overtime and attendance: every write channel once.
    const annual = (await ok(host, 'leave.types')).find((t: any) => t.code === 'annual');
    const custom = await ok(host, 'leave.saveType', {
      name: '育儿假',
      paid: true,
      evidenceRequired: false,
      entitlement: 'cap',
      yearlyCapDays: 10,
      allowOverBalance: false,
      countsCalendarDays: false,
    });
    ids.leaveDraft = {
      personId: ids.leader.id,
      leaveTypeId: annual.id,
      startDate: '2026-03-04',
      startPart: 'full',
      endDate: '2026-03-04',
      endPart: 'full',
    };
    ids.leave = await ok(host, 'leave.request', { ...ids.leaveDraft, reason: null, evidence: null });
    await ok(host, 'leave.decide', { id: ids.leave.id, approve: true, reason: null });
    const withdrawn = await ok(host, 'leave.request', {
      ...ids.leaveDraft,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      reason: null,
      evidence: null,
    });
    await ok(host, 'leave.cancel', { id: withdrawn.id, reason: '计划有变' });
    await ok(host, 'leave.adjust', { personId: ids.leader.id, leaveTypeId: custom.id, year: 2026, days: 1, reason: '结转' });
    ids.overtimeDraft = { personId: ids.leader.id, date: '2026-03-07', startMinute: 540, plannedMinutes: 240, compensation: 'lieu' };
    const overtime = await ok(host, 'overtime.request', { ...ids.overtimeDraft, reason: null });
    await ok(host, 'overtime.decide', { id: overtime.id, approve: true, reason: null, acknowledgeWarnings: true });
    await ok(host, 'overtime.recordActual', { id: overtime.id, actualMinutes: 240 });
    const dropped = await ok(host, 'overtime.request', { ...ids.overtimeDraft, date: '2026-03-08', reason: null });
    await ok(host, 'overtime.cancel', { id: dropped.id, reason: null });
    await ok(host, 'attendance.importCommit', { file: clockCsv });
    const punch = await ok(host, 'attendance.addPunch', { personId: ids.leader.id, at: '2026-03-06 09:00', reason: '补录' });
    await ok(host, 'attendance.correctPunch', { id: punch.id, at: null, reason: '录错' });
    await ok(host, 'attendance.resolve', {
      personId: ids.leader.id,
      date: '2026-03-02',
      kind: 'missing-punch',
      resolution: 'corrected',
      at: '2026-03-02 16:05',
      note: '忘打卡',
    });
    // February: every group's (empty) roster published, so the month can close, reopen and close.
    for (const g of (await ok(host, 'people.org')).groups.filter((g: any) => !g.archivedOn)) {
      await ok(host, 'roster.publish', { month: '2026-02', groupId: g.id, acknowledgeIssues: true, note: null });
    }
    await ok(host, 'attendance.closeMonth', { month: '2026-02' });
    await ok(host, 'attendance.reopenMonth', { month: '2026-02', reason: '复核' });
    await ok(host, 'attendance.closeMonth', { month: '2026-02' });
    ids.backup = await ok(host, 'backup.create');
    await ok(host, 'system.switchProfile', { id: `person:${ids.leader.id}` });
    await ok(host, 'system.setLanguage', { lang: 'en' });
    await ok(host, 'system.setLanguage', { lang: 'zh-CN' });
  });
  afterAll(() => host.close());

  const reads = (): Array<[string, unknown]> => [
    ['system.status', {}],
    ['system.profiles', {}],
    ['backup.list', {}],
    ['backup.download', { name: ids.backup.name }],
    ['audit.history', { entity: 'person', entityId: ids.agent.id }],
    ['audit.history', { entity: 'setting', entityId: 'attendance.lateFineYuan' }],
    ['audit.history', { entity: 'nothing', entityId: 'none' }],
    ['people.org', {}],
    ['people.list', {}],
    ['people.list', { status: 'left' }],
    ['people.list', { groupId: null }],
    ['people.list', { search: '李', role: 'agent' }],
    ['people.get', { id: ids.agent.id }],
    ['people.exportXlsx', {}],
    ['people.exportXlsx', { status: 'active' }],
    ['people.importPreview', { file: csvPayload('工号,姓名,组别,岗位,入职日期\nC001,周杰,一组,组长,2025-02-29\n') }],
    ['settings.list', {}],
    ['settings.list', { onDate: '2025-01-01' }],
    ['settings.history', { key: 'appraisal.dimensionWeights' }],
    ['settings.rules', {}],
    ['roster.shiftTypes', {}],
    ['roster.coverage', { groupId: null }],
    ['roster.coverage', { groupId: ids.one }],
    ['roster.calendar', { year: 2026 }],
    ['roster.calendar', { year: 2030 }],
    ['roster.month', { month: '2026-03', groupId: null }],
    ['roster.month', { month: '2026-03', groupId: ids.one }],
    ['roster.check', { month: '2026-03', groupId: ids.one }],
    ['roster.changeLog', { month: '2026-03', groupId: null }],
    ['roster.wishes', { month: '2026-03' }],
    ['roster.swaps', {}],
    ['roster.swaps', { month: '2026-03', status: 'pending' }],
    ['roster.scheduleJob', { id: ids.job.id }],
    ['roster.staffing', { params: staffingParams, demand }],
    ['roster.importDemand', { file: demandCsv }],
    ['roster.coverageFromStaffing', { params: staffingParams, demand, groupId: null }],
    ['roster.previewHandover', { file: ids.handover }],
    ['roster.exportXlsx', { month: '2026-03', groupId: null }],
    ['appraisal.templates', {}],
    ['appraisal.cycles', {}],
    ['appraisal.cycles', { year: 2026 }],
    ['appraisal.board', { period: '2026-03', groupId: null }],
    ['appraisal.board', { period: '2026-Q2', groupId: null }],
    ['appraisal.get', { id: ids.appraisal }],
    ['appraisal.importPreview', { cycleId: ids.cycle, file: statsCsv }],
    ['appraisal.calibration', { period: '2026-03', groupId: null }],
    ['appraisal.calibration', { period: '2026-04', groupId: null }],
    ['appraisal.history', { personId: ids.leader.id }],
    ['appraisal.annual', { year: 2026, groupId: null }],
    ['appraisal.exportXlsx', { period: '2026-03', groupId: null }],
    ['appraisal.trainings', {}],
    ['appraisal.trainings', { personId: ids.agent.id, from: '2026-03-01', to: '2026-03-31' }],
    ['appraisal.plans', {}],
    ['appraisal.plans', { status: 'open' }],
    ['appraisal.flags', {}],
    ['discipline.catalogue', {}],
    ['discipline.catalogue', { includeArchived: true }],
    ['discipline.catalogueHistory', { code: 'X-1' }],
    ['discipline.sanctions', { from: '2026-03-01', to: '2026-03-31' }],
    ['discipline.sanctions', { from: '2026-03-01', to: '2026-03-31', personId: ids.agent.id, includeVoided: false }],
    ['discipline.sanction', { id: ids.discipline.fine.id }],
    ['discipline.personRecord', { personId: ids.agent.id }],
    ['discipline.rewards', {}],
    ['discipline.rewards', { status: 'approved', from: '2026-03-01' }],
    ['discipline.reward', { id: ids.discipline.reward.id }],
    ['discipline.fundMonth', { month: '2026-03' }],
    ['discipline.fundMonth', { month: '2026-04' }],
    ['discipline.fundYear', { year: 2026 }],
    ['discipline.exportFund', { month: '2026-03' }],
    ['discipline.exportMonth', { month: '2026-03' }],
    ['discipline.promotionCheck', { personId: ids.agent.id, toRole: 'leader', onDate: '2026-03-31' }],
    ['discipline.promotionBoard', { onDate: '2026-03-31' }],
    ['discipline.promotions', {}],
    ['discipline.hrFlags', {}],
    ['leave.types', {}],
    ['leave.requests', {}],
    ['leave.requests', { status: 'approved', groupId: ids.one }],
    ['leave.check', { ...ids.leaveDraft, startDate: '2026-03-16', endDate: '2026-03-17', endPart: 'am' }],
    ['leave.impact', { id: ids.leave.id }],
    ['leave.balances', { year: 2026, groupId: null }],
    ['leave.ledger', { personId: ids.leader.id, year: 2026 }],
    ['overtime.list', {}],
    ['overtime.check', ids.overtimeDraft],
    ['attendance.sheet', { month: '2026-03', groupId: null }],
    ['attendance.sheet', { month: '2026-02', groupId: ids.one }],
    ['attendance.day', { personId: ids.leader.id, date: '2026-03-02' }],
    ['attendance.punches', { from: '2026-03-01', to: '2026-03-31', includeVoided: true }],
    ['attendance.importPreview', { file: clockCsv }],
    ['attendance.flags', { year: 2026 }],
    ['attendance.exportXlsx', { month: '2026-03', groupId: null }],
  ];
  const writes = [
    'system.setLanguage',
    'system.switchProfile',
    // Browser mode answers printPdf with a rule error (the browser prints); see its own test.
    'system.printPdf',
    'backup.create',
    'backup.restore',
    'people.create',
    'people.update',
    'people.markLeft',
    'people.move',
    'people.renameDepartment',
    'people.createGroup',
    'people.renameGroup',
    'people.archiveGroup',
    'people.importCommit',
    'settings.change',
    'roster.saveShiftType',
    'roster.archiveShiftType',
    'roster.saveCoverage',
    'roster.loadOfficialCalendar',
    'roster.saveCalendar',
    'roster.importCalendar',
    'roster.setCells',
    'roster.lockCells',
    'roster.publish',
    'roster.saveWish',
    'roster.removeWish',
    'roster.requestSwap',
    'roster.decideSwap',
    'roster.cancelSwap',
    'roster.autoSchedule',
    'roster.cancelSchedule',
    'roster.exportHandover',
    'roster.applyHandover',
    'appraisal.saveTemplate',
    'appraisal.startCycle',
    'appraisal.addMissing',
    'appraisal.setTargets',
    'appraisal.saveSelf',
    'appraisal.saveSuperior',
    'appraisal.savePeer',
    'appraisal.setIndicators',
    'appraisal.importCommit',
    'appraisal.consolidate',
    'appraisal.recordFeedback',
    'appraisal.returnStep',
    'appraisal.lock',
    'appraisal.saveSummary',
    'appraisal.recordTraining',
    'appraisal.updatePlan',
    'discipline.saveViolationType',
    'discipline.archiveViolationType',
    'discipline.recordSanction',
    'discipline.appealSanction',
    'discipline.decideAppeal',
    'discipline.voidSanction',
    'discipline.recommendReward',
    'discipline.applyReward',
    'discipline.decideReward',
    'discipline.voidReward',
    'discipline.recordFundEntry',
    'discipline.payFines',
    'discipline.payReward',
    'discipline.closeFundMonth',
    'discipline.applyPromotion',
    'discipline.decidePromotion',
    'discipline.withdrawPromotion',
    'discipline.updateHrFlag',
    'leave.saveType',
    'leave.request',
    'leave.decide',
    'leave.cancel',
    'leave.adjust',
    'overtime.request',
    'overtime.decide',
    'overtime.cancel',
    'overtime.recordActual',
    'attendance.importCommit',
    'attendance.addPunch',
    'attendance.correctPunch',
    'attendance.resolve',
    'attendance.closeMonth',
    'attendance.reopenMonth',
  ];

  it('every channel is either a read below or a write exercised above', () => {
    expect([...new Set([...reads().map(([c]) => c), ...writes])].sort()).toEqual(channelIds(contract).sort());
  });

  it('every read channel answers ok, with output matching the contract', async () => {
    for (const [channel, input] of reads()) {
      const result = await host.dispatch(channel, input);
      expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`, channel).toBe('ok');
    }
  });

  it('backup.restore (the last write) also matches its output contract', async () => {
    const result = await ok(host, 'backup.restore', { name: ids.backup.name });
    expect(result.safetyBackup).toBeTruthy();
  });
});
