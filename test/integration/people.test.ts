import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { testHost, ok, fails, count, samplePerson, hostCtx } from '../helpers/host.ts';
import { groupOnDate } from '../../main/people/service.ts';

let host: AppHost;
beforeEach(async () => {
  host = await testHost();
});
afterEach(() => host.close());

describe('people and groups (ORG-1…3)', () => {
  it('creates a group and a person and audits both in the same transaction', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    const person = await ok(host, 'people.create', { ...samplePerson, groupId: group.id });
    expect(person).toMatchObject({ employeeNo: 'A001', groupName: '一组', status: 'active', hireDate: '2024-02-29' });
    const history = await ok(host, 'audit.history', { entity: 'person', entityId: person.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', actorName: '主管' });
  });

  it('ORG-1: a group has one active leader; a second is refused and nothing is written', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    await ok(host, 'people.create', { ...samplePerson, groupId: group.id, role: 'leader' });
    const audits = count(host, 'audit_log');
    const error = await fails(host, 'people.create', {
      ...samplePerson,
      employeeNo: 'A002',
      name: '李娜',
      groupId: group.id,
      role: 'leader',
    });
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('ORG-1');
    expect(count(host, 'people')).toBe(1);
    expect(count(host, 'audit_log')).toBe(audits);
  });

  it('ORG-1: agents and leaders need a group; managers and supervisors do not', async () => {
    expect((await fails(host, 'people.create', { ...samplePerson, groupId: null })).details?.[0]?.path).toBe('groupId');
    await ok(host, 'people.create', { ...samplePerson, groupId: null, role: 'supervisor' });
  });

  it('ORG-3: employee numbers stay unique even after the holder left', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    const person = await ok(host, 'people.create', { ...samplePerson, groupId: group.id });
    await ok(host, 'people.markLeft', { id: person.id, leftOn: '2026-03-31', reason: '个人原因' });
    const error = await fails(host, 'people.create', { ...samplePerson, name: '王芳', groupId: group.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.[0]).toMatchObject({ path: 'employeeNo' });
  });

  it('ORG-3: leaving keeps the person with the date; a date before hiring is refused', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    const person = await ok(host, 'people.create', { ...samplePerson, groupId: group.id });
    expect((await fails(host, 'people.markLeft', { id: person.id, leftOn: '2024-02-28' })).details?.[0]?.path).toBe('leftOn');
    const left = await ok(host, 'people.markLeft', { id: person.id, leftOn: '2024-02-29' });
    expect(left).toMatchObject({ status: 'left', leftOn: '2024-02-29' });
    expect(count(host, 'people')).toBe(1);
    expect((await fails(host, 'people.markLeft', { id: person.id, leftOn: '2024-03-01' })).code).toBe('RULE_VIOLATION');
  });

  it('sorts a new group last: its sort order is its id, also when the id sequence was reset (ORG-1)', async () => {
    const one = await ok(host, 'people.createGroup', { name: '一组' });
    const two = await ok(host, 'people.createGroup', { name: '二组' });
    expect([one.sortOrder, two.sortOrder]).toEqual([one.id, two.id]);
    // A sequence behind the table (edited by hand, or rows inserted with explicit ids): the sort
    // order is set again from the id the row really got.
    host.store().sqlite.prepare("update sqlite_sequence set seq = 0 where name = 'groups'").run();
    const three = await ok(host, 'people.createGroup', { name: '三组' });
    expect(three.id).toBe(two.id + 1);
    expect(three.sortOrder).toBe(three.id);
    const stored = host.store().sqlite.prepare('select id, sort_order as sortOrder from groups order by id').all();
    expect(stored).toEqual([one, two, three].map((g) => ({ id: g.id, sortOrder: g.id })));
    const history = await ok(host, 'audit.history', { entity: 'group', entityId: three.id });
    expect(history[0]!.changes).toContainEqual({ field: 'sortOrder', before: null, after: three.id });
  });

  it('moves a person between groups from a date and keeps the old membership', async () => {
    const one = await ok(host, 'people.createGroup', { name: '一组' });
    const two = await ok(host, 'people.createGroup', { name: '二组' });
    const person = await ok(host, 'people.create', { ...samplePerson, groupId: one.id });
    expect((await fails(host, 'people.move', { id: person.id, groupId: two.id, fromDate: '2024-01-01' })).details?.[0]?.path).toBe(
      'fromDate',
    );
    const moved = await ok(host, 'people.move', { id: person.id, groupId: two.id, fromDate: '2025-06-01' });
    expect(moved.groupName).toBe('二组');
    const moves = host.store().sqlite.prepare('select from_group_id as f, to_group_id as t, on_date as d from group_moves').all();
    expect(moves).toEqual([{ f: one.id, t: two.id, d: '2025-06-01' }]);
    // The group of the time: 一组 before the move, 二组 from its first day.
    const ctx = hostCtx(host);
    expect(groupOnDate(ctx, person.id, '2025-05-31')).toBe(one.id);
    expect(groupOnDate(ctx, person.id, '2025-06-01')).toBe(two.id);
    expect((await fails(host, 'people.move', { id: person.id, groupId: one.id, fromDate: '2025-06-01' })).details?.[0]?.path).toBe(
      'fromDate',
    );
  });

  it('archives only an empty group, and an archived group takes no members', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    const person = await ok(host, 'people.create', { ...samplePerson, groupId: group.id });
    expect((await fails(host, 'people.archiveGroup', { id: group.id, archivedOn: '2026-01-01' })).code).toBe('RULE_VIOLATION');
    await ok(host, 'people.markLeft', { id: person.id, leftOn: '2025-12-31' });
    await ok(host, 'people.archiveGroup', { id: group.id, archivedOn: '2026-01-01' });
    const error = await fails(host, 'people.create', { ...samplePerson, employeeNo: 'A009', groupId: group.id });
    expect(error.code).toBe('RULE_VIOLATION');
  });

  it('lists with search and filters', async () => {
    const group = await ok(host, 'people.createGroup', { name: '一组' });
    await ok(host, 'people.create', { ...samplePerson, groupId: group.id });
    await ok(host, 'people.create', {
      ...samplePerson,
      employeeNo: 'B002',
      name: '李娜',
      phone: '13900000000',
      groupId: group.id,
      role: 'leader',
    });
    expect((await ok(host, 'people.list', { search: '李' })).map((p: any) => p.name)).toEqual(['李娜']);
    expect((await ok(host, 'people.list', { search: '1380013' })).map((p: any) => p.name)).toEqual(['张伟']);
    expect((await ok(host, 'people.list', { role: 'leader' })).map((p: any) => p.name)).toEqual(['李娜']);
    expect(await ok(host, 'people.list', { search: '%' })).toEqual([]);
  });
});
