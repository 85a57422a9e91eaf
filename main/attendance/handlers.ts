import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { attendanceContract } from './contract.ts';
import { attendanceSheet } from './sheet.ts';
import { listPunches, addPunch, correctPunch, resolveAnomaly, dayDetail } from './punches.ts';
import { previewPunchImport, commitPunchImport } from './import.ts';
import { closeMonth, reopenMonth } from './months.ts';
import { yearFlags } from './flags.ts';
import { exportSheetXlsx } from './export.ts';

export const attendanceHandlers: HandlersOf<{ attendance: typeof attendanceContract }, HandlerCtx>['attendance'] = {
  sheet: ({ month, groupId }, ctx) => attendanceSheet(ctx, month, groupId),
  day: ({ personId, date }, ctx) => dayDetail(ctx, personId, date),
  punches: (input, ctx) => listPunches(ctx, input),
  importPreview: (input, ctx) => previewPunchImport(ctx, input),
  importCommit: (input, ctx) => commitPunchImport(ctx, input),
  addPunch: (input, ctx) => addPunch(ctx, input),
  correctPunch: (input, ctx) => correctPunch(ctx, input),
  resolve: (input, ctx) => resolveAnomaly(ctx, input),
  closeMonth: ({ month }, ctx) => closeMonth(ctx, month),
  reopenMonth: ({ month, reason }, ctx) => reopenMonth(ctx, month, reason),
  flags: ({ year }, ctx) => yearFlags(ctx, year),
  exportXlsx: (input, ctx) => exportSheetXlsx(ctx, input),
};
