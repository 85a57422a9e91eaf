import { unzipSync, strFromU8 } from 'fflate';
import { addDays } from '../time/dates.ts';

// Reads the first worksheet of an .xlsx as rows of cell text. exceljs reads a 5,000-row sheet in
// 300–400 ms, which alone breaks the import budget; imports need the values only, so this reads
// the four XML parts involved directly (unzipped by fflate). Writing stays with exceljs.

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : entities[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of every <t> in a string item, without phonetic runs. */
function itemText(xml: string): string {
  // Most items are one plain run: <t>text</t> or <t xml:space="preserve">text</t>.
  if (xml.startsWith('<t') && xml.endsWith('</t>') && xml.indexOf('<', 2) === xml.length - 4) {
    return decodeXml(xml.slice(xml.indexOf('>') + 1, -4));
  }
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

/** The value of name="…" in the inside of a start tag. */
function tagAttribute(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return undefined;
  const from = at + key.length;
  return tag.slice(from, tag.indexOf('"', from));
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (let at = xml.indexOf('<si', 0); at >= 0;) {
    const tagEnd = xml.indexOf('>', at);
    if (xml[tagEnd - 1] === '/') {
      strings.push('');
      at = xml.indexOf('<si', tagEnd);
      continue;
    }
    const end = xml.indexOf('</si>', tagEnd);
    strings.push(itemText(xml.slice(tagEnd + 1, end)));
    at = xml.indexOf('<si', end);
  }
  return strings;
}

/** The cells of one row, from the row's body between `from` and `to`. */
function rowCells(sheet: string, from: number, to: number, shared: string[], isDate: boolean[]): string[] {
  const cells: string[] = [];
  let nextColumn = 0;
  for (let at = sheet.indexOf('<c', from); at >= 0 && at < to; at = sheet.indexOf('<c', at + 2)) {
    const next = sheet[at + 2];
    if (next !== ' ' && next !== '>' && next !== '/') continue;
    const tagEnd = sheet.indexOf('>', at);
    const tag = sheet.slice(at + 2, tagEnd);
    const closed = sheet[tagEnd - 1] === '/';
    const end = closed ? tagEnd : sheet.indexOf('</c>', tagEnd);
    const ref = tagAttribute(tag, 'r');
    const column = ref ? columnIndex(ref) : nextColumn;
    nextColumn = column + 1;
    let text = '';
    if (!closed) {
      const body = sheet.slice(tagEnd + 1, end);
      const type = tagAttribute(tag, 't') ?? 'n';
      const v = body.indexOf('<v>');
      const raw = v >= 0 ? body.slice(v + 3, body.indexOf('</v>', v)) : undefined;
      if (type === 'inlineStr') text = itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (raw === undefined || type === 'e') text = '';
      else if (type === 's') text = shared[Number(raw)] ?? '';
      else if (type === 'b') text = raw === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'str' || type === 'd') text = decodeXml(raw);
      else text = isDate[Number(tagAttribute(tag, 's') ?? 0)] ? serialToText(Number(raw)) : raw;
    }
    while (cells.length < column) cells.push('');
    cells[column] = text.trim();
    at = end;
  }
  return cells;
}

/** Rows of trimmed cell text from the first worksheet; throws when the bytes are not an xlsx. */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  const wanted = /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/;
  const files = unzipSync(bytes, { filter: (f) => wanted.test(f.name) });
  const sheetPath = firstSheetPath(files);
  if (!sheetPath || !files[sheetPath]) throw new Error('no worksheet found in the workbook');
  const shared = files['xl/sharedStrings.xml'] ? sharedStrings(strFromU8(files['xl/sharedStrings.xml'])) : [];
  const isDate = dateStyles(files['xl/styles.xml'] && strFromU8(files['xl/styles.xml']));
  const sheet = strFromU8(files[sheetPath]);

  // A forward scan with indexOf: a regex per row and per cell made most of the garbage.
  const rows: string[][] = [];
  let nextRow = 0;
  for (let at = sheet.indexOf('<row', 0); at >= 0;) {
    const tagEnd = sheet.indexOf('>', at);
    const rowTag = sheet.slice(at + 4, tagEnd);
    const closed = sheet[tagEnd - 1] === '/';
    const bodyEnd = closed ? tagEnd : sheet.indexOf('</row>', tagEnd);
    const r = tagAttribute(rowTag, 'r');
    const rowIndex = r ? Number(r) - 1 : nextRow;
    nextRow = rowIndex + 1;
    rows[rowIndex] = closed ? [] : rowCells(sheet, tagEnd + 1, bodyEnd, shared, isDate);
    at = sheet.indexOf('<row', bodyEnd);
  }
  return Array.from(rows, (r) => r ?? []);
}
