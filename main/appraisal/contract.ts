import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { id, isoDate, requiredText, optionalText, filePayload, fileOutput } from '../ipc/fields.ts';
import { functions, roles } from '../people/vocabulary.ts';
import { t } from '../i18n/index.ts';
import {
  appraisalStates,
  cycleKinds,
  directions,
  grades,
  indicatorUnits,
  itemDimensions,
  missingSteps,
  planStatuses,
  resultFlags,
  trainingKinds,
} from './vocabulary.ts';
import { monthPattern, quarterPattern, templateProblems, templateProblemText } from './rules/index.ts';

// The appraisal area (APR-1…9): templates, cycles and the flow of a month, results, training
// assessments, annual results, imports and exports.

export const period = z
  .string()
  .trim()
  .refine((p) => monthPattern.test(p) || quarterPattern.test(p), { error: () => t('appraisal.validation.period') });
const year = z.number().int().min(2000).max(2100);
const weight = z.number().min(0).max(100);
/** Item and indicator keys: identifiers that stay the same across template versions. */
export const key = z
  .string()
  .trim()
  .regex(/^[a-z][A-Za-z0-9-]{0,39}$/, { error: () => t('appraisal.validation.key') });
const score100 = z.number().min(0).max(100);
const finite = z.number().min(-1e9).max(1e9);

// ---- templates (APR-1…3) ----

export const templateItem = z.object({
  key,
  name: requiredText(30),
  dimension: z.enum(itemDimensions),
  weight,
  scaleMax: z.number().int().min(1).max(100),
  hint: optionalText(100),
});

export const templateIndicator = z.object({
  key,
  name: requiredText(30),
  functions: z.array(z.enum(functions)).min(1),
  weight,
  unit: z.enum(indicatorUnits),
  direction: z.enum(directions),
  target: finite,
  floor: finite,
  cap: z.number().min(100).max(150),
  prorate: z.boolean(),
  customerScore: z.boolean(),
  aliases: z.array(requiredText(30)).max(10),
});

export const templateStructure = z
  .object({
    dimensions: z.object({ results: weight, ability: weight, attitude: weight }),
    items: z.array(templateItem).max(40),
    indicators: z.array(templateIndicator).max(40),
  })
  .superRefine((structure, ctx) => {
    for (const problem of templateProblems(structure)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: templateProblemText(problem, t) });
    }
  });
export type TemplateStructureInput = z.input<typeof templateStructure>;

export const templateView = z.object({
  id,
  key: z.string(),
  name: z.string(),
  version: z.number().int(),
  structure: templateStructure,
  createdAt: z.string(),
  createdBy: z.string(),
  /** Cycles and appraisals scored with this version (a used version never changes). */
  cycles: z.number().int(),
  appraisals: z.number().int(),
});
export type TemplateView = z.infer<typeof templateView>;

// ---- cycles (APR-4) ----

const stateCounts = z.object(
  Object.fromEntries(appraisalStates.map((s) => [s, z.number().int()])) as Record<(typeof appraisalStates)[number], z.ZodNumber>,
);

export const cycleView = z.object({
  id,
  period: z.string(),
  kind: z.enum(cycleKinds),
  startsOn: z.string(),
  endsOn: z.string(),
  templateId: id,
  templateName: z.string(),
  templateVersion: z.number().int(),
  status: z.enum(['open', 'locked']),
  lockedAt: z.string().nullable(),
  lockedBy: z.string().nullable(),
  people: z.number().int(),
  states: stateCounts,
});
export type CycleView = z.infer<typeof cycleView>;

// ---- one person's appraisal (APR-5) ----

export const itemScores = z.record(key, z.number().min(0).max(100));

export const targets = z.object({
  /** Tasks for the month, as the leader sets them at its start. */
  tasks: z.array(z.object({ title: requiredText(60), note: optionalText(200) })).max(20),
  /** Per-person indicator targets, by indicator key (the template's target otherwise). */
  indicatorTargets: z.record(key, finite),
});
export type Targets = z.output<typeof targets>;

