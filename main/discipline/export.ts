import type { Ctx } from '../app/context.ts';
import { currentLanguage, t } from '../i18n/index.ts';
import { newWorkbook, styleHeader, workbookFile } from '../files/xlsx.ts';
import type { FileOutput } from '../ipc/fields.ts';
import { department } from '../people/service.ts';
import { listSanctions } from './sanctions.ts';
import { listRewards } from './rewards.ts';
import { fundMonth } from './fund.ts';
import { monthEnd } from '../time/months.ts';
import type { RewardView } from './contract.ts';

// REP-2's discipline part: the month's sanctions and rewards, and the 乐捐 fund statement, as XLSX
// in the user's language (Chinese by default), amounts in yuan with two decimals.

const money = (fen: number | null) => (fen === null ? null : fen / 100);
const moneyStyle = { numFmt: '0.00' };

function rewardTitle(r: RewardView): string {
  return r.kind === 'honour' ? t(`discipline.honourTitles.${r.title}`) : r.title;
}

export async function exportMonth(ctx: Ctx, month: string): Promise<FileOutput> {
  const workbook = newWorkbook();
  const sanctions = workbook.addWorksheet(t('discipline.export.sanctionsSheet'));
  sanctions.columns = [
    { header: t('discipline.fields.date'), key: 'date', width: 12 },
    { header: t('fields.employeeNo'), key: 'employeeNo', width: 10 },
    { header: t('fields.name'), key: 'name', width: 10 },
    { header: t('fields.group'), key: 'group', width: 10 },
    { header: t('discipline.fields.code'), key: 'code', width: 10 },
    { header: t('discipline.fields.violation'), key: 'violation', width: 34 },
    { header: t('discipline.fields.sanction'), key: 'sanction', width: 12 },
    { header: t('discipline.fields.amount'), key: 'amount', width: 12, style: moneyStyle },
    { header: t('discipline.fields.status'), key: 'status', width: 10 },
    { header: t('discipline.fields.paidOn'), key: 'paidOn', width: 12 },
    { header: t('discipline.fields.source'), key: 'source', width: 10 },
    { header: t('discipline.fields.evidence'), key: 'evidence', width: 30 },
    { header: t('discipline.fields.voidReason'), key: 'voidReason', width: 24 },
    { header: t('discipline.fields.recordedBy'), key: 'recordedBy', width: 10 },
  ];
  const en = currentLanguage() === 'en';
  for (const s of listSanctions(ctx, { from: `${month}-01`, to: monthEnd(month) }).reverse()) {
    sanctions.addRow({
      date: s.date,
      employeeNo: s.employeeNo,
      name: s.personName,
      group: s.groupName ?? '',
      code: s.code,
      violation: en ? s.nameEn : s.nameZh,
      sanction: t(`discipline.sanctionKinds.${s.sanction}`),
      amount: money(s.amountFen),
      status: t(`discipline.sanctionStatuses.${s.status}`),
      paidOn: s.paidOn ?? '',
      source: t(`discipline.sources.${s.source}`),
      evidence: s.evidence ?? '',
      voidReason: s.voidReason ?? '',
      recordedBy: s.recordedBy,
    });
  }
  styleHeader(sanctions);

  const rewards = workbook.addWorksheet(t('discipline.export.rewardsSheet'));
  rewards.columns = [
    { header: t('discipline.fields.date'), key: 'date', width: 12 },
    { header: t('fields.employeeNo'), key: 'employeeNo', width: 10 },
    { header: t('fields.name'), key: 'name', width: 10 },
    { header: t('fields.group'), key: 'group', width: 10 },
    { header: t('discipline.fields.rewardKind'), key: 'kind', width: 12 },
    { header: t('discipline.fields.title'), key: 'title', width: 20 },
    { header: t('discipline.fields.amount'), key: 'amount', width: 12, style: moneyStyle },
    { header: t('discipline.fields.status'), key: 'status', width: 12 },
    { header: t('discipline.fields.reason'), key: 'reason', width: 36 },
  ];
  for (const r of listRewards(ctx, { from: `${month}-01`, to: monthEnd(month) }).reverse()) {
    rewards.addRow({
      date: r.date,
      employeeNo: r.employeeNo,
      name: r.personName,
      group: r.groupName ?? '',
      kind: t(`discipline.rewardKinds.${r.kind}`),
      title: rewardTitle(r),
      amount: money(r.amountFen),
      status: t(`discipline.rewardStatuses.${r.status}`),
      reason: r.reason,
    });
  }
  styleHeader(rewards);
  return workbookFile(workbook, t('discipline.export.monthFileName', { month }));
}

