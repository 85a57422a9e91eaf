import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AppHost } from '../app/host.ts';
import { contract } from '../contract.ts';
import { channelIds, findChannel } from '../ipc/contract-kit.ts';
import { t } from '../i18n/index.ts';
import { contentSecurityPolicy } from './csp.ts';

export const TOKEN_HEADER = 'x-banzu-token';
const MAX_BODY_BYTES = 110 * 1024 * 1024;

export interface ServerOptions {
  host: AppHost;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Browser mode: the same dispatcher as Electron's IPC, over HTTP on 127.0.0.1 only. A request
 * whose Host or Origin is not this server's own is refused with 403 (DNS rebinding, cross-site
 * pages); an API call without the per-launch token is refused with 401. Both before anything runs.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const ownHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const ownOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = http.createServer(async (req, res) => {
    try {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('x-frame-options', 'DENY');
      res.setHeader('cross-origin-resource-policy', 'same-origin');
      const origin = req.headers.origin;
      if (!ownHosts().has(req.headers.host ?? '') || (origin !== undefined && !ownOrigins().has(origin))) {
        return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: t('errors.forbidden') } });
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return await api(req, res, url);
      return serveStatic(req, res, url);
    } catch (error) {
      options.host.options.log?.('request failed', error);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } });
      else res.end();
    }
  });

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      return send(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: t('errors.forbidden') } });
    }
    if (url.pathname === '/api') {
      if (req.method !== 'GET') return send(res, 405, { ok: false, error: { code: 'NOT_FOUND', message: 'GET only' } });
      const channels = Object.fromEntries(
        channelIds(contract).map((id) => {
          const spec = findChannel(contract, id)!;
          return [
            id,
            {
              input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
              output: z.toJSONSchema(spec.output, { unrepresentable: 'any' }),
            },
          ];
        }),
      );
      return send(res, 200, { channels });
    }
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'NOT_FOUND', message: 'POST only' } }, { allow: 'POST' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, { ok: false, error: { code: 'VALIDATION', message: t('errors.badJson') } });
    }
    const body = await readBody(req);
    if (!body) return send(res, 413, { ok: false, error: { code: 'VALIDATION', message: t('errors.badJson') } });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: t('errors.badJson') } });
    }
    const channel = safeDecode(url.pathname.slice('/api/'.length));
    if (channel === undefined) return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: t('errors.badPath') } });
    return send(res, 200, await options.host.dispatch(channel, input));
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    const root = path.resolve(options.staticDir);
    const requested = safeDecode(url.pathname);
    if (requested === undefined) {
      res.writeHead(400);
      return res.end();
    }
    let file = path.resolve(root, `.${requested}`);
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(404);
      return res.end();
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('The renderer is not built: run `npm run build` first.');
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': contentTypes[ext] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
      'cache-control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
