import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { AppError, fail } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import type { AppraisalState } from './vocabulary.ts';
import {
  canEdit,
  nextState,
  previousPeriod,
  previousState,
  type EditKind,
  type FlowAnswer,
  type FlowStep,
  type TemplateStructure,
} from './rules/index.ts';
import { appraisalById, cycleById, cycleSettings, templateById, type AppraisalRow, type CycleRow } from './store.ts';
import { cycleContext, liveOutcome, type CycleContext } from './compute.ts';
import { templateView } from './templates.ts';
import { listTrainings } from './training.ts';
import { attitudeSuggestions } from './suggestions.ts';
import type { AppraisalDetail, StoredScores, Targets } from './contract.ts';

// APR-5: one person's appraisal through the month: targets, self-assessment, the superior's
// scores, peers, indicator values, consolidation, the feedback talk. Every transition is a step
// (who, when) and every change an audit row, in one transaction.

export function appraisalDetail(ctx: Ctx, id: number): AppraisalDetail {
  const row = appraisalById(ctx, id);
  const cycle = cycleById(ctx, row.cycleId);
  const template = templateView(ctx, row.templateId);
  const previous = statement(
    ctx.store.sqlite,
    `select c.period, a.total, a.grade, a.state from appraisals a join appraisal_cycles c on c.id = a.cycle_id where c.period = ? and a.person_id = ?`,
  ).get(previousPeriod(cycle.period), row.personId) as (NonNullable<AppraisalDetail['previous']> & { state: AppraisalState }) | undefined;
  const trainings = listTrainings(ctx, { personId: row.personId, from: cycle.startsOn, to: cycle.endsOn });
  // This person's part of cycleContext, from what is read here anyway: the previous grade counts
  // once consolidated or locked; a failed training of the cycle counts until a retake passes.
  const previousGrade = previous && (previous.state === 'consolidated' || previous.state === 'locked') ? previous.grade : null;
  const context: CycleContext = {
    cycle,
    settings: cycleSettings(ctx, cycle.endsOn),
    previousGrades: new Map(previousGrade === null ? [] : [[row.personId, previousGrade]]),
    retakePending: new Set(trainings.some((training) => training.pendingRetake) ? [row.personId] : []),
  };
  const steps = statement(
    ctx.store.sqlite,
    `select from_state as fromState, to_state as toState, actor_name as actorName, at, note from appraisal_steps where appraisal_id = ? order by id`,
  ).all(id) as AppraisalDetail['steps'];
  const peerCandidates =
    row.groupId === null
      ? []
      : (statement(
          ctx.store.sqlite,
          `select p.id, p.name from appraisals a join people p on p.id = a.person_id where a.cycle_id = ? and a.group_id = ? and a.person_id <> ? order by p.employee_no`,
        ).all(cycle.id, row.groupId, row.personId) as Array<{ id: number; name: string }>);
  return {
    id: row.id,
    cycleId: cycle.id,
    period: cycle.period,
    startsOn: cycle.startsOn,
    endsOn: cycle.endsOn,
    cycleStatus: cycle.status,
    state: row.state,
    person: {
      id: row.personId,
      employeeNo: row.employeeNo,
      name: row.name,
      groupId: row.groupId,
      groupName: row.groupName,
      role: row.role,
      function: row.function,
      hireDate: row.hireDate,
      leftOn: row.leftOn,
    },
    template,
    targets: row.targets,
    scores: row.scores,
    indicatorValues: row.indicatorValues,
    feedback: row.feedback,
    stored: row.state === 'consolidated' || row.state === 'locked' ? row.result : null,
    live: liveOutcome(ctx, context, row),
    settings: {
      sourceWeights: context.settings.sourceWeights,
      thresholds: context.settings.thresholds,
      coefficients: context.settings.coefficients,
    },
    steps,
    trainings,
    suggestions: attitudeSuggestions(ctx, {
      personId: row.personId,
      from: cycle.startsOn,
      to: cycle.endsOn,
      attitudeItems: template.structure.items.filter((i) => i.dimension === 'attitude'),
    }),
    previous: previous ? { period: previous.period, total: previous.total, grade: previous.grade } : null,
    peerCandidates,
    updatedAt: row.updatedAt,
  };
}

// ---- checks ----

function invalid(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION', `${t('errors.validation')} ${details.map((d) => d.message).join(t('common.sentenceSeparator'))}`, details);
}

const stateName = (state: AppraisalState) => t(`appraisal.states.${state}`);

/** The reason a flow step cannot be taken, in the user's language. */
export function refusal(row: { name: string; state: AppraisalState }, answer: Exclude<FlowAnswer, { ok: true }>): string {
  return t(`appraisal.errors.flow.${answer.code}`, { name: row.name, state: stateName(row.state), needed: stateName(answer.needed) });
}

