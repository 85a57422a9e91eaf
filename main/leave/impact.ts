import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { t } from '../i18n/index.ts';
import { monthView, peopleWithStays, stayOn } from '../roster/month.ts';
import { buildGrid } from '../roster/rules/grid.ts';
import { coverageCounts, type RuleInput } from '../roster/rules/index.ts';
import type { LeaveImpact } from './contract.ts';
import type { LeaveDay } from './rules/days.ts';

// ROS-1 and LEV-5: before a supervisor approves leave, what it takes off the roster and what the
// posts look like after. The coverage is counted with the roster's own rule (coverageCounts), on
// the month as the grid loads it, once as it stands and once with the leave added.

interface ShiftCell {
  date: string;
  shiftTypeId: number;
  code: string;
  name: string;
}

function shiftCells(ctx: Ctx, personId: number, from: string, to: string): ShiftCell[] {
  return statement(
    ctx.store.sqlite,
    `select a.date, a.shift_type_id as shiftTypeId, s.code, s.name from assignments a join shift_types s on s.id = a.shift_type_id
      where a.person_id = ? and a.date between ? and ? order by a.date`,
  ).all(personId, from, to) as ShiftCell[];
}

function departmentHasCoverage(ctx: Ctx): boolean {
  return statement(ctx.store.sqlite, 'select 1 from coverage where group_id is null limit 1').get() !== undefined;
}

/**
 * The shifts a leave takes the person off and the coverage of those posts before and after, for
 * the person's group and for the department. A half day keeps the shift (the person works the
 * other half), so it is listed but does not change the counts.
 */
export function leaveImpact(ctx: Ctx, personId: number, days: readonly LeaveDay[]): LeaveImpact {
  const impact: LeaveImpact = { shifts: [], coverage: [], warnings: [] };
  if (days.length === 0) return impact;
  const weightOf = new Map(days.map((d) => [d.date, d.weight]));
  const cells = shiftCells(ctx, personId, days[0]!.date, days[days.length - 1]!.date);
  for (const c of cells) {
    impact.shifts.push({ date: c.date, shiftTypeId: c.shiftTypeId, code: c.code, shiftName: c.name, half: weightOf.get(c.date)! < 1 });
  }
  const whole = cells.filter((c) => weightOf.get(c.date) === 1);
  if (whole.length === 0) return impact;
  const person = peopleWithStays(ctx, [personId]).get(personId)!;
  const months = [...new Set(whole.map((c) => c.date.slice(0, 7)))];
  const scopes: Array<number | null> = [];
  for (const c of whole) {
    const groupId = stayOn(person, c.date)?.groupId ?? null;
    if (groupId !== null && !scopes.includes(groupId)) scopes.push(groupId);
  }
  if (departmentHasCoverage(ctx)) scopes.push(null);
  const groupNames = new Map(
    (statement(ctx.store.sqlite, 'select id, name from groups').all() as Array<{ id: number; name: string }>).map((g) => [g.id, g.name]),
  );
  const posts = new Set(whole.map((c) => `${c.date}|${c.shiftTypeId}`));
  const shiftNames = new Map(whole.map((c) => [c.shiftTypeId, c.name]));
  for (const month of months) {
    for (const scope of scopes) {
      const view = monthView(ctx, month, scope);
      if (!view.people.some((p) => p.id === personId)) continue;
      const added = whole.filter((c) => c.date.startsWith(month)).map((c) => ({ personId, date: c.date }));
      // The same whether the request is pending or already approved (then the view holds it).
      const dates = new Set(added.map((a) => a.date));
      const others = view.leave.filter((l) => l.personId !== personId || !dates.has(l.date));
      const before = coverageCounts(buildGrid({ ...view, leave: others } as RuleInput));
      const after = coverageCounts(buildGrid({ ...view, leave: [...others, ...added] } as RuleInput));
      const scopeName = scope === null ? t('leave.impact.department') : (groupNames.get(scope) ?? '');
      before.forEach((b, i) => {
        if (!posts.has(`${b.date}|${b.shiftTypeId}`)) return;
        const a = after[i]!;
        if (a.planned === b.planned) return;
        const short = a.planned < b.required;
        impact.coverage.push({
          scope: scopeName,
          date: b.date,
          shiftTypeId: b.shiftTypeId,
          shiftName: shiftNames.get(b.shiftTypeId) ?? '',
          function: b.function,
          required: b.required,
          before: b.planned,
          after: a.planned,
          short,
        });
        if (short) {
          impact.warnings.push(
            t('leave.impact.short', {
              scope: scopeName,
              date: b.date,
              shift: shiftNames.get(b.shiftTypeId) ?? '',
              required: b.required,
              before: b.planned,
              after: a.planned,
            }),
          );
        }
      });
    }
  }
  return impact;
}
