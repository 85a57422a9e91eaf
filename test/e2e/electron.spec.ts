import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, _electron as electron } from '@playwright/test';
import { installedElectron } from '../../main/app/electron-binary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = installedElectron(root);

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, 'Electron binary not installed on this machine (it cannot be downloaded here); browser mode covers the app');

  test('starts with the security baseline and makes one round trip through window.api', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banzu-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: [root, '--data-dir', dataDir] });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('navigation')).toBeVisible();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        const p = (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
        return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      // Only window.api is exposed: no Node, no ipcRenderer.
      expect(
        await page.evaluate(() => [
          typeof (globalThis as any).require,
          typeof (globalThis as any).process,
          typeof (globalThis as any).ipcRenderer,
        ]),
      ).toEqual(['undefined', 'undefined', 'undefined']);
      const created = await page.evaluate(() => (globalThis as any).api.people.createGroup({ name: '一组' }));
      expect(created).toMatchObject({ ok: true, value: { name: '一组' } });
      const list = await page.evaluate(() => (globalThis as any).api.people.org({}));
      expect(list.value.groups.map((g: { name: string }) => g.name)).toEqual(['一组']);
      // Navigation away and new windows are denied.
      await page.evaluate(() => globalThis.open('https://example.com'));
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
