import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { AppError, fail } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import type { ResultFlag } from './vocabulary.ts';
import { nextPeriod, nextState, previousPeriod, unqualifiedTwice } from './rules/index.ts';
import { appraisalsOfCycle, cycleById, cycleSettings, periodGrades, type AppraisalRow, type CycleRow } from './store.ts';
import { departmentExcellentShare } from './board.ts';
import { cycleView } from './cycles.ts';
import { recordStep, refusal } from './appraisals.ts';
import type { CycleView, Outcome } from './contract.ts';

// APR-5, APR-7, APR-8: locking a cycle's results for a group or the whole department. A locked
// appraisal keeps its template version and result; 不合格 opens an improvement plan, and two
// consecutive 不合格 cycles put the person on the HR flag list (also when the earlier cycle is
// locked after the later one).

/** What locking the scope would be warned about: the 优秀 share (department-wide) and missing feedback talks. */
export function lockWarnings(ctx: Ctx, cycle: CycleRow, rows: AppraisalRow[]): string[] {
  const warnings: string[] = [];
  const share = departmentExcellentShare(ctx, cycle, cycleSettings(ctx, cycle.endsOn).excellentShareCapPercent);
  if (share.exceeded) warnings.push(t('appraisal.errors.excellentShare', { ...share }));
  const noTalk = rows.filter((r) => r.feedback === null);
  if (noTalk.length > 0)
    warnings.push(
      t('appraisal.errors.feedbackMissing', {
        count: noTalk.length,
        names: noTalk
          .slice(0, 5)
          .map((r) => r.name)
          .join(t('common.listSeparator')),
      }),
    );
  return warnings;
}

function raiseHrFlag(
  ctx: Ctx,
  personId: number,
  periods: [string, string],
  totals: [number | null, number | null],
  at: string,
  audit: (entry: AuditEntry) => void,
): boolean {
  const key = `unqualified-twice:${personId}:${periods[1]}`;
  const inserted = statement(
    ctx.store.sqlite,
    `insert into hr_flags (kind, person_id, key, evidence, status, raised_at, updated_at) values ('unqualified-twice', ?, ?, ?, 'open', ?, ?)
     on conflict(key) do nothing`,
  ).run(personId, key, JSON.stringify({ rule: 'APR-8', periods, totals }), at, at);
  if (inserted.changes > 0)
    audit({
      action: 'raise',
      entity: 'hrFlag',
      entityId: Number(inserted.lastInsertRowid),
      after: { kind: 'unqualified-twice', personId, periods, totals },
    });
  return inserted.changes > 0;
}

function openPlan(ctx: Ctx, row: AppraisalRow, cycle: CycleRow, at: string, audit: (entry: AuditEntry) => void): boolean {
  if (statement(ctx.store.sqlite, 'select 1 from improvement_plans where appraisal_id = ?').get(row.id)) return false;
  const openedOn = at.slice(0, 10) < cycle.endsOn ? cycle.endsOn : at.slice(0, 10);
  const id = Number(
    statement(ctx.store.sqlite, `insert into improvement_plans (appraisal_id, person_id, opened_on, status) values (?, ?, ?, 'open')`).run(
      row.id,
      row.personId,
      openedOn,
    ).lastInsertRowid,
  );
  audit({
    action: 'open',
    entity: 'improvementPlan',
    entityId: id,
    after: { appraisalId: row.id, personId: row.personId, period: cycle.period, total: row.total },
  });
  return true;
}

export function lockCycle(
  ctx: Ctx,
  input: { cycleId: number; groupId: number | null; acknowledgeWarnings: boolean },
): { locked: number; plansOpened: number; hrFlags: number; cycle: CycleView } {
  return audited(ctx, (audit) => {
    const at = nowIso();
    const cycle = cycleById(ctx, input.cycleId);
    if (cycle.status === 'locked') throw fail('RULE_VIOLATION', 'cycleId', t('appraisal.errors.cycleLocked', { period: cycle.period }));
    const rows = appraisalsOfCycle(ctx, cycle.id, input.groupId).filter((r) => r.state !== 'locked');
    if (rows.length === 0) throw fail('RULE_VIOLATION', 'groupId', t('appraisal.errors.nothingToLock'));
    const notReady = rows.filter((r) => r.state !== 'consolidated');
    if (notReady.length > 0) {
      const details = notReady.map((r) => {
        const answer = nextState(r.state, 'lock');
        return { path: 'groupId', message: answer.ok ? r.name : refusal(r, answer) };
      });
      throw new AppError(
        'RULE_VIOLATION',
        t('appraisal.errors.lockNotReady', {
          count: notReady.length,
          names: notReady
            .slice(0, 5)
            .map((r) => r.name)
            .join(t('common.listSeparator')),
        }),
        details,
      );
    }
    const warnings = lockWarnings(ctx, cycle, rows);
    if (warnings.length > 0 && !input.acknowledgeWarnings) {
      throw new AppError(
        'RULE_VIOLATION',
        t('appraisal.errors.lockWarnings', { warnings: warnings.join(t('common.sentenceSeparator')) }),
        warnings.map((message) => ({ path: 'acknowledgeWarnings', message })),
      );
    }

    const previous = periodGrades(ctx, previousPeriod(cycle.period));
    const following = periodGrades(ctx, nextPeriod(cycle.period));
    let plansOpened = 0;
    let hrFlags = 0;
    for (const row of rows) {
      const result = row.result as Outcome;
      // The previous cycle may have been consolidated since this one was: its grade counts now.
      const before = previous.get(row.personId);
      const flags = new Set<ResultFlag>(result.flags);
      if (unqualifiedTwice(row.grade, before?.grade ?? null)) {
        flags.add('unqualified-twice');
        if (raiseHrFlag(ctx, row.personId, [previousPeriod(cycle.period), cycle.period], [before?.total ?? null, row.total], at, audit))
          hrFlags++;
      }
      const after = following.get(row.personId);
      if (after?.state === 'locked' && unqualifiedTwice(after.grade, row.grade)) {
        if (raiseHrFlag(ctx, row.personId, [cycle.period, nextPeriod(cycle.period)], [row.total, after.total], at, audit)) hrFlags++;
      }
      if (row.grade === 'unqualified' && openPlan(ctx, row, cycle, at, audit)) plansOpened++;
      const stored = { ...result, flags: [...flags] };
      statement(ctx.store.sqlite, `update appraisals set state = 'locked', result = ?, updated_at = ? where id = ?`).run(
        JSON.stringify(stored),
        at,
        row.id,
      );
      recordStep(ctx, row.id, row.state, 'locked', at);
    }
    const open = statement(ctx.store.sqlite, `select count(*) as n from appraisals where cycle_id = ? and state <> 'locked'`).get(
      cycle.id,
    ) as { n: number };
    if (open.n === 0) {
      statement(ctx.store.sqlite, `update appraisal_cycles set status = 'locked', locked_at = ?, locked_by = ? where id = ?`).run(
        at,
        ctx.actor.name,
        cycle.id,
      );
    }
    audit({
      action: 'lock',
      entity: 'appraisalCycle',
      entityId: cycle.id,
      after: { period: cycle.period, groupId: input.groupId, appraisals: rows.map((r) => r.id), warnings, cycleLocked: open.n === 0 },
    });
    return { locked: rows.length, plansOpened, hrFlags, cycle: cycleView(ctx, cycleById(ctx, cycle.id)) };
  });
}
