// The app's evaluator against the reference scorer (shared/tools/roster_eval.py) on many random
// rosters, valid and invalid: same penalty (ROS-1 coverage and requests) and the same multiset of
// hard violations (ROS-4 rest and consecutive-day limits among them).
import { describe, expect, it } from 'vitest';
import { generateProblem } from '../../../main/roster/generate.ts';
import type { RosterProblem } from '../../../main/roster/problem.ts';
import { scoreRoster, type LooseAssignment } from '../../../main/roster/score.ts';
import { Rng } from '../../../main/roster/solver/rng.ts';
import { haveReferenceScorer, loadFixture, referenceScoreBatch, referenceScoreCli, violationKeys } from './fixtures.ts';

/** A random roster; with `broken` it also names unknown people, shifts and days and doubles up. */
function randomRoster(problem: RosterProblem, rng: Rng, broken: boolean): LooseAssignment[] {
  const density = 0.2 + 0.7 * rng.next();
  const out: LooseAssignment[] = [];
  for (const p of problem.staff) {
    for (let d = 0; d < problem.days; d++) {
      if (rng.next() < density) out.push({ staff: p.id, day: d, shift: problem.shifts[rng.int(problem.shifts.length)]!.id });
    }
  }
  if (broken) {
    const extras = 1 + rng.int(6);
    for (let i = 0; i < extras; i++) {
      const p = problem.staff[rng.int(problem.staff.length)]!.id;
      const s = problem.shifts[rng.int(problem.shifts.length)]!.id;
      const d = rng.int(problem.days);
      const kind = rng.int(6);
      if (kind === 0) out.push({ staff: 'nobody', day: d, shift: s });
      else if (kind === 1) out.push({ staff: p, day: d, shift: 'no-such-shift' });
      else if (kind === 2) out.push({ staff: p, day: problem.days + rng.int(3), shift: s });
      else if (kind === 3) out.push({ staff: p, day: -1, shift: s });
      else if (kind === 4) out.push({ staff: p, day: 2.5, shift: s });
      else out.push({ staff: p, day: d, shift: s }, { staff: p, day: d, shift: s });
    }
  }
  return rng.shuffle(out);
}

const problems: [string, RosterProblem][] = [
  ['ex-group5', loadFixture('ex-group5.json')],
  ['ex-team12', loadFixture('ex-team12.json')],
  ['curtois instance2', loadFixture('instance2.json')],
  ['generated 20×3×28', generateProblem('score-a', { people: 20, shiftTypes: 3, days: 28 })],
  ['generated from a Sunday', generateProblem('score-b', { people: 9, shiftTypes: 4, days: 14, startDate: '2026-12-06' })],
  ['generated from a Thursday', generateProblem('score-c', { people: 15, shiftTypes: 2, days: 21, startDate: '2027-02-25' })],
  ['generated 60×6×28', generateProblem('score-d', { people: 60, shiftTypes: 6, days: 28 })],
];

describe.skipIf(!haveReferenceScorer)('scoreRoster agrees with roster_eval.py', () => {
  it.each(problems)('on 60 random rosters of %s', (_name, problem) => {
    const rng = new Rng(problem.staff.length * 7919 + problem.days);
    const rosters = Array.from({ length: 60 }, (_, i) => randomRoster(problem, rng, i % 3 === 0));
    const reference = referenceScoreBatch(problem, rosters);
    rosters.forEach((roster, i) => {
      const ours = scoreRoster(problem, roster);
      expect(ours.penalty, `roster ${i}`).toBe(reference[i]!.penalty);
      expect(violationKeys(ours.hardViolations), `roster ${i}`).toEqual(violationKeys(reference[i]!.hardViolations));
    });
  });

  it('matches the command-line scorer, details included, on a few rosters', () => {
    const problem = loadFixture('ex-team12.json');
    const rng = new Rng(42);
    for (let i = 0; i < 3; i++) {
      const roster = randomRoster(problem, rng, i === 1);
      const reference = referenceScoreCli(problem, roster);
      const ours = scoreRoster(problem, roster);
      expect(ours.penalty).toBe(reference.penalty);
      const strip = (v: { rule: string; staff: unknown; day: unknown; detail: string }) =>
        v.rule === 'unknown'
          ? `${v.rule}|${String(v.staff)}|${String(v.day)}`
          : `${v.rule}|${String(v.staff)}|${String(v.day)}|${v.detail}`;
      expect(ours.hardViolations.map(strip)).toEqual(reference.hardViolations.map(strip));
    }
  });
});

describe('scoreRoster', () => {
  const problem = loadFixture('ex-group5.json');

  it('scores an empty roster: every post short (ROS-1) and every minimum-minutes rule broken', () => {
    const score = scoreRoster(problem, []);
    const expected =
      problem.cover.reduce((a, c) => a + c.underWeight * c.requirement, 0) +
      problem.requests.filter((r) => r.kind === 'on').reduce((a, r) => a + r.weight, 0);
    expect(score.penalty).toBe(expected);
    expect(score.hardViolations.filter((v) => v.rule === 'total-minutes')).toHaveLength(problem.staff.length);
  });

  it('names ROS-4 breaches: late then early, too many days in a row, a single day off', () => {
    const row = (staff: string, shifts: string) => [...shifts].flatMap((s, day) => (s === '.' ? [] : [{ staff, day, shift: s }]));
    const score = scoreRoster(problem, row('P01', 'LEEEEEE.E..EEE'));
    const rules = score.hardViolations.filter((v) => v.staff === 'P01').map((v) => `${v.rule}@${v.day}`);
    expect(rules).toContain('forbidden-succession@0');
    expect(rules).toContain('max-consecutive-shifts@0');
    expect(rules).toContain('min-consecutive-shifts@8');
  });

  it('explains the remaining penalty: short posts first, unmet requests', () => {
    const score = scoreRoster(problem, []);
    const first = score.breakdown.cover[0]!;
    expect(first.short).toBe(Math.max(...problem.cover.map((c) => c.requirement)));
    expect(first.assigned).toBe(0);
    expect(score.breakdown.coverPenalty + score.breakdown.requestPenalty).toBe(score.penalty);
    expect(score.breakdown.requests.every((r) => r.request.kind === 'on')).toBe(true);
  });
});

describe('explainShortfalls', () => {
  it('tells for each short post (ROS-1) why each person is not on it', async () => {
    const { explainShortfalls } = await import('../../../main/roster/explain.ts');
    const problem = loadFixture('ex-group5.json');
    // Only P01 works, Monday to Friday early: every other post is short.
    const assignments = [0, 1, 2, 3, 4].map((day) => ({ staff: 'P01', day, shift: 'E' }));
    const explained = explainShortfalls(problem, assignments);
    expect(explained.length).toBeGreaterThan(0);
    const late = explained.find((e) => e.day === 4 && e.shift === 'L')!;
    const p01 = late.people.find((r) => r.staff === 'P01')!;
    expect(p01.kind).toBe('costs-more');
    const p02 = explained.find((e) => e.day === 3)!.people.find((r) => r.staff === 'P02')!;
    expect(p02.kind).toBe('day-off');
    // Putting P01 on the Saturday late shift after five days makes six in a row (ROS-4).
    const saturday = explained.find((e) => e.day === 5 && e.shift === 'L')!;
    const reason = saturday.people.find((r) => r.staff === 'P01')!;
    expect(reason).toEqual({ staff: 'P01', kind: 'breaks-rules', rules: ['max-consecutive-shifts'] });
  });
});
