import type { CellChange, CellValue, MonthView, ShiftType } from '../../../../main/roster/contract.ts';
import { dayNumber, weekdayOfDayNumber } from '../../../../main/roster/rules/time.ts';
import { datesBetween } from '../dates.ts';

// The grid's data, shaped for speed: one row of cells per person over the whole context range
// (the month plus the days before and after that the rest rules look at), indexed by position.

export type MonthDay = MonthView['days'][number];
export type MonthPerson = MonthView['people'][number];
export type LeaveEntry = MonthView['leave'][number];

/** One person's cells over `GridBase.dates`; replaced as a whole when any of its cells changes. */
export interface RowCells {
  readonly values: readonly CellValue[];
  readonly locked: readonly boolean[];
}

/** A coverage line: one shift (and optionally one function) with what each month day requires. */
export interface CoverageLine {
  key: string;
  shift: ShiftType;
  fn: string | null;
  required: number[];
}

/** Everything about the month that editing does not change. */
export interface GridBase {
  view: MonthView;
  dates: string[];
  dateIndex: Map<string, number>;
  /** 0 = Sunday … 6 = Saturday, per date. */
  dateWeekday: number[];
  /** Index in `dates` of the month's first day. */
  first: number;
  days: MonthDay[];
  people: MonthPerson[];
  rowOf: Map<number, number>;
  /** Per row: the date indexes [from, to] the person is employed (and so can hold a cell). */
  employed: Array<{ from: number; to: number }>;
  shiftById: Map<number, ShiftType>;
  /** Letters typed in the grid, for shift types in use (not archived). */
  shiftByCode: Map<string, ShiftType>;
  /** Per row: leave by date index (LEV-5). */
  leave: Array<Map<number, LeaveEntry>>;
  coverageLines: CoverageLine[];
}

export const cellKey = (personId: number, date: string) => `${personId}:${date}`;

export function buildBase(view: MonthView): GridBase {
  const dates = datesBetween(view.context.from, view.context.to);
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const first = dateIndex.get(view.days[0]?.date ?? '') ?? 0;
  const rowOf = new Map(view.people.map((p, i) => [p.id, i]));
  const employed = view.people.map((p) => ({
    from: p.activeFrom <= dates[0]! ? 0 : (dateIndex.get(p.activeFrom) ?? dates.length),
    to: p.activeTo === null || p.activeTo >= dates[dates.length - 1]! ? dates.length - 1 : (dateIndex.get(p.activeTo) ?? -1),
  }));
  const shiftById = new Map(view.shiftTypes.map((s) => [s.id, s]));
  const shiftByCode = new Map(view.shiftTypes.filter((s) => !s.archivedOn).map((s) => [s.code, s]));
  const leave = view.people.map(() => new Map<number, LeaveEntry>());
  for (const entry of view.leave) {
    const row = rowOf.get(entry.personId);
    const index = dateIndex.get(entry.date);
    if (row !== undefined && index !== undefined) leave[row]!.set(index, entry);
  }
  return {
    view,
    dates,
    dateIndex,
    dateWeekday: dates.map((d) => weekdayOfDayNumber(dayNumber(d))),
    first,
    days: view.days,
    people: view.people,
    rowOf,
    employed,
    shiftById,
    shiftByCode,
    leave,
    coverageLines: buildCoverageLines(view, shiftById),
  };
}

/** One line per shift with a requirement in the month, then one per shift and function minimum. */
function buildCoverageLines(view: MonthView, shiftById: Map<number, ShiftType>): CoverageLine[] {
  const dayOf = new Map(view.days.map((d, i) => [d.date, i]));
  const lines = new Map<string, CoverageLine>();
  for (const shift of view.shiftTypes) {
    if (!shift.archivedOn) lines.set(`${shift.id}:`, { key: `${shift.id}:`, shift, fn: null, required: view.days.map(() => 0) });
  }
  for (const r of view.requirements) {
    const shift = shiftById.get(r.shiftTypeId);
    const day = dayOf.get(r.date);
    if (!shift || day === undefined) continue;
    const key = `${r.shiftTypeId}:${r.function ?? ''}`;
    let line = lines.get(key);
    if (!line) {
      line = { key, shift, fn: r.function, required: view.days.map(() => 0) };
      lines.set(key, line);
    }
    line.required[day] = r.minPeople;
  }
  const order = new Map(view.shiftTypes.map((s, i) => [s.id, i]));
  return [...lines.values()].sort((a, b) => order.get(a.shift.id)! - order.get(b.shift.id)! || (a.fn ?? '').localeCompare(b.fn ?? ''));
}

