import { describe, it, expect } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { testHost, ok, fails, count, hostCtx, upload, xlsx } from '../helpers/host.ts';
import { onAttendanceMonthClosed, closedMonthConsequences, type ClosedMonth } from '../../main/attendance/events.ts';
import { setUpTeam, teamForEachTest, monthOfPunches, clockCsv, CLOCK_HEADER, MONTH, type Team } from './attendance-team.ts';

// Clock records (ATT-1), the month judged against the published roster (ATT-2…7), anomalies
// resolved by the supervisor, ATT-6 flags, the sheet and its XLSX, closing the month; through
// the dispatcher on a real data file.

let host: AppHost;
let team: Team;
teamForEachTest((h, t) => {
  host = h;
  team = t;
});

const csv = (lines: string[], header = CLOCK_HEADER, encoding: 'gbk' | 'utf8' = 'gbk') =>
  clockCsv(lines, encoding, '考勤机导出.csv', { header });
const importLines = async (lines: string[]) => ok(host, 'attendance.importCommit', { file: csv(lines) });
const sheetOf = () => ok(host, 'attendance.sheet', { month: MONTH, groupId: null });
const row = (sheet: any, no: string) => sheet.people.find((p: any) => p.employeeNo === no);
const cell = (sheet: any, no: string, date: string) => row(sheet, no).cells[Number(date.slice(8)) - 1];
const tables = ['punches', 'import_profiles', 'attendance_resolutions', 'attendance_days', 'attendance_months', 'audit_log'];
const counts = () => Object.fromEntries(tables.map((t) => [t, count(host, t)]));

describe('ATT-1: importing clock files', () => {
  it('a GBK file with Chinese headers: duplicates dropped, unknown employee numbers listed, preview first, one audit row', async () => {
    const lines = [
      ...monthOfPunches().slice(0, 4),
      'A1,张伟,2026-03-02 08:55:00',
      'Z9,外包,2026-03-02 09:00:00',
      'Z9,外包,2026-03-02 18:00:00',
    ];
    const before = counts();
    const preview = await ok(host, 'attendance.importPreview', { file: csv(lines) });
    expect(preview).toMatchObject({
      encoding: 'GBK',
      mapping: ['employeeNo', 'name', 'dateTime'],
      rowCount: 7,
      newPunches: 4,
      duplicates: 1,
      unknown: [{ employeeNo: 'Z9', name: '外包', rows: 2, firstRow: 7 }],
      problemCount: 0,
      from: '2026-03-02',
    });
    expect(counts()).toEqual(before);
    expect(await importLines(lines)).toMatchObject({ created: 4, duplicates: 1, unknown: 2 });
    expect(count(host, 'punches')).toBe(4);
    const audit = host.store().sqlite.prepare("select after from audit_log where entity = 'punchImport'").all() as Array<{ after: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ file: '考勤机导出.csv', created: 4, duplicates: 1, unknown: ['Z9'] });
    // The same file again: everything is already there.
    expect(await importLines(lines)).toMatchObject({ created: 0, duplicates: 5 });
  });

  it('dates in three formats and separate date and time columns; the mapping is remembered for the next file with those headers', async () => {
    const header = '人员编号,考勤日期,考勤时刻,机器号';
    const lines = ['A1,2026-03-02,8:55,1号机', 'A1,2026/3/2,17:05:30,1号机', 'A2,2026年3月2日,08:58,2号机'];
    const first = await ok(host, 'attendance.importPreview', { file: csv(lines, header) });
    // "人员编号" is a known spelling, "考勤日期" too; "考勤时刻" and "机器号" as well.
    expect(first.mapping).toEqual(['employeeNo', 'date', 'time', 'device']);
    expect(first.remembered).toBe(false);
    // The supervisor decides the device column is not wanted, and imports.
    await ok(host, 'attendance.importCommit', { file: csv(lines, header), mapping: ['employeeNo', 'date', 'time', null] });
    const punches = await ok(host, 'attendance.punches', { from: '2026-03-02', to: '2026-03-02' });
    expect(punches.rows.map((p: any) => [p.employeeNo, p.at, p.device])).toEqual([
      ['A1', '2026-03-02 08:55:00', null],
      ['A2', '2026-03-02 08:58:00', null],
      ['A1', '2026-03-02 17:05:30', null],
    ]);
    const again = await ok(host, 'attendance.importPreview', { file: csv(['A3,2026-03-03,09:01'], header) });
    expect(again).toMatchObject({ remembered: true, mapping: ['employeeNo', 'date', 'time', null], newPunches: 1 });
  });

  it.each([
    [
      'a UTF-16 file (neither UTF-8 nor GBK)',
      () => upload('工号,姓名,打卡时间\r\nA1,张伟,2026-03-02 08:55:00\r\n', 'x.csv', 'utf16le'),
      'mapping',
    ],
    ['a file without a time column', () => csv(['A1,张伟,2026-03-02'], '工号,姓名,备注'), 'mapping'],
    ['a file without the employee number', () => csv(['张伟,2026-03-02 08:55'], '姓名,打卡时间'), 'mapping'],
    ['a time of 25:00', () => csv(['A1,张伟,2026-03-02 08:55', 'A1,张伟,2026-03-02 25:00']), 'dateTime'],
    ['a date that does not exist', () => csv(['A1,张伟,2026-02-30 08:55']), 'dateTime'],
    ['a punch after today', () => csv(['A1,张伟,2099-03-02 08:55']), 'dateTime'],
    ['a punch before the person was hired', () => csv(['A1,张伟,2023-03-02 08:55']), 'dateTime'],
    ['an empty file', () => csv([]), 'mapping'],
  ])('%s is refused with where and why, and changes nothing', async (_label, make, path) => {
    const before = counts();
    const error = await fails(host, 'attendance.importCommit', { file: make() });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.some((d) => d.path === path || d.path === 'file')).toBe(true);
    if (path === 'dateTime') expect(error.details?.every((d) => d.row !== undefined)).toBe(true);
    expect(counts()).toEqual(before);
  });

  it('the row of a 25:00 punch is named in the preview, in the user’s language', async () => {
    const preview = await ok(host, 'attendance.importPreview', { file: csv(['A1,张伟,2026-03-02 08:55', 'A1,张伟,2026-03-02 25:00']) });
    expect(preview.rows).toEqual([
      {
        row: 3,
        employeeNo: 'A1',
        name: '张伟',
        at: '2026-03-02 25:00',
        problems: [{ row: 3, path: 'dateTime', message: expect.stringContaining('2026-03-02 25:00') }],
      },
    ]);
    await ok(host, 'system.setLanguage', { lang: 'en' });
    const english = await ok(host, 'attendance.importPreview', { file: csv(['A1,张伟,2026-03-02 25:00']) });
    expect(english.rows[0].problems[0].message).toMatch(/^Unrecognised punch time/);
    await ok(host, 'system.setLanguage', { lang: 'zh-CN' });
  });
});

