import type { RosterHandlers } from './types.ts';
import { notBuilt } from './types.ts';

// The auto-scheduler as jobs: start, poll for progress, cancel.
export const scheduleHandlers: Pick<RosterHandlers, 'autoSchedule' | 'scheduleJob' | 'cancelSchedule'> = {
  autoSchedule: notBuilt,
  scheduleJob: notBuilt,
  cancelSchedule: notBuilt,
};
