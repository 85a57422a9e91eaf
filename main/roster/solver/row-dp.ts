// Exact best row for one person: a resource-constrained shortest path over the days, by
// label-setting with dominance. All hard rules are per person, so any row this returns is valid
// for that person; the cover coupling arrives through the per-cell costs the caller computes
// (the marginal cover cost given everyone else, plus the person's own request costs).
//
// A label is a partial row up to day d. Labels that can still be completed the same way share a
// bucket: last value, length of the current run (capped where it no longer matters), whether that
// run touches day 0, and minutes worked so far (minutes must be exact: both bounds apply).
// Inside a bucket a label is dropped when another costs no more and has used no more weekends
// and no more shifts of every type whose count is limited.
import { FREE, OFF, type Model } from './model.ts';

export const INFEASIBLE = Number.POSITIVE_INFINITY;

/**
 * Most labels kept per bucket. Buckets only overflow when several limited shift types make the
 * count vectors incomparable; keeping the cheapest labels then trades exactness for speed.
 */
const BUCKET_CAP = 4;
/**
 * The cap for an exact solve (solveCapped with it): buckets keep every non-dominated label, up
 * to this generous cap. Column generation needs this to prove that no improving row exists.
 */
export const EXACT_BUCKET_CAP = 256;

interface PersonPrep {
  /** Shift indices this person may work at all (limit > 0). */
  allowed: number[];
  /** Shift index → slot in the count vector, or -1 when the type's limit cannot bind. */
  countSlot: Int32Array;
  counted: number;
  limits: Int32Array;
  /** Count slot → shift index. */
  slotShift: Int32Array;
}

export class RowSolver {
  /** Label operations done so far: the solver's deterministic measure of work. */
  work = 0;
  private readonly model: Model;
  private readonly preps: PersonPrep[];
  private cap = 0;
  private cost = new Float64Array(0);
  private mins = new Int32Array(0);
  private wk = new Int32Array(0);
  private val = new Int8Array(0);
  private run = new Int32Array(0);
  private edge = new Uint8Array(0);
  private parent = new Int32Array(0);
  private alive = new Uint8Array(0);
  private counts = new Int32Array(0);
  private next = new Int32Array(0);
  // Open-addressing table of the buckets of the layer being built; a slot belongs to the current
  // layer when its stamp matches, so nothing needs clearing between layers.
  private tableMask = (1 << 12) - 1;
  private tableKey = new Float64Array(1 << 12);
  private tableHead = new Int32Array(1 << 12);
  private tableStamp = new Int32Array(1 << 12);
  private stamp = 1;
  private stride = 1;
  private readonly maxRemain: Float64Array;
  private readonly minCostRemain: Float64Array;

  constructor(model: Model) {
    this.model = model;
    this.preps = model.people.map((rules) => {
      const allowed: number[] = [];
      const countSlot = new Int32Array(model.shifts).fill(-1);
      const limits: number[] = [];
      const slotShift: number[] = [];
      const workable = model.days;
      for (let s = 0; s < model.shifts; s++) {
        const limit = rules.maxShifts[s]!;
        if (limit <= 0) continue;
        allowed.push(s);
        if (limit < workable) {
          countSlot[s] = limits.length;
          limits.push(limit);
          slotShift.push(s);
        }
      }
      return { allowed, countSlot, counted: limits.length, limits: Int32Array.from(limits), slotShift: Int32Array.from(slotShift) };
    });
    this.stride = Math.max(1, ...this.preps.map((p) => p.counted));
    this.floors = new Int32Array(this.stride);
    this.grain = new Int32Array(model.n).fill(1);
    this.coarse = new Uint8Array(model.n);
    model.people.forEach((rules, p) => {
      const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
      let g = 0;
      for (const s of this.preps[p]!.allowed) g = gcd(g, model.minutes[s]!);
      g = Math.max(1, g);
      const wide = Math.floor(rules.maxMinutes / 16 / g) * g;
      if (wide > g) {
        this.grain[p] = wide;
        this.coarse[p] = 1;
      } else {
        this.grain[p] = g;
      }
    });
    this.maxRemain = new Float64Array(model.days + 1);
    this.minCostRemain = new Float64Array(model.days + 1);
    this.grow(4096);
  }

