import { describe, it, expect } from 'vitest';
import {
  annualResults,
  annualScore,
  appraisalOutcome,
  coefficientOf,
  defaultTemplate,
  employedShare,
  excellentShare,
  gradeOf,
  indicatorScore,
  nextState,
  pendingRetakes,
  periodBounds,
  periodOf,
  previousPeriod,
  previousState,
  roundOnce,
  scoreAppraisal,
  templateProblems,
  unqualifiedTwice,
  canEdit,
  type ScoreInput,
  type TemplateIndicator,
  type TemplateItem,
  type TemplateStructure,
} from '../../main/appraisal/rules/index.ts';
import { appraisalStates } from '../../main/appraisal/vocabulary.ts';

// The pure appraisal rules, by rule ID: APR-1 dimensions, APR-2 indicators, APR-3 items, APR-4
// periods and the annual result, APR-5 the flow, APR-6 sources, APR-7 grades and coefficients,
// APR-8 flags, APR-9 retakes.

const item = (key: string, dimension: 'ability' | 'attitude', weight: number, scaleMax = 10): TemplateItem => ({
  key,
  name: key,
  dimension,
  weight,
  scaleMax,
  hint: null,
});
const indicator = (key: string, over: Partial<TemplateIndicator> = {}): TemplateIndicator => ({
  key,
  name: key,
  functions: ['service'],
  weight: 100,
  unit: 'percent',
  direction: 'higher',
  target: 100,
  floor: 0,
  cap: 100,
  prorate: false,
  customerScore: false,
  aliases: [],
  ...over,
});

/** One item per dimension on a 100-point scale and one indicator from 0 to 100: scores read as given. */
function plain(over: Partial<TemplateStructure> = {}): TemplateStructure {
  return {
    dimensions: { results: 50, ability: 30, attitude: 20 },
    items: [item('a', 'ability', 100, 100), item('b', 'attitude', 100, 100)],
    indicators: [indicator('r')],
    ...over,
  };
}

const superiorOnly = { superior: 100, self: 0, peers: 0, customers: 0 };

function input(over: Partial<ScoreInput> = {}): ScoreInput {
  return {
    structure: plain(),
    fn: 'service',
    sourceWeights: superiorOnly,
    scores: { self: null, superior: { a: 80, b: 70 }, peers: [], customer: null },
    indicatorValues: { r: 90 },
    indicatorTargets: {},
    employedShare: 1,
    ...over,
  };
}