/** DIS-2: the month's fund statement — the settlement, the movements, unpaid fines, the deduction check. */
export async function exportFund(ctx: Ctx, month: string): Promise<FileOutput> {
  const view = fundMonth(ctx, month);
  const workbook = newWorkbook();
  const summary = workbook.addWorksheet(t('discipline.export.fundSheet'));
  summary.columns = [
    { header: t('discipline.export.item'), key: 'item', width: 18 },
    { header: t('discipline.export.value'), key: 'value', width: 24 },
  ];
  const status =
    view.status === 'closed'
      ? t('discipline.fund.closedBy', { by: view.closedBy, at: view.closedAt?.slice(0, 10) })
      : t('discipline.fund.open');
  for (const [item, value] of [
    [t('discipline.export.department'), department(ctx).name],
    [t('discipline.export.period'), month],
    [t('discipline.fund.opening'), money(view.openingFen)],
    [t('discipline.fund.in'), money(view.inFen)],
    [t('discipline.fund.out'), money(view.outFen)],
    [t('discipline.fund.closing'), money(view.closingFen)],
    [t('discipline.fields.status'), status],
  ] as const)
    summary.addRow({ item, value });
  for (const row of [3, 4, 5, 6]) summary.getCell(`B${row + 1}`).numFmt = '0.00';
  styleHeader(summary);

  const entries = workbook.addWorksheet(t('discipline.export.entriesSheet'));
  entries.columns = [
    { header: t('discipline.fields.date'), key: 'date', width: 12 },
    { header: t('discipline.fields.entryKind'), key: 'kind', width: 12 },
    { header: t('fields.employeeNo'), key: 'employeeNo', width: 10 },
    { header: t('fields.name'), key: 'name', width: 10 },
    { header: t('discipline.fund.in'), key: 'in', width: 12, style: moneyStyle },
    { header: t('discipline.fund.out'), key: 'out', width: 12, style: moneyStyle },
    { header: t('discipline.fields.note'), key: 'note', width: 36 },
  ];
  for (const e of view.entries)
    entries.addRow({
      date: e.date,
      kind: t(`discipline.fundKinds.${e.kind}`),
      employeeNo: e.employeeNo ?? '',
      name: e.personName ?? '',
      in: e.amountFen > 0 ? money(e.amountFen) : null,
      out: e.amountFen < 0 ? money(-e.amountFen) : null,
      note: e.note ?? '',
    });
  styleHeader(entries);

  const unpaid = workbook.addWorksheet(t('discipline.export.unpaidSheet'));
  unpaid.columns = [
    { header: t('discipline.fields.date'), key: 'date', width: 12 },
    { header: t('fields.employeeNo'), key: 'employeeNo', width: 10 },
    { header: t('fields.name'), key: 'name', width: 10 },
    { header: t('discipline.fields.code'), key: 'code', width: 10 },
    { header: t('discipline.fields.violation'), key: 'violation', width: 34 },
    { header: t('discipline.fields.amount'), key: 'amount', width: 12, style: moneyStyle },
  ];
  const en = currentLanguage() === 'en';
  for (const s of view.unpaidFines)
    unpaid.addRow({
      date: s.date,
      employeeNo: s.employeeNo,
      name: s.personName,
      code: s.code,
      violation: en ? s.nameEn : s.nameZh,
      amount: money(s.amountFen),
    });
  styleHeader(unpaid);

  const check = workbook.addWorksheet(t('discipline.export.checkSheet'));
  check.columns = [
    { header: t('fields.employeeNo'), key: 'employeeNo', width: 10 },
    { header: t('fields.name'), key: 'name', width: 10 },
    { header: t('discipline.fund.deductions'), key: 'deductions', width: 12, style: moneyStyle },
    { header: t('discipline.fund.monthlyWage'), key: 'wage', width: 12, style: moneyStyle },
    { header: t('discipline.fund.percent'), key: 'percent', width: 10 },
    { header: t('discipline.fields.note'), key: 'note', width: 60 },
  ];
  for (const d of view.deductions)
    check.addRow({
      employeeNo: d.employeeNo,
      name: d.personName,
      deductions: money(d.deductionsFen),
      wage: money(d.monthlyWageFen),
      percent: d.percent === null ? '' : `${d.percent}%`,
      note: d.message,
    });
  styleHeader(check);
  return workbookFile(workbook, t('discipline.export.fundFileName', { month }));
}