  private grow(min: number): void {
    if (min <= this.cap) return;
    let cap = Math.max(this.cap * 2, 4096);
    while (cap < min) cap *= 2;
    const copy = <T extends Float64Array | Int32Array | Int8Array | Uint8Array>(old: T, make: (n: number) => T, k = 1) => {
      const next = make(cap * k);
      next.set(old);
      return next;
    };
    this.cost = copy(this.cost, (n) => new Float64Array(n));
    this.mins = copy(this.mins, (n) => new Int32Array(n));
    this.wk = copy(this.wk, (n) => new Int32Array(n));
    this.val = copy(this.val, (n) => new Int8Array(n));
    this.run = copy(this.run, (n) => new Int32Array(n));
    this.edge = copy(this.edge, (n) => new Uint8Array(n));
    this.parent = copy(this.parent, (n) => new Int32Array(n));
    this.alive = copy(this.alive, (n) => new Uint8Array(n));
    this.counts = copy(this.counts, (n) => new Int32Array(n), this.stride);
    this.next = copy(this.next, (n) => new Int32Array(n));
    this.cap = cap;
  }

  /** Doubles the bucket table and re-files the labels of the layer being built. */
  private growTable(layerFrom: number, layerTo: number): void {
    const size = (this.tableMask + 1) * 2;
    this.tableMask = size - 1;
    this.tableKey = new Float64Array(size);
    this.tableHead = new Int32Array(size);
    this.tableStamp = new Int32Array(size);
    this.stamp++;
    const mask = this.tableMask;
    for (let l = layerFrom; l < layerTo; l++) {
      const key = this.keyOf(l);
      let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (this.tableStamp[h] === this.stamp && this.tableKey[h] !== key) h = (h + 1) & mask;
      if (this.tableStamp[h] !== this.stamp) {
        this.tableStamp[h] = this.stamp;
        this.tableKey[h] = key;
        this.tableHead[h] = -1;
      }
      this.next[l] = this.tableHead[h]!;
      this.tableHead[h] = l;
    }
  }

  private keyOf(l: number): number {
    return (
      Math.floor(this.mins[l]! / this.curGrain) * this.curBucketSpan +
      ((this.val[l]! + 1) * this.curRunSpan + this.run[l]!) * 2 +
      this.edge[l]!
    );
  }

  private curBucketSpan = 0;
  private curGrain = 1;
  /**
   * Minutes per bucket. Exact minutes make one bucket per total worked, which explodes when shift
   * lengths differ and the band is wide; the fast pass groups totals into about 16 bands and keeps
   * the cheapest labels of each (all rules are still checked exactly, only optimality is given
   * up). When it finds nothing the exact pass runs.
   */
  private readonly grain: Int32Array;
  private readonly coarse: Uint8Array;
  private curRunSpan = 0;

  /**
   * Cheapest valid row for person p. cellCost[d * values + v + 1] is the cost of value v on day d;
   * restrict[d] is FREE or a value the day must take. Writes the row into `out` and returns its
   * cost, or INFEASIBLE (out untouched) when no row satisfies every rule.
   */
  solve(p: number, cellCost: Float64Array, restrict: Int8Array, out: Int8Array, relax = 0, bound = Number.POSITIVE_INFINITY): number {
    const fast = this.solveWith(p, cellCost, restrict, out, relax, bound, false, BUCKET_CAP);
    if (fast !== INFEASIBLE || !this.coarse[p]) return fast;
    return this.solveWith(p, cellCost, restrict, out, relax, bound, true, BUCKET_CAP);
  }

