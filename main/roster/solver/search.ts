// The search. All hard rules are per person, so a roster is valid as soon as every row is: rows
// are only ever produced by the exact row solver (row-dp.ts) or checked against the rules, and
// the construction (every row from scratch, then best responses) is valid at once.
// Improvement is large-neighbourhood search accepted by simulated annealing on the exact
// penalty: ruin a few people's rows, or many people's cells in a window of days, and recreate
// them one person at a time against the cover the others leave (half the time with noisy costs,
// so people do not just take their old places back); ejection chains that fill a short post and
// then every post that this leaves short; exact re-optimisation of everyone over a weekend or a
// few days (window-exact.ts). With a large enough budget, column generation over everyone and an
// LP-guided dive (colgen.ts) build a roster close to the LP bound; a few people at a time are
// then re-optimised jointly through the same master, and the search polishes what is left; a
// proven bound ends the search early. Small budgets run a few scouting starts instead.
//
// Determinism: the budget is counted in work units (label operations of the row solver, plus
// fixed charges for the other steps), not in time, and the PRNG is seeded; HiGHS is
// single-threaded and node-limited. So a seed and a budget fix the answer. The wall-clock limit
// is a safety net only: it ends the search early on a machine much slower or busier than the
// calibration.
import { FREE, OFF, type Model } from './model.ts';
import { Rng } from './rng.ts';
import { RosterState } from './roster-state.ts';
import { INFEASIBLE, RowSolver } from './row-dp.ts';
import { WindowOptimizer } from './window-exact.ts';
import { ColumnPool } from './pool.ts';
import { PriceAndDive } from './colgen.ts';

export type SearchPhase = 'construct' | 'improve' | 'done';

export interface SearchProgress {
  phase: SearchPhase;
  bestPenalty: number;
  /** Every row satisfies its person's rules. */
  valid: boolean;
  work: number;
}

export interface SearchOptions {
  seed: number;
  /** Budget in row-solver label operations. */
  maxWork: number;
  /** Wall-clock deadline (performance.now() value) as a safety net. */
  deadline: number;
  /** Initial values per cell (p * days + d); OFF where nothing is given. */
  initial?: Int8Array;
  shouldStop: () => boolean;
  report: (progress: SearchProgress) => void;
  /** Called now and then so the caller can yield to its event loop. */
  pause: () => Promise<void>;
}

export interface SearchResult {
  grid: Int8Array;
  penalty: number;
  /** Per person: 0 when the row keeps every rule, otherwise the relaxation needed. */
  relaxed: Int32Array;
  work: number;
}

/** Relaxation levels tried for a person with no valid row (see RowSolver.solve). */
const MAX_RELAX = 4;
/** Independent starts, each given this share of the budget, before the final phase. */
const SCOUTS = 2;
const SCOUT_SHARE = 0.12;
/** Shares of the moves: exact window, ejection chain; the rest ruin rows or windows. */
const EXACT_SHARE = 0.1;
const CHAIN_SHARE = 0.15;
/** Share of recreates done with noisy costs, and the noise amplitudes (cover weight is ~100). */
const NOISY_SHARE = 0.5;
const NOISE_LEVELS = [20, 60, 150, 250];
/**
 * Price-and-dive (colgen.ts): from this budget up, after the first scout. Its root column
 * generation may use up to ROOT_SHARE of the budget, the whole dive up to DIVE_SHARE.
 */
const DIVE_MIN_WORK = 60_000_000;
const DIVE_AT = 0.08;
/** Most work spent searching before the dive (its incumbent only prunes and seeds the dive). */
const DIVE_WARMUP = 15_000_000;
const ROOT_SHARE = 0.45;
const DIVE_SHARE = 0.85;
const COLUMNS_PER_SEED = 40;
/** After the dive, people re-optimised together through the master until this share of the budget. */
const LNS_SHARE = 0.9;
const LNS_PEOPLE = 8;
const LNS_PATIENCE = 0.15;

export class Search {
  private readonly model: Model;
  private readonly opts: SearchOptions;
  private readonly rng: Rng;
  private readonly state: RosterState;
  private readonly rows: RowSolver;
  private readonly windows: WindowOptimizer;
  /** Rows of the best rosters, the seeds of the price-and-dive (collected only while it is to come). */
  private readonly pool: ColumnPool;
  private collectPool = false;
  private readonly costs: Float64Array;
  private readonly restrict: Int8Array;
  private readonly rowOut: Int8Array;
  private readonly relaxed: Int32Array;
  private readonly saved: Int8Array;
  private bestGrid: Int8Array;
  private bestPenalty = Number.POSITIVE_INFINITY;
  private readonly chainRows: Int8Array[];
  private readonly shortAtStart: Int32Array;

