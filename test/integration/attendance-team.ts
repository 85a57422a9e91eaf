import { beforeEach, afterEach } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { ok, shiftType, testHost, upload, type UploadEncoding } from '../helpers/host.ts';
import { addDays, weekday } from '../../main/time/dates.ts';

// A small team on a published March 2026 roster, for the leave, overtime and attendance tests:
// 一组 with a leader and three agents; E 09:00–17:00 and N 22:00–06:00.

export const MONTH = '2026-03';

export interface Team {
  groupId: number;
  /** By employee number: A1 (leader), A2, A3, A4. */
  people: Record<string, number>;
  E: number;
  N: number;
}

export const CLOCK_HEADER = '工号,姓名,打卡时间';

/** A clock file: the header and the lines, CRLF unless told, as the import channels take it. */
export function clockCsv(
  lines: string[],
  encoding: UploadEncoding = 'utf8',
  fileName = 'clock.csv',
  { header = CLOCK_HEADER, eol = '\r\n' }: { header?: string; eol?: string } = {},
) {
  return upload([header, ...lines].join(eol), fileName, encoding);
}

const weekend = (date: string) => [0, 6].includes(weekday(date));

/** The weekdays of March 2026 (the 2nd is a Monday). */
const weekdays = Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`).filter((d) => !weekend(d));

/**
 * A fresh data file with the team for every test, closed after it; `use` gets the host and the
 * team before each test.
 */
export function teamForEachTest(use: (host: AppHost, team: Team) => void): void {
  let host: AppHost;
  beforeEach(async () => {
    host = await testHost();
    use(host, await setUpTeam(host));
  });
  afterEach(() => host.close());
}

export async function setUpTeam(host: AppHost, options: { publish?: boolean } = {}): Promise<Team> {
  await ok(host, 'people.renameDepartment', { name: '网络咨询部' });
  const group = await ok(host, 'people.createGroup', { name: '一组' });
  const people: Record<string, number> = {};
  for (const [i, name] of ['张伟', '李娜', '王芳', '刘洋'].entries()) {
    const person = await ok(host, 'people.create', {
      employeeNo: `A${i + 1}`,
      name,
      groupId: group.id,
      role: i === 0 ? 'leader' : 'agent',
      function: 'service',
      hireDate: '2024-01-02',
      firstEmploymentDate: '2015-07-01',
      dailyWageFen: 30_000,
      phone: null,
      note: null,
    });
    people[`A${i + 1}`] = person.id;
  }
  const shift = (code: string, name: string, startMinute: number, endMinute: number) =>
    ok(host, 'roster.saveShiftType', shiftType(code, name, startMinute, endMinute));
  const E = (await shift('E', '白班', 540, 1020)).id;
  const N = (await shift('N', '夜班', 1320, 360)).id;
  // Coverage: two on the day shift every weekday.
  await ok(host, 'roster.saveCoverage', {
    groupId: group.id,
    rows: [1, 2, 3, 4, 5].map((weekday) => ({ shiftTypeId: E, weekday, onDate: null, function: null, minPeople: 2 })),
  });
  // A1, A2 and A3 on days Monday to Friday, A4 on nights; weekends off.
  const changes = [];
  for (let d = 1; d <= 31; d++) {
    const date = `2026-03-${String(d).padStart(2, '0')}`;
    for (const no of ['A1', 'A2', 'A3', 'A4']) {
      changes.push({ personId: people[no]!, date, value: weekend(date) ? 'rest' : no === 'A4' ? N : E });
    }
  }
  await ok(host, 'roster.setCells', { changes, source: 'manual' });
  if (options.publish !== false) await ok(host, 'roster.publish', { month: MONTH, groupId: group.id, acknowledgeIssues: true, note: null });
  return { groupId: group.id, people, E, N };
}

/**
 * A clock file for the whole month: everyone on time on every rostered day (the night shift's
 * clock-out on the next morning), with the given lines replaced or added.
 */
export function monthOfPunches({ skip = [] as string[], extra = [] as string[] } = {}): string[] {
  const lines: string[] = [];
  const names: Record<string, string> = { A1: '张伟', A2: '李娜', A3: '王芳', A4: '刘洋' };
  for (const date of weekdays) {
    for (const no of ['A1', 'A2', 'A3']) {
      lines.push(`${no},${names[no]},${date} 08:55:00`, `${no},${names[no]},${date} 17:02:00`);
    }
    const next = addDays(date, 1);
    lines.push(`A4,刘洋,${date} 21:56:00`, `A4,刘洋,${next} 06:01:00`);
  }
  return [...lines.filter((l) => !skip.some((s) => l.startsWith(s))), ...extra];
}
