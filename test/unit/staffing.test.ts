import { describe, it, expect } from 'vitest';
import {
  requiredAgents,
  erlangB,
  erlangC,
  scheduledFor,
  slotsOf,
  staffIntervals,
  maxTrafficErlangs,
  type StaffingTarget,
} from '../../main/roster/staffing/erlang.ts';
import { coverageFromIntervals, shiftSpan } from '../../main/roster/staffing/coverage.ts';

// ROS-6: Erlang C staffing. The reference: 100 contacts per 30 minutes, 180 s handling,
// 80 % answered within 20 s, concurrency 1 → 14 agents (SL 0.8884, P(wait) 0.1741); 30 % shrinkage → 20.
const reference: StaffingTarget = {
  intervalMinutes: 30,
  handlingSeconds: 180,
  concurrency: 1,
  serviceLevelPercent: 80,
  serviceLevelSeconds: 20,
  maxOccupancyPercent: 100,
  shrinkagePercent: 0,
};

/** Erlang C by the textbook formula in logarithms (fine for small s): the independent check. */
function erlangCTextbook(s: number, a: number): number {
  const logTerm = (k: number) => k * Math.log(a) - Array.from({ length: k }, (_v, i) => Math.log(i + 1)).reduce((x, y) => x + y, 0);
  let sum = 0;
  for (let k = 0; k < s; k++) sum += Math.exp(logTerm(k));
  const top = Math.exp(logTerm(s)) * (s / (s - a));
  return top / (sum + top);
}