describe('APR-1/APR-3 totals from dimensions and items', () => {
  it('weights the dimensions 50/30/20 over item and indicator scores', () => {
    const result = scoreAppraisal(input());
    expect(result.dimensions).toEqual({ results: 90, ability: 80, attitude: 70 });
    // 0.5 × 90 + 0.3 × 80 + 0.2 × 70 = 83
    expect(result.total).toBe(83);
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
  });

  it('weights items inside a dimension and scales each by its own maximum', () => {
    const structure = plain({ items: [item('a1', 'ability', 75), item('a2', 'ability', 25, 5), item('b', 'attitude', 100, 100)] });
    const result = scoreAppraisal(
      input({ structure, scores: { self: null, superior: { a1: 8, a2: 4, b: 70 }, peers: [], customer: null } }),
    );
    // a1: 80, a2: 4/5 = 80 → 80; then a1 6/10 instead
    expect(result.dimensions.ability).toBeCloseTo(80, 10);
    const lower = scoreAppraisal(
      input({ structure, scores: { self: null, superior: { a1: 6, a2: 5, b: 70 }, peers: [], customer: null } }),
    );
    expect(lower.dimensions.ability).toBeCloseTo(0.75 * 60 + 0.25 * 100, 10);
  });

  it('missing items: left out of their dimension, named, and the result is not complete', () => {
    const structure = plain({ items: [item('a1', 'ability', 50), item('a2', 'ability', 50), item('b', 'attitude', 100, 100)] });
    const result = scoreAppraisal(input({ structure, scores: { self: null, superior: { a1: 9, b: 70 }, peers: [], customer: null } }));
    expect(result.missing).toEqual([{ kind: 'item', key: 'a2' }]);
    expect(result.complete).toBe(false);
    expect(result.dimensions.ability).toBe(90);
    expect(result.items.find((i) => i.key === 'a2')!.score).toBeNull();
  });

  it('a dimension with nothing scored leaves no total; a missing indicator value is named', () => {
    const result = scoreAppraisal(input({ scores: { self: null, superior: { b: 70 }, peers: [], customer: null }, indicatorValues: {} }));
    expect(result.total).toBeNull();
    expect(result.dimensions.ability).toBeNull();
    expect(result.missing).toEqual([
      { kind: 'item', key: 'a' },
      { kind: 'indicator', key: 'r' },
    ]);
  });

  it('weights of zero: a zero item needs no score, a zero dimension neither counts nor blocks', () => {
    const structure = plain({
      dimensions: { results: 60, ability: 40, attitude: 0 },
      items: [item('a', 'ability', 100, 100), item('z', 'ability', 0), item('b', 'attitude', 100, 100)],
    });
    const result = scoreAppraisal(input({ structure, scores: { self: null, superior: { a: 80 }, peers: [], customer: null } }));
    expect(result.missing).toEqual([]);
    expect(result.complete).toBe(true);
    // attitude has no weight: 0.6 × 90 + 0.4 × 80 = 86
    expect(result.total).toBe(86);
    // A zero-weight item scored low is not a training need.
    const low = scoreAppraisal(input({ structure, scores: { self: null, superior: { a: 80, z: 1 }, peers: [], customer: null } }));
    expect(low.weakest).toEqual([]);
  });

  it('rounds to one decimal once, at the end: 89.94 / 89.94 / 90 gives 90.0 (优秀), not 89.9', () => {
    const result = scoreAppraisal(
      input({ scores: { self: null, superior: { a: 89.94, b: 90 }, peers: [], customer: null }, indicatorValues: { r: 89.94 } }),
    );
    // Unrounded: 0.5 × 89.94 + 0.3 × 89.94 + 0.2 × 90 = 89.952 → 90.0. Rounding each dimension
    // first would give 0.5 × 89.9 + 0.3 × 89.9 + 0.2 × 90 = 89.92 → 89.9.
    expect(result.dimensions.results).toBe(89.94);
    expect(result.total).toBe(90);
    expect(gradeOf(result.total!, [90, 80, 60])).toBe('excellent');
  });

  it('half up at exactly .x5, whatever the binary representation', () => {
    expect(roundOnce(89.95)).toBe(90);
    expect(roundOnce(59.95)).toBe(60);
    expect(roundOnce(80.04)).toBe(80);
    expect(roundOnce(0.05)).toBe(0.1);
  });
});

