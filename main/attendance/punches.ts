import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { statement, Filters } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getPerson } from '../people/service.ts';
import { dayNumber, dateOfDayNumber } from '../roster/rules/time.ts';
import { assertMayEnterFor } from '../leave/actor.ts';
import type { DayResultView, PunchView } from './contract.ts';
import { assertMonthsOpen } from './months.ts';
import { evaluateRange } from './evaluate.ts';
import type { AnomalyKind, DayResult } from './rules/types.ts';
import { resolutionsOf } from './vocabulary.ts';

// ATT-1, ATT-7, ATT-8: punches entered by hand and corrections, each with its reason and audited;
// a correction voids the old punch (kept, with the reason) and adds the new one. The supervisor's
// resolution of an anomaly is recorded, never inferred.

const select = `select c.id, c.person_id as personId, p.employee_no as employeeNo, p.name, c.at, c.source, c.batch, c.device, c.reason,
    c.voided_at as voidedAt, c.void_reason as voidReason, c.created_at as createdAt, c.created_by as createdBy
  from punches c join people p on p.id = c.person_id`;

export function getPunch(ctx: Ctx, id: number): PunchView {
  const row = statement(ctx.store.sqlite, `${select} where c.id = ?`).get(id) as PunchView | undefined;
  if (!row) {
    const message = t('attendance.errors.punchNotFound', { id });
    throw new AppError('NOT_FOUND', message, [{ path: 'id', message }]);
  }
  return row;
}

const LIST_LIMIT = 20_000;

export function listPunches(
  ctx: Ctx,
  input: { from: string; to: string; personId?: number; groupId?: number | null; includeVoided?: boolean },
): { rows: PunchView[]; truncated: boolean } {
  const filters = new Filters()
    .add('c.at >= ?', input.from)
    .add('c.at < ?', dateOfDayNumber(dayNumber(input.to) + 1))
    .add('c.person_id = ?', input.personId || null)
    .add('p.group_id = ?', input.groupId || null);
  const voided = input.includeVoided ? '' : ' and c.voided_at is null';
  const rows = statement(ctx.store.sqlite, `${select} ${filters.where}${voided} order by c.at, p.employee_no limit ?`).all(
    ...filters.params,
    LIST_LIMIT + 1,
  ) as PunchView[];
  return { rows: rows.slice(0, LIST_LIMIT), truncated: rows.length > LIST_LIMIT };
}

function assertEmployedAt(person: { name: string; hireDate: string; leftOn: string | null }, at: string, path: string): void {
  const date = at.slice(0, 10);
  const lastDay = person.leftOn ? dateOfDayNumber(dayNumber(person.leftOn) + 1) : null;
  if (date < person.hireDate || (lastDay !== null && date > lastDay)) {
    const message = t('attendance.errors.notEmployed', { name: person.name, date });
    throw new AppError('RULE_VIOLATION', message, [{ path, message }]);
  }
}

function insertManual(ctx: Ctx, personId: number, at: string, reason: string, audit: (e: AuditEntry) => void): PunchView {
  const clash = statement(ctx.store.sqlite, 'select id from punches where person_id = ? and at = ? and voided_at is null').get(
    personId,
    at,
  );
  if (clash) {
    const message = t('attendance.errors.punchExists', { at });
    throw new AppError('CONFLICT', message, [{ path: 'at', message }]);
  }
  const id = Number(
    statement(
      ctx.store.sqlite,
      "insert into punches (person_id, at, source, reason, created_at, created_by) values (?, ?, 'manual', ?, ?, ?)",
    ).run(personId, at, reason, nowIso(), ctx.actor.name).lastInsertRowid,
  );
  const added = getPunch(ctx, id);
  audit({ action: 'create', entity: 'punch', entityId: id, after: added });
  return added;
}

export function addPunch(ctx: Ctx, input: { personId: number; at: string; reason: string }): PunchView {
  return audited(ctx, (audit) => {
    const person = getPerson(ctx, input.personId);
    assertMayEnterFor(ctx, person);
    assertEmployedAt(person, input.at, 'at');
    assertMonthsOpen(ctx, input.at, input.at, 'at');
    return insertManual(ctx, input.personId, input.at, input.reason, audit);
  });
}

export function correctPunch(
  ctx: Ctx,
  input: { id: number; at: string | null; reason: string },
): { voided: PunchView; added: PunchView | null } {
  return audited(ctx, (audit) => {
    const before = getPunch(ctx, input.id);
    const person = getPerson(ctx, before.personId);
    assertMayEnterFor(ctx, person, 'id');
    if (before.voidedAt) {
      const message = t('attendance.errors.punchVoided', { at: before.at });
      throw new AppError('CONFLICT', message, [{ path: 'id', message }]);
    }
    assertMonthsOpen(ctx, before.at, before.at, 'id');
    if (input.at) {
      assertEmployedAt(person, input.at, 'at');
      assertMonthsOpen(ctx, input.at, input.at, 'at');
    }
    statement(ctx.store.sqlite, 'update punches set voided_at = ?, void_reason = ? where id = ?').run(nowIso(), input.reason, input.id);
    const voided = getPunch(ctx, input.id);
    audit({ action: 'void', entity: 'punch', entityId: input.id, before, after: voided });
    const added = input.at ? insertManual(ctx, before.personId, input.at, input.reason, audit) : null;
    return { voided, added };
  });
}

