import type { RuleInput, RuleShiftType, RulePerson } from './types.ts';
import { dayNumber, dateOfDayNumber, shiftLength, weekdayOfDayNumber } from './time.ts';

/** No cell on that day. */
export const EMPTY = -1;
/** A deliberate day off. */
export const REST = -2;

/**
 * The roster as typed arrays, person × day over the context, so every rule is one linear pass
 * without allocating per cell: what lets the grid re-check 200 × 31 after every edit.
 */
export interface Grid {
  input: RuleInput;
  /** Day number (days since 1970-01-01) of context day 0. */
  firstDay: number;
  /** Days in the context. */
  length: number;
  /** The date of each context day. */
  dates: string[];
  /** Context indices of the first and last checked day. */
  first: number;
  last: number;
  people: ReadonlyArray<RulePerson>;
  shifts: ReadonlyArray<RuleShiftType>;
  personIndex: Map<number, number>;
  shiftIndex: Map<number, number>;
  /** Per shift: start minute, length and paid minutes. */
  start: Int32Array;
  span: Int32Array;
  paid: Int32Array;
  /** cell[p * length + d]: a shift index, EMPTY or REST. */
  cell: Int32Array;
  onLeave: Uint8Array;
  /** Per person: the first and last context index the person is active on (may lie outside). */
  activeFrom: Int32Array;
  activeTo: Int32Array;
}

export function buildGrid(input: RuleInput): Grid {
  const firstDay = dayNumber(input.context.from);
  const length = Math.max(0, dayNumber(input.context.to) - firstDay + 1);
  const dates = Array.from({ length }, (_, d) => dateOfDayNumber(firstDay + d));
  const dateIndex = new Map(dates.map((date, d) => [date, d]));
  // Dates outside the context fall back to arithmetic (activity bounds may lie years away).
  const index = (date: string) => dateIndex.get(date) ?? dayNumber(date) - firstDay;
  const people = input.people;
  const shifts = input.shiftTypes;
  const personIndex = new Map<number, number>();
  people.forEach((p, i) => personIndex.set(p.id, i));
  const shiftIndex = new Map<number, number>();
  const start = new Int32Array(shifts.length);
  const span = new Int32Array(shifts.length);
  const paid = new Int32Array(shifts.length);
  shifts.forEach((s, i) => {
    shiftIndex.set(s.id, i);
    start[i] = s.startMinute;
    span[i] = shiftLength(s.startMinute, s.endMinute);
    paid[i] = s.paidMinutes;
  });

  const cell = new Int32Array(people.length * length).fill(EMPTY);
  for (const [personId, date, value] of input.cells) {
    const p = personIndex.get(personId);
    const d = index(date);
    if (p === undefined || d < 0 || d >= length) continue;
    const s = value === 'rest' ? REST : shiftIndex.get(value);
    if (s !== undefined) cell[p * length + d] = s;
  }
  const onLeave = new Uint8Array(people.length * length);
  for (const { personId, date } of input.leave) {
    const p = personIndex.get(personId);
    const d = index(date);
    if (p !== undefined && d >= 0 && d < length) onLeave[p * length + d] = 1;
  }
  const activeFrom = new Int32Array(people.length);
  const activeTo = new Int32Array(people.length);
  people.forEach((p, i) => {
    activeFrom[i] = index(p.activeFrom);
    activeTo[i] = p.activeTo === null ? length + 1 : index(p.activeTo);
  });
  const days = input.days;
  return {
    input,
    firstDay,
    length,
    dates,
    first: days.length > 0 ? index(days[0]!.date) : 0,
    last: days.length > 0 ? index(days[days.length - 1]!.date) : -1,
    people,
    shifts,
    personIndex,
    shiftIndex,
    start,
    span,
    paid,
    cell,
    onLeave,
    activeFrom,
    activeTo,
  };
}

export function dateAt(grid: Grid, d: number): string {
  return d >= 0 && d < grid.length ? grid.dates[d]! : dateOfDayNumber(grid.firstDay + d);
}

/** 0 = Sunday … 6 = Saturday for context day d. */
export function weekdayAt(grid: Grid, d: number): number {
  return weekdayOfDayNumber(grid.firstDay + d);
}
