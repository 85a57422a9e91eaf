import ExcelJS from 'exceljs';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { testHost, ok, fails, count, samplePerson, upload } from '../helpers/host.ts';

// Shift types (ROS-3), coverage (ROS-1), the holiday calendar (ROS-5) and wishes, through the
// dispatcher on a real data file.

let host: AppHost;
beforeEach(async () => {
  host = await testHost();
});
afterEach(() => host.close());

const early = {
  code: 'E',
  name: '早班',
  color: '#1f6feb',
  startMinute: 480,
  endMinute: 960,
  paidMinutes: 450,
  breakMinutes: 30,
  functions: null,
};
const night = {
  code: 'N',
  name: '夜班',
  color: '#6e40c9',
  startMinute: 1320,
  endMinute: 360,
  paidMinutes: 450,
  breakMinutes: 30,
  functions: ['service'],
};
const csv = (text: string, fileName = 'calendar.csv', encoding: 'utf8' | 'gbk' = 'utf8') => upload(text, fileName, encoding);
/** Audit rows of one record, newest first, with before and after as written. */
const audits = (entity: string, entityId: string | number) =>
  (
    host
      .store()
      .sqlite.prepare('select action, before, after from audit_log where entity = ? and entity_id = ? order by id desc')
      .all(entity, String(entityId)) as Array<{ action: string; before: string | null; after: string | null }>
  ).map((r) => ({ action: r.action, before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after) }));
const unchanged = (tables: string[]) => Object.fromEntries(tables.map((t) => [t, count(host, t)]));

