import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { test, expect, openApp, screenshot, api, reopen, createTeam, downloadedWorkbook } from './server.ts';
import { addDays, weekday } from '../../main/time/dates.ts';

// Leave, overtime and attendance in browser mode against the real server and database: approving
// leave with the coverage warning (LEV-5, ROS-1), importing a GBK clock file (ATT-1), resolving a
// missing punch (ATT-7), reading the 考勤表, exporting it and closing the month.

const MONTH = '2026-03';

/** 一组: a leader and three agents on days (two needed on every weekday), one on nights; March published. */
async function setUpTeam(page: Page): Promise<{ groupId: number; people: Record<string, number> }> {
  await api(page, 'people.renameDepartment', { name: '网络咨询部' });
  const { groupId, people } = await createTeam(page, undefined, { firstEmploymentDate: '2016-07-01', dailyWageFen: 30_000 });
  const shift = (code: string, name: string, color: string, startMinute: number, endMinute: number) =>
    api(page, 'roster.saveShiftType', { code, name, color, startMinute, endMinute, paidMinutes: 450, breakMinutes: 30, functions: null });
  const day = (await shift('D', '白班', '#1677ff', 540, 1020)).id;
  const night = (await shift('N', '夜班', '#722ed1', 1320, 360)).id;
  await api(page, 'roster.saveCoverage', {
    groupId,
    rows: [1, 2, 3, 4, 5].map((weekday) => ({ shiftTypeId: day, weekday, onDate: null, function: null, minPeople: 2 })),
  });
  const changes = [];
  for (let d = 1; d <= 31; d++) {
    const date = `${MONTH}-${String(d).padStart(2, '0')}`;
    const weekend = [0, 6].includes(weekday(date));
    for (const name of ['张伟', '李娜', '王芳', '刘洋']) {
      changes.push({ personId: people[name], date, value: weekend ? 'rest' : name === '刘洋' ? night : day });
    }
  }
  await api(page, 'roster.setCells', { changes, source: 'manual' });
  await api(page, 'roster.publish', { month: MONTH, groupId, acknowledgeIssues: true, note: null });
  return { groupId, people };
}

/** The month's clock file as a time clock exports it: GBK, Chinese headers, one punch a line. */
function clockFile(): string {
  const lines = ['工号,姓名,打卡时间'];
  for (let d = 1; d <= 31; d++) {
    const date = `${MONTH}-${String(d).padStart(2, '0')}`;
    if ([0, 6].includes(weekday(date))) continue;
    const next = addDays(date, 1);
    // 张伟 is ten minutes late on the 3rd; 李娜 forgets to clock out on the 9th; 王芳 is absent on the 6th.
    lines.push(`E001,张伟,${date} ${date === '2026-03-03' ? '09:10:00' : '08:56:00'}`, `E001,张伟,${date} 17:03:00`);
    lines.push(`E002,李娜,${date} 08:52:00`);
    if (date !== '2026-03-09') lines.push(`E002,李娜,${date} 17:01:00`);
    if (date !== '2026-03-06') lines.push(`E003,王芳,${date} 08:58:00`, `E003,王芳,${date} 17:05:00`);
    lines.push(`E004,刘洋,${date} 21:55:00`, `E004,刘洋,${next} 06:02:00`);
  }
  // The same punch twice, and someone from another department.
  lines.push('E001,张伟,2026-03-02 08:56:00', 'X901,外包人员,2026-03-02 09:00:00');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-clock-')), '三月考勤机导出.csv');
  fs.writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  return file;
}

