import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { AppHost } from '../../main/app/host.ts';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../main/server/http.ts';
import { contract } from '../../main/contract.ts';
import { channelIds } from '../../main/ipc/contract-kit.ts';
import { testHost, tempDir, count } from '../helpers/host.ts';

// Browser mode: the real server on 127.0.0.1, a random port, a temporary static folder. Every
// request is made with node's http module so that Host and Origin can be set freely.

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: () => any;
}

function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  port?: number;
  host?: string;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? '127.0.0.1',
        port: options.port ?? server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let host: AppHost;
let server: RunningServer;
let root: string;
let staticDir: string;
const secret = 'TOP-SECRET-OUTSIDE-THE-STATIC-FOLDER';
const indexHtml = '<!doctype html><title>班组管家</title><div id="root"></div>';

const own = () => ({ host: `127.0.0.1:${server.port}` });
const authed = (extra: Record<string, string> = {}) => ({ ...own(), [TOKEN_HEADER]: server.token, ...extra });
const api = (channel: string, input: unknown, headers: Record<string, string> = authed({ 'content-type': 'application/json' })) =>
  request({ method: 'POST', path: `/api/${channel}`, headers, body: JSON.stringify(input) });

beforeAll(async () => {
  root = tempDir('banzu-http-');
  staticDir = path.join(root, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(root, 'secret.txt'), secret);
  fs.mkdirSync(path.join(root, 'static-evil'));
  fs.writeFileSync(path.join(root, 'static-evil', 'x.txt'), secret);
  host = await testHost(path.join(root, 'data'));
  server = await startServer({ host, staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  host.close();
});

describe('browser mode server: who may call', () => {
  it('prints a 127.0.0.1 URL with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(24);
  });

  it('listens on 127.0.0.1 only', async () => {
    const refused = (address: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: server.port, timeout: 2000 });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
    expect(await refused('127.0.0.1')).toBe('connected');
    // Linux routes all of 127.0.0.0/8 to the loopback device: a server bound to 0.0.0.0 would answer here.
    if (process.platform === 'linux') expect(await refused('127.0.0.2')).not.toBe('connected');
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const address of ['::1', ...others]) expect(await refused(address), address).not.toBe('connected');
  });

  it('an API call without the token → 401, and nothing is written', async () => {
    const reply = await api('people.createGroup', { name: '一组' }, { ...own(), 'content-type': 'application/json' });
    expect(reply.status).toBe(401);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const groups = await api('people.org', {});
    expect(groups.json()).toMatchObject({ ok: true, value: { groups: [] } });
    expect(count(host, 'groups')).toBe(0);
    expect((await request({ path: '/api', headers: own() })).status).toBe(401);
  });

  it.each([
    ['a wrong token', 'x'.repeat(32)],
    ['the token with one character changed', 'token'],
    ['an empty token', ''],
    ['the token with a suffix', 'suffix'],
  ])('%s → 401, and nothing is written', async (_label, variant) => {
    const token =
      variant === 'token'
        ? server.token.slice(0, -1) + (server.token.endsWith('a') ? 'b' : 'a')
        : variant === 'suffix'
          ? `${server.token}x`
          : variant;
    const reply = await api(
      'people.createGroup',
      { name: '一组' },
      { ...own(), [TOKEN_HEADER]: token, 'content-type': 'application/json' },
    );
    expect(reply.status).toBe(401);
    expect(count(host, 'groups')).toBe(0);
  });

  it.each([
    ['a foreign host name (DNS rebinding)', () => `evil.example:${server.port}`],
    ['our address on another port', () => `127.0.0.1:${server.port + 1}`],
    ['our address without the port', () => '127.0.0.1'],
    ['localhost on another port', () => `localhost:${server.port === 1 ? 2 : 1}`],
    ['a subdomain trick', () => `127.0.0.1:${server.port}.evil.example`],
  ])('Host: %s → 403 even with the right token, and nothing is written', async (_label, hostHeader) => {
    const reply = await api('people.createGroup', { name: '一组' }, authed({ host: hostHeader(), 'content-type': 'application/json' }));
    expect(reply.status).toBe(403);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await request({ path: '/', headers: { host: hostHeader() } })).status).toBe(403);
    expect(count(host, 'groups')).toBe(0);
  });

  it('a request without any Host header (HTTP/1.0) → 403', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: server.port }, () => socket.write('GET / HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (c) => (data += c.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it.each([
    ['a foreign site', 'https://evil.example'],
    ['our address on another port', () => `http://127.0.0.1:${server.port + 1}`],
    ['https instead of http', () => `https://127.0.0.1:${server.port}`],
    ['a sandboxed frame (null)', 'null'],
    ['a file:// page', 'file://'],
  ])('Origin: %s → 403 even with the right token, and nothing is written', async (_label, origin) => {
    const value = typeof origin === 'function' ? origin() : origin;
    const reply = await api('people.createGroup', { name: '一组' }, authed({ origin: value, 'content-type': 'application/json' }));
    expect(reply.status).toBe(403);
    expect(count(host, 'groups')).toBe(0);
  });

  it('a valid call works, also with our own Origin and with localhost', async () => {
    const reply = await api(
      'people.createGroup',
      { name: '一组' },
      authed({ origin: `http://127.0.0.1:${server.port}`, 'content-type': 'application/json' }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: true, value: { name: '一组' } });
    const viaLocalhost = await api(
      'people.org',
      {},
      authed({ host: `localhost:${server.port}`, 'content-type': 'application/json; charset=utf-8' }),
    );
    expect(viaLocalhost.json().value.groups.map((g: any) => g.name)).toEqual(['一组']);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    // Errors travel as values with status 200, as over IPC.
    const invalid = await api('people.createGroup', { name: '' });
    expect(invalid.status).toBe(200);
    expect(invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'name' }] } });
    const unknown = await api('people.nope', {});
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('browser mode server: the API', () => {
  it('GET /api lists every channel with JSON schemas of its input and output', async () => {
    const reply = await request({ path: '/api', headers: authed() });
    expect(reply.status).toBe(200);
    const { channels } = reply.json();
    expect(Object.keys(channels).sort()).toEqual(channelIds(contract).sort());
    for (const [id, schemas] of Object.entries<any>(channels)) {
      expect(schemas.input, id).toHaveProperty('$schema');
      expect(schemas.output, id).toHaveProperty('$schema');
    }
    expect(channels['people.create'].input.required).toEqual(expect.arrayContaining(['employeeNo', 'name', 'hireDate']));
    expect(channels['people.create'].input.properties.role.enum).toEqual(['manager', 'supervisor', 'leader', 'agent']);
  });

  it('bad JSON → 400, wrong content type → 415, GET on a channel → 405; none of them writes', async () => {
    const groups = count(host, 'groups');
    const bad = await request({
      method: 'POST',
      path: '/api/people.createGroup',
      headers: authed({ 'content-type': 'application/json' }),
      body: '{"name": "二组"',
    });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const wrongType = await request({
        method: 'POST',
        path: '/api/people.createGroup',
        headers: authed({ 'content-type': contentType }),
        body: JSON.stringify({ name: '二组' }),
      });
      expect(wrongType.status, contentType).toBe(415);
    }
    const noType = await request({
      method: 'POST',
      path: '/api/people.createGroup',
      headers: authed(),
      body: JSON.stringify({ name: '二组' }),
    });
    expect(noType.status).toBe(415);
    const get = await request({ path: '/api/people.list', headers: authed() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(
      (
        await request({
          method: 'PUT',
          path: '/api/people.createGroup',
          headers: authed({ 'content-type': 'application/json' }),
          body: '{}',
        })
      ).status,
    ).toBe(405);
    expect(
      (await request({ method: 'POST', path: '/api', headers: authed({ 'content-type': 'application/json' }), body: '{}' })).status,
    ).toBe(405);
    expect(count(host, 'groups')).toBe(groups);
  });

  it('a malformed percent-encoding in the channel name is a client error, not a server error', async () => {
    const reply = await request({
      method: 'POST',
      path: '/api/people.%E0%A4%A',
      headers: authed({ 'content-type': 'application/json' }),
      body: '{}',
    });
    expect(reply.status).toBeGreaterThanOrEqual(200);
    expect(reply.status).toBeLessThan(500);
  });

  it('a channel named after an Object.prototype property is NOT_FOUND, not a server error', async () => {
    const reply = await api('__proto__.toString', {});
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('browser mode server: static files', () => {
  it('serves index.html and assets with the CSP, and index.html for app routes', async () => {
    const index = await request({ path: '/', headers: own() });
    expect(index.status).toBe(200);
    expect(index.body).toBe(indexHtml);
    expect(index.headers['content-security-policy']).toBeTruthy();
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect((await request({ path: '/assets/app.js', headers: own() })).body).toBe('console.log("app")');
    expect((await request({ path: '/people/42', headers: own() })).body).toBe(indexHtml);
    expect((await request({ method: 'POST', path: '/', headers: own() })).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/../static-evil/x.txt',
    '/..%2fstatic-evil%2fx.txt',
    '/%2e%2e%2fstatic-evil/x.txt',
    '//../secret.txt',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/secret.txt%00.html',
  ])('never serves a file outside the static folder: %s', async (target) => {
    const reply = await request({ path: target, headers: own() });
    expect(reply.body).not.toContain(secret);
    expect(reply.body).not.toMatch(/root:.*:0:0:/);
    expect([200, 400, 403, 404]).toContain(reply.status);
    if (reply.status === 200) expect(reply.body).toBe(indexHtml);
  });
});
