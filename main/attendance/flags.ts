import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { getSetting } from '../settings/service.ts';
import { scopePeople } from '../roster/month.ts';
import { dayNumber, dateOfDayNumber } from '../roster/rules/time.ts';
import type { Flag } from './contract.ts';
import { personFlags, resultsBetween } from './sheet.ts';
import { localNow } from './evaluate.ts';

// ATT-6 for a whole year: every run of absence longer than the limit, and every person whose
// absence passes the yearly limit, with the dates as evidence for HR.

export function yearFlags(ctx: Ctx, year: number, now = localNow()): Flag[] {
  const from = `${year}-01-01`;
  const today = now.slice(0, 10);
  const to = `${year}-12-31` < today ? `${year}-12-31` : today;
  if (to < from) return [];
  const maxRun = getSetting(ctx, 'attendance.maxConsecutiveAbsenceDays', to);
  const maxYear = getSetting(ctx, 'attendance.maxYearlyAbsenceDays', to);
  const people = scopePeople(ctx, null, from, to);
  const groupNames = new Map(
    (statement(ctx.store.sqlite, 'select id, name from groups').all() as Array<{ id: number; name: string }>).map((g) => [g.id, g.name]),
  );
  const lookbackFrom = dateOfDayNumber(dayNumber(from) - Math.max(14, 2 * maxRun + 7));
  const results = resultsBetween(ctx, lookbackFrom, to, null, new Set(people.map((p) => p.id)), now);
  const flags: Flag[] = [];
  for (const p of people) {
    const days = results.get(p.id) ?? [];
    const groupName = p.groupId === null ? null : (groupNames.get(p.groupId) ?? null);
    flags.push(
      ...personFlags(
        { personId: p.id, employeeNo: p.employeeNo, name: p.name, groupName },
        { runDays: days, yearDays: days.filter((d) => d.date >= from) },
        { from, maxRun, maxYear, year },
      ),
    );
  }
  return flags;
}
