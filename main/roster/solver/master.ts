// Price-and-branch over a pool of rows: every person keeps a pool of valid rows (columns) met
// during the search; the restricted master problem picks one row per person to minimise
// requests + cover cost. Its LP relaxation (HiGHS) gives cover duals, which price new rows with
// the exact row solver (column generation); then the master is solved as a MIP over the pool.
// This finds the many-person exchanges (tight staffing, weekend balancing) that moves on one or
// a few rows cannot. HiGHS runs single-threaded and is limited by node counts, so it stays
// deterministic; its time limit is only a safety net.
import highsModule from 'highs';
import { FREE, type Model } from './model.ts';
import type { RosterState } from './roster-state.ts';
import { INFEASIBLE, type RowSolver } from './row-dp.ts';

// The parts of the highs package used here (its legacy one-shot LP-text API).
interface HighsColumn {
  Primal: number;
}
interface HighsRow {
  Dual: number;
}
interface HighsResult {
  Status: string;
  Columns?: Record<string, HighsColumn>;
  Rows: HighsRow[];
}
interface Highs {
  solve(problem: string, options?: Record<string, string | number | boolean>): HighsResult;
}
type HighsLoader = () => Promise<Highs>;
// The ESM build exports the loader itself; the CommonJS typings wrap it as `default`.
const highsLoader = ((highsModule as unknown as { default?: HighsLoader }).default ?? highsModule) as unknown as HighsLoader;

let highsPromise: Promise<Highs> | undefined;
function loadHighs(): Promise<Highs> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

const MAX_POOL = 400;
/** Pool rows offered to the master per person, besides the current row and new prices. */
const COLUMNS_PER_PERSON = 40;

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
    const key = String.fromCharCode(...Array.from(row, (v) => v + 66));
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

  size(): number {
    return this.rows.reduce((a, r) => a + r.length, 0);
  }
}

interface MasterResult {
  /** Chosen pool index per person, or null when the solve failed. */
  choice: Int32Array | null;
  duals?: Float64Array;
}

function requestCostOf(model: Model, p: number, row: Int8Array): number {
  let c = 0;
  for (let d = 0; d < model.days; d++) c += model.requestCost[(p * model.days + d) * model.values + row[d]! + 1]!;
  return c;
}

/**
 * LP text of the restricted master over the people in `free` (everyone else keeps the row in
 * `fixedCount`'s counts); `integer` adds the binary section.
 */
function masterLp(model: Model, columns: Int8Array[][], free: readonly number[], fixedCount: Int32Array, integer: boolean): { lp: string; slots: number[] } {
  const D = model.days;
  const S = model.shifts;
  const obj: string[] = [];
  const convex: string[][] = Array.from({ length: model.n }, () => []);
  const slotTerms = new Map<number, string[]>();
  const slots: number[] = [];
  for (let k = 0; k < D * S; k++) {
    if (model.underWeight[k]! > 0 || model.overWeight[k]! > 0) {
      slots.push(k);
      slotTerms.set(k, []);
    }
  }
  for (const p of free) {
    columns[p]!.forEach((row, j) => {
      const name = `y${p}_${j}`;
      obj.push(`${requestCostOf(model, p, row)} ${name}`);
      convex[p]!.push(name);
      for (let d = 0; d < D; d++) {
        const v = row[d]!;
        if (v >= 0) slotTerms.get(d * S + v)?.push(name);
      }
    });
  }
  const lines: string[] = ['Minimize', ' obj:'];
  for (const t of obj) lines.push(` + ${t}`);
  for (const k of slots) lines.push(` + ${model.underWeight[k]} u${k} + ${model.overWeight[k]} o${k}`);
  lines.push('Subject To');
  for (const p of free) {
    if (convex[p]!.length === 0) continue;
    lines.push(` p${p}: ${convex[p]!.join(' + ')} = 1`);
  }
  for (const k of slots) {
    const terms = slotTerms.get(k)!;
    // People outside the master keep their rows: they use up part of the requirement.
    const rest = model.requirement[k]! - fixedCount[k]!;
    lines.push(` c${k}: ${terms.length ? terms.join(' + ') + ' + ' : ''}u${k} - o${k} = ${rest}`);
  }
  lines.push('Bounds');
  for (const p of free) columns[p]!.forEach((_, j) => lines.push(` 0 <= y${p}_${j} <= 1`));
  if (integer) {
    lines.push('Binary');
    for (const p of free) columns[p]!.forEach((_, j) => lines.push(` y${p}_${j}`));
  }
  lines.push('End');
  return { lp: lines.join('\n'), slots };
}

export class Master {
  private readonly model: Model;
  readonly pool: ColumnPool;
  /** Rows of the rounded LP solution of the last call, if any. */
  rounded: Map<number, Int8Array> | null = null;

