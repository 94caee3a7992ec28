/**
 * The real dev server (this project's vite.config.ts) over raw HTTP, with a
 * stand-in editor (LAUNCH_EDITOR) that records every path it is asked to
 * open: no spelling of an editor route and no request from another origin
 * opens anything; the page's own request opens exactly the vault file it
 * names; and only the current vault's /graph.json is served, never other
 * graph files, caches, fixtures or notes.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_TOKEN_HEADER, EDITOR_TOKEN_META } from '../../../src/core/open-in-editor.js';
import { ROOT } from '../cli/run-script.js';

let tmp: string;
let vault: string;
let server: ViteDevServer;
let port: number;
let origin: string;
let token: string;
let log: string;
const SECRET = `notemap-secret-${process.pid}-${Date.now()}`;
const planted: string[] = [];

interface Reply { status: number; body: string }

/** One raw HTTP request: the path goes out exactly as written (no URL normalising). */
function request(method: string, rawPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: rawPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const opened = (): string[] => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);

/** Headers of the map page's own request. */
const pageHeaders = (): Record<string, string> => ({
  Origin: origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json', [EDITOR_TOKEN_HEADER]: token,
});
const openRequest = (file: string, headers = pageHeaders(), route = '/__notemap/open-in-editor', method = 'POST'): Promise<Reply> =>
  request(method, route, headers, JSON.stringify({ file }));

const plant = (file: string): string => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ secret: SECRET }));
  planted.push(file);
  return file;
};

