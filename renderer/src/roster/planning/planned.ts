import type { MonthView } from '../../../../main/roster/contract.ts';

// People planned per demand interval, from the month view (ROS-6 chart): a person counts for an
// interval when a shift they are rostered on overlaps it, the same rule the coverage proposal
// uses. A shift crossing midnight counts for the next morning's intervals too. People on
// approved leave that day do not count.

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export type DayKey = { date: string; weekday: number } | { date: null; weekday: number };

export function dayKeyText(key: DayKey): string {
  return key.date ?? `w${key.weekday}`;
}

/** People on shifts overlapping each interval of one date. */
function plannedOnDate(view: MonthView, date: string, starts: number[], intervalMinutes: number): number[] {
  const spans = new Map(
    view.shiftTypes.map((s) => [s.id, [s.startMinute, s.endMinute > s.startMinute ? s.endMinute : s.endMinute + 1440] as const]),
  );
  const onLeave = new Set(view.leave.map((l) => `${l.personId} ${l.date}`));
  const previous = addDays(date, -1);
  const counts = starts.map(() => 0);
  for (const [personId, cellDate, value] of view.cells) {
    if (value === 'rest' || (cellDate !== date && cellDate !== previous)) continue;
    if (onLeave.has(`${personId} ${cellDate}`)) continue;
    const span = spans.get(value);
    if (!span) continue;
    const offset = cellDate === date ? 0 : 1440;
    starts.forEach((start, i) => {
      const from = start + offset;
      if (from < span[1] && from + intervalMinutes > span[0]) counts[i]!++;
    });
  }
  return counts;
}

/**
 * Planned people per interval for a date, or for a weekday the thinnest day of that weekday in
 * the month (the day a shortage would show first). Null when the view has no such day.
 */
export function plannedPerInterval(view: MonthView, key: DayKey, starts: number[], intervalMinutes: number): number[] | null {
  if (key.date !== null) {
    if (!view.days.some((d) => d.date === key.date)) return null;
    return plannedOnDate(view, key.date, starts, intervalMinutes);
  }
  const dates = view.days.filter((d) => weekdayOf(d.date) === key.weekday).map((d) => d.date);
  if (dates.length === 0) return null;
  const perDate = dates.map((date) => plannedOnDate(view, date, starts, intervalMinutes));
  return starts.map((_s, i) => Math.min(...perDate.map((p) => p[i]!)));
}
