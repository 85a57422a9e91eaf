import type ExcelJS from 'exceljs';
import type { Ctx } from '../app/context.ts';
import { t } from '../i18n/index.ts';
import { getSetting } from '../settings/service.ts';
import { getGroup } from '../people/service.ts';
import { newWorkbook, workbookFile } from '../files/xlsx.ts';
import type { FileOutput } from '../ipc/fields.ts';
import type { Sheet } from './contract.ts';
import { buildSheet, yuan } from './sheet.ts';
import { localNow } from './evaluate.ts';
import { markKeys } from './vocabulary.ts';
import { cellText } from './rules/cell-text.ts';

// The attendance sheet (考勤表) as HR expects it: a title with the department, the month and who
// produced it; people × days with the usual marks; the totals columns HR pays from; the legend
// and the rules in force below; open anomalies and ATT-6 flags on a second sheet.

const font = { name: '等线', size: 10 };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFD0D7DE' } },
  left: { style: 'thin', color: { argb: 'FFD0D7DE' } },
  bottom: { style: 'thin', color: { argb: 'FFD0D7DE' } },
  right: { style: 'thin', color: { argb: 'FFD0D7DE' } },
};
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const fills: Partial<Record<string, ExcelJS.Fill>> = {
  absent: solid('FFFDE2E1'),
  absentHalf: solid('FFFDE2E1'),
  late: solid('FFFFF1D6'),
  early: solid('FFFFF1D6'),
  missing: solid('FFFFF8C5'),
  leave: solid('FFE0ECFF'),
  rest: solid('FFF3F4F6'),
  overtime: solid('FFE6F4EA'),
};
const weekend = solid('FFF6F8FA');
const holiday = solid('FFFFE4E8');

