import type { TFunction } from 'i18next';
import type { CellValue } from '../../../../main/roster/contract.ts';
import { explain, type Translate } from '../../../../main/roster/rules/index.ts';
import type { RowIssue } from './checks.ts';
import type { CoverageIssue } from './derived.ts';
import type { GridBase } from './model.ts';
import { formatMinute } from '../dates.ts';

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

export function describeCoverageIssue(t: TFunction, issue: CoverageIssue): string {
  const { line } = issue;
  const params: Record<string, string | number> = {
    date: issue.date,
    shift: line.shift.name,
    required: issue.required,
    planned: issue.planned,
    short: issue.required - issue.planned,
  };
  if (line.fn) params.function = `functions.${line.fn}`;
  return explain(
    {
      rule: 'coverage',
      ruleId: 'ROS-1',
      personId: null,
      date: issue.date,
      shiftTypeId: line.shift.id,
      key: line.fn ? 'roster.rules.coverageFunction' : 'roster.rules.coverage',
      params,
    },
    t as unknown as Translate,
  );
}

export function describeValue(t: TFunction, base: GridBase, value: CellValue): string {
  if (value === 'rest') return t('roster.grid.restDay');
  if (value === null) return t('roster.grid.emptyCell');
  const shift = base.shiftById.get(value);
  if (!shift) return '?';
  const next = shift.endMinute <= shift.startMinute ? t('roster.shiftsTab.nextDay') : '';
  return `${shift.code} ${shift.name} ${formatMinute(shift.startMinute)}–${next}${formatMinute(shift.endMinute)}`;
}
