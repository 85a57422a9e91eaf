// Offline hand-over of a group's month (ROS-8). A group leader exports the group's cells as a
// file; the supervisor's installation checks it (format, checksum, department), shows a per-cell
// diff against its own roster with conflicts marked, and applies what was accepted in one audited
// transaction. Nothing is overwritten without having been shown.
//
// Conflicts are found three-way: the file carries its base (the cells as they were at the last
// exchange). A cell is offered when the file changed it since that base and it differs from the
// current roster; it is a conflict when the current roster changed it since the base as well.
// A file without a base (the first exchange) offers every difference, and marks as a conflict
// every one where this roster already has something in the cell.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { AppError } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import type { FileOutput, FilePayload } from '../ipc/fields.ts';
import { t } from '../i18n/index.ts';
import { statement } from '../../db/statements.ts';
import { addDays, daysInMonth } from '../time/dates.ts';
import type { CellChange } from './contract.ts';
import { monthBounds, scopePeople } from './month.ts';
import { cellProblems, refuseCells, writeCells } from './cells.ts';
import { listShiftTypes } from './shifts.ts';

export const handoverFormat = 'banzu-roster-handover/1';
export const handoverExtension = '.banzu-roster.json';

/** Cells as the file holds them: employee number → date → shift code or 'rest'. */
export type CellMap = Record<string, Record<string, string>>;

const cellText = z.string().regex(/^([A-Z]|rest)$/);
const cellMap = z.record(z.string().min(1).max(20), z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), cellText));

const handoverContent = z.object({
  format: z.literal(handoverFormat),
  department: z.object({ uid: z.string().min(1), name: z.string() }),
  group: z.object({ id: z.number().int().positive(), name: z.string() }),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  exportedBy: z.object({ id: z.string(), name: z.string() }),
  exportedAt: z.string(),
  people: z.array(z.object({ employeeNo: z.string().min(1).max(20), name: z.string() })),
  cells: cellMap,
  base: cellMap.nullable(),
});
export type HandoverContent = z.infer<typeof handoverContent>;
export type HandoverFile = HandoverContent & { checksum: string };

// ---- reading the roster ----

export function monthDates(month: string): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  return Array.from({ length: daysInMonth(year, m) }, (_v, i) => addDays(first, i));
}

export interface GroupMonthPerson {
  id: number;
  employeeNo: string;
  name: string;
  /** The dates of the month the person works in the group (employed and a member). */
  dates: string[];
}

/** Everyone on the group's roster for the month (as the grid has them), with the days they belong to it. */
export function groupMonthPeople(ctx: Ctx, groupId: number, month: string): GroupMonthPerson[] {
  const { from, to } = monthBounds(month);
  return scopePeople(ctx, groupId, from, to)
    .map((p) => ({
      id: p.id,
      employeeNo: p.employeeNo,
      name: p.name,
      dates: monthDates(month).filter((d) => d >= p.activeFrom && (p.activeTo === null || d <= p.activeTo)),
    }))
    .filter((p) => p.dates.length > 0);
}

/** The non-empty cells of some people between two dates, as person id → date → code or 'rest'. */
export function readCells(ctx: Ctx, personIds: number[], from: string, to: string): Map<number, Map<string, string>> {
  const cells = new Map<number, Map<string, string>>(personIds.map((id) => [id, new Map()]));
  if (personIds.length === 0) return cells;
  const rows = ctx.store.sqlite
    .prepare(
      `select a.person_id as personId, a.date, s.code from assignments a left join shift_types s on s.id = a.shift_type_id
        where a.date between ? and ? and a.person_id in (${personIds.map(() => '?').join(',')})`,
    )
    .all(from, to, ...personIds) as Array<{ personId: number; date: string; code: string | null }>;
  for (const r of rows) cells.get(r.personId)!.set(r.date, r.code ?? 'rest');
  return cells;
}

function departmentRow(ctx: Ctx): { uid: string; name: string } {
  const row = statement(ctx.store.sqlite, 'select uid, name from departments order by id limit 1').get() as
    { uid: string | null; name: string } | undefined;
  if (!row?.uid) throw new AppError('NOT_FOUND', t('errors.notFound'));
  return { uid: row.uid, name: row.name };
}

