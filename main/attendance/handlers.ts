import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { attendanceContract } from './contract.ts';

export const attendanceHandlers: HandlersOf<{ attendance: typeof attendanceContract }, HandlerCtx>['attendance'] = {};
