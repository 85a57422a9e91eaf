// npm run roster:solve — the headless entry: solution JSON on stdout, errors on stderr, exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSolution } from '../../../main/roster/problem.ts';
import { scoreRoster } from '../../../main/roster/score.ts';
import { fixtureDir, loadFixture } from './fixtures.ts';

const cli = resolve(import.meta.dirname, '../../../main/cli/roster-solve.ts');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('roster:solve', () => {
  it('prints only a scored roster-solution/1 on stdout', () => {
    const result = run(join(fixtureDir, 'ex-group5.json'), '--seconds', '3', '--seed', '2');
    expect(result.status).toBe(0);
    const solution = parseSolution(JSON.parse(result.stdout));
    const score = scoreRoster(loadFixture('ex-group5.json'), solution.assignments);
    expect(solution.penalty).toBe(score.penalty);
    expect(solution.hardViolations).toEqual(score.hardViolations);
  }, 30_000);

  it('exits 2 with the reasons on stderr when the problem is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
    const file = join(dir, 'bad.json');
    const problem = structuredClone(loadFixture('ex-group5.json'));
    problem.cover[0]!.shift = 'X';
    writeFileSync(file, JSON.stringify(problem));
    const result = run(file, '--seconds', '1');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/cover\[0\]\.shift: unknown shift id "X"/);
  });

  it('exits 2 on a missing file or a bad option', () => {
    expect(run('/no/such/problem.json').status).toBe(2);
    expect(run(join(fixtureDir, 'ex-group5.json'), '--seconds', 'soon').status).toBe(2);
    expect(run().status).toBe(2);
  });
});
