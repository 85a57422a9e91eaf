import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { addDays } from '../time/dates.ts';
import { typeLabel } from '../leave/types.ts';

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
 * Approved leave between two dates (inclusive), one entry per person and day, from one query over
 * the approved requests. The month grid (the month channel), the rule checks (coverage does not
 * count a person on leave, a shift on a leave day is a break), swap checks and the auto-scheduler
 * (fixed days off) all read it through here.
 *
 * Only whole days are returned: on the half day at either end of a request (starting at midday,
 * or ending at midday) the person still works half the shift, so the shift stays on the roster
 * and counts for coverage; the leave screen shows that half day beside the shift.
 */
export function leaveBetween(ctx: Ctx, from: string, to: string): LeaveDay[] {
  const rows = statement(
    ctx.store.sqlite,
    `select r.person_id as personId, r.start_date as startDate, r.start_part as startPart, r.end_date as endDate, r.end_part as endPart,
            t.code, t.name
       from leave_requests r join leave_types t on t.id = r.leave_type_id
      where r.status = 'approved' and r.start_date <= ? and r.end_date >= ?
      order by r.person_id, r.start_date`,
  ).all(to, from) as Array<{
    personId: number;
    startDate: string;
    startPart: string;
    endDate: string;
    endPart: string;
    code: string;
    name: string;
  }>;
  const days: LeaveDay[] = [];
  for (const r of rows) {
    const label = typeLabel(r.code, r.name);
    const first = r.startDate < from ? from : r.startDate;
    const last = r.endDate > to ? to : r.endDate;
    for (let date = first; date <= last; date = addDays(date, 1)) {
      if ((date === r.startDate && r.startPart === 'pm') || (date === r.endDate && r.endPart === 'am')) continue;
      days.push({ personId: r.personId, date, kind: r.code, label });
    }
  }
  return days;
}
