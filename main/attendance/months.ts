import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { buildSheet, monthRecord } from './sheet.ts';
import { localNow } from './evaluate.ts';
import { consequencesOf, notifyClosed, notifyReopened } from './events.ts';
import { packDay } from './rules/storage.ts';
import { monthBounds } from '../roster/month.ts';

// A closed attendance month is what HR was paid from: nothing that would change it (punches,
// resolutions, leave, overtime on its days) may be written until the month is reopened.

export function isMonthClosed(ctx: Ctx, month: string): boolean {
  return monthRecord(ctx, month).status === 'closed';
}

/** The closed months among those touched by a range of dates. */
export function closedMonthsBetween(ctx: Ctx, from: string, to: string): string[] {
  return (
    statement(ctx.store.sqlite, "select month from attendance_months where status = 'closed' and month between ? and ? order by month").all(
      from.slice(0, 7),
      to.slice(0, 7),
    ) as Array<{ month: string }>
  ).map((r) => r.month);
}

export function assertMonthsOpen(ctx: Ctx, from: string, to: string, path: string): void {
  const closed = closedMonthsBetween(ctx, from, to);
  if (closed.length === 0) return;
  const message = t('attendance.errors.monthClosed', { months: closed.join(t('common.listSeparator')) });
  throw new AppError('CONFLICT', message, [{ path, message }]);
}

// ---- closing and reopening ----

/**
 * Closes a month for the whole department: refused while anomalies are open (ATT-7), a group's
 * roster is unpublished (ROS-7) or a shift is not over; otherwise every person-day is stored as
 * judged, so later changes of settings or rosters never rewrite what HR was paid from.
 */
export function closeMonth(ctx: Ctx, month: string, now = localNow()): { month: string; days: number; closedAt: string } {
  return audited(ctx, (audit) => {
    const { sheet, days } = buildSheet(ctx, month, null, now);
    if (sheet.closeBlockers.length > 0) {
      const details = [
        ...sheet.closeBlockers.map((message) => ({ path: 'month', message })),
        ...sheet.anomalies.slice(0, 50).map((a) => ({ path: 'anomalies', message: `${a.name} ${a.message}` })),
      ];
      throw new AppError('RULE_VIOLATION', sheet.closeBlockers.join(t('common.sentenceSeparator')), details);
    }
    const closedAt = nowIso();
    const insert = statement(
      ctx.store.sqlite,
      `insert into attendance_days (month, person_id, date, status, detail) values (?, ?, ?, ?, ?)
       on conflict(person_id, date) do update set month = excluded.month, status = excluded.status, detail = excluded.detail`,
    );
    let count = 0;
    for (const [personId, list] of days) {
      for (const d of list) {
        if (d.marks.includes('none')) continue;
        insert.run(month, personId, d.date, d.marks.join('+'), packDay(d));
        count++;
      }
    }
    statement(
      ctx.store.sqlite,
      `insert into attendance_months (month, status, closed_at, closed_by, updated_at) values (?, 'closed', ?, ?, ?)
       on conflict(month) do update set status = 'closed', closed_at = excluded.closed_at, closed_by = excluded.closed_by, updated_at = excluded.updated_at`,
    ).run(month, closedAt, ctx.actor.name, closedAt);
    const people = sheet.people.map((p) => consequencesOf(p, days.get(p.personId) ?? []));
    audit({
      action: 'close',
      entity: 'attendanceMonth',
      entityId: month,
      after: {
        days: count,
        people: sheet.people.length,
        absenceDays: sheet.people.reduce((s, p) => s + p.totals.absenceDays, 0),
        fineFen: sheet.people.reduce((s, p) => s + p.totals.fineFen, 0),
        flags: sheet.flags.length,
      },
    });
    notifyClosed(ctx, { month, closedAt, closedBy: ctx.actor.name, people, flags: sheet.flags }, audit);
    return { month, days: count, closedAt };
  });
}

/** Reopens a closed month for corrections; the stored days go (the audit keeps the reason and the count). */
export function reopenMonth(ctx: Ctx, month: string, reason: string): { month: string } {
  return audited(ctx, (audit) => {
    if (!isMonthClosed(ctx, month)) {
      const message = t('attendance.close.notClosed', { month });
      throw new AppError('RULE_VIOLATION', message, [{ path: 'month', message }]);
    }
    const { from, to } = monthBounds(month);
    const removed = statement(ctx.store.sqlite, 'delete from attendance_days where date between ? and ?').run(from, to).changes;
    statement(ctx.store.sqlite, "update attendance_months set status = 'open', updated_at = ? where month = ?").run(nowIso(), month);
    audit({
      action: 'reopen',
      entity: 'attendanceMonth',
      entityId: month,
      before: { status: 'closed', days: removed },
      after: { status: 'open', reason },
    });
    notifyReopened(ctx, { month, reason }, audit);
    return { month };
  });
}
