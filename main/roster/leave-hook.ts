import type { Ctx } from '../app/context.ts';

/** One day of approved leave as the roster sees it (LEV-5). */
export interface LeaveDay {
  personId: number;
  date: string;
  /** The leave type's code (annual, sick, …), for colours. */
  kind: string;
  /** What the grid shows in the cell, in the user's language (年假, 病假, …). */
  label: string;
}

/**
 * Approved leave between two dates (inclusive), one entry per person and day. Leave does not
 * exist yet: the leave area fills this in with one query over its approved requests. The month
 * grid (the month channel), the rule checks (coverage does not count a person on leave, a shift
 * on a leave day is a break), swap checks and the auto-scheduler (fixed days off) all read it
 * through here, so nothing else changes when leave arrives.
 */
export function leaveBetween(_ctx: Ctx, _from: string, _to: string): LeaveDay[] {
  return [];
}