describe('APR-2 result indicators', () => {
  it('linear from the floor to the target', () => {
    expect(indicatorScore(87.5, 95, 80, 100)).toBeCloseTo(50, 10);
    expect(indicatorScore(75, 95, 80, 100)).toBe(0);
    expect(indicatorScore(95, 95, 80, 100)).toBe(100);
  });

  it('a capped indicator: beyond the target up to its cap, and the results dimension never above 100', () => {
    const structure = plain({
      indicators: [indicator('volume', { unit: 'count', target: 1200, floor: 0, cap: 120, weight: 50 }), indicator('r', { weight: 50 })],
    });
    const result = scoreAppraisal(input({ structure, indicatorValues: { volume: 3000, r: 100 } }));
    expect(result.indicators.find((i) => i.key === 'volume')!.score).toBe(120);
    // (120 + 100) / 2 = 110 is capped at the dimension's full marks.
    expect(result.dimensions.results).toBe(100);
    const makeUp = scoreAppraisal(input({ structure, indicatorValues: { volume: 1440, r: 80 } }));
    // Over-achievement makes up for the other indicator: (120 + 80) / 2 = 100.
    expect(makeUp.dimensions.results).toBe(100);
  });

  it('a lower-is-better indicator (first response time: target 20 s, zero at 60 s)', () => {
    const fr = indicator('fr', { unit: 'seconds', direction: 'lower', target: 20, floor: 60 });
    const score = (v: number) =>
      scoreAppraisal(input({ structure: plain({ indicators: [fr] }), indicatorValues: { fr: v } })).indicators[0]!.score;
    expect(score(30)).toBe(75);
    expect(score(20)).toBe(100);
    expect(score(10)).toBe(100);
    expect(score(60)).toBe(0);
    expect(score(90)).toBe(0);
  });

  it('a person who joined mid-month: the volume target and floor are pro-rated by days employed; own targets are not', () => {
    const share = employedShare(periodBounds('2026-03'), '2026-03-16', null);
    expect(share).toBeCloseTo(16 / 31, 12);
    const volume = indicator('volume', { unit: 'count', target: 1240, floor: 0, cap: 120, prorate: true });
    const structure = plain({ indicators: [volume] });
    const joined = scoreAppraisal(input({ structure, indicatorValues: { volume: 480 }, employedShare: share }));
    expect(joined.indicators[0]!.target).toBeCloseTo(640, 10);
    expect(joined.indicators[0]!.score).toBeCloseTo(75, 10);
    // A full month at the same volume scores far lower.
    expect(scoreAppraisal(input({ structure, indicatorValues: { volume: 480 } })).indicators[0]!.score).toBeCloseTo((480 / 1240) * 100, 10);
    // A target set for the person already knows their month.
    const own = scoreAppraisal(
      input({ structure, indicatorValues: { volume: 480 }, indicatorTargets: { volume: 600 }, employedShare: share }),
    );
    expect(own.indicators[0]!.target).toBe(600);
    expect(own.indicators[0]!.score).toBeCloseTo(80, 10);
  });

  it('only the indicators of the person’s function count', () => {
    const structure = plain({ indicators: [indicator('r'), indicator('t', { functions: ['tech'] })] });
    const result = scoreAppraisal(input({ structure, indicatorValues: { r: 90 } }));
    expect(result.indicators.map((i) => i.key)).toEqual(['r']);
    expect(scoreAppraisal(input({ structure, fn: 'tech', indicatorValues: { r: 90 } })).missing).toEqual([{ kind: 'indicator', key: 't' }]);
  });
});

describe('APR-6 sources of evaluation', () => {
  const weights = { superior: 70, self: 10, peers: 10, customers: 10 };

  it('combines superior, self, peers (their mean) and customers by weight', () => {
    const result = scoreAppraisal(
      input({
        sourceWeights: weights,
        scores: { self: { a: 100, b: 100 }, superior: { a: 80, b: 80 }, peers: [{ a: 60 }, { a: 80 }], customer: 90 },
      }),
    );
    const a = result.items.find((i) => i.key === 'a')!;
    expect(a.bySource).toEqual({ superior: 80, self: 100, peers: 70, customers: 90 });
    expect(a.score).toBeCloseTo(0.7 * 80 + 0.1 * 100 + 0.1 * 70 + 0.1 * 90, 10);
    // No peer scored b: the other weights are renormalised.
    expect(result.items.find((i) => i.key === 'b')!.score).toBeCloseTo((0.7 * 80 + 0.1 * 100 + 0.1 * 90) / 0.9, 10);
  });

  it('the superior leads: an item without the superior’s score is missing whatever the others said', () => {
    const result = scoreAppraisal(
      input({ sourceWeights: weights, scores: { self: { a: 100, b: 100 }, superior: { b: 80 }, peers: [], customer: 90 } }),
    );
    expect(result.missing).toEqual([{ kind: 'item', key: 'a' }]);
  });

  it('a source weighing 0 changes nothing; with the superior at 0 the others score alone', () => {
    const base = input({ scores: { self: { a: 10, b: 10 }, superior: { a: 80, b: 70 }, peers: [], customer: null } });
    expect(scoreAppraisal(base).total).toBe(83);
    const noSuperior = scoreAppraisal(
      input({
        sourceWeights: { superior: 0, self: 100, peers: 0, customers: 0 },
        scores: { self: { a: 60, b: 60 }, superior: null, peers: [], customer: null },
      }),
    );
    expect(noSuperior.complete).toBe(true);
    expect(noSuperior.dimensions.ability).toBe(60);
  });

  it('customers’ score comes from the satisfaction indicator unless typed', () => {
    const structure = plain({ indicators: [indicator('sat', { customerScore: true, target: 95, floor: 80 })] });
    const scores = { self: null, superior: { a: 80, b: 80 }, peers: [], customer: null };
    const fromIndicator = scoreAppraisal(input({ structure, sourceWeights: weights, scores, indicatorValues: { sat: 96 } }));
    expect(fromIndicator.items[0]!.bySource.customers).toBe(96);
    const typed = scoreAppraisal(
      input({ structure, sourceWeights: weights, scores: { ...scores, customer: 50 }, indicatorValues: { sat: 96 } }),
    );
    expect(typed.items[0]!.bySource.customers).toBe(50);
  });
});

