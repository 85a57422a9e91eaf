import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, screenshot, api, reopen, createTeam } from './server.ts';

// The roster screens in browser mode against the real server and database: shift types and
// coverage, planning a month in the grid (ROS-1 coverage, ROS-4 rest), undo/redo, publishing
// (ROS-7), and a swap (ROS-2).

const MONTH = '2026-03';

type ShiftIds = Record<'E' | 'L' | 'N', number>;

async function createShiftTypes(page: Page): Promise<ShiftIds> {
  const ids: Partial<ShiftIds> = {};
  for (const s of [
    { code: 'E', name: '早班', color: '#1677ff', startMinute: 420, endMinute: 900, paidMinutes: 420, breakMinutes: 60, functions: null },
    { code: 'L', name: '晚班', color: '#fa8c16', startMinute: 900, endMinute: 1380, paidMinutes: 420, breakMinutes: 60, functions: null },
    { code: 'N', name: '夜班', color: '#722ed1', startMinute: 1380, endMinute: 420, paidMinutes: 420, breakMinutes: 60, functions: null },
  ] as const) {
    ids[s.code] = (await api<{ id: number }>(page, 'roster.saveShiftType', s)).id;
  }
  return ids as ShiftIds;
}

/** Opens a roster view afresh (a reload, so data written through the API is read again). */
async function openRoster(page: Page, query: string) {
  await reopen(page, `#/roster?${query}`);
  await expect(page.getByTestId('roster-page')).toBeVisible();
}

const grid = (page: Page) => page.getByTestId('roster-grid');
const cell = (page: Page, personId: number, date: string) => grid(page).locator(`[data-cell="${personId}:${date}"]`);
const coverage = (page: Page, code: string, date: string) => grid(page).locator(`[data-cov="${code}:${date}"]`);

/** Clicks a cell and types into the grid, as a group leader does. */
async function typeInto(target: Locator, keys: string) {
  await target.click();
  for (const key of keys) await target.page().keyboard.press(key);
}

/** The cells main holds for the month, as "personId:date" → shift id or 'rest'. */
async function savedCells(page: Page, groupId: number): Promise<Map<string, number | 'rest'>> {
  const view = await api<{ cells: Array<[number, string, number | 'rest', boolean]> }>(page, 'roster.month', { month: MONTH, groupId });
  return new Map(view.cells.map(([p, d, v]) => [`${p}:${d}`, v]));
}

