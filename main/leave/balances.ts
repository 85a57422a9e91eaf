import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { statement, Filters } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getPerson } from '../people/service.ts';
import { getSetting } from '../settings/service.ts';
import type { BalanceView, LeaveType } from './contract.ts';
import { listLeaveTypes, getLeaveType, yearlyCap, eventAllowance } from './types.ts';
import { annualEntitlement } from './rules/entitlement.ts';
import { balanceOf, type LedgerLine } from './rules/balance.ts';
import { assertMayEnterFor } from './actor.ts';

// LEV-1…4: balances per person and year. Everything for a year is read in a handful of queries
// (people, requests, adjustments, earned time off in lieu) and reckoned in memory, so the
// department's 300 balances come in one pass.

interface PersonRow {
  id: number;
  employeeNo: string;
  name: string;
  groupId: number | null;
  groupName: string | null;
  hireDate: string;
  firstEmploymentDate: string;
  leftOn: string | null;
}

interface RequestRow {
  id: number;
  personId: number;
  leaveTypeId: number;
  startDate: string;
  endDate: string;
  days: number;
  status: string;
}

export interface YearBalances {
  person: PersonRow;
  balances: Array<BalanceView>;
}

function byPerson<T extends { personId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    let list = map.get(r.personId);
    if (!list) map.set(r.personId, (list = []));
    list.push(r);
  }
  return map;
}

/**
 * Balances of every kind of leave for the people employed in a year (or the listed people).
 * `excludeRequestId` leaves one request out, so approving it is checked against the rest.
 */
export function computeBalances(
  ctx: Ctx,
  year: number,
  options: { personIds?: number[]; groupId?: number | null; withLines?: boolean; excludeRequestId?: number } = {},
): YearBalances[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const types = listLeaveTypes(ctx, to).filter((ty) => ty.archivedOn === null || ty.archivedOn >= from);
  const scope = new Filters()
    .add('p.hire_date <= ?', to)
    .add('(p.left_on is null or p.left_on >= ?)', from)
    .add('p.id in (select value from json_each(?))', options.personIds ? JSON.stringify(options.personIds) : null)
    .add('p.group_id = ?', options.groupId);
  const people = statement(
    ctx.store.sqlite,
    `select p.id, p.employee_no as employeeNo, p.name, p.group_id as groupId, g.name as groupName, p.hire_date as hireDate,
            p.first_employment_date as firstEmploymentDate, p.left_on as leftOn
       from people p left join groups g on g.id = p.group_id
      ${scope.where} order by g.sort_order, p.group_id, p.employee_no`,
  ).all(...scope.params) as PersonRow[];
  // For listed people or a group, only their rows are read; for the department, every row.
  const scoped = options.personIds !== undefined || (options.groupId !== undefined && options.groupId !== null);
  const ofPeople = scoped ? ' and person_id in (select value from json_each(?))' : '';
  const ids = scoped ? [JSON.stringify(people.map((p) => p.id))] : [];
  const requests = byPerson(
    statement(
      ctx.store.sqlite,
      `select id, person_id as personId, leave_type_id as leaveTypeId, start_date as startDate, end_date as endDate, days, status
         from leave_requests where start_date between ? and ? and status in ('pending', 'approved')${ofPeople} order by start_date, id`,
    ).all(from, to, ...ids) as RequestRow[],
  );
  const adjustments = byPerson(
    statement(
      ctx.store.sqlite,
      `select person_id as personId, leave_type_id as leaveTypeId, days, reason, created_at as createdAt
         from leave_adjustments where year = ?${ofPeople} order by id`,
    ).all(year, ...ids) as Array<{ personId: number; leaveTypeId: number; days: number; reason: string; createdAt: string }>,
  );
  // OT-2: rest-day overtime compensated by time off, once its hours are recorded.
  const lieu = byPerson(
    statement(
      ctx.store.sqlite,
      `select person_id as personId, date, actual_minutes as minutes from overtime_requests
        where status = 'approved' and compensation = 'lieu' and actual_minutes is not null and date between ? and ?${ofPeople} order by date`,
    ).all(from, to, ...ids) as Array<{ personId: number; date: string; minutes: number }>,
  );
  // A list setting: the catalogue types list settings as numbers (see appraisal/store.ts listSetting).
  const bands = getSetting(ctx, 'leave.annualLeaveBands', from) as unknown as number[];
  const dayMinutes = getSetting(ctx, 'law.dailyHours', from) * 60;
  const withLines = options.withLines ?? false;
  const caps = new Map(types.filter((ty) => ty.entitlement === 'cap').map((ty) => [ty.id, yearlyCap(ctx, ty, from)]));
  const allowances = new Map(
    withLines ? types.filter((ty) => ty.entitlement === 'event').map((ty) => [ty.id, eventAllowance(ctx, ty, from, null)]) : [],
  );

  return people.map((person) => {
    const mine = (requests.get(person.id) ?? []).filter((r) => r.id !== options.excludeRequestId);
    const myAdjustments = adjustments.get(person.id) ?? [];
    const balances = types.map((type) => {
      const { entitled, lines } = entitledOf(type, person, year, {
        bands,
        dayMinutes,
        cap: caps.get(type.id) ?? 0,
        allowance: allowances.get(type.id) ?? null,
        lieu: lieu.get(person.id) ?? [],
        withLines,
      });
      const b = balanceOf({
        entitlement: type.entitlement,
        entitled,
        entitledLines: lines,
        adjustments: myAdjustments.filter((a) => a.leaveTypeId === type.id),
        requests: mine.filter((r) => r.leaveTypeId === type.id),
      });
      return {
        leaveTypeId: type.id,
        code: type.code,
        label: type.label,
        ...b,
        lines: withLines ? b.lines.map((l) => ({ text: t(`leave.ledger.${l.key}`, l.params), days: l.days })) : [],
      };
    });
    return { person, balances };
  });
}