export function buildRows(base: GridBase): RowCells[] {
  const values = base.people.map(() => new Array<CellValue>(base.dates.length).fill(null));
  const locked = base.people.map(() => new Array<boolean>(base.dates.length).fill(false));
  for (const [personId, date, value, isLocked] of base.view.cells) {
    const row = base.rowOf.get(personId);
    const index = base.dateIndex.get(date);
    if (row === undefined || index === undefined) continue;
    values[row]![index] = value;
    locked[row]![index] = isLocked;
  }
  return values.map((v, i) => ({ values: v, locked: locked[i]! }));
}

/** The rows with the changes applied; rows without changes keep their identity (memoised rows skip rendering). */
export function applyChanges(base: GridBase, rows: RowCells[], changes: readonly CellChange[]): RowCells[] {
  const next = rows.slice();
  const copied = new Set<number>();
  for (const change of changes) {
    const row = base.rowOf.get(change.personId);
    const index = base.dateIndex.get(change.date);
    if (row === undefined || index === undefined) continue;
    if (!copied.has(row)) {
      next[row] = { values: next[row]!.values.slice(), locked: next[row]!.locked.slice() };
      copied.add(row);
    }
    (next[row]!.values as CellValue[])[index] = change.value;
    // A cleared cell is gone in main, and its lock with it.
    if (change.value === null) (next[row]!.locked as boolean[])[index] = false;
  }
  return next;
}

export function applyLocks(
  base: GridBase,
  rows: RowCells[],
  cells: ReadonlyArray<{ personId: number; date: string }>,
  locked: boolean,
): RowCells[] {
  const next = rows.slice();
  const copied = new Set<number>();
  for (const cell of cells) {
    const row = base.rowOf.get(cell.personId);
    const index = base.dateIndex.get(cell.date);
    if (row === undefined || index === undefined) continue;
    if (!copied.has(row)) {
      next[row] = { values: next[row]!.values, locked: next[row]!.locked.slice() };
      copied.add(row);
    }
    (next[row]!.locked as boolean[])[index] = locked;
  }
  return next;
}

/** The changes that undo `changes`, read from the rows before they were applied. */
export function inverseOf(base: GridBase, rows: RowCells[], changes: readonly CellChange[]): CellChange[] {
  return changes.map((c) => ({
    personId: c.personId,
    date: c.date,
    value: rows[base.rowOf.get(c.personId)!]!.values[base.dateIndex.get(c.date)!] ?? null,
  }));
}

/** Drops changes that would change nothing, so undo history and the server see only real edits. */
export function effectiveChanges(base: GridBase, rows: RowCells[], changes: readonly CellChange[]): CellChange[] {
  const last = new Map<string, CellChange>();
  for (const c of changes) last.set(cellKey(c.personId, c.date), c);
  return [...last.values()].filter((c) => {
    const row = base.rowOf.get(c.personId);
    const index = base.dateIndex.get(c.date);
    return row !== undefined && index !== undefined && rows[row]!.values[index] !== c.value;
  });
}

/** Can this cell hold a value? Only month days inside the person's employment. */
export function isEditable(base: GridBase, row: number, dateIdx: number): boolean {
  const e = base.employed[row];
  return e !== undefined && dateIdx >= base.first && dateIdx < base.first + base.days.length && dateIdx >= e.from && dateIdx <= e.to;
}

/**
 * Planned people per coverage line and month day, counted as main/roster/rules/coverage.ts does:
 * people on approved leave (LEV-5) and days outside a person's time on the roster do not count.
 */
export function plannedCoverage(base: GridBase, rows: RowCells[]): number[][] {
  const n = base.days.length;
  const byShift = new Map<number, number[]>();
  const byShiftFn = new Map<string, number[]>();
  for (const line of base.coverageLines) {
    if (line.fn === null) byShift.set(line.shift.id, new Array<number>(n).fill(0));
    else byShiftFn.set(`${line.shift.id}:${line.fn}`, new Array<number>(n).fill(0));
  }
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r]!.values;
    const leave = base.leave[r]!;
    const fn = base.people[r]!.function;
    const { from, to } = base.employed[r]!;
    for (let d = 0; d < n; d++) {
      const i = base.first + d;
      const v = values[i];
      if (typeof v !== 'number' || i < from || i > to || (leave.size > 0 && leave.has(i))) continue;
      const all = byShift.get(v);
      if (all) all[d]!++;
      if (byShiftFn.size > 0) {
        const mine = byShiftFn.get(`${v}:${fn}`);
        if (mine) mine[d]!++;
      }
    }
  }
  return base.coverageLines.map((line) => (line.fn === null ? byShift.get(line.shift.id)! : byShiftFn.get(`${line.shift.id}:${line.fn}`)!));
}

/** Paid minutes a person is rostered for in the month. */
export function paidMinutes(base: GridBase, row: RowCells): number {
  let total = 0;
  for (let d = 0; d < base.days.length; d++) {
    const v = row.values[base.first + d];
    if (typeof v === 'number') total += base.shiftById.get(v)?.paidMinutes ?? 0;
  }
  return total;
}
