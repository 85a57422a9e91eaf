import { z } from 'zod';
import { t } from '../i18n/index.ts';

// Every value domain.md marks *default*, with the rule it comes from. The values are settings the
// supervisor can change (with the rule version and date that justify it), never constants.

export const ruleDocumentDefaults = [
  { code: 'company.team', title: '线上帮办团队管理制度', version: '1.0', publishedOn: '2025-01-01' },
  { code: 'company.consulting', title: '网络咨询管理制度', version: '1.0', publishedOn: '2025-01-01' },
  { code: 'company.operations', title: '运营服务中心规章制度', version: '1.0', publishedOn: '2025-01-01' },
  { code: 'law.labour', title: '中华人民共和国劳动法', version: '2018 修正', publishedOn: '2018-12-29' },
  { code: 'law.workingTime', title: '国务院关于职工工作时间的规定', version: '1995', publishedOn: '1995-03-25' },
  { code: 'law.annualLeave', title: '职工带薪年休假条例', version: '2008', publishedOn: '2007-12-14' },
  { code: 'law.marriageBereavement', title: '关于国营企业职工请婚丧假和路程假问题的通知', version: '1980', publishedOn: '1980-02-20' },
  { code: 'law.femaleProtection', title: '女职工劳动保护特别规定', version: '2012', publishedOn: '2012-04-28' },
  { code: 'law.wageDays', title: '关于职工全年月平均工作时间和工资折算问题的通知', version: '2025', publishedOn: '2025-01-01' },
  { code: 'law.wagePayment', title: '工资支付暂行规定', version: '1994', publishedOn: '1994-12-06' },
  { code: 'law.minimumWage', title: '最低工资规定（按所在城市标准修改）', version: '2004', publishedOn: '2004-01-20' },
] as const;
export type RuleCode = (typeof ruleDocumentDefaults)[number]['code'];

export type Unit = 'minutes' | 'hours' | 'days' | 'yuan' | 'percent' | 'times' | 'months' | 'seconds' | 'score';

export type SettingKind =
  | { kind: 'number'; unit: Unit; min: number; max: number; step: number }
  | { kind: 'time' }
  | {
      kind: 'numbers';
      labels: string;
      unit: Unit;
      min: number;
      max: number;
      step: number;
      count: number;
      sum?: number;
      descending?: boolean;
    }
  | { kind: 'choice'; options: readonly string[]; labels: string };

export interface SettingDef<V = unknown> {
  key: string;
  group: 'roster' | 'attendance' | 'leave' | 'overtime' | 'appraisal' | 'discipline' | 'law';
  ruleId: string;
  rule: RuleCode;
  /** The rulebook writes [X] here: the value is Banzu's proposal until the company fills it in. */
  blankInRulebook?: boolean;
  type: SettingKind;
  defaultValue: V;
  schema: z.ZodType<V>;
}

function numberSetting<K extends string>(
  key: K,
  group: SettingDef['group'],
  ruleId: string,
  rule: RuleCode,
  defaultValue: number,
  unit: Unit,
  range: { min: number; max: number; step?: number },
  blankInRulebook = false,
): SettingDef<number> & { key: K } {
  const step = range.step ?? 1;
  let schema = z.number().min(range.min).max(range.max);
  if (step >= 1) schema = schema.int();
  return {
    key,
    group,
    ruleId,
    rule,
    blankInRulebook,
    type: { kind: 'number', unit, min: range.min, max: range.max, step },
    defaultValue,
    schema,
  };
}

function numbersSetting<K extends string>(
  key: K,
  group: SettingDef['group'],
  ruleId: string,
  rule: RuleCode,
  defaultValue: number[],
  spec: { labels: string; unit: Unit; min: number; max: number; step?: number; sum?: number; descending?: boolean },
  blankInRulebook = false,
): SettingDef<number[]> & { key: K } {
  const count = defaultValue.length;
  let schema: z.ZodType<number[]> = z.array(z.number().min(spec.min).max(spec.max)).length(count);
  if (spec.sum !== undefined) {
    const sum = spec.sum;
    schema = schema.refine((v) => Math.abs(v.reduce((a, b) => a + b, 0) - sum) < 1e-9, { error: () => t('validation.sum', { sum }) });
  }
  if (spec.descending) {
    schema = schema.refine((v) => v.every((x, i) => i === 0 || v[i - 1]! > x), { error: () => t('validation.descending') });
  }
  return {
    key,
    group,
    ruleId,
    rule,
    blankInRulebook,
    type: { kind: 'numbers', count, step: spec.step ?? 1, ...spec },
    defaultValue,
    schema,
  };
}

