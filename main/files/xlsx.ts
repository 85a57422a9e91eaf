import ExcelJS from 'exceljs';
import type { FileOutput } from '../ipc/fields.ts';

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The look every exported sheet shares: bold frozen header, readable widths, CJK-friendly font. */
export function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true, name: '等线' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  header.alignment = { vertical: 'middle' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function workbookFile(workbook: ExcelJS.Workbook, fileName: string): Promise<FileOutput> {
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, mimeType: xlsxMime, contentBase64: Buffer.from(buffer).toString('base64') };
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Banzu 班组管家';
  workbook.created = new Date();
  return workbook;
}