  constructor(model: Model) {
    this.model = model;
    this.pool = new ColumnPool(model);
  }

  /**
   * A few rounds of column generation on the LP relaxation, then the MIP over the pool.
   * Returns the rows chosen per person (or null).
   */
  async solve(
    state: RosterState,
    free: readonly number[],
    rows: RowSolver,
    relaxed: Int32Array,
    limits: { rounds: number; maxNodes: number; timeLimit: number; deadline: number },
  ): Promise<Map<number, Int8Array> | null> {
    const { rounds, maxNodes, timeLimit, deadline } = limits;
    const m = this.model;
    const D = m.days;
    const S = m.shifts;
    const V = m.values;
    const highs = await loadHighs();
    const fixedCount = Int32Array.from(state.count);
    for (const p of free) {
      for (let d = 0; d < D; d++) {
        const v = state.grid[p * D + d]!;
        if (v >= 0) fixedCount[d * S + v]!--;
      }
    }
    // Per person: the current row (so the master can always keep the roster as it is) and the
    // newest rows of the pool, which come from recent pricing and recent best rosters.
    const columns: Int8Array[][] = Array.from({ length: m.n }, () => []);
    for (const p of free) {
      const current = state.grid.slice(p * D, p * D + D);
      const key = current.join(',');
      const recent = this.pool.rows[p]!.slice(-COLUMNS_PER_PERSON).filter((r) => r.join(',') !== key);
      columns[p] = [current, ...recent];
    }
    const costs = new Float64Array(D * V);
    const restrict = new Int8Array(D);
    const out = new Int8Array(D);
    let lastLp: HighsResult | undefined;
    for (let round = 0; round < rounds && performance.now() < deadline; round++) {
      const { lp, slots } = masterLp(m, columns, free, fixedCount, false);
      let solution;
      try {
        solution = highs.solve(lp, { output_flag: false, time_limit: timeLimit });
      } catch {
        return null;
      }
      if (solution.Status !== 'Optimal') break;
      lastLp = solution;
      // Row duals in model order: person rows first (those with columns), then cover slots.
      const duals = new Float64Array(D * S);
      const personDual = new Float64Array(m.n);
      let r = 0;
      for (const p of free) if (columns[p]!.length > 0) personDual[p] = solution.Rows[r++]!.Dual;
      for (const k of slots) duals[k] = solution.Rows[r++]!.Dual;
      let added = 0;
      for (const p of free) {
        if (relaxed[p]! > 0) continue;
        for (let d = 0; d < D; d++) {
          const rc = (p * D + d) * V;
          costs[d * V] = m.requestCost[rc]!;
          for (let s = 0; s < S; s++) costs[d * V + s + 1] = m.requestCost[rc + s + 1]! - duals[d * S + s]!;
          const locked = m.fixed[p * D + d]!;
          restrict[d] = locked === FREE ? FREE : locked;
        }
        const value = rows.solve(p, costs, restrict, out);
        if (value !== INFEASIBLE && value - personDual[p]! < -1e-6 && this.pool.add(p, out)) {
          columns[p]!.push(Int8Array.from(out));
          added++;
        }
      }
      if (added === 0) break;
    }
    // Rounding of the last LP: each person's heaviest row. Often close to the LP bound when the
    // MIP itself is too hard for the time allowed; the caller polishes and keeps the better one.
    if (lastLp?.Columns) {
      const rounded = new Map<number, Int8Array>();
      for (const p of free) {
        let pick = 0;
        let weight = -1;
        columns[p]!.forEach((_, j) => {
          const v = lastLp!.Columns![`y${p}_${j}`]?.Primal ?? 0;
          if (v > weight + 1e-9) {
            weight = v;
            pick = j;
          }
        });
        if (columns[p]!.length > 0) rounded.set(p, columns[p]![pick]!);
      }
      this.rounded = rounded;
    } else {
      this.rounded = null;
    }
    const { lp } = masterLp(m, columns, free, fixedCount, true);
    let solution;
    try {
      // The objective is integral: a gap below 1 already proves optimality over the pool.
      solution = highs.solve(lp, { output_flag: false, time_limit: timeLimit, mip_max_nodes: maxNodes, mip_abs_gap: 0.99, mip_heuristic_effort: 0.3 });
    } catch {
      return null;
    }
    const values = solution.Columns;
    if (!values) return null;
    const chosen = new Map<number, Int8Array>();
    for (const p of free) {
      const list = columns[p]!;
      let pick = -1;
      let bestValue = 0.5;
      list.forEach((_, j) => {
        const col = values[`y${p}_${j}`];
        if (col && col.Primal > bestValue) {
          bestValue = col.Primal;
          pick = j;
        }
      });
      if (list.length > 0 && pick < 0) return null;
      if (pick >= 0) chosen.set(p, list[pick]!);
    }
    return chosen;
  }
}
