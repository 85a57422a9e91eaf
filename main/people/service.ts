import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql, asc, or, type SQL } from 'drizzle-orm';
import { people, groups, departments } from '../../db/schema/index.ts';
import { statement } from '../../db/statements.ts';
import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { addDays } from '../time/dates.ts';
import type { z } from 'zod';
import type { Person, PersonCreate, PersonUpdate, Group, Role, peopleFilter } from './contract.ts';

const personColumns = {
  id: people.id,
  employeeNo: people.employeeNo,
  name: people.name,
  groupId: people.groupId,
  groupName: groups.name,
  role: people.role,
  function: people.function,
  hireDate: people.hireDate,
  firstEmploymentDate: people.firstEmploymentDate,
  status: people.status,
  leftOn: people.leftOn,
  dailyWageFen: people.dailyWageFen,
  phone: people.phone,
  note: people.note,
  updatedAt: people.updatedAt,
};

export function listPeople(ctx: Ctx, filter: z.output<typeof peopleFilter> = {}): Person[] {
  const where: SQL[] = [];
  if (filter.groupId !== undefined) {
    where.push(filter.groupId === null ? isNull(people.groupId) : eq(people.groupId, filter.groupId));
  }
  if (filter.role) where.push(eq(people.role, filter.role));
  if (filter.status) where.push(eq(people.status, filter.status));
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        sql`${people.name} like ${pattern} escape '\\'`,
        sql`${people.employeeNo} like ${pattern} escape '\\'`,
        sql`${people.phone} like ${pattern} escape '\\'`,
      )!,
    );
  }
  return ctx.store.db
    .select(personColumns)
    .from(people)
    .leftJoin(groups, eq(groups.id, people.groupId))
    .where(and(...where))
    .orderBy(asc(people.employeeNo))
    .all();
}

export function getPerson(ctx: Ctx, id: number): Person {
  const row = ctx.store.db
    .select(personColumns)
    .from(people)
    .leftJoin(groups, eq(groups.id, people.groupId))
    .where(eq(people.id, id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', t('errors.personNotFound', { id }));
  return row;
}

function getGroupRow(ctx: Ctx, id: number) {
  const row = ctx.store.db.select().from(groups).where(eq(groups.id, id)).get();
  if (!row)
    throw new AppError('NOT_FOUND', t('errors.groupNotFound', { id }), [{ path: 'groupId', message: t('errors.groupNotFound', { id }) }]);
  return row;
}

function ruleError(path: string, message: string): AppError {
  return new AppError('RULE_VIOLATION', message, [{ path, message }]);
}

/** ORG-3: employee numbers are unique across everyone, including people who left. */
export function assertEmployeeNoFree(ctx: Ctx, employeeNo: string, exceptId?: number): void {
  const holder = ctx.store.db.select({ id: people.id, name: people.name }).from(people).where(eq(people.employeeNo, employeeNo)).get();
  if (holder && holder.id !== exceptId) {
    const message = t('errors.employeeNoTaken', { employeeNo, name: holder.name });
    throw new AppError('CONFLICT', message, [{ path: 'employeeNo', message }]);
  }
}

/** ORG-1: agents and group leaders belong to a group, which is in use and has one leader at most. */
export function assertGroupPlacement(ctx: Ctx, role: Role, groupId: number | null, personId?: number): void {
  if (groupId === null) {
    if (role === 'leader' || role === 'agent') throw ruleError('groupId', t('errors.groupRequired'));
    return;
  }
  const target = getGroupRow(ctx, groupId);
  if (target.archivedOn) throw ruleError('groupId', t('errors.groupArchived', { name: target.name }));
  if (role !== 'leader') return;
  const leader = ctx.store.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.groupId, groupId), eq(people.role, 'leader'), eq(people.status, 'active')))
    .get();
  if (leader && leader.id !== personId) {
    throw ruleError('role', t('errors.leaderExists', { group: target.name, name: leader.name }));
  }
}

export function createPerson(ctx: Ctx, input: PersonCreate): Person {
  return audited(ctx, (audit) => {
    assertEmployeeNoFree(ctx, input.employeeNo);
    assertGroupPlacement(ctx, input.role, input.groupId);
    const [id] = insertPeople(ctx, [input], audit);
    return getPerson(ctx, id!);
  });
}

/** A person as the form or an import creates them; leftOn is set for someone who already left. */
export type NewPerson = PersonCreate & { leftOn?: string | null };

/**
 * Inserts people with one audit row each (prepared statements, so an import of thousands stays
 * fast). The caller validates and holds the transaction.
 */
