/**
 * Unlinked mentions drawn as dashed suggested links: off by default; the
 * display setting draws them (dashes on their own canvas layer, the count in
 * the URL and the map key), the tooltip names them, and switching off clears
 * them. The sample vault links everything it names, so the served graph.json
 * gets two mentions between notes that are not linked.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { launchBrowser, loadGraph, openMap, saveScreenshot, serveGraphJson, settle, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

/** Two notes, not linked either way, as far apart as the layout puts them (a long dashed line). */
function farPair(): [string, string] {
  const notes = graph.filterNodes((_k, a) => a.kind === 'note' && !a.orphan && !a.draft);
  let best: [string, string] = [notes[0], notes[1]];
  let far = -1;
  for (const a of notes) {
    for (const b of notes) {
      if (a >= b || graph.hasEdge(a, b) || graph.hasEdge(b, a)) continue;
      const [p, q] = [graph.getNodeAttributes(a), graph.getNodeAttributes(b)];
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      if (d > far) [best, far] = [[a, b], d];
    }
  }
  return best;
}
const [A, B] = farPair();

/** The sample graph.json with A and B naming each other (or, `none`, with no mention at all). */
function withMentions(none = false): string {
  const json = JSON.parse(fs.readFileSync(inject('graphPath'), 'utf8'));
  const title = (k: string) => graph.getNodeAttribute(k, 'title');
  json.attributes.mentions = {
    rule: { minLetters: 4, maxShare: 0.05, minCommonNotes: 10 },
    common: [],
    mentions: none ? [] : [
      { source: A, target: B, text: title(B), line: 3, context: `A sentence naming ${title(B)}.`, count: 1, link: `[[${title(B)}]]` },
      { source: B, target: A, text: title(A), line: 5, context: `And one naming ${title(A)}.`, count: 1, link: `[[${title(A)}]]` },
    ],
  };
  return JSON.stringify(json);
}

/**
 * The suggested-links canvas: its painted pixels, and how many times the
 * paint stops and starts again along the line from A to B (a dashed line
 * does many times, a solid one never).
 */
function dashLayer(page: Page): Promise<{ painted: number; breaks: number }> {
  return page.evaluate(
    ([a, b]) => {
      const hook = window.__notemap!;
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.sigma-suggested')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const p = hook.nodeScreenPosition(a)!;
      const q = hook.nodeScreenPosition(b)!;
      // Sample the middle of the line (away from the nodes drawn over it), one canvas pixel at a time.
      const length = Math.hypot(q.x - p.x, q.y - p.y) * ratio;
      let breaks = 0;
      let previous: boolean | null = null;
      for (let s = length * 0.2; s <= length * 0.8; s++) {
        const t = s / length;
        const x = Math.round(((p.x - box.left) + (q.x - p.x) * t) * ratio);
        const y = Math.round(((p.y - box.top) + (q.y - p.y) * t) * ratio);
        let on = false;
        // The line is anti-aliased across about two pixels: look at the pixel and its neighbours.
        for (let dy = -1; dy <= 1 && !on; dy++) for (let dx = -1; dx <= 1 && !on; dx++) on = data[((y + dy) * canvas.width + (x + dx)) * 4 + 3] > 0;
        if (previous === true && !on) breaks++;
        previous = on;
      }
      return { painted, breaks };
    },
    [A, B] as const,
  );
}

