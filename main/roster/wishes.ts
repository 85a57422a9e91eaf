import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getPerson } from '../people/service.ts';
import { findShiftType } from './shifts.ts';
import { monthBounds } from './month.ts';

// Wishes to work (on) or not to work (off) a shift, or any shift, on a date: planning input the
// auto-scheduler weighs. A wish is a working row, so removing one deletes it (the audit keeps it).

export interface Wish {
  id: number;
  personId: number;
  date: string;
  shiftTypeId: number | null;
  kind: 'on' | 'off';
  weight: number;
  note: string | null;
}

const select = `select id, person_id as personId, date, shift_type_id as shiftTypeId, kind, weight, note from roster_wishes`;

export function listWishes(ctx: Ctx, month: string): Wish[] {
  const { from, to } = monthBounds(month);
  return statement(ctx.store.sqlite, `${select} where date between ? and ? order by date, person_id, id`).all(from, to) as Wish[];
}

/** One wish per person, date and shift: saving again replaces it. */
export function saveWish(ctx: Ctx, input: Omit<Wish, 'id'>): { id: number } {
  const person = getPerson(ctx, input.personId);
  if (input.date < person.hireDate || (person.leftOn !== null && input.date > person.leftOn)) {
    const message = t('roster.wishes.notEmployed', { name: person.name, date: input.date });
    throw new AppError('VALIDATION', message, [{ path: 'date', message }]);
  }
  if (input.shiftTypeId !== null && !findShiftType(ctx, input.shiftTypeId)) {
    const message = t('roster.shifts.notFound', { id: input.shiftTypeId });
    throw new AppError('NOT_FOUND', message, [{ path: 'shiftTypeId', message }]);
  }
  return audited(ctx, (audit) => {
    const before = statement(ctx.store.sqlite, `${select} where person_id = ? and date = ? and shift_type_id is ?`).get(
      input.personId,
      input.date,
      input.shiftTypeId,
    ) as Wish | undefined;
    let id: number;
    if (before) {
      id = before.id;
      statement(ctx.store.sqlite, 'update roster_wishes set kind = ?, weight = ?, note = ? where id = ?').run(
        input.kind,
        input.weight,
        input.note,
        id,
      );
    } else {
      id = Number(
        statement(
          ctx.store.sqlite,
          'insert into roster_wishes (person_id, date, shift_type_id, kind, weight, note, created_at) values (?, ?, ?, ?, ?, ?, ?)',
        ).run(input.personId, input.date, input.shiftTypeId, input.kind, input.weight, input.note, nowIso()).lastInsertRowid,
      );
    }
    audit({ action: before ? 'update' : 'create', entity: 'wish', entityId: id, before, after: { ...input, id } });
    return { id };
  });
}

export function removeWish(ctx: Ctx, id: number): { id: number } {
  return audited(ctx, (audit) => {
    const before = statement(ctx.store.sqlite, `${select} where id = ?`).get(id) as Wish | undefined;
    if (!before) {
      const message = t('roster.wishes.notFound', { id });
      throw new AppError('NOT_FOUND', message, [{ path: 'id', message }]);
    }
    statement(ctx.store.sqlite, 'delete from roster_wishes where id = ?').run(id);
    audit({ action: 'delete', entity: 'wish', entityId: id, before });
    return { id };
  });
}
