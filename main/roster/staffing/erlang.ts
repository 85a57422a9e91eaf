// Erlang C staffing (ROS-6): how many agents an interval needs to answer a share of contacts
// within a target time. Pure arithmetic, no database.
//
// Numerics: Erlang B is built by its recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), which
// stays in [0, 1] for any traffic A and server count k (no factorials or powers that overflow),
// and Erlang C follows from it: C(s) = s·B(s) / (s − A·(1 − B(s))) for s > A. Searching the
// smallest s only walks k upwards, so one interval costs O(s) multiplications.
//
// Chat concurrency: each agent serves `concurrency` conversations at once, modelled as that many
// serving slots per agent, every conversation holding a slot for the whole handling time given
// (the time a conversation lasts at that concurrency, not the agent's time per conversation).
// The queue is then Erlang C over floor(agents × concurrency) slots. Limits, said in the UI too:
// it assumes conversations do not slow each other down (enter the handling time observed when
// agents work at that concurrency) and that any free slot can take the next conversation;
// with concurrency 1 it is the classic telephone model. Like every Erlang C figure it ignores
// abandonment (people who give up waiting), so it errs on the safe side: real queues with
// abandonment need the same or fewer agents.

export interface StaffingTarget {
  /** Length of the interval the contacts arrive in, in minutes. */
  intervalMinutes: number;
  /** Average handling time per contact, in seconds. */
  handlingSeconds: number;
  /** Conversations one agent serves at once (1 for calls). */
  concurrency: number;
  /** Share answered within serviceLevelSeconds, as a percentage (80 = 80 %). */
  serviceLevelPercent: number;
  serviceLevelSeconds: number;
  /** Agents are added until traffic / slots is at most this (100 = no cap). */
  maxOccupancyPercent: number;
  /** Share of paid time not available for contacts (breaks, meetings, absence), as a percentage. */
  shrinkagePercent: number;
}

export interface StaffingResult {
  /** Agents needed on the phones / chats during the interval. */
  agents: number;
  /** Agents to schedule once shrinkage is allowed for. */
  scheduled: number;
  /** Share answered within the target time with `agents` (1 when there is no demand). */
  serviceLevel: number;
  /** Probability that a contact has to wait at all (Erlang C). */
  waitProbability: number;
  /** Traffic per serving slot: how busy the agents are. */
  occupancy: number;
}

/** Beyond this traffic an interval is almost certainly a typing error (a month's contacts in one cell). */
export const maxTrafficErlangs = 100_000;

/** Slots `agents` agents provide; a tiny tolerance keeps 3 × (1/3) from becoming 0.999… slots. */
export function slotsOf(agents: number, concurrency: number): number {
  return Math.floor(agents * concurrency + 1e-9);
}

/** Erlang C from Erlang B at s servers: the probability of waiting (1 when s ≤ A: the queue grows). */
export function erlangCFromB(servers: number, traffic: number, erlangB: number): number {
  if (servers <= traffic) return 1;
  return (servers * erlangB) / (servers - traffic * (1 - erlangB));
}

/** Erlang B for `servers` servers and `traffic` Erlangs, by the stable recursion. */
export function erlangB(servers: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/** Probability of waiting with `servers` servers and `traffic` Erlangs. */
export function erlangC(servers: number, traffic: number): number {
  return erlangCFromB(servers, traffic, erlangB(servers, traffic));
}

/** Share of contacts answered within `seconds`, given the probability of waiting. */
export function serviceLevelOf(
  servers: number,
  traffic: number,
  handlingSeconds: number,
  seconds: number,
  waitProbability: number,
): number {
  if (servers <= traffic) return 0;
  return 1 - waitProbability * Math.exp((-(servers - traffic) * seconds) / handlingSeconds);
}

/** Agents to schedule so that `agents` are available after shrinkage: ceil(agents / (1 − shrinkage)). */
export function scheduledFor(agents: number, shrinkagePercent: number): number {
  if (agents === 0) return 0;
  // 14 / 0.7 is 20.000000000000004 in floating point; the tolerance keeps it at 20.
  return Math.ceil(agents / (1 - shrinkagePercent / 100) - 1e-9);
}

/** Offered traffic in Erlangs: contacts per second × handling time. */
export function trafficOf(contacts: number, target: StaffingTarget): number {
  return (contacts * target.handlingSeconds) / (target.intervalMinutes * 60);
}

const none: StaffingResult = { agents: 0, scheduled: 0, serviceLevel: 1, waitProbability: 0, occupancy: 0 };

/**
 * The fewest agents for one interval that meet the service target and the occupancy cap.
 * Throws a RangeError when the traffic is beyond maxTrafficErlangs.
 */
export function requiredAgents(contacts: number, target: StaffingTarget): StaffingResult {
  if (!(contacts > 0)) return none;
  const traffic = trafficOf(contacts, target);
  if (!(traffic <= maxTrafficErlangs)) throw new RangeError(`traffic of ${traffic} Erlangs is beyond ${maxTrafficErlangs}`);
  const { concurrency, handlingSeconds, serviceLevelSeconds } = target;
  const goal = target.serviceLevelPercent / 100;
  const maxOccupancy = target.maxOccupancyPercent / 100;

  // Start from the fewest agents whose slots could carry the traffic under the occupancy cap.
  let agents = Math.max(1, Math.ceil(traffic / (concurrency * Math.min(maxOccupancy, 1)) - 1e-9));
  while (slotsOf(agents, concurrency) <= traffic || traffic / slotsOf(agents, concurrency) > maxOccupancy + 1e-12) agents++;

  // Erlang B is walked up to the slots of the current candidate and carried on from there.
  let k = 0;
  let b = 1;
  for (;;) {
    const slots = slotsOf(agents, concurrency);
    while (k < slots) {
      k++;
      b = (traffic * b) / (k + traffic * b);
    }
    const waitProbability = erlangCFromB(slots, traffic, b);
    const serviceLevel = serviceLevelOf(slots, traffic, handlingSeconds, serviceLevelSeconds, waitProbability);
    if (serviceLevel >= goal - 1e-12) {
      return {
        agents,
        scheduled: scheduledFor(agents, target.shrinkagePercent),
        serviceLevel,
        waitProbability,
        occupancy: traffic / slots,
      };
    }
    agents++;
  }
}

export interface DemandPoint {
  date: string | null;
  weekday: number | null;
  startMinute: number;
  contacts: number;
}

/**
 * Every interval of a demand profile with its staffing. Intervals with the same number of
 * contacts share one computation (weekday profiles repeat a lot).
 */
export function staffIntervals<D extends DemandPoint>(demand: D[], target: StaffingTarget): Array<D & StaffingResult> {
  const known = new Map<number, StaffingResult>();
  return demand.map((d) => {
    let result = known.get(d.contacts);
    if (!result) known.set(d.contacts, (result = requiredAgents(d.contacts, target)));
    return { ...d, ...result };
  });
}
