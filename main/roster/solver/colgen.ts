// Column generation over everyone with LP-guided diving (price-and-dive).
//
// The set-partitioning master picks one row (column) per person; its LP relaxation is solved by
// HiGHS through the persistent model API, so new columns are appended and the simplex restarts
// from the last basis instead of from scratch. Cover duals price new rows with the exact row
// solver (row-dp.ts), bounded by the person's convexity dual so hopeless labels are pruned early.
// Every pricing round is exact, so it also gives a Lagrangian lower bound: column generation
// stops once the LP is close enough to it, and the root's bound (rounded up) is a proven bound
// on the penalty. Then the dive fixes the people whose LP mix sits on one row, re-prices the
// rest against the fixed cover and repeats until everyone has a row: an integer roster guided
// by the LP bound. On these problems the LP bound is tight, so the dive usually lands within a
// few units of the optimum. The same machinery re-optimises a few people against everyone
// else's fixed rows (reoptimize), a large neighbourhood for the search afterwards.
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
const JUMP_MIN = 2;
const JUMP_SHARE = 0.003;
/**
 * The quick pricing: minutes in bands and this many labels per bucket (see RowSolver). Exact
 * pricing, run when the quick one finds nothing, gives up on a person after this much work.
 */
const PRICING_CAP = 32;
const EXACT_WORK_PER_PERSON = 1_000_000;
/** Rows beyond the cheapest that one pricing call may add. */
const EXTRA_COLUMNS = 2;
/** The dive fixes every person whose heaviest row has more than this weight in the LP. */
const FIX_AT = 0.99;
/**
 * Column generation at a dive node stops once the LP is this close to the node's bound, or
 * gains less than `tail` in a round: the dive needs a good LP, not a proof.
 */
const DIVE_STOP: StopRule = { gap: 1, gapShare: 0.001, tail: 0.5 };
/** Root column generation stops once the LP is within this share of itself of the bound. */
const ROOT_GAP_SHARE = 0.001;
/** Re-optimising a few people stops column generation this close to the bound (an integer gap). */
const LNS_GAP = 0.99;
/** Weight of the previous pricing point in the smoothed duals. */
const SMOOTHING = 0.5;

/** When column generation may stop short of convergence (see generate). */
interface StopRule {
  /** Stop once the LP is within gap + gapShare × LP of the bound. */
  gap?: number;
  gapShare?: number;
  /** Stop once a round lowers the LP by less than this. */
  tail?: number;
}

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
  /** The root LP value (+Infinity when it failed). */
  rootValue: number;
}

/** Column generation rounds until the LP converges or a limit is hit; 0 solves the LP only. */
const ALL_ROUNDS = Number.POSITIVE_INFINITY;

