/**
 * The viewer's bench figures for a built graph: build the site once, serve it
 * with the graph (the same middleware `npm start` uses), open it in headless
 * Chromium with software WebGL (test/e2e/browser.ts's flags) and read:
 *
 * - open: from the graph data's arrival (DATA_ARRIVED_MARK, set when its
 *   bytes are in and before any parsing) to the first painted frame
 *   (FIRST_FRAME_MARK, or the moment the GPU has finished that frame if it
 *   is later), and from navigation to that frame;
 * - pan: frame times while the mouse drags the stage across the map, one move
 *   a frame as a real mouse at display rate (median, 95th percentile, worst),
 *   and the release until the map is redrawn;
 * - bytes of graph.json, of the compact file and of all details chunks.
 *
 * `source: 'json'` hides the compact files, so the page loads graph.json the
 * old way: the ratio of the two is the compact payload's gain, measured in
 * the same run on the same machine.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { compactFileName, detailsFileName } from '../../src/core/compact.js';
import { newEditorToken } from '../../src/serve/editor-endpoint.js';
import { createGraphMiddleware } from '../../src/serve/graph-middleware.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export interface ViewerFigures {
  source: 'compact' | 'json';
  nodes: number;
  edges: number;
  /** Data arrived -> first painted frame, ms. */
  openMs: number;
  /** Navigation -> first painted frame, ms. */
  navigationMs: number;
  /** The page's own marks (notemap:*) in ms since navigation: where the opening time goes. */
  stages: [string, number][];
  /** Frame times while dragging the stage (one move a frame), ms. */
  panFrameMs: { median: number; p95: number; max: number; frames: number };
  /** From the drag's release until its redraw is drawn (or the longest frame in the second after it), ms. */
  panReleaseMs: number;
  bytes: { graphJson: number; compact: number; details: number };
}

/** The app built once into a temp folder (any graph will do: the graph is served separately). */
export async function buildViewerSite(graphPath: string, options: { minify?: boolean } = {}): Promise<{ dir: string; dispose(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-bench-site-'));
  const saved = { NOTEMAP_GRAPH: process.env.NOTEMAP_GRAPH, NODE_ENV: process.env.NODE_ENV };
  process.env.NOTEMAP_GRAPH = graphPath;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir: dir, emptyOutDir: true, minify: options.minify ?? true } });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Serve `siteDir`'s app with `graphPath`'s graph files on a free localhost port. */
