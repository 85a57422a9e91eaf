import type { RosterIssue } from '../contract.ts';

// The plain values the roster rules read. MonthView (the month channel's answer) satisfies these
// types as it is, so the grid checks what it shows and the server checks the same data.

export type { RosterIssue };

/** Messages come from the caller's i18n: main's t() or the renderer's useTranslation().t. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface RuleShiftType {
  id: number;
  code: string;
  name: string;
  startMinute: number;
  endMinute: number;
  paidMinutes: number;
  /** The functions (ORG-2) that may work it; null for everyone. */
  functions: readonly string[] | null;
}

export interface RulePerson {
  id: number;
  name: string;
  function: string;
  /** First and last day the person belongs to this roster (employment and group membership). */
  activeFrom: string;
  activeTo: string | null;
}

/** [personId, date, shiftTypeId | 'rest', locked], as MonthView.cells. */
export type RuleCell = readonly [number, string, number | 'rest', boolean];

export interface RuleSettings {
  minRestMinutes: number;
  maxConsecutiveDays: number;
  dailyHours: number;
  weeklyHours: number;
}

export interface RuleRequirement {
  date: string;
  shiftTypeId: number;
  function: string | null;
  minPeople: number;
}

export interface RuleInput {
  /** The days checked (a month), in order; issues are reported on these days only. */
  days: ReadonlyArray<{ date: string }>;
  /** The days whose cells are known: the checked days plus seven on either side. */
  context: { from: string; to: string };
  people: ReadonlyArray<RulePerson>;
  shiftTypes: ReadonlyArray<RuleShiftType>;
  cells: ReadonlyArray<RuleCell>;
  /** Approved leave (LEV-5): the person is out of coverage and must not work that day. */
  leave: ReadonlyArray<{ personId: number; date: string }>;
  requirements: ReadonlyArray<RuleRequirement>;
  rules: RuleSettings;
}

/**
 * A rule break before it is put into words: the message is `t(key, params)`. The grid marks
 * cells from these and words only the ones the user looks at.
 */
export interface RawIssue extends Omit<RosterIssue, 'message'> {
  key: string;
  params: Record<string, string | number>;
}

/** The rules a roster is checked against, with the rule ID of domain.md each one cites. */
export const rosterRules = {
  coverage: 'ROS-1',
  rest: 'ROS-4',
  restDay: 'ROS-4',
  consecutiveDays: 'ROS-4',
  dailyHours: 'ROS-4',
  weeklyHours: 'ROS-4',
  leave: 'LEV-5',
  employment: 'ORG-3',
  function: 'ROS-3',
} as const;
export type RosterRule = keyof typeof rosterRules;

/**
 * Daily hours are a warning: the comprehensive working-hours system (LAW) allows long days when
 * the cycle averages out. Every other rule is a break the roster should not be published with.
 */
export function ruleSeverity(rule: string): 'error' | 'warning' {
  return rule === 'dailyHours' ? 'warning' : 'error';
}
