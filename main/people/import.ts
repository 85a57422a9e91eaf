import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Ctx } from '../app/context.ts';
import { audited } from '../audit/record.ts';
import { AppError } from '../ipc/app-error.ts';
import type { ErrorDetail } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import { readTable, numberedRows } from '../files/table.ts';
import { suggestMapping, mappingProblems, mapRow, type Synonyms } from '../files/mapping.ts';
import { parseDateCell, parseYuanCell } from '../files/values.ts';
import {
  personCreate,
  requiredImportFields,
  type ImportField,
  type ImportPreview,
  type PersonCreate,
  type Role,
  type PersonFunction,
  type importRequest,
} from './contract.ts';
import { createGroup, insertPeople, listGroups } from './service.ts';

const synonyms: Synonyms<ImportField> = {
  employeeNo: ['工号', '员工编号', '员工号', '编号', '职工号', 'employee no', 'employee number', 'employee id', 'id'],
  name: ['姓名', '名字', '员工姓名', 'name', 'full name'],
  group: ['组别', '小组', '班组', '所属小组', '组', 'group', 'team'],
  role: ['岗位', '职务', '角色', '职位', 'role', 'position'],
  function: ['职能', '岗位类别', '工作职能', '业务', 'function'],
  hireDate: ['入职日期', '入职时间', '入司日期', '到岗日期', 'hire date', 'start date', 'hired'],
  firstEmploymentDate: [
    '首次参加工作日期',
    '参加工作日期',
    '参加工作时间',
    '首次工作日期',
    '工龄起算日',
    'first employment',
    'first employment date',
  ],
  status: ['状态', '在职状态', '人员状态', 'status'],
  leftOn: ['离职日期', '离职时间', 'left on', 'leaving date'],
  dailyWage: ['日工资', '日薪', '日工资元', 'daily wage'],
  phone: ['电话', '手机', '手机号', '联系电话', '手机号码', 'phone', 'mobile'],
  note: ['备注', '说明', 'note', 'remarks'],
};

const roleWords: Record<string, Role> = {
  组员: 'agent',
  客服: 'agent',
  专员: 'agent',
  客服专员: 'agent',
  坐席: 'agent',
  员工: 'agent',
  信息组员: 'agent',
  agent: 'agent',
  组长: 'leader',
  小组长: 'leader',
  leader: 'leader',
  grouplead: 'leader',
  groupleader: 'leader',
  主管: 'supervisor',
  信息部主管: 'supervisor',
  supervisor: 'supervisor',
  经理: 'manager',
  部门经理: 'manager',
  信息部经理: 'manager',
  团队负责人: 'manager',
  manager: 'manager',
};
const functionWords: Record<string, PersonFunction> = {
  客服: 'service',
  客户服务: 'service',
  在线客服: 'service',
  service: 'service',
  customerservice: 'service',
  技术支持: 'tech',
  技术: 'tech',
  tech: 'tech',
  technicalsupport: 'tech',
  运营: 'operations',
  运营管理: 'operations',
  operations: 'operations',
  数据分析: 'data',
  数据: 'data',
  data: 'data',
  dataanalysis: 'data',
};
const statusWords: Record<string, 'active' | 'left'> = {
  在职: 'active',
  正式: 'active',
  试用: 'active',
  active: 'active',
  离职: 'left',
  已离职: 'left',
  left: 'left',
};

const word = (s: string) => s.toLowerCase().replace(/\s+/g, '');

interface CheckedRow {
  row: number;
  cells: Partial<Record<ImportField, string>>;
  person?: PersonCreate & { groupName: string | null; leftOn: string | null };
  problems: ErrorDetail[];
}

interface Checked {
  preview: ImportPreview;
  rows: CheckedRow[];
}

const importLabel = (field: ImportField) => t(`fields.${field}`);

