import { describe, expect, it } from 'vitest';
import { parseProblem, parseSolution, type RosterProblem } from '../../../main/roster/problem.ts';
import { loadFixture } from './fixtures.ts';

const base = (): RosterProblem => structuredClone(loadFixture('ex-group5.json'));

function rejection(mutate: (p: Record<string, any>) => void): string {
  const p = base() as unknown as Record<string, any>;
  mutate(p);
  try {
    parseProblem(p);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the problem to be rejected');
}

describe('parseProblem', () => {
  it('accepts the shared examples and keeps their content', () => {
    const p = loadFixture('ex-team12.json');
    expect(p.staff).toHaveLength(12);
    expect(p.shifts.map((s) => s.id)).toEqual(['E', 'L', 'N']);
  });

  it.each([
    ['unknown shift in maxShifts', (p: any) => (p.staff[1].maxShifts.X = 3), /staff\[1\]\.maxShifts\.X: unknown shift id "X"/],
    ['unknown shift in a request', (p: any) => (p.requests[0].shift = 'Q'), /requests\[0\]\.shift: unknown shift id "Q"/],
    ['unknown staff in a request', (p: any) => (p.requests[2].staff = 'ZZ'), /requests\[2\]\.staff: unknown staff id "ZZ"/],
    ['unknown shift in cover', (p: any) => (p.cover[3].shift = 'N'), /cover\[3\]\.shift: unknown shift id "N"/],
    [
      'unknown shift in forbiddenNext',
      (p: any) => p.shifts[1].forbiddenNext.push('Z'),
      /shifts\[1\]\.forbiddenNext\[1\]: unknown shift id "Z"/,
    ],
    ['cover day out of range', (p: any) => (p.cover[0].day = 14), /cover\[0\]\.day: day 14 is outside 0\.\.13/],
    ['request day out of range', (p: any) => (p.requests[1].day = 99), /requests\[1\]\.day: day 99 is outside/],
    ['day off out of range', (p: any) => p.staff[0].daysOff.push(20), /staff\[0\]\.daysOff\[0\]: day 20 is outside/],
    ['duplicate staff id', (p: any) => (p.staff[2].id = p.staff[0].id), /staff\[2\]\.id: duplicate staff id "P01"/],
    ['duplicate shift id', (p: any) => p.shifts.push({ ...p.shifts[0] }), /shifts\[2\]\.id: duplicate shift id "E"/],
    ['duplicate cover row', (p: any) => p.cover.push({ ...p.cover[0] }), /cover\[28\]: second cover row for day 0 shift "E"/],
    ['negative minutes', (p: any) => (p.staff[0].minMinutes = -5), /staff\[0\]\.minMinutes: .*>=0/],
    ['negative weight', (p: any) => (p.requests[0].weight = -1), /requests\[0\]\.weight/],
    ['fractional requirement', (p: any) => (p.cover[0].requirement = 1.5), /cover\[0\]\.requirement: .*expected int/],
    ['wrong format tag', (p: any) => (p.format = 'roster-problem/2'), /format: /],
    ['bad start date', (p: any) => (p.startDate = '2026-13-01'), /startDate: must be a date/],
    ['request kind', (p: any) => (p.requests[0].kind = 'maybe'), /requests\[0\]\.kind/],
    ['missing field', (p: any) => delete p.staff[0].maxWeekends, /staff\[0\]\.maxWeekends/],
  ])('rejects %s with a precise path', (_name, mutate, message) => {
    expect(rejection(mutate)).toMatch(message);
  });

  it('lists every problem in one message', () => {
    const message = rejection((p) => {
      p.cover[0].shift = 'X';
      p.staff[4].daysOff = [-1];
    });
    expect(message).toMatch(/cover\[0\]\.shift/);
    expect(message).toMatch(/staff\[4\]\.daysOff\[0\]/);
  });

  it('rejects something that is not an object', () => {
    expect(() => parseProblem(null)).toThrow(/invalid roster-problem\/1/);
  });
});

describe('parseSolution', () => {
  it('accepts a solution and rejects a broken one', () => {
    const ok = { format: 'roster-solution/1', assignments: [{ staff: 'A', day: 1, shift: 'E' }], penalty: 5, hardViolations: [] };
    expect(parseSolution(ok).penalty).toBe(5);
    expect(() => parseSolution({ ...ok, assignments: [{ staff: 'A', day: -1, shift: 'E' }] })).toThrow(/assignments\[0\]\.day/);
  });
});
