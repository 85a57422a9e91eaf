// Reading expected contacts per interval from a file (ROS-6): CSV (UTF-8 or GBK) or XLSX with a
// date (or weekday), a start time and a count per row. All or nothing: any bad row refuses the
// file with every row's problem. No database.
import { AppError } from '../../ipc/app-error.ts';
import type { ErrorDetail } from '../../ipc/contract-kit.ts';
import type { FilePayload } from '../../ipc/fields.ts';
import { t } from '../../i18n/index.ts';
import { readTable, numberedRows } from '../../files/table.ts';
import { suggestMapping, mappingProblems, mapRow, type Synonyms } from '../../files/mapping.ts';
import { parseDateCell } from '../../files/values.ts';

export interface DemandRow {
  date: string | null;
  weekday: number | null;
  startMinute: number;
  contacts: number;
}

type DemandField = 'date' | 'weekday' | 'start' | 'contacts';

const synonyms: Synonyms<DemandField> = {
  date: ['日期', '日', '统计日期', '业务日期', 'day', 'date'],
  weekday: ['星期', '周几', '星期几', '周', 'weekday', 'day of week', 'dow'],
  start: [
    '开始时间',
    '时段',
    '时间段',
    '时间',
    '起始时间',
    '开始',
    '时段开始',
    '区间开始',
    'start',
    'start time',
    'time',
    'interval',
    'interval start',
  ],
  contacts: [
    '会话量',
    '会话数',
    '咨询量',
    '进线量',
    '来电量',
    '接待量',
    '预测量',
    '数量',
    '量',
    '会话',
    'contacts',
    'count',
    'volume',
    'calls',
    'chats',
    'conversations',
  ],
};

const weekdayWords: Record<string, number> = {
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

/** 周一 / 星期一 / 礼拜一 / Mon / Monday / 1 (Monday) … 7 or 0 (Sunday) → 0 = Sunday … 6 = Saturday. */
export function parseWeekdayCell(text: string): number | null {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/^(星期|周|礼拜)/, '');
  if (/^[0-7]$/.test(s)) return Number(s) % 7;
  return weekdayWords[s] ?? null;
}

/**
 * A time of day as minutes from midnight: 09:00, 9:30, 9:30:00, 09:00-09:30 (the start),
 * 9点30, 9点半, an Excel time fraction (0.375) or a date and time (2026-03-02 09:00:00, the time part).
 */
export function parseTimeCell(text: string): number | null {
  const s = text.trim();
  const fraction = /^0?\.\d+$|^0$/.exec(s);
  if (fraction) {
    const minutes = Math.round(Number(s) * 1440);
    return minutes < 1440 ? minutes : null;
  }
  const m = /(?:^|\s)(\d{1,2})[:：点时](\d{2}|半)?(?:[:：]\d{2}(?:\.\d+)?)?分?(?:\s*(?:[-~～至到—–]|$)|\s)/.exec(`${s} `);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : m[2] === '半' ? 30 : Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** "120", "120.5", "1,200" → a count; null when it is not a non-negative number. */
export function parseCountCell(text: string): number | null {
  const s = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

function refuse(message: string, details: ErrorDetail[]): never {
  throw new AppError('VALIDATION', message, details);
}

const label = (field: DemandField) => t(`roster.staffing.columns.${field}`);

/** Reads the file's rows into demand intervals, sorted by day and start time. */
export async function readDemand(file: FilePayload): Promise<DemandRow[]> {
  const table = await readTable(file);
  const numbered = numberedRows(table.rows);
  const header = numbered[0];
  if (!header) refuse(t('import.emptyFile'), [{ path: 'file', message: t('import.emptyFile') }]);
  const mapping = suggestMapping(header.cells, synonyms);
  const problems = mappingProblems(mapping, ['start', 'contacts'], label);
  if (problems.length > 0)
    refuse(
      problems.join(t('common.sentenceSeparator')),
      problems.map((message) => ({ path: 'file', message })),
    );
  const dataRows = numbered.slice(1);
  if (dataRows.length === 0) refuse(t('import.emptyFile'), [{ path: 'file', message: t('import.emptyFile') }]);

  const details: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  const result: DemandRow[] = [];
  for (const { row, cells } of dataRows) {
    const values = mapRow(cells, mapping);
    const problem = (path: DemandField, message: string) => details.push({ row, path, message });
    const startText = values.start ?? '';
    // The day may come with the start time (2026-03-02 09:00) when there is no date column.
    const dateText = values.date || (/^\d{4}[-/.年]/.test(startText) ? startText : '');
    const date = dateText ? parseDateCell(dateText) : null;
    if (dateText && !date) problem('date', t('import.badDate', { value: dateText }));
    const weekday = date ? new Date(`${date}T00:00:00Z`).getUTCDay() : values.weekday ? parseWeekdayCell(values.weekday) : null;
    if (!date && values.weekday && weekday === null) problem('weekday', t('roster.staffing.badWeekday', { value: values.weekday }));
    if (!dateText && !values.weekday) problem('date', t('roster.staffing.noDay'));
    const startMinute = startText ? parseTimeCell(startText) : null;
    if (startMinute === null) problem('start', startText ? t('roster.staffing.badTime', { value: startText }) : t('validation.required'));
    const countText = values.contacts ?? '';
    const contacts = countText ? parseCountCell(countText) : null;
    if (contacts === null) problem('contacts', countText ? t('roster.staffing.badCount', { value: countText }) : t('validation.required'));
    if (weekday === null || startMinute === null || contacts === null) continue;
    const key = `${date ?? `w${weekday}`} ${startMinute}`;
    const other = seen.get(key);
    if (other !== undefined) {
      problem('start', t('roster.staffing.duplicateInterval', { other }));
      continue;
    }
    seen.set(key, row);
    result.push({ date, weekday, startMinute, contacts });
  }
  if (details.length > 0) refuse(t('import.rowsWithProblems', { count: new Set(details.map((d) => d.row)).size }), details);
  return result.sort((a, b) => (a.date ?? `~${a.weekday}`).localeCompare(b.date ?? `~${b.weekday}`) || a.startMinute - b.startMinute);
}
