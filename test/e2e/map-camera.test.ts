/**
 * The camera and the map's pointers (issue 10.5, 10.6, 10.9) on a generated
 * vault of 150 notes (orphans, tags, missing notes): selecting a note frames
 * it and its neighbours beside the panel, and closing the panel leaves the
 * camera be; a filter re-frames the view on what is shown while the shown
 * nodes relax (the hidden ones stay put); zoom and pan live in the URL; the
 * health panel highlights what is pointed at and shows all orphans at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault } from '../../scripts/lib/vault-generator.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../src/core/contract.js';
import type { MapGraph } from '../../src/app/state/visibility.js';
import { buildVaultJson, launchBrowser, openMap, serveGraphJson, settle, waitForMap, type Session } from './browser.js';

let session: Session;
let body = '';
let graph: MapGraph;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-camera-'));

beforeAll(async () => {
  body = await buildVaultJson(tmp, generateVault({ notes: 150, orphanRate: 0.3, danglingRate: 0.08, seed: 11 }));
  graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.import(JSON.parse(body));
  session = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await session?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(query = ''): Promise<Page> {
  const { page } = await openMap(session, query, (p) => serveGraphJson(p, body));
  await settle(page);
  return page;
}

/**
 * How the shown nodes sit in the part of the map the panel leaves free:
 * those outside it, and how much of it their centres span (the larger of the
 * two axes, 1 = edge to edge).
 */
const framing = (page: Page, keys?: string[]) =>
  page.evaluate((only) => {
    const hook = window.__notemap!;
    const map = hook.sigma.getContainer().getBoundingClientRect();
    const panel = document.getElementById('panel')!;
    const right = panel.hidden ? map.right : Math.min(map.right, panel.getBoundingClientRect().left);
    const points = (only ?? hook.graph.nodes()).map((key) => ({ key, p: hook.nodeScreenPosition(key) })).filter((e) => e.p !== null);
    const outside = points.filter(({ p }) => p!.x < map.left - 1 || p!.x > right + 1 || p!.y < map.top - 1 || p!.y > map.bottom + 1).map((e) => e.key);
    const xs = points.map((e) => e.p!.x);
    const ys = points.map((e) => e.p!.y);
    const fill = Math.max((Math.max(...xs) - Math.min(...xs)) / (right - map.left), (Math.max(...ys) - Math.min(...ys)) / (map.bottom - map.top));
    return { shown: points.length, outside, filled: fill > 0.6, free: { left: map.left, right } };
  }, keys ?? null);

/** The camera's state, and whether anything still moves it. */
const cameraState = (page: Page) => page.evaluate(() => window.__notemap!.sigma.getCamera().getState());
const still = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => !window.__notemap!.layoutRunning() && !window.__notemap!.sigma.getCamera().isAnimated()), { timeout: 10_000 })
    .toBe(true);

/** Zoomed out and off to one side: a view that does not fit anything. */
const wander = (page: Page) => page.evaluate(() => window.__notemap!.sigma.getCamera().setState({ x: 0.8, y: 0.35, ratio: 2.2, angle: 0 }));

/**
 * The camera zoomed in on the best linked note (centred, so clear of where
 * the panel opens), with some of its neighbours under that place or off the
 * view: the key, and how far right its neighbours reach.
 */
const zoomOnHub = (page: Page) =>
  page.evaluate(() => {
    const { sigma, graph } = window.__notemap!;
    const key = graph.filterNodes((_k, a) => a.kind === 'note').reduce((best, k) => (graph.degree(k) > graph.degree(best) ? k : best));
    const framed = sigma.viewportToFramedGraph(sigma.graphToViewport(graph.getNodeAttributes(key)));
    const cameraState = { x: framed.x, y: framed.y, ratio: 0.4, angle: 0 };
    sigma.getCamera().setState(cameraState);
    const map = sigma.getContainer().getBoundingClientRect();
    const xs = graph.neighbors(key).map((n) => map.left + sigma.graphToViewport(graph.getNodeAttributes(n), { cameraState }).x);
    return { key, farX: Math.max(...xs) };
  });

