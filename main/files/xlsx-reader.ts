import { unzipSync, strFromU8 } from 'fflate';
import { addDays } from '../time/dates.ts';

// Reads the first worksheet of an .xlsx as rows of cell text. exceljs reads a 5,000-row sheet in
// 300–400 ms, which alone breaks the import budget; imports need the values only, so this reads
// the four XML parts involved directly (unzipped by fflate). Writing stays with exceljs.

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : entities[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of every <t> in a string item, without phonetic runs. */
function itemText(xml: string): string {
  let text = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) text += m[1] ?? '';
  return decodeXml(text);
}

const attributePatterns = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return pattern.exec(attributes)?.[1];
}

/** Built-in number formats that show dates (including the CJK ones), per ECMA-376. */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymdhs年月日]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** For each cell style index, whether it displays a date or time. */
function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attribute(m[1]!, 'numFmtId'));
    custom.set(id, decodeXml(attribute(m[1]!, 'formatCode') ?? ''));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => {
    const id = Number(attribute(m[1]!, 'numFmtId') ?? 0);
    return builtInDateFormats.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!));
  });
}

/** An Excel serial as YYYY-MM-DD, "YYYY-MM-DD HH:mm:ss", or "HH:mm:ss" for a time alone. */
export function serialToText(serial: number): string {
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (days === 0) return time;
  // Day 0 is 1899-12-30 in Excel's 1900 system once its phantom 1900-02-29 is passed.
  const date = addDays('1899-12-30', days + (seconds >= 86_400 ? 1 : 0));
  return seconds === 0 || seconds === 86_400 ? date : `${date} ${time}`;
}

function columnIndex(reference: string): number {
  let index = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function firstSheetPath(files: Record<string, Uint8Array>): string | undefined {
  const workbook = files['xl/workbook.xml'] && strFromU8(files['xl/workbook.xml']);
  const rels = files['xl/_rels/workbook.xml.rels'] && strFromU8(files['xl/_rels/workbook.xml.rels']);
  const sheet = workbook && /<sheet\b([^>]*)\/?>/.exec(workbook)?.[1];
  const relId = sheet && (attribute(sheet, 'r:id') ?? /\br:id="([^"]*)"/.exec(sheet)?.[1]);
  if (rels && relId) {
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      if (attribute(m[1]!, 'Id') !== relId) continue;
      const target = attribute(m[1]!, 'Target')!;
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  return Object.keys(files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
}

/** Rows of trimmed cell text from the first worksheet; throws when the bytes are not an xlsx. */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  const wanted = /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/;
  const files = unzipSync(bytes, { filter: (f) => wanted.test(f.name) });
  const sheetPath = firstSheetPath(files);
  if (!sheetPath || !files[sheetPath]) throw new Error('no worksheet found in the workbook');
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => itemText(m[1] ?? ''))
    : [];
  const isDate = dateStyles(files['xl/styles.xml'] && strFromU8(files['xl/styles.xml']));
  const sheet = strFromU8(files[sheetPath]);

  const rows: string[][] = [];
  let nextRow = 0;
  for (const rowMatch of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attribute(rowMatch[1]!, 'r');
    const rowIndex = r ? Number(r) - 1 : nextRow;
    nextRow = rowIndex + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cell of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1]!;
      const ref = attribute(attrs, 'r');
      const column = ref ? columnIndex(ref) : nextColumn;
      nextColumn = column + 1;
      const body = cell[2] ?? '';
      const type = attribute(attrs, 't') ?? 'n';
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 'inlineStr') text = itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (raw === undefined) text = '';
      else if (type === 's') text = shared[Number(raw)] ?? '';
      else if (type === 'b') text = raw === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'e') text = '';
      else if (type === 'str' || type === 'd') text = decodeXml(raw);
      else text = isDate[Number(attribute(attrs, 's') ?? 0)] ? serialToText(Number(raw)) : raw;
      while (cells.length < column) cells.push('');
      cells[column] = text.trim();
    }
    rows[rowIndex] = cells;
  }
  return Array.from(rows, (r) => r ?? []);
}
