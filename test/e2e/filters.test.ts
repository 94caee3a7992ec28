/**
 * The orphan and dangling toggles change what is drawn and the counts, and
 * a reload keeps them (they live in the URL).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, inkPixels, launchBrowser, loadGraph, openMap, settle, waitForMap, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();
const stats = graph.getAttribute('stats');
const orphan = graph.findNode((_k, a) => a.kind === 'note' && a.orphan);
const dangling = graph.findNode((_k, a) => a.kind === 'dangling');

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

const shown = async (page: Page): Promise<{ notes: number; dangling: number; text: string }> => {
  const counts = page.locator('#counts');
  return {
    notes: Number(await counts.getAttribute('data-notes-shown')),
    dangling: Number(await counts.getAttribute('data-dangling-shown')),
    text: (await counts.textContent()) ?? '',
  };
};
const drawn = (page: Page, key: string): Promise<boolean> => page.evaluate((k) => window.__notemap!.nodeScreenPosition(k) !== null, key);

describe('filters', () => {
  it('hiding orphans and dangling targets removes them from the map and the counts', async () => {
    expect(orphan && dangling).toBeTruthy(); // the sample vault has both
    const { page } = await openMap(session);
    await settle(page);
    const before = await shown(page);
    expect(before.notes).toBe(stats.notes);
    expect(before.text).toContain(`${formatCount(stats.notes)} of ${formatCount(stats.notes)} notes shown`);
    expect(before.dangling).toBe(stats.danglingTargets);
    const inkBefore = await inkPixels(page);
    expect(await drawn(page, orphan!)).toBe(true);

    await page.locator('#filter-showOrphans').uncheck();
    await expect.poll(async () => (await shown(page)).notes).toBe(stats.notes - stats.orphans);
    expect((await shown(page)).text).toContain(`${formatCount(stats.notes - stats.orphans)} of ${formatCount(stats.notes)} notes shown`);
    expect(await drawn(page, orphan!)).toBe(false);

    await page.locator('#filter-showDangling').uncheck();
    await expect.poll(async () => (await shown(page)).dangling).toBe(0);
    expect(await drawn(page, dangling!)).toBe(false);
    await page.waitForTimeout(300);
    const inkAfter = await inkPixels(page);
    expect(inkAfter.ink).not.toBe(inkBefore.ink);

    // The filters live in the URL: a reload keeps them.
    await page.reload();
    await waitForMap(page);
    expect(await page.locator('#filter-showOrphans').isChecked()).toBe(false);
    expect(await page.locator('#filter-showDangling').isChecked()).toBe(false);
    expect((await shown(page)).notes).toBe(stats.notes - stats.orphans);

    await page.locator('#filter-showOrphans').check();
    await page.locator('#filter-showDangling').check();
    await expect.poll(async () => (await shown(page)).notes).toBe(stats.notes);
    expect((await shown(page)).dangling).toBe(stats.danglingTargets);
    expect(await drawn(page, dangling!)).toBe(true);
    await page.close();
  });

  it('a link to a local view opens framed on the note and all its neighbours', async () => {
    // The most linked note: its neighbours are spread over the whole map.
    const hub = graph.reduceNodes((best: string | null, key) => (best === null || graph.degree(key) > graph.degree(best) ? key : best), null)!;
    const { page } = await openMap(session, `?note=${encodeURIComponent(hub)}&depth=1`);
    await settle(page);
    const { drawnCount, offScreen } = await page.evaluate((keys) => {
      const hook = window.__notemap!;
      const map = document.getElementById('graph')!.getBoundingClientRect();
      const panel = document.getElementById('panel')!.getBoundingClientRect();
      const right = Math.min(map.right, panel.left);
      const points = keys.map((key) => ({ key, p: hook.nodeScreenPosition(key) })).filter((e) => e.p !== null);
      const outside = points.filter(({ p }) => p!.x < map.left || p!.x > right || p!.y < map.top || p!.y > map.bottom);
      return { drawnCount: points.length, offScreen: outside.map((e) => e.key) };
    }, [hub, ...graph.neighbors(hub)]);
    expect(drawnCount).toBeGreaterThan(10);
    expect(offScreen).toEqual([]);
    await page.close();
  });
});
