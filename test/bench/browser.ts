import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../main/server/http.ts';
import { ensureRendererBuilt } from '../../main/app/renderer-build.ts';
import { chromiumArgs } from '../../playwright.config.ts';
import { seededDatabase, hostOnCopy, medianFirstRender, percentile } from './fixtures.ts';

function post(port: number, token: string, channel: string, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${channel}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-banzu-token': token },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/**
 * ipc.browser_roundtrip_p95_ms: a small read channel over browser mode, 1,000 calls.
 * people.table_render_ms: the people screen with the seeded department (300 active people) in
 * Chromium, from the route change to the first rows painted, data fetch included.
 */
export async function browserBenchmarks(root: string): Promise<Record<string, number>> {
  await ensureRendererBuilt(root, () => undefined);
  const host = await hostOnCopy(root, await seededDatabase(root));
  const server = await startServer({ host, staticDir: path.join(root, 'out', 'renderer') });
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 50; i++) await post(server.port, server.token, 'system.status', agent);
    const times: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const started = performance.now();
      await post(server.port, server.token, 'system.status', agent);
      times.push(performance.now() - started);
    }
    agent.destroy();

    const browser = await chromium.launch({ executablePath: process.env.BANZU_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
    let tableRender: number;
    try {
      tableRender = await medianFirstRender(browser, server.url, '#/people', '[data-testid="people-table"] .vt-body-row', 5);
    } finally {
      await browser.close();
    }
    return { 'ipc.browser_roundtrip_p95_ms': percentile(times, 95), 'people.table_render_ms': tableRender };
  } finally {
    await server.close();
    host.close();
  }
}
