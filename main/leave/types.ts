import type { Ctx } from '../app/context.ts';
import { nowIso, localToday } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getSetting } from '../settings/service.ts';
import type { z } from 'zod';
import type { LeaveType, leaveTypeInput, maternityOptions } from './contract.ts';
import { defaultLeaveCodes, isDefaultLeaveCode, type DefaultLeaveCode, type Entitlement } from './vocabulary.ts';
import { maternityDays, paternityDays } from './rules/entitlement.ts';

// LEV-1…4: the kinds of leave. A new data file gets the eight the rulebooks and the law name;
// the supervisor can change whether each is paid, needs evidence, has a cap or may go over its
// balance, and add the company's own kinds. Nothing is deleted: a kind no longer used is archived.

interface TypeRow {
  id: number;
  code: string;
  name: string;
  paid: number;
  evidenceRequired: number;
  entitlement: Entitlement;
  yearlyCapDays: number | null;
  allowOverBalance: number;
  countsCalendarDays: number;
  sortOrder: number;
  archivedOn: string | null;
}

const defaults: Record<
  DefaultLeaveCode,
  { name: string; paid: boolean; evidence: boolean; entitlement: Entitlement; calendarDays: boolean; overBalance: boolean }
> = {
  annual: { name: '年假', paid: true, evidence: false, entitlement: 'annual', calendarDays: false, overBalance: false },
  sick: { name: '病假', paid: true, evidence: true, entitlement: 'none', calendarDays: false, overBalance: true },
  personal: { name: '事假', paid: false, evidence: false, entitlement: 'cap', calendarDays: false, overBalance: false },
  marriage: { name: '婚假', paid: true, evidence: true, entitlement: 'event', calendarDays: false, overBalance: false },
  maternity: { name: '产假', paid: true, evidence: true, entitlement: 'event', calendarDays: true, overBalance: false },
  paternity: { name: '陪产假', paid: true, evidence: true, entitlement: 'event', calendarDays: true, overBalance: false },
  bereavement: { name: '丧假', paid: true, evidence: true, entitlement: 'event', calendarDays: false, overBalance: false },
  lieu: { name: '调休', paid: true, evidence: false, entitlement: 'lieu', calendarDays: false, overBalance: false },
};

const select = `select id, code, name, paid, evidence_required as evidenceRequired, entitlement, yearly_cap_days as yearlyCapDays,
  allow_over_balance as allowOverBalance, counts_calendar_days as countsCalendarDays, sort_order as sortOrder, archived_on as archivedOn
  from leave_types`;

/** The data file gets the default kinds of leave the first time leave is used. */
export function ensureLeaveTypes(ctx: Ctx): void {
  const present = new Set(
    (statement(ctx.store.sqlite, 'select code from leave_types').all() as Array<{ code: string }>).map((r) => r.code),
  );
  const missing = defaultLeaveCodes.filter((c) => !present.has(c));
  if (missing.length === 0) return;
  audited(ctx, (audit) => {
    const insert = statement(
      ctx.store.sqlite,
      `insert into leave_types (code, name, paid, evidence_required, entitlement, yearly_cap_days, allow_over_balance,
         counts_calendar_days, sort_order, created_at) values (?, ?, ?, ?, ?, null, ?, ?, ?, ?)`,
    );
    for (const code of missing) {
      const d = defaults[code];
      const sortOrder = defaultLeaveCodes.indexOf(code) + 1;
      const row = insert.run(code, d.name, +d.paid, +d.evidence, d.entitlement, +d.overBalance, +d.calendarDays, sortOrder, nowIso());
      audit({ action: 'create', entity: 'leaveType', entityId: Number(row.lastInsertRowid), after: { code, ...d } });
    }
  });
}

export function typeLabel(code: string, name: string): string {
  // A default kind keeps its translated name unless the supervisor renamed it.
  return isDefaultLeaveCode(code) && name === defaults[code].name ? t(`leave.types.${code}`) : name;
}

export function typeSymbol(code: string, name: string): string {
  return isDefaultLeaveCode(code) ? t(`leave.symbols.${code}`) : name.slice(0, 1);
}

function toType(ctx: Ctx, row: TypeRow, onDate: string): LeaveType {
  const type: LeaveType = {
    id: row.id,
    code: row.code,
    name: row.name,
    label: typeLabel(row.code, row.name),
    symbol: typeSymbol(row.code, row.name),
    paid: row.paid === 1,
    evidenceRequired: row.evidenceRequired === 1,
    entitlement: row.entitlement,
    yearlyCapDays: row.yearlyCapDays,
    allowOverBalance: row.allowOverBalance === 1,
    countsCalendarDays: row.countsCalendarDays === 1,
    sortOrder: row.sortOrder,
    archivedOn: row.archivedOn,
    eventDays: null,
    capDays: null,
  };
  if (type.entitlement === 'event') type.eventDays = eventAllowance(ctx, type, onDate, null)?.days ?? null;
  if (type.entitlement === 'cap') type.capDays = yearlyCap(ctx, type, onDate);
  return type;
}

export function listLeaveTypes(ctx: Ctx, onDate = localToday()): LeaveType[] {
  ensureLeaveTypes(ctx);
  return (statement(ctx.store.sqlite, `${select} order by archived_on is not null, sort_order, id`).all() as TypeRow[]).map((r) =>
    toType(ctx, r, onDate),
  );
}

