import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import { getGroup } from '../people/service.ts';
import type { CoverageRow } from './contract.ts';
import { findShiftType } from './shifts.ts';

// ROS-1: the minimum people per shift for a group or the department (groupId null), by weekday
// or for one date, optionally per function.

export type StoredCoverageRow = CoverageRow & { id: number };

const select = `select c.id, c.shift_type_id as shiftTypeId, c.weekday, c.on_date as onDate, c.function, c.min_people as minPeople
  from coverage c join shift_types s on s.id = c.shift_type_id where c.group_id is ?`;

export function listCoverage(ctx: Ctx, groupId: number | null): StoredCoverageRow[] {
  return statement(
    ctx.store.sqlite,
    `${select} order by s.sort_order, s.id, c.on_date is not null, c.weekday, c.on_date, c.function, c.id`,
  ).all(groupId) as StoredCoverageRow[];
}

/** Replaces the scope's requirements as a whole: every row is checked first, then all are written. */
export function saveCoverage(ctx: Ctx, groupId: number | null, rows: CoverageRow[]): StoredCoverageRow[] {
  if (groupId !== null) getGroup(ctx, groupId);
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    if ((row.weekday === null) === (row.onDate === null)) {
      problems.push({ path: `rows.${i}.weekday`, message: t('roster.coverage.whenRequired') });
    }
    const shift = findShiftType(ctx, row.shiftTypeId);
    if (!shift) problems.push({ path: `rows.${i}.shiftTypeId`, message: t('roster.coverage.shiftUnknown', { id: row.shiftTypeId }) });
    else if (shift.archivedOn)
      problems.push({ path: `rows.${i}.shiftTypeId`, message: t('roster.coverage.shiftArchived', { name: shift.name }) });
    const key = `${row.shiftTypeId}|${row.weekday ?? ''}|${row.onDate ?? ''}|${row.function ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push({ path: `rows.${i}`, message: t('roster.coverage.duplicate', { row: earlier + 1 }) });
    else seen.set(key, i);
  });
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      `${t('errors.validation')} ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join(t('common.sentenceSeparator'))}`,
      problems,
    );
  }
  return audited(ctx, (audit) => {
    const before = listCoverage(ctx, groupId);
    statement(ctx.store.sqlite, 'delete from coverage where group_id is ?').run(groupId);
    const insert = statement(
      ctx.store.sqlite,
      'insert into coverage (group_id, shift_type_id, weekday, on_date, function, min_people, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    const at = nowIso();
    for (const r of rows) insert.run(groupId, r.shiftTypeId, r.weekday, r.onDate, r.function, r.minPeople, at);
    const after = listCoverage(ctx, groupId);
    audit({ action: 'replace', entity: 'coverage', entityId: groupId ?? 'department', before, after });
    return after;
  });
}

/**
 * The requirement in force per date and shift over a period: the scope's weekday rows, replaced
 * for a date and shift by that date's own rows when it has any. A group uses its own rows only.
 */
export function requirementsBetween(
  ctx: Ctx,
  groupId: number | null,
  dates: ReadonlyArray<{ date: string; weekday: number }>,
): Array<{ date: string; shiftTypeId: number; function: string | null; minPeople: number }> {
  const rows = listCoverage(ctx, groupId);
  const byWeekday = new Map<number, StoredCoverageRow[]>();
  const byDate = new Map<string, StoredCoverageRow[]>();
  for (const r of rows) {
    if (r.onDate !== null) byDate.set(r.onDate, [...(byDate.get(r.onDate) ?? []), r]);
    else byWeekday.set(r.weekday!, [...(byWeekday.get(r.weekday!) ?? []), r]);
  }
  const out: Array<{ date: string; shiftTypeId: number; function: string | null; minPeople: number }> = [];
  for (const { date, weekday } of dates) {
    const overrides = byDate.get(date) ?? [];
    const overridden = new Set(overrides.map((r) => r.shiftTypeId));
    for (const r of [...(byWeekday.get(weekday) ?? []).filter((r) => !overridden.has(r.shiftTypeId)), ...overrides]) {
      out.push({ date, shiftTypeId: r.shiftTypeId, function: r.function, minPeople: r.minPeople });
    }
  }
  return out;
}
