import { functions as allFunctions, type PersonFunction } from '../../people/vocabulary.ts';
import { itemDimensions, type ItemDimension } from '../vocabulary.ts';
import type { TemplateStructure } from './types.ts';

// APR-1…3: what makes a template usable. Problems carry a code and parameters; main and the
// renderer each put them in the user's language (appraisal.template.problems.<code>).

export interface TemplateProblem {
  path: Array<string | number>;
  code:
    | 'dimensionSum'
    | 'itemSum'
    | 'noItems'
    | 'indicatorSum'
    | 'noIndicators'
    | 'duplicateKey'
    | 'direction'
    | 'prorateLower'
    | 'customerScoreTwice'
    | 'customerScoreUnit'
    | 'floorEqualsTarget';
  params?: Record<string, string | number>;
}

/** Puts a problem in the user's language; `t` is main's or the renderer's translator. */
export function templateProblemText(problem: TemplateProblem, t: (key: string, params: Record<string, string | number>) => string): string {
  const params = { ...problem.params } as Record<string, string | number>;
  if (typeof params.dimension === 'string') params.dimension = t(`appraisal.dimensions.${params.dimension}`, {});
  if (typeof params.function === 'string') params.function = t(`functions.${params.function}`, {});
  return t(`appraisal.template.problems.${problem.code}`, params);
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
/** Sums are shown as people read them (33.3 + 33.3 + 33.3 = 99.9). */
const shown = (n: number) => Math.round(n * 100) / 100;

export function templateProblems(structure: TemplateStructure): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const { dimensions, items, indicators } = structure;
  const dimensionSum = dimensions.results + dimensions.ability + dimensions.attitude;
  if (!close(dimensionSum, 100)) problems.push({ path: ['dimensions'], code: 'dimensionSum', params: { sum: shown(dimensionSum) } });

  // A dimension with weight 0 needs no items; one that counts needs items adding up to 100.
  for (const dimension of itemDimensions as readonly ItemDimension[]) {
    if (dimensions[dimension] <= 0) continue;
    const own = items.filter((i) => i.dimension === dimension);
    if (own.length === 0) problems.push({ path: ['items'], code: 'noItems', params: { dimension } });
    else {
      const total = sum(own.map((i) => i.weight));
      if (!close(total, 100)) problems.push({ path: ['items'], code: 'itemSum', params: { dimension, sum: shown(total) } });
    }
  }

  if (dimensions.results > 0) {
    for (const fn of allFunctions as readonly PersonFunction[]) {
      const own = indicators.filter((i) => i.functions.includes(fn));
      if (own.length === 0) problems.push({ path: ['indicators'], code: 'noIndicators', params: { function: fn } });
      else {
        const total = sum(own.map((i) => i.weight));
        if (!close(total, 100)) problems.push({ path: ['indicators'], code: 'indicatorSum', params: { function: fn, sum: shown(total) } });
      }
    }
  }

  const seen = new Set<string>();
  const checkKey = (list: 'items' | 'indicators', index: number, key: string) => {
    if (seen.has(key)) problems.push({ path: [list, index, 'key'], code: 'duplicateKey', params: { key } });
    seen.add(key);
  };
  items.forEach((item, i) => checkKey('items', i, item.key));
  indicators.forEach((indicator, i) => {
    checkKey('indicators', i, indicator.key);
    if (close(indicator.floor, indicator.target)) problems.push({ path: ['indicators', i, 'floor'], code: 'floorEqualsTarget' });
    else if ((indicator.direction === 'higher') !== indicator.target > indicator.floor)
      problems.push({ path: ['indicators', i, 'target'], code: 'direction', params: { name: indicator.name } });
    if (indicator.prorate && indicator.direction === 'lower') problems.push({ path: ['indicators', i, 'prorate'], code: 'prorateLower' });
    if (indicator.customerScore && indicator.unit !== 'percent' && indicator.unit !== 'score')
      problems.push({ path: ['indicators', i, 'customerScore'], code: 'customerScoreUnit' });
  });
  const customer = indicators.map((ind, i) => [ind, i] as const).filter(([ind]) => ind.customerScore);
  if (customer.length > 1) problems.push({ path: ['indicators', customer[1]![1], 'customerScore'], code: 'customerScoreTwice' });
  return problems;
}