describe('ROS-3 shift types', () => {
  it('creates types (one across midnight), lists them in order, and audits each save', async () => {
    const e = await ok(host, 'roster.saveShiftType', early);
    const n = await ok(host, 'roster.saveShiftType', night);
    expect(e).toMatchObject({ ...early, sortOrder: 1, archivedOn: null });
    expect(n).toMatchObject({ code: 'N', startMinute: 1320, endMinute: 360, functions: ['service'], sortOrder: 2 });
    expect((await ok(host, 'roster.shiftTypes')).map((s: any) => s.code)).toEqual(['E', 'N']);
    const updated = await ok(host, 'roster.saveShiftType', { ...early, id: e.id, name: '早班A', paidMinutes: 420 });
    expect(updated).toMatchObject({ id: e.id, name: '早班A', paidMinutes: 420, sortOrder: 1 });
    const history = audits('shiftType', e.id);
    expect(history.map((h: any) => h.action)).toEqual(['update', 'create']);
    expect(history[0].before).toMatchObject({ name: '早班' });
    expect(history[0].after).toMatchObject({ name: '早班A' });
  });

  it('refuses a letter already used (even by an archived type), start = end, and paid time over length − break; nothing is written', async () => {
    const e = await ok(host, 'roster.saveShiftType', early);
    await ok(host, 'roster.archiveShiftType', { id: e.id });
    const before = unchanged(['shift_types', 'audit_log']);
    const taken = await fails(host, 'roster.saveShiftType', { ...night, code: 'E' });
    expect(taken.code).toBe('CONFLICT');
    expect(taken.details).toMatchObject([{ path: 'code' }]);
    expect(taken.message).toContain('早班');
    const same = await fails(host, 'roster.saveShiftType', { ...night, endMinute: 1320 });
    expect(same).toMatchObject({ code: 'VALIDATION', details: [{ path: 'endMinute' }] });
    // 22:00–06:00 is 480 minutes; with a 30-minute break at most 450 are paid.
    const paid = await fails(host, 'roster.saveShiftType', { ...night, paidMinutes: 451 });
    expect(paid).toMatchObject({ code: 'VALIDATION', details: [{ path: 'paidMinutes' }] });
    expect(paid.details![0]!.message).toContain('450');
    expect(unchanged(['shift_types', 'audit_log'])).toEqual(before);
    expect((await fails(host, 'roster.saveShiftType', { ...night, id: 999 })).code).toBe('NOT_FOUND');
  });

  it('archives, never deletes: archived types stay listed after those in use, flagged with the date', async () => {
    const e = await ok(host, 'roster.saveShiftType', early);
    await ok(host, 'roster.saveShiftType', night);
    const archived = await ok(host, 'roster.archiveShiftType', { id: e.id });
    expect(archived.archivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await ok(host, 'roster.shiftTypes')).map((s: any) => [s.code, s.archivedOn !== null])).toEqual([
      ['N', false],
      ['E', true],
    ]);
    expect(count(host, 'shift_types')).toBe(2);
    expect((await fails(host, 'roster.archiveShiftType', { id: e.id })).code).toBe('RULE_VIOLATION');
    expect((await fails(host, 'roster.archiveShiftType', { id: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('ROS-1 coverage requirements', () => {
  it('replaces a scope as a whole, keeps department and group apart, and audits before and after', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    const e = await ok(host, 'roster.saveShiftType', early);
    const n = await ok(host, 'roster.saveShiftType', night);
    const rows = [
      { shiftTypeId: e.id, weekday: 1, onDate: null, function: null, minPeople: 2 },
      { shiftTypeId: e.id, weekday: 1, onDate: null, function: 'tech', minPeople: 1 },
      { shiftTypeId: n.id, weekday: null, onDate: '2026-10-01', function: null, minPeople: 1 },
    ];
    const saved = await ok(host, 'roster.saveCoverage', { groupId: group.id, rows });
    expect(saved.map(({ id: _id, ...r }: any) => r)).toEqual(rows);
    await ok(host, 'roster.saveCoverage', {
      groupId: null,
      rows: [{ shiftTypeId: n.id, weekday: 0, onDate: null, function: null, minPeople: 5 }],
    });
    expect(await ok(host, 'roster.coverage', { groupId: group.id })).toHaveLength(3);
    expect(await ok(host, 'roster.coverage', { groupId: null })).toMatchObject([{ weekday: 0, minPeople: 5 }]);
    await ok(host, 'roster.saveCoverage', { groupId: group.id, rows: rows.slice(0, 1) });
    expect(await ok(host, 'roster.coverage', { groupId: group.id })).toHaveLength(1);
    const history = audits('coverage', group.id);
    expect(history).toHaveLength(2);
    expect(history[0].before).toHaveLength(3);
    expect(history[0].after).toHaveLength(1);
    expect(audits('coverage', 'department')).toHaveLength(1);
  });

  it('one bad row refuses the whole list: archived or unknown shift, duplicates, weekday and date both or neither', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    const e = await ok(host, 'roster.saveShiftType', early);
    const n = await ok(host, 'roster.saveShiftType', night);
    await ok(host, 'roster.saveCoverage', {
      groupId: group.id,
      rows: [{ shiftTypeId: e.id, weekday: 1, onDate: null, function: null, minPeople: 2 }],
    });
    await ok(host, 'roster.archiveShiftType', { id: n.id });
    const before = unchanged(['coverage', 'audit_log']);
    const row = (extra: object) => ({ shiftTypeId: e.id, weekday: 2, onDate: null, function: null, minPeople: 1, ...extra });
    const error = await fails(host, 'roster.saveCoverage', {
      groupId: group.id,
      rows: [
        row({}),
        row({ shiftTypeId: n.id }),
        row({}),
        row({ onDate: '2026-03-01' }),
        row({ weekday: null }),
        row({ shiftTypeId: 999 }),
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details!.map((d) => d.path)).toEqual([
      'rows.1.shiftTypeId',
      'rows.2',
      'rows.3.weekday',
      'rows.4.weekday',
      'rows.5.shiftTypeId',
    ]);
    expect(error.details![1]!.message).toContain('第 1 行');
    expect(unchanged(['coverage', 'audit_log'])).toEqual(before);
    expect((await ok(host, 'roster.coverage', { groupId: group.id }))[0]).toMatchObject({ weekday: 1, minPeople: 2 });
    expect((await fails(host, 'roster.saveCoverage', { groupId: 999, rows: [] })).code).toBe('NOT_FOUND');
  });
});

describe('ROS-5 holiday calendar', () => {
  it('a new data file gets the official 2025 and 2026 calendars the first time they are asked for', async () => {
    expect(count(host, 'calendar_years')).toBe(0);
    const y2025 = await ok(host, 'roster.calendar', { year: 2025 });
    expect(y2025.source).toBe('official');
    expect(y2025.days.filter((d: any) => d.kind === 'holiday')).toHaveLength(13);
    expect(y2025.days.find((d: any) => d.date === '2025-10-11')).toEqual({ date: '2025-10-11', kind: 'workday', name: '国庆节' });
    const month = await ok(host, 'roster.month', { month: '2026-10', groupId: null });
    expect(month.calendarWarning).toBeNull();
    const day = (date: string) => month.days.find((d: any) => d.date === date);
    expect(day('2026-10-01')).toEqual({ date: '2026-10-01', weekday: 4, kind: 'holiday', holidayName: '国庆节' });
    expect(day('2026-10-06')).toMatchObject({ kind: 'rest', holidayName: '国庆节' });
    expect(day('2026-10-10')).toMatchObject({ kind: 'workday', weekday: 6 });
    expect(day('2026-10-12')).toMatchObject({ kind: 'ordinary', holidayName: null });
    expect(audits('calendar', 2026)[0]!.action).toBe('loadOfficial');
  });

  it('a year without data falls back to weekends only, with a visible warning in the month view', async () => {
    expect(await ok(host, 'roster.calendar', { year: 2030 })).toEqual({ year: 2030, source: null, days: [] });
    const month = await ok(host, 'roster.month', { month: '2030-01', groupId: null });
    expect(month.calendarWarning).toContain('2030');
    expect(month.days.every((d: any) => d.kind === 'ordinary')).toBe(true);
    const before = unchanged(['calendar_days', 'calendar_years', 'audit_log']);
    const error = await fails(host, 'roster.loadOfficialCalendar', { year: 2030 });
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: [{ path: 'year' }] });
    expect(unchanged(['calendar_days', 'calendar_years', 'audit_log'])).toEqual(before);
  });

  it('a year is edited as a whole (manual), and reloading the official data restores it', async () => {
    await ok(host, 'roster.calendar', { year: 2026 });
    const days2025 = (await ok(host, 'roster.calendar', { year: 2025 })).days.length;
    const saved = await ok(host, 'roster.saveCalendar', {
      year: 2026,
      days: [
        { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      ],
    });
    expect(saved).toMatchObject({ year: 2026, source: 'manual', days: [{ date: '2026-10-01' }, { date: '2026-10-02' }] });
    expect(count(host, 'calendar_days')).toBe(2 + days2025);
    const before = unchanged(['calendar_days', 'audit_log']);
    const error = await fails(host, 'roster.saveCalendar', {
      year: 2026,
      days: [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2026-10-01', kind: 'rest', name: '国庆节' },
      ],
    });
    expect(error.details!.map((d) => d.path)).toEqual(['days.1.date', 'days.2.date']);
    expect(unchanged(['calendar_days', 'audit_log'])).toEqual(before);
    const official = await ok(host, 'roster.loadOfficialCalendar', { year: 2026 });
    expect(official.source).toBe('official');
    expect(official.days.filter((d: any) => d.kind === 'holiday')).toHaveLength(13);
  });

  it('imports next year from CSV (GBK, Chinese kinds) and XLSX (English kinds), replacing each year it covers', async () => {
    const text = '日期,类型,名称\n2027-01-01,法定节假日,元旦\n2027/2/6,休息日,春节\n2027年2月20日,调休上班,春节\n2027-10-01,节假日,\n';
    const [y2027] = await ok(host, 'roster.importCalendar', { file: csv(text, 'calendar.csv', 'gbk') });
    expect(y2027).toEqual({
      year: 2027,
      source: 'import',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'rest', name: '春节' },
        { date: '2027-02-20', kind: 'workday', name: '春节' },
        { date: '2027-10-01', kind: 'holiday', name: '法定节假日' },
      ],
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('calendar');
    sheet.addRow(['Date', 'Kind', 'Name']);
    sheet.addRow(['2028-01-01', 'holiday', 'New Year']);
    sheet.addRow(['2027-05-01', 'Holiday', '劳动节']);
    const file = { fileName: 'calendar.xlsx', contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
    const years = await ok(host, 'roster.importCalendar', { file });
    expect(years.map((y: any) => [y.year, y.days.length])).toEqual([
      [2027, 1],
      [2028, 1],
    ]);
    expect((await ok(host, 'roster.month', { month: '2027-02', groupId: null })).calendarWarning).toBeNull();
  });

  it('a file with bad rows is refused with every problem and its row number; nothing changes', async () => {
    await ok(host, 'roster.calendar', { year: 2026 });
    const before = unchanged(['calendar_days', 'calendar_years', 'audit_log']);
    const text = '日期,类型,名称\n2027-01-01,法定节假日,元旦\n2027-02-30,休息日,春节\n2027-03-01,放假,x\n2027-01-01,休息日,元旦\n';
    const error = await fails(host, 'roster.importCalendar', { file: csv(text) });
    expect(error.code).toBe('VALIDATION');
    expect(error.details!.map((d) => d.row)).toEqual([3, 4, 5]);
    expect(error.details![1]!.message).toContain('放假');
    expect(unchanged(['calendar_days', 'calendar_years', 'audit_log'])).toEqual(before);
    const noKind = await fails(host, 'roster.importCalendar', { file: csv('日期,名称\n2027-01-01,元旦\n') });
    expect(noKind.details![0]!.message).toContain('类型');
    expect((await fails(host, 'roster.importCalendar', { file: csv('日期,类型\n') })).code).toBe('VALIDATION');
  });
});

describe('roster wishes', () => {
  it('saves (one per person, date and shift), lists by month and removes for real with an audit row', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    const person = await ok(host, 'people.create', { ...samplePerson, groupId: group.id });
    const e = await ok(host, 'roster.saveShiftType', early);
    const wish = { personId: person.id, date: '2026-03-08', shiftTypeId: e.id, kind: 'off', weight: 3, note: '孩子生日' };
    const { id } = await ok(host, 'roster.saveWish', wish);
    const again = await ok(host, 'roster.saveWish', { ...wish, weight: 5 });
    expect(again.id).toBe(id);
    await ok(host, 'roster.saveWish', { ...wish, date: '2026-04-01', shiftTypeId: null, kind: 'on', note: null });
    expect(await ok(host, 'roster.wishes', { month: '2026-03' })).toEqual([{ id, ...wish, weight: 5 }]);
    await ok(host, 'roster.removeWish', { id });
    expect(await ok(host, 'roster.wishes', { month: '2026-03' })).toEqual([]);
    expect(count(host, 'roster_wishes')).toBe(1);
    const history = audits('wish', id);
    expect(history.map((h: any) => h.action)).toEqual(['delete', 'update', 'create']);
    expect((await fails(host, 'roster.removeWish', { id })).code).toBe('NOT_FOUND');
    const before = unchanged(['roster_wishes', 'audit_log']);
    // samplePerson was hired on 2024-02-29.
    expect((await fails(host, 'roster.saveWish', { ...wish, date: '2024-02-28' })).details).toMatchObject([{ path: 'date' }]);
    expect((await fails(host, 'roster.saveWish', { ...wish, shiftTypeId: 999 })).details).toMatchObject([{ path: 'shiftTypeId' }]);
    expect((await fails(host, 'roster.saveWish', { ...wish, personId: 999 })).code).toBe('NOT_FOUND');
    expect(unchanged(['roster_wishes', 'audit_log'])).toEqual(before);
  });
});
