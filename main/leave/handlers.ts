import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { leaveContract } from './contract.ts';
import { listLeaveTypes, saveLeaveType } from './types.ts';
import { listRequests, checkLeave, requestImpact, requestLeave, decideLeave, cancelLeave } from './requests.ts';
import { computeBalances, personLedger, adjustBalance } from './balances.ts';

export const leaveHandlers: HandlersOf<{ leave: typeof leaveContract }, HandlerCtx>['leave'] = {
  types: (_input, ctx) => listLeaveTypes(ctx),
  saveType: (input, ctx) => saveLeaveType(ctx, input),
  requests: (filter, ctx) => listRequests(ctx, filter),
  check: (draft, ctx) => checkLeave(ctx, draft),
  impact: ({ id }, ctx) => requestImpact(ctx, id),
  request: (input, ctx) => requestLeave(ctx, input),
  decide: (input, ctx) => decideLeave(ctx, input),
  cancel: (input, ctx) => cancelLeave(ctx, input),
  balances: ({ year, groupId }, ctx) =>
    computeBalances(ctx, year, { groupId }).map(({ person, balances }) => ({
      personId: person.id,
      employeeNo: person.employeeNo,
      name: person.name,
      groupName: person.groupName,
      balances: balances.map(({ lines: _lines, ...b }) => b),
    })),
  ledger: ({ personId, year }, ctx) => personLedger(ctx, personId, year),
  adjust: (input, ctx) => adjustBalance(ctx, input),
};
