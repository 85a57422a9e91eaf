import { randomUUID } from 'node:crypto';
import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import type { CellChange, CellValue, ShiftType } from './contract.ts';
import { listShiftTypes } from './shifts.ts';
import { peopleWithStays, stayOn, monthBounds } from './month.ts';

// Roster cells: one row per person and day in `assignments` (shift_type_id null: a deliberate
// rest day; no row: empty). Every change is audited as entity 'assignment', id "date:personId",
// so a month's history is one index range and the change log after publishing (ROS-7) is read
// from the audit trail rather than kept twice.

export type CellSource = 'manual' | 'pattern' | 'copy' | 'auto' | 'undo' | 'swap' | 'handover' | 'seed';

export const cellEntityId = (date: string, personId: number) => `${date}:${personId}`;

type Existing = { shiftTypeId: number | null; locked: number } | undefined;

function existingCell(ctx: Ctx, personId: number, date: string): Existing {
  return statement(ctx.store.sqlite, 'select shift_type_id as shiftTypeId, locked from assignments where person_id = ? and date = ?').get(
    personId,
    date,
  ) as Existing;
}

const valueOf = (row: Existing): CellValue => (row === undefined ? null : (row.shiftTypeId ?? 'rest'));

/**
 * Writes cells that were already checked, with one audit row per changed cell; unchanged cells
 * are skipped. The caller holds the transaction (swaps and hand-over files write through here
 * too, so their changes appear in the change log like any other).
 */
export function writeCells(
  ctx: Ctx,
  audit: (entry: AuditEntry) => void,
  changes: CellChange[],
  source: CellSource,
  batch?: string,
): number {
  const upsert = statement(
    ctx.store.sqlite,
    `insert into assignments (person_id, date, shift_type_id, locked, source, updated_at) values (?, ?, ?, 0, ?, ?)
     on conflict(person_id, date) do update set shift_type_id = excluded.shift_type_id, source = excluded.source, updated_at = excluded.updated_at`,
  );
  const remove = statement(ctx.store.sqlite, 'delete from assignments where person_id = ? and date = ?');
  const at = nowIso();
  let changed = 0;
  for (const c of changes) {
    const before = valueOf(existingCell(ctx, c.personId, c.date));
    if (before === c.value) continue;
    if (c.value === null) remove.run(c.personId, c.date);
    else upsert.run(c.personId, c.date, c.value === 'rest' ? null : c.value, source, at);
    audit({
      action: 'set',
      entity: 'assignment',
      entityId: cellEntityId(c.date, c.personId),
      before: { value: before },
      after: { value: c.value, source },
      batch,
    });
    changed++;
  }
  return changed;
}

/** The group a group leader acting in the app may plan; null for the supervisor (everyone). */
function actorGroup(ctx: Ctx): number | null {
  const personId = /^person:(\d+)$/.exec(ctx.actor.id)?.[1];
  if (!personId) return null;
  const row = statement(ctx.store.sqlite, 'select role, group_id as groupId from people where id = ?').get(Number(personId)) as
    { role: string; groupId: number | null } | undefined;
  return row?.role === 'leader' ? row.groupId : null;
}

/**
 * What is wrong with a batch of changes, per cell: an unknown person, a day outside employment
 * (ORG-3) or outside the acting group leader's group, an unknown or archived shift type, a shift
 * the person's function may not work (ROS-3), a locked cell the auto-scheduler wants to change.
 */
export function cellProblems(ctx: Ctx, changes: CellChange[], source: string, path = (i: number) => `changes.${i}`): ErrorDetail[] {
  const people = peopleWithStays(
    ctx,
    changes.map((c) => c.personId),
  );
  const shifts = new Map<number, ShiftType>(listShiftTypes(ctx).map((s) => [s.id, s]));
  const ownGroup = actorGroup(ctx);
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  changes.forEach((c, i) => {
    const at = path(i);
    const person = people.get(c.personId);
    if (!person) {
      problems.push({ path: `${at}.personId`, message: t('roster.cells.personUnknown', { id: c.personId }) });
      return;
    }
    const key = cellEntityId(c.date, c.personId);
    if (seen.has(key)) problems.push({ path: at, message: t('roster.cells.duplicate', { name: person.name, date: c.date }) });
    seen.add(key);
    const stay = stayOn(person, c.date);
    if (c.value !== null && !stay) {
      problems.push({ path: `${at}.date`, message: t('roster.cells.notEmployed', { name: person.name, date: c.date }) });
    }
    if (ownGroup !== null && (stay?.groupId ?? null) !== ownGroup) {
      problems.push({ path: `${at}.personId`, message: t('roster.cells.notInGroup', { name: person.name, date: c.date }) });
    }
    if (typeof c.value === 'number') {
      const shift = shifts.get(c.value);
      if (!shift) problems.push({ path: `${at}.value`, message: t('roster.cells.shiftUnknown', { id: c.value }) });
      else if (shift.archivedOn) problems.push({ path: `${at}.value`, message: t('roster.cells.shiftArchived', { shift: shift.name }) });
      else if (shift.functions !== null && !shift.functions.includes(person.function as never)) {
        problems.push({
          path: `${at}.value`,
          message: t('roster.cells.functionNotAllowed', {
            name: person.name,
            function: t(`functions.${person.function}`),
            shift: shift.name,
            allowed: shift.functions.map((f) => t(`functions.${f}`)).join(t('common.listSeparator')),
          }),
        });
      }
    }
    if (source === 'auto' && existingCell(ctx, c.personId, c.date)?.locked) {
      problems.push({ path: at, message: t('roster.cells.locked', { name: person.name, date: c.date }) });
    }
  });
  return problems;
}

