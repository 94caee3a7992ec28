/**
 * The live map against the real dev server on a temporary copy of the
 * sample vault (the live session npm start runs, its diffs over Vite's HMR
 * channel): a new link appears without a reload and the selection stays; a
 * deleted note's incoming links become ghosts and its open panel closes with
 * a notice; a title change resolves a dangling link elsewhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveHub, LIVE_EVENT } from '../../src/serve/live-hub.js';
import { startLiveSession, type LiveSession } from '../../src/serve/live-session.js';
import type { NotemapGraph } from '../../src/extract/build-graph.js';
import { launchBrowser, openMapAt, saveScreenshot, settle, type Session } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let session: Session;
let server: ViteDevServer;
let live: LiveSession;
let base: string;
let tmp: string;
let vault: string;
let graph: NotemapGraph;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-live-'));
  vault = path.join(tmp, 'vault');
  fs.cpSync(path.join(ROOT, 'data/vault'), vault, { recursive: true });
  const graphPath = path.join(tmp, 'cache', 'graph.json');
  const hub = createLiveHub();
  live = await startLiveSession({ vault, out: graphPath, cacheFile: path.join(tmp, 'cache', 'incremental.cache'), hub, ticks: 60 });
  graph = live.first.graph;
  process.env.NOTEMAP_GRAPH = graphPath;
  process.env.NOTEMAP_VAULT = vault;
  server = await createServer({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  hub.subscribe((message) => server.ws.send({ type: 'custom', event: LIVE_EVENT, data: message }));
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  base = `http://127.0.0.1:${address.port}/`;
  session = await launchBrowser();
});

afterAll(async () => {
  await session?.close();
  await live?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const notes = (): string[] => graph.filterNodes((_k, a) => a.kind === 'note');
const inPage = <T>(page: import('playwright-core').Page, fn: (hook: NonNullable<Window['__notemap']>, arg: string[]) => T, arg: string[] = []) =>
  page.evaluate(({ body, arg }) => new Function('hook', 'arg', `return (${body})(hook, arg)`)(window.__notemap, arg) as T, { body: fn.toString(), arg });

describe('the live map', () => {
  it('applies saved changes in place: new link, deleted note, resolved dangling link', async () => {
    // A note that does not yet link another note with a plain title.
    const source = notes().find((k) => k.endsWith('.md') && graph.outDegree(k) > 0)!;
    const target = notes().find((k) => k !== source && !graph.hasEdge(source, k) && /^[\w ]+$/.test(graph.getNodeAttribute(k, 'title')))!;
    const { page, errors } = await openMapAt(session, `${base}?note=${encodeURIComponent(source)}`);
    await settle(page);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const positionsBefore = await inPage(page, (hook) => hook.graph.mapNodes((k, a) => [k, a.x, a.y]));

    // 1. A new link: the edge appears, no reload, the selection stays.
    fs.appendFileSync(path.join(vault, source), `\n\nSee also [[${graph.getNodeAttribute(target, 'title')}]].\n`);
    await expect.poll(() => inPage(page, (hook, [s, t]) => hook.graph.hasEdge(s, t), [source, target]), { timeout: 15_000 }).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await inPage(page, (hook) => hook.store.get().selected)).toBe(source);
    await expect.poll(() => page.locator('#live-status').textContent()).toMatch(/^updated 1 note in [\d.]+ s$/);
    await saveScreenshot(page, 'live-new-link.png');

    // 2. Delete a note others link to, while it is selected: its incoming links become ghosts, its panel closes.
    const doomed = notes().find((k) => k !== source && graph.inDegree(k) > 0 && graph.inNeighbors(k).some((n) => n !== source && graph.getNodeAttribute(n, 'kind') === 'note'))!;
    const linker = graph.inNeighbors(doomed).find((n) => n !== source && graph.getNodeAttribute(n, 'kind') === 'note')!;
    await inPage(page, (hook, [k]) => hook.store.set({ selected: k, panel: 'summary' }), [doomed]);
    fs.rmSync(path.join(vault, doomed));
    await expect.poll(() => inPage(page, (hook, [k]) => hook.graph.hasNode(k), [doomed]), { timeout: 15_000 }).toBe(false);
    const ghost = await inPage(page, (hook, [l]) => hook.graph.outNeighbors(l).filter((n) => hook.graph.getNodeAttribute(n, 'kind') === 'dangling'), [linker]);
    expect(ghost.length).toBeGreaterThan(0);
    expect(await inPage(page, (hook) => hook.store.get().selected)).toBe(null);
    await expect.poll(() => page.locator('#live-status').textContent()).toContain('was deleted');

    // 3. Retitle a note so that a dangling link elsewhere resolves to it.
    const dangling = graph.filterNodes((k, a) => a.kind === 'dangling' && graph.inDegree(k) > 0 && /^[\w ]+$/.test(a.title) && !k.includes('/'))[0];
    const referrer = graph.inNeighbors(dangling)[0];
    const retitled = notes().find((k) => k !== referrer && k !== doomed && k.endsWith('.md') && fs.readFileSync(path.join(vault, k), 'utf8').startsWith('---\n'))!;
    const text = fs.readFileSync(path.join(vault, retitled), 'utf8');
    const title = graph.getNodeAttribute(dangling, 'title');
    fs.writeFileSync(path.join(vault, retitled), /^title:.*$/m.test(text) ? text.replace(/^title:.*$/m, `title: ${title}`) : text.replace('---\n', `---\ntitle: ${title}\n`));
    await expect.poll(() => inPage(page, (hook, [r, t]) => hook.graph.hasEdge(r, t), [referrer, retitled]), { timeout: 15_000 }).toBe(true);
    expect(await inPage(page, (hook, [d]) => hook.graph.hasNode(d), [dangling])).toBe(false);

    // Every node still on the map kept its position; still the same page.
    const positionsAfter = new Map((await inPage(page, (hook) => hook.graph.mapNodes((k, a) => [k, a.x, a.y]))).map((p) => [p[0], p]));
    const moved = positionsBefore.filter((p) => positionsAfter.has(p[0]) && JSON.stringify(positionsAfter.get(p[0])) !== JSON.stringify(p));
    expect(moved).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
