import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { localToday, nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import { readTable, numberedRows } from '../files/table.ts';
import { suggestMapping, mappingProblems, type Synonyms } from '../files/mapping.ts';
import { parseDateCell, parseDateTimeCell, parseTimeCell } from '../files/values.ts';
import { rememberedMapping, rememberMapping } from '../files/profiles.ts';
import { dayNumber, dateOfDayNumber } from '../roster/rules/time.ts';
import type { PunchImportPreview, punchImportRequest } from './contract.ts';
import { punchImportFields, type PunchImportField } from './vocabulary.ts';

// ATT-1: clock records from a time clock or an attendance app, as CSV (UTF-8 or GBK) or XLSX with
// Chinese headers. The column mapping is remembered per kind of file; duplicates (in the file, or
// already recorded, voided ones included) are dropped; rows of employee numbers the department
// does not know are listed and left out; any other problem refuses the whole file.

const PROFILE_KIND = 'punches';
const MAX_LISTED = 200;

const synonyms: Synonyms<PunchImportField> = {
  employeeNo: [
    '工号',
    '员工编号',
    '员工号',
    '编号',
    '人员编号',
    '职工号',
    '考勤号',
    '考勤号码',
    '用户编号',
    '用户id',
    '卡号',
    'employee no',
    'employee id',
    'ac-no',
    'userid',
  ],
  name: ['姓名', '名字', '员工姓名', '人员姓名', 'name'],
  dateTime: [
    '打卡时间',
    '考勤时间',
    '刷卡时间',
    '签到时间',
    '日期时间',
    '记录时间',
    '打卡日期时间',
    'check time',
    'punch time',
    'datetime',
    'timestamp',
  ],
  date: ['日期', '打卡日期', '考勤日期', '刷卡日期', 'date'],
  time: ['时间', '时刻', '打卡时刻', '刷卡时刻', '考勤时刻', '考勤时间点', 'time'],
  device: ['设备', '设备名称', '考勤机', '机器号', '打卡地点', '考勤地点', '打卡方式', 'device', 'terminal'],
};

const label = (field: PunchImportField) => t(`attendance.import.fields.${field}`);

interface Checked {
  preview: PunchImportPreview;
  headers: string[];
  mapping: Array<PunchImportField | null>;
  /** [personId, at, device] of the punches to write. */
  punches: Array<[number, string, string | null]>;
  problems: ErrorDetail[];
}

function column(mapping: Array<PunchImportField | null>, field: PunchImportField): number {
  return mapping.indexOf(field);
}

export async function checkPunchImport(ctx: Ctx, request: z.output<typeof punchImportRequest>): Promise<Checked> {
  const table = await readTable(request.file);
  const numbered = numberedRows(table.rows);
  const header = numbered[0];
  if (!header) throw new AppError('VALIDATION', t('import.emptyFile'), [{ path: 'file', message: t('import.emptyFile') }]);
  const headers = header.cells;
  const remembered = request.mapping ? null : rememberedMapping(ctx, PROFILE_KIND, headers, punchImportFields);
  const mapping = request.mapping ?? remembered ?? suggestMapping(headers, synonyms);
  const problemsOfMapping = mappingProblems(mapping, ['employeeNo'], label);
  const hasTime = mapping.includes('dateTime') || (mapping.includes('date') && mapping.includes('time'));
  if (!hasTime) problemsOfMapping.push(t('attendance.import.needTime'));
  const dataRows = numbered.slice(1);
  if (dataRows.length === 0) problemsOfMapping.push(t('import.emptyFile'));

  const problems: ErrorDetail[] = [];
  const problemRows = new Map<number, PunchImportPreview['rows'][number]>();
  const firstRows: PunchImportPreview['rows'] = [];
  const punches: Checked['punches'] = [];
  const unknown = new Map<string, { employeeNo: string; name: string; rows: number; firstRow: number }>();
  let duplicates = 0;
  /** Rows with a problem (a row can have several). */
  let problemCount = 0;
  let lastProblemRow = -1;
  let from: string | null = null;
  let to: string | null = null;
  const people = new Set<number>();

  if (problemsOfMapping.length === 0) {
    const known = new Map(
      (
        statement(ctx.store.sqlite, 'select id, employee_no as no, hire_date as hireDate, left_on as leftOn from people').all() as Array<{
          id: number;
          no: string;
          hireDate: string;
          leftOn: string | null;
        }>
      ).map((p) => [p.no, p]),
    );
    const closed = new Set(
      (statement(ctx.store.sqlite, "select month from attendance_months where status = 'closed'").all() as Array<{ month: string }>).map(
        (r) => r.month,
      ),
    );
    const latest = localToday();
    const [noAt, nameAt, dateTimeAt, dateAt, timeAt, deviceAt] = (
      ['employeeNo', 'name', 'dateTime', 'date', 'time', 'device'] as const
    ).map((f) => column(mapping, f)) as [number, number, number, number, number, number];
    const seen = new Set<string>();
    const parsed: Array<[number, string, string | null, number]> = [];
    for (const { row, cells } of dataRows) {
      const no = (cells[noAt] ?? '').trim();
      const shown = () => ({
        row,
        employeeNo: no,
        name: nameAt >= 0 ? (cells[nameAt] ?? '') : '',
        at: dateTimeAt >= 0 ? (cells[dateTimeAt] ?? '') : `${cells[dateAt] ?? ''} ${cells[timeAt] ?? ''}`,
        problems: [] as ErrorDetail[],
      });
      const problem = (path: string, message: string) => {
        if (lastProblemRow !== row) problemCount++;
        lastProblemRow = row;
        if (problems.length >= MAX_LISTED) return;
        problems.push({ row, path, message });
        if (!problemRows.has(row)) problemRows.set(row, shown());
        problemRows.get(row)!.problems.push({ row, path, message });
      };
      if (firstRows.length < 20) firstRows.push(shown());
      let at: string | null;
      if (dateTimeAt >= 0) {
        const text = cells[dateTimeAt] ?? '';
        at = parseDateTimeCell(text);
        if (!at) problem('dateTime', t('attendance.import.badDateTime', { value: text }));
      } else {
        const dateText = cells[dateAt] ?? '';
        const timeText = cells[timeAt] ?? '';
        const date = parseDateCell(dateText);
        // A date cell from Excel may carry a time of its own ("2026-03-02 00:00:00").
        const time = parseTimeCell(timeText) ?? (parseDateTimeCell(timeText)?.slice(11) || null);
        if (!date) problem('date', t('import.badDate', { value: dateText }));
        if (!time) problem('time', t('attendance.import.badTime', { value: timeText }));
        at = date && time ? `${date} ${time}` : null;
      }
      if (!no) {
        problem('employeeNo', t('validation.required'));
        continue;
      }
      const person = known.get(no);
      if (!person) {
        const entry = unknown.get(no);
        if (entry) entry.rows++;
        else unknown.set(no, { employeeNo: no, name: nameAt >= 0 ? (cells[nameAt] ?? '') : '', rows: 1, firstRow: row });
        continue;
      }
      if (!at) continue;
      const date = at.slice(0, 10);
      // A night shift's punch-out comes the day after the last working day.
      const lastDay = person.leftOn ? dateOfDayNumber(dayNumber(person.leftOn) + 1) : null;
      if (date < person.hireDate || (lastDay && date > lastDay)) {
        problem('dateTime', t('attendance.import.notEmployed', { employeeNo: no, at }));
        continue;
      }
      if (date > latest) {
        problem('dateTime', t('attendance.import.future', { at }));
        continue;
      }
      if (closed.has(date.slice(0, 7))) {
        problem('dateTime', t('attendance.errors.monthClosed', { months: date.slice(0, 7) }));
        continue;
      }
      const key = `${person.id}|${at}`;
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      parsed.push([person.id, at, deviceAt >= 0 ? (cells[deviceAt] ?? '').slice(0, 40) || null : null, row]);
      if (from === null || date < from) from = date;
      if (to === null || date > to) to = date;
    }
    if (from !== null && to !== null) {
      // Already recorded, voided ones too: an import never brings back a punch that was voided.
      const existing = new Set(
        statement(ctx.store.sqlite, "select person_id || '|' || at from punches where at >= ? and at < ?")
          .pluck()
          .all(from, `${to}~`) as string[],
      );
      for (const [personId, at, device] of parsed) {
        if (existing.has(`${personId}|${at}`)) duplicates++;
        else {
          punches.push([personId, at, device]);
          people.add(personId);
        }
      }
    }
  }

  return {
    headers,
    mapping,
    punches,
    problems,
    preview: {
      encoding: table.encoding,
      headers,
      mapping,
      remembered: remembered !== null,
      samples: dataRows.slice(0, 3).map((r) => r.cells),
      rowCount: dataRows.length,
      mappingProblems: problemsOfMapping,
      rows: problemRows.size > 0 ? [...problemRows.values()] : firstRows,
      problemCount,
      newPunches: punches.length,
      duplicates,
      unknown: [...unknown.values()].sort((a, b) => a.firstRow - b.firstRow),
      from,
      to,
      people: people.size,
    },
  };
}

export async function previewPunchImport(ctx: Ctx, request: z.output<typeof punchImportRequest>): Promise<PunchImportPreview> {
  return (await checkPunchImport(ctx, request)).preview;
}

/** All or nothing: a problem in any row refuses the file and writes nothing. */
export async function commitPunchImport(ctx: Ctx, request: z.output<typeof punchImportRequest>) {
  const checked = await checkPunchImport(ctx, request);
  const { preview } = checked;
  if (preview.mappingProblems.length > 0) {
    throw new AppError(
      'VALIDATION',
      preview.mappingProblems.join(t('common.sentenceSeparator')),
      preview.mappingProblems.map((message) => ({ path: 'mapping', message })),
    );
  }
  if (preview.problemCount > 0) {
    throw new AppError('VALIDATION', t('import.rowsWithProblems', { count: preview.problemCount }), checked.problems);
  }
  const batch = randomUUID();
  return audited(ctx, (audit) => {
    const insert = statement(
      ctx.store.sqlite,
      "insert into punches (person_id, at, source, batch, device, created_at, created_by) values (?, ?, 'import', ?, ?, ?, ?)",
    );
    const at = nowIso();
    for (const [personId, punchAt, device] of checked.punches) insert.run(personId, punchAt, batch, device, at, ctx.actor.name);
    rememberMapping(ctx, PROFILE_KIND, checked.headers, checked.mapping, audit);
    // One audit row for the file: the punches carry its batch, so each one leads back to it.
    audit({
      action: 'import',
      entity: 'punchImport',
      entityId: batch,
      after: {
        file: request.file.fileName,
        created: checked.punches.length,
        duplicates: preview.duplicates,
        unknown: preview.unknown.map((u) => u.employeeNo),
        from: preview.from,
        to: preview.to,
      },
    });
    return {
      created: checked.punches.length,
      duplicates: preview.duplicates,
      unknown: preview.unknown.reduce((s, u) => s + u.rows, 0),
      batch,
    };
  });
}