describe('APR-7 grades, coefficients, training needs and the 优秀 share', () => {
  it('grades at the default thresholds, edges included', () => {
    expect([90, 89.9, 80, 79.9, 60, 59.9, 0, 100].map((t) => gradeOf(t, [90, 80, 60]))).toEqual([
      'excellent',
      'good',
      'good',
      'qualified',
      'qualified',
      'unqualified',
      'unqualified',
      'excellent',
    ]);
    expect(gradeOf(85, [85, 75, 65])).toBe('excellent');
  });

  it('bonus coefficients per grade (defaults 1.2 / 1.0 / 0.8 / 0)', () => {
    expect((['excellent', 'good', 'qualified', 'unqualified'] as const).map((g) => coefficientOf(g, [1.2, 1, 0.8, 0]))).toEqual([
      1.2, 1, 0.8, 0,
    ]);
  });

  it('the weakest scored items and indicators under 70 are the training needs, weakest first, three at most', () => {
    const structure = plain({
      items: [
        item('a1', 'ability', 25),
        item('a2', 'ability', 25),
        item('a3', 'ability', 25),
        item('a4', 'ability', 25),
        item('b', 'attitude', 100),
      ],
    });
    const result = scoreAppraisal(
      input({
        structure,
        scores: { self: null, superior: { a1: 6, a2: 5, a3: 9, a4: 6.5, b: 4 }, peers: [], customer: null },
        indicatorValues: { r: 65 },
      }),
    );
    expect(result.weakest.map((w) => [w.key, w.score])).toEqual([
      ['b', 40],
      ['a2', 50],
      ['a1', 60],
    ]);
  });

  it('the 优秀 share: shown against the cap, never changing a grade; cap 0 means no check', () => {
    const grades = ['excellent', 'excellent', 'good', 'good', 'qualified', null] as const;
    expect(excellentShare(grades, 20)).toEqual({ excellent: 2, graded: 5, share: 40, capPercent: 20, exceeded: true });
    expect(excellentShare(grades, 40).exceeded).toBe(false);
    expect(excellentShare(grades, 0).exceeded).toBe(false);
    expect(excellentShare([], 20)).toMatchObject({ graded: 0, share: 0, exceeded: false });
  });
});

