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

  it('the theme button and the system theme switch the page, the canvas labels and the node colors', async () => {
    // A dangling target is drawn in a neutral grey that depends on the theme.
    const dangling = graph.findNode((_k, a) => a.kind === 'dangling');
    expect(dangling).toBeTruthy(); // the sample vault has dangling links
    const { page, errors } = await openMap(session, '?theme=light');
    await settle(page);
    const look = () =>
      page.evaluate((k) => {
        const { sigma } = window.__notemap!;
        return {
          theme: document.documentElement.dataset.theme,
          label: (sigma.getSetting('labelColor') as { color?: string }).color,
          node: sigma.getNodeDisplayData(k)?.color,
        };
      }, dangling!);
    const before = await look();
    expect(before.theme).toBe('light');
    const legendRows = await page.locator('#legend .legend-row').count();
    await page.locator('#btn-theme').click();
    await expect.poll(async () => (await look()).theme).toBe('dark');
    await expect.poll(async () => (await look()).label).not.toBe(before.label);
    await expect.poll(async () => (await look()).node).not.toBe(before.node);
    expect(await page.locator('#legend .legend-row').count()).toBe(legendRows);

    // Back to the system's theme, then the system turning dark: the map follows it too.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => window.__notemap!.store.set({ theme: 'system' }));
    await expect.poll(look).toEqual(before);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await look()).theme).toBe('dark');
    await expect.poll(async () => (await look()).node).not.toBe(before.node);
    expect(await page.locator('#legend .legend-row').count()).toBe(legendRows);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a selection made right after a live change adds a link draws it, with no error', async () => {
    const { page, errors } = await openMap(session);
    await settle(page);
    const selected = await page.evaluate(() => {
      const { graph: g, store } = window.__notemap!;
      const notes = g.filterNodes((_k, a) => a.kind === 'note');
      const [a, b] = notes.filter((k) => g.degree(k) > 0).slice(0, 2);
      // As a live diff does: a new link, then (before sigma's next frame) a looks-only change.
      g.addEdgeWithKey('live-added', a, b, { ...g.getEdgeAttributes(g.edges()[0]) });
      store.set({ selected: a, panel: 'summary' });
      return a;
    });
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => window.__notemap!.sigma.getEdgeDisplayData('live-added') !== undefined)).toBe(true);
    expect(await page.evaluate(() => window.__notemap!.store.get().selected)).toBe(selected);
    await page.close();
  });

  it('tears the map down once: a second dispose does nothing', async () => {
    const { page, errors } = await openMap(session);
    await settle(page);
    await page.evaluate(() => {
      window.__notemap!.dispose();
      window.__notemap!.dispose();
    });
    expect(await page.locator('#legend .legend-body').count()).toBe(0);
    await page.keyboard.press('f'); // no map listens any more
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