describe('ATT-2…7: the month judged against the published roster', () => {
  it('marks lateness by tier, absence, leave and missing punches; totals and deductions per person', async () => {
    await importLines(
      monthOfPunches({
        skip: [
          'A1,张伟,2026-03-03 08:55',
          'A1,张伟,2026-03-04 08:55',
          'A1,张伟,2026-03-05 08:55',
          'A2,李娜,2026-03-06',
          'A3,王芳,2026-03-09 17:02',
        ],
        extra: ['A1,张伟,2026-03-03 09:15:00', 'A1,张伟,2026-03-04 09:15:01', 'A1,张伟,2026-03-05 10:00:01'],
      }),
    );
    const sheet = await sheetOf();
    expect(cell(sheet, 'A1', '2026-03-02')).toBe('present');
    expect(cell(sheet, 'A1', '2026-03-03')).toBe('late'); // exactly 15:00 late: the fine tier
    expect(cell(sheet, 'A1', '2026-03-04')).toBe('absentHalf');
    expect(cell(sheet, 'A1', '2026-03-05')).toBe('absent');
    expect(cell(sheet, 'A1', '2026-03-07')).toBe('rest');
    expect(cell(sheet, 'A2', '2026-03-06')).toBe('absent');
    expect(cell(sheet, 'A3', '2026-03-09')).toBe('missing');
    expect(row(sheet, 'A1').totals).toMatchObject({
      lateCount: 1,
      lateMinutes: 15,
      absenceDays: 1.5,
      fineFen: 2000,
      absenceDeductionFen: 90_000,
      totalDeductionFen: 92_000,
    });
    expect(sheet.anomalies).toEqual([
      expect.objectContaining({ employeeNo: 'A3', date: '2026-03-09', kind: 'missing-punch', missing: 'out' }),
    ]);
    expect(sheet.closeBlockers).toEqual([expect.stringContaining('1 条异常')]);
  });

  it('a roster that is not published is not judged, and the month cannot close', async () => {
    const other = await testHost();
    try {
      await setUpTeam(other, { publish: false });
      const sheet = await ok(other, 'attendance.sheet', { month: MONTH, groupId: null });
      expect(sheet.unpublished).toEqual(['一组']);
      expect(sheet.people[0].cells.every((c: string) => c === 'unpublished')).toBe(true);
      expect((await fails(other, 'attendance.closeMonth', { month: MONTH })).message).toContain('一组');
    } finally {
      other.close();
    }
  });

  it('the supervisor resolves missing punches (a correction with its reason, or absence), then closes; closed is closed', async () => {
    await importLines(monthOfPunches({ skip: ['A3,王芳,2026-03-09 17:02', 'A2,李娜,2026-03-10 08:55'] }));
    expect((await sheetOf()).anomalies).toHaveLength(2);
    expect((await fails(host, 'attendance.closeMonth', { month: MONTH })).code).toBe('RULE_VIOLATION');
    // A wrong kind of resolution is refused, as is a correction without its time.
    expect(
      (
        await fails(host, 'attendance.resolve', {
          personId: team.people.A3,
          date: '2026-03-09',
          kind: 'missing-punch',
          resolution: 'ignored',
          at: null,
          note: '忘打卡',
        })
      ).code,
    ).toBe('VALIDATION');
    expect(
      (
        await fails(host, 'attendance.resolve', {
          personId: team.people.A3,
          date: '2026-03-09',
          kind: 'missing-punch',
          resolution: 'corrected',
          at: null,
          note: '忘打卡',
        })
      ).details?.[0]?.path,
    ).toBe('at');
    const corrected = await ok(host, 'attendance.resolve', {
      personId: team.people.A3,
      date: '2026-03-09',
      kind: 'missing-punch',
      resolution: 'corrected',
      at: '2026-03-09 17:00',
      note: '下班忘打卡，组长证明',
    });
    expect(corrected.result).toMatchObject({
      marks: ['present'],
      out: '2026-03-09 17:00:00',
      resolution: { resolution: 'corrected', note: '下班忘打卡，组长证明' },
    });
    const absent = await ok(host, 'attendance.resolve', {
      personId: team.people.A2,
      date: '2026-03-10',
      kind: 'missing-punch',
      resolution: 'absence',
      at: null,
      note: '上午未到岗',
    });
    expect(absent.result).toMatchObject({ marks: ['absent'], absenceDays: 1 });
    const manual = host.store().sqlite.prepare("select source, reason, created_by as by from punches where source = 'manual'").all();
    expect(manual).toEqual([{ source: 'manual', reason: '下班忘打卡，组长证明', by: '主管' }]);

    const closed: ClosedMonth[] = [];
    const stop = onAttendanceMonthClosed((_ctx, month, audit) => {
      closed.push(month);
      audit({ action: 'test', entity: 'discipline', entityId: month.month });
    });
    try {
      const result = await ok(host, 'attendance.closeMonth', { month: MONTH });
      expect(result.days).toBe(4 * 31);
    } finally {
      stop();
    }
    expect(closed[0]!.people.find((p) => p.employeeNo === 'A2')!.absences).toEqual([
      { date: '2026-03-10', days: 1, deductionFen: 60_000, reason: 'missingPunch' },
    ]);
    expect(closedMonthConsequences(hostCtx(host), MONTH).map((p) => p.employeeNo)).toEqual(['A2']);
    expect(count(host, 'attendance_days')).toBe(124);
    const stored = await sheetOf();
    expect(stored.status).toBe('closed');
    expect(cell(stored, 'A2', '2026-03-10')).toBe('absent');

    // Closed: punches, resolutions, leave and overtime on its days are refused until it is reopened.
    const before = counts();
    expect((await fails(host, 'attendance.addPunch', { personId: team.people.A1, at: '2026-03-02 12:00', reason: '补录' })).code).toBe(
      'CONFLICT',
    );
    expect((await fails(host, 'attendance.importCommit', { file: csv(['A1,张伟,2026-03-02 12:00']) })).code).toBe('VALIDATION');
    expect(counts()).toEqual(before);
    // A settings change after closing does not rewrite it.
    await ok(host, 'settings.change', { key: 'attendance.absenceWageMultiple', value: 1, effectiveFrom: '2026-01-01', ruleDocumentId: 3 });
    expect(row(await sheetOf(), 'A2').totals.absenceDeductionFen).toBe(60_000);
    await ok(host, 'attendance.reopenMonth', { month: MONTH, reason: '更正扣款倍数' });
    expect(count(host, 'attendance_days')).toBe(0);
    expect(row(await sheetOf(), 'A2').totals.absenceDeductionFen).toBe(30_000);
  });

  it('punches on a rest day without approved overtime are flagged; approved overtime counts at its multiplier', async () => {
    await importLines([
      ...monthOfPunches(),
      'A1,张伟,2026-03-07 10:00',
      'A1,张伟,2026-03-07 14:00',
      'A2,李娜,2026-03-14 09:00',
      'A2,李娜,2026-03-14 13:00',
    ]);
    const overtime = await ok(host, 'overtime.request', {
      personId: team.people.A2,
      date: '2026-03-14',
      startMinute: 540,
      plannedMinutes: 240,
      compensation: 'pay',
      reason: '活动值守',
    });
    await ok(host, 'overtime.decide', { id: overtime.id, approve: true, reason: null, acknowledgeWarnings: true });
    const sheet = await sheetOf();
    expect(cell(sheet, 'A1', '2026-03-07')).toBe('rest+unapproved');
    expect(cell(sheet, 'A2', '2026-03-14')).toBe('rest+overtime');
    expect(row(sheet, 'A2').totals.overtimeMinutes).toEqual({ '2': 240 });
    expect(sheet.anomalies.map((a: any) => [a.employeeNo, a.kind])).toEqual([['A1', 'unapproved-overtime']]);
    await ok(host, 'attendance.resolve', {
      personId: team.people.A1,
      date: '2026-03-07',
      kind: 'unapproved-overtime',
      resolution: 'counted',
      at: null,
      note: '临时支援，事后认可',
    });
    const after = await sheetOf();
    expect(cell(after, 'A1', '2026-03-07')).toBe('overtime');
    expect(row(after, 'A1').totals.overtimeMinutes).toEqual({ '2': 240 });
    expect(after.anomalies).toEqual([]);
  });

  it('manual punches and corrections keep every version with its reason', async () => {
    const added = await ok(host, 'attendance.addPunch', {
      personId: team.people.A1,
      at: '2026-03-02 08:58',
      reason: '考勤机故障，手工补录',
    });
    expect(added).toMatchObject({ at: '2026-03-02 08:58:00', source: 'manual', reason: '考勤机故障，手工补录' });
    expect((await fails(host, 'attendance.addPunch', { personId: team.people.A1, at: '2026-03-02 08:58:00', reason: '重复' })).code).toBe(
      'CONFLICT',
    );
    const fixed = await ok(host, 'attendance.correctPunch', { id: added.id, at: '2026-03-02 08:48', reason: '时间录错' });
    expect(fixed.voided).toMatchObject({ id: added.id, voidReason: '时间录错' });
    expect(fixed.added).toMatchObject({ at: '2026-03-02 08:48:00' });
    const day = await ok(host, 'attendance.day', { personId: team.people.A1, date: '2026-03-02' });
    expect(day.punches.map((p: any) => [p.at, p.voidedAt !== null])).toEqual([
      ['2026-03-02 08:48:00', false],
      ['2026-03-02 08:58:00', true],
    ]);
    expect(day.result).toMatchObject({ marks: ['missing'], anomaly: { missing: 'out' } });
    // The next day nobody clocked at all: the clock file is missing, nobody is judged absent.
    expect((await ok(host, 'attendance.day', { personId: team.people.A1, date: '2026-03-03' })).result).toMatchObject({
      marks: ['nodata'],
      absenceDays: 0,
    });
    expect((await ok(host, 'attendance.sheet', { month: MONTH, groupId: null })).closeBlockers).toContainEqual(
      expect.stringContaining('没有任何打卡数据'),
    );
    const audit = host.store().sqlite.prepare("select action from audit_log where entity = 'punch' order by id").all();
    expect(audit).toEqual([{ action: 'create' }, { action: 'void' }, { action: 'create' }]);
    // An import never brings a voided punch back.
    expect(await importLines(['A1,张伟,2026-03-02 08:58:00'])).toMatchObject({ created: 0, duplicates: 1 });
  });
});

