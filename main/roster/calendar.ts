// Weekends from the real dates of startDate + day, as roster_eval.py does: Saturday and Sunday
// belong to one weekend, keyed by the Monday of their week.

const DAY_MS = 86_400_000;

function utcDay(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Monday = 0 … Sunday = 6 for day `day` of the horizon. */
export function weekdayOf(startDate: string, day: number): number {
  const jsDay = new Date((utcDay(startDate) + day) * DAY_MS).getUTCDay(); // Sunday = 0
  return (jsDay + 6) % 7;
}

/** For each day: index of its weekend (0, 1, …) or -1 on a weekday; plus the number of weekends. */
export function weekendIndex(startDate: string, days: number): { byDay: Int32Array; count: number } {
  const byDay = new Int32Array(days).fill(-1);
  const indexOfMonday = new Map<number, number>();
  for (let d = 0; d < days; d++) {
    const wd = weekdayOf(startDate, d);
    if (wd < 5) continue;
    const monday = d - wd;
    let index = indexOfMonday.get(monday);
    if (index === undefined) {
      index = indexOfMonday.size;
      indexOfMonday.set(monday, index);
    }
    byDay[d] = index;
  }
  return { byDay, count: indexOfMonday.size };
}
