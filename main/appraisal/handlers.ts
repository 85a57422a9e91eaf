import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { appraisalContract } from './contract.ts';
import { listTemplates, saveTemplate } from './templates.ts';
import { listCycles, startCycle, addMissing } from './cycles.ts';
import { board, calibration } from './board.ts';
import * as flow from './appraisals.ts';
import { lockCycle } from './lock.ts';
import { previewIndicatorImport, commitIndicatorImport } from './indicator-import.ts';
import { annual, history, saveSummary } from './annual.ts';
import { exportResults } from './export.ts';
import { listTrainings, recordTraining } from './training.ts';
import { listFlags, listPlans, updatePlan } from './plans.ts';

export const appraisalHandlers: HandlersOf<{ appraisal: typeof appraisalContract }, HandlerCtx>['appraisal'] = {
  templates: (_input, ctx) => listTemplates(ctx),
  saveTemplate: (input, ctx) => saveTemplate(ctx, input),
  cycles: ({ year }, ctx) => listCycles(ctx, year),
  startCycle: (input, ctx) => startCycle(ctx, input),
  addMissing: ({ cycleId }, ctx) => addMissing(ctx, cycleId),
  board: ({ period, groupId }, ctx) => board(ctx, period, groupId),
  get: ({ id }, ctx) => flow.appraisalDetail(ctx, id),
  setTargets: ({ id, targets }, ctx) => flow.setTargets(ctx, id, targets),
  saveSelf: (input, ctx) => flow.saveSelf(ctx, input),
  saveSuperior: (input, ctx) => flow.saveSuperior(ctx, input),
  savePeer: (input, ctx) => flow.savePeer(ctx, input),
  setIndicators: (input, ctx) => flow.setIndicators(ctx, input),
  importPreview: (input, ctx) => previewIndicatorImport(ctx, input),
  importCommit: (input, ctx) => commitIndicatorImport(ctx, input),
  consolidate: ({ ids }, ctx) => flow.consolidate(ctx, ids),
  recordFeedback: ({ id, feedback }, ctx) => flow.recordFeedback(ctx, id, feedback),
  returnStep: ({ id, reason }, ctx) => flow.returnStep(ctx, id, reason),
  lock: (input, ctx) => lockCycle(ctx, input),
  calibration: ({ period, groupId }, ctx) => calibration(ctx, period, groupId),
  history: ({ personId }, ctx) => history(ctx, personId),
  annual: ({ year, groupId }, ctx) => annual(ctx, year, groupId),
  saveSummary: (input, ctx) => saveSummary(ctx, input),
  exportXlsx: ({ period, groupId }, ctx) => exportResults(ctx, period, groupId),
  trainings: (filter, ctx) => listTrainings(ctx, filter),
  recordTraining: (input, ctx) => recordTraining(ctx, input),
  plans: ({ status }, ctx) => listPlans(ctx, status),
  updatePlan: (input, ctx) => updatePlan(ctx, input),
  flags: (_input, ctx) => listFlags(ctx),
};