export const storedScores = z.object({
  self: itemScores.nullable(),
  selfComment: z.string().nullable(),
  superior: itemScores.nullable(),
  superiorComment: z.string().nullable(),
  peers: z.array(z.object({ by: id, byName: z.string(), scores: itemScores })),
  customer: score100.nullable(),
});
export type StoredScores = z.infer<typeof storedScores>;

export const feedback = z.object({
  heldOn: isoDate,
  summary: requiredText(1000),
  actions: optionalText(1000),
  personComment: optionalText(500),
});
export const storedFeedback = feedback.extend({ heldBy: z.string(), recordedAt: z.string() });
export type StoredFeedback = z.infer<typeof storedFeedback>;

const nullableScore = z.number().nullable();
export const outcome = z.object({
  complete: z.boolean(),
  missing: z.array(z.object({ kind: z.enum(['item', 'indicator']), key: z.string() })),
  items: z.array(
    z.object({
      key: z.string(),
      dimension: z.enum(itemDimensions),
      score: nullableScore,
      bySource: z.object({ superior: nullableScore, self: nullableScore, peers: nullableScore, customers: nullableScore }),
    }),
  ),
  indicators: z.array(z.object({ key: z.string(), value: nullableScore, target: z.number(), floor: z.number(), score: nullableScore })),
  dimensions: z.object({ results: nullableScore, ability: nullableScore, attitude: nullableScore }),
  total: nullableScore,
  weakest: z.array(z.object({ kind: z.enum(['item', 'indicator']), key: z.string(), name: z.string(), score: z.number() })),
  grade: z.enum(grades).nullable(),
  coefficient: nullableScore,
  flags: z.array(z.enum(resultFlags)),
  employedShare: z.number(),
});
export type Outcome = z.infer<typeof outcome>;

