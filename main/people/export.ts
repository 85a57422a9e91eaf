import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { localToday } from '../app/context.ts';
import { t } from '../i18n/index.ts';
import { newWorkbook, styleHeader, workbookFile } from '../files/xlsx.ts';
import type { FileOutput } from '../ipc/fields.ts';
import { listPeople } from './service.ts';
import type { peopleFilter } from './contract.ts';

/** The people list as XLSX, with headers the import reads back (round trip). */
export async function exportPeople(ctx: Ctx, filter: z.output<typeof peopleFilter>): Promise<FileOutput> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(t('export.peopleSheet'));
  sheet.columns = [
    { header: t('fields.employeeNo'), key: 'employeeNo', width: 12 },
    { header: t('fields.name'), key: 'name', width: 12 },
    { header: t('fields.group'), key: 'group', width: 12 },
    { header: t('fields.role'), key: 'role', width: 10 },
    { header: t('fields.function'), key: 'function', width: 12 },
    { header: t('fields.hireDate'), key: 'hireDate', width: 13 },
    { header: t('fields.firstEmploymentDate'), key: 'firstEmploymentDate', width: 18 },
    { header: t('fields.status'), key: 'status', width: 9 },
    { header: t('fields.leftOn'), key: 'leftOn', width: 13 },
    { header: t('fields.dailyWage'), key: 'dailyWage', width: 13, style: { numFmt: '0.00' } },
    { header: t('fields.phone'), key: 'phone', width: 15 },
    { header: t('fields.note'), key: 'note', width: 24 },
  ];
  for (const p of listPeople(ctx, filter)) {
    sheet.addRow({
      employeeNo: p.employeeNo,
      name: p.name,
      group: p.groupName ?? '',
      role: t(`roles.${p.role}`),
      function: t(`functions.${p.function}`),
      hireDate: p.hireDate,
      firstEmploymentDate: p.firstEmploymentDate,
      status: t(`statuses.${p.status}`),
      leftOn: p.leftOn ?? '',
      dailyWage: p.dailyWageFen === null ? null : p.dailyWageFen / 100,
      phone: p.phone ?? '',
      note: p.note ?? '',
    });
  }
  styleHeader(sheet);
  return workbookFile(workbook, `${t('export.peopleFileName')}-${localToday()}.xlsx`);
}