export function insertPeople(ctx: Ctx, newPeople: NewPerson[], audit: (entry: AuditEntry) => void, batch?: string): number[] {
  const at = nowIso();
  const insertPerson = statement(
    ctx.store.sqlite,
    `insert into people (employee_no, name, group_id, role, function, hire_date, first_employment_date, status, left_on,
                         daily_wage_fen, phone, note, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return newPeople.map((p) => {
    const leftOn = p.leftOn ?? null;
    const id = Number(
      insertPerson.run(
        p.employeeNo,
        p.name,
        p.groupId,
        p.role,
        p.function,
        p.hireDate,
        p.firstEmploymentDate,
        leftOn ? 'left' : 'active',
        leftOn,
        p.dailyWageFen,
        p.phone,
        p.note,
        at,
        at,
      ).lastInsertRowid,
    );
    audit({ action: 'create', entity: 'person', entityId: id, after: p, batch });
    return id;
  });
}

export function updatePerson(ctx: Ctx, input: PersonUpdate): Person {
  return audited(ctx, (audit) => {
    const before = getPerson(ctx, input.id);
    assertEmployeeNoFree(ctx, input.employeeNo, input.id);
    if (before.status === 'active') assertGroupPlacement(ctx, input.role, before.groupId, input.id);
    const { id, ...fields } = input;
    ctx.store.db
      .update(people)
      .set({ ...fields, updatedAt: nowIso() })
      .where(eq(people.id, id))
      .run();
    const after = getPerson(ctx, id);
    audit({ action: 'update', entity: 'person', entityId: id, before, after });
    return after;
  });
}

/** ORG-3: people who leave stay in the history with the date they left; nothing is deleted. */
export function markLeft(ctx: Ctx, input: { id: number; leftOn: string; reason: string | null }): Person {
  return audited(ctx, (audit) => {
    const before = getPerson(ctx, input.id);
    if (before.status === 'left') {
      throw ruleError('leftOn', t('errors.alreadyLeft', { name: before.name, leftOn: before.leftOn }));
    }
    if (input.leftOn < before.hireDate) {
      throw new AppError('VALIDATION', t('errors.validation'), [
        { path: 'leftOn', message: t('validation.leftBeforeHire', { hireDate: before.hireDate }) },
      ]);
    }
    return recordLeaving(ctx, before, input.leftOn, audit, { reason: input.reason });
  });
}

function recordLeaving(
  ctx: Ctx,
  before: Person,
  leftOn: string,
  audit: (entry: AuditEntry) => void,
  extra: { reason: string | null },
): Person {
  ctx.store.db.update(people).set({ status: 'left', leftOn, updatedAt: nowIso() }).where(eq(people.id, before.id)).run();
  const after = getPerson(ctx, before.id);
  audit({
    action: 'markLeft',
    entity: 'person',
    entityId: before.id,
    before,
    after: { ...after, reason: extra.reason },
  });
  return after;
}

export function movePerson(ctx: Ctx, input: { id: number; groupId: number; fromDate: string }): Person {
  return audited(ctx, (audit) => {
    const before = getPerson(ctx, input.id);
    if (before.status === 'left') throw ruleError('groupId', t('errors.personLeft', { name: before.name }));
    if (before.groupId === input.groupId) {
      throw ruleError('groupId', t('errors.moveSameGroup', { name: before.name, group: before.groupName }));
    }
    assertGroupPlacement(ctx, before.role, input.groupId, input.id);
    const lastMove = statement(ctx.store.sqlite, 'select max(on_date) as onDate from group_moves where person_id = ?').get(input.id) as {
      onDate: string | null;
    };
    // One move a day at most, and none before the person joined or before their last move.
    const earliest = lastMove.onDate ? addDays(lastMove.onDate, 1) : before.hireDate;
    if (input.fromDate < earliest) throw ruleError('fromDate', t('errors.moveBeforeCurrent', { fromDate: earliest }));
    statement(
      ctx.store.sqlite,
      'insert into group_moves (person_id, from_group_id, to_group_id, on_date, created_at) values (?, ?, ?, ?, ?)',
    ).run(input.id, before.groupId, input.groupId, input.fromDate, nowIso());
    ctx.store.db.update(people).set({ groupId: input.groupId, updatedAt: nowIso() }).where(eq(people.id, input.id)).run();
    const after = getPerson(ctx, input.id);
    audit({ action: 'move', entity: 'person', entityId: input.id, before, after: { ...after, fromDate: input.fromDate } });
    return after;
  });
}

/** The group a person belonged to on a date (past months' reports name the group of the time). */
export function groupOnDate(ctx: Ctx, personId: number, date: string): number | null {
  const laterMove = statement(
    ctx.store.sqlite,
    'select from_group_id as groupId from group_moves where person_id = ? and on_date > ? order by on_date, id limit 1',
  ).get(personId, date) as { groupId: number | null } | undefined;
  if (laterMove) return laterMove.groupId;
  return getPerson(ctx, personId).groupId;
}

// ---- department and groups ----

export function department(ctx: Ctx): { id: number; name: string } {
  const row = ctx.store.db.select({ id: departments.id, name: departments.name }).from(departments).get();
  if (!row) throw new AppError('NOT_FOUND', t('errors.notFound'));
  return row;
}

/** A new data file gets its one department (ORG-1) with an empty name the supervisor fills in. */
export function ensureDepartment(ctx: Ctx): void {
  const exists = ctx.store.db.select({ id: departments.id, uid: departments.uid }).from(departments).get();
  if (exists?.uid) return;
  if (exists) {
    // Files written before department ids existed get theirs now.
    audited(ctx, (audit) => {
      const uid = randomUUID();
      ctx.store.db.update(departments).set({ uid }).where(eq(departments.id, exists.id)).run();
      audit({ action: 'update', entity: 'department', entityId: exists.id, before: { uid: null }, after: { uid } });
    });
    return;
  }
  audited(ctx, (audit) => {
    const row = ctx.store.db.insert(departments).values({ name: '', uid: randomUUID(), createdAt: nowIso() }).returning().get();
    audit({ action: 'create', entity: 'department', entityId: row.id, after: row });
  });
}

const groupSelect = `select g.id, g.name, g.sort_order as sortOrder, g.archived_on as archivedOn,
         l.id as leaderId, l.name as leaderName,
         (select count(*) from people p where p.group_id = g.id and p.status = 'active') as activeCount
    from groups g
    left join people l on l.group_id = g.id and l.role = 'leader' and l.status = 'active'`;

export function listGroups(ctx: Ctx): Group[] {
  return statement(ctx.store.sqlite, `${groupSelect} order by g.archived_on is not null, g.sort_order, g.id`).all() as Group[];
}

export function getGroup(ctx: Ctx, id: number): Group {
  const found = statement(ctx.store.sqlite, `${groupSelect} where g.id = ?`).get(id) as Group | undefined;
  if (!found) throw new AppError('NOT_FOUND', t('errors.groupNotFound', { id }));
  return found;
}

export function orgTree(ctx: Ctx) {
  return { department: department(ctx), groups: listGroups(ctx) };
}

export function renameDepartment(ctx: Ctx, name: string) {
  audited(ctx, (audit) => {
    const before = department(ctx);
    ctx.store.db.update(departments).set({ name }).where(eq(departments.id, before.id)).run();
    audit({ action: 'rename', entity: 'department', entityId: before.id, before, after: { ...before, name } });
  });
  return orgTree(ctx);
}

function assertGroupNameFree(ctx: Ctx, name: string, exceptId?: number): void {
  // Phrased for the (department_id, name) index: a bare `name = ?` scans every group.
  const same = statement(ctx.store.sqlite, 'select id from groups where department_id in (select id from departments) and name = ?').get(
    name,
  ) as { id: number } | undefined;
  if (same && same.id !== exceptId) {
    const message = t('errors.groupNameTaken', { name });
    throw new AppError('CONFLICT', message, [{ path: 'name', message }]);
  }
}

export function createGroup(ctx: Ctx, name: string, audit?: (entry: AuditEntry) => void, batch?: string): Group {
  const write = (record: (entry: AuditEntry) => void): Group => {
    assertGroupNameFree(ctx, name);
    // New groups sort last: their sort order starts as their id (no scan for the maximum), which
    // AUTOINCREMENT takes from sqlite_sequence; set again only if the table says otherwise.
    const row = statement(
      ctx.store.sqlite,
      `insert into groups (department_id, name, sort_order, created_at)
       values ((select id from departments order by id limit 1), ?,
               coalesce((select seq from sqlite_sequence where name = 'groups'), 0) + 1, ?)
       returning id, department_id as departmentId, name, sort_order as sortOrder, created_at as createdAt`,
    ).get(name, nowIso()) as { id: number; sortOrder: number };
    if (row.sortOrder !== row.id) {
      statement(ctx.store.sqlite, 'update groups set sort_order = id where id = ?').run(row.id);
      row.sortOrder = row.id;
    }
    record({ action: 'create', entity: 'group', entityId: row.id, after: row, batch });
    // A new group has no members yet.
    return { id: row.id, name, sortOrder: row.id, archivedOn: null, leaderId: null, leaderName: null, activeCount: 0 };
  };
  return audit ? write(audit) : audited(ctx, write);
}

export function renameGroup(ctx: Ctx, id: number, name: string): Group {
  return audited(ctx, (audit) => {
    const before = getGroup(ctx, id);
    assertGroupNameFree(ctx, name, id);
    ctx.store.db.update(groups).set({ name }).where(eq(groups.id, id)).run();
    const after = getGroup(ctx, id);
    audit({ action: 'rename', entity: 'group', entityId: id, before, after });
    return after;
  });
}

/** Groups are archived, not deleted; only an empty group can be archived. */
export function archiveGroup(ctx: Ctx, id: number, archivedOn: string): Group {
  return audited(ctx, (audit) => {
    const before = getGroup(ctx, id);
    if (before.activeCount > 0) {
      throw ruleError('id', t('errors.groupNotEmpty', { name: before.name, count: before.activeCount }));
    }
    ctx.store.db.update(groups).set({ archivedOn }).where(eq(groups.id, id)).run();
    const after = getGroup(ctx, id);
    audit({ action: 'archive', entity: 'group', entityId: id, before, after });
    return after;
  });
}