describe('selecting a note (10.5)', () => {
  it('a click frames the note and its neighbours beside the panel; closing the panel leaves the camera be', async () => {
    const page = await open();
    const { key, farX } = await zoomOnHub(page);
    await page.waitForTimeout(100);
    const p = await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), key);
    await page.mouse.click(p!.x, p!.y);
    await expect.poll(() => page.evaluate(() => window.__notemap!.store.get().selected)).toBe(key);
    const near = [key, ...graph.neighbors(key)];
    await expect.poll(async () => (await framing(page, near)).outside, { timeout: 5000 }).toEqual([]);
    // The test means something: a neighbour sat where the panel now is.
    expect(farX).toBeGreaterThan((await framing(page)).free.right);
    await still(page);

    const framed = await cameraState(page);
    await page.locator('#summary .close').click();
    await expect.poll(() => page.evaluate(() => document.getElementById('panel')!.hidden)).toBe(true);
    await still(page);
    expect(await cameraState(page)).toEqual(framed);
    await page.close();
  });

  it('a search frames the chosen note and its neighbours beside the panel too', async () => {
    const page = await open();
    const { key } = await zoomOnHub(page);
    await page.locator('#search').fill(graph.getNodeAttribute(key, 'title'));
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(0);
    await page.locator('#search').press('Enter');
    await expect.poll(() => page.evaluate(() => window.__notemap!.store.get().selected)).toBe(key);
    await expect.poll(async () => (await framing(page, [key, ...graph.neighbors(key)])).outside, { timeout: 5000 }).toEqual([]);
    await page.close();
  });
});

describe('filters that re-frame (10.6)', () => {
  it('hiding orphans fits the view on what is shown, and only the shown nodes relax', async () => {
    const page = await open();
    await wander(page);
    const before = new Map(await page.evaluate(() => window.__notemap!.graph.mapNodes((k, a) => [k, [a.x, a.y]] as [string, number[]])));
    await page.locator('#filter-showOrphans').uncheck();
    await expect.poll(async () => framing(page), { timeout: 10_000 }).toMatchObject({ outside: [], filled: true });
    await still(page);
    expect(await framing(page)).toMatchObject({ outside: [], filled: true });
    const after = new Map(await page.evaluate(() => window.__notemap!.graph.mapNodes((k, a) => [k, [a.x, a.y]] as [string, number[]])));
    const orphans = graph.filterNodes((_k, a) => a.kind === 'note' && a.orphan);
    expect(orphans.length).toBeGreaterThan(10);
    for (const k of orphans) expect(after.get(k), k).toEqual(before.get(k));
    const moved = graph.filterNodes((k, a) => !(a.kind === 'note' && a.orphan) && after.get(k)!.some((v, i) => Math.abs(v - before.get(k)![i]) > 1e-3));
    expect(moved.length).toBeGreaterThan(0);
    await page.close();
  });

  it('hiding a tag fits the view on what is left', async () => {
    const page = await open();
    await wander(page);
    // A tag few notes carry (the first, most common one may be on all of them).
    await page.locator('.legend-toggle').last().click();
    await expect.poll(() => page.evaluate(() => window.__notemap!.store.get().hiddenTags.length)).toBe(1);
    await expect.poll(async () => framing(page), { timeout: 10_000 }).toMatchObject({ outside: [], filled: true });
    await page.close();
  });

  it('"only" a tag fits the view on its notes', async () => {
    const page = await open();
    await wander(page);
    await page.locator('.legend-only').first().click();
    await expect.poll(async () => framing(page), { timeout: 10_000 }).toMatchObject({ outside: [], filled: true });
    await page.close();
  });

  it('keeps zoom and pan in the URL (replacing the entry), so the link opens at the same place', async () => {
    const page = await open();
    const entries = await page.evaluate(() => history.length);
    await page.locator('#graph').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await still(page);
    await expect.poll(() => page.url(), { timeout: 5000 }).toMatch(/[?&]cam=[-\d.]+,[-\d.]+,[\d.]+$/);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    const here = await cameraState(page);
    const url = page.url();
    await page.reload();
    await waitForMap(page);
    const back = await cameraState(page);
    expect(back.ratio).toBeCloseTo(here.ratio, 3);
    expect(back.x).toBeCloseTo(here.x, 3);
    expect(back.y).toBeCloseTo(here.y, 3);
    expect(page.url()).toBe(url);
    await page.close();
  });
});

describe('Back and Forward (10.6)', () => {
  it('bring the camera of each entry back: the framed selection, and the map as it opened', async () => {
    const page = await open();
    const opened = await cameraState(page);
    const { key } = await page.evaluate(() => {
      const { graph } = window.__notemap!;
      return { key: graph.filterNodes((_k, a) => a.kind === 'note').reduce((best, k) => (graph.degree(k) > graph.degree(best) ? k : best)) };
    });
    const p = await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), key);
    await page.mouse.click(p!.x, p!.y);
    await expect.poll(() => page.url(), { timeout: 5000 }).toContain('cam=');
    await still(page);
    const framed = await cameraState(page);
    expect(Math.abs(framed.x - opened.x) + Math.abs(framed.y - opened.y) + Math.abs(framed.ratio - opened.ratio)).toBeGreaterThan(0.05);
    const near = (a: { x: number; y: number; ratio: number }, b: { x: number; y: number; ratio: number }) =>
      Math.abs(a.x - b.x) < 1e-3 && Math.abs(a.y - b.y) < 1e-3 && Math.abs(a.ratio / b.ratio - 1) < 1e-3;

    // The pointer off the map: a hovered note's pill label takes more room than its plain label.
    await page.mouse.move(5, 790);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => window.__notemap!.store.get().selected)).toBeNull();
    await expect.poll(async () => near(await cameraState(page), opened), { timeout: 5000 }).toBe(true);
    await page.goForward();
    await expect.poll(() => page.evaluate(() => window.__notemap!.store.get().selected)).toBe(key);
    await expect.poll(async () => near(await cameraState(page), framed), { timeout: 5000 }).toBe(true);
    await page.close();
  });
});

