import type { Widen } from '../i18n/widen.ts';

// The overtime area's strings, reached as `overtime.<key>`.
export const zh = {
  dayKinds: { workday: '工作日', rest: '休息日', holiday: '法定节假日' },
  compensations: { pay: '加班费', lieu: '调休' },
  warnings: {
    daily: '当天加班 {{hours}} 小时，超过每日 {{cap}} 小时的法定上限',
    monthly: '本月加班 {{hours}} 小时，超过每月 {{cap}} 小时的法定上限',
    late: '加班应先申请、批准后再做（OT-1）：申请或审批时加班已经开始',
  },
  errors: {
    notFound: '找不到加班申请（编号 {{id}}）',
    lieuRestDayOnly: '只有休息日加班可以调休；{{kind}}加班按倍数支付加班费（OT-2）',
    notEmployed: '{{name}} 在 {{date}} 不在职',
    acknowledge: '请先确认以下提醒再批准：{{warnings}}',
    notApproved: '只有已批准的加班可以登记实际时长',
    notYet: '加班（{{date}} {{time}} 开始）还没有开始，不能登记实际时长',
    alreadyWorked: '已登记实际时长的加班不能撤销',
  },
} as const;

export const en: Widen<typeof zh> = {
  dayKinds: { workday: 'Workday', rest: 'Rest day', holiday: 'Statutory holiday' },
  compensations: { pay: 'Overtime pay', lieu: 'Time off in lieu' },
  warnings: {
    daily: '{{hours}} h of overtime that day, over the legal cap of {{cap}} h a day',
    monthly: '{{hours}} h of overtime this month, over the legal cap of {{cap}} h a month',
    late: 'Overtime is applied for and approved before it is worked (OT-1): it had already started',
  },
  errors: {
    notFound: 'Overtime request not found (id {{id}})',
    lieuRestDayOnly: 'Only rest-day overtime can be taken as time off; {{kind}} overtime is paid at its multiplier (OT-2)',
    notEmployed: '{{name}} was not employed on {{date}}',
    acknowledge: 'Acknowledge these warnings to approve: {{warnings}}',
    notApproved: 'Only approved overtime can have its hours recorded',
    notYet: 'The overtime ({{date}} from {{time}}) has not started yet',
    alreadyWorked: 'Overtime with recorded hours cannot be cancelled',
  },
};