  /**
   * Like solve, but buckets keep at most `cap` labels and minutes are banded only when `exact` is
   * false: exact with EXACT_BUCKET_CAP, the quick pricing with bands and a smaller cap.
   */
  solveCapped(p: number, cellCost: Float64Array, restrict: Int8Array, out: Int8Array, bound: number, cap: number, exact = true): number {
    return this.solveWith(p, cellCost, restrict, out, 0, bound, exact, cap);
  }

  private solveWith(
    p: number,
    cellCost: Float64Array,
    restrict: Int8Array,
    out: Int8Array,
    relax: number,
    bound: number,
    exact: boolean,
    cap: number,
  ): number {
    const m = this.model;
    const rules = m.people[p]!;
    const prep = this.preps[p]!;
    const D = m.days;
    const V = m.values;
    const S = m.shifts;
    const stride = this.stride;
    // relax > 0 drops rules, loosest last, for a person who has no valid row at all: the row is
    // then the best attempt, and the final scoring lists what it breaks.
    const minCS = relax >= 2 ? 0 : rules.minConsecutiveShifts;
    const maxCS = relax >= 3 ? D : rules.maxConsecutiveShifts;
    const minOff = relax >= 2 ? 0 : rules.minConsecutiveDaysOff;
    const offCap = Math.max(1, minOff);
    const runSpan = Math.max(maxCS, offCap) + 2;
    const bucketSpan = V * runSpan * 2;
    this.curBucketSpan = bucketSpan;
    const grain = exact ? 1 : this.grain[p]!;
    this.curGrain = grain;
    this.curRunSpan = runSpan;
    const minM = relax >= 1 ? 0 : rules.minMinutes;
    const maxM = relax >= 3 ? Number.MAX_SAFE_INTEGER : rules.maxMinutes;
    const maxW = relax >= 3 ? D : rules.maxWeekends;
    const counted = relax >= 3 ? 0 : prep.counted;
    const forbidden = relax >= 4 ? new Uint8Array(S * S) : m.forbidden;

    // Values possible on each day.
    const options: number[][] = [];
    for (let d = 0; d < D; d++) {
      const r = restrict[d]!;
      if (r !== FREE) options.push([r]);
      else if (rules.dayOff[d]) options.push([OFF]);
      else options.push([OFF, ...prep.allowed]);
    }
    this.maxRemain[D] = 0;
    this.minCostRemain[D] = 0;
    for (let d = D - 1; d >= 0; d--) {
      let best = 0;
      let cheapest = Number.POSITIVE_INFINITY;
      for (const v of options[d]!) {
        if (v >= 0 && m.minutes[v]! > best) best = m.minutes[v]!;
        cheapest = Math.min(cheapest, cellCost[d * V + v + 1]!);
      }
      this.maxRemain[d] = this.maxRemain[d + 1]! + best;
      this.minCostRemain[d] = this.minCostRemain[d + 1]! + cheapest;
    }
    // Dominance floors: a count below limit − (the most the days after d can still add) can never
    // make its limit bind, so labels compare on max(count, floor) (likewise weekends). Without
    // this, counts of types that hardly ever bind split the labels into huge Pareto sets.
    const fs = stride + 1;
    if (this.future.length < (D + 1) * fs) this.future = new Int32Array((D + 1) * fs);
    const future = this.future;
    const seenWeekend = new Uint8Array(m.weekendCount);
    for (let i = 0; i < fs; i++) future[(D - 1) * fs + i] = 0;
    for (let d = D - 2; d >= 0; d--) {
      const next = options[d + 1]!;
      for (let i = 0; i < counted; i++) future[d * fs + i] = future[(d + 1) * fs + i]! + (next.includes(prep.slotShift[i]!) ? 1 : 0);
      const w = m.weekendOfDay[d + 1]!;
      const workable = next.some((v) => v >= 0);
      const add = w >= 0 && workable && !seenWeekend[w] ? 1 : 0;
      if (add) seenWeekend[w] = 1;
      future[d * fs + stride] = future[(d + 1) * fs + stride]! + add;
    }
    const floors = this.floors;

    // A label whose cost plus the cheapest possible rest exceeds the bound cannot win. With a
    // finite bound (pricing) the rest is costed by a backward pass over (value, run, edge) that
    // keeps the run and succession rules but not the counted resources: a much tighter bound.
    const limit = bound + 1e-9;
    const tight = Number.isFinite(bound) && relax === 0;
    if (tight) this.completionBounds(options, cellCost, minCS, maxCS, minOff, offCap, runSpan, forbidden);
    const comp = this.comp;

    let size = 0;
    let layerStart = 0;
    let layerEnd = 0;
    let buckets = 0; // buckets used in the layer being built

    const push = (
      cost: number,
      minutes: number,
      weekends: number,
      value: number,
      runLen: number,
      edgeFlag: number,
      parent: number,
      countsFrom: number,
      addSlot: number,
    ): void => {
      if (tight) {
        if (cost + comp[((dayOfPush * V + value + 1) * runSpan + runLen) * 2 + edgeFlag]! > limit) return;
      } else if (cost + this.minCostRemain[dayOfPush + 1]! > limit) return;
      const key = Math.floor(minutes / grain) * bucketSpan + ((value + 1) * runSpan + runLen) * 2 + edgeFlag;
      if (buckets * 2 >= this.tableMask) this.growTable(layerEnd, size);
      const mask = this.tableMask;
      let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (this.tableStamp[h] === this.stamp && this.tableKey[h] !== key) h = (h + 1) & mask;
      const counts = this.counts;
      const from = countsFrom * stride;
      if (this.tableStamp[h] === this.stamp) {
        let worst = -1;
        let alive = 0;
        const rest = maxM - minutes;
        const fd = dayOfPush * fs;
        for (let i = 0; i < counted; i++) {
          floors[i] = prep.limits[i]! - Math.min(future[fd + i]!, Math.floor(rest / m.minutes[prep.slotShift[i]!]!));
        }
        const wFloor = maxW - future[fd + stride]!;
        const wc = weekends > wFloor ? weekends : wFloor;
        for (let o = this.tableHead[h]!; o >= 0; o = this.next[o]!) {
          if (!this.alive[o]) continue;
          this.work++;
          const ob = o * stride;
          const sameMinutes = this.mins[o] === minutes;
          const wo = this.wk[o]! > wFloor ? this.wk[o]! : wFloor;
          let oLeq = sameMinutes && this.cost[o]! <= cost && wo <= wc;
          let cLeq = sameMinutes && cost <= this.cost[o]! && wc <= wo;
          for (let i = 0; i < counted && (oLeq || cLeq); i++) {
            const a = Math.max(counts[ob + i]!, floors[i]!);
            const b = Math.max((countsFrom >= 0 ? counts[from + i]! : 0) + (i === addSlot ? 1 : 0), floors[i]!);
            if (a > b) oLeq = false;
            if (b > a) cLeq = false;
          }
          if (oLeq) return; // an existing label is at least as good
          if (cLeq) {
            this.alive[o] = 0;
            continue;
          }
          alive++;
          if (worst < 0 || this.cost[o]! > this.cost[worst]!) worst = o;
        }
        if (alive >= cap) {
          // Keep the bucket small: the candidate replaces the dearest label, if it is cheaper.
          this.capHits++;
          if (this.cost[worst]! <= cost) return;
          this.alive[worst] = 0;
        }
      } else {
        this.tableStamp[h] = this.stamp;
        this.tableKey[h] = key;
        this.tableHead[h] = -1;
        buckets++;
      }
      this.grow(size + 1);
      const base = size * stride;
      const c = this.counts;
      for (let i = 0; i < stride; i++) c[base + i] = countsFrom >= 0 ? c[from + i]! : 0;
      if (addSlot >= 0) c[base + addSlot]!++;
      this.next[size] = this.tableHead[h]!;
      this.tableHead[h] = size;
      const i = size++;
      this.cost[i] = cost;
      this.mins[i] = minutes;
      this.wk[i] = weekends;
      this.val[i] = value;
      this.run[i] = runLen;
      this.edge[i] = edgeFlag;
      this.parent[i] = parent;
      this.alive[i] = 1;
    };

    let dayOfPush = 0;
    this.stamp++;
    // Day 0.
    for (const v of options[0]!) {
      const c = cellCost[v + 1]!;
      if (v === OFF) {
        push(c, 0, 0, OFF, 1, minOff > 1 ? 1 : 0, -1, -1, -1);
      } else {
        if (maxCS < 1) continue;
        const minutes = m.minutes[v]!;
        if (minutes > maxM) continue;
        const weekends = m.weekendOfDay[0]! >= 0 ? 1 : 0;
        if (weekends > maxW) continue;
        const slot = counted > 0 ? prep.countSlot[v]! : -1;
        if (slot >= 0 && prep.limits[slot]! < 1) continue;
        push(c, minutes, weekends, v, 1, minCS > 1 ? 1 : 0, -1, -1, slot);
      }
    }
    layerEnd = size;

    for (let d = 1; d < D; d++) {
      if (this.work > this.workLimit) {
        // Over the caller's limit: give up, reported like a full bucket (the answer is not exact).
        this.capHits++;
        return INFEASIBLE;
      }
      this.stamp++;
      buckets = 0;
      dayOfPush = d;
      const opts = options[d]!;
      const wkToday = m.weekendOfDay[d]!;
      const sameWeekend = wkToday >= 0 && m.weekendOfDay[d - 1] === wkToday;
      const costBase = d * V + 1;
      const remain = this.maxRemain[d + 1]!;
      for (let l = layerStart; l < layerEnd; l++) {
        if (!this.alive[l]) continue;
        const lv = this.val[l]!;
        const lr = this.run[l]!;
        const le = this.edge[l]!;
        const lc = this.cost[l]!;
        const lm = this.mins[l]!;
        const lw = this.wk[l]!;
        for (const v of opts) {
          this.work++;
          if (v === OFF) {
            if (lm + remain < minM) continue; // cannot reach the minimum any more
            if (lv === OFF) {
              const r = lr + 1 >= offCap ? offCap : lr + 1;
              push(lc + cellCost[costBase - 1]!, lm, lw, OFF, r, r >= minOff ? 0 : le, l, l, -1);
            } else {
              if (lr < minCS && !le) continue; // work run too short
              push(lc + cellCost[costBase - 1]!, lm, lw, OFF, 1, minOff > 1 ? 0 : 0, l, l, -1);
            }
          } else {
            const minutes = lm + m.minutes[v]!;
            if (minutes > maxM || minutes + remain < minM) continue;
            let weekends = lw;
            if (wkToday >= 0 && !(sameWeekend && lv !== OFF)) weekends++;
            if (weekends > maxW) continue;
            const slot = counted > 0 ? prep.countSlot[v]! : -1;
            if (slot >= 0 && this.counts[l * stride + slot]! + 1 > prep.limits[slot]!) continue;
            if (lv === OFF) {
              if (lr < minOff && !le) continue; // days-off run too short
              if (maxCS < 1) continue;
              push(lc + cellCost[costBase + v]!, minutes, weekends, v, 1, 0, l, l, slot);
            } else {
              if (lr + 1 > maxCS) continue;
              if (forbidden[lv * S + v]) continue;
              const r = lr + 1;
              push(lc + cellCost[costBase + v]!, minutes, weekends, v, r, r >= minCS ? 0 : le, l, l, slot);
            }
          }
        }
      }
      layerStart = layerEnd;
      layerEnd = size;
      if (layerStart === layerEnd) return INFEASIBLE;
    }

    let best = -1;
    for (let l = layerStart; l < layerEnd; l++) {
      if (!this.alive[l] || this.mins[l]! < minM) continue;
      if (best < 0 || this.cost[l]! < this.cost[best]!) best = l;
    }
    if (best < 0) return INFEASIBLE;
    const total = this.cost[best]!;
    for (let d = D - 1, l = best; d >= 0; d--, l = this.parent[l]!) out[d] = this.val[l]!;
    this.extraCount = 0;
    if (this.collect > 0) {
      // The next cheapest complete rows under the bound (column generation adds several per call).
      const picks: number[] = [];
      for (let l = layerStart; l < layerEnd; l++) {
        if (l === best || !this.alive[l] || this.mins[l]! < minM || this.cost[l]! > limit) continue;
        picks.push(l);
      }
      picks.sort((a, b) => this.cost[a]! - this.cost[b]!);
      for (const l0 of picks.slice(0, this.collect)) {
        const row = (this.extraRows[this.extraCount] ??= new Int8Array(D));
        for (let d = D - 1, l = l0; d >= 0; d--, l = this.parent[l]!) row[d] = this.val[l]!;
        this.extraCount++;
      }
    }
    return total;
  }