function groupRow(ctx: Ctx, groupId: number): { id: number; name: string } {
  const row = statement(ctx.store.sqlite, 'select id, name from groups where id = ?').get(groupId) as
    { id: number; name: string } | undefined;
  if (!row) {
    const message = t('errors.groupNotFound', { id: groupId });
    throw new AppError('NOT_FOUND', message, [{ path: 'groupId', message }]);
  }
  return row;
}

function storedBase(ctx: Ctx, groupId: number, month: string): CellMap | null {
  const row = statement(ctx.store.sqlite, 'select handover_base as base from roster_months where group_id = ? and month = ?').get(
    groupId,
    month,
  ) as { base: string | null } | undefined;
  return row?.base ? (JSON.parse(row.base) as CellMap) : null;
}

/** Keeps the cells of the last exchange as the base of the next one; creates the month's row as a draft when needed. */
function storeBase(ctx: Ctx, groupId: number, month: string, base: CellMap): void {
  const at = nowIso();
  statement(
    ctx.store.sqlite,
    `insert into roster_months (group_id, month, status, handover_base, updated_at) values (?, ?, 'draft', ?, ?)
     on conflict (group_id, month) do update set handover_base = excluded.handover_base, updated_at = excluded.updated_at`,
  ).run(groupId, month, JSON.stringify(base), at);
}

// ---- the file ----

/** JSON with object keys sorted at every level, so the checksum does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function checksumOf(content: HandoverContent): string {
  return `sha256:${createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')}`;
}

function groupCells(ctx: Ctx, people: GroupMonthPerson[], month: string): CellMap {
  const dates = monthDates(month);
  const cells = readCells(
    ctx,
    people.map((p) => p.id),
    dates[0]!,
    dates.at(-1)!,
  );
  const map: CellMap = {};
  for (const p of people) {
    const own: Record<string, string> = {};
    const inGroup = new Set(p.dates);
    for (const [date, value] of cells.get(p.id)!) if (inGroup.has(date)) own[date] = value;
    map[p.employeeNo] = own;
  }
  return map;
}

const fileNameSafe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

/** The group's month as a hand-over file; what it exports becomes the base of the next exchange. */
export function exportHandover(ctx: Ctx, input: { month: string; groupId: number }): FileOutput {
  const group = groupRow(ctx, input.groupId);
  const department = departmentRow(ctx);
  const people = groupMonthPeople(ctx, group.id, input.month);
  const content: HandoverContent = {
    format: handoverFormat,
    department,
    group,
    month: input.month,
    exportedBy: { id: ctx.actor.id, name: ctx.actor.name },
    exportedAt: nowIso(),
    people: people.map((p) => ({ employeeNo: p.employeeNo, name: p.name })),
    cells: groupCells(ctx, people, input.month),
    base: storedBase(ctx, group.id, input.month),
  };
  const file: HandoverFile = { ...content, checksum: checksumOf(content) };
  audited(ctx, (audit) => {
    storeBase(ctx, group.id, input.month, content.cells);
    audit({
      action: 'handoverExport',
      entity: 'rosterMonth',
      entityId: `${group.id}:${input.month}`,
      after: { group: group.name, month: input.month, cells: countCells(content.cells), withBase: content.base !== null },
    });
  });
  return {
    fileName: `${t('roster.handover.fileName')}-${fileNameSafe(group.name)}-${input.month}${handoverExtension}`,
    mimeType: 'application/json',
    contentBase64: Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8').toString('base64'),
  };
}

function countCells(map: CellMap): number {
  return Object.values(map).reduce((n, days) => n + Object.keys(days).length, 0);
}

function refuse(message: string, details: ErrorDetail[] = [{ path: 'file', message }]): never {
  throw new AppError('VALIDATION', message, details);
}

/** Parses and checks a hand-over file: format, checksum, then that it belongs to this department. */
export function readHandoverFile(ctx: Ctx, payload: FilePayload): HandoverContent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      Buffer.from(payload.contentBase64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch {
    refuse(t('roster.handover.notJson', { file: payload.fileName }));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) refuse(t('roster.handover.notJson', { file: payload.fileName }));
  const raw = parsed as Record<string, unknown>;
  if (raw.format !== handoverFormat) {
    refuse(t('roster.handover.wrongFormat', { format: typeof raw.format === 'string' ? raw.format : '—', expected: handoverFormat }));
  }
  const { checksum, ...rest } = raw;
  if (typeof checksum !== 'string' || checksum !== checksumOf(rest as HandoverContent)) refuse(t('roster.handover.damaged'));
  const content = handoverContent.safeParse(rest);
  // A correct checksum over a malformed body means the file was written by something else.
  if (!content.success) refuse(t('roster.handover.damaged'));
  const file = content.data;
  const department = departmentRow(ctx);
  if (file.department.uid !== department.uid) {
    refuse(t('roster.handover.otherDepartment', { name: file.department.name || '—', here: department.name || '—' }));
  }
  const outside = Object.values(file.cells).some((days) => Object.keys(days).some((d) => !d.startsWith(`${file.month}-`)));
  if (outside) refuse(t('roster.handover.damaged'));
  return file;
}

