import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { test, expect, openApp, screenshot, api, reopen, createTeam, downloadedWorkbook } from './server.ts';
import { defaultTemplate } from '../../main/appraisal/rules/index.ts';

// A month of appraisals for a group in browser mode (APR-1…9): the board starts the cycle, each
// person is scored from the keyboard (targets, self-assessment, superior scores), the chat
// platform's statistics are imported (a broken file first, which changes nothing), the group is
// consolidated, a feedback talk is recorded, the group is locked with its warnings acknowledged,
// and the HR export is opened with exceljs. The printable form is rendered to PDF and read back.

const PERIOD = '2026-03';
const ITEMS = defaultTemplate().items.map((i) => i.key);

/** 一组: a leader and two agents (people are the people area's business: through its channels). */
async function team(page: Page) {
  await api(page, 'people.renameDepartment', { name: '网络咨询部' });
  const { groupId, people } = await createTeam(page, ['张伟', '李娜', '王芳'], { hireDate: '2024-02-29' });
  return { groupId, people: Object.entries(people).map(([name, id]) => ({ id, name })) };
}

/** Types a column of scores the way a supervisor does: a digit, Enter, the next digit… */
async function typeColumn(page: Page, column: 'self' | 'superior', scores: number[]) {
  await expect(page.getByTestId(`score-${column}-${ITEMS[0]}`)).toBeFocused();
  for (const score of scores) {
    await page.keyboard.type(String(score));
    await page.keyboard.press('Enter');
  }
}

function csv(rows: string[][]) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-apr-')), '平台统计.csv');
  fs.writeFileSync(file, iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'gbk'));
  return file;
}