  constructor(model: Model, opts: SearchOptions) {
    this.model = model;
    this.opts = opts;
    this.rng = new Rng(opts.seed);
    this.state = new RosterState(model);
    this.rows = new RowSolver(model);
    this.windows = new WindowOptimizer(model);
    this.pool = new ColumnPool(model);
    this.costs = new Float64Array(model.days * model.values);
    this.restrict = new Int8Array(model.days);
    this.rowOut = new Int8Array(model.days);
    this.relaxed = new Int32Array(model.n);
    this.saved = new Int8Array(model.n * model.days);
    this.bestGrid = new Int8Array(model.n * model.days);
    this.chainRows = [0, 1, 2].map(() => new Int8Array(model.days));
    this.shortAtStart = new Int32Array(model.days * model.shifts);
  }

  get work(): number {
    return this.rows.work;
  }

  private outOfBudget(): boolean {
    return (
      this.rows.work >= this.opts.maxWork ||
      this.bestPenalty <= this.lowerBound ||
      performance.now() >= this.opts.deadline ||
      this.opts.shouldStop()
    );
  }

  /** Proven lower bound on the penalty (from column generation); the search ends on reaching it. */
  private lowerBound = Number.NEGATIVE_INFINITY;

  /** Locked cells and cells outside [from, to) keep their current value. */
  private setRestrict(p: number, from: number, to: number): void {
    const m = this.model;
    const D = m.days;
    for (let d = 0; d < D; d++) {
      const locked = m.fixed[p * D + d]!;
      if (locked !== FREE) this.restrict[d] = locked;
      else if (d < from || d >= to) this.restrict[d] = this.state.grid[p * D + d]!;
      else this.restrict[d] = FREE;
    }
  }

  /**
   * Rebuilds person p's cells in [from, to) as the cheapest valid completion given everyone
   * else. Returns false when there is none (the row is left as it was).
   */
  private rebuild(p: number, from = 0, to = this.model.days, noise = 0): boolean {
    this.state.cellCosts(p, this.costs);
    this.rows.work += this.costs.length;
    if (noise > 0) for (let i = 0; i < this.costs.length; i++) this.costs[i]! += (this.rng.next() - 0.5) * noise;
    this.setRestrict(p, from, to);
    const cost = this.rows.solve(p, this.costs, this.restrict, this.rowOut, this.relaxed[p]!);
    if (cost === INFEASIBLE) return false;
    this.state.setRow(p, this.rowOut);
    return true;
  }

  /** Full-row rebuild, relaxing rules only when the person has no valid row at all. */
  private construct(p: number): void {
    for (let relax = this.relaxed[p]!; relax <= MAX_RELAX; relax++) {
      this.relaxed[p] = relax;
      if (this.rebuild(p)) return;
    }
    // Even fully relaxed nothing fits (contradictory locks): keep whatever the row holds.
  }

  private noteBest(phase: SearchPhase): void {
    if (this.state.total < this.bestPenalty - 1e-9) {
      this.bestPenalty = this.state.total;
      this.bestGrid.set(this.state.grid);
      if (this.collectPool) this.pool.addCurrent(this.state, this.relaxed);
      this.opts.report({ phase, bestPenalty: this.bestPenalty, valid: this.valid(), work: this.rows.work });
    }
  }

  private valid(): boolean {
    return this.relaxed.every((r) => r === 0);
  }

