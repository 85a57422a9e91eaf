import type { Ctx } from '../app/context.ts';
import type { AuditEntry } from '../audit/record.ts';
import type { Flag } from './contract.ts';
import type { DayResult } from './rules/types.ts';
import { unpackDay } from './rules/storage.ts';
import { minutesOf } from './rules/tiers.ts';
import { statement } from '../../db/statements.ts';

// What closing a month means for other areas. The discipline area (DIS-1, DIS-2) turns the
// month's fines and absences into sanction records and 乐捐 ledger entries: it subscribes here
// and is called inside the closing transaction, so the month closes with its consequences or
// not at all. Reopening a month calls the reopen listeners in the same way, so what closing
// created can be voided with the reopening's reason.

export interface ClosedPerson {
  personId: number;
  employeeNo: string;
  name: string;
  /** ATT-2: each fine-tier late arrival or early leave, with its fine. */
  fines: Array<{ date: string; kind: 'late' | 'early'; minutes: number; fineFen: number }>;
  /** ATT-3, ATT-4, ATT-7: each day with absence, with the deduction (ATT-5; null without a daily wage). */
  absences: Array<{ date: string; days: number; deductionFen: number | null; reason: 'noPunch' | 'late' | 'early' | 'missingPunch' }>;
}

export interface ClosedMonth {
  month: string;
  closedAt: string;
  closedBy: string;
  people: ClosedPerson[];
  /** ATT-6 flags raised by the month, with their evidence. */
  flags: Flag[];
}

export type MonthClosedListener = (ctx: Ctx, closed: ClosedMonth, audit: (entry: AuditEntry) => void) => void;
export type MonthReopenedListener = (ctx: Ctx, reopened: { month: string; reason: string }, audit: (entry: AuditEntry) => void) => void;

const closedListeners: MonthClosedListener[] = [];
const reopenedListeners: MonthReopenedListener[] = [];

/** Subscribes to month closings; returns the unsubscribe function. */
export function onAttendanceMonthClosed(listener: MonthClosedListener): () => void {
  closedListeners.push(listener);
  return () => closedListeners.splice(closedListeners.indexOf(listener), 1);
}

export function onAttendanceMonthReopened(listener: MonthReopenedListener): () => void {
  reopenedListeners.push(listener);
  return () => reopenedListeners.splice(reopenedListeners.indexOf(listener), 1);
}

export function notifyClosed(ctx: Ctx, closed: ClosedMonth, audit: (entry: AuditEntry) => void): void {
  for (const listener of [...closedListeners]) listener(ctx, closed, audit);
}

export function notifyReopened(ctx: Ctx, reopened: { month: string; reason: string }, audit: (entry: AuditEntry) => void): void {
  for (const listener of [...reopenedListeners]) listener(ctx, reopened, audit);
}

/** The consequences of a person's month, from the stored (or judged) days. */
export function consequencesOf(person: { personId: number; employeeNo: string; name: string }, days: readonly DayResult[]): ClosedPerson {
  const fines: ClosedPerson['fines'] = [];
  const absences: ClosedPerson['absences'] = [];
  for (const d of days) {
    const perFine = d.fines > 0 ? d.fineFen / d.fines : 0;
    if (d.lateTier === 'fine') fines.push({ date: d.date, kind: 'late', minutes: minutesOf(d.lateSeconds), fineFen: perFine });
    if (d.earlyTier === 'fine') fines.push({ date: d.date, kind: 'early', minutes: minutesOf(d.earlySeconds), fineFen: perFine });
    if (d.absenceDays > 0) {
      const reason =
        d.resolution?.resolution === 'absence'
          ? 'missingPunch'
          : d.in === null && d.out === null
            ? 'noPunch'
            : d.lateTier === 'half' || d.lateTier === 'day'
              ? 'late'
              : 'early';
      absences.push({ date: d.date, days: d.absenceDays, deductionFen: d.deductionFen, reason });
    }
  }
  return { ...person, fines, absences };
}

/**
 * A closed month's consequences read back from what was stored, for areas that read rather than
 * subscribe (the HR pack, a discipline screen opened later).
 */
export function closedMonthConsequences(ctx: Ctx, month: string): ClosedPerson[] {
  const rows = statement(
    ctx.store.sqlite,
    `select d.person_id as personId, p.employee_no as employeeNo, p.name, d.detail from attendance_days d join people p on p.id = d.person_id
      where d.month = ? order by d.person_id, d.date`,
  ).all(month) as Array<{ personId: number; employeeNo: string; name: string; detail: string }>;
  const byPerson = new Map<number, { person: { personId: number; employeeNo: string; name: string }; days: DayResult[] }>();
  for (const r of rows) {
    if (!byPerson.has(r.personId))
      byPerson.set(r.personId, { person: { personId: r.personId, employeeNo: r.employeeNo, name: r.name }, days: [] });
    byPerson.get(r.personId)!.days.push(unpackDay(r.detail));
  }
  return [...byPerson.values()]
    .map(({ person, days }) => consequencesOf(person, days))
    .filter((p) => p.fines.length > 0 || p.absences.length > 0);
}