test('set up shift types and coverage through the UI; the empty states say where to start (ROS-1, ROS-3)', async ({ page, server }) => {
  await openApp(page, server, `#/roster?month=${MONTH}`);
  await createTeam(page);
  await page.reload();

  // No shift types yet: the grid says where to start.
  await expect(page.getByText('还没有班次').first()).toBeVisible();
  await screenshot(page, 'roster-no-shifts-zh');
  await page.getByRole('button', { name: '去设置班次' }).click();
  await expect(page.getByTestId('shifts-tab')).toBeVisible();

  // Two shift types through the dialog; the night shift ends the next day (次日).
  for (const s of [
    { code: 'E', name: '早班', start: '07:00', end: '15:00' },
    { code: 'N', name: '夜班', start: '23:00', end: '07:00' },
  ]) {
    await page.getByRole('button', { name: '新增班次' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('代码').fill(s.code);
    await dialog.getByLabel('名称').fill(s.name);
    for (const [label, time] of [
      ['上班时间', s.start],
      ['下班时间', s.end],
    ] as const) {
      const input = dialog.getByLabel(label);
      await input.click();
      await input.fill(time);
      await input.press('Enter');
    }
    if (s.code === 'N') await expect(dialog.getByText('下班时间在次日')).toBeVisible();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
  }
  const table = page.getByTestId('shift-types-table');
  await expect(table.locator('tr', { hasText: '夜班' })).toContainText('23:00–次日07:00');
  await expect(table.locator('tr', { hasText: '早班' })).toContainText('7 小时');

  // Coverage: one early shift every day for the group.
  const editor = page.getByTestId('coverage-editor');
  await editor.getByLabel('E 每天').fill('1');
  await editor.getByRole('button', { name: '保存覆盖要求' }).click();
  await expect(page.getByText('覆盖要求已保存')).toBeVisible();
  await screenshot(page, 'roster-shifts-zh');

  // The grid: an empty month says how to start.
  await page.getByRole('tab', { name: '排班表' }).click();
  await expect(page.getByTestId('empty-month-hint')).toBeVisible();
  await expect(grid(page).locator('.rg-row')).toHaveCount(4);
  await expect(coverage(page, 'E', `${MONTH}-02`)).toHaveText('0/1');
  await expect(coverage(page, 'E', `${MONTH}-02`)).toHaveClass(/short/);
  await screenshot(page, 'roster-grid-empty-zh');
});

test('plan a month in the grid: gaps turn red and clear, a rest break is explained, undo/redo, a rotation, publish with the issues shown (ROS-1, ROS-4, ROS-7)', async ({
  page,
  server,
}) => {
  await openApp(page, server, '#/people');
  const team = await createTeam(page);
  const [zhang, li] = [team.people['张伟']!, team.people['李娜']!];
  const { E } = await createShiftTypes(page);
  await api(page, 'roster.saveCoverage', {
    groupId: team.groupId,
    rows: Array.from({ length: 7 }, (_, weekday) => ({ shiftTypeId: E, weekday, onDate: null, function: null, minPeople: 1 })),
  });
  await openRoster(page, `month=${MONTH}`);

  // ROS-1: every day starts short; typing E into a day fills its post and the red clears.
  const day2 = `${MONTH}-02`;
  await expect(coverage(page, 'E', day2)).toHaveText('0/1');
  await expect(coverage(page, 'E', day2)).toHaveClass(/short/);
  await typeInto(cell(page, zhang, day2), 'E');
  await expect(cell(page, zhang, day2)).toHaveText('E');
  await expect(coverage(page, 'E', day2)).toHaveText('1/1');
  await expect(coverage(page, 'E', day2)).not.toHaveClass(/short/);
  // Typing moved on to the next day: a week is typed in one go, 0 is a rest day.
  await page.keyboard.press('E');
  await page.keyboard.press('0');
  await expect(cell(page, zhang, `${MONTH}-03`)).toHaveText('E');
  await expect(cell(page, zhang, `${MONTH}-04`)).toHaveText('休');
  await expect(coverage(page, 'E', `${MONTH}-04`)).toHaveClass(/short/);
  await typeInto(cell(page, li, `${MONTH}-04`), 'E');
  await expect(coverage(page, 'E', `${MONTH}-04`)).not.toHaveClass(/short/);

  // ROS-4: a night shift then an early one the next morning leaves no rest; the cell says why.
  await typeInto(cell(page, li, `${MONTH}-05`), 'NE');
  const broken = cell(page, li, `${MONTH}-06`);
  await expect(broken).toHaveText('E');
  await expect(broken).toHaveClass(/rg-issue/);
  await broken.hover();
  await expect(page.getByTestId('grid-tip')).toContainText('两班之间至少应休息 11 小时');
  await screenshot(page, 'roster-grid-rest-break-zh');
  await page.getByTestId('issues-toggle').click();
  const rest = page.getByTestId('issue-item').filter({ hasText: '李娜' }).filter({ hasText: '至少应休息' });
  await expect(rest).toHaveCount(1);
  await screenshot(page, 'roster-grid-issues-zh');

  // Undo and redo: the break goes and comes back, and main holds what the grid shows.
  await grid(page).focus();
  await page.keyboard.press('Control+z');
  await expect(broken).toHaveText('');
  await expect(broken).not.toHaveClass(/rg-issue/);
  await expect(rest).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(broken).toHaveText('E');
  await expect(rest).toHaveCount(1);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(broken).toHaveText('');
  await page.keyboard.press('Control+Shift+z');
  await expect(broken).toHaveText('E');
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
  let saved = await savedCells(page, team.groupId);
  expect(saved.get(`${li}:${MONTH}-06`)).toBe(E);
  expect(saved.get(`${zhang}:${MONTH}-04`)).toBe('rest');

  // Clicking the problem in the list selects its cell; Delete clears it.
  await rest.click();
  await page.keyboard.press('Delete');
  await expect(broken).toHaveText('');
  await expect(rest).toHaveCount(0);

  // A rotation for everyone (Ctrl+A selects them all) from the 9th: each person one step later.
  await grid(page).focus();
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: '套用轮班模式' }).click();
  const pattern = page.getByTestId('pattern-form');
  await pattern.getByLabel('轮班模式').fill('E E N N 休 休');
  await pattern.getByLabel('开始日期').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '3月9日' }).click();
  await expect(page.getByTestId('pattern-preview')).toContainText('李娜');
  await page
    .getByRole('button', { name: '套 用' })
    .or(page.getByRole('button', { name: '套用' }))
    .last()
    .click();
  await expect(cell(page, zhang, `${MONTH}-09`)).toHaveText('E');
  await expect(cell(page, li, `${MONTH}-09`)).toHaveText('E');
  await expect(cell(page, li, `${MONTH}-10`)).toHaveText('N');
  await expect(cell(page, team.people['刘洋']!, `${MONTH}-09`)).toHaveText('N');
  await screenshot(page, 'roster-grid-zh');

  // The keys the grid understands, on pointing at 快捷键.
  await page.getByTestId('keys-help').hover();
  await expect(page.locator('.roster-keys')).toContainText('全选');
  await page.mouse.move(0, 0);
  await expect(page.locator('.roster-keys')).toBeHidden();

  // Away and back: the month edited here is read again, not shown as it was when the screen opened.
  await page.getByRole('link', { name: '人员' }).click();
  await page.goBack();
  await expect(cell(page, li, `${MONTH}-10`)).toHaveText('N');

  // Right-click: lock a cell and record a wish; both show in the cell.
  const [wang, liu] = [team.people['王芳']!, team.people['刘洋']!];
  const marked = cell(page, wang, `${MONTH}-20`);
  await marked.click();
  await marked.click({ button: 'right' });
  await page.getByRole('menuitem', { name: '锁定' }).click();
  await expect(marked).toHaveClass(/rg-locked/);
  await marked.click({ button: 'right' });
  await page.getByRole('menuitem', { name: '记录意愿：想休息' }).click();
  await expect(marked.locator('.rg-wish.off')).toBeVisible();

  // Drag-to-fill: 刘洋's early shift on the 1st repeated along the row to the 4th.
  await typeInto(cell(page, liu, `${MONTH}-01`), 'E');
  await cell(page, liu, `${MONTH}-01`).click();
  const handle = (await grid(page).locator('.rg-fill-handle').boundingBox())!;
  const end = (await cell(page, liu, `${MONTH}-04`).boundingBox())!;
  await page.mouse.move(handle.x + 3, handle.y + 3);
  await page.mouse.down();
  await page.mouse.move(end.x + 15, end.y + 14, { steps: 6 });
  await page.mouse.up();
  for (const day of ['02', '03', '04']) await expect(cell(page, liu, `${MONTH}-${day}`)).toHaveText('E');

  // Copy the previous week into the week of the selected day (16th–22nd), for everyone.
  await cell(page, zhang, `${MONTH}-16`).click();
  await page.getByRole('button', { name: '复制上周' }).click();
  const copy = page.getByRole('dialog');
  await copy.getByText('全部 4 人').click();
  await copy.getByRole('button', { name: /复\s*制/ }).click();
  for (const personId of [zhang, li, wang, liu]) {
    for (let d = 16; d <= 22; d++) {
      const before = (await cell(page, personId, `${MONTH}-${String(d - 7).padStart(2, '0')}`).textContent())!;
      await expect(cell(page, personId, `${MONTH}-${d}`)).toHaveText(before);
    }
  }

  // A change main refuses is rolled back and the reason shown: here the early shift was limited to
  // technical support behind the grid's back (the team is customer service).
  const shiftList = await api<Array<Record<string, unknown> & { code: string }>>(page, 'roster.shiftTypes', {});
  const { sortOrder: _order, archivedOn: _archived, ...early } = shiftList.find((s) => s.code === 'E')!;
  await api(page, 'roster.saveShiftType', { ...early, functions: ['tech'] });
  const refused = cell(page, wang, `${MONTH}-01`);
  await typeInto(refused, 'E');
  await expect(page.getByText('修改未能保存，已恢复原样')).toBeVisible();
  await expect(refused).toHaveText('');
  await api(page, 'roster.saveShiftType', { ...early, functions: null });

  // ROS-7: publishing lists what is still wrong; publishing anyway needs a conscious choice.
  await page.getByTestId('publish').click();
  const dialog = page.getByTestId('publish-dialog');
  await expect(dialog).toContainText('还有');
  await expect(page.getByTestId('publish-issues')).toContainText('ROS-1');
  await expect(page.getByTestId('publish-confirm')).toBeDisabled();
  await screenshot(page, 'roster-publish-dialog-zh');
  await page.getByLabel('说明（为什么仍要发布）').fill('月初人手不足，已报主管');
  await page.getByTestId('publish-acknowledge').click();
  await page.getByTestId('publish-confirm').click();
  await expect(page.getByTestId('month-status')).toHaveText('已发布');
  await expect(page.getByTestId('published-banner')).toBeVisible();

  // A published month stays editable and the change is logged.
  await typeInto(cell(page, team.people['王芳']!, `${MONTH}-02`), 'E');
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
  await page.getByRole('tab', { name: '变更记录' }).click();
  const log = page.getByTestId('change-log');
  await expect(log.locator('tr', { hasText: '王芳' })).toContainText('2026-03-02');
  await expect(log.locator('tr', { hasText: '王芳' })).toContainText('早班');
  await screenshot(page, 'roster-changes-zh');
  saved = await savedCells(page, team.groupId);
  expect(saved.get(`${team.people['王芳']}:${MONTH}-02`)).toBe(E);
});

