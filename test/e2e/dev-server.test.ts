/**
 * The dev server (`npm start` runs the same createServer): the map loads
 * graph.json from the plugin's middleware, and the summary's "Open in
 * editor" reaches the guarded endpoint, which opens the note's file (a
 * stand-in editor records the path) and refuses paths outside the vault.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loadGraph, openMapAt, type Session } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let session: Session;
let server: ViteDevServer;
let base: string;
let tmp: string;
const graph = loadGraph();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-dev-'));
  const editor = path.join(tmp, 'editor.sh');
  fs.writeFileSync(editor, `#!/bin/sh\nprintf '%s' "$1" > '${path.join(tmp, 'opened.txt')}'\n`, { mode: 0o755 });
  process.env.LAUNCH_EDITOR = editor;
  process.env.NOTEMAP_GRAPH = inject('graphPath');
  process.env.NOTEMAP_VAULT = path.join(ROOT, 'data/vault');
  server = await createServer({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  base = `http://127.0.0.1:${address.port}/`;
  session = await launchBrowser();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the dev server', () => {
  it('draws the map and opens the selected note in the editor', async () => {
    const key = graph.findNode((_k, a) => a.kind === 'note' && a.path.includes('/'))!;
    const { page, errors } = await openMapAt(session, `${base}?note=${encodeURIComponent(key)}`);
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(graph.getNodeAttribute(key, 'title'));
    const obsidian = await page.locator('#summary a', { hasText: 'Open in Obsidian' }).getAttribute('href');
    expect(obsidian).toBe(`obsidian://open?vault=vault&file=${encodeURIComponent(key.replace(/\.[^.]+$/, ''))}`);
    await page.locator('#summary button', { hasText: 'Open in editor' }).click();
    await expect.poll(() => page.locator('#summary .action-status').textContent()).toBe('Sent to your editor.');
    const opened = path.join(tmp, 'opened.txt');
    await expect.poll(() => fs.existsSync(opened) && fs.readFileSync(opened, 'utf8')).toBe(path.join(ROOT, 'data/vault', key));
    // The page's own request without its token, and Vite's old unguarded route, open nothing.
    const refused = await page.evaluate(async () => [
      (await fetch('/__notemap/open-in-editor', { method: 'POST', body: JSON.stringify({ file: '../../package.json' }) })).status,
      (await fetch('/__open-in-editor?file=../../package.json')).status,
    ]);
    expect(refused).toEqual([403, 404]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