// ---- the diff ----

export interface DiffCell {
  personId: number | null;
  employeeNo: string;
  name: string;
  date: string;
  base: string | null;
  file: string | null;
  current: string | null;
  change: 'added' | 'changed' | 'removed';
  conflict: boolean;
}

export interface HandoverDiff {
  file: HandoverContent;
  groupName: string;
  cells: DiffCell[];
  /** Shift codes the file uses that this installation does not have. */
  unknownCodes: Array<{ code: string; employeeNo: string; name: string; date: string }>;
}

/**
 * The cells the file would change (three-way against the file's base, see the top of the file).
 * Pure: file cells, base, the current cells and who is who.
 */
export function diffCells(
  file: Pick<HandoverContent, 'people' | 'cells' | 'base'>,
  local: Map<string, { id: number; name: string; dates: Set<string>; cells: Map<string, string> }>,
): DiffCell[] {
  const result: DiffCell[] = [];
  const names = new Map(file.people.map((p) => [p.employeeNo, p.name]));
  const employeeNos = [...new Set([...file.people.map((p) => p.employeeNo), ...Object.keys(file.cells)])].sort();
  for (const employeeNo of employeeNos) {
    const fileDays = file.cells[employeeNo] ?? {};
    const baseDays = file.base ? (file.base[employeeNo] ?? {}) : null;
    const here = local.get(employeeNo);
    const dates = new Set(Object.keys(fileDays));
    if (here) for (const [date] of here.cells) if (here.dates.has(date)) dates.add(date);
    for (const date of [...dates].sort()) {
      const f = fileDays[date] ?? null;
      const c = here?.cells.get(date) ?? null;
      const b = baseDays ? (baseDays[date] ?? null) : null;
      if (f === c) continue;
      // With a base, a cell the file did not change is not the file's to change.
      if (baseDays && f === b) continue;
      result.push({
        personId: here?.id ?? null,
        employeeNo,
        name: here?.name ?? names.get(employeeNo) ?? employeeNo,
        date,
        base: b,
        file: f,
        current: c,
        change: c === null ? 'added' : f === null ? 'removed' : 'changed',
        conflict: baseDays ? c !== b : c !== null,
      });
    }
  }
  return result;
}

/** Checks the file and compares it with the roster as it is now. */
export function handoverDiff(ctx: Ctx, payload: FilePayload): HandoverDiff {
  const file = readHandoverFile(ctx, payload);
  const group = statement(ctx.store.sqlite, 'select id, name from groups where id = ?').get(file.group.id) as
    { id: number; name: string } | undefined;
  if (!group) refuse(t('roster.handover.unknownGroup', { name: file.group.name }));
  const dates = monthDates(file.month);
  const members = new Map(groupMonthPeople(ctx, group.id, file.month).map((p) => [p.employeeNo, p]));
  const employeeNos = [...new Set([...file.people.map((p) => p.employeeNo), ...Object.keys(file.cells)])];
  const found = employeeNos.length
    ? (ctx.store.sqlite
        .prepare(`select id, employee_no as employeeNo, name from people where employee_no in (${employeeNos.map(() => '?').join(',')})`)
        .all(...employeeNos) as Array<{ id: number; employeeNo: string; name: string }>)
    : [];
  const current = readCells(
    ctx,
    found.map((p) => p.id),
    dates[0]!,
    dates.at(-1)!,
  );
  const local = new Map(
    found.map((p) => [
      p.employeeNo,
      { id: p.id, name: p.name, dates: new Set(members.get(p.employeeNo)?.dates ?? []), cells: current.get(p.id)! },
    ]),
  );
  const cells = diffCells(file, local);
  const codes = new Set(listShiftTypes(ctx).map((shift) => shift.code));
  const unknownCodes = new Map<string, HandoverDiff['unknownCodes'][number]>();
  for (const cell of cells) {
    if (cell.file && cell.file !== 'rest' && !codes.has(cell.file) && !unknownCodes.has(cell.file)) {
      unknownCodes.set(cell.file, { code: cell.file, employeeNo: cell.employeeNo, name: cell.name, date: cell.date });
    }
  }
  return { file, groupName: group.name, cells, unknownCodes: [...unknownCodes.values()] };
}

