// The auto-scheduler as jobs (ROS-1, ROS-4): start returns at once, the solver runs in a worker
// thread (the IPC thread keeps answering), the UI polls for progress and, when done, for the
// proposed cells, which it applies with roster.setCells (source 'auto') so they pass the same
// checks, audit and undo as edits by hand. Jobs live in memory per host, one per scope at a time,
// and are forgotten an hour after they end.
import { randomUUID } from 'node:crypto';
import type { AppHost } from '../../app/host.ts';
import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../ipc/app-error.ts';
import { t } from '../../i18n/index.ts';
import { getGroup } from '../../people/service.ts';
import type { MonthView, ScheduleJob } from '../contract.ts';
import type { RosterSolution } from '../problem.ts';
import type { SolveProgress } from '../solver/index.ts';
import { runSolverInWorker } from '../solver/run-in-worker.ts';
import { monthView } from '../month.ts';
import { listWishes } from '../wishes.ts';
import { buildScheduleProblem, type ScheduleProblem } from './problem.ts';
import { changesFor, outcomeOf, ruleBreaks, withChanges, type Outcome } from './result.ts';

/** Finished jobs are forgotten this long after they end. */
export const JOB_TTL_MS = 60 * 60 * 1000;
/**
 * Solver threads per job. One: on the 2-core machines the app runs on, a second search thread
 * competes with the app's own main and renderer threads for the other core (measured: IPC answers
 * stay under ~10 ms with one thread, and slow down under load with two), and one thread with the
 * whole budget reaches nearly the same rosters.
 */
export const SOLVER_THREADS = 1;
interface Job {
  id: string;
  scopeKey: string;
  month: string;
  groupId: number | null;
  fillGapsOnly: boolean;
  seconds: number;
  state: ScheduleJob['state'];
  started: number;
  ended: number | null;
  bestPenalty: number | null;
  valid: boolean;
  stoppedAtZero: boolean;
  cancelled: boolean;
  failure: string | null;
  controller: AbortController;
  built: ScheduleProblem;
  outcome: Outcome | null;
  done: Promise<void>;
}

const registries = new WeakMap<AppHost, Map<string, Job>>();

function jobsOf(host: AppHost): Map<string, Job> {
  let jobs = registries.get(host);
  if (!jobs) registries.set(host, (jobs = new Map()));
  const now = Date.now();
  for (const [id, job] of jobs) if (job.ended !== null && now - job.ended > JOB_TTL_MS) jobs.delete(id);
  return jobs;
}

function scopeName(ctx: Ctx, groupId: number | null): string {
  return groupId === null ? t('roster.schedule.department') : getGroup(ctx, groupId).name;
}

/** What must exist before a month can be scheduled: people, shift types and requirements. */
function refuseUnplannable(view: MonthView, scope: string): void {
  const refuse = (message: string, path: string): never => {
    throw new AppError('RULE_VIOLATION', message, [{ path, message }]);
  };
  const params = { scope, month: view.month };
  const scopeGroup = view.groupId === null ? undefined : view.groups.find((g) => g.id === view.groupId);
  if (scopeGroup?.status === 'published') refuse(t('roster.schedule.published', params), 'month');
  if (view.people.length === 0) refuse(t('roster.schedule.noPeople', params), 'groupId');
  if (!view.shiftTypes.some((s) => s.archivedOn === null)) refuse(t('roster.schedule.noShiftTypes', params), 'groupId');
  const live = new Set(view.shiftTypes.filter((s) => s.archivedOn === null).map((s) => s.id));
  if (!view.requirements.some((r) => r.minPeople > 0 && live.has(r.shiftTypeId)))
    refuse(t('roster.schedule.noRequirements', params), 'groupId');
}

function solve(job: Job, seed: number): Promise<RosterSolution> {
  const { problem, locked } = job.built;
  const onProgress = (info: SolveProgress) => {
    job.bestPenalty = Math.max(0, info.bestPenalty - job.built.requestOffset);
    job.valid = info.valid;
    // Nothing is better than no penalty: stop and hand back that roster.
    if (info.valid && job.bestPenalty === 0 && !job.controller.signal.aborted) {
      job.stoppedAtZero = true;
      job.controller.abort();
    }
  };
  return runSolverInWorker(problem, {
    seconds: job.seconds,
    seed,
    locked,
    onProgress,
    signal: job.controller.signal,
    threads: SOLVER_THREADS,
  });
}

