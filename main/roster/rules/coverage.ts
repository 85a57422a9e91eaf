import type { RawIssue } from './types.ts';
import { rosterRules } from './types.ts';
import type { Grid } from './grid.ts';
import { dayNumber } from './time.ts';

export interface CoverageCount {
  date: string;
  shiftTypeId: number;
  function: string | null;
  required: number;
  /** People on the shift that day who count: active on the roster and not on approved leave. */
  planned: number;
}

/**
 * ROS-1: required against planned for every requirement on the checked days. Approved leave
 * (LEV-5) and days outside a person's time on the roster do not count as planned.
 */
export function coverageCounts(grid: Grid): CoverageCount[] {
  const { length, first, last, cell, onLeave, activeFrom, activeTo, people } = grid;
  const shiftCount = grid.shifts.length;
  const days = Math.max(0, last - first + 1);
  const functionIndex = new Map<string, number>();
  const personFunction = new Int32Array(people.length);
  people.forEach((p, i) => {
    let f = functionIndex.get(p.function);
    if (f === undefined) functionIndex.set(p.function, (f = functionIndex.size));
    personFunction[i] = f;
  });
  const functions = functionIndex.size;
  const total = new Int32Array(days * shiftCount);
  const byFunction = new Int32Array(days * shiftCount * functions);
  for (let p = 0; p < people.length; p++) {
    const from = Math.max(first, activeFrom[p]!);
    const to = Math.min(last, activeTo[p]!);
    const row = p * length;
    for (let d = from; d <= to; d++) {
      const s = cell[row + d]!;
      if (s < 0 || onLeave[row + d]) continue;
      const slot = (d - first) * shiftCount + s;
      total[slot]!++;
      byFunction[slot * functions + personFunction[p]!]!++;
    }
  }
  const counts: CoverageCount[] = [];
  for (const r of grid.input.requirements) {
    const s = grid.shiftIndex.get(r.shiftTypeId);
    const d = dayNumber(r.date) - grid.firstDay;
    if (s === undefined || d < first || d > last) continue;
    const slot = (d - first) * shiftCount + s;
    let planned = total[slot]!;
    if (r.function !== null) {
      const f = functionIndex.get(r.function);
      planned = f === undefined ? 0 : byFunction[slot * functions + f]!;
    }
    counts.push({ date: r.date, shiftTypeId: r.shiftTypeId, function: r.function, required: r.minPeople, planned });
  }
  return counts;
}

/** The ROS-1 issue of a short post, not yet put into words (the grid words its own gaps the same way). */
export function coverageIssueOf(c: CoverageCount, shiftName: string): RawIssue {
  const params: Record<string, string | number> = {
    date: c.date,
    shift: shiftName,
    required: c.required,
    planned: c.planned,
    short: c.required - c.planned,
  };
  if (c.function !== null) params.function = `functions.${c.function}`;
  return {
    rule: 'coverage',
    ruleId: rosterRules.coverage,
    personId: null,
    date: c.date,
    shiftTypeId: c.shiftTypeId,
    key: c.function === null ? 'roster.rules.coverage' : 'roster.rules.coverageFunction',
    params,
  };
}

export function coverageIssues(grid: Grid, out: RawIssue[]): void {
  const shifts = grid.shifts;
  for (const c of coverageCounts(grid)) {
    if (c.planned >= c.required) continue;
    out.push(coverageIssueOf(c, shifts[grid.shiftIndex.get(c.shiftTypeId)!]!.name));
  }
}
