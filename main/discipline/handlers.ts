import type { HandlersOf } from '../ipc/contract-kit.ts';
import type { HandlerCtx } from '../app/handlers.ts';
import type { disciplineContract } from './contract.ts';
import { archiveViolationType, catalogueHistory, listCatalogue, saveViolationType } from './catalogue.ts';
import { appealSanction, decideAppeal, listSanctions, recordSanction, sanctionDetail, voidSanction } from './sanctions.ts';
import { personRecord } from './record.ts';
import { applyReward, decideReward, getReward, listRewards, recommendReward, voidReward } from './rewards.ts';
import { closeFundMonth, fundMonth, fundYear, payFines, payReward, recordFundEntry } from './fund.ts';
import { exportFund, exportMonth } from './export.ts';
import { applyPromotion, decidePromotion, listPromotions, promotionBoard, promotionCheck, withdrawPromotion } from './promotions.ts';
import { listHrFlags, updateHrFlag } from './flags.ts';
import { linkAttendance } from './attendance-link.ts';

// Closing an attendance month makes its sanctions and HR flags (ATT-2…7): the subscription is made
// when the handlers load, so every running app (desktop or browser mode) has it.
linkAttendance();

export const disciplineHandlers: HandlersOf<{ discipline: typeof disciplineContract }, HandlerCtx>['discipline'] = {
  catalogue: ({ includeArchived }, ctx) => listCatalogue(ctx, includeArchived),
  catalogueHistory: ({ code }, ctx) => catalogueHistory(ctx, code),
  saveViolationType: (input, ctx) => saveViolationType(ctx, input),
  archiveViolationType: ({ code, archivedOn }, ctx) => archiveViolationType(ctx, code, archivedOn),

  sanctions: (filter, ctx) => listSanctions(ctx, filter),
  sanction: ({ id }, ctx) => sanctionDetail(ctx, id),
  recordSanction: (input, ctx) => recordSanction(ctx, input),
  appealSanction: ({ id, note }, ctx) => appealSanction(ctx, id, note),
  decideAppeal: ({ id, uphold, reason }, ctx) => decideAppeal(ctx, id, uphold, reason),
  voidSanction: ({ id, reason }, ctx) => voidSanction(ctx, id, reason),

  personRecord: ({ personId }, ctx) => personRecord(ctx, personId),

  rewards: (filter, ctx) => listRewards(ctx, filter),
  reward: ({ id }, ctx) => getReward(ctx, id),
  recommendReward: (input, ctx) => recommendReward(ctx, input),
  applyReward: (input, ctx) => applyReward(ctx, input),
  decideReward: (input, ctx) => decideReward(ctx, input),
  voidReward: ({ id, reason }, ctx) => voidReward(ctx, id, reason),

  fundMonth: ({ month }, ctx) => fundMonth(ctx, month),
  fundYear: ({ year }, ctx) => fundYear(ctx, year),
  recordFundEntry: (input, ctx) => recordFundEntry(ctx, input),
  payFines: ({ sanctionIds, date }, ctx) => payFines(ctx, sanctionIds, date),
  payReward: ({ rewardId, date }, ctx) => payReward(ctx, rewardId, date),
  closeFundMonth: ({ month, acknowledgeWarnings }, ctx) => closeFundMonth(ctx, month, acknowledgeWarnings),
  exportFund: ({ month }, ctx) => exportFund(ctx, month),
  exportMonth: ({ month }, ctx) => exportMonth(ctx, month),

  promotionCheck: (input, ctx) => promotionCheck(ctx, input),
  promotionBoard: ({ onDate }, ctx) => promotionBoard(ctx, onDate),
  promotions: (filter, ctx) => listPromotions(ctx, filter),
  applyPromotion: (input, ctx) => applyPromotion(ctx, input),
  decidePromotion: (input, ctx) => decidePromotion(ctx, input),
  withdrawPromotion: ({ id, reason }, ctx) => withdrawPromotion(ctx, id, reason),

  hrFlags: ({ status }, ctx) => listHrFlags(ctx, status),
  updateHrFlag: (input, ctx) => updateHrFlag(ctx, input),
};
