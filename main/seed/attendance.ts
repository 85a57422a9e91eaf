import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { recordAudit } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { addDays } from '../time/dates.ts';
import { monthOf, monthsFrom, shiftMonth } from '../time/months.ts';
import { getSetting } from '../settings/service.ts';
import { calendarBetween } from '../roster/holidays.ts';
import { peopleWithStays, stayOn } from '../roster/month.ts';
import { shiftLength, dayNumber, weekdayOfDayNumber } from '../roster/rules/time.ts';
import { ensureLeaveTypes } from '../leave/types.ts';
import { annualEntitlement } from '../leave/rules/entitlement.ts';
import { dayKindOf, multiplierOf } from '../overtime/rules/overtime.ts';
import { multipliersOn } from '../overtime/multipliers.ts';
import { clockText, dateSeconds } from '../attendance/rules/clock.ts';
import { closeMonth } from '../attendance/months.ts';
import type { Random } from './random.ts';

// Seed attendance: three years of clock records for the published rosters, with the lateness,
// early leaving, absence and forgotten punches a real team shows; leave of every common kind
// (mostly approved, within the balances); overtime applied for and worked. The months of the last
// year up to two months before the end are closed the way a supervisor closes them: their
// forgotten punches resolved (corrected or counted as absence), then closed through the real
// service. The last two months stay open with a few anomalies for the supervisor to resolve.
//
// Hundreds of thousands of punches are written with prepared statements in the caller's
// transaction. Audit rows are few on purpose: one per seeded kind of record and one per closed
// month (closeMonth's own), not one per punch: the seeded history is nobody's input.

export interface AttendanceSeedOptions {
  startDate: string;
  endDate: string;
  groups: Array<{ id: number; name: string }>;
}

export interface SeededAttendance {
  punches: number;
  leaveRequests: number;
  overtimeRequests: number;
  resolutions: number;
  closedMonths: number;
  openAnomalies: number;
}

interface Shift {
  date: string;
  shiftTypeId: number;
  start: number;
  end: number;
  endMinute: number;
}

interface SeedPerson {
  id: number;
  hireDate: string;
  firstEmploymentDate: string;
  leftOn: string | null;
  groupId: number | null;
  shifts: Shift[];
}

const SUPERVISOR = '主管';