  async run(): Promise<SearchResult> {
    const m = this.model;
    const D = m.days;
    if (this.opts.initial) {
      for (let p = 0; p < m.n; p++) for (let d = 0; d < D; d++) this.state.set(p, d, this.opts.initial[p * D + d]!);
    }
    for (let p = 0; p < m.n; p++) {
      for (let d = 0; d < D; d++) {
        const locked = m.fixed[p * D + d]!;
        if (locked !== FREE) this.state.set(p, d, locked);
      }
    }

    // Construction: every row from scratch in a random order, then best responses until no one
    // can improve alone. With a budget that pays for it, a short search, then column generation
    // over everyone and an LP-guided dive (colgen.ts), then the search for the rest of the budget
    // from the better roster. Smaller budgets (interactive re-solves, tests) run a few
    // independent scouting starts instead (a single run sometimes settles with one post short
    // that only a different start avoids) and continue from the best of them.
    const startWork = this.rows.work;
    const total = Math.max(1, this.opts.maxWork - startWork);
    const dive = this.opts.maxWork >= DIVE_MIN_WORK;
    this.collectPool = dive;
    for (let scout = 0; scout < (dive ? 1 : SCOUTS) && !this.outOfBudget(); scout++) {
      if (scout > 0) {
        for (let p = 0; p < m.n; p++) for (let d = 0; d < D; d++) if (m.fixed[p * D + d] === FREE) this.state.set(p, d, OFF);
      }
      for (const p of this.rng.shuffle([...Array(m.n).keys()])) this.construct(p);
      this.noteBest('construct');
      await this.descend('construct');
      await this.improve(startWork + (dive ? Math.min(total * DIVE_AT, DIVE_WARMUP) : total * SCOUT_SHARE * (scout + 1)));
    }
    if (dive && !this.outOfBudget()) await this.priceAndDive();
    this.state.grid.set(this.bestGrid);
    this.state.recompute();
    await this.improve(this.opts.maxWork);
    this.state.grid.set(this.bestGrid);
    this.state.recompute();
    this.opts.report({ phase: 'done', bestPenalty: this.bestPenalty, valid: this.valid(), work: this.rows.work });
    return { grid: this.bestGrid, penalty: this.bestPenalty, relaxed: this.relaxed, work: this.rows.work };
  }

  /** Best-response sweeps over all people until none improves. */
  private async descend(phase: SearchPhase): Promise<void> {
    const m = this.model;
    let improved = true;
    while (improved && !this.outOfBudget()) {
      improved = false;
      for (const p of this.rng.shuffle([...Array(m.n).keys()])) {
        const before = this.state.total;
        this.state.copyRow(p, this.rowOut);
        this.saved.set(this.rowOut, 0);
        if (!this.rebuild(p)) continue;
        if (this.state.total < before - 1e-9) improved = true;
        else if (this.state.total > before + 1e-9) this.state.setRow(p, this.saved.subarray(0, m.days));
      }
      this.noteBest(phase);
      await this.opts.pause();
    }
  }

  /**
   * Ejection chain on a short cover slot: put someone on it (their whole row re-planned around
   * that), which may leave another slot short; fill that one the same way, a few steps deep.
   * Each step takes the candidate that leaves the lowest total. Returns false when nothing is short.
   */
  private ejectionChain(): boolean {
    const m = this.model;
    const D = m.days;
    const S = m.shifts;
    const rng = this.rng;
    const st = this.state;
    const shortSlots: number[] = [];
    for (let k = 0; k < st.count.length; k++) if (st.count[k]! < m.requirement[k]! && m.underWeight[k]! > 0) shortSlots.push(k);
    if (shortSlots.length === 0) return false;
    let slot = shortSlots[rng.int(shortSlots.length)]!;
    const start = st.total;
    const shortAtStart = this.shortAtStart;
    for (let k = 0; k < st.count.length; k++) shortAtStart[k] = Math.max(0, m.requirement[k]! - st.count[k]!);
    const used = new Uint8Array(m.n);
    const trialRow = new Int8Array(D);
    const bestRow = new Int8Array(D);
    const oldRow = new Int8Array(D);
    for (let step = 0; step < 6; step++) {
      const d = Math.floor(slot / S);
      const s = slot % S;
      // Keep the three cheapest candidates and take one at random (cheaper ones likelier): the
      // greedy choice alone too often leads into a chain that cannot close.
      const topP = [-1, -1, -1];
      const topTotal = [Infinity, Infinity, Infinity];
      const topRows = this.chainRows;
      const candidates = rng.shuffle([...Array(m.n).keys()]).slice(0, Math.min(m.n, 16));
      for (const p of candidates) {
        const rules = m.people[p]!;
        if (used[p] || st.grid[p * D + d] === s || m.fixed[p * D + d] !== FREE || rules.dayOff[d] || rules.maxShifts[s]! <= 0) {
          continue;
        }
        st.cellCosts(p, this.costs);
        this.rows.work += this.costs.length;
        this.setRestrict(p, 0, D);
        this.restrict[d] = s;
        if (this.rows.solve(p, this.costs, this.restrict, trialRow, this.relaxed[p]!) === INFEASIBLE) continue;
        st.copyRow(p, oldRow);
        st.setRow(p, trialRow);
        const total = st.total;
        st.setRow(p, oldRow);
        for (let r = 0; r < 3; r++) {
          if (total < topTotal[r]!) {
            for (let q = 2; q > r; q--) {
              topTotal[q] = topTotal[q - 1]!;
              topP[q] = topP[q - 1]!;
              topRows[q]!.set(topRows[q - 1]!);
            }
            topTotal[r] = total;
            topP[r] = p;
            topRows[r]!.set(trialRow);
            break;
          }
        }
      }
      const pick = rng.next();
      const choice = pick < 0.6 || topP[1]! < 0 ? 0 : pick < 0.85 || topP[2]! < 0 ? 1 : 2;
      const bestP = topP[choice]!;
      if (bestP >= 0) bestRow.set(topRows[choice]!);
      if (bestP < 0) break;
      st.copyRow(bestP, oldRow);
      st.setRow(bestP, bestRow);
      used[bestP] = 1;
      if (st.total < start - 1e-9) break;
      // Next: any slot that is shorter now than when the chain started.
      const next: number[] = [];
      for (let k = 0; k < st.count.length; k++) {
        if (m.underWeight[k]! > 0 && m.requirement[k]! - st.count[k]! > shortAtStart[k]!) next.push(k);
      }
      if (next.length === 0) break;
      slot = next[rng.int(next.length)]!;
    }
    return true;
  }

