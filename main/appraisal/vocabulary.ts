// The closed word lists of the appraisal area (APR-1…9), shared by every layer.

/** APR-1: the three dimensions, in the order the rulebook names them. */
export const dimensions = ['results', 'ability', 'attitude'] as const;
export type Dimension = (typeof dimensions)[number];
/** Items are scored by people; results come from indicators (APR-2). */
export const itemDimensions = ['ability', 'attitude'] as const;
export type ItemDimension = (typeof itemDimensions)[number];

/** APR-5: the states of one person's appraisal in a cycle, in order. */
export const appraisalStates = ['draft', 'self-assessed', 'scored', 'consolidated', 'locked'] as const;
export type AppraisalState = (typeof appraisalStates)[number];

/** APR-7: grades from best to worst (优秀, 良好, 合格, 不合格). */
export const grades = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export type Grade = (typeof grades)[number];

export const indicatorUnits = ['percent', 'count', 'seconds', 'minutes', 'hours', 'score'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];
export const directions = ['higher', 'lower'] as const;
export type Direction = (typeof directions)[number];

/** APR-9: kinds of training assessment. */
export const trainingKinds = ['exam', 'practical', 'writeup'] as const;
export type TrainingKind = (typeof trainingKinds)[number];

export const cycleKinds = ['monthly', 'quarterly'] as const;
export type CycleKind = (typeof cycleKinds)[number];

/** Marks on a person's result the supervisor and HR should see. */
export const resultFlags = [
  'joined-mid-cycle',
  'left-mid-cycle',
  // APR-8: 不合格 opens an improvement plan; twice in a row goes to HR.
  'unqualified',
  'unqualified-twice',
  // APR-9: a failed training assessment in the cycle that has not been passed on a retake.
  'training-retake',
] as const;
export type ResultFlag = (typeof resultFlags)[number];

/** What a person's appraisal still needs before its next step (the board's "missing" column). */
export const missingSteps = ['targets', 'self', 'superior', 'indicators', 'consolidation', 'feedback', 'lock'] as const;
export type MissingStep = (typeof missingSteps)[number];

export const planStatuses = ['open', 'completed', 'failed'] as const;
export type PlanStatus = (typeof planStatuses)[number];