describe('APR-5 the flow: draft → self-assessed → scored → consolidated → locked', () => {
  it('goes forward one step at a time', () => {
    expect(nextState('draft', 'submitSelf')).toEqual({ ok: true, to: 'self-assessed' });
    expect(nextState('self-assessed', 'submitScores')).toEqual({ ok: true, to: 'scored' });
    expect(nextState('scored', 'consolidate')).toEqual({ ok: true, to: 'consolidated' });
    expect(nextState('consolidated', 'lock')).toEqual({ ok: true, to: 'locked' });
  });

  it('refuses out-of-order steps, saying what is needed first', () => {
    expect(nextState('draft', 'submitScores')).toEqual({ ok: false, code: 'tooEarly', needed: 'self-assessed' });
    expect(nextState('draft', 'consolidate')).toEqual({ ok: false, code: 'tooEarly', needed: 'scored' });
    expect(nextState('self-assessed', 'lock')).toEqual({ ok: false, code: 'tooEarly', needed: 'consolidated' });
    expect(nextState('scored', 'submitSelf')).toEqual({ ok: false, code: 'alreadyDone', needed: 'draft' });
    expect(nextState('consolidated', 'submitScores')).toEqual({ ok: false, code: 'alreadyDone', needed: 'self-assessed' });
    for (const step of ['submitSelf', 'submitScores', 'consolidate', 'lock'] as const) {
      expect(nextState('locked', step)).toMatchObject({ ok: false, code: 'locked' });
    }
    // Every state accepts exactly one forward step.
    for (const state of appraisalStates) {
      const accepted = (['submitSelf', 'submitScores', 'consolidate', 'lock'] as const).filter((s) => nextState(state, s).ok);
      expect(accepted.length).toBe(state === 'locked' ? 0 : 1);
    }
  });

  it('goes back one step until locked, never from the first', () => {
    expect(previousState('consolidated')).toEqual({ ok: true, to: 'scored' });
    expect(previousState('self-assessed')).toEqual({ ok: true, to: 'draft' });
    expect(previousState('draft')).toMatchObject({ ok: false, code: 'cannotReturn' });
    expect(previousState('locked')).toMatchObject({ ok: false, code: 'locked' });
  });

  it('says what can be edited in which state', () => {
    expect(canEdit('targets', 'draft')).toBe(true);
    expect(canEdit('targets', 'self-assessed')).toBe(false);
    expect(canEdit('superior', 'draft')).toBe(false);
    expect(canEdit('superior', 'self-assessed')).toBe(true);
    expect(canEdit('indicators', 'scored')).toBe(true);
    expect(canEdit('indicators', 'consolidated')).toBe(false);
    expect(canEdit('feedback', 'consolidated')).toBe(true);
    expect(canEdit('feedback', 'locked')).toBe(false);
  });
});

describe('APR-8 不合格 and two in a row, across the year boundary', () => {
  it('the cycle before January is December of the year before', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-03')).toBe('2026-02');
  });

  it('flags 不合格 and, after a 不合格 December, 不合格 twice in January', () => {
    const failing = {
      ...input({ scores: { self: null, superior: { a: 40, b: 40 }, peers: [], customer: null }, indicatorValues: { r: 40 } }),
    };
    const base = {
      thresholds: [90, 80, 60],
      coefficients: [1.2, 1, 0.8, 0],
      joinedMidCycle: false,
      leftMidCycle: false,
      trainingRetakePending: false,
    };
    const january = appraisalOutcome({ ...failing, ...base, previousGrade: 'unqualified' });
    expect(january).toMatchObject({ total: 40, grade: 'unqualified', coefficient: 0 });
    expect(january.flags).toEqual(['unqualified', 'unqualified-twice']);
    expect(appraisalOutcome({ ...failing, ...base, previousGrade: 'qualified' }).flags).toEqual(['unqualified']);
    expect(appraisalOutcome({ ...failing, ...base, previousGrade: null }).flags).toEqual(['unqualified']);
    expect(unqualifiedTwice('qualified', 'unqualified')).toBe(false);
    expect(unqualifiedTwice(null, 'unqualified')).toBe(false);
  });
});

