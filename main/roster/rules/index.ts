import type { RosterIssue, RuleInput, Translate } from './types.ts';
import { buildGrid } from './grid.ts';
import { coverageIssues } from './coverage.ts';
import { personIssues } from './person.ts';

// The roster rules (ROS-1, ROS-4, LEV-5) as pure functions of plain values: main runs them for
// `check` and `publish`, the renderer runs the same code after every edit of the grid.

export * from './types.ts';
export { coverageCounts, type CoverageCount } from './coverage.ts';
export { durationText } from './person.ts';
export { shiftTypeProblems, type ShiftTypeProblem, type ShiftTypeTimes } from './shift-type.ts';
export { shiftLength, crossesMidnight, clock } from './time.ts';

/**
 * Every rule break on the checked days, ordered by date. `onlyPeople` limits the person rules
 * to some people (the grid after an edit); coverage is always checked in full.
 */
export function checkRoster(input: RuleInput, t: Translate, onlyPeople?: ReadonlySet<number>): RosterIssue[] {
  const grid = buildGrid(input);
  const issues: RosterIssue[] = [];
  coverageIssues(grid, t, issues);
  personIssues(grid, t, issues, onlyPeople);
  return issues.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Identifies an issue regardless of its wording, to tell new issues from old ones. */
export function issueKey(issue: RosterIssue): string {
  return `${issue.rule}|${issue.personId ?? ''}|${issue.date}|${issue.shiftTypeId ?? ''}`;
}