export function seedAttendance(ctx: Ctx, random: Random, options: AttendanceSeedOptions): SeededAttendance {
  // Half a million punches in one transaction: a larger page cache keeps both indexes of punches
  // in memory instead of spilling them again and again (as the roster seed does for its cells).
  const cacheSize = ctx.store.sqlite.pragma('cache_size', { simple: true }) as number;
  ctx.store.sqlite.pragma('cache_size = -262144');
  try {
    return writeAttendance(ctx, random, options);
  } finally {
    ctx.store.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

function writeAttendance(ctx: Ctx, random: Random, options: AttendanceSeedOptions): SeededAttendance {
  ensureLeaveTypes(ctx);
  const sqlite = ctx.store.sqlite;
  const lastDay = addDays(options.endDate, -1); // today's shifts are not over yet
  const createdAt = nowIso();
  const types = new Map(
    (statement(sqlite, 'select id, code from leave_types').all() as Array<{ id: number; code: string }>).map((t) => [t.code, t.id]),
  );
  const shiftTypes = new Map(
    (
      statement(sqlite, 'select id, start_minute as startMinute, end_minute as endMinute from shift_types').all() as Array<{
        id: number;
        startMinute: number;
        endMinute: number;
      }>
    ).map((s) => [s.id, s]),
  );
  const people = new Map<number, SeedPerson>();
  for (const p of statement(
    sqlite,
    `select id, hire_date as hireDate, first_employment_date as firstEmploymentDate, left_on as leftOn, group_id as groupId from people`,
  ).all() as Array<Omit<SeedPerson, 'shifts'>>) {
    people.set(p.id, { ...p, shifts: [] });
  }
  for (const [personId, date, shiftTypeId] of statement(
    sqlite,
    'select person_id, date, shift_type_id from assignments where shift_type_id is not null and date between ? and ? order by date',
  )
    .raw()
    .all(options.startDate, lastDay) as Array<[number, string, number]>) {
    const type = shiftTypes.get(shiftTypeId)!;
    const start = dateSeconds(date, type.startMinute);
    people.get(personId)!.shifts.push({
      date,
      shiftTypeId,
      start,
      end: start + shiftLength(type.startMinute, type.endMinute) * 60,
      endMinute: type.endMinute,
    });
  }
  const calendar = calendarBetween(ctx, options.startDate, options.endDate).days;
  const kindOf = (date: string) => dayKindOf(calendar.get(date)?.kind ?? 'ordinary', weekdayOfDayNumber(dayNumber(date)));
  const multipliers = multipliersOn(ctx, options.endDate);
  const bands = getSetting(ctx, 'leave.annualLeaveBands', options.endDate) as unknown as number[];
  const endYear = Number(options.endDate.slice(0, 4));
  // The months closed at the end: this year's, up to two months before the end.
  const closeUntil = shiftMonth(monthOf(options.endDate), -2);
  // Anomalies up to then have been resolved; this year's months up to then are closed.
  const closable = (date: string) => date.slice(0, 7) <= closeUntil;
  const decidedAt = (date: string, daysBefore: number) => `${addDays(date, -daysBefore)}T02:${String(random.int(10, 59))}:00.000Z`;

  // ---- leave (LEV-1…5): per person and year, within the balances ----
  // Approved leave was planned before its month was published: the group leader rostered the
  // person off on those days (LEV-5), on days the group's coverage (ROS-1) could spare them, so
  // the published months' issues stay what they were. Cells edited after publishing are left alone.
  const stays = peopleWithStays(ctx, [...people.keys()]);
  const groupOn = (personId: number, date: string) => stayOn(stays.get(personId)!, date)?.groupId ?? null;
  const onShift = new Map<string, number>();
  for (const person of people.values()) {
    for (const shift of person.shifts) {
      const key = `${groupOn(person.id, shift.date)}|${shift.date}|${shift.shiftTypeId}`;
      onShift.set(key, (onShift.get(key) ?? 0) + 1);
    }
  }
  const required = new Map(
    (
      statement(
        sqlite,
        'select group_id as groupId, shift_type_id as shiftTypeId, weekday, min_people as minPeople from coverage where group_id is not null and weekday is not null',
      ).all() as Array<{
        groupId: number;
        shiftTypeId: number;
        weekday: number;
        minPeople: number;
      }>
    ).map((r) => [`${r.groupId}|${r.weekday}|${r.shiftTypeId}`, r.minPeople]),
  );
  const edited = new Set(
    (statement(sqlite, "select entity_id as id from audit_log where entity = 'assignment'").all() as Array<{ id: string }>).map(
      (r) => r.id,
    ),
  );
  const spare = (personId: number, shift: Shift) => {
    const groupId = groupOn(personId, shift.date);
    const need = required.get(`${groupId}|${weekdayOfDayNumber(dayNumber(shift.date))}|${shift.shiftTypeId}`) ?? 0;
    return (onShift.get(`${groupId}|${shift.date}|${shift.shiftTypeId}`) ?? 0) - 1 >= need && !edited.has(`${shift.date}:${personId}`);
  };
  const clearCell = statement(sqlite, 'update assignments set shift_type_id = null where person_id = ? and date = ?');
  const insertLeave = statement(
    sqlite,
    `insert into leave_requests (person_id, leave_type_id, start_date, start_part, end_date, end_part, days, reason, evidence, status,
       decided_by, decided_at, decision_reason, created_at, created_by) values (?, ?, ?, 'full', ?, 'full', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const onLeave = new Set<string>();
  let leaveRequests = 0;
  const addLeave = (person: SeedPerson, code: string, run: Shift[], reason: string, evidence: string | null, status: string) => {
    const first = run[0]!.date;
    const last = run[run.length - 1]!.date;
    const days = run.filter((s) => calendar.get(s.date)?.kind !== 'holiday').length;
    if (days === 0) return;
    // Decided before the month was published (five days before it starts), as planned leave is.
    const publishedOn = addDays(`${first.slice(0, 7)}-01`, -5);
    const decided = status === 'pending' ? null : decidedAt(publishedOn, random.int(1, 6));
    insertLeave.run(
      person.id,
      types.get(code)!,
      first,
      last,
      days,
      reason,
      evidence,
      status,
      decided ? SUPERVISOR : null,
      decided,
      status === 'rejected' ? '当周人手不足，请改期' : null,
      decidedAt(publishedOn, random.int(7, 15)),
      SUPERVISOR,
    );
    leaveRequests++;
    if (status !== 'approved') return;
    for (let d = first; d <= last; d = addDays(d, 1)) onLeave.add(`${person.id}|${d}`);
    for (const shift of run) {
      clearCell.run(person.id, shift.date);
      const key = `${groupOn(person.id, shift.date)}|${shift.date}|${shift.shiftTypeId}`;
      onShift.set(key, onShift.get(key)! - 1);
    }
    const taken = new Set(run.map((r) => r.date));
    person.shifts = person.shifts.filter((sh) => !taken.has(sh.date));
  };
  /** A run of up to `length` consecutive rostered shifts starting at a random shift of the year. */
  const runOf = (person: SeedPerson, year: number, length: number): Shift[] | null => {
    const inYear = person.shifts.filter((s) => s.date.startsWith(String(year)));
    if (inYear.length < length + 2) return null;
    const at = random.int(0, inYear.length - length - 1);
    const run = inYear.slice(at, at + length);
    // Consecutive working days only (no rest day inside), none already on leave, each one the
    // group can spare the person on.
    let end = run.length;
    for (let i = 1; i < run.length; i++) if (dayNumber(run[i]!.date) - dayNumber(run[i - 1]!.date) !== 1) end = Math.min(end, i);
    const chosen = run.slice(0, end);
    return chosen.some((sh) => onLeave.has(`${person.id}|${sh.date}`) || !spare(person.id, sh)) ? null : chosen;
  };
  for (const person of people.values()) {
    if (person.shifts.length === 0) continue;
    for (let year = Number(options.startDate.slice(0, 4)); year <= endYear; year++) {
      const entitled = annualEntitlement({
        year,
        hireDate: person.hireDate,
        firstEmploymentDate: person.firstEmploymentDate,
        leftOn: person.leftOn,
        bands,
      }).days;
      let annualLeft = entitled;
      for (let tries = 0; tries < 4 && annualLeft > 0; tries++) {
        const run = runOf(person, year, Math.min(annualLeft, random.int(1, 4)));
        if (!run) continue;
        // The last days' requests are still waiting for the supervisor.
        const status =
          run[0]!.date > addDays(lastDay, -10) && random.chance(0.6) ? 'pending' : random.chance(0.05) ? 'rejected' : 'approved';
        addLeave(person, 'annual', run, random.pick(['回老家', '家庭旅行', '休息调整', '陪家人']), null, status);
        if (status !== 'rejected') annualLeft -= run.length;
      }
      if (random.chance(0.45)) {
        const run = runOf(person, year, random.int(1, 3));
        if (run) addLeave(person, 'sick', run, random.pick(['感冒发烧', '肠胃炎', '牙科手术']), '医院诊断证明', 'approved');
      }
      if (random.chance(0.35)) {
        const run = runOf(person, year, 1);
        if (run)
          addLeave(
            person,
            'personal',
            run,
            random.pick(['办理证件', '孩子开家长会', '搬家']),
            null,
            random.chance(0.1) ? 'rejected' : 'approved',
          );
      }
      if (random.chance(0.02)) {
        const run = runOf(person, year, 3);
        if (run && run.length === 3) addLeave(person, 'marriage', run, '结婚', '结婚证', 'approved');
      }
    }
  }

  // ---- overtime (OT-1, OT-2): a few requests per group and month ----
  const insertOvertime = statement(
    sqlite,
    `insert into overtime_requests (person_id, date, start_minute, planned_minutes, reason, compensation, day_kind, multiplier, status,
       warnings, decided_by, decided_at, decision_reason, actual_minutes, actual_recorded_at, created_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?)`,
  );
  /** Approved overtime worked, per person and date: [start, end] in clock seconds. */
  const overtimeAt = new Map<string, [number, number]>();
  let overtimeRequests = 0;
  const members = new Map<number, SeedPerson[]>();
  for (const p of people.values()) {
    if (p.groupId === null || p.shifts.length === 0) continue;
    if (!members.has(p.groupId)) members.set(p.groupId, []);
    members.get(p.groupId)!.push(p);
  }
  for (const month of monthsFrom(monthOf(options.startDate), monthOf(lastDay))) {
    for (const group of options.groups) {
      const team = members.get(group.id) ?? [];
      for (let n = random.int(0, 2); n > 0 && team.length > 0; n--) {
        const person = random.pick(team);
        const shifts = person.shifts.filter((s) => s.date.startsWith(month) && !onLeave.has(`${person.id}|${s.date}`));
        if (shifts.length === 0) continue;
        const shift = random.pick(shifts);
        const restDay = random.chance(0.35);
        // Rest-day overtime: the day after a shift that is not a working day; workday overtime: after the shift.
        const date = restDay ? addDays(shift.date, 1) : shift.date;
        if (restDay && (person.shifts.some((s) => s.date === date) || onLeave.has(`${person.id}|${date}`))) continue;
        if (date > lastDay || date < person.hireDate || (person.leftOn !== null && date > person.leftOn)) continue;
        const kind = restDay ? kindOf(date) : kindOf(date) === 'holiday' ? 'holiday' : 'workday';
        const startMinute = restDay ? 780 : shift.endMinute;
        const planned = restDay ? random.pick([240, 300, 360]) : random.pick([60, 90, 120, 180]);
        const compensation = kind === 'rest' && random.chance(0.5) ? 'lieu' : 'pay';
        const rejected = random.chance(0.06);
        const actual = rejected ? null : planned - random.pick([0, 0, 0, 15, 30]);
        insertOvertime.run(
          person.id,
          date,
          startMinute,
          planned,
          random.pick(['大促值守', '系统升级支援', '积压会话处理', '节假日咨询高峰']),
          compensation,
          kind,
          multiplierOf(kind, multipliers),
          rejected ? 'rejected' : 'approved',
          SUPERVISOR,
          decidedAt(date, 2),
          rejected ? '本月加班已较多' : null,
          actual,
          actual === null ? null : `${addDays(date, 1)}T01:00:00.000Z`,
          decidedAt(date, 4),
          SUPERVISOR,
        );
        overtimeRequests++;
        if (actual !== null) {
          const start = restDay ? dateSeconds(date, startMinute) : shift.end;
          overtimeAt.set(`${person.id}|${date}`, [start, start + actual * 60]);
        }
      }
    }
  }

  // ---- punches (ATT-1) with lateness, early leaving, absence and forgotten punches ----
  const insertPunch = statement(
    sqlite,
    'insert into punches (person_id, at, source, batch, device, reason, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertResolution = statement(
    sqlite,
    'insert into attendance_resolutions (person_id, date, kind, resolution, note, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const devices = ['1号考勤机', '2号考勤机', '钉钉'];
  let resolutions = 0;
  let openAnomalies = 0;
  // Punches are gathered first and written in time order: the index on the time then only grows at
  // its end, and each person's entries land next to their previous ones.
  const pending: Array<[number, number, string | null]> = [];
  const punch = (personId: number, seconds: number, manualReason: string | null = null) => pending.push([personId, seconds, manualReason]);
  const resolve = (personId: number, date: string, kind: string, resolution: string, note: string) => {
    insertResolution.run(personId, date, kind, resolution, note, SUPERVISOR, decidedAt(date, -2));
    resolutions++;
  };
  // ATT-6: a few people with a run of absence in the history (grounds HR is told about).
  const runaways = new Set<number>();
  const candidates = [...people.values()].filter((p) => p.shifts.length > 60);
  for (let i = 0; i < 3 && candidates.length > 0; i++) runaways.add(random.pick(candidates).id);

  const restOvertime = new Map<number, Array<[string, number, number]>>();
  for (const [key, [start, end]] of overtimeAt) {
    const [personId, date] = key.split('|') as [string, string];
    if (!restOvertime.has(Number(personId))) restOvertime.set(Number(personId), []);
    restOvertime.get(Number(personId))!.push([date, start, end]);
  }
  for (const person of people.values()) {
    const absentRun = runaways.has(person.id) ? random.int(20, Math.max(21, person.shifts.length - 20)) : -1;
    person.shifts.forEach((shift, index) => {
      const key = `${person.id}|${shift.date}`;
      if (onLeave.has(key)) return;
      const overtime = overtimeAt.get(key);
      const inRun = absentRun >= 0 && index >= absentRun && index < absentRun + 4;
      if (inRun || random.chance(0.0015)) return; // absent: no punch at all (ATT-7)
      // About one shift in thirty starts late, mostly by a few minutes (ATT-2), now and then by
      // more than a quarter of an hour (ATT-3) or an hour (ATT-4).
      const late = random.chance(0.03);
      const lateBy = !late
        ? 0
        : random.weighted([
            [random.int(30, 15 * 60), 80],
            [random.int(15 * 60 + 1, 3600), 15],
            [random.int(3601, 3 * 3600), 5],
          ] as const);
      const clockIn = late ? shift.start + lateBy : shift.start - random.int(60, 20 * 60);
      const early = random.chance(0.008);
      const clockOut = overtime
        ? overtime[1] + random.int(0, 300)
        : early
          ? shift.end - random.int(60, 30 * 60)
          : shift.end + random.int(0, 15 * 60);
      const forgot = random.chance(0.003) ? random.pick(['in', 'out'] as const) : null;
      if (forgot !== 'in') punch(person.id, clockIn);
      if (forgot !== 'out') punch(person.id, clockOut);
      // Some people clock twice in a row; the second punch is kept as an extra.
      if (random.chance(0.02)) punch(person.id, clockIn + random.int(20, 90));
      if (forgot && closable(shift.date)) {
        // The supervisor has resolved every forgotten punch of a closed month.
        if (random.chance(0.6)) {
          punch(person.id, forgot === 'in' ? shift.start - 300 : shift.end + 120, '忘记打卡，组长确认在岗');
          resolve(person.id, shift.date, 'missing-punch', 'corrected', '忘记打卡，组长确认在岗');
        } else resolve(person.id, shift.date, 'missing-punch', 'absence', '无法证明在岗，按旷工处理');
      } else if (forgot) openAnomalies++;
    });
    // Rest-day overtime worked: punches around it.
    for (const [date, start, end] of restOvertime.get(person.id) ?? []) {
      if (person.shifts.some((s) => s.date === date)) continue;
      punch(person.id, start - random.int(60, 600));
      punch(person.id, end + random.int(0, 300));
    }
  }
  // A few came in on a rest day without approved overtime (OT-1).
  for (let i = 0; i < 12; i++) {
    const person = random.pick(candidates);
    const date = addDays(person.shifts[random.int(0, person.shifts.length - 1)]!.date, 1);
    if (person.shifts.some((s) => s.date === date) || onLeave.has(`${person.id}|${date}`) || overtimeAt.has(`${person.id}|${date}`))
      continue;
    if (date > lastDay || (person.leftOn !== null && date > person.leftOn)) continue;
    punch(person.id, dateSeconds(date, 840) + random.int(0, 600));
    punch(person.id, dateSeconds(date, 1020) + random.int(0, 600));
    if (closable(date)) resolve(person.id, date, 'unapproved-overtime', random.pick(['ignored', 'counted']), '回公司取东西／临时支援');
    else openAnomalies++;
  }
  pending.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  for (const [personId, seconds, manualReason] of pending) {
    const at = clockText(seconds);
    insertPunch.run(
      personId,
      at,
      manualReason ? 'manual' : 'import',
      manualReason ? null : `seed-${at.slice(0, 7)}`,
      manualReason ? null : devices[(personId + seconds) % devices.length],
      manualReason,
      createdAt,
      manualReason ? SUPERVISOR : '导入',
    );
  }
  const punches = pending.length;
  recordAudit(ctx, {
    action: 'seed',
    entity: 'attendance',
    entityId: options.endDate,
    after: { punches, leaveRequests, overtimeRequests, resolutions },
  });

  // ---- close this year's months up to two months before the end, as the supervisor would ----
  let closedMonths = 0;
  for (const month of monthsFrom(`${endYear}-01`, closeUntil)) {
    if (month < options.startDate.slice(0, 7)) continue;
    closeMonth(ctx, month, `${options.endDate} 12:00:00`);
    closedMonths++;
  }
  return { punches, leaveRequests, overtimeRequests, resolutions, closedMonths, openAnomalies };
}