function assertEditable(row: AppraisalRow, cycle: CycleRow, kind: EditKind, path: string): void {
  if (cycle.status === 'locked' || row.state === 'locked')
    throw fail('RULE_VIOLATION', path, t('appraisal.errors.flow.locked', { name: row.name, state: stateName(row.state) }));
  if (!canEdit(kind, row.state)) {
    throw fail('RULE_VIOLATION', path, t(`appraisal.errors.edit.${kind}`, { name: row.name, state: stateName(row.state) }));
  }
}

/** Scores are on each item's own scale and name items of the template. */
function checkItemScores(structure: TemplateStructure, scores: Record<string, number>, path: string): void {
  const items = new Map(structure.items.map((i) => [i.key, i]));
  const details: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(scores)) {
    const item = items.get(key);
    if (!item) details.push({ path: `${path}.${key}`, message: t('appraisal.errors.unknownItem', { key }) });
    else if (value > item.scaleMax)
      details.push({ path: `${path}.${key}`, message: t('appraisal.errors.scoreAboveScale', { name: item.name, max: item.scaleMax }) });
  }
  if (details.length > 0) throw invalid(details);
}

function applicableIndicators(structure: TemplateStructure, row: AppraisalRow) {
  return new Map(structure.indicators.filter((i) => i.functions.includes(row.function)).map((i) => [i.key, i]));
}

// ---- writes ----

type Write = (row: AppraisalRow, cycle: CycleRow, audit: (entry: AuditEntry) => void, at: string) => void;

/** Runs a change of one appraisal in a transaction and answers with its detail. */
function change(ctx: Ctx, id: number, write: Write): AppraisalDetail {
  audited(ctx, (audit) => {
    const row = appraisalById(ctx, id);
    write(row, cycleById(ctx, row.cycleId), audit, nowIso());
  });
  return appraisalDetail(ctx, id);
}

export function recordStep(
  ctx: Ctx,
  appraisalId: number,
  from: AppraisalState,
  to: AppraisalState,
  at: string,
  note: string | null = null,
): void {
  statement(
    ctx.store.sqlite,
    'insert into appraisal_steps (appraisal_id, from_state, to_state, actor, actor_name, at, note) values (?, ?, ?, ?, ?, ?, ?)',
  ).run(appraisalId, from, to, ctx.actor.id, ctx.actor.name, at, note);
}

function setState(ctx: Ctx, row: AppraisalRow, step: FlowStep, at: string, note: string | null = null): AppraisalState {
  const answer = nextState(row.state, step);
  if (!answer.ok) throw fail('RULE_VIOLATION', 'submit', refusal(row, answer));
  statement(ctx.store.sqlite, 'update appraisals set state = ?, updated_at = ? where id = ?').run(answer.to, at, row.id);
  recordStep(ctx, row.id, row.state, answer.to, at, note);
  return answer.to;
}

function writeScores(ctx: Ctx, row: AppraisalRow, scores: StoredScores, at: string): void {
  statement(ctx.store.sqlite, 'update appraisals set scores = ?, updated_at = ? where id = ?').run(JSON.stringify(scores), at, row.id);
}

/** APR-5: the leader sets tasks and indicator targets at the start of the cycle. */
export function setTargets(ctx: Ctx, id: number, targets: Targets): AppraisalDetail {
  return change(ctx, id, (row, cycle, audit, at) => {
    assertEditable(row, cycle, 'targets', 'targets');
    const structure = templateById(ctx, row.templateId).structure;
    const indicators = applicableIndicators(structure, row);
    const details: ErrorDetail[] = [];
    for (const [key, target] of Object.entries(targets.indicatorTargets)) {
      const indicator = indicators.get(key);
      const path = `targets.indicatorTargets.${key}`;
      if (!indicator) details.push({ path, message: t('appraisal.errors.unknownIndicator', { key }) });
      else if (indicator.direction === 'higher' ? target <= indicator.floor : target >= indicator.floor)
        details.push({
          path,
          message: t(`appraisal.errors.targetBeyondFloor.${indicator.direction}`, { name: indicator.name, floor: indicator.floor }),
        });
    }
    if (details.length > 0) throw invalid(details);
    statement(ctx.store.sqlite, 'update appraisals set targets = ?, updated_at = ? where id = ?').run(JSON.stringify(targets), at, row.id);
    audit({ action: 'setTargets', entity: 'appraisal', entityId: row.id, before: row.targets, after: targets });
  });
}