test('request and approve a swap: the checks are shown and both cells change; a rejection keeps its reason (ROS-2)', async ({
  page,
  server,
}) => {
  await openApp(page, server, '#/people');
  const team = await createTeam(page);
  const ids = await createShiftTypes(page);
  const [zhang, li, wang] = [team.people['张伟']!, team.people['李娜']!, team.people['王芳']!];
  await api(page, 'roster.setCells', {
    source: 'manual',
    changes: [
      // A night before the 10th: taking 李娜's late shift would leave 张伟 too little rest.
      { personId: zhang, date: `${MONTH}-09`, value: ids.N },
      { personId: zhang, date: `${MONTH}-10`, value: ids.E },
      { personId: li, date: `${MONTH}-10`, value: ids.L },
      { personId: wang, date: `${MONTH}-12`, value: ids.E },
    ],
  });
  await openRoster(page, `month=${MONTH}&tab=swaps`);
  await expect(page.getByText('没有待审批的换班')).toBeVisible();

  // 张伟 and 李娜 swap their shifts on the 10th.
  await page.getByRole('button', { name: '新建申请' }).click();
  const form = page.getByTestId('swap-form');
  await form.getByLabel('申请人').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '张伟' }).click();
  const date = form.getByLabel('日期', { exact: true });
  await date.click();
  await date.fill(`${MONTH}-10`);
  await date.press('Enter');
  await expect(form).toContainText('当前：E 早班');
  await form.getByLabel('对方', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '李娜' }).click();
  await form.getByLabel('原因').fill('家里有事');
  await screenshot(page, 'roster-swap-dialog-zh');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(form).toBeHidden();

  // 王芳 gives away the 12th; this one is rejected with a reason.
  const gift = await api<{ id: number }>(page, 'roster.requestSwap', {
    kind: 'give',
    personId: wang,
    date: `${MONTH}-12`,
    otherPersonId: team.people['刘洋'],
    otherDate: null,
    reason: null,
  });
  await page.reload();
  const rows = page.getByTestId('swaps-table').locator('tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  const swapRow = rows.filter({ hasText: '家里有事' });
  await expect(swapRow).toContainText('待审批');
  // What each side has now, and the checks main computed: 张伟 would go from a night shift
  // straight into a late one (ROS-4).
  await expect(swapRow).toContainText('E 早班');
  await expect(swapRow).toContainText('L 晚班');
  await expect(swapRow.getByTestId('swap-checks')).toContainText('ROS-4');
  await expect(swapRow.getByTestId('swap-checks')).toContainText('张伟');
  await screenshot(page, 'roster-swaps-zh');

  const giftRow = rows.filter({ hasText: '王芳' });
  await giftRow.getByRole('button', { name: '驳回' }).click();
  await page.getByLabel('驳回原因').fill('当天刘洋已排满');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /驳\s*回/ })
    .click();
  await expect(rows).toHaveCount(1);

  await swapRow.getByRole('button', { name: '批准' }).click();
  const confirm = page.locator('.ant-popconfirm');
  await expect(confirm).toContainText('批准后会产生');
  await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('没有待审批的换班')).toBeVisible();

  // History stays: both decisions with who decided and why.
  await page.getByText('全部', { exact: true }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '家里有事' })).toContainText('已批准');
  await expect(rows.filter({ hasText: '王芳' })).toContainText('已驳回');
  await expect(rows.filter({ hasText: '王芳' })).toContainText('当天刘洋已排满');
  expect(gift.id).toBeGreaterThan(0);

  // Both cells changed in the grid.
  await page.getByRole('tab', { name: '排班表' }).click();
  await expect(cell(page, zhang, `${MONTH}-10`)).toHaveText('L');
  await expect(cell(page, zhang, `${MONTH}-10`)).toHaveClass(/rg-issue/);
  await expect(cell(page, li, `${MONTH}-10`)).toHaveText('E');
  await expect(cell(page, wang, `${MONTH}-12`)).toHaveText('E');
});

