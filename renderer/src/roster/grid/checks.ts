import { findIssues, ruleSeverity, type RawIssue, type RuleCell, type RuleInput } from '../../../../main/roster/rules/index.ts';
import type { GridBase, RowCells } from './model.ts';

// The grid runs the same rule code as main's check and publish (main/roster/rules), one person at
// a time: an edit re-checks only the rows it replaced, each a linear pass over ~45 days.

export interface RowIssue extends RawIssue {
  /** Index into GridBase.dates of the day the issue is on. */
  dateIdx: number;
  severity: 'error' | 'warning';
}

/** The parts of the rule input that editing does not change, shared by every row's check. */
export function staticRuleInput(base: GridBase): Omit<RuleInput, 'people' | 'cells' | 'leave'> {
  const { view } = base;
  return { days: view.days, context: view.context, shiftTypes: view.shiftTypes, requirements: [], rules: view.rules };
}

const inputs = new WeakMap<GridBase, ReturnType<typeof staticRuleInput>>();

/**
 * Checks the given rows in one pass of the shared rules (one person at a time when editing, all
 * at once when the month opens: one set of day arrays instead of one per person).
 */
export function checkRows(base: GridBase, rowIndexes: number[], rows: RowCells[]): Map<number, RowIssue[]> {
  let input = inputs.get(base);
  if (!input) inputs.set(base, (input = staticRuleInput(base)));
  const cells: RuleCell[] = [];
  const leave: Array<{ personId: number; date: string }> = [];
  for (const r of rowIndexes) {
    const personId = base.people[r]!.id;
    const { values, locked } = rows[r]!;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value !== null && value !== undefined) cells.push([personId, base.dates[i]!, value, locked[i]!]);
    }
    for (const entry of base.leave[r]!.values()) leave.push(entry);
  }
  const people = rowIndexes.map((r) => base.people[r]!);
  const byRow = new Map<number, RowIssue[]>(rowIndexes.map((r) => [r, []]));
  for (const issue of findIssues({ ...input, people, cells, leave })) {
    const r = issue.personId === null ? undefined : base.rowOf.get(issue.personId);
    if (r === undefined) continue;
    byRow.get(r)?.push({ ...issue, dateIdx: base.dateIndex.get(issue.date) ?? -1, severity: ruleSeverity(issue.rule) });
  }
  return byRow;
}
