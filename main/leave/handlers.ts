import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { leaveContract } from './contract.ts';

export const leaveHandlers: HandlersOf<{ leave: typeof leaveContract }, HandlerCtx>['leave'] = {};
