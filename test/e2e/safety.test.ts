/**
 * Nothing from a note runs in the page: a vault whose titles, summaries,
 * tags and link targets hold HTML and script shows them as literal text. A
 * missing or invalid graph.json shows a message naming the command to run.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loadGraph, openMap, serveGraphJson, type Session } from './browser.js';

let session: Session;
const xssFile = inject('xssGraphPath');
const xss = loadGraph(xssFile);

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

/** Serve `body` as graph.json, without compact files (the page falls back to graph.json). */
const serveGraph = (body: string, status = 200) => (page: Page): Promise<void> => serveGraphJson(page, body, status);

/** Serve the graph file `file` and the compact files the build wrote beside it. */
const serveGraphFiles = (file: string) => async (page: Page): Promise<void> => {
  await page.route(/\/graph\.(json|compact\.bin|details\.\d+\.json)$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    route.fulfill({ status: 200, body: fs.readFileSync(file.replace(/\.json$/, '') + name.slice('graph'.length)) });
  });
};

/** Elements that markup in a note would have created if it were parsed as HTML. */
const injected = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelectorAll('[onerror], [onload], iframe, body svg[onload], img[src="x"], img[src="y"], img[src="z"]').length);

describe('note text is never HTML', () => {
  it.each([
    ['graph.json', (file: string) => serveGraph(fs.readFileSync(file, 'utf8'))],
    ['the compact files', serveGraphFiles],
  ])('from %s: shows titles, summaries, tags and dangling names literally and runs nothing', async (_from, serve) => {
    const evilKey = xss.findNode((_k, a) => a.kind === 'note' && a.path === 'evil.md')!;
    const evil = xss.getNodeAttributes(evilKey);
    if (evil.kind !== 'note') throw new Error('evil.md is not a note');
    expect(evil.title).toContain('<script>');

    const dialogs: string[] = [];
    const { page, errors } = await openMap(session, '', async (p) => {
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await serve(xssFile)(p);
    });
    await page.keyboard.press('/');
    await page.keyboard.type('Evil');
    await expect.poll(() => page.locator('#search-results [role="option"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results .search-title').first().textContent()).toBe(evil.title);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(evil.title);
    await expect.poll(() => page.locator('#summary .summary-text').textContent()).toBe(evil.summary);
    const dangling = xss.filterNodes((_k, a) => a.kind === 'dangling').map((k) => xss.getNodeAttribute(k, 'title'));
    expect(await page.locator('#summary .summary-missing li > button.node-link').evaluateAll((b) => b.map((x) => x.textContent)))
      .toEqual(dangling);

    await page.locator('#btn-health').click();
    await expect.poll(() => page.locator('#health').isVisible()).toBe(true);
    // Hover every node, so that hover labels and tooltips render their text too.
    for (const key of xss.nodes()) {
      const at = await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), key);
      if (at) await page.mouse.move(at.x, at.y);
      await page.waitForTimeout(100);
    }
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await injected(page)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a missing or invalid graph.json', () => {
  it.each([
    ['missing', 404, JSON.stringify({ error: 'graph data not found' })],
    ['invalid', 200, '{"this is": not json'],
  ])('%s: the page says which command to run', async (_name, status, body) => {
    const { page } = await openMap(session, '', serveGraph(body, status), false);
    const message = page.locator('#message');
    await expect.poll(() => message.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await message.textContent()).toMatch(/npm (start|run graph)/);
    await page.close();
  });
});