describe('the health panel points at the map (10.9)', () => {
  it('pointing at an orphan highlights it; "show orphans on map" fades everything else until Escape', async () => {
    const page = await open();
    const colors = () =>
      page.evaluate(() => {
        const { sigma, graph } = window.__notemap!;
        return Object.fromEntries(graph.nodes().map((k) => [k, sigma.getNodeDisplayData(k)?.color ?? null]));
      });
    const plain = await colors();
    await page.locator('#btn-health').click();
    // Opening the panel brings what it lists beside it (the orphans sit at the edge, where the panel opens).
    const listed = graph.filterNodes((_k, a) => (a.kind === 'note' && a.orphan) || a.kind === 'dangling');
    await expect.poll(async () => (await framing(page, listed)).outside, { timeout: 5000 }).toEqual([]);
    await still(page);
    const entry = page.locator('#health .health-orphan button.node-link').first();
    const orphan = (await entry.getAttribute('data-key'))!;
    const other = graph.findNode((k, a) => a.kind === 'note' && !a.orphan)!;
    await entry.hover();
    await expect.poll(() => page.evaluate((k) => window.__notemap!.sigma.getNodeDisplayData(k)?.highlighted, orphan)).toBe(true);
    expect((await colors())[other]).not.toBe(plain[other]);
    await page.mouse.move(400, 400);
    await page.locator('#health-title').hover();
    await expect.poll(async () => (await colors())[other]).toBe(plain[other]);

    await page.locator('#health .health-show[data-show="orphans"]').click();
    await expect.poll(() => page.url()).toContain('health=orphans');
    const shown = await colors();
    const orphans = graph.filterNodes((_k, a) => a.kind === 'note' && a.orphan);
    for (const k of orphans) expect(shown[k], k).toBe(plain[k]);
    const notes = graph.filterNodes((_k, a) => a.kind === 'note' && !a.orphan);
    expect(notes.filter((k) => shown[k] === plain[k])).toEqual([]);
    expect(await page.locator('#health .health-show[data-show="orphans"]').getAttribute('aria-pressed')).toBe('true');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).not.toContain('health=');
    expect(await colors()).toEqual(plain);
    // Escape left the health view, not the panel.
    expect(await page.locator('#health').isVisible()).toBe(true);
    await page.close();
  });

  it('pointing at a missing note highlights it; "show missing notes on map" raises them all over the faded rest', async () => {
    const page = await open();
    const looks = () =>
      page.evaluate(() => {
        const { sigma, graph } = window.__notemap!;
        return Object.fromEntries(graph.nodes().map((k) => [k, { color: sigma.getNodeDisplayData(k)?.color, z: sigma.getNodeDisplayData(k)?.zIndex }]));
      });
    const plain = await looks();
    await page.locator('#btn-health').click();
    const entry = page.locator('#health .health-dangling > button.node-link').first();
    const missing = (await entry.getAttribute('data-key'))!;
    await entry.hover();
    await expect.poll(() => page.evaluate((k) => window.__notemap!.sigma.getNodeDisplayData(k)?.highlighted, missing)).toBe(true);

    await page.locator('#health .health-show[data-show="missing"]').click();
    await expect.poll(() => page.url()).toContain('health=missing');
    await page.locator('#health-title').hover();
    const shown = await looks();
    const dangling = graph.filterNodes((_k, a) => a.kind === 'dangling');
    expect(dangling.length).toBeGreaterThan(3);
    const notes = graph.filterNodes((_k, a) => a.kind === 'note');
    for (const k of dangling) expect(shown[k].z, k).toBeGreaterThan(Math.max(...notes.map((n) => shown[n].z ?? 0)));
    expect(notes.filter((k) => shown[k].color === plain[k].color)).toEqual([]);
    // The button again returns the map.
    await page.locator('#health .health-show[data-show="missing"]').click();
    await expect.poll(async () => (await looks())[notes[0]].color).toBe(plain[notes[0]].color);
    await page.close();
  });
});