describe('Erlang C (ROS-6)', () => {
  it('reproduces the reference: 14 agents, service level 0.8884, probability of waiting 0.1741', () => {
    const r = requiredAgents(100, reference);
    expect(r.agents).toBe(14);
    expect(r.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.waitProbability).toBeCloseTo(0.1741, 4);
    expect(r.occupancy).toBeCloseTo(10 / 14, 10);
    expect(r.scheduled).toBe(14);
  });

  it('reference with 30 % shrinkage → 20 scheduled (14 / 0.7 is exactly 20, not 21)', () => {
    const r = requiredAgents(100, { ...reference, shrinkagePercent: 30 });
    expect(r).toMatchObject({ agents: 14, scheduled: 20 });
  });

  it('13 agents would miss the target: 14 is the fewest', () => {
    const a = 10;
    const c13 = erlangC(13, a);
    const sl13 = 1 - c13 * Math.exp((-(13 - a) * 20) / 180);
    expect(sl13).toBeLessThan(0.8);
  });

  it('the stable recursion agrees with the textbook formula', () => {
    for (const [s, a] of [
      [14, 10],
      [5, 2.5],
      [30, 21.7],
      [3, 0.4],
      [60, 55],
    ] as const) {
      expect(erlangC(s, a)).toBeCloseTo(erlangCTextbook(s, a), 12);
    }
    // Erlang B(10, 10) = 0.2146 (tables)
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
  });

  it('stays finite and meets the target for very large traffic (no factorial overflow)', () => {
    const r = requiredAgents(500_000, { ...reference, handlingSeconds: 300 });
    expect(Number.isFinite(r.serviceLevel) && Number.isFinite(r.waitProbability)).toBe(true);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(r.agents).toBeGreaterThan((500_000 * 300) / 1800);
    expect(() => requiredAgents(1e9, reference)).toThrow(RangeError);
    expect((1e9 * 180) / 1800).toBeGreaterThan(maxTrafficErlangs);
  });

  it('intervals with zero contacts need nobody', () => {
    expect(requiredAgents(0, { ...reference, shrinkagePercent: 30 })).toEqual({
      agents: 0,
      scheduled: 0,
      serviceLevel: 1,
      waitProbability: 0,
      occupancy: 0,
    });
  });

  it('a tiny demand still needs one agent', () => {
    expect(requiredAgents(0.1, reference).agents).toBe(1);
  });

  it('monotone: more contacts, a higher target or a shorter answer time never need fewer agents', () => {
    let previous = 0;
    for (let contacts = 0; contacts <= 600; contacts += 7) {
      const agents = requiredAgents(contacts, reference).agents;
      expect(agents).toBeGreaterThanOrEqual(previous);
      previous = agents;
    }
    previous = 0;
    for (const sl of [50, 60, 70, 80, 90, 95, 99, 99.9]) {
      const agents = requiredAgents(250, { ...reference, serviceLevelPercent: sl }).agents;
      expect(agents).toBeGreaterThanOrEqual(previous);
      previous = agents;
    }
    previous = Infinity;
    for (const seconds of [1, 5, 10, 20, 60, 300]) {
      const agents = requiredAgents(250, { ...reference, serviceLevelSeconds: seconds }).agents;
      expect(agents).toBeLessThanOrEqual(previous);
      previous = agents;
    }
  });

  it('every answer meets the target and one agent fewer would not (service level or occupancy)', () => {
    for (const contacts of [3, 17, 100, 333, 1000]) {
      for (const target of [reference, { ...reference, maxOccupancyPercent: 80 }, { ...reference, concurrency: 3 }]) {
        const r = requiredAgents(contacts, target);
        expect(r.serviceLevel).toBeGreaterThanOrEqual(target.serviceLevelPercent / 100);
        expect(r.occupancy).toBeLessThanOrEqual(target.maxOccupancyPercent / 100);
        if (r.agents === 1) continue;
        const a = (contacts * target.handlingSeconds) / (target.intervalMinutes * 60);
        const fewer = slotsOf(r.agents - 1, target.concurrency);
        const slFewer =
          fewer <= a ? 0 : 1 - erlangC(fewer, a) * Math.exp((-(fewer - a) * target.serviceLevelSeconds) / target.handlingSeconds);
        expect(slFewer < target.serviceLevelPercent / 100 || a / fewer > target.maxOccupancyPercent / 100).toBe(true);
      }
    }
  });

  it('maximum occupancy: agents are added until traffic / agents is at most the cap', () => {
    // 10 Erlangs: 14 agents give 71.4 % occupancy; a 70 % cap needs 15 (66.7 %).
    const capped = requiredAgents(100, { ...reference, maxOccupancyPercent: 70 });
    expect(capped.agents).toBe(15);
    expect(capped.occupancy).toBeCloseTo(10 / 15, 10);
    // A cap the service target already satisfies changes nothing.
    expect(requiredAgents(100, { ...reference, maxOccupancyPercent: 85 }).agents).toBe(14);
    // At a low service target the cap is what decides.
    const loose = requiredAgents(1000, { ...reference, serviceLevelPercent: 20, maxOccupancyPercent: 90 });
    expect(loose.agents).toBe(Math.ceil(100 / 0.9));
  });

  it('shrinkage rounds up, with no floating-point surprises', () => {
    expect(scheduledFor(14, 30)).toBe(20);
    expect(scheduledFor(14, 0)).toBe(14);
    expect(scheduledFor(7, 30)).toBe(10);
    expect(scheduledFor(21, 30)).toBe(30);
    expect(scheduledFor(3, 10)).toBe(4);
    expect(scheduledFor(1, 50)).toBe(2);
    expect(scheduledFor(9, 10)).toBe(10);
    expect(scheduledFor(0, 50)).toBe(0);
  });

  it('chat concurrency: each agent is `concurrency` slots, so agents = ceil(slots needed / concurrency)', () => {
    for (const contacts of [40, 100, 250, 800]) {
      const slots = requiredAgents(contacts, reference).agents;
      for (const concurrency of [2, 3, 4]) {
        const r = requiredAgents(contacts, { ...reference, concurrency });
        expect(r.agents).toBe(Math.ceil(slots / concurrency));
        expect(r.occupancy).toBeCloseTo((contacts * 180) / 1800 / (r.agents * concurrency), 10);
      }
    }
    // The reference at three chats each: 14 slots → 5 agents (15 slots).
    expect(requiredAgents(100, { ...reference, concurrency: 3 }).agents).toBe(5);
    // Fractional concurrency counts whole slots: 10 agents at 1.5 are 15 slots.
    expect(slotsOf(10, 1.5)).toBe(15);
    expect(slotsOf(3, 1 / 3)).toBe(1);
    expect(requiredAgents(100, { ...reference, concurrency: 1.5 }).agents).toBe(10);
  });

  it('staffs every interval of a profile and keeps the order', () => {
    const demand = [
      { date: null, weekday: 1, startMinute: 540, contacts: 100 },
      { date: null, weekday: 1, startMinute: 570, contacts: 0 },
      { date: null, weekday: 2, startMinute: 540, contacts: 100 },
    ];
    const result = staffIntervals(demand, { ...reference, shrinkagePercent: 30 });
    expect(result.map((r) => [r.weekday, r.startMinute, r.agents, r.scheduled])).toEqual([
      [1, 540, 14, 20],
      [1, 570, 0, 0],
      [2, 540, 14, 20],
    ]);
  });
});