export class PriceAndDive {
  private readonly m: Model;
  private readonly rows: RowSolver;
  private readonly slotRow: Int32Array;
  private readonly slots: number[] = [];
  private readonly columns: Column[] = [];
  /** Per person: row key → column index. */
  private readonly keys: Map<string, number>[];
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
    this.keys = Array.from({ length: model.n }, () => new Map<string, number>());
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
  private addColumn(p: number, row: Int8Array): number {
    const key = rowKey(row);
    if (this.keys[p]!.has(key)) return -1;
    this.keys[p]!.set(key, this.columns.length);
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
    this.hm!.addCol(cost, 0, 1, { indices: idx, values: val });
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
   * Prices every free person at the duals `point` (smoothed or not), quickly or exactly; a row
   * found there is added when its reduced cost at the LP's own duals `lp` is negative. Returns the
   * rows added and the Lagrangian bound at `point` (a lower bound on the restricted master's
   * integer and LP optimum), or -Infinity when the pricing was not exact.
   */
  private price(point: Float64Array, lp: Float64Array, people: readonly number[], exact: boolean, limits: DiveLimits): { added: number; bound: number } {
    this.rows.collect = EXTRA_COLUMNS;
    this.rows.capHits = 0;
    try {
      const result = this.priceEach(point, lp, people, exact, limits);
      if (this.rows.capHits > 0) result.bound = Number.NEGATIVE_INFINITY;
      return result;
    } finally {
      this.rows.collect = 0;
      this.rows.workLimit = Number.POSITIVE_INFINITY;
    }
  }

  private priceEach(
    point: Float64Array,
    lp: Float64Array,
    people: readonly number[],
    exact: boolean,
    limits: DiveLimits,
  ): { added: number; bound: number } {
    const m = this.m;
    const D = m.days;
    const V = m.values;
    const S = m.shifts;
    const R = this.slots.length;
    // L(π) = Σ_r π_r·b_r + Σ_p min over p's rows of (cost − π·a): valid for any π under which no
    // slack column has a negative reduced cost (true of LP duals and their mixes).
    let bound = 0;
    for (let r = 0; r < R; r++) {
      const k = this.slots[r]!;
      const pi = point[r]!;
      if (pi > m.underWeight[k]! + EPS || -pi > m.overWeight[k]! + EPS) bound = Number.NEGATIVE_INFINITY;
      bound += pi * m.requirement[k]!;
    }
    let added = 0;
    for (const p of people) {
      const fixed = this.fixedCol[p]!;
      if (fixed >= 0) {
        bound += this.reducedCost(p, this.columns[fixed]!.row, point) + point[R + p]!;
        continue;
      }
      // Out of budget halfway through a round: the rest of it is left unpriced (and unbounded).
      if (this.outOfBudget(limits)) {
        bound = Number.NEGATIVE_INFINITY;
        break;
      }
      const mu = point[R + p]!;
      for (let d = 0; d < D; d++) {
        const rc = (p * D + d) * V;
        this.costs[d * V] = m.requestCost[rc]!;
        for (let s = 0; s < S; s++) {
          const r = this.slotRow[d * S + s]!;
          this.costs[d * V + s + 1] = m.requestCost[rc + s + 1]! - (r >= 0 ? point[r]! : 0);
        }
        const locked = m.fixed[p * D + d]!;
        this.restrict[d] = locked === FREE ? FREE : locked;
      }
      if (exact) this.rows.workLimit = this.rows.work + EXACT_WORK_PER_PERSON;
      const found = exact
        ? this.rows.solveCapped(p, this.costs, this.restrict, this.out, mu - EPS, EXACT_BUCKET_CAP)
        : this.rows.solveCapped(p, this.costs, this.restrict, this.out, mu - EPS, PRICING_CAP, false);
      // Nothing under the bound: the cheapest row costs at least mu − EPS.
      bound += Math.min(found, mu - EPS);
      if (found === INFEASIBLE) continue;
      const candidates = [this.out, ...this.rows.extraRows.slice(0, this.rows.extraCount)];
      for (const row of candidates) if (this.reducedCost(p, row, lp) < -EPS && this.addColumn(p, row) >= 0) added++;
    }
    return { added, bound };
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
   * Column generation until no improving row is found, a stop rule applies or a limit is hit.
   * The duals are smoothed (each round prices at a mix of this LP's duals and the previous
   * pricing point), which damps the oscillation that makes plain column generation tail off;
   * when the quick pricing finds nothing there, the exact one prices the LP duals themselves.
   * `bound` is the best Lagrangian lower bound found on the restricted master.
   */
  private async generate(
    rounds: number,
    limits: DiveLimits,
    people: number[],
    stop: StopRule = {},
  ): Promise<{ ok: boolean; value: number; bound: number }> {
    const { gap = 0, gapShare = 0, tail = 0 } = stop;
    let value = Number.POSITIVE_INFINITY;
    let bound = Number.NEGATIVE_INFINITY;
    let center: Float64Array | null = null;
    for (let round = 0; ; round++) {
      const lp = this.solveLp();
      if (!lp.ok) return { ok: false, value, bound };
      const gain = value - lp.value;
      value = lp.value;
      // Past the tolerance, or once the bound rounded up (penalties are integers) reaches the LP.
      const closed = value - bound <= gap + gapShare * Math.abs(value) || Math.ceil(bound - 1e-6) >= value - 1e-6;
      if (round >= rounds || this.outOfBudget(limits) || closed || gain < tail) break;
      const dual = this.hm!.getSolution().rowDual;
      let point = dual;
      if (center) {
        point = new Float64Array(dual.length);
        for (let i = 0; i < dual.length; i++) point[i] = SMOOTHING * center[i]! + (1 - SMOOTHING) * dual[i]!;
      }
      // The quick pricing first; when it finds nothing, the exact one at the LP duals.
      let priced = this.price(point, dual, people, false, limits);
      if (priced.added === 0) {
        point = dual;
        priced = this.price(point, dual, people, true, limits);
      }
      center = Float64Array.from(point);
      bound = Math.max(bound, priced.bound);
      // No improving row, and the pricing exact: the LP optimum is proven.
      if (priced.added === 0) return { ok: true, value, bound: priced.bound > Number.NEGATIVE_INFINITY ? value : bound };
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { ok: true, value, bound };
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
    this.hm ??= await this.build();
    this.unfixAll();
    for (let p = 0; p < m.n; p++) {
      const current = state.grid.slice(p * D, p * D + D);
      if (this.relaxed[p]! > 0) {
        // An invalid row stays as it is: it enters as the person's only column, fixed.
        this.unfix(p);
        this.addColumn(p, current);
        this.fix(p, this.keys[p]!.get(rowKey(current))!);
        continue;
      }
      this.addColumn(p, current);
      for (const row of seedRows[p] ?? []) this.addColumn(p, row);
    }
    const people = [...Array(m.n).keys()];
    const root = await this.generate(ALL_ROUNDS, { ...limits, workEnd: Math.min(limits.workEnd, limits.rootWorkEnd) }, people, { gapShare: ROOT_GAP_SHARE });
    const result: DiveResult = {
      rows: null,
      // The penalty is an integer: no roster costs less than the bound rounded up.
      lowerBound: Math.ceil(root.bound - 1e-6),
      rootValue: root.ok ? root.value : Number.POSITIVE_INFINITY,
    };
    if (!root.ok) return result;
    result.rows = await this.dive(people, limits, root.value);
    return result;
  }

  /**
   * Re-optimises the people in `free` against everyone else's row in `state`: column generation
   * over their rows with the others fixed, then a dive. Returns their new rows, or null when
   * the LP shows they cannot do better than they do now.
   */
  async reoptimize(state: RosterState, free: readonly number[], limits: DiveLimits): Promise<Map<number, Int8Array> | null> {
    const m = this.m;
    const D = m.days;
    this.hm ??= await this.build();
    this.unfixAll();
    const isFree = new Uint8Array(m.n);
    for (const p of free) if (this.relaxed[p] === 0) isFree[p] = 1;
    for (let p = 0; p < m.n; p++) {
      const row = state.grid.slice(p * D, p * D + D);
      this.addColumn(p, row);
      if (!isFree[p]) this.fix(p, this.keys[p]!.get(rowKey(row))!);
    }
    const people = [...Array(m.n).keys()];
    const generated = await this.generate(ALL_ROUNDS, limits, people, { gap: LNS_GAP });
    if (!generated.ok || generated.value >= limits.incumbent - 0.5) return null;
    const rows = await this.dive(people, limits, generated.value);
    return rows && new Map(people.filter((p) => isFree[p]).map((p) => [p, rows[p]!]));
  }

  /**
   * Dives from the current LP to one row per person. Each step fixes everyone whose heaviest row
   * nearly carries them, plus the most decided of the rest, and re-prices. A step that makes the
   * LP jump is taken back and its weakest row forbidden instead (a few times per dive): one level
   * of branching where the LP says a choice is costly. Out of budget, or once the LP shows this
   * branch cannot beat the incumbent, everyone left takes their heaviest row at once (the caller
   * settles the roster with best responses). Returns the rows, or null.
   */
  private async dive(people: number[], limits: DiveLimits, value: number): Promise<Int8Array[] | null> {
    const hm = this.hm!;
    let backtracks = 0;
    let x = hm.getSolution().colValue;
    for (;;) {
      const { col, val } = this.heaviest(x);
      const free = people.filter((p) => this.fixedCol[p]! < 0);
      if (free.length === 0 || this.outOfBudget(limits) || value >= limits.incumbent - 0.5) break;
      const fixedNow: number[] = [];
      let weakest = -1;
      for (const p of free) {
        if (val[p]! <= FIX_AT) continue;
        this.fix(p, col[p]!);
        fixedNow.push(p);
        if (val[p]! < 1 - 1e-6 && (weakest < 0 || val[p]! < val[weakest]!)) weakest = p;
      }
      if (weakest < 0) {
        for (const p of free) if (this.fixedCol[p]! < 0 && col[p]! >= 0 && (weakest < 0 || val[p]! > val[weakest]! + 1e-9)) weakest = p;
        if (weakest >= 0) {
          this.fix(weakest, col[weakest]!);
          fixedNow.push(weakest);
        }
      }
      if (fixedNow.length === 0) break;
      const step = await this.generate(ALL_ROUNDS, limits, people, DIVE_STOP);
      if (!step.ok) break;
      if (weakest >= 0 && backtracks < MAX_BACKTRACKS && step.value > value + Math.max(JUMP_MIN, JUMP_SHARE * value)) {
        for (const p of fixedNow) this.unfix(p);
        backtracks++;
        this.forbid(col[weakest]!);
        const again = await this.generate(ALL_ROUNDS, limits, people, DIVE_STOP);
        if (!again.ok) break;
        value = again.value;
      } else {
        value = step.value;
      }
      x = hm.getSolution().colValue;
    }
    // Whoever is still free takes their heaviest row of the last LP.
    const { col } = this.heaviest(x);
    for (const p of people) if (this.fixedCol[p]! < 0) this.fixedCol[p] = col[p]!;
    if (people.some((p) => this.fixedCol[p]! < 0)) return null;
    return people.map((p) => this.columns[this.fixedCol[p]!]!.row);
  }

  /** Per person, the column with the largest value in x (-1 if none) and that value. */
  private heaviest(x: Float64Array): { col: Int32Array; val: Float64Array } {
    const col = new Int32Array(this.m.n).fill(-1);
    const val = new Float64Array(this.m.n);
    for (let c = 0; c < this.columns.length; c++) {
      const p = this.columns[c]!.p;
      const v = x[this.firstY + c] ?? 0;
      if (v > val[p]! + 1e-9) {
        val[p] = v;
        col[p] = c;
      }
    }
    return { col, val };
  }

  /** Undoes the dive's decisions (people whose row is invalid stay fixed to it). */
  private unfixAll(): void {
    for (let p = 0; p < this.m.n; p++) if (this.relaxed[p] === 0) this.unfix(p);
    for (const c of this.forbidden) this.hm!.changeColBounds(this.firstY + c, 0, 1);
    this.forbidden.length = 0;
  }

  private forbid(c: number): void {
    this.hm!.changeColBounds(this.firstY + c, 0, 0);
    this.forbidden.push(c);
  }

  private readonly forbidden: number[] = [];

  private unfix(p: number): void {
    const c = this.fixedCol[p]!;
    if (c < 0) return;
    this.hm!.changeColBounds(this.firstY + c, 0, 1);
    this.fixedCol[p] = -1;
  }

  private fix(p: number, c: number): void {
    this.fixedCol[p] = c;
    this.hm!.changeColBounds(this.firstY + c, 1, 1);
  }

  dispose(): void {
    this.hm?.dispose();
    this.hm = null;
  }
}
