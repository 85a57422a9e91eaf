import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openStore } from '../../db/connection.ts';
import type { AppHost } from '../../main/app/host.ts';
import type { SeededRoster } from '../../main/seed/roster.ts';
import { issueKey } from '../../main/roster/rules/index.ts';
import { tempDir, migrationsFolder, seededHost, ok } from '../helpers/host.ts';

// The roster seed: shift types, coverage, calendars and a year of published months for a small
// department, checked through the app's own channels.

const END = '2026-03-31';
let dir: string;
let host: AppHost;
let report: SeededRoster;
let groups: Array<{ id: number; name: string }>;

beforeAll(async () => {
  dir = tempDir('banzu-roster-seed-');
  // seedDatabase writes the people and then the rosters (seedRoster) in one transaction.
  const seeded = await seededHost(dir, 7, END);
  report = seeded.report.roster;
  const store = await openStore(path.join(dir, 'seed.db'), { migrationsFolder });
  groups = store.sqlite.prepare('select id, name from groups order by id').all() as typeof groups;
  store.sqlite.close();
  host = seeded.host;
});
afterAll(() => {
  host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T = any>(sql: string, ...params: unknown[]) =>
  host
    .store()
    .sqlite.prepare(sql)
    .all(...params) as T[];

describe('seedRoster', () => {
  it('writes four shift types, group and department coverage, the calendars, and every group-month published', async () => {
    expect((await ok(host, 'roster.shiftTypes')).map((s: any) => `${s.code} ${s.name}`)).toEqual(['E 早班', 'M 中班', 'L 晚班', 'N 夜班']);
    expect(await ok(host, 'roster.coverage', { groupId: groups[0]!.id })).not.toHaveLength(0);
    expect(await ok(host, 'roster.coverage', { groupId: null })).not.toHaveLength(0);
    // The package has no 2027 yet: that year stays without a calendar (weekends only).
    expect(all('select year, source from calendar_years order by year')).toEqual([
      { year: 2025, source: 'official' },
      { year: 2026, source: 'official' },
    ]);
    // 2025-03 … 2026-03: thirteen months for every group.
    expect(report.publishedMonths).toBe(13 * groups.length);
    expect(all("select count(*) as n from roster_months where status = 'published'")[0].n).toBe(report.publishedMonths);
    expect(report.cells).toBe(all('select count(*) as n from assignments')[0].n);
    expect(report.cells).toBeGreaterThan(10_000);
  });

  it('no cell lies outside its person’s employment, and published issues are coverage only (ROS-4 by construction)', () => {
    const outside = all(
      `select count(*) as n from assignments a join people p on p.id = a.person_id
        where a.date < p.hire_date or (p.left_on is not null and a.date > p.left_on)`,
    );
    expect(outside[0].n).toBe(0);
    const rules = new Set(
      all('select published_with_issues as i from roster_months where published_with_issues is not null').flatMap((r) =>
        JSON.parse(r.i).map((issue: any) => issue.rule),
      ),
    );
    expect([...rules].filter((r) => r !== 'coverage')).toEqual([]);
    expect(report.publishedWithIssues).toBeLessThan(report.publishedMonths / 2);
  });

  it('the issues stored at publishing are what the check channel finds in a month nobody edited afterwards', async () => {
    let compared = 0;
    for (const group of groups.slice(0, 3)) {
      for (const month of ['2025-06', '2025-11', '2026-02']) {
        if ((await ok(host, 'roster.changeLog', { month, groupId: group.id })).length > 0) continue;
        const stored = all('select published_with_issues as i from roster_months where group_id = ? and month = ?', group.id, month)[0];
        const expected = stored.i ? JSON.parse(stored.i).map(issueKey) : [];
        const found = (await ok(host, 'roster.check', { month, groupId: group.id })).map(issueKey);
        expect(found.sort()).toEqual(expected.sort());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('a few hand edits after publishing show in the change log of their month', async () => {
    expect(report.editsAfterPublishing).toBeGreaterThan(0);
    const edited = all<{ entityId: string }>(
      "select entity_id as entityId from audit_log where entity = 'assignment' and action = 'set' limit 1",
    )[0]!;
    const month = edited.entityId.slice(0, 7);
    const log = await ok(host, 'roster.changeLog', { month, groupId: null });
    expect(log.length).toBeGreaterThan(0);
    expect(log[0]).toMatchObject({ actorName: '主管', source: 'manual' });
    const view = await ok(host, 'roster.month', { month, groupId: null });
    expect(view.groups.every((g: any) => g.status === 'published')).toBe(true);
  });
});
