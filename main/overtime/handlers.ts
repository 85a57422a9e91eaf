import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { overtimeContract } from './contract.ts';

export const overtimeHandlers: HandlersOf<{ overtime: typeof overtimeContract }, HandlerCtx>['overtime'] = {};
