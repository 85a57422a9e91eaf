import { shiftMonth, monthsFrom } from '../../time/months.ts';

// DIS-2: the 乐捐 fund as a ledger. Each month opens with the previous month's closing balance;
// a closed month is locked, so corrections go into a later month as adjustments.

export interface Settlement {
  month: string;
  openingFen: number;
  inFen: number;
  outFen: number;
  closingFen: number;
}

/** A month's settlement from its opening balance and its movements (in positive, out negative). */
export function settle(month: string, openingFen: number, amounts: readonly number[]): Settlement {
  let inFen = 0;
  let outFen = 0;
  for (const a of amounts) {
    if (a >= 0) inFen += a;
    else outFen -= a;
  }
  return { month, openingFen, inFen, outFen, closingFen: openingFen + inFen - outFen };
}

/**
 * Settles months in order, each opening with the one before's closing (across year ends too).
 * `amountsOf` gives a month's movements.
 */
export function settleMonths(months: readonly string[], openingFen: number, amountsOf: (month: string) => readonly number[]): Settlement[] {
  const out: Settlement[] = [];
  let opening = openingFen;
  for (const month of months) {
    const s = settle(month, opening, amountsOf(month));
    out.push(s);
    opening = s.closingFen;
  }
  return out;
}

export type CloseAnswer = { ok: true; months: string[] } | { ok: false; reason: 'alreadyClosed' | 'empty' };

/**
 * DIS-2: closing a month closes every month before it that is still open, oldest first, so the
 * balances form one unbroken chain from the ledger's first month. `firstMonth` is the ledger's
 * first month with a movement (null when there is none); `lastClosed` the newest closed month.
 */
export function monthsToClose(target: string, firstMonth: string | null, lastClosed: string | null): CloseAnswer {
  if (lastClosed !== null && target <= lastClosed) return { ok: false, reason: 'alreadyClosed' };
  const from = lastClosed !== null ? shiftMonth(lastClosed, 1) : firstMonth !== null && firstMonth < target ? firstMonth : target;
  return { ok: true, months: monthsFrom(from, target) };
}

export interface DeductionCheckInput {
  dailyWageFen: number | null;
  monthlyWorkDays: number;
  capPercent: number;
  minimumMonthlyFen: number;
  deductionsFen: number;
}

export type DeductionCheck =
  | { wageKnown: false; deductionsFen: number }
  | {
      wageKnown: true;
      deductionsFen: number;
      monthlyWageFen: number;
      capFen: number;
      percent: number;
      overCap: boolean;
      belowMinimum: boolean;
    };

/**
 * LAW: deductions are lawful only up to the cap (20 % by default) of the month's wage and never
 * below the local minimum wage. The monthly wage is the daily wage × the monthly pay days (21.75).
 */
export function deductionCheck(input: DeductionCheckInput): DeductionCheck {
  if (input.dailyWageFen === null) return { wageKnown: false, deductionsFen: input.deductionsFen };
  const monthlyWageFen = Math.round(input.dailyWageFen * input.monthlyWorkDays);
  const capFen = Math.floor((monthlyWageFen * input.capPercent) / 100);
  const percent = monthlyWageFen > 0 ? Math.round((input.deductionsFen / monthlyWageFen) * 1000) / 10 : 0;
  return {
    wageKnown: true,
    deductionsFen: input.deductionsFen,
    monthlyWageFen,
    capFen,
    percent,
    overCap: input.deductionsFen > capFen,
    belowMinimum: input.deductionsFen > 0 && monthlyWageFen - input.deductionsFen < input.minimumMonthlyFen,
  };
}
