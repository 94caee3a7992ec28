/**
 * Exports from the map (the Export menu): the view as PNG at 1x, 2x and 4x and
 * as SVG with the note titles as text, and the graph as GEXF; and unlinked
 * mentions in the summary panel (with the link to copy) and the health panel.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { launchBrowser, loadGraph, openMap, saveScreenshot, serveGraphJson, settle, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

/** Clicks an Export menu entry and returns the downloaded file's bytes (also kept under the artifacts). */
async function exportFile(page: Page, what: string): Promise<{ name: string; bytes: Buffer }> {
  if ((await page.locator('#btn-export').getAttribute('aria-expanded')) !== 'true') await page.locator('#btn-export').click();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.locator(`[data-export="${what}"]`).click()]);
  const file = path.join(inject('artifactsDir'), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** One download from a page of its own: Chromium asks before a page's second download (a user answers once). */
async function fromNewPage(what: string): Promise<{ name: string; bytes: Buffer }> {
  const opened = await openMap(session);
  await settle(opened.page);
  const file = await exportFile(opened.page, what);
  await opened.page.close();
  return file;
}

/** Width and height of a PNG, from its header. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('export', () => {
  it('saves the view as SVG with the titles as text and the legend, and the graph as GEXF', async () => {
    const { page, errors } = await openMap(session);
    await settle(page);
    const svg = await exportFile(page, 'svg');
    expect(svg.name).toMatch(/-map\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(svg.bytes.length).toBeGreaterThan(5000);
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Every note title the map labels is a <text> element (escaped as XML).
    const titles = [...text.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    const noteTitles = new Set<string>();
    graph.forEachNode((_k, a) => noteTitles.add(a.title));
    const labelled = titles.filter((t) => noteTitles.has(t));
    expect(labelled.length).toBeGreaterThanOrEqual(Math.min(20, graph.order));
    expect(text).toContain('class="legend"');

    await page.close();
    const gexf = await fromNewPage('gexf');
    const xml = gexf.bytes.toString('utf8');
    expect(xml).toContain('<gexf version="1.3"');
    // What the filters show (by default, every note; hidden kinds left out).
    const nodes = (xml.match(/<node /g) ?? []).length;
    expect(nodes).toBeGreaterThan(graph.order * 0.8);
    expect(nodes).toBeLessThanOrEqual(graph.order);
    expect(xml).toContain('<viz:position');
    expect(errors).toEqual([]);
  }, 120_000);

  it('saves the view as PNG at 1x, 2x and 4x: two and four times the pixels each way', async () => {
    const png1 = await fromNewPage('png-1');
    const png2 = await fromNewPage('png-2');
    const png4 = await fromNewPage('png-4');
    expect(png1.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png4.bytes.subarray(1, 4).toString()).toBe('PNG');
    const one = pngSize(png1.bytes);
    expect(one.width).toBeGreaterThan(400);
    expect(pngSize(png2.bytes)).toEqual({ width: one.width * 2, height: one.height * 2 });
    expect(pngSize(png4.bytes)).toEqual({ width: one.width * 4, height: one.height * 4 });
    expect(png2.bytes.length).toBeGreaterThan(png1.bytes.length);
    expect(png4.bytes.length).toBeGreaterThan(png2.bytes.length);
  }, 180_000);

  it('lists a note\'s unlinked mentions under its backlinks with the link to copy, and ranks the mentioned orphan first', async () => {
    const json = JSON.parse(fs.readFileSync(inject('graphPath'), 'utf8'));
    const orphans: string[] = json.attributes.health.orphans;
    const target = orphans[orphans.length - 1];
    const sources = json.nodes.filter((n: { key: string; attributes: { kind: string } }) => n.attributes.kind === 'note' && n.key !== target).slice(0, 2);
    const title = json.nodes.find((n: { key: string }) => n.key === target).attributes.title;
    json.attributes.mentions = {
      rule: { minLetters: 4, maxShare: 0.05, minCommonNotes: 10 },
      common: [],
      mentions: sources.map((s: { key: string }, i: number) => ({
        source: s.key, target, text: title, line: 3 + i, context: `A sentence that names ${title} in passing.`, count: 1, link: `[[${title}]]`,
      })),
    };
    const { page } = await openMap(session, `?note=${encodeURIComponent(target)}`, (p) => serveGraphJson(p, JSON.stringify(json)));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const section = page.locator('#summary .summary-mentions');
    await expect.poll(() => section.locator('h3').textContent()).toBe('Unlinked mentions (2)');
    expect(await section.locator('.link-context').first().textContent()).toBe(`A sentence that names ${title} in passing.`);
    await section.locator('.copy-link').first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`[[${title}]]`);
    await saveScreenshot(page, 'mentions-summary.png');
    await page.locator('#btn-health').click();
    const first = page.locator('#health .health-orphan').first();
    await expect.poll(() => first.textContent()).toContain('mentioned in 2 notes, linked from none');
    await saveScreenshot(page, 'mentions-health.png');
    await page.close();
  });
});