describe('ATT-6: flags for HR, across a month boundary', () => {
  it('two days of absence at the end of March and two at the start of April are four in a row', async () => {
    await importLines(monthOfPunches({ skip: ['A2,李娜,2026-03-30', 'A2,李娜,2026-03-31'] }));
    await ok(host, 'attendance.closeMonth', { month: MONTH });
    // April: published, A2 absent on the first two weekdays.
    const aprilDays = ['2026-04-01', '2026-04-02', '2026-04-03'];
    const changes = aprilDays.flatMap((date) => ['A1', 'A2'].map((no) => ({ personId: team.people[no], date, value: team.E })));
    await ok(host, 'roster.setCells', { changes, source: 'manual' });
    await ok(host, 'roster.publish', { month: '2026-04', groupId: team.groupId, acknowledgeIssues: true, note: null });
    // 张伟 clocks every day; 李娜 only on the 3rd.
    await importLines([
      ...aprilDays.flatMap((date) => [`A1,张伟,${date} 08:55`, `A1,张伟,${date} 17:01`]),
      'A2,李娜,2026-04-03 08:55',
      'A2,李娜,2026-04-03 17:01',
    ]);
    const april = await ok(host, 'attendance.sheet', { month: '2026-04', groupId: team.groupId });
    expect(april.flags).toEqual([
      expect.objectContaining({
        employeeNo: 'A2',
        kind: 'consecutive',
        days: 4,
        dates: ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'],
      }),
    ]);
    const year = await ok(host, 'attendance.flags', { year: 2026 });
    expect(year.map((f: any) => [f.employeeNo, f.kind, f.days])).toEqual([['A2', 'consecutive', 4]]);
  });
});