describe('suggested links (unlinked mentions)', () => {
  it('draws them dashed on request, names them in the tooltip and the key, and clears them when switched off', async () => {
    const { page, errors } = await openMap(session, '', (p) => serveGraphJson(p, withMentions()));
    await settle(page);
    const toggle = page.locator('#filter-showMentions');
    expect(await toggle.isChecked()).toBe(false);
    expect(await page.evaluate(() => window.__notemap!.suggestedLinks())).toBe(0);
    expect((await dashLayer(page)).painted).toBe(0);

    await toggle.check();
    await expect.poll(() => page.evaluate(() => window.__notemap!.suggestedLinks())).toBe(1);
    expect(page.url()).toContain('mentions=1');
    const on = await dashLayer(page);
    expect(on.painted).toBeGreaterThan(50);
    expect(on.breaks).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#map-key-suggested').textContent()).toBe('suggested link (unlinked mention)');
    // They are not links: the counts still say the links of graph.json.
    const edges = await page.evaluate(() => window.__notemap!.graph.size);
    expect(edges).toBe(graph.size);

    // Right on the dashed line the tooltip names it, even where real links pass close by
    // (the line crosses the core); only where a note lies under the pointer does the note win.
    const [p, q] = await page.evaluate(([a, b]) => [window.__notemap!.nodeScreenPosition(a)!, window.__notemap!.nodeScreenPosition(b)!], [A, B] as const);
    const step = 3 / Math.hypot(q.x - p.x, q.y - p.y);
    // Every drawn note's centre and radius on the page: within max(8 px, radius) the note takes the pointer.
    const notes = await page.evaluate(() => {
      const { sigma, graph } = window.__notemap!;
      const box = sigma.getContainer().getBoundingClientRect();
      return graph.nodes().flatMap((key) => {
        const d = sigma.getNodeDisplayData(key);
        if (!d || d.hidden) return [];
        const v = sigma.framedGraphToViewport(d);
        return [{ x: box.left + v.x, y: box.top + v.y, r: sigma.scaleSize(d.size) }];
      });
    });
    const underNote = (x: number, y: number) => notes.some((n) => Math.hypot(n.x - x, n.y - y) <= Math.max(8, n.r) + 1);
    let points = 0;
    let shown = 0;
    let lastShown: [number, number] = [0, 0];
    for (let t = 0.1; t <= 0.9; t += step) {
      const x = p.x + (q.x - p.x) * t;
      const y = p.y + (q.y - p.y) * t;
      if (underNote(x, y)) continue;
      await page.mouse.move(x, y);
      points++;
      if ((await page.locator('#tooltip').isVisible()) && ((await page.locator('#tooltip').textContent()) ?? '').includes('suggested link (unlinked mention)')) {
        shown++;
        lastShown = [x, y];
      }
    }
    expect(points).toBeGreaterThan(20);
    expect(shown / points).toBeGreaterThan(0.9);
    await page.mouse.move(...lastShown);
    expect(await page.locator('#tooltip').textContent()).toContain('without linking to it');
    await saveScreenshot(page, 'suggested-links.png');

    // The SVG export draws them too, dashed, between the links and the nodes.
    await page.locator('#btn-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').click()]);
    const svg = fs.readFileSync((await download.path())!, 'utf8');
    const group = /<g class="suggested"[^>]*stroke-dasharray="5 4"[^>]*>([\s\S]*?)<\/g>\n<\/g>/.exec(svg);
    expect(group).not.toBeNull();
    expect(group![1].match(/<line /g)).toHaveLength(1);
    expect(svg.indexOf('class="suggested"')).toBeLessThan(svg.indexOf('class="nodes"'));
    await page.locator('#btn-export').click();

    await toggle.uncheck();
    await expect.poll(() => page.evaluate(() => window.__notemap!.suggestedLinks())).toBe(0);
    expect((await dashLayer(page)).painted).toBe(0);
    expect(page.url()).not.toContain('mentions=');
    expect(await page.locator('#map-key-suggested').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens with them drawn from the URL, and says when the vault has none', async () => {
    const drawn = await openMap(session, '?mentions=1', (p) => serveGraphJson(p, withMentions()));
    await expect.poll(() => drawn.page.evaluate(() => window.__notemap!.suggestedLinks())).toBe(1);
    expect(await drawn.page.locator('#filter-showMentions').isChecked()).toBe(true);
    await drawn.page.close();

    const { page } = await openMap(session, '?mentions=1', (p) => serveGraphJson(p, withMentions(true)));
    await expect.poll(() => page.locator('#map-key-suggested').textContent()).toBe('suggested link (unlinked mention): none in this vault');
    await page.close();
  });
});
