import type { TOptions } from 'i18next';
import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getGroup } from '../people/service.ts';
import type { RosterIssue } from './contract.ts';
import { monthView } from './month.ts';
import { checkRoster, type Translate } from './rules/index.ts';

// ROS-7: a month is drafted, checked, then published; publishing over open issues is a
// conscious choice that is stored with the issues and the note.

export const translate: Translate = (key, params) => t(key, params as TOptions);

/** Every rule break of the month for the group or the department, as the grid shows them. */
export function checkMonth(ctx: Ctx, month: string, groupId: number | null): RosterIssue[] {
  return checkRoster(monthView(ctx, month, groupId), translate);
}

export function publishMonth(
  ctx: Ctx,
  input: { month: string; groupId: number; acknowledgeIssues: boolean; note: string | null },
): { publishedAt: string; issues: RosterIssue[] } {
  const group = getGroup(ctx, input.groupId);
  return audited(ctx, (audit) => {
    const existing = statement(ctx.store.sqlite, 'select * from roster_months where group_id = ? and month = ?').get(
      input.groupId,
      input.month,
    ) as { status: string; published_at: string | null } | undefined;
    if (existing?.status === 'published') {
      const message = t('roster.publish.alreadyPublished', { month: input.month, group: group.name, at: existing.published_at });
      throw new AppError('RULE_VIOLATION', message, [{ path: 'month', message }]);
    }
    const issues = checkMonth(ctx, input.month, input.groupId);
    if (issues.length > 0 && !input.acknowledgeIssues) {
      throw new AppError(
        'RULE_VIOLATION',
        t('roster.publish.hasIssues', { month: input.month, group: group.name, count: issues.length }),
        issues.map((issue) => ({ path: 'issues', message: issue.message })),
      );
    }
    const publishedAt = nowIso();
    statement(
      ctx.store.sqlite,
      `insert into roster_months (group_id, month, status, published_at, published_by, published_with_issues, publish_note, updated_at)
       values (?, ?, 'published', ?, ?, ?, ?, ?)
       on conflict(group_id, month) do update set status = 'published', published_at = excluded.published_at,
         published_by = excluded.published_by, published_with_issues = excluded.published_with_issues,
         publish_note = excluded.publish_note, updated_at = excluded.updated_at`,
    ).run(
      input.groupId,
      input.month,
      publishedAt,
      ctx.actor.name,
      issues.length > 0 ? JSON.stringify(issues) : null,
      input.note,
      publishedAt,
    );
    audit({
      action: 'publish',
      entity: 'rosterMonth',
      entityId: `${input.groupId}:${input.month}`,
      before: existing ?? null,
      after: { status: 'published', publishedAt, publishedWithIssues: issues, publishNote: input.note },
    });
    return { publishedAt, issues };
  });
}
