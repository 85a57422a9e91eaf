// Column generation over everyone with LP-guided diving (price-and-dive).
//
// The set-partitioning master picks one row (column) per person; its LP relaxation is solved by
// HiGHS through the persistent model API, so new columns are appended and the simplex restarts
// from the last basis instead of from scratch. Cover duals price new rows with the exact row
// solver (row-dp.ts), bounded by the person's convexity dual so hopeless labels are pruned early.
// Once the LP has converged, the dive fixes the people whose LP mix sits (nearly) on one row,
// re-prices the rest against the fixed cover and repeats until everyone has a row: an integer
// roster guided by the LP bound. On these problems the LP bound is tight, so the dive usually
// lands within a few units of the optimum.
//
// Determinism: HiGHS is single-threaded; its effort is charged by simplex iterations (a count,
// not a time), pricing by the row solver's label operations. The wall clock only cuts in as a
// safety net through the deadline.
import highsModule from 'highs';
import type { Highs, Model as HighsModel } from 'highs';
import { FREE, type Model } from './model.ts';
import type { RosterState } from './roster-state.ts';
import { EXACT_BUCKET_CAP, INFEASIBLE, type RowSolver } from './row-dp.ts';
import { rowKey } from './pool.ts';

type HighsLoader = () => Promise<Highs>;
const highsLoader = ((highsModule as unknown as { default?: HighsLoader }).default ?? highsModule) as unknown as HighsLoader;
let highsPromise: Promise<Highs> | undefined;
function loadHighs(): Promise<Highs> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

/** A count HiGHS keeps about its last run (0 when it has none). */
function infoValue(model: HighsModel, name: string): number {
  try {
    return Number(model.info.get(name) ?? 0);
  } catch {
    return 0;
  }
}

/** Work units charged per simplex iteration and row of the master (calibrated against the DP). */
const WORK_PER_ITERATION_ROW = 8;
/** Work units charged per column appended (building and passing it). */
const WORK_PER_COLUMN = 2_000;
const EPS = 1e-6;
/** Dive backtracking: at most this many per dive, on an LP rise above max(MIN, SHARE × LP). */
const MAX_BACKTRACKS = 12;
/** The dive hands over to the restricted MIP when this few people are left free. */
const MIP_PEOPLE = 6;
const MIP_NODES = 2000;
const JUMP_MIN = 2;
const JUMP_SHARE = 0.003;
/** Rows beyond the cheapest that one pricing call may add. */
const EXTRA_COLUMNS = 2;
/** Labels kept per bucket by the everyday pricing solve (exact minutes); see RowSolver. */
const PRICING_CAP = 8;
/** Weight of the previous pricing point in the smoothed duals. */
const SMOOTHING = 0.5;

interface Column {
  p: number;
  row: Int8Array;
  cost: number;
}

export interface DiveLimits {
  /** rows.work value at which to stop (the caller's budget). */
  workEnd: number;
  /** rows.work value at which the root column generation stops and the dive begins. */
  rootWorkEnd: number;
  deadline: number;
  /** Best known penalty: a dive whose LP bound reaches it is abandoned. */
  incumbent: number;
  shouldStop: () => boolean;
}

export interface DiveResult {
  /** Row per person when the dive completed, else null. */
  rows: Int8Array[] | null;
  /** A proven lower bound on the penalty (from a proven root LP optimum), else -Infinity. */
  lowerBound: number;
}

/** Column generation rounds until the LP converges or a limit is hit; 0 solves the LP only. */
const ALL_ROUNDS = Number.POSITIVE_INFINITY;

export class PriceAndDive {
  private readonly m: Model;
  private readonly rows: RowSolver;
  private readonly slotRow: Int32Array;
  private readonly slots: number[] = [];
  private readonly columns: Column[] = [];
  private readonly keys: Set<string>[];
  private readonly costs: Float64Array;
  private readonly restrict: Int8Array;
  private readonly out: Int8Array;
  private hm: HighsModel | null = null;
  /** Column index in the HiGHS model of the first person column. */
  private firstY = 0;
  /** Fixed column per person (-1 while free). */
  private readonly fixedCol: Int32Array;
  private readonly relaxed: Int32Array;