export function getLeaveType(ctx: Ctx, id: number, path = 'leaveTypeId'): LeaveType {
  ensureLeaveTypes(ctx);
  const row = statement(ctx.store.sqlite, `${select} where id = ?`).get(id) as TypeRow | undefined;
  if (!row) {
    const message = t('leave.errors.typeNotFound', { id });
    throw new AppError('NOT_FOUND', message, [{ path, message }]);
  }
  return toType(ctx, row, localToday());
}

/**
 * LEV-2: the yearly cap of a 'cap' kind: its own number, or for personal leave the setting in
 * force on the date.
 */
export function yearlyCap(ctx: Ctx, type: Pick<LeaveType, 'code' | 'yearlyCapDays'>, onDate: string): number {
  if (type.yearlyCapDays !== null) return type.yearlyCapDays;
  return type.code === 'personal' ? getSetting(ctx, 'leave.personalLeaveCapDays', onDate) : 0;
}

/** LEV-4: the days one occasion of an event kind grants, and how they add up, under the settings in force. */
export function eventAllowance(
  ctx: Ctx,
  type: Pick<LeaveType, 'code' | 'yearlyCapDays'>,
  onDate: string,
  maternity: z.output<typeof maternityOptions> | null | undefined,
): { days: number; text: string } | null {
  const province = getSetting(ctx, 'leave.province', onDate) as Parameters<typeof paternityDays>[0];
  const provinceName = t(`provinces.${province}`);
  switch (type.code) {
    case 'marriage': {
      const days = getSetting(ctx, 'leave.marriageDays', onDate);
      return { days, text: t('leave.allowance.marriage', { days }) };
    }
    case 'bereavement': {
      const days = getSetting(ctx, 'leave.bereavementDays', onDate);
      return { days, text: t('leave.allowance.bereavement', { days }) };
    }
    case 'paternity': {
      const days = paternityDays(province);
      return { days, text: t('leave.allowance.paternity', { days, province: provinceName }) };
    }
    case 'maternity': {
      const result = maternityDays(
        {
          baseDays: getSetting(ctx, 'leave.maternityDays', onDate),
          difficultExtraDays: getSetting(ctx, 'leave.maternityDifficultExtraDays', onDate),
          extraBabyDays: getSetting(ctx, 'leave.maternityExtraBabyDays', onDate),
          province,
        },
        maternity ?? { difficultBirth: false, extraBabies: 0, laterChild: false },
      );
      const parts = result.parts.map((p) => t(`leave.allowance.maternityParts.${p.key}`, { days: p.days, province: provinceName }));
      return { days: result.days, text: t('leave.allowance.maternity', { days: result.days, parts: parts.join(' + ') }) };
    }
    default:
      // A custom event kind grants its own number of days per occasion.
      return type.yearlyCapDays === null
        ? null
        : { days: type.yearlyCapDays, text: t('leave.allowance.custom', { days: type.yearlyCapDays }) };
  }
}

export function saveLeaveType(ctx: Ctx, input: z.output<typeof leaveTypeInput>): LeaveType {
  ensureLeaveTypes(ctx);
  return audited(ctx, (audit) => {
    const before = input.id === undefined ? undefined : getLeaveType(ctx, input.id, 'id');
    if (before && isDefaultLeaveCode(before.code) && before.entitlement !== input.entitlement) {
      // The built-in kinds keep the rule the law gives them; a company rule is a new kind.
      const message = t('leave.errors.defaultEntitlement', { name: before.label });
      throw new AppError('RULE_VIOLATION', message, [{ path: 'entitlement', message }]);
    }
    if (
      (input.entitlement === 'cap' || input.entitlement === 'event') &&
      input.yearlyCapDays === null &&
      !(before && isDefaultLeaveCode(before.code))
    ) {
      const message = t('leave.errors.capRequired');
      throw new AppError('VALIDATION', message, [{ path: 'yearlyCapDays', message }]);
    }
    const clash = statement(ctx.store.sqlite, 'select id from leave_types where name = ? and id <> ?').get(input.name, input.id ?? -1);
    if (clash) {
      const message = t('leave.errors.nameTaken', { name: input.name });
      throw new AppError('CONFLICT', message, [{ path: 'name', message }]);
    }
    const archivedOn = input.archived ? (before?.archivedOn ?? localToday()) : null;
    let id = input.id;
    if (id === undefined) {
      id = Number(
        statement(
          ctx.store.sqlite,
          `insert into leave_types (code, name, paid, evidence_required, entitlement, yearly_cap_days, allow_over_balance,
             counts_calendar_days, sort_order, archived_on, created_at)
           values ('custom-' || (select coalesce(max(id), 0) + 1 from leave_types), ?, ?, ?, ?, ?, ?, ?,
                   (select coalesce(max(sort_order), 0) + 1 from leave_types), ?, ?)`,
        ).run(
          input.name,
          +input.paid,
          +input.evidenceRequired,
          input.entitlement,
          input.yearlyCapDays,
          +input.allowOverBalance,
          +input.countsCalendarDays,
          archivedOn,
          nowIso(),
        ).lastInsertRowid,
      );
    } else {
      statement(
        ctx.store.sqlite,
        `update leave_types set name = ?, paid = ?, evidence_required = ?, entitlement = ?, yearly_cap_days = ?, allow_over_balance = ?,
           counts_calendar_days = ?, archived_on = ? where id = ?`,
      ).run(
        input.name,
        +input.paid,
        +input.evidenceRequired,
        input.entitlement,
        input.yearlyCapDays,
        +input.allowOverBalance,
        +input.countsCalendarDays,
        archivedOn,
        id,
      );
    }
    const after = getLeaveType(ctx, id);
    audit({ action: before ? 'update' : 'create', entity: 'leaveType', entityId: id, before, after });
    return after;
  });
}
