// Exact joint re-optimisation of many people over a short window of days (a weekend, say) with
// the rest of their rows fixed. Each person's possible window patterns are listed (only those that
// keep the person's rules on the whole row), then a dynamic programme over the people chooses one
// pattern each. Its state is how many of them stand on each (day, shift) slot of the window, capped
// at what the slot still needs from them: past that cap each extra person only adds the over
// weight, so the cap loses nothing. This finds the exchanges between people that one-row moves
// cannot (weekend swaps above all) and never returns anything worse than the current roster.
import { FREE, OFF, type Model } from './model.ts';
import type { Rng } from './rng.ts';
import type { RosterState } from './roster-state.ts';
import { rowKeepsRules } from './row-rules.ts';

/** Largest number of DP states per layer. */
const STATE_LIMIT = 6000;

interface Patterns {
  /** values[i * W + w]: value of pattern i on window day w. */
  values: Int8Array;
  cost: Float64Array;
  count: number;
}

export class WindowOptimizer {
  work = 0;
  private readonly model: Model;
  private readonly row: Int8Array;

  constructor(model: Model) {
    this.model = model;
    this.row = new Int8Array(model.days);
  }

  private patternsOf(state: RosterState, p: number, from: number, W: number, relaxed: boolean): Patterns {
    const m = this.model;
    const D = m.days;
    const V = m.values;
    const rules = m.people[p]!;
    const choices: number[][] = [];
    for (let w = 0; w < W; w++) {
      const d = from + w;
      const locked = m.fixed[p * D + d]!;
      const current = state.grid[p * D + d]!;
      if (relaxed) choices.push([current]);
      else if (locked !== FREE) choices.push([locked]);
      else if (rules.dayOff[d]) choices.push([OFF]);
      else {
        const list = [OFF];
        for (let s = 0; s < m.shifts; s++) if (rules.maxShifts[s]! > 0) list.push(s);
        choices.push(list);
      }
    }
    const values: number[] = [];
    const costs: number[] = [];
    this.row.set(state.grid.subarray(p * D, p * D + D));
    const pick = new Int32Array(W);
    for (;;) {
      let cost = 0;
      for (let w = 0; w < W; w++) {
        const v = choices[w]![pick[w]!]!;
        this.row[from + w] = v;
        cost += m.requestCost[(p * D + from + w) * V + v + 1]!;
      }
      this.work += D;
      if (relaxed || rowKeepsRules(m, p, this.row)) {
        for (let w = 0; w < W; w++) values.push(this.row[from + w]!);
        costs.push(cost);
      }
      let w = 0;
      while (w < W && ++pick[w]! >= choices[w]!.length) pick[w++] = 0;
      if (w === W) break;
    }
    if (costs.length === 0) {
      // The current row breaks a rule after all: keep it as the only choice.
      let cost = 0;
      for (let w = 0; w < W; w++) {
        const v = state.grid[p * D + from + w]!;
        values.push(v);
        cost += m.requestCost[(p * D + from + w) * V + v + 1]!;
      }
      costs.push(cost);
    }
    return { values: Int8Array.from(values), cost: Float64Array.from(costs), count: costs.length };
  }

  /**
   * Re-optimises days [from, from + W) for the given people (order matters only for ties).
   * Returns true when the roster changed.
   */
  optimize(state: RosterState, rng: Rng, from: number, W: number, candidates: number[], relaxed: Int32Array): boolean {
    const m = this.model;
    const D = m.days;
    const S = m.shifts;
    const J = W * S;
    // Others' counts per window slot; drop people until the state space is small enough.
    const people = [...candidates];
    const inSet = new Uint8Array(m.n);
    for (const p of people) inSet[p] = 1;
    const others = new Int32Array(J);
    const resid = new Int32Array(J);
    const radix = new Int32Array(J);
    const stride = new Int32Array(J);
    let product: number;
    for (;;) {
      others.fill(0);
      for (let w = 0; w < W; w++) {
        for (let s = 0; s < S; s++) others[w * S + s] = state.count[(from + w) * S + s]!;
      }
      for (const p of people) {
        for (let w = 0; w < W; w++) {
          const v = state.grid[p * D + from + w]!;
          if (v >= 0) others[w * S + v]!--;
        }
      }
      product = 1;
      for (let j = 0; j < J; j++) {
        const k = (from + Math.floor(j / S)) * S + (j % S);
        resid[j] = Math.max(0, m.requirement[k]! - others[j]!);
        radix[j] = resid[j]! + 1;
        stride[j] = product;
        product *= radix[j]!;
      }
      if (product <= STATE_LIMIT || people.length === 0) break;
      const drop = rng.int(people.length);
      inSet[people[drop]!] = 0;
      people.splice(drop, 1);
    }
    if (people.length < 2) return false;

    const patterns = people.map((p) => this.patternsOf(state, p, from, W, relaxed[p]! > 0));
    const N = people.length;
    let cost = new Float64Array(product).fill(Infinity);
    let nextCost = new Float64Array(product);
    const choice = new Int32Array(N * product);
    const prev = new Int32Array(N * product);
    cost[0] = 0;
    const overW = new Float64Array(J);
    for (let j = 0; j < J; j++) overW[j] = m.overWeight[(from + Math.floor(j / S)) * S + (j % S)]!;
    for (let i = 0; i < N; i++) {
      nextCost.fill(Infinity);
      const pat = patterns[i]!;
      for (let st = 0; st < product; st++) {
        const base = cost[st]!;
        if (base === Infinity) continue;
        for (let q = 0; q < pat.count; q++) {
          this.work++;
          let c = base + pat.cost[q]!;
          let ns = st;
          for (let w = 0; w < W; w++) {
            const v = pat.values[q * W + w]!;
            if (v < 0) continue;
            const j = w * S + v;
            const digit = Math.floor(st / stride[j]!) % radix[j]!;
            if (digit < resid[j]!) ns += stride[j]!;
            else c += overW[j]!;
          }
          if (c < nextCost[ns]!) {
            nextCost[ns] = c;
            choice[i * product + ns] = q;
            prev[i * product + ns] = st;
          }
        }
      }
      const t = cost;
      cost = nextCost;
      nextCost = t;
    }
    // Close with the shortfall cost of each final state.
    let best = -1;
    let bestCost = Infinity;
    for (let st = 0; st < product; st++) {
      if (cost[st] === Infinity) continue;
      let c = cost[st]!;
      for (let j = 0; j < J; j++) {
        const k = (from + Math.floor(j / S)) * S + (j % S);
        const digit = Math.floor(st / stride[j]!) % radix[j]!;
        c += m.underWeight[k]! * (resid[j]! - digit);
      }
      if (c < bestCost - 1e-9) {
        bestCost = c;
        best = st;
      }
    }
    if (best < 0) return false;
    const before = state.total;
    const picks = new Int32Array(N);
    for (let i = N - 1, st = best; i >= 0; i--) {
      picks[i] = choice[i * product + st]!;
      st = prev[i * product + st]!;
    }
    const saved = people.map((p) => state.grid.slice(p * D + from, p * D + from + W));
    people.forEach((p, i) => {
      for (let w = 0; w < W; w++) state.set(p, from + w, patterns[i]!.values[picks[i]! * W + w]!);
    });
    if (state.total > before + 1e-9) {
      // Cannot happen when the current patterns were among the choices; undo to be safe.
      people.forEach((p, i) => {
        for (let w = 0; w < W; w++) state.set(p, from + w, saved[i]![w]!);
      });
      return false;
    }
    return state.total < before - 1e-9;
  }
}
