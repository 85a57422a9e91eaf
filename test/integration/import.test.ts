import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { seedDatabase } from '../../main/seed/index.ts';
import { testHost, tempDir, ok, fails, count, migrationsFolder } from '../helpers/host.ts';

// People import (ORG-3): CSV (UTF-8 with or without BOM, GBK) and XLSX, Chinese or English
// headers, all or nothing. Row numbers are those the user sees in the file: the header is row 1.

const csv = (text: string, fileName = '人员.csv') => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });
const bytes = (content: Buffer, fileName: string) => ({ fileName, contentBase64: content.toString('base64') });

async function xlsx(rows: ExcelJS.CellValue[][], configure?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员');
  for (const row of rows) sheet.addRow(row);
  configure?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const header = '工号,姓名,组别,岗位,职能,入职日期,首次参加工作日期,日工资,电话,备注';

function tableCounts(host: AppHost) {
  return Object.fromEntries(['people', 'groups', 'group_moves', 'audit_log'].map((t) => [t, count(host, t)]));
}

const people = async (host: AppHost) =>
  (await ok(host, 'people.list', {})).map((p: any) => ({
    employeeNo: p.employeeNo,
    name: p.name,
    group: p.groupName,
    role: p.role,
    function: p.function,
    hireDate: p.hireDate,
    firstEmploymentDate: p.firstEmploymentDate,
    status: p.status,
    leftOn: p.leftOn,
    dailyWageFen: p.dailyWageFen,
    phone: p.phone,
    note: p.note,
  }));

let host: AppHost;
beforeEach(async () => {
  host = await testHost();
});
afterEach(() => host.close());

describe('reading files', () => {
  const text = `${header}\nA001,张伟,一组,组长,客服,2024-02-29,2020-07-01,300,13800138000,早班\nA002,李娜,一组,组员,技术支持,2025-03-01,,250.5,,\n`;

  it('decodes a GBK-encoded CSV with Chinese headers', async () => {
    const preview = await ok(host, 'people.importPreview', { file: bytes(iconv.encode(text, 'gbk'), '考勤导出.csv') });
    expect(preview.encoding).toBe('GBK');
    expect(preview.headers).toEqual(header.split(','));
    expect(preview.mapping).toEqual([
      'employeeNo',
      'name',
      'group',
      'role',
      'function',
      'hireDate',
      'firstEmploymentDate',
      'dailyWage',
      'phone',
      'note',
    ]);
    expect(preview.rows.map((r: any) => [r.row, r.name, r.group, r.problems])).toEqual([
      [2, '张伟', '一组', []],
      [3, '李娜', '一组', []],
    ]);
    expect(preview.newGroups).toEqual(['一组']);
  });

  it.each([
    ['UTF-8 without BOM', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
  ])('reads %s', async (_label, content) => {
    const preview = await ok(host, 'people.importPreview', { file: bytes(content, 'people.csv') });
    expect(preview.encoding).toBe('UTF-8');
    expect(preview.headers[0]).toBe('工号');
    expect(preview.mapping[0]).toBe('employeeNo');
    expect(preview.mappingProblems).toEqual([]);
    expect(preview.rows.map((r: any) => r.name)).toEqual(['张伟', '李娜']);
    expect(preview.problemCount).toBe(0);
  });

  it('GBK and UTF-8 files with the same content import the same people', async () => {
    await ok(host, 'people.importCommit', { file: bytes(iconv.encode(text, 'gbk'), 'a.csv') });
    const fromGbk = await people(host);
    const other = await testHost();
    try {
      await ok(other, 'people.importCommit', { file: csv(text) });
      expect(await people(other)).toEqual(fromGbk);
    } finally {
      other.close();
    }
    expect(fromGbk[1]).toMatchObject({
      name: '李娜',
      function: 'tech',
      dailyWageFen: 25050,
      firstEmploymentDate: '2025-03-01',
      phone: null,
    });
  });

  it('reads an XLSX built with exceljs: date cells, number cells, formulas and rich text', async () => {
    const content = await xlsx(
      [
        ['工号', '姓名', '组别', '岗位', '入职日期', '日工资', '电话', '首次参加工作日期'],
        [10086, '张伟', '一组', '组长', new Date(Date.UTC(2024, 1, 29)), 300, 13800138000, new Date(Date.UTC(2019, 6, 1))],
        ['A002', { formula: 'CONCATENATE("李","娜")', result: '李娜' }, '一组', '组员', 45352, 250.5, '010-88886666', null],
        [
          'A003',
          { richText: [{ text: '王' }, { text: '芳', font: { bold: true } }] },
          '二组',
          '组员',
          '2026年3月1日',
          '￥199.99',
          null,
          null,
        ],
      ],
      (sheet) => {
        sheet.getCell('E2').numFmt = 'yyyy/m/d';
      },
    );
    const preview = await ok(host, 'people.importPreview', { file: bytes(content, '人员.xlsx') });
    expect(preview.encoding).toBe('XLSX');
    expect(preview.problemCount).toBe(0);
    expect(preview.rows.map((r: any) => [r.row, r.employeeNo, r.name, r.hireDate])).toEqual([
      [2, '10086', '张伟', '2024-02-29'],
      [3, 'A002', '李娜', '45352'],
      [4, 'A003', '王芳', '2026年3月1日'],
    ]);
    const result = await ok(host, 'people.importCommit', { file: bytes(content, '人员.xlsx') });
    expect(result).toEqual({ created: 3, groupsCreated: ['一组', '二组'] });
    expect(await people(host)).toEqual([
      expect.objectContaining({
        employeeNo: '10086',
        hireDate: '2024-02-29',
        firstEmploymentDate: '2019-07-01',
        dailyWageFen: 30000,
        phone: '13800138000',
        role: 'leader',
      }),
      expect.objectContaining({ employeeNo: 'A002', name: '李娜', hireDate: '2024-03-01', dailyWageFen: 25050, phone: '010-88886666' }),
      expect.objectContaining({ employeeNo: 'A003', name: '王芳', hireDate: '2026-03-01', dailyWageFen: 19999, group: '二组' }),
    ]);
  });

  it('XLSX row numbers are the sheet rows, blank rows included', async () => {
    const content = await xlsx([
      ['工号', '姓名', '组别', '岗位', '入职日期'],
      ['A001', '张伟', '一组', '组员', '2025-01-01'],
      [],
      [],
      ['A002', '李娜', '一组', '老板', '2025-01-01'],
    ]);
    const preview = await ok(host, 'people.importPreview', { file: bytes(content, 'p.xlsx') });
    expect(preview.rows.map((r: any) => r.row)).toEqual([2, 5]);
    expect(preview.rows[1].problems).toEqual([expect.objectContaining({ row: 5, path: 'role' })]);
  });

  it('English headers map to the same fields as Chinese ones', async () => {
    const english = 'Employee No,Name,Group,Role,Function,Hire Date,First Employment Date,Daily Wage,Phone,Remarks';
    const rows =
      '\nA001,Zhang Wei,Team 1,Group Leader,Customer Service,2024-02-29,2020-07-01,300,13800138000,early\nA002,Li Na,Team 1,Agent,Technical Support,2025-03-01,,250.5,,\n';
    const chinese = await ok(host, 'people.importPreview', { file: csv(header + rows) });
    const preview = await ok(host, 'people.importPreview', { file: csv(english + rows) });
    expect(preview.mapping).toEqual(chinese.mapping);
    expect(preview.mappingProblems).toEqual([]);
    expect(preview.problemCount).toBe(0);
    await ok(host, 'people.importCommit', { file: csv(english + rows) });
    expect(await people(host)).toEqual([
      expect.objectContaining({ name: 'Zhang Wei', group: 'Team 1', role: 'leader', function: 'service', note: 'early' }),
      expect.objectContaining({ name: 'Li Na', role: 'agent', function: 'tech', dailyWageFen: 25050 }),
    ]);
  });

  it('dates in several formats and Excel serials parse right; 2024-02-29 (leap year) is accepted', async () => {
    const formats: Array<[string, string]> = [
      ['2026-03-01', '2026-03-01'],
      ['2026/3/1', '2026-03-01'],
      ['2026.3.1', '2026-03-01'],
      ['2026年3月1日', '2026-03-01'],
      ['20260301', '2026-03-01'],
      ['46082', '2026-03-01'],
      ['45351', '2024-02-29'],
      ['2024-02-29', '2024-02-29'],
      ['2024/2/29', '2024-02-29'],
      ['2025-12-31', '2025-12-31'],
    ];
    const text = ['工号,姓名,组别,岗位,入职日期', ...formats.map(([d], i) => `D${i},测试${i},一组,组员,${d}`)].join('\n');
    const preview = await ok(host, 'people.importPreview', { file: csv(text) });
    expect(preview.problemCount).toBe(0);
    await ok(host, 'people.importCommit', { file: csv(text) });
    const byNo = new Map((await people(host)).map((p: any) => [p.employeeNo, p.hireDate]));
    formats.forEach(([, expected], i) => expect(byNo.get(`D${i}`), formats[i]![0]).toBe(expected));
  });
});

describe('all or nothing', () => {
  /** A file whose rows 3…9 each break one rule; rows 2 and 10 are fine. */
  const bad = [
    header,
    'A001,张伟,一组,组长,客服,2024-02-29,2020-07-01,300,13800138000,', // 2 ok
    'A002,李娜,一组,组员,客服,2025-02-29,,,,', // 3 impossible date
    'A003,王芳,一组,老板,客服,2025-01-01,,,,', // 4 unknown role
    'A001,赵敏,二组,组员,客服,2025-01-01,,,,', // 5 employee number twice in the file
    'E900,孙磊,二组,组员,客服,2025-01-01,,,,', // 6 employee number already in the database
    'A006,周杰,一组,组长,客服,2025-01-01,,,,', // 7 second leader in the file for 一组 (ORG-1)
    'A007,吴昊,,组长,客服,2025-01-01,,,,', // 8 leader without a group (ORG-1)
    'A008,冯雪,二组,组长,客服,2025-01-01,,,,', // 9 二组 already has a leader in the database (ORG-1)
    'A009,郑爽,二组,组员,客服,2025-01-01,,,,', // 10 ok
  ];
  const expectedProblems: Array<[number, string]> = [
    [3, 'hireDate'],
    [4, 'role'],
    [5, 'employeeNo'],
    [6, 'employeeNo'],
    [7, 'role'],
    [8, 'group'],
    [9, 'role'],
  ];

  beforeEach(async () => {
    const two = await ok(host, 'people.createGroup', { name: '二组' });
    await ok(host, 'people.create', {
      employeeNo: 'E900',
      name: '钱七',
      role: 'leader',
      function: 'service',
      hireDate: '2020-01-01',
      firstEmploymentDate: '2020-01-01',
      groupId: two.id,
    });
  });

  it('ORG-1, ORG-3: the preview lists every bad row with its row number and field; the commit writes nothing', async () => {
    const file = csv(bad.join('\n'));
    const before = tableCounts(host);
    const preview = await ok(host, 'people.importPreview', { file });
    expect(preview.rowCount).toBe(9);
    expect(preview.problemCount).toBe(expectedProblems.length);
    const listed = preview.rows.flatMap((r: any) => r.problems.map((p: any) => [p.row, p.path]));
    expect(listed).toEqual(expectedProblems);
    for (const r of preview.rows) for (const p of r.problems) expect(p.row).toBe(r.row);
    expect(preview.rows.find((r: any) => r.row === 5).problems[0].message).toContain('2'); // names the other row
    expect(preview.rows.find((r: any) => r.row === 6).problems[0].message).toContain('钱七');
    expect(preview.rows.find((r: any) => r.row === 3).problems[0].message).toContain('2025-02-29');
    expect(preview.rows.find((r: any) => r.row === 7).problems[0].message).toContain('ORG-1');
    expect(preview.newGroups).toEqual(['一组']);
    expect(tableCounts(host)).toEqual(before);

    const error = await fails(host, 'people.importCommit', { file });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.map((d) => [d.row, d.path])).toEqual(expectedProblems);
    expect(error.message).toMatch(/7/);
    expect(tableCounts(host)).toEqual(before);
    expect(await ok(host, 'people.org')).toMatchObject({ groups: [{ name: '二组' }] });
  });

  it('after fixing the file everything is imported, new groups are created, and every row shares the import batch id', async () => {
    const fixed = [
      header,
      'A001,张伟,一组,组长,客服,2024-02-29,2020-07-01,300,13800138000,',
      'A002,李娜,一组,组员,客服,2025-02-28,,,,',
      'A003,王芳,一组,组员,客服,2025-01-01,,,,',
      'A004,赵敏,二组,组员,客服,2025-01-01,,,,',
      'A005,孙磊,二组,组员,数据分析,2025-01-01,,,,',
      'A006,周杰,三组,组长,客服,2025-01-01,,,,',
      'A007,吴昊,,主管,客服,2025-01-01,,,,',
      'A008,冯雪,三组,组员,运营,2025-01-01,,,,',
      'A009,郑爽,二组,组员,客服,2025-01-01,,,,',
    ];
    const file = csv(fixed.join('\n'));
    const before = tableCounts(host);
    const preview = await ok(host, 'people.importPreview', { file });
    expect(preview.problemCount).toBe(0);
    const result = await ok(host, 'people.importCommit', { file });
    expect(result).toEqual({ created: 9, groupsCreated: ['一组', '三组'] });
    expect(count(host, 'people')).toBe(before.people + 9);
    expect(count(host, 'groups')).toBe(3);
    const org = await ok(host, 'people.org');
    expect(org.groups.map((g: any) => [g.name, g.leaderName, g.activeCount])).toEqual([
      ['二组', '钱七', 4],
      ['一组', '张伟', 3],
      ['三组', '周杰', 2],
    ]);

    const sqlite = host.store().sqlite;
    const importRow = sqlite.prepare("select entity_id as batch, batch as own from audit_log where entity = 'import'").all() as Array<{
      batch: string;
      own: string | null;
    }>;
    expect(importRow).toHaveLength(1);
    const batch = importRow[0]!.batch;
    const created = sqlite
      .prepare("select entity_id as id, batch from audit_log where entity = 'person' and action = 'create' and batch is not null")
      .all() as Array<{ id: string; batch: string }>;
    expect(created).toHaveLength(9);
    expect(new Set(created.map((c) => c.batch))).toEqual(new Set([batch]));
    const importedIds = (await ok(host, 'people.list', {})).filter((p: any) => p.employeeNo !== 'E900').map((p: any) => String(p.id));
    expect(created.map((c) => c.id).sort()).toEqual(importedIds.sort());
    const groupAudits = sqlite.prepare("select batch from audit_log where entity = 'group' and action = 'create' and batch = ?").all(batch);
    expect(groupAudits).toHaveLength(2);
    // Importing the same file again is refused: every number is now taken.
    const again = await fails(host, 'people.importCommit', { file });
    expect(again.code).toBe('VALIDATION');
    expect(new Set(again.details?.filter((d) => d.path === 'employeeNo').map((d) => d.row))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(count(host, 'people')).toBe(before.people + 9);
  });

  it('people who left are imported with their date, in the same batch', async () => {
    const text =
      '工号,姓名,组别,岗位,入职日期,状态,离职日期\nL001,陈晨,一组,组员,2023-01-01,已离职,2025-06-30\nL002,林琳,一组,组长,2023-01-01,离职,2025-06-30\nL003,何欢,一组,组长,2024-01-01,在职,\n';
    await ok(host, 'people.importCommit', { file: csv(text) });
    const list = await people(host);
    expect(list.filter((p: any) => p.status === 'left').map((p: any) => [p.employeeNo, p.leftOn])).toEqual([
      ['L001', '2025-06-30'],
      ['L002', '2025-06-30'],
    ]);
    const batches = host
      .store()
      .sqlite.prepare("select distinct batch from audit_log where entity in ('person', 'group', 'import') and batch is not null")
      .all();
    expect(batches).toHaveLength(1);
    const bad =
      '工号,姓名,组别,岗位,入职日期,状态,离职日期\nL009,马丽,一组,组员,2023-01-01,离职,\nL010,马云,一组,组员,2023-01-01,离职,2022-12-31\nL011,马超,一组,组员,2023-01-01,休假,\n';
    const preview = await ok(host, 'people.importPreview', { file: csv(bad) });
    expect(preview.rows.flatMap((r: any) => r.problems.map((p: any) => [p.row, p.path]))).toEqual([
      [2, 'leftOn'],
      [3, 'leftOn'],
      [4, 'status'],
    ]);
  });
});

describe('files that cannot be imported', () => {
  it('a missing required column is a mapping problem; the commit refuses it and writes nothing', async () => {
    const text = '工号,姓名,组别,入职日期\nA001,张伟,一组,2025-01-01\n';
    const preview = await ok(host, 'people.importPreview', { file: csv(text) });
    expect(preview.mappingProblems).toHaveLength(1);
    expect(preview.mappingProblems[0]).toContain('岗位');
    const before = tableCounts(host);
    const error = await fails(host, 'people.importCommit', { file: csv(text) });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.[0]).toMatchObject({ path: 'mapping' });
    expect(error.message).toContain('岗位');
    expect(tableCounts(host)).toEqual(before);
  });

  it('an explicit mapping overrides the headers, and a column mapped twice is a problem', async () => {
    const text = 'No,Who,Team,Job,Start\nA001,张伟,一组,组员,2025-01-01\n';
    expect((await ok(host, 'people.importPreview', { file: csv(text) })).mappingProblems).toHaveLength(1);
    const mapped = await ok(host, 'people.importPreview', {
      file: csv(text),
      mapping: ['employeeNo', 'name', 'group', 'role', 'hireDate'],
    });
    expect(mapped.mappingProblems).toEqual([]);
    expect(mapped.problemCount).toBe(0);
    const twice = await ok(host, 'people.importPreview', { file: csv(text), mapping: ['employeeNo', 'name', 'name', 'role', 'hireDate'] });
    expect(twice.mappingProblems.join()).toContain('姓名');
  });

  it.each(['人员.xls', 'people.pdf', 'people', 'people.xlsx.exe', 'people.numbers'])('refuses the file type of %s', async (fileName) => {
    const before = tableCounts(host);
    for (const channel of ['people.importPreview', 'people.importCommit']) {
      const error = await fails(host, channel, { file: csv(`${header}\nA001,张伟,一组,组员,客服,2025-01-01,,,,\n`, fileName) });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.[0]?.path).toBe('file');
    }
    expect(tableCounts(host)).toEqual(before);
  });

  it('refuses a CSV with unbalanced quotes and says where', async () => {
    const text =
      '工号,姓名,组别,岗位,入职日期\nA001,张伟,一组,组员,2025-01-01\nA002,"李娜,一组,组员,2025-01-01\nA003,王芳,一组,组员,2025-01-01\n';
    for (const channel of ['people.importPreview', 'people.importCommit']) {
      const error = await fails(host, channel, { file: csv(text) });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.[0]?.path).toBe('file');
      expect(error.message).toContain('第 3 行');
    }
    expect(count(host, 'people')).toBe(0);
  });

  it('refuses a file that claims to be XLSX but is not, and an empty file', async () => {
    const notXlsx = await fails(host, 'people.importPreview', { file: csv('工号,姓名\n', 'people.xlsx') });
    expect(notXlsx).toMatchObject({ code: 'VALIDATION', details: [{ path: 'file' }] });
    const empty = await fails(host, 'people.importCommit', { file: csv('', 'people.csv') });
    expect(empty).toMatchObject({ code: 'VALIDATION', details: [{ path: 'file' }] });
    const headerOnly = await fails(host, 'people.importCommit', { file: csv(`${header}\n`) });
    expect(headerOnly.code).toBe('VALIDATION');
    expect(count(host, 'people')).toBe(0);
  });
});