async function pick(page: Page, label: RegExp, option: string) {
  await page.getByRole('dialog').getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function date(page: Page, label: RegExp, value: string) {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('approve leave knowing what it does to coverage (LEV-5, ROS-1); overtime and balances', async ({ page, server }) => {
  await openApp(page, server, '#/leave');
  await expect(page.getByText('本月还没有请假申请', { exact: false })).toBeVisible();
  const team = await setUpTeam(page);
  // 王芳 is already on approved leave on the 5th: two of three day-shift people are left.
  const types = await api(page, 'leave.types', {});
  const annual = types.find((t: any) => t.code === 'annual').id;
  const earlier = await api(page, 'leave.request', {
    personId: team.people['王芳'],
    leaveTypeId: annual,
    startDate: '2026-03-05',
    startPart: 'full',
    endDate: '2026-03-05',
    endPart: 'full',
    reason: '陪家人',
    evidence: null,
  });
  await api(page, 'leave.decide', { id: earlier.id, approve: true, reason: null });
  await reopen(page, `#/leave?month=${MONTH}`);
  await expect(page.getByTestId('leave-requests')).toContainText('王芳');
  await screenshot(page, 'leave-requests-zh');

  // 李娜 asks for the 5th and 6th: the dialog shows the days, the balance and the short post.
  await page.getByRole('button', { name: '新建请假' }).click();
  await pick(page, /^人员/, '李娜');
  await pick(page, /^假别/, '年假');
  await date(page, /^开始日期/, '2026-03-05');
  await date(page, /^结束日期/, '2026-03-06');
  const impact = page.getByRole('dialog').getByTestId('leave-impact');
  await expect(impact).toContainText('扣除 2 天');
  await expect(impact).toContainText('年假剩余 5 天，批准后剩 3 天');
  await expect(impact.getByTestId('coverage-warning')).toContainText('一组 2026-03-05 白班：需要 2 人，批准后只剩 1 人');
  await page.getByRole('dialog').getByLabel(/^原因/).fill('孩子生病');
  await screenshot(page, 'leave-request-dialog-zh');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  // The supervisor decides with the same picture in front of them.
  const row = page.getByRole('row').filter({ hasText: '李娜' });
  await expect(row).toContainText('待审批');
  await row.getByRole('button', { name: '审批' }).click();
  const decision = page.getByRole('dialog');
  await expect(decision.getByTestId('coverage-warning')).toContainText('批准后只剩 1 人');
  await expect(decision.getByTestId('impact-coverage')).toContainText('2026-03-06');
  await screenshot(page, 'leave-approve-coverage-zh');
  await decision.getByTestId('leave-approve').click();
  await expect(decision).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '李娜' })).toContainText('已批准');
  // The roster shows it: the month view carries the leave and the post is short.
  const view = await api(page, 'roster.month', { month: MONTH, groupId: team.groupId });
  expect(view.leave.map((l: any) => `${l.personId}:${l.date}`)).toContain(`${team.people['李娜']}:2026-03-06`);

  // Overtime: a rest day, with the legal cap warning acknowledged.
  await page.getByRole('tab', { name: /加班/ }).click();
  await page.getByRole('button', { name: '申请加班' }).first().click();
  await pick(page, /^人员/, '张伟');
  await date(page, /^日期/, '2026-03-07');
  const start = page.getByRole('dialog').getByLabel(/^开始时间/);
  await start.click();
  await start.fill('09:00');
  await start.press('Enter');
  await page
    .getByRole('dialog')
    .getByLabel(/^计划时长/)
    .fill('4');
  await expect(page.getByRole('dialog').getByTestId('overtime-check')).toContainText('按 2 倍计算');
  await screenshot(page, 'overtime-request-zh');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('row').filter({ hasText: '张伟' }).getByRole('button', { name: '审批' }).click();
  await expect(page.getByRole('dialog')).toContainText('加班应先申请、批准后再做');
  await expect(page.getByTestId('overtime-approve')).toBeDisabled();
  await page.getByRole('dialog').getByRole('checkbox').check();
  await screenshot(page, 'overtime-approve-zh');
  await page.getByTestId('overtime-approve').click();
  await expect(page.getByRole('row').filter({ hasText: '张伟' })).toContainText('已批准');
  await screenshot(page, 'overtime-tab-zh');

  // Balances, with a person's ledger explaining every number.
  await page.getByRole('tab', { name: '假期余额' }).click();
  await page.getByTestId('balance-E002').click();
  await expect(page.getByTestId('ledger-annual')).toContainText('已休 2剩余 3');
  await screenshot(page, 'leave-ledger-zh');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: '假别设置' }).click();
  await expect(page.getByTestId('leave-types')).toContainText('陪产假');
  await screenshot(page, 'leave-types-zh');
});

