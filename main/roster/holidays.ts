import chineseDays from 'chinese-days';
import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { audited, type AuditEntry } from '../audit/record.ts';
import { statement } from '../../db/statements.ts';
import { AppError } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import type { FilePayload } from '../ipc/fields.ts';
import { t } from '../i18n/index.ts';
import { readTable, numberedRows } from '../files/table.ts';
import { suggestMapping, mapRow, type Synonyms } from '../files/mapping.ts';
import { parseDateCell } from '../files/values.ts';
import { addDays } from '../time/dates.ts';
import type { CalendarDay } from './contract.ts';

// ROS-5: the holiday calendar. The official mainland China calendar comes from the chinese-days
// package (offline data, updated every December); it is copied into calendar_days, where the
// supervisor can edit it, import next year's, or type it in.

export type CalendarKind = CalendarDay['kind'];
export interface CalendarYearView {
  year: number;
  source: 'official' | 'import' | 'manual' | null;
  days: CalendarDay[];
}

// chinese-days labels a break by its festival ("Spring Festival,春节,4"); these are the names the
// notices use.
const festivalNames: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
};

/** The lunar date of a Gregorian year as a Gregorian date ("2025-05-05" → 2025-05-31 for 端午). */
function fromLunar(year: number, monthDay: string): string {
  return chineseDays.getSolarDateFromLunar(`${year}-${monthDay}`).date;
}

/**
 * The statutory holidays (法定节假日) of a year by the State Council's rules, as dates: only these
 * earn 300 % overtime (OT-2). From 2025 there are 13 days: 元旦 1, 春节 4 (除夕 and 初一–初三),
 * 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. From 2014 to 2024: 11 (春节 初一–初三, 劳动节 1);
 * from 2008 to 2013 春节 was 除夕–初二. chinese-days marks every day of a break as a holiday, so
 * the statutory days are found from the festival dates themselves (lunar and solar-term dates
 * from the same package) and the other days of the break are swapped rest days.
 */
export function statutoryHolidays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  // Two festivals on one date (中秋 on 10-01 in 2020) still give two days: the later one moves on.
  const add = (date: string, name: string) => {
    let day = date;
    while (days.has(day)) day = addDays(day, 1);
    days.set(day, name);
  };
  add(`${year}-01-01`, '元旦');
  const newYear = fromLunar(year, '01-01');
  const eve = addDays(newYear, -1);
  const spring =
    year >= 2025
      ? [eve, newYear, addDays(newYear, 1), addDays(newYear, 2)]
      : year >= 2014
        ? [newYear, addDays(newYear, 1), addDays(newYear, 2)]
        : [eve, newYear, addDays(newYear, 1)];
  for (const d of spring) add(d, '春节');
  const qingming = chineseDays.getSolarTerms(`${year}-04-01`, `${year}-04-30`).find((term) => term.name === '清明');
  if (qingming) add(qingming.date, '清明节');
  add(`${year}-05-01`, '劳动节');
  if (year >= 2025) add(`${year}-05-02`, '劳动节');
  add(fromLunar(year, '05-05'), '端午节');
  for (const d of ['10-01', '10-02', '10-03']) add(`${year}-${d}`, '国庆节');
  add(fromLunar(year, '08-15'), '中秋节');
  return days;
}

function packageHasYear(year: number): boolean {
  return year >= 2008 && chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

/** The official calendar of a year from the shipped data, or null when the package has none. */
export function officialCalendar(year: number): CalendarDay[] | null {
  if (!packageHasYear(year)) return null;
  const statutory = statutoryHolidays(year);
  const days: CalendarDay[] = [];
  for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
    const detail = chineseDays.getDayDetail(date);
    const [, chinese] = detail.name.split(',');
    const statutoryName = statutory.get(date);
    if (statutoryName) {
      days.push({ date, kind: 'holiday', name: statutoryName });
      continue;
    }
    if (chinese === undefined) continue; // an ordinary day ("Monday")
    const name = festivalNames[chinese] ?? chinese.slice(0, 20);
    // A one-off national holiday outside the seven festivals (2015's 9-03) is statutory on its
    // own weekdays; its in-lieu and weekend days are rest days as in any break.
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    const oneOff = !festivalNames[chinese] && !weekend && !chineseDays.isInLieu(date);
    const kind: CalendarKind = detail.work ? 'workday' : oneOff ? 'holiday' : 'rest';
    days.push({ date, kind, name });
  }
  return days;
}

