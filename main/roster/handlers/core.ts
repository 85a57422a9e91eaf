import type { RosterHandlers } from './types.ts';
import * as shifts from '../shifts.ts';
import * as coverage from '../coverage.ts';
import * as holidays from '../holidays.ts';
import { monthView } from '../month.ts';
import { setCells, lockCells, changeLog } from '../cells.ts';
import { checkMonth, publishMonth } from '../publish.ts';
import * as wishes from '../wishes.ts';
import * as swaps from '../swaps.ts';

// Shift types, coverage, calendar, the month grid, publishing, wishes and swaps.
export const coreHandlers: Pick<
  RosterHandlers,
  | 'shiftTypes'
  | 'saveShiftType'
  | 'archiveShiftType'
  | 'coverage'
  | 'saveCoverage'
  | 'calendar'
  | 'loadOfficialCalendar'
  | 'saveCalendar'
  | 'importCalendar'
  | 'month'
  | 'setCells'
  | 'lockCells'
  | 'check'
  | 'publish'
  | 'changeLog'
  | 'wishes'
  | 'saveWish'
  | 'removeWish'
  | 'swaps'
  | 'requestSwap'
  | 'decideSwap'
  | 'cancelSwap'
> = {
  shiftTypes: (_input, ctx) => shifts.listShiftTypes(ctx),
  saveShiftType: (input, ctx) => shifts.saveShiftType(ctx, input),
  archiveShiftType: ({ id }, ctx) => shifts.archiveShiftType(ctx, id),
  coverage: ({ groupId }, ctx) => coverage.listCoverage(ctx, groupId),
  saveCoverage: ({ groupId, rows }, ctx) => coverage.saveCoverage(ctx, groupId, rows),
  calendar: ({ year }, ctx) => holidays.getCalendar(ctx, year),
  loadOfficialCalendar: ({ year }, ctx) => holidays.loadOfficialCalendar(ctx, year),
  saveCalendar: ({ year, days }, ctx) => holidays.saveCalendar(ctx, year, days),
  importCalendar: ({ file }, ctx) => holidays.importCalendar(ctx, file),
  month: ({ month, groupId }, ctx) => monthView(ctx, month, groupId),
  setCells: ({ changes, source }, ctx) => setCells(ctx, changes, source),
  lockCells: ({ cells, locked }, ctx) => lockCells(ctx, cells, locked),
  check: ({ month, groupId }, ctx) => checkMonth(ctx, month, groupId),
  publish: (input, ctx) => publishMonth(ctx, input),
  changeLog: ({ month, groupId }, ctx) => changeLog(ctx, month, groupId),
  wishes: ({ month }, ctx) => wishes.listWishes(ctx, month),
  saveWish: (input, ctx) => wishes.saveWish(ctx, input),
  removeWish: ({ id }, ctx) => wishes.removeWish(ctx, id),
  swaps: (filter, ctx) => swaps.listSwaps(ctx, filter),
  requestSwap: (input, ctx) => swaps.requestSwap(ctx, input),
  decideSwap: (input, ctx) => swaps.decideSwap(ctx, input),
  cancelSwap: (input, ctx) => swaps.cancelSwap(ctx, input),
};