describe('APR-9 retakes', () => {
  it('a failure is pending until an attempt down its chain passes', () => {
    const list = [
      { id: 1, passed: false, retakeOf: null },
      { id: 2, passed: false, retakeOf: 1 },
      { id: 3, passed: true, retakeOf: 2 },
      { id: 4, passed: false, retakeOf: null },
      { id: 5, passed: true, retakeOf: null },
    ];
    expect(pendingRetakes(list).map((a) => a.id)).toEqual([4]);
    expect(pendingRetakes(list.slice(0, 2)).map((a) => a.id)).toEqual([1, 2]);
  });
});

describe('APR-4 periods and the annual result', () => {
  it('months and quarters, their bounds and the period of a date', () => {
    expect(periodBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodBounds('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('2026-08-15', 'quarterly')).toBe('2026-Q3');
    expect(employedShare(periodBounds('2026-04'), '2020-01-01', '2026-04-10')).toBeCloseTo(10 / 30, 12);
    expect(employedShare(periodBounds('2026-04'), '2026-05-01', null)).toBe(0);
  });

  it('mean of the cycle totals joined with the year-end summary at its weight, rounded once', () => {
    expect(annualScore([80, 90, 85], null, 20)).toEqual({ mean: 85, score: 85 });
    // 0.8 × 85 + 0.2 × 70 = 82
    expect(annualScore([80, 90, 85], 70, 20)).toEqual({ mean: 85, score: 82 });
    expect(annualScore([], 90, 20)).toEqual({ mean: null, score: null });
  });

  it('ranks within the group and the department, equal scores sharing a rank', () => {
    const results = annualResults(
      [
        { personId: 1, groupId: 1, totals: [90], summaryScore: null },
        { personId: 2, groupId: 1, totals: [80], summaryScore: null },
        { personId: 3, groupId: 2, totals: [90], summaryScore: null },
        { personId: 4, groupId: 2, totals: [70], summaryScore: null },
        { personId: 5, groupId: 2, totals: [], summaryScore: null },
      ],
      20,
      [90, 80, 60],
    );
    expect(results.map((r) => [r.personId, r.rankInDepartment, r.rankInGroup, r.grade])).toEqual([
      [1, 1, 1, 'excellent'],
      [2, 3, 2, 'good'],
      [3, 1, 1, 'excellent'],
      [4, 4, 2, 'qualified'],
      [5, null, null, null],
    ]);
  });
});

describe('APR-1…3 templates: weights that do not add up are refused with the reason', () => {
  it('the default template is valid', () => {
    expect(templateProblems(defaultTemplate())).toEqual([]);
  });

  it('names each problem with where it is', () => {
    const structure = defaultTemplate([50, 30, 30]);
    structure.items[0]!.weight = 25;
    structure.indicators[0]!.weight = 10;
    structure.indicators[4]!.target = 80; // first response: lower is better, but target above the floor 60
    structure.indicators[2]!.prorate = true;
    structure.indicators[4]!.prorate = true;
    structure.items[1]!.key = 'knowledge';
    const problems = templateProblems(structure);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: ['dimensions'], code: 'dimensionSum', params: { sum: 110 } },
        { path: ['items'], code: 'itemSum', params: { dimension: 'ability', sum: 105 } },
        { path: ['indicators'], code: 'indicatorSum', params: { function: 'service', sum: 80 } },
        { path: ['items', 1, 'key'], code: 'duplicateKey', params: { key: 'knowledge' } },
        { path: ['indicators', 4, 'target'], code: 'direction', params: { name: '首次响应时长' } },
        { path: ['indicators', 4, 'prorate'], code: 'prorateLower' },
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('a dimension of weight 0 needs no items; one with weight needs them', () => {
    const structure = defaultTemplate([70, 30, 0]);
    structure.items = structure.items.filter((i) => i.dimension === 'ability');
    expect(templateProblems(structure)).toEqual([]);
    structure.dimensions = { results: 70, ability: 20, attitude: 10 };
    expect(templateProblems(structure)).toEqual([{ path: ['items'], code: 'noItems', params: { dimension: 'attitude' } }]);
  });
});
