// The Curtois & Qu instances kept as fixtures (converted to roster-problem/1) have the sizes
// the benchmark publishes: days, people, shift types, days off, shift on/off requests, and a
// cover row for every day and shift. A slip in the conversion shows here before it shows as a
// solver that cannot reach the best known penalty.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDir, loadFixture } from './fixtures.ts';
import { weekday } from '../../../main/time/dates.ts';

// [instance, days, people, shift types, days-off entries, on/off requests]
const PUBLISHED: [number, number, number, number, number, number][] = [
  [1, 14, 8, 1, 8, 26],
  [2, 14, 14, 2, 14, 62],
  [3, 14, 20, 3, 20, 64],
  [4, 28, 10, 2, 20, 71],
  [5, 28, 16, 2, 32, 106],
  [6, 28, 18, 3, 36, 135],
  [7, 28, 20, 3, 40, 168],
  [8, 28, 30, 4, 60, 225],
  [9, 28, 36, 4, 72, 232],
  [10, 28, 40, 5, 80, 284],
  [11, 28, 50, 6, 100, 336],
];

describe('Curtois instance fixtures', () => {
  const present = PUBLISHED.filter(([i]) => existsSync(join(fixtureDir, `instance${i}.json`)));

  it('include instances 1–5, 7 and 8 at least', () => {
    expect(present.map(([i]) => i)).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 7, 8]));
  });

  it.each(present)('instance%i has the published sizes', (i, days, people, shifts, daysOff, requests) => {
    const problem = loadFixture(`instance${i}.json`);
    expect(problem.days).toBe(days);
    expect(problem.staff).toHaveLength(people);
    expect(problem.shifts).toHaveLength(shifts);
    expect(problem.staff.reduce((a, s) => a + s.daysOff.length, 0)).toBe(daysOff);
    expect(problem.requests).toHaveLength(requests);
    expect(problem.cover).toHaveLength(days * shifts);
    // The instances start on a Monday: day 5 is the first Saturday.
    expect(weekday(problem.startDate)).toBe(1);
  });
});