describe('coverage from staffing: the peak of the intervals a shift covers (ROS-6 → ROS-1)', () => {
  const early = { id: 1, startMinute: 8 * 60, endMinute: 16 * 60 };
  const late = { id: 2, startMinute: 14 * 60, endMinute: 22 * 60 };
  const night = { id: 3, startMinute: 22 * 60, endMinute: 6 * 60 };
  const point = (weekday: number, hour: number, scheduled: number, date: string | null = null) => ({
    date,
    weekday,
    startMinute: hour * 60,
    scheduled,
  });

  it('a night shift spans midnight', () => {
    expect(shiftSpan(night)).toEqual([1320, 1800]);
    expect(shiftSpan(early)).toEqual([480, 960]);
  });

  it('each shift takes the largest requirement among the intervals it overlaps', () => {
    const points = [point(1, 7, 9), point(1, 8, 3), point(1, 12, 7), point(1, 15, 5), point(1, 16, 6), point(1, 21, 2)];
    const rows = coverageFromIntervals(points, [early, late], 60);
    expect(rows).toEqual([
      { shiftTypeId: 1, weekday: 1, onDate: null, function: null, minPeople: 7 },
      { shiftTypeId: 2, weekday: 1, onDate: null, function: null, minPeople: 6 },
    ]);
  });

  it('an interval partly inside a shift counts; one that only touches its end does not', () => {
    const rows = coverageFromIntervals([point(1, 7.5, 4), point(1, 16, 9)], [early], 60);
    expect(rows[0]!.minPeople).toBe(4);
  });

  it('a shift crossing midnight also looks at the next weekday, Saturday wrapping to Sunday', () => {
    const points = [point(6, 23, 2), point(0, 3, 5), point(0, 23, 1), point(1, 2, 4)];
    const rows = coverageFromIntervals(points, [night], 60);
    expect(rows).toEqual([
      { shiftTypeId: 3, weekday: 6, onDate: null, function: null, minPeople: 5 },
      { shiftTypeId: 3, weekday: 0, onDate: null, function: null, minPeople: 4 },
    ]);
  });

  it('dated demand gives per-date rows; the night shift looks at the next date, across a month end', () => {
    const points = [point(6, 23, 2, '2026-02-28'), point(0, 1, 6, '2026-03-01'), point(0, 9, 3, '2026-03-01')];
    const rows = coverageFromIntervals(points, [early, night], 60);
    expect(rows).toEqual([
      { shiftTypeId: 3, weekday: null, onDate: '2026-02-28', function: null, minPeople: 6 },
      { shiftTypeId: 1, weekday: null, onDate: '2026-03-01', function: null, minPeople: 3 },
    ]);
    // The night of 03-01 covers nothing of 03-01 and 03-02 has no demand: no row for it.
  });

  it('a shift with no interval of the day gets no row; zero demand gives a zero row', () => {
    const rows = coverageFromIntervals([point(2, 9, 0)], [early, late, night], 30);
    expect(rows).toEqual([{ shiftTypeId: 1, weekday: 2, onDate: null, function: null, minPeople: 0 }]);
  });
});