const personSummary = z.object({
  id,
  employeeNo: z.string(),
  name: z.string(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  role: z.enum(roles),
  function: z.enum(functions),
  hireDate: z.string(),
  leftOn: z.string().nullable(),
});

export const trainingView = z.object({
  id,
  personId: id,
  personName: z.string(),
  employeeNo: z.string(),
  kind: z.enum(trainingKinds),
  title: z.string(),
  takenOn: z.string(),
  score: z.number().nullable(),
  passed: z.boolean(),
  retakeOf: id.nullable(),
  /** A failure no later attempt has passed yet (APR-9). */
  pendingRetake: z.boolean(),
  note: z.string().nullable(),
});
export type TrainingView = z.infer<typeof trainingView>;

export const suggestion = z.object({
  itemKey: z.string(),
  source: z.enum(['attendance', 'discipline']),
  text: z.string(),
  /** The score the record suggests, on the item's scale; never applied by itself. */
  suggestedScore: z.number().nullable(),
});
export type Suggestion = z.infer<typeof suggestion>;

export const step = z.object({
  fromState: z.string(),
  toState: z.string(),
  actorName: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});

export const appraisalDetail = z.object({
  id,
  cycleId: id,
  period: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  cycleStatus: z.enum(['open', 'locked']),
  state: z.enum(appraisalStates),
  person: personSummary,
  template: templateView,
  targets: targets.nullable(),
  scores: storedScores,
  indicatorValues: z.record(z.string(), z.number()),
  feedback: storedFeedback.nullable(),
  /** The result as stored at consolidation (kept once locked), else null. */
  stored: outcome.nullable(),
  /** The result of the data as it is now, with the settings of the cycle. */
  live: outcome,
  settings: z.object({
    sourceWeights: z.object({ superior: z.number(), self: z.number(), peers: z.number(), customers: z.number() }),
    thresholds: z.array(z.number()),
    coefficients: z.array(z.number()),
  }),
  steps: z.array(step),
  trainings: z.array(trainingView),
  suggestions: z.array(suggestion),
  previous: z.object({ period: z.string(), total: z.number().nullable(), grade: z.enum(grades).nullable() }).nullable(),
  /** People who may score as peers (the person's group in the cycle). */
  peerCandidates: z.array(z.object({ id, name: z.string() })),
  updatedAt: z.string(),
});
export type AppraisalDetail = z.infer<typeof appraisalDetail>;

// ---- the board (people × state for a cycle) ----

const dimensionScores = z.object({ results: nullableScore, ability: nullableScore, attitude: nullableScore });

export const boardRow = z.object({
  id,
  personId: id,
  employeeNo: z.string(),
  name: z.string(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  role: z.enum(roles),
  function: z.enum(functions),
  state: z.enum(appraisalStates),
  targetsSet: z.boolean(),
  indicatorsDone: z.boolean(),
  peerCount: z.number().int(),
  feedbackDone: z.boolean(),
  /** Rounded for showing; the total is the result's own (rounded once). */
  dimensions: dimensionScores,
  total: nullableScore,
  grade: z.enum(grades).nullable(),
  coefficient: nullableScore,
  /** The result is not consolidated yet: what the data gives today. */
  provisional: z.boolean(),
  flags: z.array(z.enum(resultFlags)),
  missing: z.array(z.enum(missingSteps)),
});
export type BoardRow = z.infer<typeof boardRow>;

export const excellentShareView = z.object({
  excellent: z.number().int(),
  graded: z.number().int(),
  share: z.number(),
  capPercent: z.number(),
  exceeded: z.boolean(),
});

export const board = z.object({
  period: z.string(),
  kind: z.enum(cycleKinds),
  /** The cycle kind the setting asks for on the period's first day. */
  expectedKind: z.enum(cycleKinds),
  cycle: cycleView.nullable(),
  rows: z.array(boardRow),
  /** People employed in the period who are not in the cycle yet (hired after it started). */
  notInCycle: z.number().int(),
  /** APR-7, over the whole department's graded results of the cycle. */
  excellentShare: excellentShareView,
  /** Items and indicators of the cycle's template for column titles. */
  template: z.object({ id, name: z.string(), version: z.number().int() }).nullable(),
});
export type Board = z.infer<typeof board>;

export const calibrationPerson = z.object({
  id,
  personId: id,
  name: z.string(),
  employeeNo: z.string(),
  groupName: z.string().nullable(),
  function: z.enum(functions),
  state: z.enum(appraisalStates),
  outcome,
});
export const calibration = z.object({
  period: z.string(),
  template: templateView.nullable(),
  people: z.array(calibrationPerson),
});

// ---- imports of the chat platform's statistics ----

export const importRequest = z.object({
  cycleId: id,
  file: filePayload,
  /** mapping[i]: the field column i feeds (employeeNo, name, customerScore or an indicator key), or null. */
  mapping: z.array(z.string().trim().max(40).nullable()).max(200).optional(),
});
export type ImportRequest = z.output<typeof importRequest>;

const errorDetail = z.object({ path: z.string(), message: z.string(), row: z.number().int().optional() });
export const importPreview = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  samples: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  mappingProblems: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      employeeNo: z.string(),
      name: z.string(),
      values: z.record(z.string(), z.number()),
      problems: z.array(errorDetail),
    }),
  ),
  problemCount: z.number().int(),
});
export type IndicatorImportPreview = z.infer<typeof importPreview>;

// ---- annual results, history, plans and flags ----