test('a month for a group: start, score from the keyboard, import, consolidate, talk, lock, export, print', async ({ page, server }) => {
  test.setTimeout(240_000);
  await openApp(page, server, '#/people');
  const { groupId, people } = await team(page);
  const [zhang, li, wang] = [people[0]!, people[1]!, people[2]!];
  const board = `#/appraisal?tab=board&period=${PERIOD}&group=${groupId}`;
  await reopen(page, board);

  // The empty state says what to do; starting the cycle gives everyone a draft.
  await expect(page.getByTestId('appraisal-board-empty')).toContainText('2026-03 还没有开始考核');
  await screenshot(page, 'appraisal-board-empty-zh');
  await page.getByTestId('appraisal-start').click();
  const table = page.getByTestId('appraisal-board-table');
  await expect(table.locator('.vt-body-row')).toHaveCount(3);
  await expect(table).toContainText('草稿');

  // Each person, from the keyboard: targets and tasks, self-assessment (Ctrl+Enter submits), then
  // the superior's scores; Alt+→ goes to the next person.
  await page.getByTestId(`board-open-${zhang.id}`).click();
  const form = page.getByTestId('appraisal-form');
  const plans: Array<{ self: number; superior: number }> = [
    { self: 9, superior: 9 },
    { self: 8, superior: 7 },
    { self: 7, superior: 5 },
  ];
  for (const [i, plan] of plans.entries()) {
    await expect(page.getByTestId('appraisal-state')).toHaveText('草稿');
    await typeColumn(
      page,
      'self',
      ITEMS.map(() => plan.self),
    );
    if (i === 0) {
      await page.getByTestId('appraisal-tasks').fill('完成 1300 次接待\n整理常见问题话术');
      await page.getByTestId('target-volume').fill('1300');
      await screenshot(page, 'appraisal-form-self-zh');
    }
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('appraisal-state')).toHaveText('已自评');
    await typeColumn(
      page,
      'superior',
      ITEMS.map(() => plan.superior),
    );
    await expect(page.getByTestId('appraisal-result')).toContainText('还缺');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('appraisal-state')).toHaveText('已评分');
    if (i === 0) await screenshot(page, 'appraisal-form-scored-zh');
    if (i < plans.length - 1) {
      await page.keyboard.press('Alt+ArrowRight');
      await expect(form).toContainText(['李娜', '王芳'][i]!);
    }
  }

  // The chat platform's statistics: a file with an unknown employee is refused whole.
  await page.goto(page.url().replace(/#.*$/, board));
  await expect(table.locator('.vt-body-row')).toHaveCount(3);
  await expect(table).toContainText('指标数据');
  const header = ['工号', '客服姓名', '满意率', '一次解决率', '接待量', '有效对话率', '平均首响时长'];
  const stats = [
    ['E001', '张伟', '97.5%', '93%', '1350', '90%', '00:00:15'],
    ['E002', '李娜', '95%', '88%', '1180', '85%', '20秒'],
    ['E003', '王芳', '84%', '70%', '700', '60%', '45'],
  ];
  await page.getByTestId('appraisal-import').click();
  await page
    .getByTestId('import-file')
    .locator('input[type=file]')
    .setInputFiles(csv([header, ...stats, ['E999', '无名', '90%', '80%', '100', '80%', '30']]));
  await expect(page.getByTestId('import-summary')).toContainText('1 行有问题');
  await expect(page.getByTestId('import-preview')).toContainText('工号 E999 不在人员名单中');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await screenshot(page, 'appraisal-import-problem-zh');
  await page
    .getByTestId('import-choose-again')
    .locator('..')
    .locator('input[type=file]')
    .setInputFiles(csv([header, ...stats]));
  await expect(page.getByTestId('import-summary')).toContainText('3 行全部可以导入');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-commit')).toBeHidden();
  await expect(table).not.toContainText('指标数据');

  // Consolidation stores totals, grades and coefficients for the whole group at once.
  await page.getByTestId('appraisal-consolidate').click();
  await expect(table.getByText('已汇总')).toHaveCount(3);
  const row = (name: string) => table.locator('.vt-body-row', { hasText: name });
  const totalOf = async (name: string) => Number((await row(name).locator('[role=cell]').nth(8).textContent())!.trim());
  const zhangTotal = await totalOf('张伟');
  expect(zhangTotal).toBeGreaterThan(90);
  await expect(row('张伟')).toContainText('优秀');
  await expect(row('王芳')).toContainText(/合格|不合格/);
  await screenshot(page, 'appraisal-board-consolidated-zh');

  // The feedback talk with 张伟; the other two are warned about at locking.
  await page.getByTestId(`board-open-${zhang.id}`).click();
  await page.getByTestId('appraisal-feedback-open').click();
  await page.getByTestId('feedback-summary').fill('业绩突出，继续保持；下月带新人熟悉话术');
  await page.getByTestId('feedback-save').click();
  await expect(page.getByTestId('appraisal-feedback')).toContainText('业绩突出');
  await expect(page.getByTestId('appraisal-total')).toHaveText(zhangTotal.toFixed(1));

  await page.goto(page.url().replace(/#.*$/, board));
  await page.getByTestId('appraisal-lock').click();
  await expect(page.getByRole('dialog')).toContainText('2 人还没有记录反馈面谈');
  await expect(page.getByTestId('appraisal-lock-confirm')).toBeDisabled();
  await page.getByTestId('appraisal-lock-ack').click();
  await screenshot(page, 'appraisal-lock-dialog-zh');
  await page.getByTestId('appraisal-lock-confirm').click();
  await expect(table.getByText('已锁定')).toHaveCount(3);

  // The HR export, opened as HR would.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('appraisal-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^绩效考核结果-一组-2026-03-.*\.xlsx$/);
  const workbook = await downloadedWorkbook(download);
  const sheet = workbook.getWorksheet('考核结果')!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
    '工号',
    '姓名',
    '组别',
    '岗位',
    '职能',
    '工作业绩',
    '工作能力',
    '工作态度',
    '总分',
    '等级',
    '奖金系数',
    '标记',
    '状态',
    '反馈面谈日期',
  ]);
  const exported = new Map<string, unknown[]>();
  sheet.eachRow((r, n) => n > 1 && exported.set(String(r.getCell(2).value), r.values as unknown[]));
  expect([...exported.keys()]).toEqual(['张伟', '李娜', '王芳']);
  expect(exported.get('张伟')!.slice(1, 6)).toEqual(['E001', '张伟', '一组', '组长', '客服']);
  expect(exported.get('张伟')![9]).toBe(zhangTotal);
  expect(exported.get('张伟')!.slice(10, 12)).toEqual(['优秀', 1.2]);
  expect(exported.get('张伟')![13]).toBe('已锁定');
  expect(exported.get('李娜')![9]).toBe(await totalOf('李娜'));
  const indicators = workbook.getWorksheet('指标数据')!;
  expect(indicators.getRow(2).getCell(3).value).toBe(97.5);

  // The other screens on this month, for a person to look at.
  for (const [tab, name] of [
    ['charts', 'appraisal-charts-zh'],
    ['calibration', 'appraisal-calibration-zh'],
    ['annual', 'appraisal-annual-zh'],
    ['plans', 'appraisal-plans-zh'],
    ['template', 'appraisal-template-zh'],
  ] as const) {
    await page.goto(page.url().replace(/#.*$/, `#/appraisal?tab=${tab}&period=${PERIOD}&group=${groupId}`));
    await expect(page.getByTestId(`appraisal-${tab}`)).toBeVisible();
    await page.waitForTimeout(400);
    await screenshot(page, name);
  }
  await expect(page.getByTestId('appraisal-template')).toContainText('月度绩效考核表');
  const failed = await api(page, 'appraisal.recordTraining', {
    personId: wang.id,
    kind: 'exam',
    title: '话术规范考试',
    takenOn: '2026-03-12',
    score: 52,
    passed: false,
    retakeOf: null,
    note: null,
  });
  expect(failed.pendingRetake).toBe(true);
  await page.goto(page.url().replace(/#.*$/, '#/appraisal?tab=training'));
  await expect(page.getByTestId('appraisal-training')).toContainText('待补考');
  await screenshot(page, 'appraisal-training-zh');
  await page.goto(page.url().replace(/#.*$/, `#/appraisal?tab=history&person=${li.id}`));
  await expect(page.getByTestId('history-chart')).toBeVisible();
  await screenshot(page, 'appraisal-history-zh');

  // English, as switched in the header.
  await page.goto(page.url().replace(/#.*$/, board));
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Board' })).toBeVisible();
  await expect(table).toContainText('Locked');
  await screenshot(page, 'appraisal-board-en');
  await page.getByTestId(`board-open-${li.id}`).click();
  await expect(page.getByTestId('appraisal-result')).toContainText('Result as consolidated');
  await screenshot(page, 'appraisal-form-en');
  await page.getByText('中文', { exact: true }).click();

  // The printable form, in Chinese: rendered to PDF by Chromium and read back as text.
  const zhangAppraisal = (await api(page, 'appraisal.board', { period: PERIOD, groupId })).rows[0].id;
  await page.goto(page.url().replace(/#.*$/, `#/print/appraisal-form?id=${zhangAppraisal}`));
  await expect(page.getByTestId('appraisal-print-sheet')).toBeVisible();
  await expect(page.locator('body[data-print-ready="1"]')).toHaveCount(1);
  await expect(page.getByTestId('print-total')).toHaveText(zhangTotal.toFixed(1));
  await screenshot(page, 'appraisal-print-zh');
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-apr-pdf-')), 'form.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  expect(text).toContain('网络咨询部员工绩效考核表');
  expect(text).toContain('张伟');
  expect(text).toContain('业绩突出');
  expect(text).toContain(zhangTotal.toFixed(1));
  expect(text).toContain('被考核人签字');
});
