import type { CellChange, CellValue } from '../../../../main/roster/contract.ts';
import { isEditable, type GridBase, type RowCells } from './model.ts';
import type { Rect } from './selection.ts';

// Turning a user's gesture into a batch of cell changes: filling a selection, drag-to-fill,
// copying the previous week, applying a rotation pattern. Pure functions of the grid's state.
// Days outside a person's employment are never changed. Locked cells are kept by every gesture
// that changes more than one cell (a single cell typed by hand may change); a shift the person's
// function may not work (ROS-3) is left out, as main would refuse the whole batch for it. The
// counts let the user be told.

export interface Batch {
  changes: CellChange[];
  /** Locked cells kept as they were. */
  skipped: number;
  /** Cells left out because the person's function may not work the shift. */
  refused: number;
}

function collect(
  base: GridBase,
  rows: RowCells[],
  targets: Iterable<{ r: number; i: number; value: CellValue }>,
  keepLocked = true,
): Batch {
  const changes: CellChange[] = [];
  let skipped = 0;
  let refused = 0;
  for (const { r, i, value } of targets) {
    if (!isEditable(base, r, i)) continue;
    if (keepLocked && rows[r]!.locked[i]) {
      skipped++;
      continue;
    }
    const person = base.people[r]!;
    const allowed = typeof value === 'number' ? base.shiftById.get(value)?.functions : null;
    if (allowed && !allowed.includes(person.function as never)) {
      refused++;
      continue;
    }
    changes.push({ personId: person.id, date: base.dates[i]!, value });
  }
  return { changes, skipped, refused };
}

/** The same value in every cell of the rectangle; one cell alone changes even when locked. */
export function fillRect(base: GridBase, rows: RowCells[], rect: Rect, value: CellValue): Batch {
  const one = rect.r0 === rect.r1 && rect.c0 === rect.c1;
  return collect(
    base,
    rows,
    (function* () {
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) yield { r, i: base.first + c, value };
    })(),
    !one,
  );
}

/** Drag-to-fill: each row of `source` repeats its values along the row over `target` (left or right). */
export function dragFill(base: GridBase, rows: RowCells[], source: Rect, target: Rect): Batch {
  const width = source.c1 - source.c0 + 1;
  return collect(
    base,
    rows,
    (function* () {
      for (let r = source.r0; r <= source.r1; r++) {
        for (let c = target.c0; c <= target.c1; c++) {
          if (c >= source.c0 && c <= source.c1) continue;
          const offset = (((c - source.c0) % width) + width) % width;
          yield { r, i: base.first + c, value: rows[r]!.values[base.first + source.c0 + offset] ?? null };
        }
      }
    })(),
  );
}

/** Copies each person's cells from seven days earlier into the days [c0, c1] of the month. */
export function copyPreviousWeek(base: GridBase, rows: RowCells[], people: number[], c0: number, c1: number): Batch {
  return collect(
    base,
    rows,
    (function* () {
      for (const r of people) {
        for (let c = c0; c <= c1; c++) {
          const i = base.first + c;
          yield { r, i, value: i - 7 >= 0 ? (rows[r]!.values[i - 7] ?? null) : null };
        }
      }
    })(),
  );
}

/**
 * Reads a rotation pattern such as "E E L L N N 休 休" (or "EELLNN00"): a shift letter, a rest
 * mark (休 or the language's own, 0, or X when no shift uses X) or '-' for a day left empty.
 * Returns the steps, or the tokens it does not understand. Shift letters win over rest marks.
 */
export function parsePattern(base: GridBase, text: string, restMark: string): { steps: CellValue[]; unknown: string[] } {
  const trimmed = text.trim();
  const tokens = /[\s,，]/.test(trimmed) ? trimmed.split(/[\s,，]+/).filter(Boolean) : [...trimmed];
  const steps: CellValue[] = [];
  const unknown: string[] = [];
  for (const raw of tokens) {
    const token = raw.toUpperCase();
    const shift = base.shiftByCode.get(token);
    if (shift) steps.push(shift.id);
    else if (token === '休' || token === restMark.toUpperCase() || token === '0' || token === 'X') steps.push('rest');
    else if (token === '-') steps.push(null);
    else unknown.push(raw);
  }
  return { steps, unknown };
}

/**
 * Applies a rotation from column c0 to c1 to the given rows; with `stagger`, the k-th person starts
 * k steps further into the pattern, so the people rotate through it instead of working in step.
 */
export function applyPattern(
  base: GridBase,
  rows: RowCells[],
  people: number[],
  steps: CellValue[],
  c0: number,
  c1: number,
  stagger: boolean,
): Batch {
  return collect(
    base,
    rows,
    (function* () {
      for (let k = 0; k < people.length; k++) {
        for (let c = c0; c <= c1; c++) {
          yield { r: people[k]!, i: base.first + c, value: steps[(c - c0 + (stagger ? k : 0)) % steps.length]! };
        }
      }
    })(),
  );
}

/** Does the month have any cell filled yet (for the "how to start" hint)? */
export function monthIsEmpty(base: GridBase, rows: RowCells[]): boolean {
  for (const row of rows) {
    for (let c = 0; c < base.days.length; c++) if (row.values[base.first + c] !== null) return false;
  }
  return true;
}