  constructor(model: Model, rows: RowSolver, relaxed: Int32Array) {
    this.m = model;
    this.rows = rows;
    this.relaxed = relaxed;
    const K = model.days * model.shifts;
    this.slotRow = new Int32Array(K).fill(-1);
    for (let k = 0; k < K; k++) {
      if (model.underWeight[k]! > 0 || model.overWeight[k]! > 0) {
        this.slotRow[k] = this.slots.length;
        this.slots.push(k);
      }
    }
    this.keys = Array.from({ length: model.n }, () => new Set<string>());
    this.costs = new Float64Array(model.days * model.values);
    this.restrict = new Int8Array(model.days);
    this.out = new Int8Array(model.days);
    this.fixedCol = new Int32Array(model.n).fill(-1);
  }

  private requestCost(p: number, row: Int8Array): number {
    const m = this.m;
    let c = 0;
    for (let d = 0; d < m.days; d++) c += m.requestCost[(p * m.days + d) * m.values + row[d]! + 1]!;
    return c;
  }

  /**
   * The slack columns of the cover rows in CSC form (person columns come after them): u_r
   * (under: +1 in row r at the under weight) for every row, then o_r (over: −1, the over weight).
   */
  private slackColumns(): { colCost: number[]; starts: number[]; indices: number[]; values: number[] } {
    const m = this.m;
    const colCost: number[] = [];
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const [weight, sign] of [
      [m.underWeight, 1],
      [m.overWeight, -1],
    ] as const) {
      this.slots.forEach((k, r) => {
        colCost.push(weight[k]!);
        indices.push(r);
        values.push(sign);
        starts.push(indices.length);
      });
    }
    return { colCost, starts, indices, values };
  }

  private async build(): Promise<HighsModel> {
    const highs = await loadHighs();
    const m = this.m;
    const R = this.slots.length;
    const rowsTotal = R + m.n;
    // Slack columns u_k (under) and o_k (over), then person columns are appended.
    const numCols = 2 * R;
    const { colCost, starts, indices, values } = this.slackColumns();
    const rowLower = new Float64Array(rowsTotal);
    const rowUpper = new Float64Array(rowsTotal);
    this.slots.forEach((k, r) => {
      rowLower[r] = m.requirement[k]!;
      rowUpper[r] = m.requirement[k]!;
    });
    for (let p = 0; p < m.n; p++) {
      rowLower[R + p] = 1;
      rowUpper[R + p] = 1;
    }
    const hm = highs.createModel({
      numCols,
      numRows: rowsTotal,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(highs.infinity),
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows: rowsTotal, numCols, starts, indices, values },
    });
    hm.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
    this.firstY = numCols;
    return hm;
  }

  /** Appends a column for person p unless it is already there. Returns its index or -1. */
  private addColumn(p: number, row: Int8Array, upper = 1): number {
    const key = rowKey(row);
    if (this.keys[p]!.has(key)) return -1;
    this.keys[p]!.add(key);
    const m = this.m;
    const S = m.shifts;
    const cost = this.requestCost(p, row);
    const idx: number[] = [];
    const val: number[] = [];
    for (let d = 0; d < m.days; d++) {
      const v = row[d]!;
      if (v < 0) continue;
      const r = this.slotRow[d * S + v]!;
      if (r >= 0) {
        idx.push(r);
        val.push(1);
      }
    }
    idx.push(this.slots.length + p);
    val.push(1);
    this.hm!.addCol(cost, 0, upper, { indices: idx, values: val });
    this.columns.push({ p, row: Int8Array.from(row), cost });
    this.rows.work += WORK_PER_COLUMN;
    return this.columns.length - 1;
  }

  private solveLp(): { ok: boolean; value: number } {
    const hm = this.hm!;
    hm.run();
    const status = hm.getModelStatus();
    const iterations = infoValue(hm, 'simplex_iteration_count');
    this.rows.work += Math.max(1, iterations) * (this.slots.length + this.m.n) * WORK_PER_ITERATION_ROW;
    // 7 = kOptimal in HiGHS's model status codes.
    return { ok: status === 7, value: hm.getObjectiveValue() };
  }

  /**
   * Prices every free person at the duals `price` (smoothed or not); a row found there is added
   * when its reduced cost at the LP's own duals `lp` is negative. `exact` runs the exact row
   * solver (slow, used to confirm convergence), otherwise the fast one.
   */
  private price(price: Float64Array, lp: Float64Array, people: readonly number[], exact: boolean): number {
    this.rows.collect = EXTRA_COLUMNS;
    try {
      return this.priceEach(price, lp, people, exact);
    } finally {
      this.rows.collect = 0;
    }
  }

  private priceEach(price: Float64Array, lp: Float64Array, people: readonly number[], exact: boolean): number {
    const m = this.m;
    const D = m.days;
    const V = m.values;
    const S = m.shifts;
    const R = this.slots.length;
    let added = 0;
    for (const p of people) {
      if (this.fixedCol[p]! >= 0 || this.relaxed[p]! > 0) continue;
      const mu = price[R + p]!;
      for (let d = 0; d < D; d++) {
        const rc = (p * D + d) * V;
        this.costs[d * V] = m.requestCost[rc]!;
        for (let s = 0; s < S; s++) {
          const r = this.slotRow[d * S + s]!;
          this.costs[d * V + s + 1] = m.requestCost[rc + s + 1]! - (r >= 0 ? price[r]! : 0);
        }
        const locked = m.fixed[p * D + d]!;
        this.restrict[d] = locked === FREE ? FREE : locked;
      }
      const found = this.rows.solveCapped(p, this.costs, this.restrict, this.out, mu - EPS, exact ? EXACT_BUCKET_CAP : PRICING_CAP);
      if (found === INFEASIBLE) continue;
      const candidates = [this.out, ...this.rows.extraRows.slice(0, this.rows.extraCount)];
      for (const row of candidates) if (this.reducedCost(p, row, lp) < -EPS && this.addColumn(p, row) >= 0) added++;
    }
    return added;
  }

  /** Reduced cost of row for person p at the duals (the smoothed duals only point the way). */
  private reducedCost(p: number, row: Int8Array, dual: Float64Array): number {
    const m = this.m;
    const S = m.shifts;
    let rc = this.requestCost(p, row) - dual[this.slots.length + p]!;
    for (let d = 0; d < m.days; d++) {
      const v = row[d]!;
      if (v < 0) continue;
      const r = this.slotRow[d * S + v]!;
      if (r >= 0) rc -= dual[r]!;
    }
    return rc;
  }

  /**
   * Column generation until no improving row is found or a limit is hit. The duals are smoothed
   * (each round prices at a mix of this LP's duals and the previous pricing point), which damps
   * the oscillation that makes plain column generation tail off; when the smoothed point finds
   * nothing, the LP duals themselves are priced, and when the fast row solver finds nothing the
   * exact one confirms.
   */
  private async generate(
    rounds: number,
    limits: DiveLimits,
    people: number[],
  ): Promise<{ ok: boolean; value: number; proven?: boolean }> {
    let value = Number.POSITIVE_INFINITY;
    let center: Float64Array | null = null;
    for (let round = 0; ; round++) {
      const lp = this.solveLp();
      if (!lp.ok) return { ok: false, value };
      value = lp.value;
      if (round >= rounds || this.outOfBudget(limits)) break;
      const dual = this.hm!.getSolution().rowDual;
      let added = 0;
      if (center) {
        const smooth = new Float64Array(dual.length);
        for (let i = 0; i < dual.length; i++) smooth[i] = SMOOTHING * center[i]! + (1 - SMOOTHING) * dual[i]!;
        added = this.price(smooth, dual, people, false);
        center = smooth;
      }
      if (added === 0) {
        added = this.price(dual, dual, people, false);
        center = Float64Array.from(dual);
      }
      if (added === 0) {
        this.rows.capHits = 0;
        added = this.price(dual, dual, people, true);
        // No improving row, and no label dropped for want of room: the LP optimum is proven.
        if (added === 0) return { ok: true, value, proven: this.rows.capHits === 0 };
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { ok: true, value };
  }

  private outOfBudget(limits: DiveLimits): boolean {
    return this.rows.work >= limits.workEnd || performance.now() >= limits.deadline || limits.shouldStop();
  }

  /**
   * Seeds the master with the rows given per person (the current roster first), generates
   * columns at the root and dives. The HiGHS model is kept between calls so later dives start
   * from every column found so far; fixings are undone at the start of each call.
   */
  async run(state: RosterState, seedRows: readonly Int8Array[][], limits: DiveLimits): Promise<DiveResult> {
    const m = this.m;
    const D = m.days;
    if (!this.hm) this.hm = await this.build();
    const hm = this.hm;
    this.unfixAll();
    for (let p = 0; p < m.n; p++) {
      const current = state.grid.slice(p * D, p * D + D);
      if (this.relaxed[p]! > 0) {
        // An invalid row stays as it is: it enters as the person's only column, fixed.
        const c = this.addColumn(p, current, 1);
        if (c >= 0) {
          hm.changeColBounds(this.firstY + c, 1, 1);
          this.fixedCol[p] = c;
        }
        continue;
      }
      this.addColumn(p, current);
      for (const row of seedRows[p] ?? []) this.addColumn(p, row);
    }
    const people = [...Array(m.n).keys()];
    const root = await this.generate(ALL_ROUNDS, { ...limits, workEnd: Math.min(limits.workEnd, limits.rootWorkEnd) }, people);
    const result: DiveResult = {
      rows: null,
      // The penalty is an integer: no roster costs less than the LP optimum rounded up.
      lowerBound: root.proven ? Math.ceil(root.value - 1e-6) : Number.NEGATIVE_INFINITY,
    };
    if (!root.ok) return result;

    // Dive. Out of budget, or once the LP shows this branch cannot beat the incumbent, everyone
    // left takes their heaviest row at once (the caller settles the roster with best responses).
    // A step that makes the LP jump is taken back and its fractional row forbidden instead (a
    // few times per dive): one level of branching where the LP says a choice is costly.
    let value = root.value;
    let backtracks = 0;
    let finishByMip = false;
    let lastX: Float64Array | undefined;
    for (;;) {
      const rush = this.outOfBudget(limits) || value >= limits.incumbent - 0.5;
      const x = hm.getSolution().colValue;
      lastX = x;
      const bestCol = new Int32Array(m.n).fill(-1);
      const bestVal = new Float64Array(m.n);
      for (let c = 0; c < this.columns.length; c++) {
        const col = this.columns[c]!;
        const v = x[this.firstY + c]!;
        if (v > bestVal[col.p]! + 1e-9) {
          bestVal[col.p] = v;
          bestCol[col.p] = c;
        }
      }
      const free = people.filter((p) => this.fixedCol[p]! < 0);
      if (free.length === 0) break;
      // The last few people: the MIP over their rows settles them exactly (small and quick).
      if (free.length <= MIP_PEOPLE && !rush) {
        finishByMip = true;
        break;
      }
      // Fix everyone already integral, plus the most decided of the fractional ones.
      const fixedNow: number[] = [];
      let top = -1;
      for (const p of free) {
        if (bestCol[p]! < 0) continue;
        if (bestVal[p]! > 1 - 1e-6 || rush) {
          this.fix(p, bestCol[p]!);
          fixedNow.push(p);
        } else if (top < 0 || bestVal[p]! > bestVal[top]! + 1e-9) {
          top = p;
        }
      }
      if (top >= 0) {
        this.fix(top, bestCol[top]!);
        fixedNow.push(top);
      }
      if (fixedNow.length === 0 || rush) break;
      const step = await this.generate(ALL_ROUNDS, limits, people);
      if (!step.ok) break;
      if (top >= 0 && step.value > value + Math.max(JUMP_MIN, JUMP_SHARE * value)) {
        for (const p of fixedNow) this.unfix(p);
        if (backtracks >= MAX_BACKTRACKS) {
          // Out of backtracks: let the MIP settle everyone still free.
          const again = await this.generate(0, limits, people);
          if (again.ok) finishByMip = true;
          break;
        }
        backtracks++;
        this.forbid(bestCol[top]!);
        const again = await this.generate(ALL_ROUNDS, limits, people);
        if (!again.ok) break;
        value = again.value;
        continue;
      }
      value = step.value;
      if (this.fixedCount() === m.n) break;
    }
    if (finishByMip) {
      const free = people.filter((p) => this.fixedCol[p]! < 0);
      const mip = await this.finishMip(free, MIP_NODES, Math.max(0.1, (limits.deadline - performance.now()) / 1000));
      if (mip) for (const [p, c] of mip) this.fixedCol[p] = c;
    }
    if (this.fixedCount() < m.n) {
      // Whoever is still free takes their heaviest row of the last LP.
      const x = lastX ?? new Float64Array(this.firstY + this.columns.length);
      const bestVal = new Float64Array(m.n).fill(-1);
      for (let c = 0; c < this.columns.length; c++) {
        const p = this.columns[c]!.p;
        if (this.fixedCol[p]! >= 0 && bestVal[p]! < 0) continue;
        const v = x[this.firstY + c] ?? 0;
        if (v > bestVal[p]!) {
          bestVal[p] = v;
          this.fixedCol[p] = c;
        }
      }
    }
    if (this.fixedCount() === m.n) {
      result.rows = Array.from({ length: m.n }, (_, p) => this.columns[this.fixedCol[p]!]!.row);
    }
    return result;
  }

  /**
   * The MIP over the columns of the people still free, everyone else fixed (their cover taken
   * off the requirements): a small model of its own, solved exactly within a node limit.
   * Returns the chosen column per free person, or null.
   */
  private async finishMip(free: readonly number[], maxNodes: number, timeLimit: number): Promise<Map<number, number> | null> {
    const highs = await loadHighs();
    const m = this.m;
    const S = m.shifts;
    const R = this.slots.length;
    const rest = new Float64Array(R);
    this.slots.forEach((k, r) => (rest[r] = m.requirement[k]!));
    for (let p = 0; p < m.n; p++) {
      const c = this.fixedCol[p]!;
      if (c < 0) continue;
      const row = this.columns[c]!.row;
      for (let d = 0; d < m.days; d++) {
        const v = row[d]!;
        const r = v >= 0 ? this.slotRow[d * S + v]! : -1;
        if (r >= 0) rest[r]!--;
      }
    }
    const personRow = new Map(free.map((p, i) => [p, R + i]));
    const forbidden = new Set(this.forbidden);
    const cols: number[] = [];
    const { colCost, starts, indices, values } = this.slackColumns();
    this.columns.forEach((col, c) => {
      const pr = personRow.get(col.p);
      if (pr === undefined || forbidden.has(c)) return;
      cols.push(c);
      colCost.push(col.cost);
      for (let d = 0; d < m.days; d++) {
        const v = col.row[d]!;
        const r = v >= 0 ? this.slotRow[d * S + v]! : -1;
        if (r >= 0) {
          indices.push(r);
          values.push(1);
        }
      }
      indices.push(pr);
      values.push(1);
      starts.push(indices.length);
    });
    const numCols = colCost.length;
    const numRows = R + free.length;
    const rowBounds = Float64Array.from({ length: numRows }, (_, r) => (r < R ? rest[r]! : 1));
    const integrality = Int32Array.from({ length: numCols }, (_, j) => (j < 2 * R ? 0 : 1));
    const colUpper = Float64Array.from({ length: numCols }, (_, j) => (j < 2 * R ? highs.infinity : 1));
    const model = highs.createModel({
      numCols,
      numRows,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper,
      rowLower: rowBounds,
      rowUpper: rowBounds,
      matrix: { format: 'csc', numRows, numCols, starts, indices, values },
      integrality,
    });
    try {
      model.options.set({ output_flag: false, mip_max_nodes: maxNodes, time_limit: timeLimit, mip_abs_gap: 0.99 });
      model.run();
      const nodes = infoValue(model, 'mip_node_count');
      const iterations = infoValue(model, 'mip_total_lp_iterations');
      this.rows.work += (iterations * numRows + nodes * numCols) * WORK_PER_ITERATION_ROW;
      const x = model.getSolution().colValue;
      const pick = new Map<number, number>();
      cols.forEach((c, j) => {
        if (x[2 * R + j]! > 0.5) pick.set(this.columns[c]!.p, c);
      });
      return pick.size === free.length ? pick : null;
    } catch {
      return null;
    } finally {
      model.dispose();
    }
  }

  /** Undoes the dive's fixings (people whose row is invalid stay fixed to it). */
  private unfixAll(): void {
    for (let p = 0; p < this.m.n; p++) if (this.relaxed[p] === 0) this.unfix(p);
    for (const c of this.forbidden) this.hm!.changeColBounds(this.firstY + c, 0, 1);
    this.forbidden.length = 0;
  }

  private unfix(p: number): void {
    const c = this.fixedCol[p]!;
    if (c < 0) return;
    this.hm!.changeColBounds(this.firstY + c, 0, 1);
    this.fixedCol[p] = -1;
  }

  private forbid(c: number): void {
    this.hm!.changeColBounds(this.firstY + c, 0, 0);
    this.forbidden.push(c);
  }

  private readonly forbidden: number[] = [];

  private fix(p: number, c: number): void {
    this.fixedCol[p] = c;
    this.hm!.changeColBounds(this.firstY + c, 1, 1);
  }

  private fixedCount(): number {
    let k = 0;
    for (let p = 0; p < this.m.n; p++) if (this.fixedCol[p]! >= 0) k++;
    return k;
  }

  dispose(): void {
    this.hm?.dispose();
    this.hm = null;
  }
}
