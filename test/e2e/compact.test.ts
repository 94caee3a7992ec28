/**
 * The map opens from the compact files the build writes beside graph.json
 * (never graph.json itself), and the summary panel fetches a note's summary
 * and its links' context sentences only when it shows that note.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadGraph, openMap, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

/** Paths of the graph files the page requested. */
function recordGraphRequests(page: Page, into: string[]): void {
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.startsWith('graph.')) into.push(name);
  });
}

describe('the compact payload', () => {
  it('draws the map from graph.compact.bin and fetches summaries and contexts when the panel opens', async () => {
    // A note with a summary whose backlinks carry context sentences.
    const key = graph.findNode((k, a) => a.kind === 'note' && a.summary !== '' && graph.inEdges(k).some((e) => graph.getEdgeAttribute(e, 'context') !== ''))!;
    const note = graph.getNodeAttributes(key);
    if (note.kind !== 'note') throw new Error('not a note');
    const contexts = graph.inEdges(key).map((e) => graph.getEdgeAttribute(e, 'context')).filter(Boolean);

    const requests: string[] = [];
    const { page, errors } = await openMap(session, '', async (p) => recordGraphRequests(p, requests));
    expect(requests).toEqual(['graph.compact.bin']);
    expect(await page.evaluate(() => window.__notemap!.graph.order)).toBe(graph.order);
    expect(await page.evaluate(() => window.__notemap!.graph.size)).toBe(graph.size);

    await page.evaluate((k) => window.__notemap!.store.set({ selected: k, panel: 'summary' }), key);
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(note.title);
    await expect.poll(() => page.locator('#summary .summary-text').textContent()).toBe(note.summary);
    const shown = await page.locator('#summary .link-context').evaluateAll((ps) => ps.map((p) => p.textContent));
    for (const context of contexts) expect(shown).toContain(context);
    expect(requests[0]).toBe('graph.compact.bin');
    expect(requests.slice(1).every((r) => /^graph\.details\.\d+\.json$/.test(r))).toBe(true);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests).not.toContain('graph.json');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not run the layout over the settled map, and a drag moves the dragged node’s neighbours only', async () => {
    const { page, errors } = await openMap(session);
    expect(await page.evaluate(() => window.__notemap!.layoutRunning())).toBe(false);
    // The node with the most links, dragged 80 px to the right.
    const key = graph.nodes().reduce((best, k) => (graph.degree(k) > graph.degree(best) ? k : best));
    const before = await page.evaluate(() => {
      const g = window.__notemap!.graph;
      return Object.fromEntries(g.mapNodes((k, a) => [k, [a.x, a.y]]));
    });
    const at = (await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), key))!;
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(at.x + 8 * i, at.y, { steps: 1 });
    await expect.poll(() => page.evaluate(() => window.__notemap!.layoutRunning())).toBe(true);
    await page.waitForTimeout(500);
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => window.__notemap!.layoutRunning()), { timeout: 20_000 }).toBe(false);
    const after = await page.evaluate(() => {
      const g = window.__notemap!.graph;
      return Object.fromEntries(g.mapNodes((k, a) => [k, [a.x, a.y]]));
    });
    const moved = Object.keys(after).filter((k) => Math.hypot(after[k][0] - before[k][0], after[k][1] - before[k][1]) > 0.01);
    expect(moved).toContain(key);
    // Some neighbour followed; a node far from it (not linked to any of its neighbours) did not move.
    expect(moved.some((k) => k !== key && graph.areNeighbors(k, key))).toBe(true);
    expect(moved.length).toBeLessThan(graph.order);
    expect(errors).toEqual([]);
    await page.close();
  });
});
