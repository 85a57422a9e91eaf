import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';

// Who may do what with leave and overtime: a group leader enters requests for the people of their
// own group; decisions belong to the supervisor (or the manager), as the rulebooks say (LEV-5, OT-1).

/** The group of the acting group leader; null when the supervisor (or a manager) is acting. */
export function actingLeaderGroup(ctx: Ctx): number | null {
  const personId = /^person:(\d+)$/.exec(ctx.actor.id)?.[1];
  if (!personId) return null;
  const row = statement(ctx.store.sqlite, 'select role, group_id as groupId from people where id = ?').get(Number(personId)) as
    { role: string; groupId: number | null } | undefined;
  return row?.role === 'leader' ? row.groupId : null;
}

/** A group leader may act only for the people of their own group. */
export function assertMayEnterFor(ctx: Ctx, person: { name: string; groupId: number | null }, path = 'personId'): void {
  const own = actingLeaderGroup(ctx);
  if (own !== null && person.groupId !== own) {
    const message = t('leave.errors.notYourGroup', { name: person.name });
    throw new AppError('RULE_VIOLATION', message, [{ path, message }]);
  }
}

/** Approving and rejecting is the supervisor's (LEV-5, OT-1), not a group leader's. */
export function assertMayDecide(ctx: Ctx, path = 'approve'): void {
  if (actingLeaderGroup(ctx) !== null) {
    const message = t('leave.errors.leaderCannotDecide');
    throw new AppError('RULE_VIOLATION', message, [{ path, message }]);
  }
}
