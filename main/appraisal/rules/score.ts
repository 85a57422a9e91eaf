import type { Dimension } from '../vocabulary.ts';
import type { IndicatorResult, ItemResult, Missing, ScoreInput, ScoreResult, SourceWeights, Weakness } from './types.ts';

// APR-1, APR-2, APR-3, APR-6: one person's score in a cycle. Everything is computed at full
// precision and the total is rounded to one decimal once, at the very end; dimension scores are
// only rounded where they are shown.

/** Items and indicators under this score (0–100) are training needs (APR-7). */
export const WEAK_BELOW = 70;
export const WEAKEST_COUNT = 3;

/** Half up to one decimal; the epsilon keeps 89.95 (stored as 89.9499…) at 90.0. */
export function roundOnce(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

/**
 * Dimension scores as shown (board, history, export): each to one decimal, plain Math.round with
 * no epsilon (unlike roundOnce, which is the total's).
 */
export function roundDimensions(dimensions: Record<Dimension, number | null>): Record<Dimension, number | null> {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { results: round(dimensions.results), ability: round(dimensions.ability), attitude: round(dimensions.attitude) };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Weighted mean of the parts that have a score and a positive weight; null when there are none. */
function weightedMean(parts: Array<{ weight: number; score: number | null }>): number | null {
  let weights = 0;
  let sum = 0;
  for (const p of parts) {
    if (p.score === null || p.weight <= 0) continue;
    weights += p.weight;
    sum += p.weight * p.score;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * APR-6: an item's score from the sources that scored it, weights renormalised over them. The
 * superior leads: while the superior weighs anything, an item the superior has not scored is
 * missing, whatever the others said.
 */
function combine(bySource: ItemResult['bySource'], weights: SourceWeights): number | null {
  if (weights.superior > 0 && bySource.superior === null) return null;
  return weightedMean([
    { weight: weights.superior, score: bySource.superior },
    { weight: weights.self, score: bySource.self },
    { weight: weights.peers, score: bySource.peers },
    { weight: weights.customers, score: bySource.customers },
  ]);
}

/**
 * APR-2: linear from the floor (0 points) to the target (100 points) and on beyond it, capped;
 * works for lower-is-better indicators too, whose target lies below their floor.
 */
export function indicatorScore(value: number, target: number, floor: number, cap: number): number {
  return clamp(((value - floor) / (target - floor)) * 100, 0, cap);
}

export function scoreAppraisal(input: ScoreInput): ScoreResult {
  const { structure, scores, sourceWeights } = input;
  const counts = (dimension: Dimension, weight: number) => structure.dimensions[dimension] > 0 && weight > 0;
  const missing: Missing[] = [];

  // The customers' score: typed, or the value of the indicator that carries satisfaction.
  const customerIndicator = structure.indicators.find((i) => i.customerScore);
  const customerValue = customerIndicator ? input.indicatorValues[customerIndicator.key] : undefined;
  const customers = scores.customer ?? (customerValue === undefined ? null : clamp(customerValue, 0, 100));

  const items: ItemResult[] = structure.items.map((item) => {
    const scaled = (raw: number | undefined) => (raw === undefined ? null : (raw / item.scaleMax) * 100);
    const peerScores = scores.peers.map((p) => p[item.key]).filter((s): s is number => s !== undefined);
    const bySource = {
      superior: scaled(scores.superior?.[item.key]),
      self: scaled(scores.self?.[item.key]),
      peers: peerScores.length > 0 ? scaled(peerScores.reduce((s, v) => s + v, 0) / peerScores.length) : null,
      customers,
    };
    const score = combine(bySource, sourceWeights);
    if (score === null && counts(item.dimension, item.weight)) missing.push({ kind: 'item', key: item.key });
    return { key: item.key, dimension: item.dimension, score, bySource };
  });

  const applicable = structure.indicators.filter((i) => i.functions.includes(input.fn));
  const indicators: IndicatorResult[] = applicable.map((indicator) => {
    // A person's own target was set knowing their month; the template's default is pro-rated.
    const own = input.indicatorTargets[indicator.key];
    const share = indicator.prorate ? input.employedShare : 1;
    const target = own ?? indicator.target * share;
    const floor = indicator.floor * share;
    const value = input.indicatorValues[indicator.key] ?? null;
    const score = value === null ? null : indicatorScore(value, target, floor, indicator.cap);
    if (score === null && counts('results', indicator.weight)) missing.push({ kind: 'indicator', key: indicator.key });
    return { key: indicator.key, value, target, floor, score };
  });

  const weightOf = new Map(structure.items.map((i) => [i.key, i.weight]));
  const itemMean = (dimension: 'ability' | 'attitude') =>
    weightedMean(items.filter((i) => i.dimension === dimension).map((i) => ({ weight: weightOf.get(i.key)!, score: i.score })));
  // Over-achievement makes up for other indicators, never beyond the dimension's full marks.
  const resultsMean = weightedMean(applicable.map((ind, k) => ({ weight: ind.weight, score: indicators[k]!.score })));
  const dimensionScores: Record<Dimension, number | null> = {
    results: resultsMean === null ? null : Math.min(100, resultsMean),
    ability: itemMean('ability'),
    attitude: itemMean('attitude'),
  };

  const weighted = (Object.keys(dimensionScores) as Dimension[]).filter((d) => structure.dimensions[d] > 0);
  const total = weighted.some((d) => dimensionScores[d] === null)
    ? null
    : roundOnce(weightedMean(weighted.map((d) => ({ weight: structure.dimensions[d], score: dimensionScores[d] }))) ?? 0);

  const names = new Map([...structure.items, ...structure.indicators].map((x) => [x.key, x.name]));
  const candidates: Weakness[] = [
    ...items
      .filter((i) => i.score !== null && counts(i.dimension, weightOf.get(i.key)!))
      .map((i) => ({ kind: 'item' as const, key: i.key, name: names.get(i.key)!, score: i.score! })),
    ...indicators
      .filter((i, k) => i.score !== null && counts('results', applicable[k]!.weight))
      .map((i) => ({ kind: 'indicator' as const, key: i.key, name: names.get(i.key)!, score: i.score! })),
  ];
  const weakest = candidates
    .filter((c) => c.score < WEAK_BELOW)
    .sort((a, b) => a.score - b.score)
    .slice(0, WEAKEST_COUNT);

  return { complete: missing.length === 0 && total !== null, missing, items, indicators, dimensions: dimensionScores, total, weakest };
}
