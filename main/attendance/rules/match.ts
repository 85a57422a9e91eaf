import type { ClockShift } from './types.ts';

// ATT-1: which punches belong to which rostered shift. A shift claims the punches from four hours
// before its start to four hours after its end, but never past the midpoint of the gap to the
// shift before or after it, so a night shift's 06:03 punch belongs to the night (the day it
// started) and not to the next morning's shift. The first punch in the first half of the shift is
// the clock-in, the last in the second half the clock-out; others are kept as extra.

export const WINDOW_SECONDS = 4 * 3600;
const APART_SECONDS = 30 * 60;

export interface Matched {
  in: number | null;
  out: number | null;
  extra: number[];
}

/**
 * Matches one person's punches (seconds, sorted) to their shifts (sorted by start). Returns one
 * entry per shift, and the punches no shift claimed (rest-day punches, or far outside a shift).
 */
export function matchPunches(shifts: readonly ClockShift[], punches: readonly number[]): { matched: Matched[]; unclaimed: number[] } {
  const matched: Matched[] = [];
  const claimed = new Uint8Array(punches.length);
  let p = 0;
  for (let i = 0; i < shifts.length; i++) {
    const s = shifts[i]!;
    const prev = shifts[i - 1];
    const next = shifts[i + 1];
    const lower = Math.max(s.start - WINDOW_SECONDS, prev ? (prev.end + s.start) / 2 : -Infinity);
    const upper = Math.min(s.end + WINDOW_SECONDS, next ? (s.end + next.start) / 2 : Infinity);
    const middle = (s.start + s.end) / 2;
    while (p < punches.length && punches[p]! < lower) p++;
    const first: number[] = [];
    const second: number[] = [];
    let q = p;
    for (; q < punches.length && punches[q]! <= upper; q++) {
      if (claimed[q]) continue;
      claimed[q] = 1;
      (punches[q]! < middle ? first : second).push(punches[q]!);
    }
    p = q;
    let clockIn = first.length > 0 ? first[0]! : null;
    let clockOut = second.length > 0 ? second[second.length - 1]! : null;
    // Both punches in one half, at least half an hour apart: someone who left (or arrived) very
    // far off time, not a missing punch. Two punches a minute apart are one punch made twice.
    if (clockOut === null && first.length >= 2 && first[first.length - 1]! - first[0]! >= APART_SECONDS)
      clockOut = first[first.length - 1]!;
    if (clockIn === null && second.length >= 2 && second[second.length - 1]! - second[0]! >= APART_SECONDS) clockIn = second[0]!;
    const used = new Set([clockIn, clockOut]);
    const extra = [...first, ...second].filter((x) => !used.has(x));
    matched.push({ in: clockIn, out: clockOut, extra });
  }
  const unclaimed = punches.filter((_, i) => !claimed[i]);
  return { matched, unclaimed };
}