test('the holiday calendar tells the three kinds of day apart and warns about a year without data; screens in Chinese and English (ROS-5)', async ({
  page,
  server,
}) => {
  await openApp(page, server, '#/people');
  const team = await createTeam(page);
  const ids = await createShiftTypes(page);
  await api(page, 'roster.saveCoverage', {
    groupId: team.groupId,
    rows: [ids.E, ids.L].flatMap((shiftTypeId) =>
      Array.from({ length: 7 }, (_, weekday) => ({ shiftTypeId, weekday, onDate: null, function: null, minPeople: 1 })),
    ),
  });

  // A year the shipped calendar does not cover: a clear warning that only weekends count, in the
  // calendar and in the grid.
  await openRoster(page, 'month=2027-01&tab=calendar');
  await expect(page.getByTestId('calendar-fallback')).toContainText('2027 年还没有节假日数据');
  await screenshot(page, 'roster-calendar-empty-zh');
  await page.getByRole('tab', { name: '排班表' }).click();
  await expect(page.getByTestId('calendar-warning')).toContainText('2027');
  await page.getByRole('tab', { name: '节假日' }).click();

  // Typed in by hand: the warning goes.
  await page.getByRole('button', { name: '添加日期' }).click();
  const dayForm = page.getByTestId('calendar-day-form');
  await dayForm.getByLabel('名称').fill('元旦');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.getByTestId('calendar-fallback')).toBeHidden();
  await expect(page.getByTestId('calendar-table').locator('tr', { hasText: '2027-01-01' })).toContainText('法定节假日');

  // 2026 comes with the app: holidays, swapped rest days and make-up workdays in their colours.
  const year = page.getByLabel('年份');
  await year.fill('2026');
  await year.press('Enter');
  const table = page.getByTestId('calendar-table');
  await expect(table.locator('tr', { hasText: '2026-10-01' })).toContainText('法定节假日');
  await expect(table.locator('tr', { hasText: '2026-10-01' }).locator('.ant-tag-red')).toBeVisible();
  await expect(table.locator('tr', { hasText: '调休上班日' }).first().locator('.ant-tag-blue')).toBeVisible();
  await expect(table.locator('tr', { hasText: '调休休息日' }).first().locator('.ant-tag-orange')).toBeVisible();
  await expect(page.getByText('官方日历', { exact: true })).toBeVisible();
  await screenshot(page, 'roster-calendar-zh');

  // The October grid shows the holiday week and the make-up workday in their colours.
  await openRoster(page, 'month=2026-10&tab=grid');
  await expect(grid(page).getByTestId('day-2026-10-01')).toHaveClass(/k-h/);
  await typeInto(cell(page, team.people['张伟']!, '2026-10-01'), 'EELL');
  await screenshot(page, 'roster-grid-holidays-zh');

  await page.getByRole('tab', { name: '换班' }).click();
  await expect(page.getByTestId('swaps-tab')).toBeVisible();
  await screenshot(page, 'roster-swaps-empty-zh');
  await page.getByRole('tab', { name: '变更记录' }).click();
  await expect(page.getByText('这个月还没有发布')).toBeVisible();
  await screenshot(page, 'roster-changes-empty-zh');

  // English: the same grid, every string switched.
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('tab', { name: 'Roster' }).click();
  await expect(page.getByRole('button', { name: 'Apply rotation' })).toBeVisible();
  await expect(grid(page).getByText('Person')).toBeVisible();
  await screenshot(page, 'roster-grid-en');
  await page.getByRole('tab', { name: 'Shifts & coverage' }).click();
  await expect(page.getByText('Coverage · 一组')).toBeVisible();
  await screenshot(page, 'roster-shifts-en');
});