export async function serve(siteDir: string, graphPath: string): Promise<{ url: string; close(): Promise<void> }> {
  const graphFiles = createGraphMiddleware({ graphPath, vaultPath: path.dirname(graphPath), token: newEditorToken() });
  const server = http.createServer((req, res) => {
    graphFiles(req, res, () => {
      const name = decodeURIComponent((req.url ?? '/').split(/[?#]/, 1)[0]);
      const file = path.join(siteDir, name === '/' ? 'index.html' : path.normalize(name));
      if (!file.startsWith(siteDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      fs.createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench-viewer: no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * Drag the stage across the map as a mouse does at display rate: one move per
 * animation frame for `steps` frames (dispatched in the page, so that the
 * pace is the browser's own and not the DevTools round trip's), then release.
 * Returns the drag's frame times (every one of them drew a moved camera) and
 * the release's cost: the time from the release until the redraw that
 * follows it is finished on the GPU (or the longest frame in the second
 * after it, if longer).
 */
async function panFrames(page: Page, steps: number): Promise<{ drag: number[]; release: number }> {
  const box = (await page.locator('#graph').boundingBox())!;
  // A string, not a function: tsx's name helpers (`__name`) do not exist in the page.
  // Start where no node is (a press on a node would drag the node): the first free corner, or a free point on the
  // left edge; sigma's own picking decides, as it does for a press. The drag goes half the map towards its middle.
  return page.evaluate(`new Promise((resolve, reject) => {
    const box = ${JSON.stringify(box)};
    const sigma = window.__notemap.sigma;
    const free = (x, y) => sigma.getNodeAtPosition({ x, y }) === null;
    const candidates = [[12, box.height - 12], [12, 12], [box.width - 12, box.height - 12], [box.width - 12, 12]];
    for (let y = 24; y < box.height - 24; y += 8) candidates.push([12, y]);
    const start = candidates.find(([x, y]) => free(x, y));
    if (!start) return reject(new Error('no free point to start a pan from'));
    const dx = (start[0] < box.width / 2 ? 1 : -1) * box.width / 2;
    const dy = (start[1] < box.height / 2 ? 1 : -1) * box.height / 2;
    const target = document.elementFromPoint(box.x + start[0], box.y + start[1]);
    const before = sigma.getCamera().getState();
    const at = (type, i) => {
      const init = { bubbles: true, cancelable: true, button: 0, buttons: type === 'mouseup' ? 0 : 1,
        clientX: box.x + start[0] + (i * dx) / ${steps}, clientY: box.y + start[1] + (i * dy) / ${steps} };
      target.dispatchEvent(new MouseEvent(type, init));
    };
    const drag = [];
    let last = 0;
    let i = 0;
    const move = (t) => {
      if (i > 0) drag.push(t - last);
      last = t;
      if (i === ${steps}) return release();
      at('mousemove', ++i);
      requestAnimationFrame(move);
    };
    const release = () => {
      // The redraw sigma makes after a pan, timed until the GPU has finished it.
      const up = performance.now();
      let redrawn = null;
      sigma.once('afterRender', () => {
        for (const gl of Object.values(sigma.webGLContexts)) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        redrawn = performance.now() - up;
      });
      at('mouseup', ${steps});
      let worst = 0;
      let prev = performance.now();
      const until = prev + 1000;
      const watch = (t) => {
        worst = Math.max(worst, t - prev);
        prev = t;
        if (t < until) return requestAnimationFrame(watch);
        const after = sigma.getCamera().getState();
        if (after.x === before.x && after.y === before.y) reject(new Error('the pan did not move the camera'));
        else resolve({ drag, release: Math.max(worst, redrawn ?? 0) });
      };
      requestAnimationFrame(watch);
    };
    at('mousemove', 0);
    at('mousedown', 0);
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(move); });
  })`) as Promise<{ drag: number[]; release: number }>;
}

const fileSize = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/** Bytes of graph.json and of the compact files written beside it. */
export function payloadBytes(graphPath: string): ViewerFigures['bytes'] {
  let details = 0;
  for (let c = 0; fs.existsSync(detailsFileName(graphPath, c)); c++) details += fileSize(detailsFileName(graphPath, c));
  return { graphJson: fileSize(graphPath), compact: fileSize(compactFileName(graphPath)), details };
}

export interface BenchViewerOptions {
  /** The built app (buildViewerSite); built and removed here when absent. */
  siteDir?: string;
  /** Load the compact files (default) or graph.json (the old path). */
  source?: 'compact' | 'json';
  /** Frames (one mouse move each) in the scripted pan (default 60). */
  panSteps?: number;
  /** Give up waiting for the first frame after this long (default 120 s). */
  timeoutMs?: number;
  browser?: Browser;
  /** Write a screenshot of the opened map here (before the pan). */
  screenshot?: string;
  /** Write the page's CPU profile from navigation to the first frame here (.cpuprofile, for DevTools). */
  cpuProfile?: string;
}

/** Open `graphPath`'s map in headless Chromium and measure it. */
export async function benchViewer(graphPath: string, options: BenchViewerOptions = {}): Promise<ViewerFigures> {
  const source = options.source ?? 'compact';
  // A profile is read by function names: the app unminified then.
  const site = options.siteDir ? null : await buildViewerSite(graphPath, { minify: !options.cpuProfile });
  const server = await serve(options.siteDir ?? site!.dir, path.resolve(graphPath));
  const browser = options.browser ?? (await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(options.timeoutMs ?? 120_000);
    if (source === 'json') await page.route(/\/graph\.(compact\.bin|details\.\d+\.json)$/, (route) => route.fulfill({ status: 404, body: '' }));
    const cdp = options.cpuProfile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await page.goto(server.url);
    await page.waitForFunction(() => window.__notemap !== undefined || !document.getElementById('message')?.hidden, undefined, { timeout: options.timeoutMs ?? 120_000 });
    const failed = await page.evaluate(() => (window.__notemap ? null : document.getElementById('message')?.textContent ?? ''));
    if (failed !== null) throw new Error(`bench-viewer: the map did not open: ${failed}`);
    // The frame counts as drawn when the GPU has finished it: reading a pixel back from each WebGL canvas waits
    // for that (within a few tens of ms of the page's mark in software WebGL; a frame is never counted early).
    const drawnAt = (await page.evaluate(`window.__notemap.ready.then(() => {
      for (const gl of Object.values(window.__notemap.sigma.webGLContexts)) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      return performance.now();
    })`)) as number;
    const marks = (await page.evaluate(`({
      data: performance.getEntriesByName('notemap:data-arrived', 'mark').at(-1)?.startTime ?? NaN,
      frame: performance.getEntriesByName('notemap:first-frame', 'mark').at(-1)?.startTime ?? NaN,
      stages: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('notemap:')).map((m) => [m.name.slice(8), Math.round(m.startTime)]),
      nodes: window.__notemap.graph.order,
      edges: window.__notemap.graph.size,
    })`)) as { data: number; frame: number; nodes: number; edges: number; stages: [string, number][] };
    if (cdp && options.cpuProfile) fs.writeFileSync(options.cpuProfile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    if (options.screenshot) await page.screenshot({ path: options.screenshot });
    const pan = await panFrames(page, options.panSteps ?? 60);
    const frames = pan.drag.sort((a, b) => a - b);
    await page.close();
    return {
      source,
      nodes: marks.nodes,
      edges: marks.edges,
      openMs: Math.max(marks.frame, drawnAt) - marks.data,
      navigationMs: Math.max(marks.frame, drawnAt),
      stages: marks.stages,
      panFrameMs: { median: percentile(frames, 0.5), p95: percentile(frames, 0.95), max: frames.at(-1) ?? 0, frames: frames.length },
      panReleaseMs: pan.release,
      bytes: payloadBytes(graphPath),
    };
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
    site?.dispose();
  }
}

/** The bench's hook (scripts/lib/bench-hooks.ts): the viewer's figures for the graph just built. */
export async function measure(context: {
  graphPath: string;
  floorSeconds: number;
}): Promise<{ viewerFirstFrameMs: number; viewerFirstFrameRatio: number; viewerPanFrameMs: number; viewerPanFrameP95Ms: number; viewerPanReleaseMs: number }> {
  const figures = await benchViewer(context.graphPath);
  const tenth = (v: number): number => Math.round(v * 10) / 10;
  return {
    viewerFirstFrameMs: Math.round(figures.openMs),
    viewerFirstFrameRatio: Math.round((figures.openMs / (context.floorSeconds * 1000)) * 100) / 100,
    viewerPanFrameMs: tenth(figures.panFrameMs.median),
    viewerPanFrameP95Ms: tenth(figures.panFrameMs.p95),
    viewerPanReleaseMs: tenth(figures.panReleaseMs),
  };
}