  /**
   * Column generation over everyone from the best roster, then an LP-guided dive to a full
   * roster (colgen.ts); installs it as the best when it is better, and settles it with best
   * responses either way so the search can go on from the better of the two.
   */
  private async priceAndDive(): Promise<void> {
    const m = this.model;
    this.state.grid.set(this.bestGrid);
    this.state.recompute();
    const dive = new PriceAndDive(m, this.rows, this.relaxed);
    const start = this.rows.work;
    const seeds = Array.from({ length: m.n }, (_, p) => this.pool.rows[p]!.slice(-COLUMNS_PER_SEED));
    this.collectPool = false;
    try {
      const result = await dive.run(this.state, seeds, {
        workEnd: start + DIVE_SHARE * this.opts.maxWork,
        rootWorkEnd: start + ROOT_SHARE * this.opts.maxWork,
        deadline: this.opts.deadline,
        incumbent: this.bestPenalty,
        shouldStop: this.opts.shouldStop,
      });
      if (this.valid()) this.lowerBound = Math.max(this.lowerBound, result.lowerBound);
      if (result.rows) {
        for (let p = 0; p < m.n; p++) if (this.relaxed[p] === 0) this.state.setRow(p, result.rows[p]!);
        this.noteBest('improve');
        await this.descend('improve');
        if (this.state.total > this.bestPenalty + 1e-9) {
          this.state.grid.set(this.bestGrid);
          this.state.recompute();
        }
      }
      // Only while the LP says the master can still beat the best roster.
      if (result.rootValue < this.bestPenalty - 0.5) await this.reoptimizeMany(dive, start + LNS_SHARE * this.opts.maxWork);
    } catch {
      // HiGHS failed (out of memory, say): the search goes on without the dive.
      this.state.grid.set(this.bestGrid);
      this.state.recompute();
    } finally {
      dive.dispose();
    }
  }

  /**
   * Large-neighbourhood search through the master: a few people at a time re-optimised jointly
   * against everyone else (column generation over their rows and a dive, colgen.ts).
   */
  private async reoptimizeMany(dive: PriceAndDive, endWork: number): Promise<void> {
    const m = this.model;
    const D = m.days;
    // Handing the rest to the search once this much work has brought nothing better.
    const patience = LNS_PATIENCE * this.opts.maxWork;
    let lastGain = this.rows.work;
    while (!this.outOfBudget() && this.rows.work < endWork && this.rows.work - lastGain < patience) {
      const people = this.lnsPeople();
      const rows = await dive.reoptimize(this.state, people, {
        workEnd: endWork,
        rootWorkEnd: endWork,
        deadline: this.opts.deadline,
        incumbent: this.state.total,
        shouldStop: this.opts.shouldStop,
      });
      if (!rows) continue;
      const before = this.state.total;
      const old = new Map<number, Int8Array>();
      for (const [p, row] of rows) {
        old.set(p, this.state.grid.slice(p * D, p * D + D));
        this.state.setRow(p, row);
      }
      if (this.state.total > before + 1e-9) for (const [p, row] of old) this.state.setRow(p, row);
      if (this.state.total < before - 1e-9) lastGain = this.rows.work;
      this.noteBest('improve');
      await this.opts.pause();
    }
  }

