import type { RawIssue, RosterIssue, RuleInput, Translate } from './types.ts';
import { buildGrid } from './grid.ts';
import { coverageIssues } from './coverage.ts';
import { personIssues, explain } from './person.ts';

// The roster rules (ROS-1, ROS-4, LEV-5) as pure functions of plain values: main runs them for
// `check` and `publish`, the renderer runs the same code after every edit of the grid.

export * from './types.ts';
export { coverageCounts, coverageIssueOf, type CoverageCount } from './coverage.ts';
export { durationText, explain } from './person.ts';
export { shiftTypeProblems, type ShiftTypeProblem, type ShiftTypeTimes } from './shift-type.ts';
export { shiftLength, crossesMidnight, clock } from './time.ts';

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Every rule break on the checked days, ordered by date, not yet put into words (cheap enough to
 * run after every edit of a 200 × 31 grid). `onlyPeople` limits the person rules to some people;
 * coverage is always checked in full.
 */
export function findIssues(input: RuleInput, onlyPeople?: ReadonlySet<number>): RawIssue[] {
  const grid = buildGrid(input);
  const issues: RawIssue[] = [];
  coverageIssues(grid, issues);
  personIssues(grid, issues, onlyPeople);
  return issues.sort(byDate);
}

/** Every rule break on the checked days with its plain-language explanation. */
export function checkRoster(input: RuleInput, t: Translate, onlyPeople?: ReadonlySet<number>): RosterIssue[] {
  return findIssues(input, onlyPeople).map((issue) => ({
    rule: issue.rule,
    ruleId: issue.ruleId,
    personId: issue.personId,
    date: issue.date,
    shiftTypeId: issue.shiftTypeId,
    message: explain(issue, t),
  }));
}

/** Identifies an issue regardless of its wording, to tell new issues from old ones. */
export function issueKey(issue: Pick<RosterIssue, 'rule' | 'personId' | 'date' | 'shiftTypeId'>): string {
  return `${issue.rule}|${issue.personId ?? ''}|${issue.date}|${issue.shiftTypeId ?? ''}`;
}
