import type { Ctx } from '../app/context.ts';
import { localToday, nowIso } from '../app/context.ts';
import { t } from '../i18n/index.ts';
import { newWorkbook, styleHeader, workbookFile } from '../files/xlsx.ts';
import type { FileOutput } from '../ipc/fields.ts';
import { department } from '../people/service.ts';
import { cycleByPeriod, templateById } from './store.ts';
import { cycleContext } from './compute.ts';
import { computeCycle } from './board.ts';
import { fail } from '../ipc/app-error.ts';
import { roundDimensions } from './rules/index.ts';

// APR-7, REP-2: the cycle's results for HR, in Chinese (or the user's language): person, group,
// scores by dimension, total, grade, bonus coefficient, flags; with the period, department and
// who produced it. Results not yet consolidated are listed without a total.

export async function exportResults(ctx: Ctx, period: string, groupId: number | null): Promise<FileOutput> {
  const cycle = cycleByPeriod(ctx, period);
  if (!cycle) throw fail('NOT_FOUND', 'period', t('appraisal.errors.noCycle', { period }));
  const context = cycleContext(ctx, cycle);
  const rows = computeCycle(ctx, context, groupId);
  const template = templateById(ctx, cycle.templateId);
  const dept = department(ctx).name;
  const workbook = newWorkbook();

  const sheet = workbook.addWorksheet(t('appraisal.export.sheet'));
  sheet.columns = [
    { header: t('fields.employeeNo'), key: 'employeeNo', width: 11 },
    { header: t('fields.name'), key: 'name', width: 10 },
    { header: t('fields.group'), key: 'group', width: 10 },
    { header: t('fields.role'), key: 'role', width: 8 },
    { header: t('fields.function'), key: 'function', width: 10 },
    { header: t('appraisal.dimensions.results'), key: 'results', width: 9, style: { numFmt: '0.0' } },
    { header: t('appraisal.dimensions.ability'), key: 'ability', width: 9, style: { numFmt: '0.0' } },
    { header: t('appraisal.dimensions.attitude'), key: 'attitude', width: 9, style: { numFmt: '0.0' } },
    { header: t('appraisal.export.total'), key: 'total', width: 9, style: { numFmt: '0.0' } },
    { header: t('appraisal.export.grade'), key: 'grade', width: 9 },
    { header: t('appraisal.export.coefficient'), key: 'coefficient', width: 10, style: { numFmt: '0.00' } },
    { header: t('appraisal.export.flags'), key: 'flags', width: 30 },
    { header: t('appraisal.export.state'), key: 'state', width: 10 },
    { header: t('appraisal.export.feedback'), key: 'feedback', width: 12 },
  ];
  for (const { row, outcome, provisional } of rows) {
    const dimensions = roundDimensions(outcome.dimensions);
    sheet.addRow({
      employeeNo: row.employeeNo,
      name: row.name,
      group: row.groupName ?? '',
      role: t(`roles.${row.role}`),
      function: t(`functions.${row.function}`),
      results: provisional ? null : dimensions.results,
      ability: provisional ? null : dimensions.ability,
      attitude: provisional ? null : dimensions.attitude,
      total: provisional ? null : outcome.total,
      grade: provisional || !outcome.grade ? '' : t(`appraisal.grades.${outcome.grade}`),
      coefficient: provisional ? null : outcome.coefficient,
      flags: outcome.flags.map((f) => t(`appraisal.flags.${f}`)).join(t('common.sentenceSeparator')),
      state: t(`appraisal.states.${row.state}`),
      feedback: row.feedback?.heldOn ?? '',
    });
  }
  styleHeader(sheet);

  // Indicator values as typed or imported, one column per indicator of the cycle's template.
  const values = workbook.addWorksheet(t('appraisal.export.indicatorSheet'));
  values.columns = [
    { header: t('fields.employeeNo'), key: 'employeeNo', width: 11 },
    { header: t('fields.name'), key: 'name', width: 10 },
    ...template.structure.indicators.map((i) => ({ header: i.name, key: i.key, width: Math.max(10, i.name.length * 2 + 2) })),
    { header: t('appraisal.import.customerScore'), key: 'customerScore', width: 10 },
  ];
  for (const { row } of rows) {
    values.addRow({ employeeNo: row.employeeNo, name: row.name, ...row.indicatorValues, customerScore: row.scores.customer });
  }
  styleHeader(values);

  const info = workbook.addWorksheet(t('appraisal.export.infoSheet'));
  info.columns = [
    { header: t('appraisal.export.item'), key: 'k', width: 16 },
    { header: t('appraisal.export.value'), key: 'v', width: 40 },
  ];
  const group = groupId === null ? t('appraisal.page.wholeDepartment') : (rows[0]?.row.groupName ?? '');
  for (const [k, v] of [
    [t('appraisal.export.period'), t('common.withNote', { text: cycle.period, note: `${cycle.startsOn} ~ ${cycle.endsOn}` })],
    [t('appraisal.export.department'), dept],
    [t('fields.group'), group],
    [t('appraisal.export.template'), `${template.name} v${template.version}`],
    [t('appraisal.export.cycleStatus'), t(`appraisal.cycleStatuses.${cycle.status}`)],
    [t('appraisal.export.producedBy'), ctx.actor.name],
    [t('appraisal.export.producedAt'), nowIso().replace('T', ' ').slice(0, 19) + ' UTC'],
  ])
    info.addRow({ k, v });
  styleHeader(info);

  const scope = groupId === null ? dept || t('appraisal.page.wholeDepartment') : group;
  const fileName = `${t('appraisal.export.fileName')}-${scope}-${period}-${localToday()}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return workbookFile(workbook, fileName);
}
