// Shared helpers for the roster tests: fixture problems and the reference scorer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseProblem, type RosterProblem } from '../../../main/roster/problem.ts';
import type { LooseAssignment } from '../../../main/roster/score.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
export const fixtureDir = join(repoRoot, 'test/fixtures/roster');
/** shared/ sits beside the repository (also in CI). */
export const rosterEvalPy = process.env.ROSTER_EVAL ?? join(repoRoot, '..', 'shared', 'tools', 'roster_eval.py');
export const haveReferenceScorer = existsSync(rosterEvalPy);

export function loadFixture(name: string): RosterProblem {
  return parseProblem(JSON.parse(readFileSync(join(fixtureDir, name), 'utf8')));
}

export interface ReferenceScore {
  penalty: number;
  hardViolations: { rule: string; staff: unknown; day: unknown; detail: string }[];
}

/** roster_eval.py PROBLEM SOLUTION --json, exactly as a person would run it. */
export function referenceScoreCli(problem: RosterProblem, assignments: readonly LooseAssignment[]): ReferenceScore {
  const dir = mkdtempSync(join(tmpdir(), 'roster-eval-'));
  const p = join(dir, 'problem.json');
  const s = join(dir, 'solution.json');
  writeFileSync(p, JSON.stringify(problem));
  writeFileSync(s, JSON.stringify({ format: 'roster-solution/1', assignments, penalty: 0, hardViolations: [] }));
  let out: string;
  try {
    out = execFileSync('python3', [rosterEvalPy, p, s, '--json'], { encoding: 'utf8' });
  } catch (e) {
    // Exit code 1 means "valid JSON, but the roster breaks a hard rule".
    const err = e as { status?: number; stdout?: string };
    if (err.status !== 1 || !err.stdout) throw e;
    out = err.stdout;
  }
  return JSON.parse(out) as ReferenceScore;
}

/**
 * Many rosters at once through roster_eval.evaluate (the same function the CLI calls) in one
 * Python process, so hundreds of comparisons stay fast.
 */
export function referenceScoreBatch(problem: RosterProblem, rosters: readonly (readonly LooseAssignment[])[]): ReferenceScore[] {
  const dir = mkdtempSync(join(tmpdir(), 'roster-eval-batch-'));
  const input = join(dir, 'batch.json');
  writeFileSync(input, JSON.stringify({ problem, rosters }));
  const script = [
    'import json, sys',
    `sys.path.insert(0, ${JSON.stringify(join(rosterEvalPy, '..'))})`,
    'import roster_eval',
    `batch = json.load(open(${JSON.stringify(input)}))`,
    'out = []',
    'for r in batch["rosters"]:',
    '    penalty, hard = roster_eval.evaluate(batch["problem"], {"assignments": r})',
    '    out.append({"penalty": penalty, "hardViolations": hard})',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8', maxBuffer: 256 << 20 })) as ReferenceScore[];
}

/** Violations as sorted "rule|staff|day" keys: the multiset the scorers must agree on. */
export function violationKeys(list: readonly { rule: string; staff: unknown; day: unknown }[]): string[] {
  return list.map((v) => `${v.rule}|${String(v.staff)}|${String(v.day)}`).sort();
}
