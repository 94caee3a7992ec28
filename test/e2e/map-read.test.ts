/**
 * Reading the map (issue 10) on the sample vault: labels fade out when the
 * map is zoomed far out (unless text fade is off) and follow the text-size
 * setting; a selection keeps its neighbourhood emphasised after the pointer
 * leaves, until it is cleared.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadGraph, openMap, settle, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

/** Set the camera's zoom ratio (1 = fitted; larger = farther out) and wait for the frame. */
async function zoomTo(page: Page, ratio: number): Promise<void> {
  await page.evaluate((r) => window.__notemap!.sigma.getCamera().setState({ ratio: r }), ratio);
  await page.waitForTimeout(250);
}
const labelCount = (page: Page) => page.evaluate(() => window.__notemap!.drawnLabels().length);

describe('labels', () => {
  it('fade out when zoomed far out, and stay at every zoom with text fade off', async () => {
    const { page, errors } = await openMap(session);
    await settle(page);
    await zoomTo(page, 1);
    const fitted = await labelCount(page);
    expect(fitted).toBeGreaterThan(3);
    await zoomTo(page, 1.6);
    const fading = await labelCount(page);
    await zoomTo(page, 4);
    expect(await labelCount(page)).toBe(0);
    expect(fading).toBeLessThanOrEqual(fitted);
    await page.close();

    const off = await openMap(session, '?fade=0');
    await settle(off.page);
    await zoomTo(off.page, 4);
    expect(await labelCount(off.page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await off.page.close();
  });

  it('the text-size slider sets the label size', async () => {
    const { page } = await openMap(session);
    await settle(page);
    expect(await page.evaluate(() => window.__notemap!.sigma.getSetting('labelSize'))).toBe(12);
    await page.locator('#filter-labelSize').fill('1.5');
    await expect.poll(() => page.evaluate(() => window.__notemap!.sigma.getSetting('labelSize'))).toBe(18);
    expect(page.url()).toContain('text=1.5');
    await page.close();
  });
});

describe('selection', () => {
  it('keeps the neighbourhood emphasised after the pointer leaves, until cleared', async () => {
    const { page } = await openMap(session);
    await settle(page);
    // A note with neighbours and with notes outside its neighbourhood.
    const key = graph.findNode((k, a) => a.kind === 'note' && graph.degree(k) >= 2)!;
    const near = new Set([key, ...graph.neighbors(key)]);
    const far = graph.findNode((k, a) => a.kind === 'note' && !near.has(k))!;
    const colorOf = (k: string) => page.evaluate((n) => window.__notemap!.sigma.getNodeDisplayData(n)?.color, k);
    const before = await colorOf(far);
    const position = await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), key);
    await page.mouse.click(position!.x, position!.y);
    await expect.poll(() => page.evaluate(() => window.__notemap!.store.get().selected)).toBe(key);
    // The pointer goes to an empty corner: the selection, not the hover, keeps the emphasis.
    await page.mouse.move(5, 790);
    await page.waitForTimeout(300);
    expect(await colorOf(far)).not.toBe(before);
    const labelled = await page.evaluate(() => window.__notemap!.drawnLabels());
    expect(labelled.some((k) => near.has(k))).toBe(true);
    expect(labelled.every((k) => near.has(k))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.__notemap!.store.get().selected)).toBeNull();
    await expect.poll(() => colorOf(far)).toBe(before);
    await page.close();
  });
});