beforeAll(async () => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-guard-')));
  vault = path.join(tmp, 'My Vault');
  fs.mkdirSync(path.join(vault, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(vault, 'sub', 'a note.md'), `# a\n${SECRET}\n`);
  fs.writeFileSync(path.join(vault, 'b.md'), '# b\n');
  fs.writeFileSync(path.join(vault, 'c.md:3'), '# colon\n');
  fs.writeFileSync(path.join(tmp, 'secret.md'), `${SECRET}\n`);
  fs.symlinkSync(path.join(tmp, 'secret.md'), path.join(vault, 'link.md'));
  log = path.join(tmp, 'opened.log');
  const editor = path.join(tmp, 'editor.sh');
  fs.writeFileSync(editor, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${log}'; done\n`, { mode: 0o755 });
  const cache = path.join(tmp, 'cache');
  const graphPath = path.join(cache, 'notemap', 'current', 'graph.json');
  fs.mkdirSync(path.dirname(graphPath), { recursive: true });
  fs.writeFileSync(graphPath, JSON.stringify({ current: true }));
  plant(path.join(cache, 'notemap', 'other-vault-0123456789', 'graph.json'));
  plant(path.join(ROOT, 'data', `graph-${process.pid}.notemap-test.json`));
  plant(path.join(ROOT, '.notemap-cache', `other-${process.pid}.notemap-test.json`));
  plant(path.join(ROOT, 'test', `secret-${process.pid}.notemap-test.json`));
  Object.assign(process.env, { LAUNCH_EDITOR: editor, NOTEMAP_VAULT: vault, NOTEMAP_GRAPH: graphPath, XDG_CACHE_HOME: cache });
  server = await createServer({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  port = address.port;
  origin = `http://127.0.0.1:${port}`;
  const html = (await request('GET', '/')).body;
  token = new RegExp(`<meta name="${EDITOR_TOKEN_META}" content="([^"]+)"`).exec(html)?.[1] ?? '';
});

afterAll(async () => {
  await server?.close();
  for (const file of planted) fs.rmSync(file, { force: true });
  fs.rmSync(path.join(ROOT, '.notemap-cache'), { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('open in editor', () => {
  it('gives the page a token and opens exactly the vault file the page names', async () => {
    expect(token).toMatch(/^[\w-]{20,}$/);
    fs.rmSync(log, { force: true });
    expect((await openRequest('sub/a note.md')).status).toBe(200);
    await expect.poll(opened).toEqual([path.join(vault, 'sub', 'a note.md')]);
    // A name ending in :<number> is that very file, not line 3 of another.
    fs.rmSync(log, { force: true });
    expect((await openRequest('c.md:3')).status).toBe(200);
    await expect.poll(opened).toEqual([path.join(vault, 'c.md:3')]);
  });

  it('opens nothing outside the vault, and no other file than the one named', async () => {
    fs.rmSync(log, { force: true });
    for (const file of ['../secret.md', '/etc/passwd', path.join(tmp, 'secret.md'), 'link.md', 'b.md:1', 'b.md:1:2',
      'sub/../../secret.md', 'sub//a note.md', './b.md', 'sub/a%20note.md', 'sub\\a note.md', '', 'sub', 'b.md\0x']) {
      const reply = await openRequest(file);
      expect(reply.status, file).toBe(403);
    }
    expect((await request('POST', '/__notemap/open-in-editor', pageHeaders(), '{"file": 1}')).status).toBe(400);
    expect((await request('POST', '/__notemap/open-in-editor', pageHeaders(), 'not json')).status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(opened()).toEqual([]);
  });

  it('refuses requests that are not the page\'s own: wrong origin, cross-site, no or wrong token, not POST', async () => {
    fs.rmSync(log, { force: true });
    const { Origin: _o, ...noOrigin } = pageHeaders();
    const { [EDITOR_TOKEN_HEADER]: _t, ...noToken } = pageHeaders();
    const variants: [string, Record<string, string>][] = [
      ['evil origin', { ...pageHeaders(), Origin: 'http://evil.example' }],
      ['another local port', { ...pageHeaders(), Origin: 'http://127.0.0.1:1' }],
      ['localhost for 127.0.0.1', { ...pageHeaders(), Origin: `http://localhost:${port}` }],
      ['null origin', { ...pageHeaders(), Origin: 'null' }],
      ['no origin', noOrigin],
      ['cross-site', { ...pageHeaders(), 'Sec-Fetch-Site': 'cross-site' }],
      ['same-site', { ...pageHeaders(), 'Sec-Fetch-Site': 'same-site' }],
      ['none', { ...pageHeaders(), 'Sec-Fetch-Site': 'none' }],
      ['no token', noToken],
      ['wrong token', { ...pageHeaders(), [EDITOR_TOKEN_HEADER]: token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a') }],
      ['empty token', { ...pageHeaders(), [EDITOR_TOKEN_HEADER]: '' }],
      ['rebound host name', { ...pageHeaders(), Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` }],
    ];
    for (const [name, headers] of variants) {
      expect((await openRequest('b.md', headers)).status, name).toBeGreaterThanOrEqual(400);
    }
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']) {
      const reply = await request(method, `/__notemap/open-in-editor?file=b.md`, pageHeaders());
      expect(reply.status, method).toBeGreaterThanOrEqual(400);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(opened()).toEqual([]);
  });

  it('no spelling of an editor route reaches a launcher without the checks (Vite\'s own is gone)', async () => {
    fs.rmSync(log, { force: true });
    const routes = [
      '/__open-in-editor', '/__OPEN-IN-EDITOR', '/__Open-In-Editor', '/__open-in-editor/', '/__open-in-editor/x',
      '/__open-in-editor.x', '/__open-in-editor.html', '//__open-in-editor', '/./__open-in-editor', '/a/../__open-in-editor',
      '/__open-in-%65ditor', '/%5F%5Fopen-in-editor', '/%255F%255Fopen-in-editor', '/__open-in-editor%2F', '/__open-in-editor;x',
      '/__notemap/open-in-editor/x', '/__notemap/open-in-editor.x', '/__NOTEMAP/OPEN-IN-EDITOR/', '/__notemap//open-in-editor/x',
    ];
    const files = ['/etc/passwd', path.join(tmp, 'secret.md'), path.join(vault, 'b.md'), 'b.md', `${path.join(vault, 'b.md')}:1`];
    for (const route of routes) {
      for (const file of files) {
        const query = `?file=${encodeURIComponent(file)}`;
        for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS']) {
          // With the page's headers minus the token, and with a cross-site origin.
          const { [EDITOR_TOKEN_HEADER]: _t, ...noToken } = pageHeaders();
          await request(method, route + query, noToken, JSON.stringify({ file }));
          await request(method, route + query, { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' });
        }
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(opened()).toEqual([]);
  });
});

describe('what the dev server serves', () => {
  it('serves the current vault\'s graph at /graph.json', async () => {
    const reply = await request('GET', '/graph.json');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ current: true });
  });

  it('never serves another graph, a cache, a fixture or a note, whatever the spelling', async () => {
    const other = path.join(tmp, 'cache', 'notemap', 'other-vault-0123456789', 'graph.json');
    const files = [
      `/data/graph-${process.pid}.notemap-test.json`, `/.notemap-cache/other-${process.pid}.notemap-test.json`, `/test/secret-${process.pid}.notemap-test.json`,
      '/test/fixtures/xss-vault/evil.md', '/data/vault/' + fs.readdirSync(path.join(ROOT, 'data/vault')).find((f) => f.endsWith('.md')),
    ];
    const paths: string[] = [];
    for (const file of files) {
      const encoded = file.replace(/a/, '%61');
      paths.push(file, file.toUpperCase(), `/${file}`, `/src/..${file}`, `/.${file}`, encoded, `${file}?import`, `${file}?raw`,
        `${file}?url`, `${file}?raw&import`, `/@fs${ROOT}${file}`, `/@fs${ROOT}${file}?raw`, `/@id${file}`, `/@id/${ROOT}${file}?raw`);
    }
    for (const abs of [other, path.join(vault, 'sub', 'a note.md'), path.join(tmp, 'secret.md'), path.join(vault, 'link.md')]) {
      paths.push(`/@fs${abs}`, `/@fs${abs}?raw`, `/@fs${abs}?import`, `/@id${abs}`, `/@fs${encodeURI(abs)}?raw`);
    }
    const leaks: string[] = [];
    for (const p of paths) {
      const reply = await request('GET', p.replace(/ /g, '%20'));
      if (reply.body.includes(SECRET) || (p.includes('evil.md') && reply.body.includes('<script>'))) leaks.push(`${p} -> ${reply.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it('still serves the app itself', async () => {
    expect((await request('GET', '/src/app/main.ts')).status).toBe(200);
    expect((await request('GET', '/@vite/client')).status).toBe(200);
    expect((await request('GET', '/vault.json')).body).toContain('My Vault');
  });
});