export function refuseCells(problems: ErrorDetail[]): never {
  const count = new Set(problems.map((p) => p.path.split('.').slice(0, 2).join('.'))).size;
  throw new AppError(
    'VALIDATION',
    `${t('roster.cells.refused', { count })} ${problems
      .slice(0, 3)
      .map((p) => p.message)
      .join(t('common.sentenceSeparator'))}`,
    problems,
  );
}

/** Sets, rests or clears cells in one audited transaction; one refused cell and nothing is written. */
export function setCells(ctx: Ctx, changes: CellChange[], source: CellSource): { changed: number } {
  if (changes.length === 0) return { changed: 0 };
  return audited(ctx, (audit) => {
    const problems = cellProblems(ctx, changes, source);
    if (problems.length > 0) refuseCells(problems);
    return { changed: writeCells(ctx, audit, changes, source, changes.length > 1 ? randomUUID() : undefined) };
  });
}

/** Locks or unlocks existing cells (the auto-scheduler keeps locked cells); empty cells have nothing to lock. */
export function lockCells(ctx: Ctx, cells: Array<{ personId: number; date: string }>, locked: boolean): { changed: number } {
  if (cells.length === 0) return { changed: 0 };
  return audited(ctx, (audit) => {
    const update = statement(
      ctx.store.sqlite,
      'update assignments set locked = ?, updated_at = ? where person_id = ? and date = ? and locked <> ?',
    );
    const batch = cells.length > 1 ? randomUUID() : undefined;
    const at = nowIso();
    let changed = 0;
    for (const c of cells) {
      if (update.run(locked ? 1 : 0, at, c.personId, c.date, locked ? 1 : 0).changes === 0) continue;
      audit({
        action: locked ? 'lock' : 'unlock',
        entity: 'assignment',
        entityId: cellEntityId(c.date, c.personId),
        before: { locked: !locked },
        after: { locked },
        batch,
      });
      changed++;
    }
    return { changed };
  });
}

// ---- the change log after publishing (ROS-7) ----

export type ChangeLogEntry = {
  at: string;
  actorName: string;
  personId: number;
  personName: string;
  date: string;
  before: string | null;
  after: string | null;
  source: string;
};

/** A cell value as people read it: "E 早班", "休息", or null for empty. */
export function cellText(value: CellValue, shifts: Map<number, ShiftType>): string | null {
  if (value === null) return null;
  if (value === 'rest') return t('roster.cells.rest');
  const shift = shifts.get(value);
  return shift ? `${shift.code} ${shift.name}` : String(value);
}

/**
 * Cell changes made after a group's month was published, from the audit trail: who, when,
 * before, after, and how (manual, swap, hand-over …). For the department, every group's own
 * publication time applies to its people.
 */
export function changeLog(ctx: Ctx, month: string, groupId: number | null): ChangeLogEntry[] {
  const published = new Map(
    (
      statement(
        ctx.store.sqlite,
        "select group_id as groupId, published_at as publishedAt from roster_months where month = ? and status = 'published'",
      ).all(month) as Array<{ groupId: number; publishedAt: string }>
    )
      .filter((m) => groupId === null || m.groupId === groupId)
      .map((m) => [m.groupId, m.publishedAt]),
  );
  if (published.size === 0) return [];
  const earliest = [...published.values()].sort()[0]!;
  const rows = statement(
    ctx.store.sqlite,
    `select at, actor_name as actorName, entity_id as entityId, before, after from audit_log
      where entity = 'assignment' and entity_id > ? and entity_id < ? and action = 'set' and at > ? order by at, id`,
  ).all(`${month}-`, `${month}-~`, earliest) as Array<{ at: string; actorName: string; entityId: string; before: string; after: string }>;
  const parsed = rows.map((r) => {
    const [date, personId] = r.entityId.split(':') as [string, string];
    return { ...r, date, personId: Number(personId) };
  });
  const people = peopleWithStays(
    ctx,
    parsed.map((r) => r.personId),
  );
  const shifts = new Map(listShiftTypes(ctx).map((s) => [s.id, s]));
  const { from, to } = monthBounds(month);
  const out: ChangeLogEntry[] = [];
  for (const r of parsed) {
    const person = people.get(r.personId);
    if (!person || r.date < from || r.date > to) continue;
    const group = stayOn(person, r.date)?.groupId ?? person.groupId;
    const publishedAt = group === null ? undefined : published.get(group);
    if (!publishedAt || r.at <= publishedAt) continue;
    const before = JSON.parse(r.before) as { value: CellValue };
    const after = JSON.parse(r.after) as { value: CellValue; source: string };
    out.push({
      at: r.at,
      actorName: r.actorName,
      personId: r.personId,
      personName: person.name,
      date: r.date,
      before: cellText(before.value, shifts),
      after: cellText(after.value, shifts),
      source: after.source,
    });
  }
  return out;
}