describe('the attendance sheet (考勤表) as XLSX', () => {
  it('has the title with department, month and producer, people × days with symbols, the totals and a legend', async () => {
    await importLines(monthOfPunches({ skip: ['A1,张伟,2026-03-03 08:55', 'A2,李娜,2026-03-06'], extra: ['A1,张伟,2026-03-03 09:10:00'] }));
    const output = await ok(host, 'attendance.exportXlsx', { month: MONTH, groupId: team.groupId });
    expect(output.fileName).toBe('考勤表-一组-2026-03.xlsx');
    const workbook = await xlsx(output);
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toBe('考勤表');
    expect(ws.getCell('A1').value).toBe('网络咨询部 2026年3月考勤表');
    expect(String(ws.getCell('A2').value)).toMatch(/范围：一组 +制表人：主管 +制表时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2} +状态：未结账/);
    const header = ws.getRow(3).values as unknown[];
    expect(header.slice(1, 5)).toEqual(['工号', '姓名', '组别', 1]);
    expect(ws.getRow(4).getCell(5).value).toBe('一'); // 2026-03-02 is a Monday
    const a1 = ws.getRow(5);
    expect([a1.getCell(1).value, a1.getCell(2).value, a1.getCell(3).value]).toEqual(['A1', '张伟', '一组']);
    expect([a1.getCell(4).value, a1.getCell(5).value, a1.getCell(6).value]).toEqual(['休', '√', '迟']);
    const column = (title: string) => header.indexOf(title);
    expect(a1.getCell(column('迟到（次）')).value).toBe(1);
    expect(a1.getCell(column('迟到（分钟）')).value).toBe(10);
    expect(a1.getCell(column('罚款（元）')).value).toBe(20);
    const a2 = ws.getRow(6);
    expect(a2.getCell(4 + 5).value).toBe('旷');
    expect(a2.getCell(column('旷工（天）')).value).toBe(1);
    expect(a2.getCell(column('旷工扣款（元）')).value).toBe(600);
    expect(a2.getCell(column('年假（天）')).value).toBe(0);
    const texts: string[] = [];
    ws.eachRow((r) => texts.push(String(r.getCell(1).value ?? '')));
    expect(texts).toContain('图例');
    expect(texts.some((t) => t.includes('√ 出勤') && t.includes('旷 旷工一天') && t.includes('年 年假'))).toBe(true);
    expect(texts.some((t) => t.includes('15 分钟以内每次罚款 20 元'))).toBe(true);
    expect(workbook.worksheets[1]!.name).toBe('异常与提示');
  });
});
