import { randomUUID } from 'node:crypto';
import type { Ctx } from '../app/context.ts';
import { nowIso } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { audited } from '../audit/record.ts';
import { AppError, fail } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import { readTable, numberedRows } from '../files/table.ts';
import { suggestMapping, mappingProblems, mapRow, type Synonyms } from '../files/mapping.ts';
import type { IndicatorUnit } from './vocabulary.ts';
import { canEdit, type TemplateIndicator } from './rules/index.ts';
import { appraisalsOfCycle, cycleById, templateById, type AppraisalRow } from './store.ts';
import type { ImportRequest, IndicatorImportPreview } from './contract.ts';

// APR-6: the chat platform's statistics file (CSV in UTF-8 or GBK, or XLSX), one row per person
// keyed by employee number, Chinese headers mapped to the template's indicators. Previewed with
// every row's problems; committed all or nothing.

const fixedSynonyms = {
  employeeNo: ['工号', '员工编号', '员工号', '客服工号', '坐席工号', '职工号', 'employee no', 'employee number'],
  name: ['姓名', '客服姓名', '坐席姓名', '员工姓名', 'name'],
  customerScore: ['客户评分', '客户评价得分', '客户评价', '顾客评分', 'customer score'],
};

/** "96.5%", "1,234", "25秒", "0:25", "1分05秒" → a number in the indicator's unit; null when it is none. */
export function parseIndicatorCell(text: string, unit: IndicatorUnit | 'score'): number | null {
  let s = text.trim().replace(/,/g, '').replace(/\s+/g, '');
  if (unit === 'percent') s = s.replace(/[%％]$/, '');
  if (unit === 'seconds') {
    const clock = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(s);
    if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
    const words = /^(?:(\d+(?:\.\d+)?)(?:分钟|分|min))?(?:(\d+(?:\.\d+)?)(?:秒|s|sec))?$/.exec(s);
    if (words && (words[1] || words[2])) return Number(words[1] ?? 0) * 60 + Number(words[2] ?? 0);
  }
  if (unit === 'minutes') s = s.replace(/(分钟|分|min)$/, '');
  if (unit === 'hours') s = s.replace(/(小时|h)$/, '');
  if (unit === 'count') s = s.replace(/(次|个|条|人|件)$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

const ranges: Record<IndicatorUnit, [number, number]> = {
  percent: [-100, 1000],
  count: [0, 1e7],
  seconds: [0, 86_400],
  minutes: [0, 44_640],
  hours: [0, 744],
  score: [0, 100],
};

interface CheckedRow {
  row: number;
  appraisal?: AppraisalRow;
  values: Record<string, number>;
  customerScore?: number;
  employeeNo: string;
  name: string;
  problems: ErrorDetail[];
}

async function check(ctx: Ctx, request: ImportRequest): Promise<{ preview: IndicatorImportPreview; rows: CheckedRow[] }> {
  const cycle = cycleById(ctx, request.cycleId);
  const structure = templateById(ctx, cycle.templateId).structure;
  const indicators = new Map<string, TemplateIndicator>(structure.indicators.map((i) => [i.key, i]));
  const table = await readTable(request.file);
  const numbered = numberedRows(table.rows);
  const header = numbered[0];
  if (!header) throw fail('VALIDATION', 'file', t('import.emptyFile'));
  const headers = header.cells;

  const synonyms: Synonyms<string> = { ...fixedSynonyms };
  for (const i of structure.indicators) synonyms[i.key] = [i.name, ...i.aliases];
  const fields = [
    { key: 'employeeNo', label: t('fields.employeeNo'), required: true },
    { key: 'name', label: t('fields.name'), required: false },
    ...structure.indicators.map((i) => ({ key: i.key, label: i.name, required: false })),
    { key: 'customerScore', label: t('appraisal.import.customerScore'), required: false },
  ];
  const known = new Set(fields.map((f) => f.key));
  const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key;

  const mapping = request.mapping ?? suggestMapping(headers, synonyms);
  const unknownFields = mapping.map((m, i) => [m, i] as const).filter(([m]) => m !== null && !known.has(m));
  if (unknownFields.length > 0) {
    const details = unknownFields.map(([m, i]) => ({ path: `mapping.${i}`, message: t('appraisal.import.unknownField', { field: m }) }));
    throw new AppError('VALIDATION', `${t('errors.validation')} ${details[0]!.message}`, details);
  }
  const problemsOfMapping = mappingProblems(mapping, ['employeeNo'], label);
  if (!mapping.some((m) => m !== null && (indicators.has(m) || m === 'customerScore')))
    problemsOfMapping.push(t('appraisal.import.noValueColumn'));
  const dataRows = numbered.slice(1);
  if (dataRows.length === 0) problemsOfMapping.push(t('import.emptyFile'));

  const appraisals = new Map(appraisalsOfCycle(ctx, cycle.id, null).map((a) => [a.employeeNo, a]));
  const everyone = new Map(
    (statement(ctx.store.sqlite, 'select employee_no as no, name from people').all() as Array<{ no: string; name: string }>).map((p) => [
      p.no,
      p.name,
    ]),
  );
  const seen = new Map<string, number>();

  const rows: CheckedRow[] =
    problemsOfMapping.length > 0
      ? []
      : dataRows.map(({ row, cells }) => {
          const cellsOf = mapRow(cells, mapping as Array<string | null>);
          const problems: ErrorDetail[] = [];
          const problem = (path: string, message: string) => problems.push({ row, path, message });
          const employeeNo = (cellsOf.employeeNo ?? '').trim();
          const name = (cellsOf.name ?? '').trim();
          const appraisal = appraisals.get(employeeNo);
          if (!employeeNo) problem('employeeNo', t('validation.required'));
          else if (!appraisal) {
            problem(
              'employeeNo',
              everyone.has(employeeNo)
                ? t('appraisal.import.notInCycle', { employeeNo, name: everyone.get(employeeNo), period: cycle.period })
                : t('appraisal.import.unknownEmployee', { employeeNo }),
            );
          } else {
            if (name && name !== appraisal.name)
              problem('name', t('appraisal.import.nameMismatch', { employeeNo, name: appraisal.name, given: name }));
            if (!canEdit('indicators', appraisal.state))
              problem(
                'employeeNo',
                t('appraisal.import.settled', { name: appraisal.name, state: t(`appraisal.states.${appraisal.state}`) }),
              );
          }
          const other = seen.get(employeeNo);
          if (employeeNo && other !== undefined) problem('employeeNo', t('import.duplicateInFile', { employeeNo, other }));
          else if (employeeNo) seen.set(employeeNo, row);

          const values: Record<string, number> = {};
          let customerScore: number | undefined;
          for (const [field, text] of Object.entries(cellsOf)) {
            if (field === 'employeeNo' || field === 'name' || !text || !text.trim()) continue;
            const indicator = indicators.get(field);
            const unit = indicator?.unit ?? 'score';
            const value = parseIndicatorCell(text, unit);
            const [min, max] = indicator?.customerScore || !indicator ? [0, 100] : ranges[unit];
            if (value === null) problem(field, t('appraisal.import.notANumber', { field: label(field), value: text }));
            else if (value < min || value > max)
              problem(field, t('appraisal.import.outOfRange', { field: label(field), value: text, min, max }));
            else if (!indicator) customerScore = value;
            // A value for an indicator of another function is not the person's: it is left out.
            else if (!appraisal || indicator.functions.includes(appraisal.function)) values[field] = value;
          }
          return { row, appraisal, values, customerScore, employeeNo, name, problems };
        });

  return {
    rows,
    preview: {
      encoding: table.encoding,
      headers,
      mapping,
      fields,
      samples: dataRows.slice(0, 3).map((r) => r.cells),
      rowCount: dataRows.length,
      mappingProblems: problemsOfMapping,
      rows: rows.map((r) => ({
        row: r.row,
        employeeNo: r.employeeNo,
        name: r.appraisal?.name ?? r.name,
        values: r.customerScore === undefined ? r.values : { ...r.values, customerScore: r.customerScore },
        problems: r.problems,
      })),
      problemCount: rows.filter((r) => r.problems.length > 0).length,
    },
  };
}

export async function previewIndicatorImport(ctx: Ctx, request: ImportRequest): Promise<IndicatorImportPreview> {
  return (await check(ctx, request)).preview;
}

/** All or nothing: one problem anywhere refuses the file and nothing is written. */
export async function commitIndicatorImport(ctx: Ctx, request: ImportRequest): Promise<{ updated: number }> {
  const { preview, rows } = await check(ctx, request);
  if (preview.mappingProblems.length > 0) {
    throw new AppError(
      'VALIDATION',
      preview.mappingProblems.join(t('common.sentenceSeparator')),
      preview.mappingProblems.map((message) => ({ path: 'mapping', message })),
    );
  }
  if (preview.problemCount > 0) {
    throw new AppError(
      'VALIDATION',
      t('import.rowsWithProblems', { count: preview.problemCount }),
      rows.flatMap((r) => r.problems),
    );
  }
  const batch = randomUUID();
  return audited(ctx, (audit) => {
    const at = nowIso();
    let updated = 0;
    for (const r of rows) {
      const a = r.appraisal!;
      if (Object.keys(r.values).length === 0 && r.customerScore === undefined) continue;
      const values = { ...a.indicatorValues, ...r.values };
      const scores = r.customerScore === undefined ? a.scores : { ...a.scores, customer: r.customerScore };
      statement(ctx.store.sqlite, 'update appraisals set indicator_values = ?, scores = ?, updated_at = ? where id = ?').run(
        JSON.stringify(values),
        JSON.stringify(scores),
        at,
        a.id,
      );
      audit({
        action: 'importIndicators',
        entity: 'appraisal',
        entityId: a.id,
        before: { values: a.indicatorValues, customer: a.scores.customer },
        after: { values, customer: scores.customer },
        batch,
      });
      updated++;
    }
    audit({
      action: 'import',
      entity: 'indicatorImport',
      entityId: batch,
      after: { file: request.file.fileName, cycleId: request.cycleId, rows: rows.length, updated },
    });
    return { updated };
  });
}
