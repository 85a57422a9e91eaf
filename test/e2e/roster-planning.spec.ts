import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp, screenshot, api, createTeam } from './server.ts';
import { checksumOf, type HandoverFile } from '../../main/roster/handover.ts';
import { weekday } from '../../main/time/dates.ts';

// ROS-8 hand-over round trip and ROS-6 staffing on the roster page, in browser mode.
// The page shows HandoverButtons (handover-export, handover-import) on the grid tab and
// StaffingPanel (staffing-panel) on its own tab, ?tab=staffing.

/** 一组 with a leader and two agents, two shift types and the weekdays of March 2026 planned. */
async function plannedGroup(page: Page) {
  await api(page, 'people.renameDepartment', { name: '网络咨询部' });
  const team = await createTeam(page, ['张伟', '李娜', '王芳'], { hireDate: '2024-02-29' });
  const group = { id: team.groupId };
  const people = Object.values(team.people).map((id) => ({ id }));
  const shift = (code: string, name: string, color: string, startMinute: number, endMinute: number) =>
    api(page, 'roster.saveShiftType', { code, name, color, startMinute, endMinute, paidMinutes: 420, breakMinutes: 60, functions: null });
  const early = await shift('E', '早班', '#2563EB', 480, 960);
  const late = await shift('L', '晚班', '#F59E0B', 840, 1320);
  // Every weekday of March: the leader and 李娜 early, 王芳 late.
  const changes = [];
  for (let day = 1; day <= 31; day++) {
    const date = `2026-03-${String(day).padStart(2, '0')}`;
    if ([0, 6].includes(weekday(date))) continue;
    changes.push({ personId: people[0].id, date, value: early.id });
    changes.push({ personId: people[1].id, date, value: early.id });
    changes.push({ personId: people[2].id, date, value: late.id });
  }
  await api(page, 'roster.setCells', { changes, source: 'manual' });
  return { group, people, early, late };
}

test('hand-over: export the group month, change one cell in the file, import it, see exactly that cell, accept (ROS-8)', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const { group, people, early } = await plannedGroup(page);
  await openApp(page, server, `#/roster?tab=grid&month=2026-03&group=${group.id}`);

  await expect(page.getByTestId('handover-export')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('handover-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.banzu-roster\.json$/);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as HandoverFile;
  expect(exported.cells.E002!['2026-03-03']).toBe('E');

  // The group leader's installation received this file, changed one cell and exported again.
  const { checksum: _old, ...content } = exported;
  content.base = structuredClone(content.cells);
  content.cells.E002!['2026-03-03'] = 'L';
  content.exportedBy = { id: `person:${people[0].id}`, name: '张伟' };
  const edited = { ...content, checksum: checksumOf(content) };

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('handover-import').click();
  await (
    await chooser
  ).setFiles({
    name: '排班交接-一组-2026-03.banzu-roster.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(edited)),
  });
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('handover-from')).toContainText('张伟');
  const rows = dialog.getByTestId('handover-diff').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('李娜');
  await expect(rows.first()).toContainText('2026-03-03');
  await expect(rows.first()).toContainText('E → L');
  await screenshot(page, 'roster-handover-diff');
  await dialog.getByTestId('handover-accept-all').click();
  await expect(dialog).toBeHidden();

  const view = await api(page, 'roster.month', { month: '2026-03', groupId: group.id });
  const cell = view.cells.find(([personId, date]: [number, string]) => personId === people[1].id && date === '2026-03-03');
  expect(cell?.[2]).not.toBe(early.id);
  expect(view.shiftTypes.find((s: { id: number }) => s.id === cell?.[2])?.code).toBe('L');
  const log = await api(page, 'audit.history', { entity: 'assignment', entityId: `2026-03-03:${people[1].id}` });
  expect(log[0]).toMatchObject({ action: 'set' });

  // A damaged file is refused with the reason and changes nothing.
  const damaged = { ...edited, cells: { ...edited.cells, E003: { '2026-03-02': 'E' } } };
  const again = page.waitForEvent('filechooser');
  await page.getByTestId('handover-import').click();
  await (
    await again
  ).setFiles({ name: 'damaged.banzu-roster.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
  await expect(page.getByText('文件已损坏或被改动过（校验码不符），已拒绝导入。', { exact: false })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('staffing from demand: a weekday profile gives the Erlang C figures and the chart against the roster (ROS-6)', async ({
  page,
  server,
}) => {
  await openApp(page, server);
  const { group, early, late } = await plannedGroup(page);
  await openApp(page, server, `#/roster?tab=staffing&month=2026-03&group=${group.id}`);
  const panel = page.getByTestId('staffing-panel');
  await expect(panel.getByTestId('staffing-abandonment')).toContainText('Erlang C');
  await panel.getByText('按星期填写', { exact: true }).click();
  await panel.getByLabel('周一 09:00').fill('100');
  await panel.getByLabel('周一 09:30').fill('40');
  await panel.getByLabel('周一 14:00').fill('0');
  await panel.getByTestId('staffing-calculate').click();

  await expect(panel.getByTestId('staffing-chart').locator('svg.recharts-surface').first()).toBeVisible();
  const table = panel.getByTestId('staffing-table');
  // The reference: 100 contacts in 30 minutes, 180 s, 80 % in 20 s → 14 agents, 20 scheduled at 30 % shrinkage.
  await expect(table.locator('tr', { hasText: '09:00' })).toContainText(/100\s*14\s*20/);
  await expect(table.locator('tr', { hasText: '09:00' })).toContainText('88.8%');
  await expect(table.locator('tr', { hasText: '14:00' })).toContainText(/0\s*0\s*0/);
  // Planned people come from the roster of March: every Monday has two people on the early shift at 09:00.
  await expect(panel.getByTestId('staffing-planned-note')).toContainText('2026-03');
  await expect(table.locator('tr', { hasText: '09:00' })).toContainText('缺 18 人');
  await screenshot(page, 'roster-staffing');

  // Proposed coverage, reviewed and saved as the group's requirement.
  await panel.getByTestId('staffing-propose').click();
  const proposal = page.getByRole('dialog');
  await expect(proposal.getByTestId('coverage-proposal')).toContainText('E 早班');
  await proposal.getByTestId('coverage-save').click();
  await page.getByRole('button', { name: /确\s*认/ }).click();
  await expect(proposal).toBeHidden();
  const coverage = await api(page, 'roster.coverage', { groupId: group.id });
  // Early covers 09:00 (20 to schedule); late covers only 14:00, where nobody is needed.
  const rows = coverage.map((r: { shiftTypeId: number; weekday: number; minPeople: number }) => [r.shiftTypeId, r.weekday, r.minPeople]);
  expect(rows.sort((x: number[], y: number[]) => x[0]! - y[0]!)).toEqual([
    [early.id, 1, 20],
    [late.id, 1, 0],
  ]);
});
