import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import type { AuditEntry } from '../audit/record.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { onAttendanceMonthClosed, onAttendanceMonthReopened } from '../attendance/events.ts';
import type { Flag } from '../attendance/contract.ts';
import { attendanceBreaches, type AttendancePersonMonth } from './rules/records.ts';
import { monthEnd } from '../time/months.ts';
import { ensureCatalogue, resolveViolation } from './catalogue.ts';
import { insertSanction, writeVoid } from './sanctions.ts';
import { sanctionSelect, yuan } from './common.ts';
import { raiseHrFlag } from './flags.ts';
import type { SanctionView } from './contract.ts';

// The link with attendance (ATT-2…7): closing an attendance month makes its sanction records —
// one per fine and one per day of absence, each with a unique source key, so nothing is counted
// twice — and puts its ATT-6 findings on the HR flag list. Reopening the month voids what closing
// made (with the reopening's reason); closing it again brings back what still stands.

export type { AttendancePersonMonth };

export interface AttendanceSanctionsResult {
  created: number;
  reactivated: number;
  /** Already recorded from an earlier closing: counted once. */
  existing: number;
  /** Dated before the rule was published, or its catalogue entry archived: the rule did not bind. */
  skipped: number;
}

function evidenceText(b: ReturnType<typeof attendanceBreaches>[number]): string {
  const money = b.amountFen === null ? '' : t('discipline.attendance.money', { amount: yuan(b.amountFen) });
  if (b.detail.kind === 'absence') return t(`discipline.attendance.absence.${b.detail.reason}`, { days: b.detail.days, money });
  return t(`discipline.attendance.${b.detail.kind}`, { minutes: b.detail.minutes, money });
}

/** Was the sanction's last void made by reopening its attendance month (not by a person's decision)? */
function voidedByReopen(ctx: Ctx, id: number): boolean {
  const last = statement(
    ctx.store.sqlite,
    "select action from audit_log where entity = 'sanction' and entity_id = ? and action in ('void', 'voidReopen') order by id desc limit 1",
  ).get(String(id)) as { action: string } | undefined;
  return last?.action === 'voidReopen';
}

/**
 * For the attendance area, inside its month-closing transaction: turns the month's fines (ATT-2)
 * and days of absence (ATT-3, ATT-4, ATT-7, with the ATT-5 deduction) into sanction records with
 * source 'attendance'. Safe to call again for the same month: a breach already recorded is not
 * recorded twice (unique source key per person, day and breach). `perRecordAudit: false` writes one
 * summary audit row instead of one per sanction (the seed).
 */
export function recordAttendanceSanctions(
  ctx: Ctx,
  month: string,
  people: readonly AttendancePersonMonth[],
  audit: (entry: AuditEntry) => void,
  options: { perRecordAudit?: boolean } = {},
): AttendanceSanctionsResult {
  ensureCatalogue(ctx, audit);
  const perRecord = options.perRecordAudit ?? true;
  const result: AttendanceSanctionsResult = { created: 0, reactivated: 0, existing: 0, skipped: 0 };
  const at = nowIso();
  const find = statement(ctx.store.sqlite, 'select id, status from sanctions where source_key = ?');
  for (const person of people) {
    for (const breach of attendanceBreaches(person)) {
      const found = find.get(breach.sourceKey) as { id: number; status: string } | undefined;
      if (found) {
        if (found.status === 'voided' && voidedByReopen(ctx, found.id)) {
          statement(
            ctx.store.sqlite,
            "update sanctions set status = 'active', amount_fen = ?, void_reason = null, voided_at = null, voided_by = null where id = ?",
          ).run(breach.amountFen, found.id);
          audit({ action: 'reactivate', entity: 'sanction', entityId: found.id, after: { month, amountFen: breach.amountFen } });
          result.reactivated++;
        } else result.existing++;
        continue;
      }
      let type;
      try {
        type = resolveViolation(ctx, breach.code, breach.date);
      } catch (error) {
        if (error instanceof AppError && error.code === 'RULE_VIOLATION') {
          result.skipped++;
          continue;
        }
        throw error;
      }
      const id = insertSanction(
        ctx,
        {
          personId: breach.personId,
          date: breach.date,
          violationTypeId: type.id,
          sanction: type.defaultSanction === 'fine' && breach.amountFen === null ? 'warning' : type.defaultSanction,
          amountFen: breach.amountFen,
          evidence: evidenceText(breach),
          source: 'attendance',
          sourceKey: breach.sourceKey,
        },
        at,
      );
      if (perRecord) audit({ action: 'create', entity: 'sanction', entityId: id, after: { ...breach, sanction: type.defaultSanction } });
      result.created++;
    }
  }
  audit({ action: 'attendanceSanctions', entity: 'attendanceMonth', entityId: month, after: result });
  return result;
}

/** For the attendance area when it reopens a month: voids the sanctions closing made, with the reason. */
export function voidAttendanceSanctions(ctx: Ctx, month: string, reason: string, audit: (entry: AuditEntry) => void): number {
  const rows = statement(
    ctx.store.sqlite,
    `${sanctionSelect} where s.source = 'attendance' and s.status != 'voided' and s.date between ? and ?`,
  ).all(`${month}-01`, monthEnd(month)) as SanctionView[];
  const note = t('discipline.attendance.reopened', { reason });
  for (const s of rows) writeVoid(ctx, s, note, audit, 'voidReopen');
  return rows.length;
}

/** ATT-6 findings as the attendance area reports them (its Flag type), for the HR flag list. */
export type AttendanceFlag = Pick<Flag, 'personId' | 'kind' | 'days' | 'dates'>;

/** For the attendance area: each ATT-6 finding goes on the HR flag list once. Returns how many were new. */
export function raiseAttendanceFlags(ctx: Ctx, flags: readonly AttendanceFlag[], audit: (entry: AuditEntry) => void): number {
  let raised = 0;
  for (const f of flags) {
    if (f.dates.length === 0) continue;
    const year = f.dates.at(-1)!.slice(0, 4);
    const flag =
      f.kind === 'consecutive'
        ? { kind: 'absence-consecutive' as const, key: `absence-consecutive:${f.personId}:${f.dates[0]}` }
        : { kind: 'absence-yearly' as const, key: `absence-yearly:${f.personId}:${year}` };
    if (
      raiseHrFlag(
        ctx,
        { ...flag, personId: f.personId, evidence: { rule: 'ATT-6', days: f.days, dates: [...f.dates], year: Number(year) } },
        audit,
      )
    )
      raised++;
  }
  return raised;
}

let linked = false;

/**
 * Subscribes discipline to attendance's month closing and reopening (main/attendance/events.ts),
 * once per process. Called when the app's handlers load, so every running app has it.
 */
export function linkAttendance(): void {
  if (linked) return;
  linked = true;
  onAttendanceMonthClosed((ctx, closed, audit) => {
    recordAttendanceSanctions(ctx, closed.month, closed.people, audit);
    raiseAttendanceFlags(ctx, closed.flags, audit);
  });
  onAttendanceMonthReopened((ctx, reopened, audit) => {
    voidAttendanceSanctions(ctx, reopened.month, reopened.reason, audit);
  });
}