  /**
   * People to re-optimise together: half the time, around a cover slot that costs (those who
   * could take it when it is short, those on it when it is over), the rest at random.
   */
  private lnsPeople(): number[] {
    const m = this.model;
    const D = m.days;
    const S = m.shifts;
    const k = Math.min(m.n, LNS_PEOPLE);
    const chosen = new Set<number>();
    const costly: number[] = [];
    for (let slot = 0; slot < this.state.count.length; slot++) {
      const c = this.state.count[slot]!;
      if ((c < m.requirement[slot]! && m.underWeight[slot]! > 0) || (c > m.requirement[slot]! && m.overWeight[slot]! > 0)) costly.push(slot);
    }
    if (costly.length > 0 && this.rng.next() < 0.5) {
      const slot = costly[this.rng.int(costly.length)]!;
      const d = Math.floor(slot / S);
      const s = slot % S;
      const short = this.state.count[slot]! < m.requirement[slot]!;
      const near = [...Array(m.n).keys()].filter((p) => {
        if (m.fixed[p * D + d] !== FREE || m.people[p]!.dayOff[d] || m.people[p]!.maxShifts[s]! <= 0) return false;
        return short !== (this.state.grid[p * D + d] === s);
      });
      for (const p of this.rng.shuffle(near).slice(0, Math.ceil(k / 2))) chosen.add(p);
    }
    for (const p of this.rng.shuffle([...Array(m.n).keys()])) if (chosen.size < k) chosen.add(p);
    return [...chosen];
  }

  /** Exact re-optimisation of everyone over a weekend or a few days (never makes things worse). */
  private exactWindow(): void {
    const m = this.model;
    const rng = this.rng;
    let from: number;
    let W: number;
    if (m.weekendCount > 0 && rng.next() < 0.5) {
      const target = rng.int(m.weekendCount);
      from = m.weekendOfDay.indexOf(target);
      W = 1;
      while (from + W < m.days && m.weekendOfDay[from + W] === target) W++;
    } else {
      W = Math.min(m.days, 1 + rng.int(m.shifts >= 4 ? 2 : 3));
      from = rng.int(m.days - W + 1);
    }
    const before = this.windows.work;
    this.windows.optimize(this.state, rng, from, W, rng.shuffle([...Array(m.n).keys()]), this.relaxed);
    this.rows.work += this.windows.work - before;
  }

  private async improve(endWork: number): Promise<void> {
    const m = this.model;
    const D = m.days;
    const n = m.n;
    const rng = this.rng;
    const startWork = this.rows.work;
    const span = Math.max(1, endWork - startWork);
    const t0 = 3;
    const t1 = 0.05;
    let iter = 0;
    while (!this.outOfBudget() && this.rows.work < endWork) {
      iter++;
      const progress = Math.min(1, (this.rows.work - startWork) / span);
      const temperature = t0 * Math.pow(t1 / t0, progress);
      const before = this.state.total;
      this.saved.set(this.state.grid);

      const kind = rng.next();
      let people: number[];
      let from = 0;
      let to = D;
      let ok = true;
      if (kind < EXACT_SHARE) {
        this.exactWindow();
        people = [];
      } else if (kind < EXACT_SHARE + CHAIN_SHARE && this.ejectionChain()) {
        people = [];
      } else if (kind < 0.7 || D < 4) {
        // Ruin and recreate a few whole rows.
        const k = Math.min(n, 2 + rng.int(3));
        people = rng.shuffle([...Array(n).keys()]).slice(0, k);
      } else {
        // A window of days for many people.
        const len = Math.min(D, 3 + rng.int(6));
        from = rng.int(D - len + 1);
        to = from + len;
        const share = 0.3 + 0.7 * rng.next();
        people = rng.shuffle([...Array(n).keys()]).filter(() => rng.next() < share);
        if (people.length === 0) people = [rng.int(n)];
      }
      for (const p of people) {
        for (let d = from; d < to; d++) if (m.fixed[p * D + d] === FREE) this.state.set(p, d, OFF);
      }
      // Recreate with noisy costs now and then, so the first people back do not simply take
      // their old places; a second, exact pass then settles everyone.
      const noise = rng.next() < NOISY_SHARE ? NOISE_LEVELS[rng.int(NOISE_LEVELS.length)]! : 0;
      for (const p of rng.shuffle(people)) {
        if (!this.rebuild(p, from, to, noise)) {
          ok = false;
          break;
        }
      }
      if (ok && noise > 0) for (const p of rng.shuffle(people)) this.rebuild(p, from, to);
      const delta = this.state.total - before;
      const accept = ok && (delta <= 1e-9 || rng.next() < Math.exp(-delta / temperature));
      if (accept) {
        this.noteBest('improve');
      } else {
        this.rows.work += n * D;
        for (let p = 0; p < n; p++) {
          for (let d = 0; d < D; d++) {
            const v = this.saved[p * D + d]!;
            if (this.state.grid[p * D + d] !== v) this.state.set(p, d, v);
          }
        }
      }
      if ((iter & 15) === 0) await this.opts.pause();
    }
  }
}
