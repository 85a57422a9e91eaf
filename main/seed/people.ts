import type { Ctx } from '../app/context.ts';
import { addDays } from '../time/dates.ts';
import type { PersonFunction, Role } from '../people/contract.ts';
import { createGroup, createPerson, markLeft, movePerson, renameDepartment, updatePerson, getPerson } from '../people/service.ts';
import type { Random } from './random.ts';
import { chineseName, mobilePhone, groupName } from './names.ts';

export interface PeopleSeedOptions {
  /** Active people at the end date. */
  people: number;
  startDate: string;
  endDate: string;
}

export interface SeededPeople {
  groups: Array<{ id: number; name: string }>;
  created: number;
  left: number;
}

const GROUP_SIZE = 5; // a leader and about four agents (ORG-1)
const MONTHLY_LEAVING = 0.012; // about one in seven leaves each year

function pickFunction(random: Random): PersonFunction {
  return random.weighted<PersonFunction>([
    ['service', 70],
    ['tech', 15],
    ['operations', 10],
    ['data', 5],
  ]);
}

/**
 * A department as it grew over the period: staff hired before it, people leaving and being
 * replaced, leaders succeeded by one of their agents, a few moves between groups. Everything is
 * written through the real services, so it is validated and audited like a user's input.
 */
export function seedPeople(ctx: Ctx, random: Random, options: PeopleSeedOptions): SeededPeople {
  renameDepartment(ctx, '网络咨询部');
  let employeeSeq = 10_000;
  let created = 0;
  let left = 0;
  const nextEmployeeNo = () => `E${++employeeSeq}`;

  const hire = (role: Role, groupId: number | null, hireDate: string) => {
    created++;
    const years = random.int(0, 12);
    return createPerson(ctx, {
      employeeNo: nextEmployeeNo(),
      name: chineseName(random),
      groupId,
      role,
      function: role === 'agent' ? pickFunction(random) : 'service',
      hireDate,
      firstEmploymentDate: addDays(hireDate, -years * 365 - random.int(0, 300)),
      dailyWageFen: Math.round((random.int(5200, 9800) / 21.75) * 100),
      phone: mobilePhone(random),
      note: null,
    }).id;
  };
  const initialHireDate = () => addDays(options.startDate, -random.int(30, 5 * 365));

  const supervisors = Math.max(1, Math.round(options.people / 75));
  const groupCount = Math.max(1, Math.ceil((options.people - 1 - supervisors) / GROUP_SIZE));
  hire('manager', null, initialHireDate());
  for (let i = 0; i < supervisors; i++) hire('supervisor', null, initialHireDate());

  const groups: Array<{ id: number; name: string; members: number[]; leader: number }> = [];
  let remaining = options.people - 1 - supervisors;
  for (let g = 0; g < groupCount; g++) {
    const group = createGroup(ctx, groupName(g));
    const size = Math.min(GROUP_SIZE, remaining - (groupCount - g - 1)) || 1;
    remaining -= size;
    const leader = hire('leader', group.id, initialHireDate());
    const members = Array.from({ length: size - 1 }, () => hire('agent', group.id, initialHireDate()));
    groups.push({ id: group.id, name: group.name, members, leader });
  }

  // Month by month: departures with a replacement three to five weeks later, and the odd move.
  for (let day = options.startDate; day < options.endDate; day = addDays(day, 30)) {
    for (const group of groups) {
      for (const person of [group.leader, ...group.members]) {
        if (!random.chance(MONTHLY_LEAVING)) continue;
        const leftOn = addDays(day, random.int(0, 27));
        if (leftOn >= options.endDate || getPerson(ctx, person).hireDate > leftOn) continue;
        markLeft(ctx, { id: person, leftOn, reason: random.pick(['个人原因', '家庭原因', '合同到期', '转行']) });
        left++;
        // A vacancy is filled three to five weeks later, or on the last day, so the head count holds.
        const joinOn = [addDays(leftOn, random.int(21, 35)), options.endDate].sort()[0]!;
        const replacement = hire('agent', group.id, joinOn);
        group.members = group.members.filter((m) => m !== person);
        if (person === group.leader) {
          // The longest-serving agent succeeds the leader.
          const successor = group.members[0] ?? replacement;
          if (successor !== undefined) {
            const p = getPerson(ctx, successor);
            updatePerson(ctx, {
              id: p.id,
              employeeNo: p.employeeNo,
              name: p.name,
              role: 'leader',
              function: p.function,
              hireDate: p.hireDate,
              firstEmploymentDate: p.firstEmploymentDate,
              dailyWageFen: p.dailyWageFen,
              phone: p.phone,
              note: p.note,
            });
            group.leader = successor;
            group.members = group.members.filter((m) => m !== successor);
          }
        }
        if (replacement !== group.leader) group.members.push(replacement);
      }
    }
    if (random.chance(0.25) && groups.length > 1) {
      const from = random.pick(groups);
      const to = random.pick(groups.filter((g) => g !== from));
      const who = from.members.at(-1);
      const fromDate = addDays(day, random.int(0, 27));
      if (
        who !== undefined &&
        from.members.length > 2 &&
        to.members.length < GROUP_SIZE &&
        getPerson(ctx, who).hireDate < fromDate &&
        fromDate < options.endDate
      ) {
        movePerson(ctx, { id: who, groupId: to.id, fromDate });
        from.members.pop();
        to.members.push(who);
      }
    }
  }
  return { groups: groups.map((g) => ({ id: g.id, name: g.name })), created, left };
}