/** Reads, maps and checks every row against the form's rules and the department's data. */
export async function checkImport(ctx: Ctx, request: z.output<typeof importRequest>): Promise<Checked> {
  const table = await readTable(request.file);
  const numbered = numberedRows(table.rows);
  const header = numbered[0];
  if (!header) throw new AppError('VALIDATION', t('import.emptyFile'), [{ path: 'file', message: t('import.emptyFile') }]);
  const headers = header.cells;
  const mapping = request.mapping ?? suggestMapping(headers, synonyms);
  const problemsOfMapping = mappingProblems(mapping, requiredImportFields, importLabel);
  const dataRows = numbered.slice(1);
  if (dataRows.length === 0) problemsOfMapping.push(t('import.emptyFile'));

  const groupsByName = new Map(listGroups(ctx).map((g) => [g.name, g]));
  const existing = new Map(
    (ctx.store.sqlite.prepare('select employee_no as no, name from people').all() as Array<{ no: string; name: string }>).map((p) => [
      p.no,
      p.name,
    ]),
  );
  const seenNumbers = new Map<string, number>();
  const leaderRowOfGroup = new Map<string, number>();
  const newGroups = new Set<string>();

  const rows: CheckedRow[] =
    problemsOfMapping.length > 0
      ? []
      : dataRows.map(({ row, cells }) => {
          const values = mapRow(cells, mapping);
          const problems: ErrorDetail[] = [];
          const problem = (path: string, message: string) => problems.push({ row, path, message });

          const role = values.role ? roleWords[word(values.role)] : undefined;
          if (values.role && !role) problem('role', t('import.unknownRole', { value: values.role }));
          const fn = values.function ? functionWords[word(values.function)] : 'service';
          if (!fn) problem('function', t('import.unknownFunction', { value: values.function }));
          const status = values.status ? statusWords[word(values.status)] : 'active';
          if (!status) problem('status', t('import.unknownStatus', { value: values.status }));
          const hireDate = values.hireDate ? parseDateCell(values.hireDate) : null;
          const firstEmployment = values.firstEmploymentDate ? parseDateCell(values.firstEmploymentDate) : hireDate;
          for (const [field, text, parsed] of [
            ['hireDate', values.hireDate, hireDate],
            ['firstEmploymentDate', values.firstEmploymentDate, firstEmployment],
            ['leftOn', values.leftOn, values.leftOn ? parseDateCell(values.leftOn) : null],
          ] as const) {
            if (text && !parsed) problem(field, t('import.badDate', { value: text }));
          }
          const leftOn = values.leftOn ? parseDateCell(values.leftOn) : null;
          if (status === 'left' && !values.leftOn) problem('leftOn', t('validation.required'));
          const wage = values.dailyWage ? parseYuanCell(values.dailyWage) : null;
          if (values.dailyWage && wage === null) problem('dailyWage', t('validation.money'));

          const groupName = values.group?.trim() || null;
          const group = groupName ? groupsByName.get(groupName) : undefined;
          if (groupName && !group) newGroups.add(groupName);
          if (group?.archivedOn) problem('group', t('errors.groupArchived', { name: group.name }));

          const candidate = {
            employeeNo: values.employeeNo ?? '',
            name: values.name ?? '',
            role: role ?? 'agent',
            function: fn ?? 'service',
            hireDate: hireDate ?? '2000-01-01',
            firstEmploymentDate: firstEmployment ?? hireDate ?? '2000-01-01',
            dailyWageFen: wage,
            phone: values.phone ?? null,
            note: values.note ?? null,
            groupId: group?.id ?? null,
          };
          const parsed = personCreate.safeParse(candidate);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              const path = String(issue.path[0] ?? '');
              // Dates that failed to parse were reported above with the text the user typed.
              if (!problems.some((p) => p.path === path)) problem(path, issue.message);
            }
          }
          if (!values.hireDate) problem('hireDate', t('validation.required'));

          const no = candidate.employeeNo.trim();
          if (no && existing.has(no)) problem('employeeNo', t('errors.employeeNoTaken', { employeeNo: no, name: existing.get(no) }));
          const other = seenNumbers.get(no);
          if (no && other !== undefined) problem('employeeNo', t('import.duplicateInFile', { employeeNo: no, other }));
          else if (no) seenNumbers.set(no, row);

          const active = status !== 'left';
          if ((role === 'leader' || role === 'agent') && !groupName) problem('group', t('errors.groupRequired'));
          if (role === 'leader' && groupName && active) {
            const leaderInDb = group?.leaderName;
            const leaderRow = leaderRowOfGroup.get(groupName);
            if (leaderInDb) problem('role', t('errors.leaderExists', { group: groupName, name: leaderInDb }));
            else if (leaderRow !== undefined)
              problem('role', t('errors.leaderExists', { group: groupName, name: `${t('import.rowAt', { row: leaderRow })}` }));
            else leaderRowOfGroup.set(groupName, row);
          }
          if (leftOn && hireDate && leftOn < hireDate) problem('leftOn', t('validation.leftBeforeHire', { hireDate }));

          return {
            row,
            cells: values,
            person: parsed.success ? { ...parsed.data, groupName, leftOn: status === 'left' ? leftOn : null } : undefined,
            problems,
          };
        });

  const problemCount = rows.filter((r) => r.problems.length > 0).length;
  return {
    rows,
    preview: {
      encoding: table.encoding,
      headers,
      mapping,
      samples: dataRows.slice(0, 3).map((r) => r.cells),
      rowCount: dataRows.length,
      mappingProblems: problemsOfMapping,
      rows: rows.map((r) => ({
        row: r.row,
        employeeNo: r.cells.employeeNo ?? '',
        name: r.cells.name ?? '',
        group: r.cells.group ?? '',
        role: r.cells.role ?? '',
        hireDate: r.cells.hireDate ?? '',
        problems: r.problems,
      })),
      newGroups: [...newGroups],
      problemCount,
    },
  };
}

export async function previewImport(ctx: Ctx, request: z.output<typeof importRequest>): Promise<ImportPreview> {
  return (await checkImport(ctx, request)).preview;
}

/** All or nothing: any problem in any row refuses the whole file and writes nothing. */
export async function commitImport(ctx: Ctx, request: z.output<typeof importRequest>) {
  const { preview, rows } = await checkImport(ctx, request);
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
    const groupIds = new Map(listGroups(ctx).map((g) => [g.name, g.id]));
    for (const name of preview.newGroups) groupIds.set(name, createGroup(ctx, name, audit, batch).id);
    insertPeople(
      ctx,
      rows.map(({ person }) => {
        const { groupName, ...fields } = person!;
        return { ...fields, groupId: groupName ? groupIds.get(groupName)! : null };
      }),
      audit,
      batch,
    );
    audit({
      action: 'import',
      entity: 'import',
      entityId: batch,
      after: { file: request.file.fileName, people: rows.length, groups: preview.newGroups },
    });
    return { created: rows.length, groupsCreated: preview.newGroups };
  });
}
