import type { Page } from '@playwright/test';
import { test, expect, openApp, screenshot, api, reopen, createTeam, downloadedWorkbook, rowsOf } from './server.ts';

// Discipline in browser mode on a fresh data folder: a violation typed with the keyboard, appealed
// and voided (DIS-1, DIS-3, DIS-5); the 乐捐 fund's month closed and its statement exported and read
// back (DIS-2); a promotion checked (PRO-5); the other screens looked at in Chinese and English.

async function team(page: Page): Promise<Record<string, number>> {
  await api(page, 'people.renameDepartment', { name: '网络咨询部' });
  const { people } = await createTeam(page, undefined, {
    employeeNo: (i) => `A${i + 1}`,
    firstEmploymentDate: '2018-07-01',
    dailyWageFen: 30_000,
  });
  return people;
}

/** Picks in an antd search select: type, then Enter on the highlighted option. */
async function choose(page: Page, label: string, text: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(text);
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toBeVisible();
  await box.press('Enter');
}

test('record a violation by keyboard, appeal and void it; close the fund month and export its statement', async ({ page, server }) => {
  await openApp(page, server, '#/people');
  await team(page);
  await reopen(page, '#/discipline');
  await expect(page.getByTestId('discipline-sanctions')).toBeVisible();
  await expect(page.getByText('还没有违规记录')).toBeVisible();
  await screenshot(page, 'discipline-sanctions-empty-zh');

  // Keyboard: person, Enter; rule code, Enter (default sanction and amount filled in); facts, Enter.
  await choose(page, '人员：姓名或工号', '李娜');
  await expect(page.getByRole('combobox', { name: '违规条款：编号或名称' })).toBeFocused();
  await choose(page, '违规条款：编号或名称', '3.13');
  await expect(page.getByTestId('entry-evidence')).toBeFocused();
  await expect(page.getByTestId('entry-amount')).toHaveValue('10.00');
  await page.getByTestId('entry-evidence').fill('客户消息 40 秒未回应，见会话截图');
  await page.getByTestId('entry-evidence').press('Enter');
  const table = page.getByTestId('sanctions-table');
  await expect(table.getByRole('row').filter({ hasText: '李娜' })).toContainText('DIS-3.13');
  await expect(page.getByRole('combobox', { name: '人员：姓名或工号' })).toBeFocused();
  // A second one, for the fund.
  await choose(page, '人员：姓名或工号', 'A3');
  await choose(page, '违规条款：编号或名称', '离开工位');
  await page.getByTestId('entry-evidence').fill('离岗 15 分钟未知会同伴');
  await page.getByTestId('entry-evidence').press('Enter');
  await expect(table.getByRole('row').filter({ hasText: '王芳' })).toContainText('乐捐 20.00');

  // Appeal, then accept it: the record stays, struck through.
  const row = table.getByRole('row').filter({ hasText: '李娜' });
  await row.getByRole('button', { name: /操作$/ }).click();
  await page.getByRole('menuitem', { name: '登记申诉' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('当时平台卡顿，消息延迟显示');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*认/ })
    .click();
  await expect(row).toContainText('申诉中');
  await row.getByRole('button', { name: /操作$/ }).click();
  await page.getByRole('menuitem', { name: '处理申诉' }).click();
  await page.getByRole('dialog').getByText('申诉成立，作废').click();
  await page.getByRole('dialog').getByRole('textbox').fill('平台日志证实故障');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*认/ })
    .click();
  await expect(row).toContainText('已作废');
  await expect(row).toHaveClass(/dis-struck/);
  await screenshot(page, 'discipline-sanctions-zh');

  // The printable notice of the voided one, in Chinese.
  const [voided] = await api(page, 'discipline.sanctions', {
    from: '2026-01-01',
    to: '2099-12-31',
    personId: (await api(page, 'people.list', { search: '李娜' }))[0].id,
  });
  await page.goto(`${new URL(server.url).origin}/#/print/sanction-notice?id=${voided.id}`);
  await expect(page.getByTestId('sanction-notice')).toContainText('违纪处理通知书');
  await expect(page.getByTestId('sanction-notice')).toContainText('本处理已作废');
  await screenshot(page, 'discipline-notice-zh');

  // The fund: receive 王芳's fine, close the month (this month), export the statement.
  await page.goto(`${new URL(server.url).origin}/#/discipline?tab=fund`);
  const unpaid = page.getByTestId('fund-unpaid');
  await unpaid.getByRole('row').filter({ hasText: '王芳' }).getByRole('button', { name: '收款' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^收\s?款$/ })
    .click();
  await expect(page.getByTestId('fund-entries')).toContainText('王芳');
  await expect(page.getByTestId('fund-figures')).toContainText('20.00');
  await page.getByRole('button', { name: /(^|\s)月结$/ }).click();
  await expect(page.getByRole('dialog')).toContainText('期末 20.00 元');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^月\s?结$/ })
    .click();
  await expect(page.getByTestId('fund-status')).toContainText('已月结');
  await screenshot(page, 'discipline-fund-zh');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出月结表' }).click();
  const workbook = await downloadedWorkbook(await download);
  const summary = rowsOf(workbook.getWorksheet('乐捐月结')!);
  expect(summary).toContainEqual(['期末余额', 20]);
  expect(summary.find((r) => r[0] === '状态')![1]).toMatch(/^已月结/);
  const entries = rowsOf(workbook.getWorksheet('收支明细')!);
  expect(entries[1]!.slice(1, 5)).toEqual(['乐捐收入', 'A3', '王芳', 20]);
});

