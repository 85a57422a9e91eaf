import type { RawIssue, RosterRule, Translate } from './types.ts';
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
 *
 * Parameters that need words of their own are marked for `explain`: durations as minutes under
 * a key ending in "Minutes", function names as "functions.x" keys.
 */
export function personIssues(grid: Grid, out: RawIssue[], only?: ReadonlySet<number>): void {
  const { length, first, last, cell, onLeave, start, span, paid, shifts, people } = grid;
  const { minRestMinutes, maxConsecutiveDays, dailyHours, weeklyHours } = grid.input.rules;
  const dailyLimit = dailyHours * 60;
  const weeklyLimit = weeklyHours * 60;
  const weekday0 = weekdayAt(grid, 0);
  const push = (rule: RosterRule, personId: number, s: number, key: string, params: Record<string, string | number>) => {
    out.push({
      rule,
      ruleId: rosterRules[rule],
      personId,
      date: params.date as string,
      shiftTypeId: s < 0 ? null : shifts[s]!.id,
      key,
      params,
    });
  };

  for (let p = 0; p < people.length; p++) {
    const person = people[p]!;
    if (only && !only.has(person.id)) continue;
    const name = person.name;
    const row = p * length;
    const from = grid.activeFrom[p]!;
    const to = grid.activeTo[p]!;
    let lastEnd = -Infinity;
    let lastShift = -1;
    let lastDay = -1;
    let working = 0;
    let withoutRest = 0;
    let week = 0;

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
          const nextDay = crossesMidnight(prev.startMinute, prev.endMinute);
          push('rest', person.id, s, rest < 0 ? 'roster.rules.restOverlap' : 'roster.rules.rest', {
            name,
            date: dateAt(grid, d),
            shift: shift.name,
            start: clock(start[s]!),
            prevDate: dateAt(grid, lastDay),
            prevShift: prev.name,
            prevEnd: nextDay ? clock(prev.endMinute) : clock(prev.endMinute === 0 ? 1440 : prev.endMinute),
            prevEndNextDay: nextDay ? 1 : 0,
            restMinutes: Math.max(0, rest),
            minMinutes: minRestMinutes,
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
            push('weeklyHours', person.id, s, 'roster.rules.weeklyHours', {
              name,
              date: dateAt(grid, d),
              hoursMinutes: week,
              max: weeklyHours,
            });
          }
          if (paid[s]! > dailyLimit) {
            push('dailyHours', person.id, s, 'roster.rules.dailyHours', {
              name,
              date: dateAt(grid, d),
              shift: shift.name,
              hoursMinutes: paid[s]!,
              max: dailyHours,
            });
          }
          if (onLeave[row + d]) push('leave', person.id, s, 'roster.rules.leave', { name, date: dateAt(grid, d), shift: shift.name });
          if (d < from || d > to)
            push('employment', person.id, s, 'roster.rules.employment', { name, date: dateAt(grid, d), shift: shift.name });
          if (shift.functions !== null && !shift.functions.includes(person.function)) {
            push('function', person.id, s, 'roster.rules.function', {
              name,
              date: dateAt(grid, d),
              shift: shift.name,
              function: `functions.${person.function}`,
              allowed: shift.functions.map((f) => `functions.${f}`).join('|'),
            });
          }
        }
      } else {
        working = 0;
      }
      withoutRest = fullRest ? 0 : withoutRest + 1;
      if (!inRange) continue;
      if (working > maxConsecutiveDays && (working === maxConsecutiveDays + 1 || d === first)) {
        push('consecutiveDays', person.id, s, 'roster.rules.consecutiveDays', {
          name,
          date: dateAt(grid, d),
          days: working,
          max: maxConsecutiveDays,
        });
      }
      if (withoutRest >= 7 && (withoutRest === 7 || d === first)) {
        push('restDay', person.id, s, 'roster.rules.restDay', { name, date: dateAt(grid, d), from: dateAt(grid, d - 6) });
      }
    }
  }
}

/** Puts a raw issue into words: durations, function names and "next day" in the caller's language. */
export function explain(issue: RawIssue, t: Translate): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(issue.params)) {
    if (key === 'restMinutes') params.rest = durationText(t, value as number);
    else if (key === 'minMinutes') params.min = durationText(t, value as number);
    else if (key === 'hoursMinutes') params.hours = durationText(t, value as number);
    else if (key === 'function') params.function = t(value as string);
    else if (key === 'allowed')
      params.allowed = (value as string)
        .split('|')
        .map((f) => t(f))
        .join(t('common.listSeparator'));
    else if (key !== 'prevEndNextDay') params[key] = value;
  }
  if (issue.params.prevEndNextDay) params.prevEnd = t('roster.rules.nextDayAt', { time: issue.params.prevEnd! });
  return t(issue.key, params);
}
