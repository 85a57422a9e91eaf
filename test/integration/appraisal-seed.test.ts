import fs from 'node:fs';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import type { SeedReport } from '../../main/seed/index.ts';
import { previousPeriod } from '../../main/appraisal/rules/index.ts';
import { tempDir, seededHost, ok, count } from '../helpers/host.ts';

// The appraisal seed (npm run seed): a monthly cycle for every month of the history, scored with
// the real rules, checked through the app's own channels on a small department.

const END = '2026-03-31';
let dir: string;
let host: AppHost;
let report: SeedReport;
const all = <T = any>(sql: string, ...params: unknown[]) =>
  host
    .store()
    .sqlite.prepare(sql)
    .all(...params) as T[];

beforeAll(async () => {
  dir = tempDir('banzu-appraisal-seed-');
  ({ report, host } = await seededHost(dir, 11, END));
});
afterAll(() => {
  host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('seedAppraisals', () => {
  it('APR-4: a cycle a month, every month but the last locked, everyone employed in it appraised', async () => {
    const cycles = await ok(host, 'appraisal.cycles', {});
    expect(cycles).toHaveLength(13);
    expect(report.appraisals).toMatchObject({ cycles: 13, templates: 2, appraisals: count(host, 'appraisals') });
    expect(cycles.map((c: any) => c.status)).toEqual(['open', ...Array(12).fill('locked')]);
    expect(cycles[0].period).toBe('2026-03');
    for (const cycle of cycles.slice(1)) expect(cycle.states.locked).toBe(cycle.people);
    // Every leader and agent employed on a day of February 2026 is in its cycle, once.
    const employed = all(
      `select count(*) as n from people where role in ('leader', 'agent') and hire_date <= '2026-02-28' and (left_on is null or left_on >= '2026-02-01')`,
    )[0].n;
    expect(cycles.find((c: any) => c.period === '2026-02').people).toBe(employed);
  });

  it('APR-1…7: the stored totals, grades and coefficients are what the rules give for the stored data', async () => {
    const board = await ok(host, 'appraisal.board', { period: '2026-02', groupId: null });
    const grades = new Set(board.rows.map((r: any) => r.grade));
    expect(grades.has('good')).toBe(true);
    for (const row of board.rows.slice(0, 12)) {
      const detail = await ok(host, 'appraisal.get', { id: row.id });
      expect(detail.state).toBe('locked');
      expect(detail.feedback).not.toBeNull();
      expect(detail.stored.total).toBe(detail.live.total);
      expect(detail.stored.grade).toBe(detail.live.grade);
      expect(detail.stored.coefficient).toBe(row.coefficient);
      expect(detail.steps.map((s: any) => s.toState)).toEqual(['self-assessed', 'scored', 'consolidated', 'locked']);
    }
    // The month under way has appraisals at several steps, none locked.
    const march = await ok(host, 'appraisal.board', { period: '2026-03', groupId: null });
    const states = new Set(march.rows.map((r: any) => r.state));
    expect(states.has('draft')).toBe(true);
    expect(states.has('locked')).toBe(false);
  });

  it('APR-8: every 不合格 has an improvement plan; an HR flag only after two consecutive 不合格', () => {
    const unqualified = all(
      `select a.id, a.person_id as personId, c.period from appraisals a join appraisal_cycles c on c.id = a.cycle_id where a.grade = 'unqualified'`,
    );
    expect(count(host, 'improvement_plans')).toBe(unqualified.length);
    const failed = new Set(unqualified.map((u) => `${u.personId}:${u.period}`));
    const flags = all<{ personId: number; evidence: string }>(
      `select person_id as personId, evidence from hr_flags where kind = 'unqualified-twice'`,
    );
    expect(flags.length).toBe(report.appraisals.hrFlags);
    for (const flag of flags) {
      const [before, after] = JSON.parse(flag.evidence).periods as [string, string];
      expect(previousPeriod(after)).toBe(before);
      expect(failed.has(`${flag.personId}:${before}`) && failed.has(`${flag.personId}:${after}`)).toBe(true);
    }
  });

  it('APR-9 and APR-4: retakes point at failed attempts; finished years have summary scores', async () => {
    const retakes = all(
      `select r.passed, o.passed as originalPassed, r.taken_on >= o.taken_on as later from training_assessments r join training_assessments o on o.id = r.retake_of`,
    );
    expect(retakes.length).toBeGreaterThan(0);
    expect(retakes.every((r) => r.originalPassed === 0 && r.later === 1)).toBe(true);
    const year = await ok(host, 'appraisal.annual', { year: 2025, groupId: null });
    expect(year.rows.length).toBeGreaterThan(30);
    expect(year.rows.every((r: any) => r.summaryScore !== null && r.rankInDepartment !== null)).toBe(true);
  });
});