test('import a GBK clock file, resolve a missing punch, read and export the 考勤表, close the month (ATT-1…7)', async ({
  page,
  server,
}) => {
  await openApp(page, server, '#/attendance');
  await expect(page.getByText('这个月还没有可以判定的考勤')).toBeVisible();
  await screenshot(page, 'attendance-empty-zh');
  const team = await setUpTeam(page);
  await reopen(page, `#/attendance?month=${MONTH}`);
  await expect(page.getByText('本月还没有打卡记录', { exact: false })).toBeVisible();

  // ATT-1: the clock file, GBK with Chinese headers: preview first (duplicates, unknown numbers).
  await page.getByTestId('attendance-import').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles(clockFile());
  const notices = page.getByTestId('punch-import-notices');
  await expect(notices).toContainText('去掉重复 1 条');
  await expect(notices).toContainText('X901（外包人员，1 行，首见第');
  await expect(page.getByRole('dialog')).toContainText('文件编码：GBK');
  await screenshot(page, 'attendance-import-zh');
  await page.getByTestId('import-commit').click();
  await expect(page.getByRole('dialog')).toBeHidden();

  // The sheet: ten minutes late is 迟, no punch is 旷, one punch is 缺 until resolved.
  const grid = page.getByTestId('attendance-grid');
  const cell = (name: string, day: string) => grid.locator(`[data-cell="${team.people[name]}:${MONTH}-${day}"]`);
  await expect(cell('张伟', '03')).toHaveText('迟');
  await expect(cell('王芳', '06')).toHaveText('旷');
  await expect(cell('李娜', '09')).toHaveText('缺');
  await expect(cell('刘洋', '02')).toHaveText('√');
  await expect(cell('张伟', '07')).toHaveText('休');
  await expect(page.getByTestId('anomaly-banner')).toContainText('1 条异常');
  await expect(page.getByTestId('attendance-close')).toBeDisabled();
  await screenshot(page, 'attendance-sheet-zh');

  // A day's detail: the shift, the punches, how it was judged.
  await cell('张伟', '03').click();
  await expect(page.getByTestId('day-drawer')).toContainText('迟到 10 分钟：罚款档（ATT-2）');
  await screenshot(page, 'attendance-day-zh');
  await page.keyboard.press('Escape');

  // ATT-7: the supervisor corrects the missing punch, with the reason.
  await page.getByRole('tab', { name: /异常处理/ }).click();
  await expect(page.getByTestId('anomalies-tab')).toContainText('没有下班卡');
  await screenshot(page, 'attendance-anomalies-zh');
  await page.getByTestId(`resolve-E002-2026-03-09`).click();
  await expect(page.getByTestId('resolve-at')).toHaveValue('2026-03-09 17:00');
  await page.getByTestId('resolve-note').fill('下班忘打卡，组长确认在岗');
  await screenshot(page, 'attendance-resolve-zh');
  await page.getByRole('button', { name: '确认处理' }).click();
  await expect(page.getByText('本月没有待处理的异常')).toBeVisible();

  await page.getByRole('tab', { name: '打卡记录' }).click();
  await expect(page.getByTestId('punches-tab')).toContainText('173 条');
  await screenshot(page, 'attendance-punches-zh');
  await page.getByRole('tab', { name: '人事提示' }).click();
  await expect(page.getByTestId('flags-tab')).toContainText('没有需要提示人事部的情况');
  await page.getByRole('tab', { name: '考勤表' }).click();
  await expect(cell('李娜', '09')).toHaveText('√');
  await cell('李娜', '09').click();
  await expect(page.getByTestId('day-drawer')).toContainText('下班忘打卡，组长确认在岗');
  await expect(page.getByTestId('day-drawer')).toContainText('2026-03-09 17:00:00');
  await page.keyboard.press('Escape');

  // The XLSX as HR expects it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attendance-export').click()]);
  expect(download.suggestedFilename()).toBe('考勤表-全部门-2026-03.xlsx');
  const workbook = await downloadedWorkbook(download);
  const ws = workbook.getWorksheet('考勤表')!;
  expect(ws.getCell('A1').value).toBe('网络咨询部 2026年3月考勤表');
  expect(String(ws.getCell('A2').value)).toContain('制表人：主管');
  const header = ws.getRow(3).values as unknown[];
  const rows = [5, 6, 7, 8].map((r) => ws.getRow(r));
  const byName = (name: string) => rows.find((r) => r.getCell(2).value === name)!;
  expect(byName('张伟').getCell(3 + 3).value).toBe('迟');
  expect(byName('王芳').getCell(3 + 6).value).toBe('旷');
  expect(byName('李娜').getCell(3 + 9).value).toBe('√');
  expect(byName('王芳').getCell(header.indexOf('旷工（天）')).value).toBe(1);
  expect(byName('王芳').getCell(header.indexOf('旷工扣款（元）')).value).toBe(600);
  expect(byName('张伟').getCell(header.indexOf('罚款（元）')).value).toBe(20);

  // Close the month: nothing open is left.
  await page.getByTestId('attendance-close').click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByTestId('month-status')).toContainText('已结账');

  // In English.
  await page.getByText('English').click();
  await expect(page.getByTestId('month-status')).toContainText('Closed');
  await expect(cell('张伟', '03')).toHaveText('L');
  await screenshot(page, 'attendance-sheet-en');
});
