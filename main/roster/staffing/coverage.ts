// From agents needed per interval to coverage rows per shift type (ROS-6 → ROS-1). Pure.
//
// Method: a shift type is sized by the busiest interval it covers. For each day of the demand
// (a date, or a weekday of a weekly profile) and each shift type, minPeople is the largest
// `scheduled` figure (agents after shrinkage) over the intervals the shift overlaps, an interval
// counting when any part of it falls inside the shift. A shift that crosses midnight belongs to
// the day it starts and also looks at the next day's early intervals (the next date, or the next
// weekday, Saturday wrapping to Sunday). A shift that overlaps no interval of a day gets no row
// for it: the demand says nothing about those hours.
//
// Why the peak: coverage is checked per shift (ROS-1: every shift meets its minimum), so each
// shift must hold enough people for the worst moment it is responsible for; the peak never
// leaves an interval short. Its limit: where two shift types overlap, both are sized for the
// shared peak, so the overlap is over-covered. The rows are a proposal the user reviews (and
// may lower) before saving them.

export interface CoverageShift {
  id: number;
  startMinute: number;
  endMinute: number;
}

export interface StaffedPoint {
  date: string | null;
  weekday: number | null;
  startMinute: number;
  scheduled: number;
}

export interface ProposedCoverage {
  shiftTypeId: number;
  weekday: number | null;
  onDate: string | null;
  function: null;
  minPeople: number;
}

const DAY = 1440;

/** The shift's span on the timeline of the day it starts: [start, end), end past 1440 when it crosses midnight. */
export function shiftSpan(shift: CoverageShift): [number, number] {
  const end = shift.endMinute > shift.startMinute ? shift.endMinute : shift.endMinute + DAY;
  return [shift.startMinute, end];
}

/** Does the interval starting at `offset + startMinute` overlap the span? */
function overlaps(span: [number, number], start: number, intervalMinutes: number): boolean {
  return start < span[1] && start + intervalMinutes > span[0];
}

function addOneDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

type Key = { date: string; weekday: null } | { date: null; weekday: number };

function keyOf(p: StaffedPoint): Key | null {
  if (p.date !== null) return { date: p.date, weekday: null };
  if (p.weekday !== null) return { date: null, weekday: p.weekday };
  return null;
}

const keyText = (k: Key) => (k.date !== null ? `d${k.date}` : `w${k.weekday}`);
const nextKey = (k: Key): Key =>
  k.date !== null ? { date: addOneDay(k.date), weekday: null } : { date: null, weekday: (k.weekday + 1) % 7 };

/**
 * Coverage rows for every day of the demand and every shift type, by the peak method above.
 * Days come in the order they first appear; shift types in the order given.
 */
export function coverageFromIntervals(points: StaffedPoint[], shifts: CoverageShift[], intervalMinutes: number): ProposedCoverage[] {
  const days = new Map<string, { key: Key; points: StaffedPoint[] }>();
  for (const p of points) {
    const key = keyOf(p);
    if (!key) continue;
    const text = keyText(key);
    const day = days.get(text);
    if (day) day.points.push(p);
    else days.set(text, { key, points: [p] });
  }
  const rows: ProposedCoverage[] = [];
  for (const { key, points: today } of days.values()) {
    const tomorrow = days.get(keyText(nextKey(key)))?.points ?? [];
    for (const shift of shifts) {
      const span = shiftSpan(shift);
      let peak = -1;
      for (const p of today) if (overlaps(span, p.startMinute, intervalMinutes)) peak = Math.max(peak, p.scheduled);
      if (span[1] > DAY) {
        for (const p of tomorrow) if (overlaps(span, p.startMinute + DAY, intervalMinutes)) peak = Math.max(peak, p.scheduled);
      }
      if (peak < 0) continue;
      rows.push({ shiftTypeId: shift.id, weekday: key.weekday, onDate: key.date, function: null, minPeople: peak });
    }
  }
  return rows;
}
