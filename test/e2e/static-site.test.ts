/**
 * The site `notemap build` writes works from a subfolder of a static host
 * (a GitHub Pages project site: https://user.github.io/notes/), with only
 * relative URLs, and shows no draft.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { run as build } from '../../src/cli/cmd-build.js';
import { launchBrowser, openMapAt, type Session } from './browser.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-subfolder-'));
let server: http.Server;
let base = '';
let session: Session;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

beforeAll(async () => {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await build(parseCliArgs(['build', path.resolve(__dirname, '../fixtures/drafts-vault'), '--out-dir', path.join(tmp, 'notes'), '--quiet']));
  } finally {
    process.stdout.write = write;
  }
  // A plain static host: files under tmp, nothing else; every request is logged.
  server = http.createServer((req, res) => {
    const file = path.join(tmp, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const target = file.endsWith('/') ? path.join(file, 'index.html') : file;
    if (!target.startsWith(tmp) || !fs.existsSync(target) || !fs.statSync(target).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', TYPES[path.extname(target)] ?? 'application/octet-stream');
    fs.createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  session = await launchBrowser();
});
afterAll(async () => {
  await session?.close();
  server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the static site', () => {
  it('opens from a subfolder, fetching only inside it', async () => {
    const requests: string[] = [];
    const { page, errors } = await openMapAt(session, `${base}/notes/`, async (p) => {
      p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    });
    const nodes = await page.evaluate(() => window.__notemap!.graph.nodes().sort());
    expect(nodes).toEqual(['Published essay.md', 'index.md']);
    expect(requests.filter((r) => !r.startsWith('/notes/'))).toEqual([]);
    // The graph came from the subfolder (the compact file, or graph.json when the map falls back to it).
    expect(requests.some((r) => /^\/notes\/graph\.(json|compact\.bin)$/.test(r))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
