import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, screenshot, startServer, api } from './server.ts';

// Every screen and every tab of a seeded department, in English and in Chinese: nothing fails to
// render, no word is missing from the catalogue, the English chrome has no Chinese left in it, and
// each view is photographed for a human to look at (test-results/screens/tour-*).

/** Chinese characters and Chinese punctuation (，。：；（）《》、). */
const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** The one Chinese word the English catalogue keeps on purpose: the fund's own name. */
const keptTerm = '乐捐';

/** Text that belongs to the app rather than to the department's data: headings, tabs, buttons, column titles. */
const chrome = [
  'nav a',
  '.ant-card-head-title',
  '[role="tab"]',
  '.ant-btn',
  '.lb-default',
  '.lb-primary',
  '.vt-header-cell',
  'th',
  '.ant-empty-description',
  '.ant-result-title',
  '.ant-form-item-label',
  '.ant-statistic-title',
].join(', ');

async function visibleTexts(scope: Locator): Promise<string[]> {
  return scope.evaluateAll((elements) =>
    elements.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).innerText.trim()),
  );
}

/** Visits each area and each of its tabs, calling `look` on every view. */
async function tour(page: Page, look: (view: string) => Promise<void>) {
  const links = page.getByRole('navigation').getByRole('link');
  const count = await links.count();
  for (let a = 0; a < count; a++) {
    const link = links.nth(a);
    const area = (await link.getAttribute('href'))!.replace('#/', '');
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await page.waitForLoadState('networkidle');
    const tabs = page.locator('main [role="tablist"]').first().getByRole('tab');
    const tabCount = await tabs.count();
    if (tabCount === 0) await look(area);
    for (let i = 0; i < tabCount; i++) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      await page.waitForLoadState('networkidle');
      await look(`${area}-${i + 1}`);
    }
  }
}

test('every screen and tab of a seeded department in English and Chinese', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-tour-'));
  execFileSync(process.execPath, ['main/cli/seed.ts', '--people', '40', '--years', '1', '--out', path.join(dataDir, 'banzu.db')]);
  const server = await startServer(dataDir);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  try {
    await openApp(page, server);
    await page.locator('header').getByText('English', { exact: true }).click();
    await expect(page.getByRole('link', { name: 'People' })).toBeVisible();
    // The department's own words (names of people, groups, shifts) stay as they were typed.
    const people = await api<Array<{ name: string }>>(page, 'people.list');
    const org = await api<{ department: { name: string }; groups: Array<{ name: string }> }>(page, 'people.org');
    const data = [org.department.name, ...org.groups.map((g) => g.name), ...people.map((p) => p.name)].sort((a, b) => b.length - a.length);
    const untranslated: string[] = [];
    await tour(page, async (view) => {
      await expect(page.getByText('This screen could not be opened')).toHaveCount(0);
      for (const text of await visibleTexts(page.locator(chrome))) {
        const words = data.reduce((rest, name) => rest.replaceAll(name, ''), text).replaceAll(keptTerm, '');
        if (cjk.test(words)) untranslated.push(`${view}: ${text}`);
      }
      await screenshot(page, `tour-${view}-en`);
    });
    expect(untranslated).toEqual([]);

    await page.locator('header').getByText('中文', { exact: true }).click();
    await expect(page.getByRole('link', { name: '人员' })).toBeVisible();
    await tour(page, async (view) => {
      await expect(page.getByText('这个页面没能打开')).toHaveCount(0);
      await screenshot(page, `tour-${view}-zh`);
    });
    expect(problems).toEqual([]);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
