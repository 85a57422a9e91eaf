// The closed word lists of the discipline area (DIS-1…5, PRO-1…5), shared by every layer.

/** DIS-1: the sanctions, lightest first; a fine (乐捐) is paid into the department's fund (DIS-2). */
export const sanctionKinds = ['warning', 'demerit', 'major-demerit', 'demotion', 'pay-cut', 'termination-review', 'fine'] as const;
export type SanctionKind = (typeof sanctionKinds)[number];

/** DIS-5: a sanction stands (active), is under appeal, or was voided with a reason (stays visible). */
export const sanctionStatuses = ['active', 'appealed', 'voided'] as const;
export type SanctionStatus = (typeof sanctionStatuses)[number];

/** Where a sanction came from: typed by the supervisor, or made by closing an attendance month. */
export const sanctionSources = ['manual', 'attendance'] as const;
export type SanctionSource = (typeof sanctionSources)[number];

/** DIS-4: kinds of reward and the rulebook's honour titles. */
export const rewardKinds = ['honour', 'bonus', 'promotion', 'training'] as const;
export type RewardKind = (typeof rewardKinds)[number];
export const honourTitles = ['excellent-employee', 'innovation', 'service-star'] as const;
export type HonourTitle = (typeof honourTitles)[number];

/** DIS-4: recommended → application form → HR review → leadership approval. */
export const rewardStatuses = ['recommended', 'applied', 'reviewed', 'approved', 'rejected', 'voided'] as const;
export type RewardStatus = (typeof rewardStatuses)[number];

/** DIS-2: movements of the 乐捐 fund; in is positive, out negative. */
export const fundEntryKinds = ['fine-paid', 'reward-paid', 'spending', 'adjustment'] as const;
export type FundEntryKind = (typeof fundEntryKinds)[number];

/** PRO-1: the path, lowest first (people's roles are stored highest first). */
export const promotionPath = ['agent', 'leader', 'supervisor', 'manager'] as const;
export type PathRole = (typeof promotionPath)[number];
export const promotionStatuses = ['applied', 'approved', 'rejected', 'withdrawn'] as const;
export type PromotionStatus = (typeof promotionStatuses)[number];

/** PRO-5: what a promotion check looks at. */
export const conditionKeys = ['path', 'cleanRecord', 'appraisal', 'tenure', 'active'] as const;
export type ConditionKey = (typeof conditionKeys)[number];
/** An exception is a skip-level promotion recorded with its justification (PRO-1). */
export const conditionStates = ['met', 'unmet', 'exception'] as const;
export type ConditionState = (typeof conditionStates)[number];

/** The HR flag list: everything the rules say HR must look at. */
export const hrFlagKinds = ['absence-consecutive', 'absence-yearly', 'unqualified-twice', 'termination-review'] as const;
export type HrFlagKind = (typeof hrFlagKinds)[number];
export const hrFlagStatuses = ['open', 'sent', 'closed'] as const;
export type HrFlagStatus = (typeof hrFlagStatuses)[number];

/** Approval steps of rewards (DIS-4) and promotions (PRO-2…4); sanctions keep their appeal steps here too. */
export const approvalSteps = [
  'recommend',
  'apply',
  'nominate',
  'hr-review',
  'hr-assessment',
  'supervisor-approval',
  'superior-approval',
  'leadership-approval',
  'gm-approval',
  'appeal',
  'appeal-decision',
  'withdraw',
  'void',
] as const;
export type ApprovalStep = (typeof approvalSteps)[number];
export const approvalDecisions = ['submitted', 'approved', 'rejected', 'upheld', 'voided', 'withdrawn'] as const;
export type ApprovalDecision = (typeof approvalDecisions)[number];
