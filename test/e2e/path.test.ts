/**
 * "Path to…" on the sample vault: from a note's summary, pick a second note
 * with the search box; the path panel lists the hops (arrows, sentences),
 * the map emphasises the path; a reload with the URL restores it, Escape
 * clears it, the direction switch is in the URL, and a pair with no path
 * says so with the two notes' parts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathBetween } from '../../src/app/state/path-between.js';
import { launchBrowser, loadGraph, openMap, saveScreenshot, settle, waitForMap, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

const shown = graph.filterNodes((_k, a) => a.kind === 'note' && !a.draft);

/** Two notes 3 links apart either way, with no path in the links' direction (so the switch changes something). */
function pickPair(): [string, string] {
  for (const a of shown) {
    for (const b of shown) {
      if (a === b) continue;
      if (pathBetween(graph, a, b).hops.length === 3 && pathBetween(graph, a, b, true).nodes.length === 0) return [a, b];
    }
  }
  throw new Error('the sample vault has no pair 3 links apart against the links');
}
const [A, B] = pickPair();
const title = (k: string) => graph.getNodeAttribute(k, 'title');
/** The notes of the path from A to B, either way. */
const pathNotes = () => pathBetween(graph, A, B).nodes;
const texts = (page: Page, selector: string): Promise<string[]> => page.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));

/** What sigma draws now for a node or an edge (after the reducers). */
const drawnNode = (page: Page, key: string) => page.evaluate((k) => ({ ...window.__notemap!.sigma.getNodeDisplayData(k)! }), key);
/** Edge keys are the page's own (the compact graph makes new ones): found by their ends. */
const drawnEdge = (page: Page, source: string, target: string) =>
  page.evaluate(([s, t]) => ({ ...window.__notemap!.sigma.getEdgeDisplayData(window.__notemap!.graph.edge(s, t))! }), [source, target] as const);

