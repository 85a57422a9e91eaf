import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { isValidIsoDate, addDays, daysBetween } from '../../main/time/dates.ts';
import { parseDateCell, parseYuanCell } from '../../main/files/values.ts';
import { resolveDataDir, DATA_DIR_ENV } from '../../main/app/data-dir.ts';
import { readPreferences, writePreferences, preferencesFile } from '../../main/app/preferences.ts';

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true], // leap year (divisible by 4)
    ['2025-02-29', false],
    ['1900-02-29', false], // divisible by 100, not by 400
    ['2000-02-29', true], // divisible by 400
    ['2100-02-29', false],
    ['2026-01-31', true],
    ['2026-02-28', true],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-06-31', false],
    ['2026-12-31', true],
    ['2026-12-32', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-1', false],
    ['26-01-01', false],
    ['20260101', false],
    ['2026/01/01', false],
    ['', false],
    [' 2026-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['abcd-ef-gh', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2026-03-29', 1, '2026-03-30'], // a European DST weekend: no hour can shift the day
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-05-17', 0, '2026-05-17'],
  ])('%s %+d → %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it('is the inverse of daysBetween across a leap day', () => {
    expect(daysBetween('2024-02-01', addDays('2024-02-01', 45))).toBe(45);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
});

describe('parseDateCell (dates as people type them in Chinese spreadsheets)', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-3-1', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026/03/01', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2026年03月01日', '2026-03-01'],
    ['20260301', '2026-03-01'],
    ['  2026-03-01  ', '2026-03-01'],
    ['2026-03-01 00:00:00', '2026-03-01'],
    ['2024/2/29', '2024-02-29'],
    ['2024年2月29日', '2024-02-29'],
    ['20240229', '2024-02-29'],
    // Excel day serials (days since 1899-12-30)
    ['45292', '2024-01-01'],
    ['45351', '2024-02-29'],
    ['45352', '2024-03-01'],
    ['45292.0', '2024-01-01'],
    ['18264', '1950-01-01'],
    ['73415', '2100-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(parseDateCell(text)).toBe(expected);
  });

  it.each([
    '2025-02-29',
    '2025/2/29',
    '2025年2月29日',
    '20250229',
    '1900-02-29',
    '2026-13-01',
    '2026/2/30',
    '2026-04-31',
    '26-1-1',
    '3/1/2026',
    '',
    '   ',
    'abc',
    '2026',
    '1234',
    '18263',
    '73416',
    '45292.5',
    '-45292',
  ])('%j → null', (text) => {
    expect(parseDateCell(text)).toBeNull();
  });
});

describe('parseYuanCell (money in yuan → integer fen)', () => {
  it.each([
    ['250', 25000],
    ['250.5', 25050],
    ['250.50', 25050],
    ['¥250.00', 25000],
    ['￥1,234.56', 123456],
    ['250元', 25000],
    [' 275.86 ', 27586],
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['1.15', 115],
    ['4.35', 435],
    ['1005.07', 100507],
  ])('%s → %d fen', (text, fen) => {
    expect(parseYuanCell(text)).toBe(fen);
  });

  it.each(['-5', '-0.01', '1.234', 'abc', '', '1e3', '250块', '¥', '.5', '5.'])('%j → null', (text) => {
    expect(parseYuanCell(text)).toBeNull();
  });

  it('always answers an integer', () => {
    for (let cents = 0; cents < 2000; cents += 7) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      expect(parseYuanCell(text)).toBe(cents);
    }
  });
});

describe('resolveDataDir: --data-dir beats BANZU_DATA_DIR beats the default', () => {
  const saved = process.env[DATA_DIR_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[DATA_DIR_ENV];
    else process.env[DATA_DIR_ENV] = saved;
  });
  const fallback = () => '/default/banzu';

  it('uses the default when neither is given', () => {
    delete process.env[DATA_DIR_ENV];
    expect(resolveDataDir([], fallback)).toBe(path.resolve('/default/banzu'));
  });

  it('the environment variable beats the default', () => {
    process.env[DATA_DIR_ENV] = '/from/env';
    expect(resolveDataDir(['--other', 'x'], fallback)).toBe(path.resolve('/from/env'));
  });

  it('--data-dir DIR and --data-dir=DIR beat the environment variable', () => {
    process.env[DATA_DIR_ENV] = '/from/env';
    expect(resolveDataDir(['--data-dir', '/from/flag'], fallback)).toBe(path.resolve('/from/flag'));
    expect(resolveDataDir(['--verbose', '--data-dir=/from/flag2'], fallback)).toBe(path.resolve('/from/flag2'));
  });

  it('an empty flag falls back to the environment, and relative paths become absolute', () => {
    process.env[DATA_DIR_ENV] = '/from/env';
    expect(resolveDataDir(['--data-dir='], fallback)).toBe(path.resolve('/from/env'));
    delete process.env[DATA_DIR_ENV];
    const resolved = resolveDataDir(['--data-dir', 'rel/data'], fallback);
    expect(path.isAbsolute(resolved)).toBe(true);
    expect(resolved).toBe(path.resolve('rel/data'));
  });
});

describe('preferences.json survives damage', () => {
  const dirs: string[] = [];
  function dirWith(content?: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-prefs-'));
    dirs.push(dir);
    if (content !== undefined) fs.writeFileSync(preferencesFile(dir), content);
    return dir;
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const defaults = { language: 'zh-CN', profileId: 'supervisor', window: null };

  it.each([
    ['missing', undefined],
    ['garbage', 'not json at all {{{'],
    ['truncated', '{"language": "en", "profileId": "sup'],
    ['binary', '\u0000\u0001\u0002'],
    ['null', 'null'],
    ['a number', '42'],
    ['an array', '[1, 2, 3]'],
    ['empty', ''],
  ])('%s file → defaults', (_label, content) => {
    expect(readPreferences(dirWith(content))).toEqual(defaults);
  });

  it('keeps the valid parts of a partial or half-wrong file', () => {
    expect(readPreferences(dirWith('{"language":"en"}'))).toEqual({ ...defaults, language: 'en' });
    expect(readPreferences(dirWith('{"language":"fr","profileId":"person:7"}'))).toEqual({ ...defaults, profileId: 'person:7' });
    expect(readPreferences(dirWith('{"language":"en","profileId":5,"window":{"x":"a"}}'))).toEqual({ ...defaults, language: 'en' });
    const window = { x: 10, y: 20, width: 1200, height: 800, maximized: false };
    expect(readPreferences(dirWith(JSON.stringify({ window, extra: true })))).toMatchObject({ ...defaults, window });
  });

  it('writes atomically and reads back what it wrote', () => {
    const dir = dirWith();
    const prefs = { language: 'en' as const, profileId: 'person:3', window: { x: 0, y: 0, width: 800, height: 600, maximized: true } };
    writePreferences(dir, prefs);
    expect(readPreferences(dir)).toEqual(prefs);
    expect(fs.readdirSync(dir)).toEqual(['preferences.json']);
  });
});
