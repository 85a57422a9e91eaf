import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import ExcelJS from 'exceljs';
import type { AppHost } from '../../main/app/host.ts';
import { checksumOf, handoverFormat, type HandoverFile } from '../../main/roster/handover.ts';
import { testHost, ok, fails, count, samplePerson, xlsx } from '../helpers/host.ts';

// ROS-6 (staffing from demand), ROS-8 (hand-over files) and the roster export, through host.dispatch.

let host: AppHost;
beforeEach(async () => {
  host = await testHost();
});
afterEach(() => host.close());

const sql = () => host.store().sqlite;
const reference = {
  intervalMinutes: 30,
  handlingSeconds: 180,
  concurrency: 1,
  serviceLevelPercent: 80,
  serviceLevelSeconds: 20,
  maxOccupancyPercent: 100,
  shrinkagePercent: 30,
};

const minute = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

/** A shift type through the roster core's channel. */
async function addShiftType(code: string, name: string, color: string, start: string, end: string, paidMinutes: number): Promise<number> {
  const saved = await ok(host, 'roster.saveShiftType', {
    code,
    name,
    color,
    startMinute: minute(start),
    endMinute: minute(end),
    paidMinutes,
    breakMinutes: 60,
    functions: null,
  });
  return saved.id;
}

/** A roster cell as the grid writes it: a shift type id, 'rest', or null to clear. */
async function setCell(personId: number, date: string, value: number | 'rest' | null) {
  await ok(host, 'roster.setCells', { changes: [{ personId, date, value }], source: 'manual' });
}

function cellOf(personId: number, date: string): number | 'rest' | null {
  const row = sql().prepare('select shift_type_id as s from assignments where person_id = ? and date = ?').get(personId, date) as
    { s: number | null } | undefined;
  return row === undefined ? null : (row.s ?? 'rest');
}

async function department() {
  await ok(host, 'people.renameDepartment', { name: '网络咨询部' });
  const one = await ok(host, 'people.createGroup', { name: '一组' });
  const two = await ok(host, 'people.createGroup', { name: '二组' });
  const leader = await ok(host, 'people.create', { ...samplePerson, employeeNo: 'E001', name: '张伟', role: 'leader', groupId: one.id });
  const agent = await ok(host, 'people.create', { ...samplePerson, employeeNo: 'E002', name: '李娜', groupId: one.id });
  const other = await ok(host, 'people.create', { ...samplePerson, employeeNo: 'E003', name: '王芳', groupId: two.id });
  const early = await addShiftType('E', '早班', '#2563EB', '08:00', '16:00', 420);
  const late = await addShiftType('L', '晚班', '#F59E0B', '14:00', '22:00', 420);
  const night = await addShiftType('N', '夜班', '#111827', '22:00', '07:00', 480);
  return { one, two, leader, agent, other, early, late, night };
}

const decode = (file: { contentBase64: string }) => JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as HandoverFile;
const encode = (file: unknown, fileName = '排班交接-一组-2026-03.banzu-roster.json') => ({
  fileName,
  contentBase64: Buffer.from(JSON.stringify(file), 'utf8').toString('base64'),
});
/** What another installation would write: the content with its own, correct checksum. */
function resealed(file: HandoverFile, change: (content: Omit<HandoverFile, 'checksum'>) => void) {
  const { checksum: _old, ...content } = structuredClone(file);
  change(content);
  return { ...content, checksum: checksumOf(content) };
}

/** Everything a refused hand-over must leave alone. */
function rosterState() {
  return {
    cells: sql().prepare('select person_id, date, shift_type_id, source from assignments order by person_id, date').all(),
    months: sql().prepare('select group_id, month, status, handover_base from roster_months order by id').all(),
    audit: count(host, 'audit_log'),
  };
}

