import type { Ctx } from '../app/context.ts';
import { nowIso, localToday } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import type { ShiftType } from './contract.ts';
import { shiftTypeProblems } from './rules/shift-type.ts';

// ROS-3: shift types. Never deleted: an archived type stays readable in old rosters.

type ShiftTypeInput = Omit<ShiftType, 'id' | 'sortOrder' | 'archivedOn'> & { id?: number };

interface ShiftRow {
  id: number;
  code: string;
  name: string;
  color: string;
  startMinute: number;
  endMinute: number;
  paidMinutes: number;
  breakMinutes: number;
  functions: string | null;
  sortOrder: number;
  archivedOn: string | null;
}

const select = `select id, code, name, color, start_minute as startMinute, end_minute as endMinute, paid_minutes as paidMinutes,
  break_minutes as breakMinutes, functions, sort_order as sortOrder, archived_on as archivedOn from shift_types`;

function toShiftType(row: ShiftRow): ShiftType {
  return { ...row, functions: row.functions === null ? null : (JSON.parse(row.functions) as ShiftType['functions']) };
}

/** In use first (by sort order), archived ones after them. */
export function listShiftTypes(ctx: Ctx): ShiftType[] {
  return (statement(ctx.store.sqlite, `${select} order by archived_on is not null, sort_order, id`).all() as ShiftRow[]).map(toShiftType);
}

export function findShiftType(ctx: Ctx, id: number): ShiftType | undefined {
  const row = statement(ctx.store.sqlite, `${select} where id = ?`).get(id) as ShiftRow | undefined;
  return row && toShiftType(row);
}

export function getShiftType(ctx: Ctx, id: number): ShiftType {
  const found = findShiftType(ctx, id);
  if (!found) {
    const message = t('roster.shifts.notFound', { id });
    throw new AppError('NOT_FOUND', message, [{ path: 'id', message }]);
  }
  return found;
}

export function saveShiftType(ctx: Ctx, input: ShiftTypeInput): ShiftType {
  const problems = shiftTypeProblems(input).map((p) => ({ path: p.path, message: t(p.key, p.params) }));
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `${t('errors.validation')} ${problems.map((p) => p.message).join(t('common.sentenceSeparator'))}`, problems);
  }
  return audited(ctx, (audit) => {
    const before = input.id === undefined ? undefined : getShiftType(ctx, input.id);
    const holder = statement(ctx.store.sqlite, 'select id, name from shift_types where code = ?').get(input.code) as
      { id: number; name: string } | undefined;
    if (holder && holder.id !== input.id) {
      const message = t('roster.shifts.codeTaken', { code: input.code, name: holder.name });
      throw new AppError('CONFLICT', message, [{ path: 'code', message }]);
    }
    const functions = input.functions === null ? null : JSON.stringify(input.functions);
    let id = input.id;
    if (id === undefined) {
      id = Number(
        statement(
          ctx.store.sqlite,
          `insert into shift_types (code, name, color, start_minute, end_minute, paid_minutes, break_minutes, functions, sort_order, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, (select coalesce(max(sort_order), 0) + 1 from shift_types), ?)`,
        ).run(
          input.code,
          input.name,
          input.color,
          input.startMinute,
          input.endMinute,
          input.paidMinutes,
          input.breakMinutes,
          functions,
          nowIso(),
        ).lastInsertRowid,
      );
    } else {
      statement(
        ctx.store.sqlite,
        `update shift_types set code = ?, name = ?, color = ?, start_minute = ?, end_minute = ?, paid_minutes = ?, break_minutes = ?,
           functions = ? where id = ?`,
      ).run(input.code, input.name, input.color, input.startMinute, input.endMinute, input.paidMinutes, input.breakMinutes, functions, id);
    }
    const after = getShiftType(ctx, id);
    audit({ action: before ? 'update' : 'create', entity: 'shiftType', entityId: id, before, after });
    return after;
  });
}

export function archiveShiftType(ctx: Ctx, id: number): ShiftType {
  return audited(ctx, (audit) => {
    const before = getShiftType(ctx, id);
    if (before.archivedOn) {
      const message = t('roster.shifts.alreadyArchived', { name: before.name, date: before.archivedOn });
      throw new AppError('RULE_VIOLATION', message, [{ path: 'id', message }]);
    }
    statement(ctx.store.sqlite, 'update shift_types set archived_on = ? where id = ?').run(localToday(), id);
    const after = getShiftType(ctx, id);
    audit({ action: 'archive', entity: 'shiftType', entityId: id, before, after });
    return after;
  });
}
