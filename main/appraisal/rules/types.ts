import type { PersonFunction } from '../../people/vocabulary.ts';
import type { Dimension, Direction, Grade, IndicatorUnit, ItemDimension, ResultFlag } from '../vocabulary.ts';

// The shapes the pure rules work on. The contract's zod schemas produce exactly these.

/** APR-3: an ability or attitude item, scored from 0 to scaleMax by each source. */
export interface TemplateItem {
  key: string;
  name: string;
  dimension: ItemDimension;
  /** Share of its dimension, in percent; the items of a dimension add up to 100. */
  weight: number;
  scaleMax: number;
  hint: string | null;
}

/**
 * APR-2: a result indicator of some functions. Scored linearly from `floor` (0 points) to
 * `target` (100 points) and on beyond the target, capped at `cap` points; direction says which
 * way is better. `prorate` scales target and floor by the share of the cycle a person was
 * employed (volumes); `customerScore` makes its value the customers' source score (APR-6).
 */
export interface TemplateIndicator {
  key: string;
  name: string;
  functions: PersonFunction[];
  /** Share of the results dimension, in percent; per function the indicators add up to 100. */
  weight: number;
  unit: IndicatorUnit;
  direction: Direction;
  target: number;
  floor: number;
  cap: number;
  prorate: boolean;
  customerScore: boolean;
  /** Column headers the chat platform's statistics file may use for it. */
  aliases: string[];
}

export interface TemplateStructure {
  /** APR-1: weights in percent, adding up to 100. */
  dimensions: Record<Dimension, number>;
  items: TemplateItem[];
  indicators: TemplateIndicator[];
}

/** Item scores by item key, on the item's own scale. */
export type ItemScores = Record<string, number>;

export interface SourceScores {
  self: ItemScores | null;
  superior: ItemScores | null;
  peers: ItemScores[];
  /** 0–100, typed; when null the customer-score indicator's value is used. */
  customer: number | null;
}

/** APR-6 weights in percent, by source. */
export interface SourceWeights {
  superior: number;
  self: number;
  peers: number;
  customers: number;
}

export interface ScoreInput {
  structure: TemplateStructure;
  fn: PersonFunction;
  sourceWeights: SourceWeights;
  scores: SourceScores;
  indicatorValues: Record<string, number>;
  /** Per-person targets set at the start of the cycle (APR-5), by indicator key. */
  indicatorTargets: Record<string, number>;
  /** Days employed in the cycle ÷ days in the cycle, in (0, 1]. */
  employedShare: number;
}

export interface ItemResult {
  key: string;
  dimension: ItemDimension;
  /** Combined over the sources, 0–100; null when missing. */
  score: number | null;
  bySource: { superior: number | null; self: number | null; peers: number | null; customers: number | null };
}

export interface IndicatorResult {
  key: string;
  value: number | null;
  /** Target and floor as applied (person's target, pro-rated). */
  target: number;
  floor: number;
  score: number | null;
}

export interface Missing {
  kind: 'item' | 'indicator';
  key: string;
}

export interface Weakness {
  kind: 'item' | 'indicator';
  key: string;
  name: string;
  score: number;
}

export interface ScoreResult {
  complete: boolean;
  missing: Missing[];
  items: ItemResult[];
  indicators: IndicatorResult[];
  /** Unrounded dimension scores, 0–100; null when nothing in it is scored. */
  dimensions: Record<Dimension, number | null>;
  /** Rounded to one decimal, once, from the unrounded parts; null while a weighted dimension is empty. */
  total: number | null;
  /** APR-7: the weakest scored items and indicators, as training needs. */
  weakest: Weakness[];
}

export interface AppraisalOutcome extends ScoreResult {
  grade: Grade | null;
  coefficient: number | null;
  flags: ResultFlag[];
  employedShare: number;
}