describe('staffing from demand (ROS-6)', () => {
  it('roster.staffing gives the reference: 14 agents, SL 0.8884, P(wait) 0.1741, 20 scheduled at 30 % shrinkage', async () => {
    const result = await ok(host, 'roster.staffing', {
      params: reference,
      demand: [
        { date: '2026-03-02', weekday: null, startMinute: 540, contacts: 100 },
        { date: '2026-03-02', weekday: null, startMinute: 570, contacts: 0 },
      ],
    });
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ date: '2026-03-02', weekday: 1, startMinute: 540, agents: 14, scheduled: 20 });
    expect(result[0].serviceLevel).toBeCloseTo(0.8884, 4);
    expect(result[0].waitProbability).toBeCloseTo(0.1741, 4);
    expect(result[1]).toMatchObject({ agents: 0, scheduled: 0 });
  });

  it('refuses demand without a day, a repeated interval and an impossible volume, naming the interval', async () => {
    const noDay = await fails(host, 'roster.staffing', {
      params: reference,
      demand: [{ date: null, weekday: null, startMinute: 540, contacts: 1 }],
    });
    expect(noDay.code).toBe('VALIDATION');
    expect(noDay.details).toEqual([expect.objectContaining({ path: 'demand.0.weekday' })]);
    const twice = await fails(host, 'roster.staffing', {
      params: reference,
      demand: [
        { date: null, weekday: 1, startMinute: 540, contacts: 1 },
        { date: '2026-03-02', weekday: null, startMinute: 540, contacts: 1 },
        { date: null, weekday: 1, startMinute: 540, contacts: 2 },
      ],
    });
    expect(twice.details).toEqual([
      expect.objectContaining({ path: 'demand.2.startMinute', message: expect.stringContaining('周一 09:00') }),
    ]);
    const huge = await fails(host, 'roster.staffing', {
      params: reference,
      demand: [{ date: null, weekday: 3, startMinute: 600, contacts: 1e9 }],
    });
    expect(huge.details).toEqual([expect.objectContaining({ path: 'demand.0.contacts' })]);
  });

  it('roster.importDemand reads a CSV and refuses a bad one with row details', async () => {
    const text = '日期,开始时间,会话量\n2026-03-02,09:00,100\n2026-03-02,09:30,80\n';
    const demand = await ok(host, 'roster.importDemand', {
      file: { fileName: '话务量.csv', contentBase64: Buffer.from(text).toString('base64') },
    });
    expect(demand).toEqual([
      { date: '2026-03-02', weekday: 1, startMinute: 540, contacts: 100 },
      { date: '2026-03-02', weekday: 1, startMinute: 570, contacts: 80 },
    ]);
    const bad = await fails(host, 'roster.importDemand', {
      file: { fileName: 'x.csv', contentBase64: Buffer.from('日期,开始时间,会话量\n2026-03-02,9点75,100\n').toString('base64') },
    });
    expect(bad).toMatchObject({ code: 'VALIDATION', details: [{ row: 2, path: 'start' }] });
  });

  it('roster.coverageFromStaffing: per weekday and shift, the peak scheduled figure of the intervals the shift covers', async () => {
    const { one, early, late, night } = await department();
    await ok(host, 'roster.archiveShiftType', { id: await addShiftType('X', '旧班', '#999999', '09:00', '18:00', 480) });
    // Monday: 09:00 needs 20 scheduled (the reference), 15:00 fewer, 23:00 a few; Tuesday 01:00 for Monday's night.
    const demand = [
      { date: null, weekday: 1, startMinute: 540, contacts: 100 },
      { date: null, weekday: 1, startMinute: 900, contacts: 40 },
      { date: null, weekday: 1, startMinute: 1380, contacts: 5 },
      { date: null, weekday: 2, startMinute: 60, contacts: 30 },
    ];
    const staffed = await ok(host, 'roster.staffing', { params: reference, demand });
    const scheduled = staffed.map((s: { scheduled: number }) => s.scheduled);
    const rows = await ok(host, 'roster.coverageFromStaffing', { params: reference, demand, groupId: one.id });
    expect(rows).toEqual([
      { shiftTypeId: early, weekday: 1, onDate: null, function: null, minPeople: Math.max(scheduled[0], scheduled[1]) },
      { shiftTypeId: late, weekday: 1, onDate: null, function: null, minPeople: scheduled[1] },
      { shiftTypeId: night, weekday: 1, onDate: null, function: null, minPeople: Math.max(scheduled[2], scheduled[3]) },
    ]);
    expect(scheduled[0]).toBe(20);
    // The archived shift type proposes nothing; an unknown group is refused.
    expect((await fails(host, 'roster.coverageFromStaffing', { params: reference, demand, groupId: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('hand-over files (ROS-8)', () => {
  it('exports the group month with codes, rest days, base and checksum, and keeps the export as the next base', async () => {
    const d = await department();
    await setCell(d.leader.id, '2026-03-02', d.early);
    await setCell(d.agent.id, '2026-03-02', d.late);
    await setCell(d.agent.id, '2026-03-03', 'rest');
    await setCell(d.other.id, '2026-03-02', d.night);
    await setCell(d.agent.id, '2026-04-01', d.early);
    const first = await ok(host, 'roster.exportHandover', { month: '2026-03', groupId: d.one.id });
    expect(first.fileName).toMatch(/一组-2026-03\.banzu-roster\.json$/);
    const file = decode(first);
    const uid = (sql().prepare('select uid from departments').get() as { uid: string }).uid;
    expect(file).toMatchObject({
      format: handoverFormat,
      department: { uid, name: '网络咨询部' },
      group: { id: d.one.id, name: '一组' },
      month: '2026-03',
      exportedBy: { name: '主管' },
      base: null,
      cells: { E001: { '2026-03-02': 'E' }, E002: { '2026-03-02': 'L', '2026-03-03': 'rest' } },
    });
    expect(file.people.map((p) => p.employeeNo)).toEqual(['E001', 'E002']);
    const { checksum, ...content } = file;
    expect(checksum).toBe(checksumOf(content));
    expect(checksum).toMatch(/^sha256:[0-9a-f]{64}$/);

    const stored = sql()
      .prepare('select status, handover_base as base from roster_months where group_id = ? and month = ?')
      .get(d.one.id, '2026-03') as {
      status: string;
      base: string;
    };
    expect(stored.status).toBe('draft');
    expect(JSON.parse(stored.base)).toEqual(file.cells);
    await setCell(d.leader.id, '2026-03-04', d.night);
    const second = decode(await ok(host, 'roster.exportHandover', { month: '2026-03', groupId: d.one.id }));
    expect(second.base).toEqual(file.cells);
    expect(second.cells.E001).toEqual({ '2026-03-02': 'E', '2026-03-04': 'N' });
    expect((await fails(host, 'roster.exportHandover', { month: '2026-03', groupId: 999 })).code).toBe('NOT_FOUND');
  });

  it('round trip: one changed cell is the whole diff; accepting it writes it, audited, and stores the new base', async () => {
    const d = await department();
    await setCell(d.leader.id, '2026-03-02', d.early);
    await setCell(d.agent.id, '2026-03-02', d.late);
    const exported = decode(await ok(host, 'roster.exportHandover', { month: '2026-03', groupId: d.one.id }));
    // The leader's installation: it received that file, changed one cell and exported again.
    const edited = resealed(exported, (c) => {
      c.base = structuredClone(c.cells);
      c.cells.E002!['2026-03-02'] = 'N';
      c.exportedBy = { id: `person:${d.leader.id}`, name: '张伟' };
    });
    const preview = await ok(host, 'roster.previewHandover', { file: encode(edited) });
    expect(preview).toMatchObject({ month: '2026-03', groupId: d.one.id, groupName: '一组', exportedBy: '张伟' });
    expect(preview.cells).toEqual([
      {
        personId: d.agent.id,
        employeeNo: 'E002',
        name: '李娜',
        date: '2026-03-02',
        base: 'L',
        file: 'N',
        current: 'L',
        change: 'changed',
        conflict: false,
      },
    ]);
    const audits = count(host, 'audit_log');
    expect(await ok(host, 'roster.applyHandover', { file: encode(edited), accept: 'all' })).toEqual({ changed: 1 });
    expect(cellOf(d.agent.id, '2026-03-02')).toBe(d.night);
    expect(cellOf(d.leader.id, '2026-03-02')).toBe(d.early);
    const written = sql()
      .prepare('select action, entity, entity_id as entityId, before, after from audit_log where id > ? order by id')
      .all(audits);
    expect(written).toEqual([
      {
        // The roster core's own audit row for a cell, so the change log (ROS-7) lists it.
        action: 'set',
        entity: 'assignment',
        entityId: `2026-03-02:${d.agent.id}`,
        before: JSON.stringify({ value: d.late }),
        after: JSON.stringify({ value: d.night, source: 'handover' }),
      },
      expect.objectContaining({ action: 'handoverApply', entity: 'rosterMonth', entityId: `${d.one.id}:2026-03` }),
    ]);
    const base = sql().prepare('select handover_base as base from roster_months where group_id = ?').get(d.one.id) as { base: string };
    expect(JSON.parse(base.base)).toEqual(edited.cells);
    // Applied: the same file now shows nothing left to take.
    expect((await ok(host, 'roster.previewHandover', { file: encode(edited) })).cells).toEqual([]);
  });

  it('marks conflicts three-way, leaves cells the file did not change, and takes only the accepted cells', async () => {
    const d = await department();
    await setCell(d.leader.id, '2026-03-02', d.early);
    await setCell(d.leader.id, '2026-03-03', d.early);
    await setCell(d.agent.id, '2026-03-02', d.late);
    await setCell(d.agent.id, '2026-03-05', 'rest');
    const exported = decode(await ok(host, 'roster.exportHandover', { month: '2026-03', groupId: d.one.id }));
    const leaders = resealed(exported, (c) => {
      c.base = structuredClone(c.cells);
      c.cells.E001!['2026-03-02'] = 'L'; // changed there and here: a conflict
      c.cells.E002!['2026-03-04'] = 'E'; // added there only
      delete c.cells.E002!['2026-03-05']; // cleared there only
    });
    // Meanwhile, here:
    await setCell(d.leader.id, '2026-03-02', d.night);
    await setCell(d.leader.id, '2026-03-03', 'rest'); // changed here only: not the file's to change
    const preview = await ok(host, 'roster.previewHandover', { file: encode(leaders) });
    expect(preview.cells.map((c: any) => [c.employeeNo, c.date, c.base, c.file, c.current, c.change, c.conflict])).toEqual([
      ['E001', '2026-03-02', 'E', 'L', 'N', 'changed', true],
      ['E002', '2026-03-04', null, 'E', null, 'added', false],
      ['E002', '2026-03-05', 'rest', null, 'rest', 'removed', false],
    ]);

    const stray = await fails(host, 'roster.applyHandover', { file: encode(leaders), accept: [`${d.leader.id}:2026-03-03`] });
    expect(stray).toMatchObject({ code: 'VALIDATION', details: [{ path: 'accept.0' }] });

    const result = await ok(host, 'roster.applyHandover', {
      file: encode(leaders),
      accept: [`${d.agent.id}:2026-03-04`, `${d.agent.id}:2026-03-05`],
    });
    expect(result).toEqual({ changed: 2 });
    expect(cellOf(d.agent.id, '2026-03-04')).toBe(d.early);
    expect(cellOf(d.agent.id, '2026-03-05')).toBeNull();
    expect(cellOf(d.leader.id, '2026-03-02')).toBe(d.night); // the conflict was not accepted
    expect(cellOf(d.leader.id, '2026-03-03')).toBe('rest');
  });

  it('applies through the roster core: its checks refuse the whole file, and accepted changes after publishing are in the change log (ROS-7)', async () => {
    const d = await department();
    await setCell(d.agent.id, '2026-03-02', d.late);
    const exported = decode(await ok(host, 'roster.exportHandover', { month: '2026-03', groupId: d.one.id }));
    // 李娜 leaves on 03-15; the leader's file still plans her on 03-20.
    await ok(host, 'people.markLeft', { id: d.agent.id, leftOn: '2026-03-15', reason: null });
    const late = resealed(exported, (c) => {
      c.base = structuredClone(c.cells);
      c.cells.E001 = { '2026-03-20': 'E' };
      c.cells.E002!['2026-03-20'] = 'E';
    });
    const before = rosterState();
    const refused = await fails(host, 'roster.applyHandover', { file: encode(late), accept: 'all' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('李娜');
    expect(rosterState()).toEqual(before);

    await ok(host, 'roster.publish', { month: '2026-03', groupId: d.one.id, acknowledgeIssues: true, note: null });
    await ok(host, 'roster.applyHandover', { file: encode(late), accept: [`${d.leader.id}:2026-03-20`] });
    const log = await ok(host, 'roster.changeLog', { month: '2026-03', groupId: d.one.id });
    expect(log).toEqual([expect.objectContaining({ personName: '张伟', date: '2026-03-20', before: null, source: 'handover' })]);
  });

  it('a first exchange (no base) shows every difference, as a conflict where the cell here is not empty', async () => {
    const d = await department();
    await setCell(d.agent.id, '2026-03-02', d.late);
    const exported = decode(await ok(host, 'roster.exportHandover', { month: '2026-03', groupId: d.one.id }));
    expect(exported.base).toBeNull();
    const edited = resealed(exported, (c) => {
      c.cells.E002!['2026-03-02'] = 'E';
      c.cells.E001 = { '2026-03-09': 'rest' };
    });
    const preview = await ok(host, 'roster.previewHandover', { file: encode(edited) });
    expect(preview.cells.map((c: any) => [c.employeeNo, c.date, c.change, c.conflict])).toEqual([
      ['E001', '2026-03-09', 'added', false],
      ['E002', '2026-03-02', 'changed', true],
    ]);
  });

  it('refuses damaged, foreign, wrongly formatted and unknown files with the reason, changing nothing', async () => {
    const d = await department();
    await setCell(d.agent.id, '2026-03-02', d.late);
    const exported = decode(await ok(host, 'roster.exportHandover', { month: '2026-03', groupId: d.one.id }));
    const before = rosterState();

    const damaged = structuredClone(exported);
    damaged.cells.E002!['2026-03-02'] = 'N'; // changed without a new checksum
    const otherDepartment = resealed(exported, (c) => {
      c.department = { uid: '5b0c7c1e-0000-4000-8000-000000000000', name: '技术支持部' };
    });
    const wrongFormat = resealed(exported, (c) => {
      (c as any).format = 'banzu-roster-handover/9';
    });
    const unknownPerson = resealed(exported, (c) => {
      c.people.push({ employeeNo: 'Z999', name: '外人' });
      c.cells.Z999 = { '2026-03-03': 'E' };
    });
    const unknownCode = resealed(exported, (c) => {
      c.cells.E002!['2026-03-06'] = 'Q';
    });
    const cases: Array<[string, unknown, RegExp]> = [
      ['damaged checksum', damaged, /校验码/],
      ['other department', otherDepartment, /另一个部门（技术支持部）/],
      ['wrong format', wrongFormat, /banzu-roster-handover\/9/],
      ['not JSON', null, /不是排班交接文件/],
      ['unknown shift code', unknownCode, /Q/],
    ];
    for (const [label, file, reason] of cases) {
      const payload =
        file === null
          ? { fileName: 'x.banzu-roster.json', contentBase64: Buffer.from('PK\u0003\u0004…').toString('base64') }
          : encode(file);
      for (const channel of ['roster.previewHandover', 'roster.applyHandover']) {
        const error = await fails(host, channel, { file: payload, accept: 'all' });
        expect(error.code, `${label} ${channel}`).toBe('VALIDATION');
        expect(error.message, `${label} ${channel}`).toMatch(reason);
      }
    }
    // An unknown employee number is listed in the preview (no person here) and refuses "accept all".
    const preview = await ok(host, 'roster.previewHandover', { file: encode(unknownPerson) });
    expect(preview.cells).toEqual([expect.objectContaining({ personId: null, employeeNo: 'Z999', name: '外人', change: 'added' })]);
    const refused = await fails(host, 'roster.applyHandover', { file: encode(unknownPerson), accept: 'all' });
    expect(refused.message).toContain('外人（Z999）');
    expect(rosterState()).toEqual(before);
  });
});

describe('roster export (XLSX)', () => {
  it('排班表: one sheet per group with shift colours, totals per person and per day, holidays and a legend', async () => {
    const d = await department();
    // October 2026: 2026-10-12 is a Monday; the official calendar marks the National Day holidays.
    await setCell(d.leader.id, '2026-10-12', d.early);
    await setCell(d.leader.id, '2026-10-13', d.early);
    await setCell(d.agent.id, '2026-10-12', d.early);
    await setCell(d.agent.id, '2026-10-13', d.night);
    await setCell(d.agent.id, '2026-10-14', 'rest');
    await setCell(d.other.id, '2026-10-12', d.late);
    const calendar = await ok(host, 'roster.calendar', { year: 2026 });
    const holidays = calendar.days.filter(
      (day: { date: string; kind: string }) => day.kind === 'holiday' && day.date.startsWith('2026-10-'),
    );
    expect(holidays.length).toBeGreaterThan(0);

    const file = await ok(host, 'roster.exportXlsx', { month: '2026-10', groupId: null });
    expect(file.fileName).toBe('排班表-网络咨询部-2026-10.xlsx');
    const workbook = await xlsx(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['一组', '二组']);
    const sheet = workbook.getWorksheet('一组')!;
    expect(String(sheet.getCell('A1').value)).toBe('网络咨询部 一组 2026年10月排班表');
    expect(String(sheet.getCell('A2').value)).toContain('主管');
    const column = (date: string) => 2 + Number(date.slice(8));
    // Header: day numbers from column C, weekday or holiday marks below.
    expect(sheet.getCell(3, 3).value).toBe(1);
    expect(sheet.getCell(4, column('2026-10-12'))).toMatchObject({ value: '一' });
    for (const h of holidays) {
      expect(sheet.getCell(4, column(h.date)).value, h.date).toBe(h.name);
      expect((sheet.getCell(4, column(h.date)).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE2E1');
    }
    // People rows: codes with the shift colours.
    expect([sheet.getCell(5, 1).value, sheet.getCell(5, 2).value]).toEqual(['E001', '张伟']);
    expect(sheet.getCell(5, column('2026-10-12')).value).toBe('E');
    expect((sheet.getCell(5, column('2026-10-12')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF2563EB');
    expect(sheet.getCell(6, column('2026-10-13')).value).toBe('N');
    expect((sheet.getCell(6, column('2026-10-13')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF111827');
    expect(sheet.getCell(6, column('2026-10-14')).value).toBe('休');
    // Totals per person: shifts and paid hours (7 + 7; 7 + 8).
    const shiftsColumn = 3 + 31;
    expect(sheet.getCell(3, shiftsColumn).value).toBe('班次数');
    expect([sheet.getCell(5, shiftsColumn).value, sheet.getCell(5, shiftsColumn + 1).value]).toEqual([2, 14]);
    expect([sheet.getCell(6, shiftsColumn).value, sheet.getCell(6, shiftsColumn + 1).value]).toEqual([2, 15]);
    // Per day: people on each shift type, then everyone at work (row 8 on: E, L, N, at work).
    expect(sheet.getCell(8, 1).value).toBe('E 人数');
    expect([sheet.getCell(8, column('2026-10-12')).value, sheet.getCell(8, column('2026-10-13')).value]).toEqual([2, 1]);
    expect(sheet.getCell(10, column('2026-10-13')).value).toBe(1);
    expect(sheet.getCell(11, 1).value).toBe('上班人数');
    expect(['2026-10-12', '2026-10-13', '2026-10-14'].map((date) => sheet.getCell(11, column(date)).value)).toEqual([2, 2, 0]);
    // Legend: code, name, times, paid hours.
    const legendRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 1).value === '图例')!;
    const legend = (row: number) => [1, 3, 5, 7].map((c) => sheet.getCell(legendRow + row, c).value);
    expect(legend(2)).toEqual(['E', '早班', '08:00–16:00', 7]);
    expect(legend(4)).toEqual(['N', '夜班', '22:00–07:00（次日）', 8]);

    expect(workbook.getWorksheet('二组')!.getCell(5, column('2026-10-12')).value).toBe('L');

    const single = await ok(host, 'roster.exportXlsx', { month: '2026-10', groupId: d.two.id });
    const onlyTwo = new ExcelJS.Workbook();
    await onlyTwo.xlsx.load(Buffer.from(single.contentBase64, 'base64') as any);
    expect(onlyTwo.worksheets.map((s) => s.name)).toEqual(['二组']);
    expect(single.fileName).toBe('排班表-二组-2026-10.xlsx');
  });
});
