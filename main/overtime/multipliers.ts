import type { Ctx } from '../app/context.ts';
import { getSetting } from '../settings/service.ts';
import type { Multipliers } from './rules/overtime.ts';

// OT-1: the pay multipliers of overtime by kind of day, as the settings give them on a date. Kept
// apart from service.ts so attendance and the seed can read them without importing the service.

export function multipliersOn(ctx: Ctx, date: string): Multipliers {
  return {
    workday: getSetting(ctx, 'overtime.workdayMultiplier', date),
    rest: getSetting(ctx, 'overtime.restDayMultiplier', date),
    holiday: getSetting(ctx, 'overtime.holidayMultiplier', date),
  };
}
