// A pool of valid rows per person met during the search (rows of the best rosters before the
// price-and-dive): they seed its column generation so it starts from good rows.
import type { Model } from './model.ts';
import type { RosterState } from './roster-state.ts';

const MAX_POOL = 400;

/** A row as a short string, to tell rows apart in a set. */
export function rowKey(row: Int8Array): string {
  return String.fromCharCode(...Array.from(row, (v) => v + 66));
}

export class ColumnPool {
  readonly rows: Int8Array[][];
  private readonly keys: Set<string>[];
  private readonly model: Model;

  constructor(model: Model) {
    this.model = model;
    this.rows = Array.from({ length: model.n }, () => []);
    this.keys = Array.from({ length: model.n }, () => new Set<string>());
  }

  add(p: number, row: Int8Array): boolean {
    const key = rowKey(row);
    const keys = this.keys[p]!;
    if (keys.has(key)) return false;
    const list = this.rows[p]!;
    if (list.length >= MAX_POOL) return false;
    keys.add(key);
    list.push(Int8Array.from(row));
    return true;
  }

  addCurrent(state: RosterState, relaxed: Int32Array): void {
    const D = this.model.days;
    for (let p = 0; p < this.model.n; p++) {
      if (relaxed[p]! > 0) continue;
      this.add(p, state.grid.subarray(p * D, p * D + D));
    }
  }
}
