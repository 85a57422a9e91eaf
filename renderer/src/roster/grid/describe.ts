import type { TFunction } from 'i18next';
import type { CellValue, ShiftType } from '../../../../main/roster/contract.ts';
import { clock, coverageIssueOf, explain, type Translate } from '../../../../main/roster/rules/index.ts';
import type { RowIssue } from './checks.ts';
import type { CoverageIssue } from './derived.ts';
import type { GridBase } from './model.ts';

// Plain-language text for what the grid marks: a rule break, a coverage gap, a cell, a day.

export function dayLabel(t: TFunction, base: GridBase, dateIdx: number): string {
  const date = base.dates[dateIdx];
  if (!date) return '';
  const weekday = t('roster.grid.weekdaysShort').split(',')[base.dateWeekday[dateIdx]!];
  return t('roster.grid.dayLabel', { month: Number(date.slice(5, 7)), day: Number(date.slice(8)), weekday });
}

/** The shared rules' own wording (main/roster/rules), so the grid and the publish check say the same. */
export function describeRowIssue(t: TFunction, issue: RowIssue): string {
  return explain(issue, t as unknown as Translate);
}

/** The rules' own wording of a coverage gap (main/roster/rules/coverage.ts), as publish words it. */
export function describeCoverageIssue(t: TFunction, issue: CoverageIssue): string {
  const { line } = issue;
  const count = { date: issue.date, shiftTypeId: line.shift.id, function: line.fn, required: issue.required, planned: issue.planned };
  return explain(coverageIssueOf(count, line.shift.name), t as unknown as Translate);
}

/** "22:00–次日06:00": a shift's times; one ending at or before its start ends on the next day. */
export function shiftTimeText(shift: Pick<ShiftType, 'startMinute' | 'endMinute'>, nextDayWord: string): string {
  const next = shift.endMinute <= shift.startMinute ? nextDayWord : '';
  return `${clock(shift.startMinute)}–${next}${clock(shift.endMinute)}`;
}

export function describeValue(t: TFunction, base: GridBase, value: CellValue): string {
  if (value === 'rest') return t('roster.grid.restDay');
  if (value === null) return t('roster.grid.emptyCell');
  const shift = base.shiftById.get(value);
  if (!shift) return '?';
  return `${shift.code} ${shift.name} ${shiftTimeText(shift, t('roster.shiftsTab.nextDay'))}`;
}
