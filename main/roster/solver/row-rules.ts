// Per-person hard rules on a single row (the same rules as score.ts, without the bookkeeping):
// true when the row keeps every rule of person p.
import type { Model } from './model.ts';

export function rowKeepsRules(model: Model, p: number, row: Int8Array): boolean {
  const rules = model.people[p]!;
  const D = model.days;
  const S = model.shifts;
  let minutes = 0;
  let weekends = 0;
  let lastWeekend = -1;
  const counts = new Int32Array(S);
  let runStart = 0;
  for (let d = 0; d < D; d++) {
    const v = row[d]!;
    if (v >= 0) {
      if (rules.dayOff[d]) return false;
      if (++counts[v]! > rules.maxShifts[v]!) return false;
      minutes += model.minutes[v]!;
      const w = model.weekendOfDay[d]!;
      if (w >= 0 && w !== lastWeekend) {
        weekends++;
        lastWeekend = w;
      }
      if (d > 0) {
        const prev = row[d - 1]!;
        if (prev >= 0 && model.forbidden[prev * S + v]) return false;
      }
    }
    // Close a run at the end of the horizon or when the next day differs.
    const working = v >= 0;
    if (d === D - 1 || row[d + 1]! >= 0 !== working) {
      const length = d - runStart + 1;
      const touchesEdge = runStart === 0 || d === D - 1;
      if (working) {
        if (length > rules.maxConsecutiveShifts) return false;
        if (length < rules.minConsecutiveShifts && !touchesEdge) return false;
      } else if (length < rules.minConsecutiveDaysOff && !touchesEdge) {
        return false;
      }
      runStart = d + 1;
    }
  }
  return minutes >= rules.minMinutes && minutes <= rules.maxMinutes && weekends <= rules.maxWeekends;
}