/** The person's self-assessment; submitting it moves the appraisal to self-assessed. */
export function saveSelf(
  ctx: Ctx,
  input: { id: number; scores: Record<string, number>; comment: string | null; submit: boolean },
): AppraisalDetail {
  return change(ctx, input.id, (row, cycle, audit, at) => {
    assertEditable(row, cycle, 'self', 'scores');
    checkItemScores(templateById(ctx, row.templateId).structure, input.scores, 'scores');
    const scores = { ...row.scores, self: input.scores, selfComment: input.comment };
    writeScores(ctx, row, scores, at);
    const state = input.submit ? setState(ctx, row, 'submitSelf', at) : row.state;
    audit({
      action: input.submit ? 'submitSelf' : 'saveSelf',
      entity: 'appraisal',
      entityId: row.id,
      before: { self: row.scores.self, state: row.state },
      after: { self: input.scores, comment: input.comment, state },
    });
  });
}

/** The superior's scores (APR-6, superior-led); submitting needs every item that counts. */
export function saveSuperior(
  ctx: Ctx,
  input: { id: number; scores: Record<string, number>; comment: string | null; submit: boolean },
): AppraisalDetail {
  return change(ctx, input.id, (row, cycle, audit, at) => {
    if (input.submit && row.state !== 'self-assessed') {
      const answer = nextState(row.state, 'submitScores');
      if (!answer.ok) throw fail('RULE_VIOLATION', 'submit', refusal(row, answer));
    }
    assertEditable(row, cycle, 'superior', 'scores');
    const structure = templateById(ctx, row.templateId).structure;
    checkItemScores(structure, input.scores, 'scores');
    if (input.submit) {
      const unscored = structure.items.filter(
        (i) => structure.dimensions[i.dimension] > 0 && i.weight > 0 && input.scores[i.key] === undefined,
      );
      if (unscored.length > 0) {
        const message = t('appraisal.errors.itemsUnscored', {
          name: row.name,
          items: unscored.map((i) => i.name).join(t('common.listSeparator')),
        });
        throw new AppError(
          'RULE_VIOLATION',
          message,
          unscored.map((i) => ({ path: `scores.${i.key}`, message: t('appraisal.errors.itemUnscored', { name: i.name }) })),
        );
      }
    }
    const scores = { ...row.scores, superior: input.scores, superiorComment: input.comment };
    writeScores(ctx, row, scores, at);
    const state = input.submit ? setState(ctx, row, 'submitScores', at) : row.state;
    audit({
      action: input.submit ? 'submitScores' : 'saveScores',
      entity: 'appraisal',
      entityId: row.id,
      before: { superior: row.scores.superior, state: row.state },
      after: { superior: input.scores, comment: input.comment, state },
    });
  });
}

/** A peer's scores (optional, APR-6); an empty set withdraws that peer's scores. */
export function savePeer(ctx: Ctx, input: { id: number; byPersonId: number; scores: Record<string, number> }): AppraisalDetail {
  return change(ctx, input.id, (row, cycle, audit, at) => {
    assertEditable(row, cycle, 'peers', 'scores');
    if (input.byPersonId === row.personId) throw fail('RULE_VIOLATION', 'byPersonId', t('appraisal.errors.peerSelf'));
    const peer = statement(ctx.store.sqlite, "select name from people where id = ? and status = 'active'").get(input.byPersonId) as
      { name: string } | undefined;
    if (!peer) throw fail('NOT_FOUND', 'byPersonId', t('errors.personNotFound', { id: input.byPersonId }));
    checkItemScores(templateById(ctx, row.templateId).structure, input.scores, 'scores');
    const others = row.scores.peers.filter((p) => p.by !== input.byPersonId);
    const peers =
      Object.keys(input.scores).length === 0 ? others : [...others, { by: input.byPersonId, byName: peer.name, scores: input.scores }];
    writeScores(ctx, row, { ...row.scores, peers }, at);
    audit({ action: 'savePeer', entity: 'appraisal', entityId: row.id, before: { peers: row.scores.peers }, after: { peers } });
  });
}

/** Indicator values typed in (null clears one) and the customers' score, until consolidation. */
export function setIndicators(
  ctx: Ctx,
  input: { id: number; values: Record<string, number | null>; customerScore: number | null },
): AppraisalDetail {
  return change(ctx, input.id, (row, cycle, audit, at) => {
    assertEditable(row, cycle, 'indicators', 'values');
    const indicators = applicableIndicators(templateById(ctx, row.templateId).structure, row);
    const unknown = Object.keys(input.values).filter((k) => !indicators.has(k));
    if (unknown.length > 0)
      throw invalid(unknown.map((key) => ({ path: `values.${key}`, message: t('appraisal.errors.unknownIndicator', { key }) })));
    const values = { ...row.indicatorValues };
    for (const [key, value] of Object.entries(input.values)) {
      if (value === null) delete values[key];
      else values[key] = value;
    }
    statement(ctx.store.sqlite, 'update appraisals set indicator_values = ?, scores = ?, updated_at = ? where id = ?').run(
      JSON.stringify(values),
      JSON.stringify({ ...row.scores, customer: input.customerScore }),
      at,
      row.id,
    );
    audit({
      action: 'setIndicators',
      entity: 'appraisal',
      entityId: row.id,
      before: { values: row.indicatorValues, customer: row.scores.customer },
      after: { values, customer: input.customerScore },
    });
  });
}

