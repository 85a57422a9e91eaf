// Working-day and day-off run limits for the auto-scheduler's model, derived from the app's own
// rules (ROS-4), and the most working days a person can reach under them. The model
// (roster-problem/1) knows runs and totals over the horizon, not weeks; these limits are chosen
// so that a roster valid in the model also passes the grid's checks.

export interface RunRules {
  /** Most consecutive working days. */
  maxWork: number;
  /** Fewest consecutive days off between two working runs. */
  minOff: number;
}

/**
 * - at most roster.maxConsecutiveDays in a row, and never more than 6 (one full rest day in
 *   every 7, ROS-4);
 * - weekly hours (ROS-4, checked per Monday–Sunday week): when at most k of the person's longest
 *   shifts fit into the weekly hours (k = 5 for 8-hour shifts and 40 hours), runs of at most k
 *   working days separated by at least 7 − k days off put at most k shifts into ANY seven days,
 *   so every calendar week keeps to the limit (a run of 5 with single days off between would
 *   let a Monday–Sunday week hold 6);
 * - a night shift (one that ends after midnight) makes the next day off not a full rest day, so
 *   someone who may work nights gets runs of at most 5 and at least 2 days off: the second day
 *   off is the full rest day the seven-day rule asks for.
 */
export function runRules(maxConsecutiveDays: number, weeklyMinutes: number, longestPaid: number, mayWorkNights: boolean): RunRules {
  const perWeek = longestPaid > 0 ? Math.max(1, Math.min(7, Math.floor(weeklyMinutes / longestPaid))) : 7;
  const maxWork = Math.max(1, Math.min(maxConsecutiveDays, perWeek, mayWorkNights ? 5 : 6));
  const minOff = Math.max(1, 7 - perWeek, mayWorkNights ? 2 : 1);
  return { maxWork, minOff };
}

export interface DayLimits {
  /** Days the person cannot work (leave, outside employment, rest days that are kept). */
  off: ArrayLike<boolean>;
  /** Days the person works whatever happens (kept shifts). */
  work: ArrayLike<boolean>;
  /** Weekend index per day (−1 on weekdays), as the model counts weekends. */
  weekendOf: ArrayLike<number>;
  maxWeekends: number;
}

/**
 * The most working days a row can hold under the run rules, the fixed days and the weekend
 * limit (runs touching either end of the horizon are exempt from the minimum, as in the model),
 * or null when the fixed days themselves break the rules. A small dynamic programme over
 * (run kind, run length, weekends used, this weekend counted).
 */
export function mostWorkingDays(days: number, rules: RunRules, limits: DayLimits): number | null {
  const { maxWork, minOff } = rules;
  // state: kind (0 = off, 1 = work, 2 = nothing yet) | length | weekends used | current weekend counted
  const key = (kind: number, length: number, weekends: number, counted: number) => ((kind * 64 + length) * 64 + weekends) * 2 + counted;
  let states = new Map<number, number>([[key(2, 0, 0, 0), 0]]);
  for (let d = 0; d < days; d++) {
    const next = new Map<number, number>();
    const put = (k: number, value: number) => {
      if ((next.get(k) ?? -1) < value) next.set(k, value);
    };
    const weekend = limits.weekendOf[d]!;
    const sameWeekend = d > 0 && weekend >= 0 && limits.weekendOf[d - 1] === weekend;
    for (const [k, value] of states) {
      let rest = k;
      const counted0 = rest % 2;
      rest = (rest - counted0) / 2;
      const weekends = rest % 64;
      rest = (rest - weekends) / 64;
      const length = rest % 64;
      const kind = (rest - length) / 64;
      const counted = sameWeekend ? counted0 : 0;
      if (!limits.work[d]) {
        // A day off; an off run that started the horizon counts as long enough.
        const offLength = kind === 0 ? Math.min(length + 1, minOff) : kind === 2 ? minOff : 1;
        put(key(0, offLength, weekends, counted), value);
      }
      if (!limits.off[d]) {
        if (kind === 1 && length >= maxWork) continue;
        if (kind === 0 && length < minOff) continue;
        let used = weekends;
        let nowCounted = counted;
        if (weekend >= 0 && !counted) {
          used++;
          nowCounted = 1;
        }
        if (used > limits.maxWeekends) continue;
        put(key(1, kind === 1 ? length + 1 : 1, used, nowCounted), value + 1);
      }
    }
    states = next;
    if (states.size === 0) return null;
  }
  // An off run touching the end of the horizon is exempt: every final state is fine.
  return Math.max(...states.values());
}
