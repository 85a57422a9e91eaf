import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readDemand, parseTimeCell, parseWeekdayCell, parseCountCell } from '../../main/roster/staffing/demand-import.ts';
import { AppError } from '../../main/ipc/app-error.ts';

// ROS-6: demand files as they come from a call-centre report (CSV UTF-8/GBK or XLSX).
const csv = (text: string, fileName = '话务量.csv', encoding: 'utf8' | 'gbk' = 'utf8') => ({
  fileName,
  contentBase64: (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8')).toString('base64'),
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('demand import (ROS-6)', () => {
  it('times as people write them, and Excel time fractions', () => {
    expect(
      ['09:00', '9:30', '9:30:00', '09:00-09:30', '9:00~9:30', '9点30', '9点半', '21点', '0.375', '0', '2026-03-02 13:30:00'].map(
        parseTimeCell,
      ),
    ).toEqual([540, 570, 570, 540, 540, 570, 570, 1260, 540, 0, 810]);
    for (const bad of ['24:00', '9:75', 'abc', '930', '1.2', '']) expect(parseTimeCell(bad), bad).toBeNull();
  });

  it('weekdays in Chinese and English, 1–7 from Monday', () => {
    expect(['周一', '星期日', '礼拜六', 'Mon', 'sunday', '7', '0', '3'].map(parseWeekdayCell)).toEqual([1, 0, 6, 1, 0, 0, 0, 3]);
    expect(parseWeekdayCell('周八')).toBeNull();
  });

  it('counts: decimals and thousands separators, never negative', () => {
    expect(['120', '120.5', '1,200', '0'].map(parseCountCell)).toEqual([120, 120.5, 1200, 0]);
    expect(['-3', 'abc', ''].map(parseCountCell)).toEqual([null, null, null]);
  });

  it('reads a UTF-8 CSV with Chinese headers, sorted by day and time, weekday from the date', async () => {
    const rows = await readDemand(csv('日期,开始时间,会话量\n2026-03-03,09:30,80\n2026/3/2,9:00,100\n2026-03-02,09:30,0\n'));
    expect(rows).toEqual([
      { date: '2026-03-02', weekday: 1, startMinute: 540, contacts: 100 },
      { date: '2026-03-02', weekday: 1, startMinute: 570, contacts: 0 },
      { date: '2026-03-03', weekday: 2, startMinute: 570, contacts: 80 },
    ]);
  });

  it('reads a GBK CSV with other header words and a weekday profile', async () => {
    const rows = await readDemand(csv('星期,时段,咨询量\r\n周一,08:00-08:30,12\r\n星期二,8:00,15\r\n', 'profile.csv', 'gbk'));
    expect(rows).toEqual([
      { date: null, weekday: 1, startMinute: 480, contacts: 12 },
      { date: null, weekday: 2, startMinute: 480, contacts: 15 },
    ]);
  });

  it('reads a date and time in one column', async () => {
    const rows = await readDemand(csv('时间,进线量\n2026-03-02 09:00:00,7\n'));
    expect(rows).toEqual([{ date: '2026-03-02', weekday: 1, startMinute: 540, contacts: 7 }]);
  });

  it('reads XLSX with real date and time cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('话务');
    sheet.addRow(['日期', '开始时间', '会话量']);
    const date = sheet.addRow([new Date(Date.UTC(2026, 2, 2)), new Date(Date.UTC(1899, 11, 30, 9, 30)), 42]);
    date.getCell(1).numFmt = 'yyyy-mm-dd';
    date.getCell(2).numFmt = 'hh:mm';
    // A time typed as a bare fraction of a day, without a time format.
    sheet.addRow(['2026-03-02', 0.4375, 40]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const rows = await readDemand({ fileName: '话务.xlsx', contentBase64: bytes.toString('base64') });
    expect(rows).toEqual([
      { date: '2026-03-02', weekday: 1, startMinute: 570, contacts: 42 },
      { date: '2026-03-02', weekday: 1, startMinute: 630, contacts: 40 },
    ]);
  });

  it('all or nothing: every bad row is listed with its row number and field', async () => {
    const error = await refused(
      readDemand(
        csv(
          '日期,开始时间,会话量\n2026-03-02,09:00,10\n2026-02-30,09:00,10\n2026-03-02,25:00,10\n2026-03-02,10:00,很多\n2026-03-02,9:00,3\n',
        ),
      ),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.details!.map((d) => [d.row, d.path])).toEqual([
      [3, 'date'],
      [4, 'start'],
      [5, 'contacts'],
      [6, 'start'],
    ]);
    expect(error.message).toContain('4');
    expect(error.details![3]!.message).toContain('2');
  });

  it('refuses a file without the needed columns, and an empty file', async () => {
    const missing = await refused(readDemand(csv('日期,会话量\n2026-03-02,10\n')));
    expect(missing.message).toContain('开始时间');
    const noDay = await refused(readDemand(csv('开始时间,会话量\n09:00,10\n')));
    expect(noDay.details![0]).toMatchObject({ row: 2, path: 'date' });
    await refused(readDemand(csv('日期,开始时间,会话量\n')));
    await refused(readDemand(csv('', 'demand.pdf')));
  });
});
