import type { RosterIssue, Translate, RosterRule } from './types.ts';
import { rosterRules } from './types.ts';
import { type Grid, dateAt, weekdayAt } from './grid.ts';
import { clock, crossesMidnight } from './time.ts';

/** "11 小时" or "10 小时 59 分钟" in the caller's language. */
export function durationText(t: Translate, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? t('roster.rules.hours', { h }) : t('roster.rules.hoursMinutes', { h, m });
}

/**
 * ROS-4 and the person-level checks, one pass per person over the context days:
 * - rest between the end of one shift and the start of the next (real times, across midnight);
 *   a successor that starts before the predecessor ends + the minimum rest is the same break;
 * - one full rest day in every seven consecutive days: a day with no shift starting on it and
 *   not reached by a night shift of the day before;
 * - at most maxConsecutiveDays working days in a row;
 * - paid minutes of a shift over the daily hours (a warning) and of a Monday–Sunday week over
 *   the weekly hours;
 * - a shift on a day of approved leave (LEV-5), outside the person's time on the roster (ORG-3),
 *   or of a shift type the person's function may not work (ROS-3).
 * Windows reach into the seven context days on either side, so a break spanning two months is
 * reported in the month where it happens, once.
 */
export function personIssues(grid: Grid, t: Translate, out: RosterIssue[], only?: ReadonlySet<number>): void {
  const { length, first, last, cell, onLeave, start, span, paid, shifts, people } = grid;
  const { minRestMinutes, maxConsecutiveDays, dailyHours, weeklyHours } = grid.input.rules;
  const dailyLimit = dailyHours * 60;
  const weeklyLimit = weeklyHours * 60;
  const weekday0 = weekdayAt(grid, 0);

  for (let p = 0; p < people.length; p++) {
    const person = people[p]!;
    if (only && !only.has(person.id)) continue;
    const row = p * length;
    let lastEnd = -Infinity;
    let lastShift = -1;
    let lastDay = -1;
    let working = 0;
    let withoutRest = 0;
    let week = 0;
    const issue = (rule: RosterRule, d: number, s: number | null, key: string, params: Record<string, string | number>) => {
      const date = dateAt(grid, d);
      out.push({
        rule,
        ruleId: rosterRules[rule],
        personId: person.id,
        date,
        shiftTypeId: s === null ? null : shifts[s]!.id,
        message: t(key, { name: person.name, date, ...params }),
      });
    };

    for (let d = 0; d < length; d++) {
      const s = cell[row + d]!;
      const dayStart = d * 1440;
      const inRange = d >= first && d <= last;
      if ((weekday0 + d) % 7 === 1) week = 0;
      const fullRest = s < 0 && lastEnd <= dayStart;
      if (s >= 0) {
        const shift = shifts[s]!;
        const begins = dayStart + start[s]!;
        if (inRange && lastShift >= 0 && begins - lastEnd < minRestMinutes) {
          const rest = begins - lastEnd;
          const prev = shifts[lastShift]!;
          issue('rest', d, s, rest < 0 ? 'roster.rules.restOverlap' : 'roster.rules.rest', {
            shift: shift.name,
            start: clock(start[s]!),
            prevDate: dateAt(grid, lastDay),
            prevShift: prev.name,
            prevEnd: crossesMidnight(prev.startMinute, prev.endMinute)
              ? t('roster.rules.nextDayAt', { time: clock(prev.endMinute) })
              : clock(prev.endMinute === 0 ? 1440 : prev.endMinute),
            rest: durationText(t, Math.max(0, rest)),
            min: durationText(t, minRestMinutes),
          });
        }
        lastEnd = begins + span[s]!;
        lastShift = s;
        lastDay = d;
        working++;
        const weekBefore = week;
        week += paid[s]!;
        if (inRange) {
          if (weekBefore <= weeklyLimit && week > weeklyLimit) {
            issue('weeklyHours', d, s, 'roster.rules.weeklyHours', { hours: durationText(t, week), max: weeklyHours });
          }
          if (paid[s]! > dailyLimit) {
            issue('dailyHours', d, s, 'roster.rules.dailyHours', { shift: shift.name, hours: durationText(t, paid[s]!), max: dailyHours });
          }
          if (onLeave[row + d]) issue('leave', d, s, 'roster.rules.leave', { shift: shift.name });
          if (d < grid.activeFrom[p]! || d > grid.activeTo[p]!) issue('employment', d, s, 'roster.rules.employment', { shift: shift.name });
          if (shift.functions !== null && !shift.functions.includes(person.function)) {
            issue('function', d, s, 'roster.rules.function', {
              shift: shift.name,
              function: t(`functions.${person.function}`),
              allowed: shift.functions.map((f) => t(`functions.${f}`)).join(t('roster.rules.listSeparator')),
            });
          }
        }
      } else {
        working = 0;
      }
      withoutRest = fullRest ? 0 : withoutRest + 1;
      if (!inRange) continue;
      if (working > maxConsecutiveDays && (working === maxConsecutiveDays + 1 || d === first)) {
        issue('consecutiveDays', d, s >= 0 ? s : null, 'roster.rules.consecutiveDays', { days: working, max: maxConsecutiveDays });
      }
      if (withoutRest >= 7 && (withoutRest === 7 || d === first)) {
        issue('restDay', d, s >= 0 ? s : null, 'roster.rules.restDay', { from: dateAt(grid, d - 6) });
      }
    }
  }
}
