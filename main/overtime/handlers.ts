import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { overtimeContract } from './contract.ts';
import { listOvertime, checkOvertime, requestOvertime, decideOvertime, cancelOvertime, recordActual } from './service.ts';

export const overtimeHandlers: HandlersOf<{ overtime: typeof overtimeContract }, HandlerCtx>['overtime'] = {
  list: (filter, ctx) => listOvertime(ctx, filter),
  check: (draft, ctx) => checkOvertime(ctx, draft),
  request: (input, ctx) => requestOvertime(ctx, input),
  decide: (input, ctx) => decideOvertime(ctx, input),
  cancel: (input, ctx) => cancelOvertime(ctx, input),
  recordActual: (input, ctx) => recordActual(ctx, input),
};
