import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { disciplineContract } from './contract.ts';

export const disciplineHandlers: HandlersOf<{ discipline: typeof disciplineContract }, HandlerCtx>['discipline'] = {};