// ---- the editable table ----

function readYear(ctx: Ctx, year: number): CalendarYearView {
  const row = statement(ctx.store.sqlite, 'select source from calendar_years where year = ?').get(year) as { source: string } | undefined;
  const days = statement(ctx.store.sqlite, 'select date, kind, name from calendar_days where date between ? and ? order by date').all(
    `${year}-01-01`,
    `${year}-12-31`,
  ) as CalendarDay[];
  return { year, source: (row?.source as CalendarYearView['source']) ?? null, days };
}

function hasYear(ctx: Ctx, year: number): boolean {
  return statement(ctx.store.sqlite, 'select 1 from calendar_years where year = ?').get(year) !== undefined;
}

/** Replaces a year's table; the caller validated the days and holds the transaction. */
function writeYear(ctx: Ctx, year: number, days: CalendarDay[], source: 'official' | 'import' | 'manual', audit: (e: AuditEntry) => void) {
  const before = readYear(ctx, year);
  const at = nowIso();
  statement(ctx.store.sqlite, 'delete from calendar_days where date between ? and ?').run(`${year}-01-01`, `${year}-12-31`);
  const insert = statement(ctx.store.sqlite, 'insert into calendar_days (date, kind, name, updated_at) values (?, ?, ?, ?)');
  for (const d of days) insert.run(d.date, d.kind, d.name, at);
  statement(
    ctx.store.sqlite,
    'insert into calendar_years (year, source, updated_at) values (?, ?, ?) on conflict(year) do update set source = excluded.source, updated_at = excluded.updated_at',
  ).run(year, source, at);
  const after = readYear(ctx, year);
  audit({ action: source === 'official' ? 'loadOfficial' : source, entity: 'calendar', entityId: year, before, after });
  return after;
}

/**
 * A year the app ships official data for is loaded the first time it is needed, so a new data
 * file has 2025, 2026 (and whatever the package covers) without anyone pressing a button. A year
 * the user saved or imported, even empty, is left as it is.
 */
export function ensureOfficialCalendar(ctx: Ctx, year: number): void {
  if (hasYear(ctx, year)) return;
  const days = officialCalendar(year);
  if (!days) return;
  audited(ctx, (audit) => writeYear(ctx, year, days, 'official', audit));
}

/** For start-up: the official years from 2025 on that are not in the table yet. */
export function ensureOfficialCalendars(ctx: Ctx, years = [2025, 2026]): void {
  for (const year of years) ensureOfficialCalendar(ctx, year);
}

export function getCalendar(ctx: Ctx, year: number): CalendarYearView {
  ensureOfficialCalendar(ctx, year);
  return readYear(ctx, year);
}

export function loadOfficialCalendar(ctx: Ctx, year: number): CalendarYearView {
  const days = officialCalendar(year);
  if (!days) {
    const message = t('roster.calendar.noOfficial', { year });
    throw new AppError('NOT_FOUND', message, [{ path: 'year', message }]);
  }
  return audited(ctx, (audit) => writeYear(ctx, year, days, 'official', audit));
}

function dayProblems(year: number, days: CalendarDay[], path: (i: number) => string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!d.date.startsWith(`${year}-`))
      problems.push({ path: path(i), message: t('roster.calendar.dayOutsideYear', { date: d.date, year }) });
    else if (seen.has(d.date)) problems.push({ path: path(i), message: t('roster.calendar.duplicateDate', { date: d.date }) });
    seen.add(d.date);
  });
  return problems;
}

export function saveCalendar(ctx: Ctx, year: number, days: CalendarDay[]): CalendarYearView {
  const problems = dayProblems(year, days, (i) => `days.${i}.date`);
  if (problems.length > 0) throw new AppError('VALIDATION', t('errors.validation'), problems);
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
  return audited(ctx, (audit) => writeYear(ctx, year, sorted, 'manual', audit));
}

// ---- import ----

