import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { getSetting } from '../settings/service.ts';
import type { Grade, MissingStep } from './vocabulary.ts';
import { excellentShare, periodBounds, periodKind, roundDimensions, type AppraisalOutcome, type ExcellentShare } from './rules/index.ts';
import { appraisalsOfCycle, cycleByPeriod, cycleKindSetting, templateById, type AppraisalRow, type CycleRow } from './store.ts';
import { cycleContext, currentOutcome, type CycleContext } from './compute.ts';
import { cycleView, missingPeople } from './cycles.ts';
import { templateView } from './templates.ts';
import type { Board, BoardRow } from './contract.ts';

// The board: everyone in the cycle × where their appraisal stands and what it still needs.

/** What the appraisal needs before its next step (APR-5), in the order of the flow. */
export function missingFor(row: AppraisalRow, outcome: AppraisalOutcome): MissingStep[] {
  const missing: MissingStep[] = [];
  const before = (state: string) => ['draft', 'self-assessed', 'scored'].includes(state);
  if (row.state === 'draft' && row.targets === null) missing.push('targets');
  if (row.state === 'draft') missing.push('self');
  if (row.state === 'draft' || row.state === 'self-assessed') missing.push('superior');
  if (before(row.state) && outcome.missing.some((m) => m.kind === 'indicator')) missing.push('indicators');
  if (row.state === 'scored') missing.push('consolidation');
  if ((row.state === 'consolidated' || row.state === 'locked') && row.feedback === null) missing.push('feedback');
  if (row.state === 'consolidated') missing.push('lock');
  return missing;
}

export interface ComputedRow {
  row: AppraisalRow;
  outcome: AppraisalOutcome;
  provisional: boolean;
}

/** Every appraisal of a cycle in scope with its result: stored once consolidated, else live. */
export function computeCycle(ctx: Ctx, context: CycleContext, groupId: number | null): ComputedRow[] {
  return appraisalsOfCycle(ctx, context.cycle.id, groupId).map((row) => ({ row, ...currentOutcome(ctx, context, row) }));
}

/**
 * The share of 优秀 is a department matter: over every graded result of the cycle, whatever the
 * scope shown. Graded results are the consolidated and locked ones, so their stored grades.
 */
export function departmentExcellentShare(ctx: Ctx, cycle: CycleRow, capPercent: number): ExcellentShare {
  const settled = statement(
    ctx.store.sqlite,
    `select grade from appraisals where cycle_id = ? and state in ('consolidated', 'locked')`,
  ).all(cycle.id) as Array<{ grade: Grade | null }>;
  return excellentShare(
    settled.map((r) => r.grade),
    capPercent,
  );
}

export function boardRow({ row, outcome, provisional }: ComputedRow): BoardRow {
  return {
    id: row.id,
    personId: row.personId,
    employeeNo: row.employeeNo,
    name: row.name,
    groupId: row.groupId,
    groupName: row.groupName,
    role: row.role,
    function: row.function,
    state: row.state,
    targetsSet: row.targets !== null,
    indicatorsDone: !outcome.missing.some((m) => m.kind === 'indicator'),
    peerCount: row.scores.peers.length,
    feedbackDone: row.feedback !== null,
    dimensions: roundDimensions(outcome.dimensions),
    total: outcome.total,
    grade: outcome.grade,
    coefficient: outcome.coefficient,
    provisional,
    flags: outcome.flags,
    missing: missingFor(row, outcome),
  };
}

export function board(ctx: Ctx, period: string, groupId: number | null): Board {
  const cycle = cycleByPeriod(ctx, period);
  const kind = periodKind(period)!;
  const expectedKind = cycleKindSetting(ctx, periodBounds(period).from);
  const capPercent = getSetting(ctx, 'appraisal.excellentShareCapPercent', periodBounds(period).to);
  if (!cycle) {
    return {
      period,
      kind,
      expectedKind,
      cycle: null,
      rows: [],
      notInCycle: 0,
      excellentShare: excellentShare([], capPercent),
      template: null,
    };
  }
  const context = cycleContext(ctx, cycle);
  const rows = computeCycle(ctx, context, groupId);
  const template = templateById(ctx, cycle.templateId);
  return {
    period,
    kind,
    expectedKind,
    cycle: cycleView(ctx, cycle),
    rows: rows.map(boardRow),
    notInCycle: cycle.status === 'open' ? missingPeople(ctx, cycle).filter((p) => groupId === null || p.groupId === groupId).length : 0,
    // The whole department's rows are at hand when it is the scope; else the stored grades.
    excellentShare:
      groupId === null
        ? excellentShare(
            rows.map((r) => (r.provisional ? null : r.outcome.grade)),
            context.settings.excellentShareCapPercent,
          )
        : departmentExcellentShare(ctx, cycle, context.settings.excellentShareCapPercent),
    template: { id: template.id, name: template.name, version: template.version },
  };
}

/** Side by side: everyone in scope with their result in full, and the cycle's template. */
export function calibration(ctx: Ctx, period: string, groupId: number | null) {
  const cycle = cycleByPeriod(ctx, period);
  if (!cycle) return { period, template: null, people: [] };
  const rows = computeCycle(ctx, cycleContext(ctx, cycle), groupId);
  return {
    period,
    template: templateView(ctx, cycle.templateId),
    people: rows.map(({ row, outcome }) => ({
      id: row.id,
      personId: row.personId,
      name: row.name,
      employeeNo: row.employeeNo,
      groupName: row.groupName,
      function: row.function,
      state: row.state,
      outcome,
    })),
  };
}