  private comp = new Float64Array(0);
  /** Per day: the most shifts of each counted type (then weekends) the later days can add. */
  private future = new Int32Array(0);
  private floors = new Int32Array(0);

  /**
   * comp[((d * V + v + 1) * runSpan + run) * 2 + edge]: the cheapest cost of days d+1… given the
   * state after day d, under the run-length and succession rules only (a lower bound).
   */
  private completionBounds(
    options: number[][],
    cellCost: Float64Array,
    minCS: number,
    maxCS: number,
    minOff: number,
    offCap: number,
    runSpan: number,
    forbidden: Uint8Array,
  ): void {
    const m = this.model;
    const D = m.days;
    const V = m.values;
    const S = m.shifts;
    const size = D * V * runSpan * 2;
    if (this.comp.length < size) this.comp = new Float64Array(size);
    const comp = this.comp;
    const at = (d: number, v: number, r: number, e: number) => ((d * V + v + 1) * runSpan + r) * 2 + e;
    for (let v = -1; v < S; v++) for (let r = 0; r < runSpan; r++) for (let e = 0; e < 2; e++) comp[at(D - 1, v, r, e)] = 0;
    for (let d = D - 2; d >= 0; d--) {
      const next = options[d + 1]!;
      for (let v = -1; v < S; v++) {
        for (let r = 0; r < runSpan; r++) {
          for (let e = 0; e < 2; e++) {
            let best = Number.POSITIVE_INFINITY;
            for (const w of next) {
              const c = cellCost[(d + 1) * V + w + 1]!;
              let rest: number;
              if (w === OFF) {
                if (v === OFF) {
                  const r2 = r + 1 >= offCap ? offCap : r + 1;
                  rest = comp[at(d + 1, OFF, r2, r2 >= minOff ? 0 : e)]!;
                } else {
                  if (r < minCS && !e) continue;
                  rest = comp[at(d + 1, OFF, 1, 0)]!;
                }
              } else if (v === OFF) {
                if ((r < minOff && !e) || maxCS < 1) continue;
                rest = comp[at(d + 1, w, 1, 0)]!;
              } else {
                if (r + 1 > maxCS || r + 1 >= runSpan || forbidden[v * S + w]) continue;
                rest = comp[at(d + 1, w, r + 1, r + 1 >= minCS ? 0 : e)]!;
              }
              if (c + rest < best) best = c + rest;
            }
            comp[at(d, v, r, e)] = best;
          }
        }
      }
    }
  }

  /** Labels dropped because a bucket was full (not dominated): nonzero means not exact. */
  capHits = 0;
  /** A solve gives up (INFEASIBLE, counted in capHits) once `work` passes this. */
  workLimit = Number.POSITIVE_INFINITY;

  /** How many further rows (after the best) a solve should return in extraRows; 0 by default. */
  collect = 0;
  /** The further rows of the last solve, cheapest first: extraRows[0 .. extraCount). */
  readonly extraRows: Int8Array[] = [];
  extraCount = 0;
}