// One style object per look, shared by every cell that has it: exceljs recognises a style object
// it has seen and skips serialising it again, which is most of the cost of a 300-person sheet.
const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle' };
const styles = {
  text: { font, border: thin } as Partial<ExcelJS.Style>,
  center: { font, border: thin, alignment: center } as Partial<ExcelJS.Style>,
  head: { font: { ...font, bold: true }, border: thin, alignment: { ...center, wrapText: true } } as Partial<ExcelJS.Style>,
  headWeekend: { font: { ...font, bold: true }, border: thin, alignment: center, fill: weekend } as Partial<ExcelJS.Style>,
  headHoliday: { font: { ...font, bold: true }, border: thin, alignment: center, fill: holiday } as Partial<ExcelJS.Style>,
  filled: Object.fromEntries(Object.entries(fills).map(([k, fill]) => [k, { font, border: thin, alignment: center, fill }])) as Record<
    string,
    Partial<ExcelJS.Style>
  >,
};

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function writeSheet(
  ws: ExcelJS.Worksheet,
  sheet: Sheet,
  context: { scope: string; producedBy: string; producedAt: string; rules: string; fine: number },
) {
  const leaveSymbols = new Map(sheet.leaveTypes.map((l) => [l.code, l.symbol]));
  const usedLeave = sheet.leaveTypes.filter(
    (l) => sheet.people.some((p) => (p.totals.leaveDays[l.code] ?? 0) > 0) || ['annual', 'sick', 'personal'].includes(l.code),
  );
  const firstDay = 4;
  const totalsFrom = firstDay + sheet.days.length;
  const totalsHeads: Array<[string, (p: Sheet['people'][number]) => number | string | null]> = [
    [t('attendance.export.shifts'), (p) => p.totals.shifts],
    [t('attendance.export.worked'), (p) => p.totals.workedDays],
    [t('attendance.export.lateCount'), (p) => p.totals.lateCount],
    [t('attendance.export.lateMinutes'), (p) => p.totals.lateMinutes],
    [t('attendance.export.earlyCount'), (p) => p.totals.earlyCount],
    [t('attendance.export.earlyMinutes'), (p) => p.totals.earlyMinutes],
    [t('attendance.export.absence'), (p) => p.totals.absenceDays],
    ...usedLeave.map((l): [string, (p: Sheet['people'][number]) => number] => [
      t('attendance.export.leaveDays', { type: l.label }),
      (p) => p.totals.leaveDays[l.code] ?? 0,
    ]),
    ...sheet.multipliers.map((m): [string, (p: Sheet['people'][number]) => number] => [
      t('attendance.export.overtime', { multiplier: m }),
      (p) => hours(p.totals.overtimeMinutes[String(m)] ?? 0),
    ]),
    [t('attendance.export.fines'), (p) => Number(yuan(p.totals.fineFen))],
    [
      t('attendance.export.absenceDeduction'),
      (p) => (p.totals.absenceDeductionFen === null ? '—' : Number(yuan(p.totals.absenceDeductionFen))),
    ],
    [t('attendance.export.totalDeduction'), (p) => (p.totals.totalDeductionFen === null ? '—' : Number(yuan(p.totals.totalDeductionFen)))],
    [t('attendance.export.notes'), (p) => p.warnings.join(t('common.sentenceSeparator')) || null],
  ];
  const lastColumn = totalsFrom + totalsHeads.length - 1;

  // Title and who produced it.
  ws.mergeCells(1, 1, 1, lastColumn);
  const title = ws.getCell(1, 1);
  title.value = t('attendance.export.title', {
    department: sheet.department || t('people.departmentUnnamed'),
    year: sheet.month.slice(0, 4),
    month: Number(sheet.month.slice(5)),
  });
  title.font = { ...font, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, lastColumn);
  ws.getCell(2, 1).value = t('attendance.export.subtitle', {
    scope: context.scope,
    producedBy: context.producedBy,
    producedAt: context.producedAt,
    status: t(`attendance.export.status.${sheet.status}`),
  });
  ws.getCell(2, 1).font = { ...font, color: { argb: 'FF57606A' } };

  // Two header rows: day numbers over weekdays; the fixed and totals columns span both.
  const head = ws.getRow(3);
  const sub = ws.getRow(4);
  for (let c = 1; c <= lastColumn; c++) head.getCell(c).style = sub.getCell(c).style = styles.head;
  [t('fields.employeeNo'), t('fields.name'), t('fields.group')].forEach((text, i) => {
    head.getCell(i + 1).value = text;
    ws.mergeCells(3, i + 1, 4, i + 1);
  });
  sheet.days.forEach((d, i) => {
    const c = firstDay + i;
    head.getCell(c).value = Number(d.date.slice(8));
    sub.getCell(c).value = t(`attendance.export.weekdays.${d.weekday}`);
    const style =
      d.kind === 'holiday' ? styles.headHoliday : d.weekday === 0 || d.weekday === 6 || d.kind === 'rest' ? styles.headWeekend : null;
    if (style) head.getCell(c).style = sub.getCell(c).style = style;
    ws.getColumn(c).width = 4.2;
  });
  totalsHeads.forEach(([text], i) => {
    head.getCell(totalsFrom + i).value = text;
    ws.mergeCells(3, totalsFrom + i, 4, totalsFrom + i);
    ws.getColumn(totalsFrom + i).width = i === totalsHeads.length - 1 ? 28 : 8;
  });
  head.height = 30;
  ws.getColumn(1).width = 9;
  ws.getColumn(2).width = 8;
  ws.getColumn(3).width = 7;

  let r = 5;
  const texts = new Map<string, string>();
  for (const p of sheet.people) {
    const row = ws.getRow(r++);
    [p.employeeNo, p.name, p.groupName ?? ''].forEach((value, i) => {
      const c = row.getCell(i + 1);
      c.value = value;
      c.style = styles.text;
    });
    p.cells.forEach((cell, i) => {
      const c = row.getCell(firstDay + i);
      let text = texts.get(cell);
      if (text === undefined) texts.set(cell, (text = cellText(t, cell, leaveSymbols)));
      c.value = text;
      const marks = cell.split('+').map((m) => m.replace(/:.*/, ''));
      const filled = marks.find((m) => styles.filled[m]);
      c.style = filled ? styles.filled[filled]! : styles.center;
    });
    totalsHeads.forEach(([, value], i) => {
      const c = row.getCell(totalsFrom + i);
      c.value = value(p);
      c.style = i < totalsHeads.length - 1 ? styles.center : styles.text;
    });
  }
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 4 }];

  // Legend and the rules the marks follow.
  r++;
  ws.getCell(r, 1).value = t('attendance.export.legend');
  ws.getCell(r++, 1).font = { ...font, bold: true };
  const legend = [
    ...markKeys
      .filter((m) => !['leave', 'pending', 'unpublished', 'none'].includes(m))
      .map((m) => `${t(`attendance.symbols.${m}`)} ${t(`attendance.marks.${m}`, { fine: context.fine })}`),
    ...sheet.leaveTypes.map((l) => `${l.symbol} ${l.label}`),
  ];
  ws.mergeCells(r, 1, r, lastColumn);
  ws.getCell(r, 1).value = legend.join('    ');
  ws.getCell(r++, 1).font = font;
  ws.mergeCells(r, 1, r, lastColumn);
  ws.getCell(r, 1).value = context.rules;
  ws.getCell(r, 1).font = { ...font, color: { argb: 'FF57606A' } };
  ws.getCell(r, 1).alignment = { wrapText: true };
  ws.getRow(r).height = 30;
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' };
}

