/**
 * e2e helpers: one headless Chromium (playwright-core, the system's
 * /usr/bin/chromium), a fresh page on the built site that waits until the
 * map is ready, the expected data read from graph.json, and a pixel count
 * of what is drawn.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../src/core/contract.js';
import type { MapGraph } from '../../src/app/state/visibility.js';
import { runPipeline } from '../../src/extract/pipeline.js';
import { serializeGraph } from '../../src/extract/write.js';

// The page's own count format (`1204` -> `1,204`), so the tests expect what it writes.
export { formatCount } from '../../src/app/dom.js';

// main.ts declares `window.__notemap` (its NotemapHook); the XSS fixture would set `__pwned`.
export type { NotemapHook } from '../../src/app/main.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Software WebGL, so sigma draws without a GPU.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launch Chromium with a fresh profile; `close` removes it. */
export async function launchBrowser(): Promise<Session> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Errors thrown in the page, collected so a test can assert there were none. */
export interface OpenedPage {
  page: Page;
  errors: string[];
}

/**
 * Open the site (optionally at `?query`), wait for `window.__notemap.ready`.
 * `prepare` runs before navigation (to install routes).
 */
export function openMap(session: Session, query = '', prepare?: (page: Page) => Promise<void>, waitReady = true): Promise<OpenedPage> {
  return openMapAt(session, inject('baseUrl') + query, prepare, waitReady);
}

/** Like openMap, at any URL (the dev-server test). */
export async function openMapAt(session: Session, url: string, prepare?: (page: Page) => Promise<void>, waitReady = true): Promise<OpenedPage> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(10_000); // fail in seconds, not the 30 s default
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  if (prepare) await prepare(page);
  await page.goto(url);
  if (waitReady) await waitForMap(page);
  return { page, errors };
}

/**
 * Answer the page's graph.json with `body` (and `status`), and its compact
 * files with 404, so the page loads that graph.json and not the built site's
 * compact graph.
 */
export async function serveGraphJson(page: Page, body: string, status = 200): Promise<void> {
  await page.route('**/graph.json', (route) => route.fulfill({ status, contentType: 'application/json', body }));
  await page.route(/\/graph\.(compact\.bin|details\.\d+\.json)$/, (route) => route.fulfill({ status: 404, body: '' }));
}

/** Resolve once main.ts has loaded the graph and drawn the first frame. */
export async function waitForMap(page: Page): Promise<void> {
  // Fail fast with the page's own message when the map cannot start.
  await page.waitForFunction(() => window.__notemap !== undefined || !document.getElementById('message')?.hidden, undefined, { timeout: 20_000 });
  const message = await page.evaluate(() => (window.__notemap ? null : document.getElementById('message')?.textContent ?? ''));
  if (message !== null) throw new Error(`the map did not start: ${message}`);
  await page.evaluate(() => window.__notemap!.ready);
}

/** Stop the layout (so screen positions hold still) by the toolbar's pause button. */
export async function settle(page: Page): Promise<void> {
  const running = await page.evaluate(() => window.__notemap!.layoutRunning());
  if (running) {
    const pause = page.locator('#btn-pause');
    if ((await pause.getAttribute('aria-pressed')) !== 'true') await pause.click();
    await page.waitForFunction(() => !window.__notemap!.layoutRunning(), undefined, { timeout: 10_000 });
  }
  // Let the camera animation and the last frame finish.
  await page.waitForTimeout(400);
}

/** The sample graph as served, loaded with graphology. */
export function loadGraph(file: string = inject('graphPath')): MapGraph {
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.import(JSON.parse(fs.readFileSync(file, 'utf8')));
  return graph;
}

/**
 * Pixels of an element's screenshot that differ from its dominant color
 * (the background), decoded in the page with a 2D canvas so no PNG library
 * is needed. Returns the count and the total.
 */
export async function inkPixels(page: Page, selector = '#graph'): Promise<{ ink: number; total: number }> {
  const png = await page.locator(selector).screenshot();
  const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, img.width, img.height);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const rgb = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
    }
    let bg = 0;
    let best = -1;
    for (const [rgb, n] of counts) if (n > best) [bg, best] = [rgb, n];
    const [br, bgc, bb] = [(bg >> 16) & 255, (bg >> 8) & 255, bg & 255];
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - br) + Math.abs(data[i + 1] - bgc) + Math.abs(data[i + 2] - bb) > 30) ink++;
    }
    return { ink, total: data.length / 4 };
  }, dataUrl);
}

/** Write a screenshot of the page into test-artifacts/. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(inject('artifactsDir'), name);
  await page.screenshot({ path: file });
  return file;
}

/** Writes `files` into the folder `dir` and builds it as `notemap graph` does: the graph.json text to serve (serveGraphJson). */
export async function buildVaultJson(dir: string, files: Iterable<{ path: string; text: string }>): Promise<string> {
  for (const file of files) {
    const full = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, file.text);
  }
  const result = await runPipeline(dir, { builtAt: '2026-01-01T00:00:00.000Z' });
  return serializeGraph(result.graph).join('');
}