describe('export → re-import round trip', () => {
  it.each(['zh-CN', 'en'] as const)('a seeded department exported to XLSX (%s) imports into a fresh database unchanged', async (lang) => {
    const dataDir = tempDir();
    await seedDatabase({
      out: path.join(dataDir, 'banzu.db'),
      people: 25,
      years: 1,
      seed: 42,
      endDate: '2026-03-31',
      migrationsFolder,
    });
    const source = await testHost(dataDir);
    try {
      await ok(source, 'people.update', {
        ...(await ok(source, 'people.list', { role: 'agent', status: 'active' }))[0],
        note: '备注，含逗号和"引号"',
        phone: '0571-88886666-123',
      });
      await ok(source, 'system.setLanguage', { lang });
      const file = await ok(source, 'people.exportXlsx', {});
      expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(file.fileName).toMatch(/\.xlsx$/);
      const exported = await people(source);
      expect(exported.some((p: any) => p.status === 'left')).toBe(true);

      const preview = await ok(host, 'people.importPreview', { file: { fileName: file.fileName, contentBase64: file.contentBase64 } });
      expect(preview.mappingProblems).toEqual([]);
      expect(preview.rows.filter((r: any) => r.problems.length > 0)).toEqual([]);
      const result = await ok(host, 'people.importCommit', { file: { fileName: file.fileName, contentBase64: file.contentBase64 } });
      expect(result.created).toBe(exported.length);
      expect(await people(host)).toEqual(exported);
    } finally {
      await ok(source, 'system.setLanguage', { lang: 'zh-CN' });
      source.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
