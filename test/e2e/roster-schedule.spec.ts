import type { Page } from '@playwright/test';
import { test, expect, openApp, screenshot, api, createTeam } from './server.ts';

// The auto-scheduler from the roster page in browser mode (ROS-1): a group with shift types and
// coverage, every post short; 自动排班 with a short budget shows its progress, then a summary;
// 应用到排班表 writes the cells (setCells, source 'auto') and the coverage row is no longer red.
// The page shows AutoScheduleButton (auto-schedule) in the grid toolbar.

const MONTH = '2026-03';

/** 一组 with five agents, an early and a late shift, one person each every day. */
async function plannableGroup(page: Page): Promise<{ groupId: number; people: number[] }> {
  const team = await createTeam(page, ['张伟', '李娜', '王芳', '刘洋', '陈静']);
  const people = Object.values(team.people);
  const rows = [];
  for (const s of [
    { code: 'E', name: '早班', color: '#1677ff', startMinute: 480, endMinute: 960 },
    { code: 'L', name: '晚班', color: '#fa8c16', startMinute: 840, endMinute: 1320 },
  ]) {
    const shift = await api(page, 'roster.saveShiftType', { ...s, paidMinutes: 420, breakMinutes: 60, functions: null });
    for (let weekday = 0; weekday < 7; weekday++) rows.push({ shiftTypeId: shift.id, weekday, onDate: null, function: null, minPeople: 1 });
  }
  await api(page, 'roster.saveCoverage', { groupId: team.groupId, rows });
  return { groupId: team.groupId, people };
}

test('run the auto-scheduler from the roster page: progress, a summary, apply; the coverage row is no longer red (ROS-1)', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const { groupId } = await plannableGroup(page);
  await openApp(page, server, `#/roster?tab=grid&month=${MONTH}&group=${groupId}`);
  const grid = page.getByTestId('roster-grid');
  await expect(grid).toBeVisible();
  const shortPosts = grid.locator('[data-cov].short');
  await expect(grid.locator(`[data-cov="E:${MONTH}-02"]`)).toHaveClass(/short/);
  expect(await shortPosts.count()).toBe(62);

  await page.getByTestId('auto-schedule').click();
  const dialog = page.getByTestId('auto-schedule-dialog');
  await expect(dialog).toContainText('为一组排 2026-03 的班');
  await expect(dialog).toContainText('锁定的格子始终保持不变');
  await dialog.getByTestId('auto-schedule-seconds').fill('4');
  await page.getByTestId('auto-schedule-start').click();

  // Progress: elapsed time, then the best penalty so far and whether it keeps every rule.
  await expect(dialog.getByTestId('auto-schedule-progress')).toBeVisible();
  await expect(dialog.getByTestId('auto-schedule-elapsed')).toContainText('/ 4 秒');
  await expect(dialog.getByTestId('auto-schedule-valid')).toBeVisible({ timeout: 8000 });
  await screenshot(page, 'roster-schedule-progress');

  const summary = dialog.getByTestId('auto-schedule-summary');
  await expect(summary).toContainText(/将修改 \d+ 个格子，扣分 \d+。/, { timeout: 20_000 });
  await expect(dialog.getByTestId('auto-schedule-invalid')).toHaveCount(0);
  await expect(dialog.getByTestId('auto-schedule-explanation')).toBeVisible();
  await screenshot(page, 'roster-schedule-result');

  await page.getByTestId('auto-schedule-apply').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/已修改 \d+ 个格子/)).toBeVisible();
  await expect(grid.locator(`[data-cov="E:${MONTH}-02"]`)).not.toHaveClass(/short/);
  await expect(shortPosts).toHaveCount(0);
  await screenshot(page, 'roster-schedule-applied');

  // Main holds what the grid shows: every day has its early and late shift.
  const view = await api(page, 'roster.month', { month: MONTH, groupId });
  const monthCells = view.cells.filter((c: [number, string, unknown]) => c[1].startsWith(MONTH) && typeof c[2] === 'number');
  expect(monthCells.length).toBeGreaterThanOrEqual(62);
  expect(await api(page, 'roster.check', { month: MONTH, groupId })).toEqual([]);
});