/**
 * APR-5: the leader consolidates scored appraisals; the result (total, grade, coefficient, flags)
 * is stored. All or nothing: one that is not ready refuses the lot, each named.
 */
export function consolidate(ctx: Ctx, ids: number[]): { consolidated: number } {
  return audited(ctx, (audit) => {
    const at = nowIso();
    const details: ErrorDetail[] = [];
    const contexts = new Map<number, ReturnType<typeof cycleContext>>();
    const ready = [...new Set(ids)].flatMap((id, index) => {
      const row = appraisalById(ctx, id);
      const answer = nextState(row.state, 'consolidate');
      if (!answer.ok) {
        details.push({ path: `ids.${index}`, message: refusal(row, answer) });
        return [];
      }
      if (!contexts.has(row.cycleId)) contexts.set(row.cycleId, cycleContext(ctx, cycleById(ctx, row.cycleId)));
      const outcome = liveOutcome(ctx, contexts.get(row.cycleId)!, row);
      if (!outcome.complete) {
        const names = new Map(
          [...templateById(ctx, row.templateId).structure.items, ...templateById(ctx, row.templateId).structure.indicators].map((x) => [
            x.key,
            x.name,
          ]),
        );
        details.push({
          path: `ids.${index}`,
          message: t('appraisal.errors.incomplete', {
            name: row.name,
            missing: outcome.missing.map((m) => names.get(m.key) ?? m.key).join(t('common.listSeparator')),
          }),
        });
        return [];
      }
      return [{ row, outcome }];
    });
    if (details.length > 0)
      throw new AppError('RULE_VIOLATION', t('appraisal.errors.consolidateRefused', { count: details.length }), details);
    for (const { row, outcome } of ready) {
      statement(
        ctx.store.sqlite,
        'update appraisals set total = ?, grade = ?, coefficient = ?, result = ?, updated_at = ? where id = ?',
      ).run(outcome.total, outcome.grade, outcome.coefficient, JSON.stringify(outcome), at, row.id);
      setState(ctx, row, 'consolidate', at);
      audit({
        action: 'consolidate',
        entity: 'appraisal',
        entityId: row.id,
        before: { state: row.state },
        after: {
          state: 'consolidated',
          total: outcome.total,
          grade: outcome.grade,
          coefficient: outcome.coefficient,
          flags: outcome.flags,
        },
      });
    }
    return { consolidated: ready.length };
  });
}

/** APR-5: the feedback talk after consolidation: when, who held it, what was said and agreed. */
export function recordFeedback(
  ctx: Ctx,
  id: number,
  feedback: { heldOn: string; summary: string; actions: string | null; personComment: string | null },
): AppraisalDetail {
  return change(ctx, id, (row, cycle, audit, at) => {
    assertEditable(row, cycle, 'feedback', 'feedback');
    if (feedback.heldOn < cycle.startsOn) {
      const message = t('appraisal.errors.feedbackBeforeCycle', { date: cycle.startsOn });
      throw invalid([{ path: 'feedback.heldOn', message }]);
    }
    const stored = { ...feedback, heldBy: ctx.actor.name, recordedAt: at };
    statement(ctx.store.sqlite, 'update appraisals set feedback = ?, updated_at = ? where id = ?').run(JSON.stringify(stored), at, row.id);
    audit({ action: 'recordFeedback', entity: 'appraisal', entityId: row.id, before: row.feedback, after: stored });
  });
}

/** One step back with a reason (a mistake found before locking); a consolidated result is dropped. */
export function returnStep(ctx: Ctx, id: number, reason: string): AppraisalDetail {
  return change(ctx, id, (row, cycle, audit, at) => {
    const answer = previousState(row.state);
    if (!answer.ok || cycle.status === 'locked')
      throw fail('RULE_VIOLATION', 'id', refusal(row, answer.ok ? { ok: false, code: 'locked', needed: row.state } : answer));
    statement(ctx.store.sqlite, 'update appraisals set state = ?, updated_at = ? where id = ?').run(answer.to, at, row.id);
    if (row.state === 'consolidated')
      statement(ctx.store.sqlite, 'update appraisals set total = null, grade = null, coefficient = null, result = null where id = ?').run(
        row.id,
      );
    recordStep(ctx, row.id, row.state, answer.to, at, reason);
    audit({
      action: 'returnStep',
      entity: 'appraisal',
      entityId: row.id,
      before: { state: row.state, total: row.total, grade: row.grade },
      after: { state: answer.to, reason },
    });
  });
}