test('check a promotion with its reasons; rewards, HR flags, catalogue and a record; in English too', async ({ page, server }) => {
  await openApp(page, server, '#/people');
  const ids = await team(page);
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await api(page, 'discipline.recordSanction', {
    personId: ids['李娜'],
    date: day(40),
    code: 'DIS-3.14',
    sanction: 'fine',
    amountFen: 2000,
    evidence: '无故中断对话',
  });
  await api(page, 'discipline.recordSanction', {
    personId: ids['刘洋'],
    date: day(35),
    code: 'CONF-1',
    sanction: 'termination-review',
    evidence: '将客户名单转发外部人员',
  });
  const reward = await api(page, 'discipline.recommendReward', {
    personId: ids['王芳'],
    kind: 'honour',
    title: 'service-star',
    reason: '满意度连续三个月第一',
    date: day(20),
  });
  await api(page, 'discipline.applyReward', { id: reward.id, deeds: '处理会话 1 500 次，零投诉', opinion: '同意推荐' });
  await api(page, 'discipline.recommendReward', {
    personId: ids['李娜'],
    kind: 'bonus',
    title: '季度服务奖金',
    amountFen: 30_000,
    reason: '高峰期主动支援',
    date: day(15),
  });

  // PRO-5: 李娜's check shows each condition with the record behind it.
  await reopen(page, '#/discipline?tab=promotion');
  const board = page.getByTestId('promotion-board');
  await expect(board.getByRole('row')).toHaveCount(5);
  await board.getByRole('button', { name: /李娜/ }).click();
  await expect(page.getByTestId('promotion-verdict')).toContainText('暂不符合晋升组长的条件');
  await expect(page.getByTestId('condition-cleanRecord')).toContainText('有 1 条违规');
  await expect(page.getByTestId('condition-cleanRecord')).toContainText('DIS-3.14');
  await expect(page.getByTestId('condition-path')).toContainText('组员 → 组长，逐级晋升');
  await expect(page.getByTestId('promotion-apply')).toBeDisabled();
  await screenshot(page, 'discipline-promotion-zh');

  await page.getByRole('tab', { name: '奖励' }).click();
  await expect(page.getByTestId('reward-column-applied')).toContainText('王芳');
  await screenshot(page, 'discipline-rewards-zh');
  await page.getByRole('tab', { name: '人事关注' }).click();
  await expect(page.getByTestId('flags-table')).toContainText('刘洋');
  await screenshot(page, 'discipline-flags-zh');
  await page.getByRole('tab', { name: '违规目录' }).click();
  await expect(page.getByTestId('catalogue-table')).toContainText('无故无应答');
  await screenshot(page, 'discipline-catalogue-zh');
  await page.goto(`${new URL(server.url).origin}/#/discipline?tab=record&person=${ids['李娜']}`);
  await expect(page.getByTestId('record-summary')).toContainText('有效违规 1 条');
  await screenshot(page, 'discipline-record-zh');

  // English.
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('tab', { name: 'Promotion' }).click();
  await page.getByTestId('promotion-board').getByRole('button', { name: /李娜/ }).click();
  await expect(page.getByTestId('promotion-verdict')).toContainText('is not yet eligible to become Group leader');
  await screenshot(page, 'discipline-promotion-en');
  await page.getByRole('tab', { name: '乐捐 fund' }).click();
  await expect(page.getByTestId('fund-chart')).toBeVisible();
  await screenshot(page, 'discipline-fund-en');
});
