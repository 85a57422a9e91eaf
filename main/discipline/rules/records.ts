import type { RewardStatus, SanctionStatus } from '../vocabulary.ts';

// DIS-5 and DIS-4: what may happen next to a sanction or a reward.

export type SanctionAction = 'appeal' | 'uphold' | 'void';

/** DIS-5: appeal a standing sanction; decide an appeal (upheld or voided); void one that is not voided. */
export function sanctionTransition(status: SanctionStatus, action: SanctionAction): SanctionStatus | null {
  if (action === 'appeal') return status === 'active' ? 'appealed' : null;
  if (action === 'uphold') return status === 'appealed' ? 'active' : null;
  return status === 'voided' ? null : 'voided';
}

export type RewardAction = 'apply' | 'review' | 'approve' | 'void';

/**
 * DIS-4: recommended → the application form is filled (applied) → HR review (reviewed, or
 * rejected) → leadership approval (approved, or rejected). A reward can be voided unless it is
 * already rejected or voided.
 */
export function rewardTransition(status: RewardStatus, action: RewardAction, approve = true): RewardStatus | null {
  if (action === 'apply') return status === 'recommended' ? 'applied' : null;
  if (action === 'review') return status === 'applied' ? (approve ? 'reviewed' : 'rejected') : null;
  if (action === 'approve') return status === 'reviewed' ? (approve ? 'approved' : 'rejected') : null;
  return status === 'rejected' || status === 'voided' ? null : 'voided';
}

/** The fields of a closing attendance month that discipline turns into sanctions (ATT-2…5, ATT-7). */
export interface AttendancePersonMonth {
  personId: number;
  /** ATT-2: each late arrival or early leave within the fine tier, with its fine. */
  fines: ReadonlyArray<{ date: string; kind: 'late' | 'early'; minutes: number; fineFen: number }>;
  /** ATT-3, ATT-4, ATT-7: each day of absence with its ATT-5 deduction (null without a daily wage). */
  absences: ReadonlyArray<{
    date: string;
    days: number;
    deductionFen: number | null;
    reason: 'noPunch' | 'late' | 'early' | 'missingPunch';
  }>;
}

export interface AttendanceBreach {
  personId: number;
  date: string;
  code: 'ATT-2' | 'ATT-3' | 'ATT-4' | 'ATT-7';
  /** The fine (ATT-2) or the wage deduction of the absence (ATT-5). */
  amountFen: number | null;
  /** Unique per person, day and breach: the same day can never be counted twice. */
  sourceKey: string;
  detail: { kind: 'late' | 'early' | 'absence'; minutes?: number; days?: number; reason?: string };
}

/** ATT-2…5, ATT-7: one breach per fine and one per day of absence, each with its source key. */
export function attendanceBreaches(person: AttendancePersonMonth): AttendanceBreach[] {
  const out: AttendanceBreach[] = [];
  for (const f of person.fines) {
    out.push({
      personId: person.personId,
      date: f.date,
      code: 'ATT-2',
      amountFen: f.fineFen,
      sourceKey: `attendance:${person.personId}:${f.date}:${f.kind}`,
      detail: { kind: f.kind, minutes: f.minutes },
    });
  }
  for (const a of person.absences) {
    const code = a.reason === 'noPunch' || a.reason === 'missingPunch' ? 'ATT-7' : a.days < 1 ? 'ATT-3' : 'ATT-4';
    out.push({
      personId: person.personId,
      date: a.date,
      code,
      amountFen: a.deductionFen,
      sourceKey: `attendance:${person.personId}:${a.date}:absence`,
      detail: { kind: 'absence', days: a.days, reason: a.reason },
    });
  }
  return out;
}
