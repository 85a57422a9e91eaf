import type { Entitlement } from '../vocabulary.ts';
import { localToday } from '../../app/context.ts';

// LEV-1…4: a person's balance of one kind of leave for one year, with every number explained:
// entitled (from the rule), adjustments (each with its reason), taken (approved requests),
// pending (requests waiting for a decision), remaining = entitled + adjustments − taken − pending.

export interface LedgerLine {
  /** An i18n key under leave.ledger, with its parameters. */
  key: string;
  params: Record<string, string | number>;
  days: number;
}

export interface Balance {
  entitlement: Entitlement;
  /** null where the type has no balance (sick leave) or is granted per occasion (maternity). */
  entitled: number | null;
  adjusted: number;
  taken: number;
  pending: number;
  remaining: number | null;
  lines: LedgerLine[];
}

export function balanceOf(input: {
  entitlement: Entitlement;
  entitled: number | null;
  entitledLines: LedgerLine[];
  adjustments: ReadonlyArray<{ days: number; reason: string; createdAt: string }>;
  requests: ReadonlyArray<{ id: number; startDate: string; endDate: string; days: number; status: string }>;
}): Balance {
  const lines: LedgerLine[] = [...input.entitledLines];
  let adjusted = 0;
  for (const a of input.adjustments) {
    adjusted += a.days;
    lines.push({ key: 'adjustment', params: { reason: a.reason, date: localToday(new Date(a.createdAt)) }, days: a.days });
  }
  let taken = 0;
  let pending = 0;
  for (const r of input.requests) {
    if (r.status === 'approved') {
      taken += r.days;
      lines.push({ key: 'taken', params: { from: r.startDate, to: r.endDate, id: r.id }, days: -r.days });
    } else if (r.status === 'pending') {
      pending += r.days;
      lines.push({ key: 'pending', params: { from: r.startDate, to: r.endDate, id: r.id }, days: -r.days });
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  const hasBalance = input.entitled !== null && input.entitlement !== 'event' && input.entitlement !== 'none';
  return {
    entitlement: input.entitlement,
    entitled: input.entitled === null ? null : round(input.entitled),
    adjusted: round(adjusted),
    taken: round(taken),
    pending: round(pending),
    remaining: hasBalance ? round(input.entitled! + adjusted - taken - pending) : null,
    lines,
  };
}

/**
 * Whether a request of `days` fits: over the balance (annual, cap, lieu) or over the allowance
 * of one occasion (event) is refused unless the type allows it. Returns the shortfall, or 0.
 */
export function overBy(balance: Balance, days: number, eventAllowance: number | null): number {
  if (balance.entitlement === 'none') return 0;
  if (balance.entitlement === 'event') return eventAllowance === null ? 0 : Math.max(0, Math.round((days - eventAllowance) * 100) / 100);
  if (balance.remaining === null) return 0;
  return Math.max(0, Math.round((days - balance.remaining) * 100) / 100);
}