function entitledOf(
  type: LeaveType,
  person: PersonRow,
  year: number,
  rule: {
    bands: number[];
    dayMinutes: number;
    cap: number;
    allowance: { days: number; text: string } | null;
    lieu: Array<{ date: string; minutes: number }>;
    withLines: boolean;
  },
): { entitled: number | null; lines: LedgerLine[] } {
  const { bands, dayMinutes, cap, allowance, lieu, withLines } = rule;
  const lines: LedgerLine[] = [];
  switch (type.entitlement) {
    case 'annual': {
      const a = annualEntitlement({
        year,
        hireDate: person.hireDate,
        firstEmploymentDate: person.firstEmploymentDate,
        leftOn: person.leftOn,
        bands,
      });
      if (withLines) {
        const key = {
          full: 'annualFull',
          proRated: 'annualProRated',
          underOneYear: 'annualUnderOneYear',
          notEmployed: 'annualNotEmployed',
        }[a.reason];
        lines.push({
          key,
          params: { years: a.years, band: a.band, from: a.from ?? '', daysLeft: a.daysLeft ?? 0, days: a.days },
          days: a.days,
        });
      }
      return { entitled: a.days, lines };
    }
    case 'cap': {
      if (withLines) lines.push({ key: 'cap', params: { days: cap }, days: cap });
      return { entitled: cap, lines };
    }
    case 'lieu': {
      let total = 0;
      for (const o of lieu) {
        const days = Math.round((o.minutes / dayMinutes) * 100) / 100;
        total += days;
        if (withLines) lines.push({ key: 'lieuEarned', params: { date: o.date, hours: Math.round((o.minutes / 60) * 10) / 10 }, days });
      }
      return { entitled: Math.round(total * 100) / 100, lines };
    }
    case 'event': {
      if (withLines && allowance) lines.push({ key: 'event', params: { text: allowance.text }, days: 0 });
      return { entitled: null, lines };
    }
    default:
      if (withLines) lines.push({ key: 'none', params: {}, days: 0 });
      return { entitled: null, lines };
  }
}

export function personLedger(ctx: Ctx, personId: number, year: number): BalanceView[] {
  const person = getPerson(ctx, personId);
  const found = computeBalances(ctx, year, { personIds: [personId], withLines: true })[0];
  if (!found) {
    const message = t('leave.errors.notEmployedInYear', { name: person.name, year });
    throw new AppError('NOT_FOUND', message, [{ path: 'year', message }]);
  }
  return found.balances;
}

/** A correction or carry-over, with its reason; the ledger lists it beside the rule's number. */
export function adjustBalance(
  ctx: Ctx,
  input: { personId: number; leaveTypeId: number; year: number; days: number; reason: string },
): BalanceView[] {
  const person = getPerson(ctx, input.personId);
  assertMayEnterFor(ctx, person);
  const type = getLeaveType(ctx, input.leaveTypeId);
  if (type.entitlement === 'none' || type.entitlement === 'event') {
    const message = t('leave.errors.noBalanceToAdjust', { type: type.label });
    throw new AppError('RULE_VIOLATION', message, [{ path: 'leaveTypeId', message }]);
  }
  return audited(ctx, (audit) => {
    const row = statement(
      ctx.store.sqlite,
      'insert into leave_adjustments (person_id, leave_type_id, year, days, reason, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)',
    ).run(input.personId, input.leaveTypeId, input.year, input.days, input.reason, nowIso(), ctx.actor.name);
    audit({ action: 'adjust', entity: 'leaveBalance', entityId: Number(row.lastInsertRowid), after: { ...input, type: type.code } });
    return personLedger(ctx, input.personId, input.year);
  });
}
