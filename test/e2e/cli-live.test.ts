/**
 * The installed command's server follows the vault live (src/cli/serve-run.ts):
 * `notemap <vault>` on a temporary copy of the sample vault, a real Chromium
 * on its page; a saved note reaches the page over the SSE stream as a diff,
 * applied in place: the new link appears, the page is not reloaded (a window
 * marker survives), the selection stays, the status line says what was
 * updated. A second start on the unchanged vault reads no note again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../src/core/contract.js';
import { launchBrowser, openMapAt, saveScreenshot, settle, type Session } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let tmp: string;
let vault: string;
let session: Session;

interface Running {
  child: ChildProcess;
  url: string;
  /** Everything printed so far. */
  output: () => string;
}

/** Starts `notemap <vault>` (from the sources, as the bundle runs them) and waits for its URL line. */
function startCli(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/notemap.ts'), vault, '--no-open', '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT, // tsx resolves from here
    env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`notemap did not start: ${out}`)), 45_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const url = /the map is at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`notemap exited (${code}): ${out}`)));
  });
}

function stopCli(running: Running): Promise<void> {
  return new Promise((resolve) => {
    if (running.child.exitCode !== null) return resolve();
    running.child.once('exit', () => resolve());
    running.child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-cli-live-'));
  vault = path.join(tmp, 'vault');
  fs.cpSync(path.join(ROOT, 'data/vault'), vault, { recursive: true });
  session = await launchBrowser();
});

afterAll(async () => {
  await session?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('notemap <vault> (the installed CLI) follows edits live', () => {
  it('applies a saved note in place over SSE, and starts again from the cache', async () => {
    const running = await startCli();
    try {
      const { page, errors } = await openMapAt(session, running.url);
      // The map's own copy of the graph, to pick a note and a target it does not link yet.
      const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>();
      graph.import(await page.evaluate(() => window.__notemap!.graph.export()));
      const notes = graph.filterNodes((_k, a) => a.kind === 'note');
      const source = notes.find((k) => k.endsWith('.md') && graph.outDegree(k) > 0)!;
      const target = notes.find((k) => k !== source && !graph.hasEdge(source, k) && /^[\w ]+$/.test(graph.getNodeAttribute(k, 'title')))!;
      await page.evaluate((k) => window.__notemap!.store.set({ selected: k, panel: 'summary' }), source);
      await settle(page);
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

      fs.appendFileSync(path.join(vault, source), `\n\nSee also [[${graph.getNodeAttribute(target, 'title')}]].\n`);
      await expect.poll(() => page.evaluate(([s, t]) => window.__notemap!.graph.hasEdge(s, t), [source, target]), { timeout: 20_000 }).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
      expect(await page.evaluate(() => window.__notemap!.store.get().selected)).toBe(source);
      await expect.poll(() => page.locator('#live-status').textContent()).toMatch(/^updated 1 note in [\d.]+ s$/);
      expect(running.output()).toMatch(/notemap: updated 1 note in [\d.]+ s/);
      await saveScreenshot(page, 'cli-live-new-link.png');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await stopCli(running);
    }

    // Stopping saved the cache: a second start on the unchanged vault reads no note again.
    const again = await startCli();
    try {
      expect(again.output()).toMatch(/from the cache, 0 note\(s\) read again/);
    } finally {
      await stopCli(again);
    }
  });
});
