import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import type { Grade } from './vocabulary.ts';
import { appraisalOutcome, employedShare, pendingRetakes, previousPeriod, type AppraisalOutcome } from './rules/index.ts';
import { cycleSettings, periodGrades, templateById, type AppraisalRow, type CycleRow, type CycleSettings } from './store.ts';

// Results of a cycle's appraisals (APR-1…9) from the data as it is: totals, grades, bonus
// coefficients and flags for everyone in one pass, with a handful of queries whatever the
// head count.

export interface CycleContext {
  cycle: CycleRow;
  settings: CycleSettings;
  /** Grades of the previous cycle (consolidated or locked), by person. */
  previousGrades: Map<number, Grade>;
  /** People with a failed training assessment in the cycle that no retake has passed. */
  retakePending: Set<number>;
}

interface TrainingRow {
  id: number;
  personId: number;
  takenOn: string;
  passed: number;
  retakeOf: number | null;
}

export function cycleContext(ctx: Ctx, cycle: CycleRow): CycleContext {
  const previous = periodGrades(ctx, previousPeriod(cycle.period));
  // Failures in the cycle and every later attempt (a retake may come after the cycle ends).
  const trainings = (
    statement(
      ctx.store.sqlite,
      'select id, person_id as personId, taken_on as takenOn, passed, retake_of as retakeOf from training_assessments where taken_on >= ?',
    ).all(cycle.startsOn) as TrainingRow[]
  ).map((r) => ({ ...r, passed: r.passed === 1 }));
  const pending = pendingRetakes(trainings).filter((r) => r.takenOn <= cycle.endsOn);
  return {
    cycle,
    settings: cycleSettings(ctx, cycle.endsOn),
    previousGrades: new Map([...previous].map(([personId, p]) => [personId, p.grade])),
    retakePending: new Set(pending.map((p) => p.personId)),
  };
}

/** One appraisal's result from its data now (the stored one is kept separately once consolidated). */
export function liveOutcome(ctx: Ctx, context: CycleContext, row: AppraisalRow): AppraisalOutcome {
  const { cycle, settings } = context;
  const bounds = { from: cycle.startsOn, to: cycle.endsOn };
  return appraisalOutcome({
    structure: templateById(ctx, row.templateId).structure,
    fn: row.function,
    sourceWeights: settings.sourceWeights,
    scores: {
      self: row.scores.self,
      superior: row.scores.superior,
      peers: row.scores.peers.map((p) => p.scores),
      customer: row.scores.customer,
    },
    indicatorValues: row.indicatorValues,
    indicatorTargets: row.targets?.indicatorTargets ?? {},
    employedShare: employedShare(bounds, row.hireDate, row.leftOn),
    thresholds: settings.thresholds,
    coefficients: settings.coefficients,
    previousGrade: context.previousGrades.get(row.personId) ?? null,
    joinedMidCycle: row.hireDate > cycle.startsOn,
    leftMidCycle: row.leftOn !== null && row.leftOn < cycle.endsOn,
    trainingRetakePending: context.retakePending.has(row.personId),
  });
}

/** The result to show: the stored one once consolidated or locked, else the live one. */
export function currentOutcome(ctx: Ctx, context: CycleContext, row: AppraisalRow): { outcome: AppraisalOutcome; provisional: boolean } {
  if ((row.state === 'consolidated' || row.state === 'locked') && row.result) return { outcome: row.result, provisional: false };
  return { outcome: liveOutcome(ctx, context, row), provisional: true };
}
