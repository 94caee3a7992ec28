/**
 * Obsidian's graph controls in a real browser: the text filter shows only
 * the notes matching a query; the force sliders go into the URL and run the
 * layout with the new forces; "Run layout again" moves nodes from where
 * they are; the reset returns every force to its default.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORCE_DEFAULTS } from '../../src/core/force-settings.js';
import { launchBrowser, loadGraph, openMap, saveScreenshot, settle, waitForMap, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();
const notes = graph.filterNodes((_k, a) => a.kind === 'note');

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

const shownNotes = async (page: Page) => Number(await page.locator('#counts').getAttribute('data-notes-shown'));
const positions = (page: Page): Promise<Record<string, [number, number]>> =>
  page.evaluate(() => {
    const { graph } = window.__notemap!;
    return Object.fromEntries(graph.mapNodes((k, a) => [k, [a.x, a.y]]));
  });
/** How many nodes moved more than a hair between two snapshots. */
const moved = (a: Record<string, [number, number]>, b: Record<string, [number, number]>): number =>
  Object.keys(a).filter((k) => Math.hypot(a[k][0] - b[k][0], a[k][1] - b[k][1]) > 0.5).length;
const search = (page: Page) => page.evaluate(() => location.search);

describe('the graph filter', () => {
  it('shows only the notes matching the query, in the URL', async () => {
    const { page, errors } = await openMap(session);
    await settle(page);
    expect(await shownNotes(page)).toBe(notes.length);
    const journal = notes.filter((k) => k.startsWith('journal/2020/'));
    expect(journal.length).toBeGreaterThan(0);
    await page.locator('#filter-query').fill('path:journal/2020');
    await expect.poll(() => shownNotes(page)).toBe(journal.length);
    expect(await search(page)).toContain('filter=path%3Ajournal%2F2020');
    const drawn = await page.evaluate((keys) => keys.map((k) => window.__notemap!.nodeScreenPosition(k) !== null), [journal[0], notes.find((k) => !k.startsWith('journal/2020/'))!]);
    expect(drawn).toEqual([true, false]);
    // A minus leaves notes out.
    await page.locator('#filter-query').fill('path:journal/2020 -path:journal/2020');
    await expect.poll(() => shownNotes(page)).toBe(0);
    expect(await page.locator('#filter-query-hint').textContent()).toMatch(/No note matches/);
    // A reload keeps it; "Reset filters" clears it.
    await page.locator('#filter-query').fill('path:journal/2020');
    await expect.poll(() => search(page)).not.toContain('-path');
    await page.reload();
    await waitForMap(page);
    expect(await page.locator('#filter-query').inputValue()).toBe('path:journal/2020');
    expect(await shownNotes(page)).toBe(journal.length);
    await saveScreenshot(page, 'graph-filter.png');
    await page.locator('#filters .filter-reset').click();
    await expect.poll(() => shownNotes(page)).toBe(notes.length);
    expect(await page.locator('#filter-query').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a note the filters hide', () => {
  it('chosen in the search: its panel says what hides it, and "Show it" lifts that and shows it on the map', async () => {
    const key = notes.find((k) => k.startsWith('journal/'))!;
    const title = graph.getNodeAttribute(key, 'title');
    const { page, errors } = await openMap(session, '?filter=path%3Atopics%2F');
    await settle(page);
    await page.locator('#search').fill(title);
    await expect.poll(() => page.locator('#search-results [role=option]').count()).toBeGreaterThan(0);
    // The result says so before it is chosen.
    expect(await page.locator('#search-results [role=option]').first().locator('.search-hidden').textContent()).toBe('hidden by the filters');
    await page.locator('#search').press('Enter');
    await expect.poll(() => page.locator('#summary').isVisible()).toBe(true);
    const notice = page.locator('#summary .hidden-notice');
    await expect.poll(() => notice.textContent()).toContain('hidden by the text filter');
    expect(await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), key)).toBeNull();
    await saveScreenshot(page, 'hidden-note-notice.png');
    await page.locator('#summary-show-hidden').click();
    await expect.poll(() => page.evaluate((k) => window.__notemap!.nodeScreenPosition(k) !== null, key)).toBe(true);
    expect(await page.locator('#filter-query').inputValue()).toBe('');
    expect(await notice.count()).toBe(0);
    // With the filter lifted, the same search lists it plainly.
    await page.locator('#search').fill(title);
    await expect.poll(() => page.locator('#search-results [role=option]').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results .search-hidden').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('force controls', () => {
  it('a slider goes into the URL and lays the map out again; "Run layout again" moves nodes; reset restores the defaults', async () => {
    const { page, errors } = await openMap(session);
    await settle(page);
    const start = await positions(page);

    await page.locator('#force-repelForce').fill('200');
    await expect.poll(() => search(page)).toContain('repel=200');
    expect(await page.locator('output[for="force-repelForce"]').textContent()).toBe('200');
    // The layout runs with the stronger repulsion: the map spreads out.
    await expect.poll(() => page.evaluate(() => window.__notemap!.layoutRunning()), { timeout: 5000 }).toBe(true);
    await page.waitForFunction(() => !window.__notemap!.layoutRunning(), undefined, { timeout: 20_000 });
    const spread = await positions(page);
    expect(moved(start, spread)).toBeGreaterThan(notes.length / 2);
    const extent = (p: Record<string, [number, number]>) => {
      const xs = Object.values(p).map((v) => v[0]);
      return Math.max(...xs) - Math.min(...xs);
    };
    expect(extent(spread)).toBeGreaterThan(extent(start));

    // Run again: nodes move from where they are.
    await page.locator('#forces-run').click();
    await expect.poll(async () => moved(spread, await positions(page)), { timeout: 5000 }).toBeGreaterThan(0);
    await page.waitForFunction(() => !window.__notemap!.layoutRunning(), undefined, { timeout: 20_000 });

    // A reload keeps the forces; the reset returns them to the defaults.
    await page.reload();
    await waitForMap(page);
    expect(await page.locator('#force-repelForce').inputValue()).toBe('200');
    expect(await page.locator('#forces-reset').isDisabled()).toBe(false);
    await page.locator('#forces-reset').click();
    await expect.poll(() => search(page)).not.toContain('repel=');
    expect(Number(await page.locator('#force-repelForce').inputValue())).toBe(FORCE_DEFAULTS.repelForce);
    expect(await page.locator('#forces-reset').isDisabled()).toBe(true);
    await saveScreenshot(page, 'forces.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});
