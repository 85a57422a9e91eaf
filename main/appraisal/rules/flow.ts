import { appraisalStates, type AppraisalState } from '../vocabulary.ts';

// APR-5: the flow of one appraisal, draft → self-assessed → scored → consolidated → locked. Steps
// go forward one at a time; a step back (with a reason) is allowed until the result is locked.

export type FlowStep = 'submitSelf' | 'submitScores' | 'consolidate' | 'lock';

const stepFrom: Record<FlowStep, AppraisalState> = {
  submitSelf: 'draft',
  submitScores: 'self-assessed',
  consolidate: 'scored',
  lock: 'consolidated',
};

export type FlowRefusal = { ok: false; code: 'locked' | 'alreadyDone' | 'tooEarly' | 'cannotReturn'; needed: AppraisalState };
export type FlowAnswer = { ok: true; to: AppraisalState } | FlowRefusal;

const order = (state: AppraisalState) => appraisalStates.indexOf(state);

/** Where a step leads from a state, or why it cannot be taken there. */
export function nextState(state: AppraisalState, step: FlowStep): FlowAnswer {
  const from = stepFrom[step];
  if (state === from) return { ok: true, to: appraisalStates[order(from) + 1]! };
  if (state === 'locked') return { ok: false, code: 'locked', needed: from };
  return { ok: false, code: order(state) > order(from) ? 'alreadyDone' : 'tooEarly', needed: from };
}

/** One step back: self-assessed → draft, scored → self-assessed, consolidated → scored. */
export function previousState(state: AppraisalState): FlowAnswer {
  if (state === 'locked') return { ok: false, code: 'locked', needed: 'consolidated' };
  if (state === 'draft') return { ok: false, code: 'cannotReturn', needed: 'self-assessed' };
  return { ok: true, to: appraisalStates[order(state) - 1]! };
}

/** What may be changed in which state. */
export type EditKind = 'targets' | 'self' | 'superior' | 'peers' | 'indicators' | 'feedback';

export const editableIn: Record<EditKind, readonly AppraisalState[]> = {
  targets: ['draft'],
  self: ['draft'],
  superior: ['self-assessed'],
  peers: ['draft', 'self-assessed', 'scored'],
  indicators: ['draft', 'self-assessed', 'scored'],
  feedback: ['consolidated'],
};

export function canEdit(kind: EditKind, state: AppraisalState): boolean {
  return editableIn[kind].includes(state);
}
