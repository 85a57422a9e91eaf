import { describe, it, expect, afterEach } from 'vitest';
import { openHost, type AppHost } from '../../main/app/host.ts';
import { sourceRoot } from '../../main/app/root.ts';
import { tempDir, ok, fails } from '../helpers/host.ts';

let host: AppHost;
afterEach(() => host.close());

describe('system.printPdf', () => {
  it('browser mode refuses it with a message that points to the browser print, in the user language', async () => {
    host = await openHost({ dataDir: tempDir(), appRoot: sourceRoot, mode: 'browser', version: 'test' });
    const input = { route: '/print/roster?month=2026-03', fileName: 'roster.pdf', landscape: true };
    const error = await fails(host, 'system.printPdf', input);
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain('打印');
    await ok(host, 'system.setLanguage', { lang: 'en' });
    expect((await fails(host, 'system.printPdf', input)).message).toContain('Print');
  });

  it('the desktop app returns the PDF its window printed, for the route asked', async () => {
    const routes: string[] = [];
    host = await openHost({
      dataDir: tempDir(),
      appRoot: sourceRoot,
      mode: 'electron',
      version: 'test',
      checkOutput: true,
      printToPdf: async (route, landscape) => {
        routes.push(`${route} ${landscape}`);
        return Buffer.from('%PDF-1.7 test');
      },
    });
    const file = await ok(host, 'system.printPdf', { route: '/print/roster?month=2026-03&groupId=1', fileName: '排班表.pdf', landscape: true });
    expect(file).toMatchObject({ fileName: '排班表.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(file.contentBase64, 'base64').toString()).toBe('%PDF-1.7 test');
    expect(routes).toEqual(['/print/roster?month=2026-03&groupId=1 true']);
  });

  it('only print routes can be rendered', async () => {
    host = await openHost({ dataDir: tempDir(), appRoot: sourceRoot, mode: 'electron', version: 'test', printToPdf: async () => Buffer.from('') });
    for (const route of ['/people', 'https://example.com/print/x', '/print/../settings', '/print/roster?x=<script>']) {
      expect((await fails(host, 'system.printPdf', { route, fileName: 'a.pdf', landscape: false })).code, route).toBe('VALIDATION');
    }
  });
});
