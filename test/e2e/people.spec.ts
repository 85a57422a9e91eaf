import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { test, expect, openApp, screenshot, api } from './server.ts';

async function nameDialog(page: Page, open: () => Promise<void>, name: string) {
  await open();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill(name);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
}

async function pickOption(page: Page, label: string, option: string) {
  await page
    .getByRole('dialog')
    .getByLabel(new RegExp(`^${label}`))
    .click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
}

async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByRole('dialog').getByLabel(new RegExp(`^${label}`));
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

function writeCsv(lines: string[], encoding: 'gbk' | 'utf8'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-csv-')), '人员名单.csv');
  const text = lines.join('\r\n') + '\r\n';
  fs.writeFileSync(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
  return file;
}

/** The data as main sees it, through the same API the page uses. */
const apiList = (page: Page) => api<Array<{ name: string; groupName: string | null }>>(page, 'people.list');

test('set up the department, groups and people through the UI (ORG-1, ORG-3)', async ({ page, server }) => {
  await openApp(page, server);
  await expect(page.getByText('还没有人员')).toBeVisible();
  await screenshot(page, 'people-empty-zh');

  await nameDialog(page, () => page.getByRole('button', { name: '修改部门名称' }).click(), '网络咨询部');
  await nameDialog(page, () => page.getByRole('button', { name: '新建小组' }).click(), '一组');
  await nameDialog(page, () => page.getByRole('button', { name: '新建小组' }).click(), '二组');
  await expect(page.getByTestId('org-group-一组')).toBeVisible();

  // A group leader for 一组.
  await page.getByRole('button', { name: '新增人员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('工号').fill('E001');
  await dialog.getByLabel('姓名').fill('张伟');
  await pickOption(page, '组别', '一组');
  await pickOption(page, '岗位', '组长');
  await pickDate(page, '入职日期', '2024-02-29');
  await pickDate(page, '首次参加工作日期', '2019-07-01');
  await dialog.getByLabel('电话').fill('13800138000');
  await screenshot(page, 'person-dialog-zh');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('org-group-一组')).toContainText('组长：张伟');

  // An agent with a bad phone number: main's answer lands under the field, nothing is saved.
  await page.getByRole('button', { name: '新增人员' }).click();
  await dialog.getByLabel('工号').fill('E002');
  await dialog.getByLabel('姓名').fill('李娜');
  await pickOption(page, '组别', '一组');
  await pickDate(page, '入职日期', '2025-03-01');
  await pickDate(page, '首次参加工作日期', '2025-03-01');
  await dialog.getByLabel('电话').fill('12345');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByText('应为 11 位手机号')).toBeVisible();
  expect(await apiList(page)).toHaveLength(1);
  await dialog.getByLabel('电话').fill('13912345678');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();

  // A second leader for the same group is refused (ORG-1).
  await page.getByRole('button', { name: '新增人员' }).click();
  await dialog.getByLabel('工号').fill('E003');
  await dialog.getByLabel('姓名').fill('王芳');
  await pickOption(page, '组别', '一组');
  await pickOption(page, '岗位', '组长');
  await pickDate(page, '入职日期', '2025-03-01');
  await pickDate(page, '首次参加工作日期', '2025-03-01');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByText('每个小组只有一位组长')).toBeVisible();
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  const table = page.getByTestId('people-table');
  await expect(table.getByText('张伟')).toBeVisible();
  await expect(table.getByText('李娜')).toBeVisible();
  expect((await apiList(page)).map((p) => p.name).sort()).toEqual(['张伟', '李娜'].sort());
  await screenshot(page, 'people-zh');

  // Search narrows the table as one types; Esc clears it.
  const rows = table.locator('.vt-body-row');
  const search = page.getByPlaceholder('搜索姓名、工号或电话');
  await search.fill('1391');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('李娜');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(rows).toHaveCount(2);

  // The group filter: 二组 has nobody yet.
  await page.getByRole('button', { name: '小组', exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^二组$/ })
    .click();
  await expect(page.getByText('没有符合条件的人员')).toBeVisible();
  await page.getByTestId('people-filters').getByRole('button', { name: '清除 小组' }).click();
  await expect(rows).toHaveCount(2);

  // ORG-3: marking someone as left keeps the record; the status filter finds it again.
  await page.getByRole('button', { name: '李娜 操作' }).click();
  await page.getByRole('menuitem', { name: '办理离职' }).click();
  await pickDate(page, '离职日期', '2026-06-30'); // Enter in the only field confirms the dialog
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  await expect(table.getByText('李娜')).toBeHidden();
  await page.getByRole('button', { name: '状态: 在职' }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^已离职$/ })
    .click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('李娜');
  await expect(rows.first()).toHaveClass(/banzu-left-row/);
  // The look-alike has the focus back once the choice is made.
  await expect(page.getByRole('button', { name: '状态: 已离职' })).toBeFocused();
  const left = (await api<Array<{ name: string; status: string; leftOn: string | null }>>(page, 'people.list')).find(
    (p) => p.name === '李娜',
  );
  expect(left).toMatchObject({ status: 'left', leftOn: '2026-06-30' });
  await screenshot(page, 'people-left-filter-zh');
});