function startSolving(job: Job, seed: number, view: MonthView): Promise<void> {
  return solve(job, seed).then(
    async (solution) => {
      try {
        job.outcome = await outcomeOf(job.built, solution, view);
        job.state = job.cancelled ? 'cancelled' : 'done';
      } catch (error) {
        job.state = 'failed';
        job.failure = error instanceof Error ? error.message : String(error);
      }
      job.ended = Date.now();
    },
    (error: unknown) => {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      job.state = aborted ? 'cancelled' : 'failed';
      if (!aborted) job.failure = error instanceof Error ? error.message : String(error);
      job.ended = Date.now();
    },
  );
}

function snapshot(ctx: Ctx, job: Job): ScheduleJob {
  const elapsedMs = (job.ended ?? Date.now()) - job.started;
  if (job.state === 'running' || job.state === 'failed') {
    return {
      id: job.id,
      state: job.state,
      elapsedMs,
      bestPenalty: job.bestPenalty,
      valid: job.valid,
      message: job.state === 'failed' ? t('roster.schedule.failed', { detail: job.failure ?? '' }) : null,
      result: null,
    };
  }
  if (!job.outcome) {
    return {
      id: job.id,
      state: job.state,
      elapsedMs,
      bestPenalty: null,
      valid: false,
      message: t('roster.schedule.cancelledEmpty'),
      result: null,
    };
  }
  // Changes against the roster as it is now: edits and locks made while the job ran are kept.
  const view = monthView(ctx, job.month, job.groupId);
  const changes = changesFor(view, job.outcome.proposal, job.fillGapsOnly);
  const hardViolations = ruleBreaks(withChanges(view, changes));
  const valid = hardViolations.length === 0;
  const explanation = [...job.outcome.explanation, ...job.outcome.modelBreaks.map((message) => ({ kind: 'note', message, penalty: 0 }))];
  const messages = [
    job.cancelled ? t('roster.schedule.cancelledWithResult') : job.stoppedAtZero ? t('roster.schedule.stoppedAtZero') : null,
    valid ? null : t('roster.schedule.invalid'),
  ].filter((m): m is string => m !== null);
  return {
    id: job.id,
    state: job.state,
    elapsedMs,
    bestPenalty: job.outcome.penalty,
    valid,
    message: messages.length > 0 ? messages.join(' ') : null,
    result: { changes, penalty: job.outcome.penalty, explanation, hardViolations },
  };
}

function findJob(ctx: Ctx & { host: AppHost }, id: string): Job {
  const job = jobsOf(ctx.host).get(id);
  if (!job) {
    const message = t('roster.schedule.jobNotFound');
    throw new AppError('NOT_FOUND', message, [{ path: 'id', message }]);
  }
  return job;
}

export interface StartInput {
  month: string;
  groupId: number | null;
  seconds: number;
  fillGapsOnly: boolean;
  seed?: number;
}

/** Validates, builds the problem and starts the solver; answers at once with the running job. */
export function startSchedule(ctx: Ctx & { host: AppHost }, input: StartInput): ScheduleJob {
  const jobs = jobsOf(ctx.host);
  const name = scopeName(ctx, input.groupId);
  const scopeKey = input.groupId === null ? 'department' : `group:${input.groupId}`;
  const busy = [...jobs.values()].find((j) => j.scopeKey === scopeKey && j.state === 'running');
  if (busy) {
    const message = t('roster.schedule.busy', { scope: name, month: busy.month, seconds: Math.round((Date.now() - busy.started) / 1000) });
    throw new AppError('CONFLICT', message, [{ path: 'groupId', message }]);
  }
  const view = monthView(ctx, input.month, input.groupId);
  refuseUnplannable(view, name);
  const built = buildScheduleProblem(view, listWishes(ctx, input.month), { fillGapsOnly: input.fillGapsOnly });
  const job: Job = {
    id: randomUUID(),
    scopeKey,
    month: input.month,
    groupId: input.groupId,
    fillGapsOnly: input.fillGapsOnly,
    seconds: input.seconds,
    state: 'running',
    started: Date.now(),
    ended: null,
    bestPenalty: null,
    valid: false,
    stoppedAtZero: false,
    cancelled: false,
    failure: null,
    controller: new AbortController(),
    built,
    outcome: null,
    done: Promise.resolve(),
  };
  jobs.set(job.id, job);
  job.done = startSolving(job, input.seed ?? 1, view);
  return snapshot(ctx, job);
}

export function scheduleJob(ctx: Ctx & { host: AppHost }, id: string): ScheduleJob {
  return snapshot(ctx, findJob(ctx, id));
}

/** Stops the search; the best roster found so far is still offered (once the worker hands it back). */
export async function cancelSchedule(ctx: Ctx & { host: AppHost }, id: string): Promise<ScheduleJob> {
  const job = findJob(ctx, id);
  if (job.state === 'running') {
    job.cancelled = true;
    job.controller.abort();
    await job.done;
  }
  return snapshot(ctx, job);
}