export const annualRow = z.object({
  personId: id,
  employeeNo: z.string(),
  name: z.string(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  cycles: z.number().int(),
  mean: nullableScore,
  summaryScore: nullableScore,
  score: nullableScore,
  grade: z.enum(grades).nullable(),
  rankInGroup: z.number().int().nullable(),
  rankInDepartment: z.number().int().nullable(),
});
export const annual = z.object({
  year: z.number().int(),
  summaryWeightPercent: z.number(),
  /** Cycles of the year that are locked or consolidated, of all of the year's cycles. */
  cyclesCounted: z.array(z.string()),
  rows: z.array(annualRow),
});

export const historyEntry = z.object({
  id,
  period: z.string(),
  state: z.enum(appraisalStates),
  groupName: z.string().nullable(),
  dimensions: dimensionScores,
  total: nullableScore,
  grade: z.enum(grades).nullable(),
  coefficient: nullableScore,
  flags: z.array(z.enum(resultFlags)),
});
export const history = z.object({
  person: personSummary,
  entries: z.array(historyEntry),
  years: z.array(z.object({ year: z.number().int(), cycles: z.number().int(), mean: nullableScore, summaryScore: nullableScore })),
  trainings: z.array(trainingView),
});

export const planView = z.object({
  id,
  appraisalId: id,
  personId: id,
  personName: z.string(),
  employeeNo: z.string(),
  groupName: z.string().nullable(),
  period: z.string(),
  total: nullableScore,
  openedOn: z.string(),
  goals: z.string().nullable(),
  status: z.enum(planStatuses),
  closedOn: z.string().nullable(),
  outcome: z.string().nullable(),
});

export const hrFlagView = z.object({
  id,
  kind: z.string(),
  personId: id,
  personName: z.string(),
  employeeNo: z.string(),
  periods: z.array(z.string()),
  totals: z.array(z.number().nullable()),
  status: z.enum(['open', 'sent', 'closed']),
  raisedAt: z.string(),
});

const scope = id.nullable();

export const appraisalContract = defineArea({
  templates: { input: z.object({}), output: z.array(templateView) },
  /** A new version of a template (a used version never changes); optionally adopted by open cycles. */
  saveTemplate: {
    input: z.object({ key, name: requiredText(30), structure: templateStructure, applyToOpenCycles: z.boolean() }),
    output: templateView,
  },
  cycles: { input: z.object({ year: year.optional() }), output: z.array(cycleView) },
  startCycle: { input: z.object({ period, templateId: id.optional() }), output: cycleView },
  addMissing: { input: z.object({ cycleId: id }), output: z.object({ added: z.number().int() }) },
  board: { input: z.object({ period, groupId: scope }), output: board },
  get: { input: z.object({ id }), output: appraisalDetail },
  setTargets: { input: z.object({ id, targets }), output: appraisalDetail },
  saveSelf: {
    input: z.object({ id, scores: itemScores, comment: optionalText(500), submit: z.boolean() }),
    output: appraisalDetail,
  },
  saveSuperior: {
    input: z.object({ id, scores: itemScores, comment: optionalText(500), submit: z.boolean() }),
    output: appraisalDetail,
  },
  savePeer: { input: z.object({ id, byPersonId: id, scores: itemScores }), output: appraisalDetail },
  setIndicators: {
    input: z.object({ id, values: z.record(key, finite.nullable()), customerScore: score100.nullable() }),
    output: appraisalDetail,
  },
  importPreview: { input: importRequest, output: importPreview },
  importCommit: { input: importRequest, output: z.object({ updated: z.number().int() }) },
  consolidate: { input: z.object({ ids: z.array(id).min(1).max(2000) }), output: z.object({ consolidated: z.number().int() }) },
  recordFeedback: { input: z.object({ id, feedback }), output: appraisalDetail },
  returnStep: { input: z.object({ id, reason: requiredText(200) }), output: appraisalDetail },
  lock: {
    input: z.object({ cycleId: id, groupId: scope, acknowledgeWarnings: z.boolean() }),
    output: z.object({ locked: z.number().int(), plansOpened: z.number().int(), hrFlags: z.number().int(), cycle: cycleView }),
  },
  calibration: { input: z.object({ period, groupId: scope }), output: calibration },
  history: { input: z.object({ personId: id }), output: history },
  annual: { input: z.object({ year, groupId: scope }), output: annual },
  saveSummary: {
    input: z.object({ personId: id, year, summaryScore: score100, note: optionalText(500) }),
    output: z.object({ personId: id, year: z.number().int(), summaryScore: z.number() }),
  },
  exportXlsx: { input: z.object({ period, groupId: scope }), output: fileOutput },
  trainings: {
    input: z.object({ personId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }),
    output: z.array(trainingView),
  },
  recordTraining: {
    input: z.object({
      personId: id,
      kind: z.enum(trainingKinds),
      title: requiredText(60),
      takenOn: isoDate,
      score: score100.nullable(),
      passed: z.boolean(),
      retakeOf: id.nullable(),
      note: optionalText(200),
    }),
    output: trainingView,
  },
  plans: { input: z.object({ status: z.enum(planStatuses).optional() }), output: z.array(planView) },
  updatePlan: {
    input: z.object({
      id,
      goals: optionalText(1000),
      status: z.enum(planStatuses),
      closedOn: isoDate.nullable(),
      outcome: optionalText(500),
    }),
    output: planView,
  },
  flags: { input: z.object({}), output: z.array(hrFlagView) },
});
