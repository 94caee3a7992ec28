/**
 * The sample vault draws: the canvas is not blank, the counts equal
 * graph.json's, a click on a node at its screen position opens its
 * summary, and a screenshot is kept in test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, inkPixels, launchBrowser, loadGraph, openMap, saveScreenshot, settle, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();
const stats = graph.getAttribute('stats');

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

describe('the sample vault', () => {
  it('draws the graph and shows the counts of graph.json', async () => {
    const { page, errors } = await openMap(session);
    await expect.poll(() => page.locator('#counts').textContent()).toContain(`of ${formatCount(stats.notes)} notes`);
    await settle(page);
    const { ink, total } = await inkPixels(page);
    // Nodes, edges and labels cover a fair part of the map; a blank WebGL canvas covers nothing.
    expect(ink / total).toBeGreaterThan(0.005);
    const file = await saveScreenshot(page, 'sample-vault.png');
    expect(file).toMatch(/sample-vault\.png$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the summary of the node clicked on the canvas', async () => {
    const { page } = await openMap(session);
    await settle(page);
    // The most linked-to note: the biggest node, so nothing covers it.
    let key = '';
    let best = -1;
    graph.forEachNode((k, a) => {
      if (a.kind === 'note' && a.inDegree > best) [key, best] = [k, a.inDegree];
    });
    const position = await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), key);
    if (!position) throw new Error(`${key} is not drawn`);
    await page.mouse.click(position.x, position.y);
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(graph.getNodeAttribute(key, 'title'));
    expect(await page.locator('#summary').isVisible()).toBe(true);
    expect(await page.evaluate(() => window.__notemap!.store.get().selected)).toBe(key);
    await page.close();
  });
});