test('a screen whose data cannot be read says so and offers a retry; the navigation stays usable', async ({ page, server }) => {
  let failing = true;
  await page.route('**/api/people.list', (route) =>
    failing
      ? route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: { code: 'IO', message: '磁盘读取失败' } }),
        })
      : route.fallback(),
  );
  await openApp(page, server);
  await expect(page.getByText('这个页面没能打开，数据没有改动。')).toBeVisible();
  await expect(page.getByText('磁盘读取失败')).toBeVisible();
  await screenshot(page, 'screen-failed-zh');
  failing = false;
  await page.getByRole('button', { name: /重\s*试/ }).click();
  await expect(page.getByText('还没有人员')).toBeVisible();
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByText('这个页面没能打开')).toBeHidden();
});

test('import a GBK CSV: a bad row is shown with its reason and nothing is written; the fixed file imports; data survives a restart', async ({
  page,
  server,
}) => {
  const header = '工号,姓名,组别,岗位,职能,入职日期,手机号';
  const good = [
    'E101,王芳,三组,组长,客服,2024/3/1,13800000001',
    'E102,刘洋,三组,组员,客服,2024年3月2日,13800000002',
    'E104,赵敏,四组,组长,技术支持,2023-11-30,13800000004',
  ];
  const bad = writeCsv([header, ...good.slice(0, 2), 'E103,陈静,三组,组员,技术支持,2025-02-29,13800000003', good[2]!], 'gbk');
  const fixed = writeCsv([header, ...good.slice(0, 2), 'E103,陈静,三组,组员,技术支持,2024-02-29,13800000003', good[2]!], 'gbk');

  await openApp(page, server);
  await page.getByRole('button', { name: /导\s*入/ }).click();
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(bad);
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('1 行有问题');
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('.ant-table-row', { hasText: '陈静' })).toContainText(/^\s*4\s*E103/);
  await expect(preview).toContainText('入职日期：无法识别的日期“2025-02-29”');
  await expect(page.getByText('文件编码：GBK')).toBeVisible();
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await screenshot(page, 'import-bad-row-zh');
  expect(await apiList(page)).toEqual([]);

  await page.getByTestId('import-choose-again').locator('..').locator('input[type=file]').setInputFiles(fixed);
  await expect(summary).toContainText('4 行全部可以导入');
  await expect(page.getByText('将新建小组：三组、四组')).toBeVisible();
  await page.getByTestId('import-commit').click();
  await expect(page.getByText('已导入 4 人')).toBeVisible();
  await expect(page.getByTestId('org-group-三组')).toContainText('组长：王芳');
  expect((await apiList(page)).map((p) => p.name).sort()).toEqual(['王芳', '刘洋', '陈静', '赵敏'].sort());

  await server.restart();
  await openApp(page, server);
  await expect(page.getByTestId('people-table').getByText('陈静')).toBeVisible();
  await expect(page.getByTestId('org-group-四组')).toContainText('组长：赵敏');
  expect(await apiList(page)).toHaveLength(4);
});

test('switch the language to English and back', async ({ page, server }) => {
  await openApp(page, server);
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'People' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add person' })).toBeVisible();
  await expect(page.getByText('No people yet')).toBeVisible();
  await screenshot(page, 'people-empty-en');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('Rule values')).toBeVisible();
  await screenshot(page, 'settings-en');
  // The choice is kept by main: a reload stays in English.
  await page.reload();
  await expect(page.getByRole('link', { name: 'People' })).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('link', { name: '人员' })).toBeVisible();
});

test('sixty groups and three hundred people: the org list and the table hold only what is in view and scroll to the end', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const groups: number[] = [];
  for (let g = 1; g <= 60; g++) groups.push((await api<{ id: number }>(page, 'people.createGroup', { name: `第${g}组` })).id);
  for (let i = 1; i <= 300; i++) {
    await api(page, 'people.create', {
      employeeNo: `W${String(i).padStart(4, '0')}`,
      name: `员工${i}`,
      groupId: groups[(i - 1) % 60],
      role: 'agent',
      function: 'service',
      hireDate: '2024-01-01',
      firstEmploymentDate: '2024-01-01',
      dailyWageFen: null,
      phone: null,
      note: null,
    });
  }
  await page.reload();
  const rows = page.getByTestId('people-table').locator('.vt-body-row');
  await expect(rows.first()).toContainText('W0001');
  // A screenful of each, not all of them.
  expect(await rows.count()).toBeLessThan(40);
  expect(await page.locator('.org-child').count()).toBeLessThan(30);
  await expect(page.getByText('在职 300 人')).toBeVisible();

  // The last group and "unassigned" come into the DOM when the list is scrolled to its end.
  await page.locator('.org-tree').evaluate((box) => (box.scrollTop = box.scrollHeight));
  await page.getByTestId('org-group-第60组').click();
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('员工60');
  await page.getByRole('treeitem', { name: '未分组' }).click();
  await expect(page.getByText('没有符合条件的人员')).toBeVisible();

  // The table's last row appears when it is scrolled to its end.
  await page.getByRole('treeitem', { name: '未命名部门' }).click();
  await page
    .getByTestId('people-table')
    .locator('.vt-scroll')
    .evaluate((box) => (box.scrollTop = box.scrollHeight));
  await expect(page.getByTestId('people-table').getByText('W0300')).toBeVisible();
  await screenshot(page, 'people-many-groups-zh');
});
