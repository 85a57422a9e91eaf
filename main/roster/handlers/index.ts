import type { RosterHandlers } from './types.ts';
import { coreHandlers } from './core.ts';
import { planningHandlers } from './planning.ts';
import { scheduleHandlers } from './schedule.ts';

export const rosterHandlers: RosterHandlers = { ...coreHandlers, ...planningHandlers, ...scheduleHandlers };
