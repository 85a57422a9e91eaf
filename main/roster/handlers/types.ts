import type { HandlersOf } from '../../ipc/contract-kit.ts';
import type { HandlerCtx } from '../../app/handlers.ts';
import type { rosterContract } from '../contract.ts';

export type RosterHandlers = HandlersOf<{ roster: typeof rosterContract }, HandlerCtx>['roster'];

/** A handler whose channel is being built; replaced before the area is called done. */
export function notBuilt(): never {
  throw new Error('not built yet');
}
