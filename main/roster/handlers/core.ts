import type { RosterHandlers } from './types.ts';
import { notBuilt } from './types.ts';

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
  shiftTypes: notBuilt,
  saveShiftType: notBuilt,
  archiveShiftType: notBuilt,
  coverage: notBuilt,
  saveCoverage: notBuilt,
  calendar: notBuilt,
  loadOfficialCalendar: notBuilt,
  saveCalendar: notBuilt,
  importCalendar: notBuilt,
  month: notBuilt,
  setCells: notBuilt,
  lockCells: notBuilt,
  check: notBuilt,
  publish: notBuilt,
  changeLog: notBuilt,
  wishes: notBuilt,
  saveWish: notBuilt,
  removeWish: notBuilt,
  swaps: notBuilt,
  requestSwap: notBuilt,
  decideSwap: notBuilt,
  cancelSwap: notBuilt,
};