function refuseUnknownCodes(diff: HandoverDiff): void {
  if (diff.unknownCodes.length === 0) return;
  const details = diff.unknownCodes.map((u) => ({
    path: 'file',
    message: t('roster.handover.unknownCode', { code: u.code, name: u.name, employeeNo: u.employeeNo, date: u.date }),
  }));
  refuse(t('roster.handover.unknownCodes', { codes: diff.unknownCodes.map((u) => u.code).join(t('common.listSeparator')) }), details);
}

export function previewHandover(ctx: Ctx, payload: FilePayload) {
  const diff = handoverDiff(ctx, payload);
  refuseUnknownCodes(diff);
  return {
    month: diff.file.month,
    groupId: diff.file.group.id,
    groupName: diff.groupName,
    exportedBy: diff.file.exportedBy.name,
    exportedAt: diff.file.exportedAt,
    cells: diff.cells,
  };
}

/** Applies all of the file's changes or the accepted cells, then keeps the file's cells as the new base. */
export function applyHandover(ctx: Ctx, input: { file: FilePayload; accept: 'all' | string[] }): { changed: number } {
  const diff = handoverDiff(ctx, input.file);
  refuseUnknownCodes(diff);
  let chosen: DiffCell[];
  if (input.accept === 'all') {
    const unknown = diff.cells.filter((c) => c.personId === null);
    if (unknown.length > 0) {
      const people = [...new Map(unknown.map((c) => [c.employeeNo, c.name])).entries()];
      refuse(
        t('roster.handover.unknownPeople', {
          people: people.map(([no, name]) => t('common.withNote', { text: name, note: no })).join(t('common.listSeparator')),
        }),
        people.map(([no, name]) => ({ path: 'file', message: t('roster.handover.unknownPerson', { employeeNo: no, name }) })),
      );
    }
    chosen = diff.cells;
  } else {
    const byKey = new Map(diff.cells.filter((c) => c.personId !== null).map((c) => [`${c.personId}:${c.date}`, c]));
    const missing = input.accept.flatMap((key, i) => (byKey.has(key) ? [] : [{ key, i }]));
    if (missing.length > 0) {
      refuse(
        t('roster.handover.notOffered', { count: missing.length }),
        missing.slice(0, 50).map(({ key, i }) => ({ path: `accept.${i}`, message: t('roster.handover.notOfferedCell', { key }) })),
      );
    }
    chosen = [...new Set(input.accept)].map((key) => byKey.get(key)!);
  }
  const codes = new Map(listShiftTypes(ctx).map((shift) => [shift.code, shift.id]));
  const changes: CellChange[] = chosen.map((c) => ({
    personId: c.personId!,
    date: c.date,
    value: c.file === null ? null : c.file === 'rest' ? 'rest' : codes.get(c.file)!,
  }));
  const batch = randomUUID();
  return audited(ctx, (audit) => {
    // The roster core's checks and audit rows, as for any edit in the grid (employment, the
    // acting leader's group, archived shift types, functions): one refused cell, nothing written.
    const problems = cellProblems(ctx, changes, 'handover', () => 'file');
    if (problems.length > 0) refuseCells(problems);
    const changed = writeCells(ctx, audit, changes, 'handover', batch);
    storeBase(ctx, diff.file.group.id, diff.file.month, diff.file.cells);
    audit({
      action: 'handoverApply',
      entity: 'rosterMonth',
      entityId: `${diff.file.group.id}:${diff.file.month}`,
      after: {
        file: input.file.fileName,
        exportedBy: diff.file.exportedBy.name,
        exportedAt: diff.file.exportedAt,
        offered: diff.cells.length,
        accepted: chosen.length,
        conflictsTaken: chosen.filter((c) => c.conflict).length,
      },
      batch,
    });
    return { changed };
  });
}
