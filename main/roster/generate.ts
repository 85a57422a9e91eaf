// Seeded generator of roster problems shaped like the shared examples and the Curtois/Qu
// benchmark instances: 8–60 people, 2–6 shift types, 14–28 days, rest rules derived from start
// times, cover rows weighted 100 under / 1 over, on/off requests weighted 1–3, days off, weekend
// limits and bands of minutes. Used by tests, the benchmark and tuning.
import type { RosterProblem, Shift, Staff } from './problem.ts';
import { Rng, seedFrom } from './solver/rng.ts';

export interface GenerateOptions {
  people?: number;
  shiftTypes?: number;
  days?: number;
  startDate?: string;
}

const SHIFT_STARTS = [6 * 60, 8 * 60, 10 * 60, 12 * 60, 14 * 60, 17 * 60, 22 * 60];
const REST_MINUTES = 11 * 60;

function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function makeShifts(rng: Rng, count: number): Shift[] {
  const starts = rng
    .shuffle([...SHIFT_STARTS])
    .slice(0, count)
    .sort((a, b) => a - b);
  const lengths = starts.map(() => [480, 480, 480, 600, 720][rng.int(5)]!);
  const ids = starts.map((start, i) => `${start < 10 * 60 ? 'E' : start < 16 * 60 ? 'D' : start < 20 * 60 ? 'L' : 'N'}${i + 1}`);
  return starts.map((start, i) => {
    const end = start + lengths[i]!;
    // The next day's shift b starts at 1440 + starts[b]; too little rest in between forbids it.
    const forbiddenNext = starts.flatMap((next, j) => (1440 + next - end < REST_MINUTES ? [ids[j]!] : []));
    return { id: ids[i]!, minutes: lengths[i]!, start: hhmm(start), forbiddenNext };
  });
}

export function generateProblem(seed: number | string, options: GenerateOptions = {}): RosterProblem {
  const rng = new Rng(seedFrom(`roster-generate:${seed}`));
  const people = options.people ?? 8 + rng.int(53);
  const shiftTypes = options.shiftTypes ?? 2 + rng.int(5);
  const days = options.days ?? (rng.next() < 0.5 ? 14 : 28);
  const weeks = days / 7;
  const shifts = makeShifts(rng, shiftTypes);
  const meanMinutes = shifts.reduce((a, s) => a + s.minutes, 0) / shifts.length;

  const staff: Staff[] = [];
  for (let i = 0; i < people; i++) {
    const partTime = rng.next() < 0.25;
    const perWeek = partTime ? 2 + rng.int(2) : 4 + rng.int(2);
    const target = Math.round(perWeek * weeks * meanMinutes);
    const band = Math.round((partTime ? 0.4 : 0.2) * target);
    const maxShifts: Record<string, number> = {};
    for (const s of shifts) {
      const r = rng.next();
      maxShifts[s.id] = r < 0.1 ? 0 : r < 0.35 ? Math.max(1, Math.round(days / (3 + rng.int(4)))) : days;
    }
    if (Object.values(maxShifts).every((v) => v === 0)) maxShifts[shifts[0]!.id] = days;
    const daysOff = new Set<number>();
    const offCount = rng.int(partTime ? 3 : 4);
    for (let k = 0; k < offCount; k++) daysOff.add(rng.int(days));
    staff.push({
      id: `P${String(i + 1).padStart(2, '0')}`,
      maxShifts,
      minMinutes: Math.max(0, target - band),
      maxMinutes: target + band,
      minConsecutiveShifts: partTime ? 1 : 2,
      maxConsecutiveShifts: 5 + rng.int(2),
      minConsecutiveDaysOff: 1 + rng.int(2),
      maxWeekends: Math.max(1, Math.round(weeks / 2) + rng.int(2) - (partTime ? 1 : 0)),
      daysOff: [...daysOff].sort((a, b) => a - b),
    });
  }

  // Demand: roughly what the staff can work, spread over the shifts, lower on weekends.
  const shiftsPerPersonDay = staff.reduce((a, p) => a + (p.minMinutes + p.maxMinutes) / 2 / meanMinutes, 0) / days;
  const cover: RosterProblem['cover'] = [];
  const share = shifts.map(() => 0.5 + rng.next());
  const shareSum = share.reduce((a, b) => a + b, 0);
  for (let d = 0; d < days; d++) {
    const weekend = d % 7 >= 5;
    shifts.forEach((s, i) => {
      const mean = ((shiftsPerPersonDay * share[i]!) / shareSum) * (weekend ? 0.7 : 1.05);
      const requirement = Math.max(0, Math.round(mean + (rng.next() - 0.5) * 2));
      cover.push({ day: d, shift: s.id, requirement, underWeight: 100, overWeight: 1 });
    });
  }

  const requests: RosterProblem['requests'] = [];
  for (const p of staff) {
    const blocks = rng.int(3);
    for (let b = 0; b < blocks; b++) {
      const kind = rng.next() < 0.6 ? 'on' : 'off';
      const shift = shifts[rng.int(shifts.length)]!.id;
      const start = rng.int(days);
      const len = 1 + rng.int(4);
      const weight = 1 + rng.int(3);
      for (let d = start; d < Math.min(days, start + len); d++) {
        if (!p.daysOff.includes(d)) requests.push({ staff: p.id, day: d, shift, kind, weight });
      }
    }
  }

  return {
    format: 'roster-problem/1',
    startDate: options.startDate ?? '2026-12-07',
    days,
    shifts,
    staff,
    requests,
    cover,
  };
}
