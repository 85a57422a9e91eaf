import type { RosterHandlers } from './types.ts';
import type { Ctx } from '../../app/context.ts';
import { AppError } from '../../ipc/app-error.ts';
import type { ErrorDetail } from '../../ipc/contract-kit.ts';
import { t } from '../../i18n/index.ts';
import { statement } from '../../../db/statements.ts';
import { weekday as weekdayOf } from '../../time/dates.ts';
import type { StaffingParams } from '../contract.ts';
import { staffIntervals, trafficOf, maxTrafficErlangs } from '../staffing/erlang.ts';
import { coverageFromIntervals, type CoverageShift } from '../staffing/coverage.ts';
import { readDemand } from '../staffing/demand-import.ts';
import { exportHandover, previewHandover, applyHandover } from '../handover.ts';
import { exportRosterXlsx } from '../export.ts';

interface Demand {
  date: string | null;
  weekday: number | null;
  startMinute: number;
  contacts: number;
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Every interval names its day (a date, or a weekday of a weekly profile) once, and no interval
 * carries more traffic than Erlang C can be asked about; the weekday of a dated interval is its date's.
 */
function checkedDemand(demand: Demand[], params: StaffingParams): Demand[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  const result = demand.map((d, i) => {
    const weekday = d.date !== null ? weekdayOf(d.date) : d.weekday;
    const dayText = d.date ?? (weekday !== null ? t(`roster.staffing.weekdays.${weekday}`) : '');
    if (weekday === null) details.push({ path: `demand.${i}.weekday`, message: t('roster.staffing.noDayInDemand') });
    const key = `${d.date ?? `w${weekday}`} ${d.startMinute}`;
    if (weekday !== null && seen.has(key)) {
      details.push({
        path: `demand.${i}.startMinute`,
        message: t('roster.staffing.duplicateDemand', { day: dayText, time: clock(d.startMinute) }),
      });
    }
    seen.add(key);
    if (trafficOf(d.contacts, params) > maxTrafficErlangs) {
      details.push({
        path: `demand.${i}.contacts`,
        message: t('roster.staffing.trafficTooHigh', { day: dayText, time: clock(d.startMinute), contacts: d.contacts }),
      });
    }
    return { ...d, weekday };
  });
  if (details.length > 0) throw new AppError('VALIDATION', details[0]!.message, details);
  return result;
}

function staffing(params: StaffingParams, demand: Demand[]) {
  return staffIntervals(checkedDemand(demand, params), params);
}

function assertGroup(ctx: Ctx, groupId: number | null): void {
  if (groupId === null) return;
  if (!statement(ctx.store.sqlite, 'select 1 from groups where id = ?').get(groupId)) {
    const message = t('errors.groupNotFound', { id: groupId });
    throw new AppError('NOT_FOUND', message, [{ path: 'groupId', message }]);
  }
}

/** The shift types in use (not archived), in their display order. */
function activeShifts(ctx: Ctx): CoverageShift[] {
  return statement(
    ctx.store.sqlite,
    `select id, start_minute as startMinute, end_minute as endMinute from shift_types
      where archived_on is null order by sort_order, code`,
  ).all() as CoverageShift[];
}

// Staffing from demand (ROS-6), hand-over files (ROS-8) and the XLSX export.
export const planningHandlers: Pick<
  RosterHandlers,
  'staffing' | 'importDemand' | 'coverageFromStaffing' | 'exportHandover' | 'previewHandover' | 'applyHandover' | 'exportXlsx'
> = {
  staffing: ({ params, demand }) => staffing(params, demand),
  importDemand: ({ file }) => readDemand(file),
  coverageFromStaffing: ({ params, demand, groupId }, ctx) => {
    assertGroup(ctx, groupId);
    return coverageFromIntervals(staffing(params, demand), activeShifts(ctx), params.intervalMinutes);
  },
  exportHandover: (input, ctx) => exportHandover(ctx, input),
  previewHandover: ({ file }, ctx) => previewHandover(ctx, file),
  applyHandover: (input, ctx) => applyHandover(ctx, input),
  exportXlsx: (input, ctx) => exportRosterXlsx(ctx, input),
};