type CalendarField = 'date' | 'kind' | 'name';
const synonyms: Synonyms<CalendarField> = {
  date: ['日期', '日子', 'date', 'day'],
  kind: ['类型', '类别', '性质', '假日类型', '安排', 'kind', 'type'],
  name: ['名称', '节日', '节假日', '假日名称', '说明', 'name', 'holiday'],
};
const kindWords: Record<string, CalendarKind> = {
  法定节假日: 'holiday',
  法定假日: 'holiday',
  节假日: 'holiday',
  假日: 'holiday',
  法定: 'holiday',
  holiday: 'holiday',
  statutoryholiday: 'holiday',
  休息日: 'rest',
  休息: 'rest',
  调休: 'rest',
  调休休息: 'rest',
  休: 'rest',
  rest: 'rest',
  restday: 'rest',
  调休上班: 'workday',
  补班: 'workday',
  上班: 'workday',
  班: 'workday',
  工作日: 'workday',
  workday: 'workday',
  makeupworkday: 'workday',
};

/**
 * Reads date, kind and name columns (CSV in UTF-8 or GBK, or XLSX) and replaces the table of
 * every year the file covers. All or nothing: one bad row and nothing is written, with every
 * problem listed by its row number.
 */
export async function importCalendar(ctx: Ctx, file: FilePayload): Promise<CalendarYearView[]> {
  const table = await readTable(file);
  const rows = numberedRows(table.rows);
  const header = rows[0];
  const fail = (problems: ErrorDetail[]): never => {
    throw new AppError(
      'VALIDATION',
      `${t('errors.validation')} ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join(t('common.sentenceSeparator'))}`,
      problems,
    );
  };
  if (!header || rows.length < 2) fail([{ path: 'file', message: t('roster.calendar.emptyFile') }]);
  const mapping = suggestMapping(header!.cells, synonyms);
  const missing = (['date', 'kind'] as const).filter((f) => !mapping.includes(f));
  if (missing.length > 0) {
    fail([
      {
        path: 'file',
        message: t('roster.calendar.missingColumns', {
          fields: missing.map((f) => t(`roster.calendar.fields.${f}`)).join(t('common.listSeparator')),
        }),
      },
    ]);
  }
  const problems: ErrorDetail[] = [];
  const firstRow = new Map<string, number>();
  const byYear = new Map<number, CalendarDay[]>();
  for (const { row, cells } of rows.slice(1)) {
    const record = mapRow(cells, mapping);
    const date = parseDateCell(record.date ?? '');
    const kind = kindWords[(record.kind ?? '').toLowerCase().replace(/[\s_-]+/g, '')];
    const name = (record.name ?? '').trim();
    if (!date) problems.push({ path: 'file', row, message: t('roster.calendar.badDate', { row, value: record.date ?? '' }) });
    if (!kind) problems.push({ path: 'file', row, message: t('roster.calendar.badKind', { row, value: record.kind ?? '' }) });
    if (name.length > 20) problems.push({ path: 'file', row, message: t('roster.calendar.longName', { row }) });
    if (!date || !kind || name.length > 20) continue;
    const earlier = firstRow.get(date);
    if (earlier !== undefined) {
      problems.push({ path: 'file', row, message: t('roster.calendar.duplicateRow', { row, date, first: earlier }) });
      continue;
    }
    firstRow.set(date, row);
    const year = Number(date.slice(0, 4));
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push({ date, kind, name: name || t(`roster.calendar.kinds.${kind}`) });
  }
  if (problems.length > 0) fail(problems);
  const years = [...byYear.keys()].sort();
  return audited(ctx, (audit) =>
    years.map((year) =>
      writeYear(
        ctx,
        year,
        byYear.get(year)!.sort((a, b) => (a.date < b.date ? -1 : 1)),
        'import',
        audit,
      ),
    ),
  );
}

// ---- for the month view ----

/** Calendar rows between two dates, and which of their years have no calendar at all. */
export function calendarBetween(ctx: Ctx, from: string, to: string): { days: Map<string, CalendarDay>; missingYears: number[] } {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    ensureOfficialCalendar(ctx, y);
    if (!hasYear(ctx, y)) years.push(y);
  }
  const rows = statement(ctx.store.sqlite, 'select date, kind, name from calendar_days where date between ? and ?').all(
    from,
    to,
  ) as CalendarDay[];
  return { days: new Map(rows.map((r) => [r.date, r])), missingYears: years };
}