function writeIssues(ws: ExcelJS.Worksheet, sheet: Sheet) {
  ws.columns = [{ width: 10 }, { width: 10 }, { width: 8 }, { width: 12 }, { width: 16 }, { width: 70 }];
  const head = ws.addRow([
    t('fields.employeeNo'),
    t('fields.name'),
    t('fields.group'),
    t('fields.date'),
    t('attendance.export.kind'),
    t('attendance.export.detail'),
  ]);
  head.font = { ...font, bold: true };
  for (const a of sheet.anomalies) {
    ws.addRow([a.employeeNo, a.name, a.groupName ?? '', a.date, t(`attendance.anomalyKinds.${a.kind}`), a.message]).font = font;
  }
  for (const f of sheet.flags) {
    ws.addRow([
      f.employeeNo,
      f.name,
      f.groupName ?? '',
      f.dates[0] ?? '',
      t(`attendance.flags.kinds.${f.kind}`),
      t('common.labelled', { label: f.message, value: f.dates.join(t('common.listSeparator')) }),
    ]).font = font;
  }
  if (sheet.anomalies.length === 0 && sheet.flags.length === 0) ws.addRow([t('attendance.export.noIssues')]).font = font;
}

export async function exportSheetXlsx(ctx: Ctx, input: { month: string; groupId: number | null }): Promise<FileOutput> {
  const { sheet } = buildSheet(ctx, input.month, input.groupId);
  const now = new Date();
  const scope = input.groupId === null ? t('attendance.export.wholeDepartment') : getGroup(ctx, input.groupId).name;
  const date = `${input.month}-01`;
  const rules = t('attendance.export.rules', {
    fine: getSetting(ctx, 'attendance.fineThresholdMinutes', date),
    fineYuan: getSetting(ctx, 'attendance.lateFineYuan', date),
    half: getSetting(ctx, 'attendance.halfDayThresholdMinutes', date),
    multiple: getSetting(ctx, 'attendance.absenceWageMultiple', date),
    cap: getSetting(ctx, 'law.deductionCapPercent', date),
  });
  const workbook = newWorkbook();
  writeSheet(workbook.addWorksheet(t('attendance.export.sheetName')), sheet, {
    scope,
    producedBy: ctx.actor.name,
    producedAt: localNow(now).slice(0, 16),
    rules,
    fine: getSetting(ctx, 'attendance.fineThresholdMinutes', date),
  });
  writeIssues(workbook.addWorksheet(t('attendance.export.issuesSheet')), sheet);
  return workbookFile(workbook, `${t('attendance.export.fileName')}-${scope.replace(/[\\/:*?"<>|\s]+/g, '_')}-${input.month}.xlsx`);
}