const minutesOfDay = z.number().int().min(0).max(1439);

export const provinces = ['national', 'beijing', 'shanghai', 'guangdong', 'zhejiang', 'henan'] as const;

export const settingCatalog = [
  {
    key: 'roster.workStart',
    group: 'roster',
    ruleId: 'ROS-3',
    rule: 'company.team',
    type: { kind: 'time' },
    defaultValue: 540,
    schema: minutesOfDay,
  },
  {
    key: 'roster.workEnd',
    group: 'roster',
    ruleId: 'ROS-3',
    rule: 'company.team',
    type: { kind: 'time' },
    defaultValue: 1020,
    schema: minutesOfDay,
  },
  numberSetting('roster.workDaysPerWeek', 'roster', 'ROS-3', 'law.workingTime', 5, 'days', { min: 1, max: 6 }),
  numberSetting('roster.minRestMinutes', 'roster', 'ROS-4', 'company.operations', 660, 'minutes', { min: 0, max: 1440, step: 30 }, true),
  numberSetting('roster.maxConsecutiveDays', 'roster', 'ROS-4', 'law.labour', 6, 'days', { min: 1, max: 13 }),
  numberSetting('roster.serviceLevelPercent', 'roster', 'ROS-6', 'company.consulting', 80, 'percent', { min: 1, max: 99 }),
  numberSetting('roster.serviceLevelSeconds', 'roster', 'ROS-6', 'company.consulting', 20, 'seconds', { min: 1, max: 600 }),

  numberSetting('attendance.lateFineYuan', 'attendance', 'ATT-2', 'company.operations', 20, 'yuan', { min: 0, max: 1000 }, true),
  numberSetting('attendance.fineThresholdMinutes', 'attendance', 'ATT-2', 'company.operations', 15, 'minutes', { min: 0, max: 240 }),
  numberSetting('attendance.halfDayThresholdMinutes', 'attendance', 'ATT-3', 'company.operations', 60, 'minutes', { min: 1, max: 480 }),
  numberSetting(
    'attendance.absenceWageMultiple',
    'attendance',
    'ATT-5',
    'company.operations',
    2,
    'times',
    { min: 0, max: 5, step: 0.5 },
    true,
  ),
  numberSetting('attendance.maxConsecutiveAbsenceDays', 'attendance', 'ATT-6', 'company.operations', 3, 'days', { min: 1, max: 30 }),
  numberSetting('attendance.maxYearlyAbsenceDays', 'attendance', 'ATT-6', 'company.operations', 5, 'days', { min: 1, max: 60 }),

  numberSetting('leave.personalLeaveCapDays', 'leave', 'LEV-2', 'company.operations', 20, 'days', { min: 0, max: 365 }, true),
  numbersSetting('leave.annualLeaveBands', 'leave', 'LEV-3', 'law.annualLeave', [5, 10, 15], {
    labels: 'labels.bands',
    unit: 'days',
    min: 0,
    max: 60,
  }),
  numberSetting('leave.marriageDays', 'leave', 'LEV-4', 'law.marriageBereavement', 3, 'days', { min: 0, max: 60 }),
  numberSetting('leave.bereavementDays', 'leave', 'LEV-4', 'law.marriageBereavement', 3, 'days', { min: 0, max: 30 }),
  numberSetting('leave.maternityDays', 'leave', 'LEV-4', 'law.femaleProtection', 98, 'days', { min: 0, max: 365 }),
  numberSetting('leave.maternityDifficultExtraDays', 'leave', 'LEV-4', 'law.femaleProtection', 15, 'days', { min: 0, max: 90 }),
  numberSetting('leave.maternityExtraBabyDays', 'leave', 'LEV-4', 'law.femaleProtection', 15, 'days', { min: 0, max: 90 }),
  {
    key: 'leave.province',
    group: 'leave',
    ruleId: 'LEV-4',
    rule: 'law.femaleProtection',
    type: { kind: 'choice', options: provinces, labels: 'provinces' },
    defaultValue: 'national',
    schema: z.enum(provinces),
  },

  numberSetting('overtime.workdayMultiplier', 'overtime', 'OT-2', 'law.labour', 1.5, 'times', { min: 1, max: 5, step: 0.5 }),
  numberSetting('overtime.restDayMultiplier', 'overtime', 'OT-2', 'law.labour', 2, 'times', { min: 1, max: 5, step: 0.5 }),
  numberSetting('overtime.holidayMultiplier', 'overtime', 'OT-2', 'law.labour', 3, 'times', { min: 1, max: 5, step: 0.5 }),
  numberSetting('overtime.dailyCapHours', 'overtime', 'OT-2', 'law.labour', 3, 'hours', { min: 0, max: 12 }),
  numberSetting('overtime.monthlyCapHours', 'overtime', 'OT-2', 'law.labour', 36, 'hours', { min: 0, max: 200 }),

  numbersSetting('appraisal.dimensionWeights', 'appraisal', 'APR-1', 'company.team', [50, 30, 20], {
    labels: 'labels.dimensions',
    unit: 'percent',
    min: 0,
    max: 100,
    sum: 100,
  }),
  {
    key: 'appraisal.cycle',
    group: 'appraisal',
    ruleId: 'APR-4',
    rule: 'company.team',
    type: { kind: 'choice', options: ['monthly', 'quarterly'], labels: 'cycles' },
    defaultValue: 'monthly',
    schema: z.enum(['monthly', 'quarterly']),
  },
  numbersSetting(
    'appraisal.sourceWeights',
    'appraisal',
    'APR-6',
    'company.team',
    [70, 10, 10, 10],
    { labels: 'labels.sources', unit: 'percent', min: 0, max: 100, sum: 100 },
    true,
  ),
  numbersSetting('appraisal.gradeThresholds', 'appraisal', 'APR-7', 'company.team', [90, 80, 60], {
    labels: 'labels.grades',
    unit: 'score',
    min: 0,
    max: 100,
    descending: true,
  }),
  numbersSetting(
    'appraisal.bonusCoefficients',
    'appraisal',
    'APR-7',
    'company.team',
    [1.2, 1.0, 0.8, 0],
    { labels: 'labels.coefficients', unit: 'times', min: 0, max: 5, step: 0.1 },
    true,
  ),
  numberSetting('appraisal.excellentShareCapPercent', 'appraisal', 'APR-7', 'company.team', 20, 'percent', { min: 0, max: 100 }, true),
  numberSetting('appraisal.annualSummaryWeightPercent', 'appraisal', 'APR-4', 'company.team', 20, 'percent', { min: 0, max: 100 }, true),

  numberSetting('discipline.cleanMonthsToLeader', 'discipline', 'PRO-2', 'company.consulting', 3, 'months', { min: 0, max: 36 }),
  numberSetting('discipline.cleanMonthsToSupervisor', 'discipline', 'PRO-3', 'company.consulting', 6, 'months', { min: 0, max: 36 }),
  numberSetting('discipline.cleanMonthsToManager', 'discipline', 'PRO-4', 'company.consulting', 12, 'months', { min: 0, max: 36 }),

  numberSetting('law.dailyHours', 'law', 'LAW', 'law.workingTime', 8, 'hours', { min: 1, max: 12 }),
  numberSetting('law.weeklyHours', 'law', 'LAW', 'law.workingTime', 40, 'hours', { min: 1, max: 60 }),
  numberSetting('law.monthlyWorkDays', 'law', 'LAW', 'law.wageDays', 21.75, 'days', { min: 1, max: 31, step: 0.01 }),
  numberSetting('law.monthlyWorkHours', 'law', 'LAW', 'law.wageDays', 174, 'hours', { min: 1, max: 300 }),
  numberSetting('law.deductionCapPercent', 'law', 'LAW', 'law.wagePayment', 20, 'percent', { min: 0, max: 100 }),
  numberSetting('law.minimumMonthlyWageYuan', 'law', 'LAW', 'law.minimumWage', 2540, 'yuan', { min: 0, max: 100000 }),
] as const satisfies ReadonlyArray<SettingDef<never> | SettingDef<number> | SettingDef<number[]> | SettingDef<string>>;

export type SettingKey = (typeof settingCatalog)[number]['key'];
type DefOf<K extends SettingKey> = Extract<(typeof settingCatalog)[number], { key: K }>;
export type SettingValueOf<K extends SettingKey> = DefOf<K>['defaultValue'] extends number
  ? number
  : DefOf<K>['defaultValue'] extends string
    ? string
    : number[];

export function settingDef(key: string): SettingDef | undefined {
  return (settingCatalog as ReadonlyArray<SettingDef>).find((d) => d.key === key);
}
