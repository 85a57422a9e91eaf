// The roster being searched: a grid of values with the cover counts and the total penalty kept
// up to date cell by cell, so a move's effect is known without rescoring.
import { coverCost, OFF, type Model } from './model.ts';

export class RosterState {
  readonly model: Model;
  readonly grid: Int8Array;
  readonly count: Int32Array;
  total = 0;

  constructor(model: Model) {
    this.model = model;
    this.grid = new Int8Array(model.n * model.days).fill(OFF);
    this.count = new Int32Array(model.days * model.shifts);
    this.total = this.recompute();
  }

  /** Full recomputation of the penalty from the grid (and the counts). */
  recompute(): number {
    const m = this.model;
    this.count.fill(0);
    let total = 0;
    for (let p = 0; p < m.n; p++) {
      for (let d = 0; d < m.days; d++) {
        const v = this.grid[p * m.days + d]!;
        total += m.requestCost[(p * m.days + d) * m.values + v + 1]!;
        if (v >= 0) this.count[d * m.shifts + v]!++;
      }
    }
    for (let k = 0; k < this.count.length; k++) total += coverCost(m, k, this.count[k]!);
    this.total = total;
    return total;
  }

  set(p: number, d: number, v: number): void {
    const m = this.model;
    const cell = p * m.days + d;
    const old = this.grid[cell]!;
    if (old === v) return;
    const rc = (p * m.days + d) * m.values + 1;
    let delta = m.requestCost[rc + v]! - m.requestCost[rc + old]!;
    if (old >= 0) {
      const k = d * m.shifts + old;
      const c = this.count[k]!;
      delta += coverCost(m, k, c - 1) - coverCost(m, k, c);
      this.count[k] = c - 1;
    }
    if (v >= 0) {
      const k = d * m.shifts + v;
      const c = this.count[k]!;
      delta += coverCost(m, k, c + 1) - coverCost(m, k, c);
      this.count[k] = c + 1;
    }
    this.grid[cell] = v;
    this.total += delta;
  }

  setRow(p: number, row: Int8Array): void {
    for (let d = 0; d < this.model.days; d++) this.set(p, d, row[d]!);
  }

  copyRow(p: number, out: Int8Array): Int8Array {
    const D = this.model.days;
    out.set(this.grid.subarray(p * D, p * D + D));
    return out;
  }

  /**
   * Costs of each value on each day for person p against everyone else (p's own row is taken
   * out of the counts): request cost plus the marginal cover cost.
   */
  cellCosts(p: number, out: Float64Array): Float64Array {
    const m = this.model;
    const D = m.days;
    const S = m.shifts;
    const V = m.values;
    for (let d = 0; d < D; d++) {
      const own = this.grid[p * D + d]!;
      const rc = (p * D + d) * V;
      out[d * V] = m.requestCost[rc]!;
      for (let s = 0; s < S; s++) {
        const k = d * S + s;
        const others = this.count[k]! - (own === s ? 1 : 0);
        const marginal = others < m.requirement[k]! ? -m.underWeight[k]! : m.overWeight[k]!;
        out[d * V + s + 1] = m.requestCost[rc + s + 1]! + marginal;
      }
    }
    return out;
  }

  /** Cost of person p's current row under `cellCosts` (same basis as the row solver's result). */
  rowCost(p: number, costs: Float64Array): number {
    const m = this.model;
    let total = 0;
    for (let d = 0; d < m.days; d++) total += costs[d * m.values + this.grid[p * m.days + d]! + 1]!;
    return total;
  }
}
