import type { Ctx } from '../app/context.ts';
import { statement } from '../../db/statements.ts';
import { fail } from '../ipc/app-error.ts';
import { t } from '../i18n/index.ts';
import { getSetting } from '../settings/service.ts';
import type { PersonFunction, Role } from '../people/vocabulary.ts';
import type { AppraisalState, CycleKind, Grade, ResultFlag } from './vocabulary.ts';
import type { SourceWeights, TemplateStructure } from './rules/index.ts';
import type { Outcome, StoredFeedback, StoredScores, Targets } from './contract.ts';

// Reading the appraisal tables: rows as the services use them, JSON columns parsed.

export interface CycleRow {
  id: number;
  period: string;
  kind: CycleKind;
  startsOn: string;
  endsOn: string;
  templateId: number;
  status: 'open' | 'locked';
  lockedAt: string | null;
  lockedBy: string | null;
}

const cycleSelect = `select id, period, kind, starts_on as startsOn, ends_on as endsOn, template_id as templateId, status,
         locked_at as lockedAt, locked_by as lockedBy from appraisal_cycles`;

export function cycleById(ctx: Ctx, id: number): CycleRow {
  const row = statement(ctx.store.sqlite, `${cycleSelect} where id = ?`).get(id) as CycleRow | undefined;
  if (!row) throw fail('NOT_FOUND', 'cycleId', t('appraisal.errors.cycleNotFound', { id }));
  return row;
}

export function cycleByPeriod(ctx: Ctx, period: string): CycleRow | undefined {
  return statement(ctx.store.sqlite, `${cycleSelect} where period = ?`).get(period) as CycleRow | undefined;
}

export function listCycleRows(ctx: Ctx): CycleRow[] {
  return statement(ctx.store.sqlite, `${cycleSelect} order by starts_on desc`).all() as CycleRow[];
}

export interface TemplateRow {
  id: number;
  key: string;
  name: string;
  version: number;
  structure: TemplateStructure;
  createdAt: string;
  createdBy: string;
}

/** Template versions never change once written, so a parsed copy per connection is safe. */
const templateCache = new WeakMap<object, Map<number, TemplateRow>>();

export function templateById(ctx: Ctx, id: number): TemplateRow {
  let cache = templateCache.get(ctx.store.sqlite);
  if (!cache) templateCache.set(ctx.store.sqlite, (cache = new Map()));
  const cached = cache.get(id);
  if (cached) return cached;
  const row = statement(
    ctx.store.sqlite,
    'select id, key, name, version, structure, created_at as createdAt, created_by as createdBy from appraisal_templates where id = ?',
  ).get(id) as (Omit<TemplateRow, 'structure'> & { structure: string }) | undefined;
  if (!row) throw fail('NOT_FOUND', 'templateId', t('appraisal.errors.templateNotFound', { id }));
  const parsed = { ...row, structure: JSON.parse(row.structure) as TemplateStructure };
  cache.set(id, parsed);
  return parsed;
}

/** One appraisal with its person, as every read and write of the flow needs it. */
export interface AppraisalRow {
  id: number;
  cycleId: number;
  personId: number;
  groupId: number | null;
  templateId: number;
  state: AppraisalState;
  targets: Targets | null;
  scores: StoredScores;
  indicatorValues: Record<string, number>;
  total: number | null;
  grade: Grade | null;
  coefficient: number | null;
  result: Outcome | null;
  feedback: StoredFeedback | null;
  updatedAt: string;
  employeeNo: string;
  name: string;
  role: Role;
  function: PersonFunction;
  hireDate: string;
  leftOn: string | null;
  groupName: string | null;
}

export const appraisalSelect = `select a.id, a.cycle_id as cycleId, a.person_id as personId, a.group_id as groupId, a.template_id as templateId,
         a.state, a.targets, a.scores, a.indicator_values as indicatorValues, a.total, a.grade, a.coefficient, a.result,
         a.feedback, a.updated_at as updatedAt, p.employee_no as employeeNo, p.name, p.role, p.function,
         p.hire_date as hireDate, p.left_on as leftOn, g.name as groupName
    from appraisals a join people p on p.id = a.person_id left join groups g on g.id = a.group_id`;

