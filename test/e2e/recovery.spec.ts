import fs from 'node:fs';
import path from 'node:path';
import { test, expect, screenshot, api, openApp } from './server.ts';

// A data file destroyed while the app was closed: the next start opens the recovery screen, which
// names the file and the reason, changes nothing, and restores the newest backup in one click,
// keeping the damaged file beside it.

test('a damaged data file opens the recovery screen; restoring the newest backup brings the data back', async ({ page, server }) => {
  await openApp(page, server);
  const group = await api(page, 'people.createGroup', { name: '一组' });
  await api(page, 'people.create', {
    employeeNo: 'E001',
    name: '张伟',
    groupId: group.id,
    role: 'leader',
    function: 'service',
    hireDate: '2024-03-01',
    firstEmploymentDate: '2020-07-01',
    dailyWageFen: null,
    phone: null,
    note: null,
  });
  await api(page, 'backup.create', {});

  await server.stop();
  const file = path.join(server.dataDir, 'banzu.db');
  for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
  const garbage = Buffer.from('这不是数据库 — not a database\n'.repeat(200));
  fs.writeFileSync(file, garbage);
  await server.restart();

  await page.goto(server.url);
  await expect(page.getByText('数据文件无法打开')).toBeVisible();
  await expect(page.getByText('原因：这个文件不是班组管家的数据文件，或已经损坏。')).toBeVisible();
  await expect(page.getByText(`文件：${file}`)).toBeVisible();
  await expect(page.getByTestId('restore-newest')).toBeVisible();
  await screenshot(page, 'recovery-zh');
  expect(fs.readFileSync(file).equals(garbage)).toBe(true);

  await api(page, 'system.setLanguage', { lang: 'en' });
  await page.reload();
  await expect(page.getByTestId('restore-newest')).toBeVisible();
  await screenshot(page, 'recovery-en');
  await api(page, 'system.setLanguage', { lang: 'zh-CN' });
  await page.reload();

  await page.getByTestId('restore-newest').click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.goto(`${new URL(server.url).origin}/#/people`);
  await expect(page.getByTestId('people-table').getByText('张伟')).toBeVisible();
  const kept = fs.readdirSync(server.dataDir).filter((f) => /^banzu-damaged-.*\.db$/.test(f));
  expect(kept).toHaveLength(1);
  expect(fs.readFileSync(path.join(server.dataDir, kept[0]!)).equals(garbage)).toBe(true);
});
