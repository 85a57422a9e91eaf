import { isValidIsoDate, addDays } from '../time/dates.ts';

// Parsing of cell text as people type it in Chinese spreadsheets.

/**
 * Accepts 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301 and Excel day serials (45352);
 * returns YYYY-MM-DD, or null when the text is not a real date.
 */
export function parseDateCell(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isValidIsoDate(iso) ? iso : null;
  }
  m = /^(\d{5})(?:\.0+)?$/.exec(s);
  if (m) {
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug is absorbed by that epoch).
    const serial = Number(m[1]);
    if (serial >= 18264 && serial <= 73415) return addDays('1899-12-30', serial);
  }
  return null;
}

/** "250", "250.5", "¥250.00", "250元" → fen; null when it is not an amount. */
export function parseYuanCell(text: string): number | null {
  const s = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}
