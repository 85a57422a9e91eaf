// The roster as an Excel workbook for HR and the notice board (排班表): one sheet per group,
// people × days with the shift colours, totals per person and per day, holidays marked, and a
// legend of the shift types.
import type ExcelJS from 'exceljs';
import type { Ctx } from '../app/context.ts';
import { localToday } from '../app/context.ts';
import type { FileOutput } from '../ipc/fields.ts';
import { t } from '../i18n/index.ts';
import { newWorkbook, workbookFile } from '../files/xlsx.ts';
import { department } from '../people/service.ts';
import type { MonthView } from './contract.ts';
import { monthView } from './month.ts';

type Day = MonthView['days'][number];

const colours = {
  header: 'FFE8F0FE',
  weekend: 'FFF3F4F6',
  holiday: 'FFFDE2E1',
  workday: 'FFFFF1D6',
  rest: 'FFF5F5F5',
  outside: 'FFE5E7EB',
};

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFD0D5DD' } },
  left: { style: 'thin', color: { argb: 'FFD0D5DD' } },
  bottom: { style: 'thin', color: { argb: 'FFD0D5DD' } },
  right: { style: 'thin', color: { argb: 'FFD0D5DD' } },
};

/** '#3B82F6' → 'FF3B82F6' */
export function argbOf(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Dark text on light colours, white on dark ones (relative luminance). */
function textOn(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? 'FF111827' : 'FFFFFFFF';
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base.slice(0, 28)}(${i})`;
  taken.add(candidate);
  return candidate;
}

/** One month view per sheet: the group's, or each group's of the department that has people in the month. */
export function sheetViews(ctx: Ctx, month: string, groupId: number | null): MonthView[] {
  if (groupId !== null) return [monthView(ctx, month, groupId)];
  return monthView(ctx, month, null)
    .groups.map((g) => monthView(ctx, month, g.id))
    .filter((v) => v.people.length > 0);
}

function weekdayLabel(day: Day): string {
  if (day.kind === 'holiday') return day.holidayName ?? t('roster.export.holiday');
  if (day.kind === 'rest') return t('roster.export.restDayMark');
  if (day.kind === 'workday') return t('roster.export.workdayMark');
  return t(`roster.export.weekdays.${day.weekday}`);
}

function dayFill(day: Day): string | null {
  if (day.kind === 'holiday' || day.kind === 'rest') return colours.holiday;
  if (day.kind === 'workday') return colours.workday;
  return day.weekday === 0 || day.weekday === 6 ? colours.weekend : null;
}

/** The group's name in a group view. */
const groupName = (view: MonthView) => view.groups.find((g) => g.id === view.groupId)?.name ?? '';

function writeSheet(
  sheet: ExcelJS.Worksheet,
  view: MonthView,
  context: { department: string; month: string; producedBy: string; producedAt: string },
): void {
  const { days } = view;
  const shifts = view.shiftTypes;
  const byId = new Map(shifts.map((s) => [s.id, s]));
  // Cells of the month only (the view carries a week of context on either side).
  const cells = new Map<string, number | 'rest'>();
  for (const [personId, date, value] of view.cells) cells.set(`${personId} ${date}`, value);
  const firstDay = 3;
  const totalShifts = firstDay + days.length;
  const totalHours = totalShifts + 1;
  const [year, month] = context.month.split('-');

  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 10;
  for (let i = 0; i < days.length; i++) sheet.getColumn(firstDay + i).width = 5.2;
  sheet.getColumn(totalShifts).width = 8;
  sheet.getColumn(totalHours).width = 10;

  // Title and who produced it.
  sheet.mergeCells(1, 1, 1, totalHours);
  const title = sheet.getCell(1, 1);
  title.value = t('roster.export.title', { department: context.department || '—', group: groupName(view), year, month: Number(month) });
  title.font = { bold: true, size: 14, name: '等线' };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 26;
  sheet.mergeCells(2, 1, 2, totalHours);
  const byline = sheet.getCell(2, 1);
  byline.value = t('roster.export.producedBy', { name: context.producedBy, at: context.producedAt });
  byline.font = { size: 9, color: { argb: 'FF6B7280' }, name: '等线' };
  byline.alignment = { horizontal: 'right' };

  // Two header rows: day of the month, then weekday or holiday mark.
  const head = sheet.getRow(3);
  const marks = sheet.getRow(4);
  head.getCell(1).value = t('roster.export.employeeNo');
  head.getCell(2).value = t('roster.export.name');
  head.getCell(totalShifts).value = t('roster.export.shiftCount');
  head.getCell(totalHours).value = t('roster.export.paidHours');
  days.forEach((day, i) => {
    head.getCell(firstDay + i).value = Number(day.date.slice(8));
    const mark = marks.getCell(firstDay + i);
    mark.value = weekdayLabel(day);
    const fill = dayFill(day);
    if (fill) {
      head.getCell(firstDay + i).fill = solid(fill);
      mark.fill = solid(fill);
    }
    if (day.kind === 'holiday' && day.holidayName) mark.note = day.holidayName;
  });
  for (const row of [head, marks]) {
    row.font = { bold: true, name: '等线', size: 10 };
    row.alignment = { horizontal: 'center', vertical: 'middle', shrinkToFit: true };
    for (let c = 1; c <= totalHours; c++) {
      const cell = row.getCell(c);
      cell.border = thin;
      if (!cell.fill || (cell.fill as ExcelJS.FillPattern).pattern !== 'solid') cell.fill = solid(colours.header);
    }
  }
  sheet.mergeCells(3, 1, 4, 1);
  sheet.mergeCells(3, 2, 4, 2);
  sheet.mergeCells(3, totalShifts, 4, totalShifts);
  sheet.mergeCells(3, totalHours, 4, totalHours);
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];

  // One row per person.
  const perDay = days.map(() => new Map<string, number>());
  let rowIndex = 5;
  for (const person of view.people) {
    const row = sheet.getRow(rowIndex++);
    row.getCell(1).value = person.employeeNo;
    row.getCell(2).value = person.name;
    let count = 0;
    let paid = 0;
    days.forEach((day, i) => {
      const cell = row.getCell(firstDay + i);
      cell.border = thin;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      if (day.date < person.activeFrom || (person.activeTo !== null && day.date > person.activeTo)) {
        cell.fill = solid(colours.outside);
        return;
      }
      const value = cells.get(`${person.id} ${day.date}`);
      if (value === 'rest') {
        cell.value = t('roster.export.restCell');
        cell.fill = solid(colours.rest);
        cell.font = { color: { argb: 'FF6B7280' }, name: '等线' };
        return;
      }
      const shift = typeof value === 'number' ? byId.get(value) : undefined;
      if (!shift) return;
      cell.value = shift.code;
      cell.fill = solid(argbOf(shift.color));
      cell.font = { bold: true, color: { argb: textOn(shift.color) }, name: '等线' };
      count++;
      paid += shift.paidMinutes;
      perDay[i]!.set(shift.code, (perDay[i]!.get(shift.code) ?? 0) + 1);
    });
    row.getCell(totalShifts).value = count;
    row.getCell(totalHours).value = Math.round((paid / 60) * 10) / 10;
    row.getCell(totalHours).numFmt = '0.0';
    for (const c of [1, 2, totalShifts, totalHours]) row.getCell(c).border = thin;
  }

  // Per day: people on each shift type that is in use, then everyone at work.
  rowIndex++;
  const used = shifts.filter((s) => !s.archivedOn || perDay.some((d) => d.has(s.code)));
  for (const shift of used) {
    const row = sheet.getRow(rowIndex++);
    row.getCell(1).value = t('roster.export.perDayShift', { code: shift.code });
    row.getCell(2).value = shift.name;
    row.getCell(1).fill = solid(argbOf(shift.color));
    row.getCell(1).font = { bold: true, color: { argb: textOn(shift.color) }, name: '等线' };
    days.forEach((_day, i) => {
      const cell = row.getCell(firstDay + i);
      cell.value = perDay[i]!.get(shift.code) ?? 0;
      cell.alignment = { horizontal: 'center' };
      cell.border = thin;
    });
  }
  const atWork = sheet.getRow(rowIndex++);
  atWork.getCell(1).value = t('roster.export.perDayTotal');
  atWork.font = { bold: true, name: '等线' };
  days.forEach((_day, i) => {
    const cell = atWork.getCell(firstDay + i);
    cell.value = [...perDay[i]!.values()].reduce((a, b) => a + b, 0);
    cell.alignment = { horizontal: 'center' };
    cell.border = thin;
  });

  // Legend.
  rowIndex++;
  const legendHead = sheet.getRow(rowIndex++);
  legendHead.getCell(1).value = t('roster.export.legend');
  legendHead.font = { bold: true, name: '等线' };
  const columns = [t('roster.export.code'), t('roster.export.shiftName'), t('roster.export.times'), t('roster.export.paidHours')];
  const legendColumns = sheet.getRow(rowIndex++);
  columns.forEach((text, i) => {
    legendColumns.getCell(1 + i * 2).value = text;
    legendColumns.getCell(1 + i * 2).font = { bold: true, name: '等线', color: { argb: 'FF6B7280' } };
  });
  for (const shift of used) {
    const row = sheet.getRow(rowIndex++);
    const code = row.getCell(1);
    code.value = shift.code;
    code.fill = solid(argbOf(shift.color));
    code.font = { bold: true, color: { argb: textOn(shift.color) }, name: '等线' };
    code.alignment = { horizontal: 'center' };
    row.getCell(3).value = shift.name;
    row.getCell(5).value =
      `${clock(shift.startMinute)}–${clock(shift.endMinute)}${shift.endMinute <= shift.startMinute ? t('roster.export.nextDay') : ''}`;
    row.getCell(7).value = Math.round((shift.paidMinutes / 60) * 100) / 100;
  }
  const restRow = sheet.getRow(rowIndex++);
  restRow.getCell(1).value = t('roster.export.restCell');
  restRow.getCell(1).fill = solid(colours.rest);
  restRow.getCell(1).alignment = { horizontal: 'center' };
  restRow.getCell(3).value = t('roster.export.restMeaning');
  const holidayRow = sheet.getRow(rowIndex++);
  holidayRow.getCell(1).fill = solid(colours.holiday);
  holidayRow.getCell(3).value = t('roster.export.holidayMeaning');
  const workdayRow = sheet.getRow(rowIndex);
  workdayRow.getCell(1).fill = solid(colours.workday);
  workdayRow.getCell(3).value = t('roster.export.workdayMeaning');

  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' };
}

/** 排班表 for a group or the whole department (one sheet per group). */
export async function exportRosterXlsx(ctx: Ctx, input: { month: string; groupId: number | null }): Promise<FileOutput> {
  const views = sheetViews(ctx, input.month, input.groupId);
  const departmentName = department(ctx).name;
  const now = new Date();
  const producedAt = `${localToday(now)} ${clock(now.getHours() * 60 + now.getMinutes())}`;
  const workbook = newWorkbook();
  const taken = new Set<string>();
  const context = { department: departmentName, month: input.month, producedBy: ctx.actor.name, producedAt };
  if (views.length === 0) {
    const sheet = workbook.addWorksheet(sheetName(t('roster.export.sheetEmpty'), taken));
    sheet.getCell(1, 1).value = t('roster.export.nothing', { month: input.month });
  }
  for (const view of views) writeSheet(workbook.addWorksheet(sheetName(groupName(view), taken)), view, context);
  const scope = input.groupId === null ? departmentName || t('roster.export.allGroups') : groupName(views[0]!);
  return workbookFile(workbook, `${t('roster.export.fileName')}-${scope.replace(/[\\/:*?"<>|\s]+/g, '_')}-${input.month}.xlsx`);
}
