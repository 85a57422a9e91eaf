import type { RosterHandlers } from './types.ts';
import { startSchedule, scheduleJob, cancelSchedule } from '../schedule/jobs.ts';

// The auto-scheduler as jobs: start, poll for progress, cancel.
export const scheduleHandlers: Pick<RosterHandlers, 'autoSchedule' | 'scheduleJob' | 'cancelSchedule'> = {
  autoSchedule: (input, ctx) => startSchedule(ctx, input),
  scheduleJob: ({ id }, ctx) => scheduleJob(ctx, id),
  cancelSchedule: ({ id }, ctx) => cancelSchedule(ctx, id),
};
