import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { readXlsxRows } from './xlsx-reader.ts';
import type { FilePayload } from '../ipc/fields.ts';

/** A spreadsheet or CSV as rows of trimmed strings, with the encoding it was read in. */
export interface Table {
  encoding: string;
  rows: string[][];
}

function unreadable(detail: string): AppError {
  const message = t('import.unreadable', { detail });
  return new AppError('VALIDATION', message, [{ path: 'file', message }]);
}

/**
 * Text files from Chinese time clocks and HR systems are UTF-8 (with or without BOM) or GBK.
 * Valid UTF-8 is almost never produced by accident from GBK bytes, so strict UTF-8 decides.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'GBK' };
  }
}

function readXlsx(bytes: Buffer): string[][] {
  try {
    return readXlsxRows(bytes);
  } catch (error) {
    throw unreadable((error as Error).message);
  }
}

function readCsv(bytes: Buffer): Table {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw unreadable(t('import.badQuotes', { row: (fatal.row ?? 0) + 1 }));
  return { encoding, rows: parsed.data.map((r) => r.map((c) => c.trim())) };
}

export async function readTable(file: FilePayload): Promise<Table> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const ext = (/\.([^.]+)$/.exec(file.fileName)?.[1] ?? '').toLowerCase();
  if (ext === 'csv' || ext === 'txt') return readCsv(bytes);
  if (ext === 'xlsx') return { encoding: 'XLSX', rows: readXlsx(bytes) };
  const message = t('import.unsupportedType', { ext: ext || file.fileName });
  throw new AppError('VALIDATION', message, [{ path: 'file', message }]);
}

/** Drops blank rows but keeps each row's number in the file (1-based, as the user sees it). */
export function numberedRows(rows: string[][]): Array<{ row: number; cells: string[] }> {
  return rows.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c !== ''));
}
