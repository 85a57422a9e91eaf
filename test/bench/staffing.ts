// staffing.erlang_1000_intervals_ms (ROS-6, target ≤ 50): the agents needed for 1,000 intervals of
// demand through the path the staffing channel uses (staffIntervals → Erlang C per interval).
// The demand is three weeks of 30-minute intervals shaped like a service day (quiet nights,
// morning and afternoon peaks up to ~420 contacts), with fractional forecasts so no two intervals
// share a computation; chat parameters (240 s, 3 at once, 85 % occupancy cap, 30 % shrinkage).
// The figure is the median of 9 runs after one warm-up run.
import { staffIntervals, type StaffingTarget } from '../../main/roster/staffing/erlang.ts';

const target: StaffingTarget = {
  intervalMinutes: 30,
  handlingSeconds: 240,
  concurrency: 3,
  serviceLevelPercent: 80,
  serviceLevelSeconds: 20,
  maxOccupancyPercent: 85,
  shrinkagePercent: 30,
};

function demand(count: number) {
  return Array.from({ length: count }, (_v, i) => {
    const minute = (i % 48) * 30;
    const hour = minute / 60;
    const shape = Math.max(0, Math.sin(((hour - 7) / 15) * Math.PI)) * (1 + 0.35 * Math.sin(((hour - 9) / 3) * Math.PI));
    const contacts = Math.round(shape * 320 * (1 + (i % 7) / 10) * 1000 + (i % 997)) / 1000;
    return { date: null, weekday: Math.floor(i / 48) % 7, startMinute: minute, contacts };
  });
}

export async function benchStaffing(): Promise<Record<string, number>> {
  const intervals = demand(1000);
  if (new Set(intervals.map((d) => d.contacts)).size < 900) throw new Error('bench demand repeats itself');
  const times: number[] = [];
  let agents = 0;
  for (let run = 0; run < 10; run++) {
    const started = performance.now();
    const result = staffIntervals(intervals, target);
    const elapsed = performance.now() - started;
    agents = result.reduce((sum, r) => sum + r.agents, 0);
    if (run > 0) times.push(elapsed);
  }
  if (agents === 0) throw new Error('bench demand needed no agents');
  times.sort((a, b) => a - b);
  return { 'staffing.erlang_1000_intervals_ms': times[Math.floor(times.length / 2)]! };
}