/** One person's day judged as the sheet judges it (null when the day is outside their time in a group). */
export function judgeDay(ctx: Ctx, personId: number, date: string): DayResult | null {
  const evaluation = evaluateRange(ctx, { from: date, to: date, groupId: null, personIds: [personId] });
  const day = evaluation.people[0]?.days[0];
  return day && !day.marks.includes('none') ? day : null;
}

export function dayDetail(ctx: Ctx, personId: number, date: string) {
  const person = getPerson(ctx, personId);
  const result = judgeDay(ctx, personId, date) as DayResultView | null;
  // Punches from four hours before the day to midday after it: what a night shift may claim.
  const punches = statement(ctx.store.sqlite, `${select} where c.person_id = ? and c.at >= ? and c.at < ? order by c.at, c.id`).all(
    personId,
    `${dateOfDayNumber(dayNumber(date) - 1)} 20:00:00`,
    `${dateOfDayNumber(dayNumber(date) + 1)} 12:00:00`,
  ) as PunchView[];
  const resolutions = statement(
    ctx.store.sqlite,
    `select id, kind, resolution, note, decided_by as decidedBy, decided_at as decidedAt, voided_at as voidedAt
       from attendance_resolutions where person_id = ? and date = ? order by id`,
  ).all(personId, date) as Array<{
    id: number;
    kind: string;
    resolution: string;
    note: string | null;
    decidedBy: string;
    decidedAt: string;
    voidedAt: string | null;
  }>;
  return { personId, name: person.name, result, punches, resolutions };
}

/**
 * ATT-7: the supervisor resolves an open anomaly. A missing punch is corrected (the missing punch
 * is added with the note as its reason) or counted as absence; punches on a rest day without
 * approved overtime are ignored or counted as overtime (OT-1). A later resolution replaces an
 * earlier one, which stays in the history as voided.
 */
export function resolveAnomaly(
  ctx: Ctx,
  input: {
    personId: number;
    date: string;
    kind: AnomalyKind;
    resolution: string;
    at: string | null;
    note: string;
  },
): { result: DayResultView | null } {
  return audited(ctx, (audit) => {
    const person = getPerson(ctx, input.personId);
    assertMayEnterFor(ctx, person);
    if (!(resolutionsOf[input.kind] as readonly string[]).includes(input.resolution)) {
      const message = t('attendance.errors.resolutionKind', {
        resolution: t(`attendance.resolutions.${input.resolution}`),
        kind: t(`attendance.anomalyKinds.${input.kind}`),
      });
      throw new AppError('VALIDATION', message, [{ path: 'resolution', message }]);
    }
    assertMonthsOpen(ctx, input.date, input.date, 'date');
    const day = judgeDay(ctx, input.personId, input.date);
    if (!day?.anomaly || day.anomaly.kind !== input.kind) {
      const message = t('attendance.errors.noAnomaly', {
        name: person.name,
        date: input.date,
        kind: t(`attendance.anomalyKinds.${input.kind}`),
      });
      throw new AppError('RULE_VIOLATION', message, [{ path: 'date', message }]);
    }
    if (input.resolution === 'corrected') {
      if (!input.at) {
        const message = t('attendance.errors.correctionTime');
        throw new AppError('VALIDATION', message, [{ path: 'at', message }]);
      }
      assertEmployedAt(person, input.at, 'at');
      const window = {
        from: `${dateOfDayNumber(dayNumber(input.date) - 1)} 12:00:00`,
        to: `${dateOfDayNumber(dayNumber(input.date) + 1)} 23:59:59`,
      };
      if (input.at < window.from || input.at > window.to) {
        const message = t('attendance.errors.correctionFar', { date: input.date });
        throw new AppError('VALIDATION', message, [{ path: 'at', message }]);
      }
      insertManual(ctx, input.personId, input.at, input.note, audit);
    }
    if (input.resolution === 'counted' && day.anomaly.punches.length < 2) {
      const message = t('attendance.errors.countNeedsTwo');
      throw new AppError('RULE_VIOLATION', message, [{ path: 'resolution', message }]);
    }
    const at = nowIso();
    statement(
      ctx.store.sqlite,
      'update attendance_resolutions set voided_at = ? where person_id = ? and date = ? and kind = ? and voided_at is null',
    ).run(at, input.personId, input.date, input.kind);
    const id = Number(
      statement(
        ctx.store.sqlite,
        'insert into attendance_resolutions (person_id, date, kind, resolution, note, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?)',
      ).run(input.personId, input.date, input.kind, input.resolution, input.note, ctx.actor.name, at).lastInsertRowid,
    );
    const result = judgeDay(ctx, input.personId, input.date) as DayResultView | null;
    audit({
      action: 'resolve',
      entity: 'attendanceResolution',
      entityId: id,
      before: { anomaly: day.anomaly },
      after: { ...input, marks: result?.marks ?? null },
    });
    return { result };
  });
}
