import { checkRows, type RowIssue } from './checks.ts';
import { paidMinutes, plannedCoverage, type CoverageLine, type GridBase, type RowCells } from './model.ts';

// What the grid shows beside the cells: per row its rule breaks and hours, per coverage line and
// day how many are planned. Row results are cached by row identity, so an edit re-checks only the
// rows it replaced; coverage is one linear pass over all cells (a few thousand additions).

export interface RowSummary {
  issues: RowIssue[];
  /** Issues by date index, for the red (or orange, warnings only) corner and the hover text. */
  byDate: Map<number, RowIssue[]>;
  minutes: number;
}

export interface CoverageIssue {
  line: CoverageLine;
  day: number;
  date: string;
  planned: number;
  required: number;
}

const cache = new WeakMap<GridBase, WeakMap<RowCells, RowSummary>>();

export function rowSummaries(base: GridBase, rows: RowCells[]): RowSummary[] {
  let forBase = cache.get(base);
  if (!forBase) {
    forBase = new WeakMap();
    cache.set(base, forBase);
  }
  const known = forBase;
  const stale = rows.flatMap((row, i) => (known.has(row) ? [] : [i]));
  if (stale.length > 0) {
    for (const [r, issues] of checkRows(base, stale, rows)) {
      const byDate = new Map<number, RowIssue[]>();
      for (const issue of issues) byDate.set(issue.dateIdx, [...(byDate.get(issue.dateIdx) ?? []), issue]);
      known.set(rows[r]!, { issues, byDate, minutes: paidMinutes(base, rows[r]!) });
    }
  }
  return rows.map((row) => known.get(row)!);
}

/** Hours only: the rows before the month's first rule check (see GridEditor). */
export function uncheckedSummaries(base: GridBase, rows: RowCells[]): RowSummary[] {
  return rows.map((row) => ({ issues: [], byDate: new Map(), minutes: paidMinutes(base, row) }));
}

export function coverageIssues(base: GridBase, planned: number[][]): CoverageIssue[] {
  const out: CoverageIssue[] = [];
  base.coverageLines.forEach((line, l) => {
    line.required.forEach((required, day) => {
      if (planned[l]![day]! < required) out.push({ line, day, date: base.days[day]!.date, planned: planned[l]![day]!, required });
    });
  });
  return out;
}

export { plannedCoverage };