describe('the path between two notes', () => {
  it('is picked from the summary panel with the search box, listed hop by hop and drawn on the map; a reload keeps it, Escape clears it', async () => {
    const expected = pathBetween(graph, A, B);
    const { page, errors } = await openMap(session, `?note=${encodeURIComponent(A)}`);
    await settle(page);
    const input = page.locator('#search');
    // Escape (from the search box, as the line under the button says) gives up the pick.
    await page.locator('#summary .path-to').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#search-box').getAttribute('class')).not.toContain('picking');
    expect(await input.getAttribute('placeholder')).toBe('Search notes ( / )');
    expect(await page.locator('#summary .path-to-status').count()).toBe(0);
    expect(await page.locator('#summary h2').textContent()).toBe(title(A));
    await page.locator('#summary .path-to').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    expect(await input.getAttribute('placeholder')).toContain(`Path from “${title(A)}” to`);
    expect(await page.locator('#search-box').getAttribute('class')).toContain('picking');
    expect(await page.locator('#summary .path-to-status').textContent()).toBe('Choose the other note in the search box (Esc cancels).');
    await page.keyboard.type(title(B).slice(0, 40));
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    for (let i = 0; i < 12; i++) {
      const active = await input.getAttribute('aria-activedescendant');
      if (active && (await page.locator(`#${active}`).getAttribute('data-key')) === B) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');

    const panel = page.locator('#path');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await page.locator('#summary').isHidden()).toBe(true);
    expect(await page.locator('#search-box').getAttribute('class') ?? '').not.toContain('picking');
    // The chosen note answered the pick: the selection is still the first note.
    expect(await page.evaluate(() => window.__notemap!.store.get().selected)).toBe(A);
    expect(await panel.locator('.path-headline').textContent()).toBe(`3 links from “${title(A)}” to “${title(B)}”.`);
    const checkHops = async () => {
      expect(await panel.locator('.path-hop').count()).toBe(expected.hops.length);
      // Note, link, note, link...: each link's arrow says which of its two notes links the other.
      expect(await texts(page, '#path .path-stop')).toEqual(expected.nodes.map(title));
      expect(await texts(page, '#path .path-hop .path-arrow')).toEqual(expected.hops.map((h) => (h.direction === 'forward' ? '↓' : '↑')));
      expect(await texts(page, '#path .path-hop .path-link-words')).toEqual(expected.hops.map((h) => (h.direction === 'forward' ? 'links to' : 'is linked from')));
      const contexts = expected.hops.map((h) => graph.getEdgeAttribute(h.edge, 'context')).filter(Boolean);
      await expect.poll(() => texts(page, '#path .path-hop .link-context')).toEqual(contexts);
    };
    await checkHops();
    expect(page.url()).toContain(`pathto=${encodeURIComponent(B)}`);

    // The map: both ends marked, path notes labelled, path links arrows; a note off the path faded (no label).
    const offPath = shown.find((k) => !expected.nodes.includes(k))!;
    await expect.poll(async () => (await drawnNode(page, A)).highlighted).toBe(true);
    expect((await drawnNode(page, B)).highlighted).toBe(true);
    expect((await drawnNode(page, expected.nodes[1])).forceLabel).toBe(true);
    expect((await drawnNode(page, offPath)).label).toBeNull();
    for (const hop of expected.hops) expect((await drawnEdge(page, graph.source(hop.edge), graph.target(hop.edge))).type).toBe('arrow');
    // The camera frames the path beside the panel: every note of it on screen, none under the panel.
    await expect.poll(() => page.evaluate(() => window.__notemap!.sigma.getCamera().isAnimated())).toBe(false);
    const panelLeft = (await panel.boundingBox())!.x;
    const map = (await page.locator('#graph').boundingBox())!;
    for (const key of expected.nodes) {
      const at = (await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), key))!;
      expect(at.x, key).toBeGreaterThan(map.x);
      expect(at.x, key).toBeLessThan(panelLeft);
      expect(at.y, key).toBeGreaterThan(map.y);
      expect(at.y, key).toBeLessThan(map.y + map.height);
    }
    await saveScreenshot(page, 'path-found.png');
    // Pointing at a note of the route marks it on the map.
    const middle = expected.nodes[1];
    expect((await drawnNode(page, middle)).highlighted).toBeFalsy();
    await panel.locator(`.path-stop button[data-key="${middle}"]`).hover();
    await expect.poll(async () => (await drawnNode(page, middle)).highlighted).toBe(true);
    await page.mouse.move(5, 400);

    await page.reload();
    await waitForMap(page);
    await expect.poll(() => panel.isVisible()).toBe(true);
    await checkHops();
    await expect.poll(async () => (await drawnNode(page, B)).highlighted).toBe(true);

    await page.locator('#graph').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(title(A));
    expect(page.url()).not.toContain('pathto=');
    expect(await page.evaluate(() => window.__notemap!.store.get().pathTo)).toBeNull();
    expect((await drawnNode(page, B)).highlighted).toBeFalsy();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has a switch for the links direction, in the URL, that says when only the other way joins them; selecting another note ends the path', async () => {
    const { page } = await openMap(session, `?note=${encodeURIComponent(A)}&panel=path&pathto=${encodeURIComponent(B)}`);
    const panel = page.locator('#path');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await page.locator('#path-directed').check();
    await expect.poll(() => panel.locator('.path-headline').textContent()).toBe(
      `No path from “${title(A)}” to “${title(B)}” in the links' direction. Following links either way, they are 3 links apart.`,
    );
    expect(page.url()).toContain('directed=1');
    expect(await panel.locator('.path-hop').count()).toBe(0);
    await page.locator('#path-either').click();
    await expect.poll(() => panel.locator('.path-hop').count()).toBe(3);
    expect(page.url()).not.toContain('directed=');

    // Clicking another note on the map selects it, and the path (which ran from the first note) ends.
    await settle(page);
    const other = pathNotes().find((k) => k !== A)!;
    const at = (await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), other))!;
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(title(other));
    expect(await panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => window.__notemap!.store.get().pathTo)).toBeNull();
    await page.close();
  });

  it('says when no chain of links joins the two notes, and gives the size of each one\'s part of the map', async () => {
    const orphan = graph.getAttribute('health').orphans[0];
    const { page } = await openMap(session, `?note=${encodeURIComponent(A)}&panel=path&pathto=${encodeURIComponent(orphan)}`);
    const panel = page.locator('#path');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('.path-headline').textContent()).toBe(`No path between “${title(A)}” and “${title(orphan)}”: no chain of links joins them.`);
    const part = graph.getAttribute('stats').largestComponent;
    expect(await texts(page, '#path .path-parts li')).toEqual([
      `“${title(A)}” is in a part of ${part} notes.`,
      `“${title(orphan)}” links to no other note, and no note links to it.`,
    ]);
    // Both ends marked on the map; the orphan's part is just itself.
    await expect.poll(async () => (await drawnNode(page, orphan)).highlighted).toBe(true);
    await saveScreenshot(page, 'path-none.png');
    await page.locator('#path .close').click();
    await expect.poll(() => panel.isHidden()).toBe(true);
    await page.close();
  });
});
