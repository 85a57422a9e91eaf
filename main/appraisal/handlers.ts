import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { appraisalContract } from './contract.ts';

export const appraisalHandlers: HandlersOf<{ appraisal: typeof appraisalContract }, HandlerCtx>['appraisal'] = {};
