import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';
import { isoDate, id, requiredText, optionalText, phone, fen, filePayload, fileOutput } from '../ipc/fields.ts';
import { t } from '../i18n/index.ts';
import { roles, functions, statuses, importFields, type ImportField } from './vocabulary.ts';

export type { Role, PersonFunction, PersonStatus, ImportField } from './vocabulary.ts';

export const employeeNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,20}$/, { error: () => t('validation.employeeNo') });

const personFields = {
  employeeNo,
  name: requiredText(32),
  role: z.enum(roles),
  function: z.enum(functions),
  hireDate: isoDate,
  firstEmploymentDate: isoDate,
  dailyWageFen: fen.nullish().transform((v) => v ?? null),
  phone,
  note: optionalText(500),
};

/** ORG-3: the date of first employment (for seniority) cannot come after this employer's hire date. */
function firstEmploymentNotAfterHire(p: { hireDate: string; firstEmploymentDate: string }, ctx: z.RefinementCtx) {
  if (p.firstEmploymentDate > p.hireDate) {
    ctx.addIssue({ code: 'custom', path: ['firstEmploymentDate'], message: t('validation.firstAfterHire') });
  }
}

export const personCreate = z.object({ ...personFields, groupId: id.nullable() }).superRefine(firstEmploymentNotAfterHire);
export const personUpdate = z.object({ id, ...personFields }).superRefine(firstEmploymentNotAfterHire);
export type PersonCreate = z.output<typeof personCreate>;
export type PersonUpdate = z.output<typeof personUpdate>;

export const person = z.object({
  id,
  employeeNo: z.string(),
  name: z.string(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  role: z.enum(roles),
  function: z.enum(functions),
  hireDate: z.string(),
  firstEmploymentDate: z.string(),
  status: z.enum(statuses),
  leftOn: z.string().nullable(),
  dailyWageFen: z.number().int().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof person>;

export const group = z.object({
  id,
  name: z.string(),
  sortOrder: z.number().int(),
  archivedOn: z.string().nullable(),
  leaderId: id.nullable(),
  leaderName: z.string().nullable(),
  activeCount: z.number().int(),
});
export type Group = z.infer<typeof group>;

export const org = z.object({
  department: z.object({ id, name: z.string() }),
  groups: z.array(group),
});

export const peopleFilter = z.object({
  search: z.string().trim().max(50).optional(),
  groupId: id.nullable().optional(),
  role: z.enum(roles).optional(),
  status: z.enum(statuses).optional(),
});

export const requiredImportFields: ImportField[] = ['employeeNo', 'name', 'role', 'hireDate'];

/** mapping[i] is the field that column i of the file feeds, or null to ignore the column. */
export const importRequest = z.object({ file: filePayload, mapping: z.array(z.enum(importFields).nullable()).optional() });

const errorDetail = z.object({ path: z.string(), message: z.string(), row: z.number().int().optional() });

export const importPreview = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  mapping: z.array(z.enum(importFields).nullable()),
  samples: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  mappingProblems: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      employeeNo: z.string(),
      name: z.string(),
      group: z.string(),
      role: z.string(),
      hireDate: z.string(),
      problems: z.array(errorDetail),
    }),
  ),
  newGroups: z.array(z.string()),
  problemCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const peopleContract = defineArea({
  org: { input: z.object({}), output: org },
  list: { input: peopleFilter, output: z.array(person) },
  get: { input: z.object({ id }), output: person },
  create: { input: personCreate, output: person },
  update: { input: personUpdate, output: person },
  markLeft: { input: z.object({ id, leftOn: isoDate, reason: optionalText(200) }), output: person },
  move: { input: z.object({ id, groupId: id, fromDate: isoDate }), output: person },
  renameDepartment: { input: z.object({ name: requiredText(40) }), output: org },
  createGroup: { input: z.object({ name: requiredText(20) }), output: group },
  renameGroup: { input: z.object({ id, name: requiredText(20) }), output: group },
  archiveGroup: { input: z.object({ id, archivedOn: isoDate }), output: group },
  importPreview: { input: importRequest, output: importPreview },
  importCommit: {
    input: importRequest,
    output: z.object({ created: z.number().int(), groupsCreated: z.array(z.string()) }),
  },
  exportXlsx: { input: peopleFilter, output: fileOutput },
});