type RawAppraisal = Omit<AppraisalRow, 'targets' | 'scores' | 'indicatorValues' | 'result' | 'feedback'> & {
  targets: string | null;
  scores: string | null;
  indicatorValues: string | null;
  result: string | null;
  feedback: string | null;
};

export const emptyScores = (): StoredScores => ({
  self: null,
  selfComment: null,
  superior: null,
  superiorComment: null,
  peers: [],
  customer: null,
});

export function parseAppraisal(raw: RawAppraisal): AppraisalRow {
  return {
    ...raw,
    targets: raw.targets ? (JSON.parse(raw.targets) as Targets) : null,
    scores: raw.scores ? (JSON.parse(raw.scores) as StoredScores) : emptyScores(),
    indicatorValues: raw.indicatorValues ? (JSON.parse(raw.indicatorValues) as Record<string, number>) : {},
    result: raw.result ? (JSON.parse(raw.result) as Outcome) : null,
    feedback: raw.feedback ? (JSON.parse(raw.feedback) as StoredFeedback) : null,
  };
}

export function appraisalById(ctx: Ctx, id: number): AppraisalRow {
  const raw = statement(ctx.store.sqlite, `${appraisalSelect} where a.id = ?`).get(id) as RawAppraisal | undefined;
  if (!raw) throw fail('NOT_FOUND', 'id', t('appraisal.errors.appraisalNotFound', { id }));
  return parseAppraisal(raw);
}

/** The appraisals of a cycle, in one group (groupId) or the whole department (null). */
export function appraisalsOfCycle(ctx: Ctx, cycleId: number, groupId: number | null): AppraisalRow[] {
  const rows = (
    groupId === null
      ? statement(
          ctx.store.sqlite,
          `${appraisalSelect} where a.cycle_id = ? order by g.sort_order, a.group_id, p.role desc, p.employee_no`,
        ).all(cycleId)
      : statement(ctx.store.sqlite, `${appraisalSelect} where a.cycle_id = ? and a.group_id = ? order by p.role desc, p.employee_no`).all(
          cycleId,
          groupId,
        )
  ) as RawAppraisal[];
  return rows.map(parseAppraisal);
}

export interface PeriodGrade {
  id: number;
  personId: number;
  grade: Grade;
  total: number | null;
  state: AppraisalState;
}

/** Grades of a period's consolidated or locked appraisals, by person (the cycle before or after another). */
export function periodGrades(ctx: Ctx, period: string): Map<number, PeriodGrade> {
  const rows = statement(
    ctx.store.sqlite,
    `select a.id, a.person_id as personId, a.grade, a.total, a.state from appraisals a join appraisal_cycles c on c.id = a.cycle_id
      where c.period = ? and a.state in ('consolidated', 'locked') and a.grade is not null`,
  ).all(period) as PeriodGrade[];
  return new Map(rows.map((r) => [r.personId, r]));
}

/** The settings a cycle is scored with: those in force on its last day. */
export interface CycleSettings {
  sourceWeights: SourceWeights;
  thresholds: number[];
  coefficients: number[];
  excellentShareCapPercent: number;
}

/**
 * A list-valued setting. settings/catalog's SettingValueOf answers `number` for the list settings
 * (their definitions come from a helper whose key is a plain string), so the value is typed here.
 */
export function listSetting(
  ctx: Ctx,
  key: 'appraisal.sourceWeights' | 'appraisal.gradeThresholds' | 'appraisal.bonusCoefficients' | 'appraisal.dimensionWeights',
  onDate: string,
): number[] {
  return getSetting(ctx, key, onDate) as unknown as number[];
}

export function cycleKindSetting(ctx: Ctx, onDate: string): CycleKind {
  return getSetting(ctx, 'appraisal.cycle', onDate) as CycleKind;
}

export function cycleSettings(ctx: Ctx, endsOn: string): CycleSettings {
  const [superior = 70, self = 10, peers = 10, customers = 10] = listSetting(ctx, 'appraisal.sourceWeights', endsOn);
  return {
    sourceWeights: { superior, self, peers, customers },
    thresholds: listSetting(ctx, 'appraisal.gradeThresholds', endsOn),
    coefficients: listSetting(ctx, 'appraisal.bonusCoefficients', endsOn),
    excellentShareCapPercent: getSetting(ctx, 'appraisal.excellentShareCapPercent', endsOn),
  };
}

export type { ResultFlag };
