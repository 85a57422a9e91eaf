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

/**
 * A time of day as time clocks and people write it: 8:57, 08:57:12, 8时57分, 8点57分30秒, or an
 * Excel time fraction (0.3729…). Returns "HH:mm:ss", or null when it is not a real time (25:00).
 */
export function parseTimeCell(text: string): string | null {
  const s = text.trim();
  let h: number;
  let m: number;
  let sec: number;
  const match = /^(\d{1,2})[:：时点](\d{1,2})(?:分?(?:[:：](\d{1,2})|(\d{1,2})秒)?)?分?$/.exec(s);
  if (match) {
    [h, m, sec] = [Number(match[1]), Number(match[2]), Number(match[3] ?? match[4] ?? 0)];
  } else if (/^0?\.\d+$/.test(s)) {
    const total = Math.round(Number(s) * 86_400);
    if (total >= 86_400) return null;
    [h, m, sec] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  } else {
    return null;
  }
  if (h > 23 || m > 59 || sec > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(h)}:${pad(m)}:${pad(sec)}`;
}

/**
 * A date and time in one cell: "2026-03-02 08:57:12", "2026/3/2 8:57", "2026年3月2日 8时57分",
 * "2026-03-02T08:57", or an Excel serial with a fraction (46083.3729…). Returns
 * "YYYY-MM-DD HH:mm:ss", or null.
 */
export function parseDateTimeCell(text: string): string | null {
  const s = text.trim();
  const serial = /^(\d{5})\.(\d+)$/.exec(s);
  if (serial) {
    const date = parseDateCell(serial[1]!);
    const time = parseTimeCell(`0.${serial[2]}`);
    return date && time ? `${date} ${time}` : null;
  }
  const split = /^(\S+?)(?:[T\s]+|(?<=日))(\d{1,2}[:：时点].*)$/.exec(s);
  if (!split) return null;
  const date = parseDateCell(split[1]!);
  const time = parseTimeCell(split[2]!);
  return date && time ? `${date} ${time}` : null;
}
