/**
 * Redraws a big map cannot afford (src/app/render/needless-redraws.ts): the
 * map opens with one drawn frame, framed (sigma's constructor used to draw
 * one at its default camera first), a drag of the stage ends with a
 * redraw, not with the whole graph indexed again, and on a big map a pan
 * moves the drawn layers until the release (pan-shift.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteNodeAttributes } from '../../src/core/contract.js';
import { runPipeline } from '../../src/extract/pipeline.js';
import { serializeGraph } from '../../src/extract/write.js';
import { SHIFT_PAN_NODES } from '../../src/app/render/pan-shift.js';
import { launchBrowser, openMap, serveGraphJson, type Session } from './browser.js';

let session: Session;
/** The sample vault with enough extra orphans for a big map's pan (pan-shift.ts). */
let bigBody = '';
beforeAll(async () => {
  session = await launchBrowser();
  const { graph } = await runPipeline('data/vault', { builtAt: '2026-01-01T00:00:00.000Z' });
  const model = graph.getNodeAttributes(graph.findNode((_k, a) => a.kind === 'note')!) as NoteNodeAttributes;
  for (let i = 0; graph.order <= SHIFT_PAN_NODES; i++) {
    const key = `extra/${i}.md`;
    graph.addNode(key, { ...model, title: `extra ${i}`, path: key, orphan: true, x: 2000 + (i % 80) * 10, y: Math.floor(i / 80) * 10 });
  }
  bigBody = serializeGraph(graph).join('');
}, 60_000);
afterAll(async () => {
  await session?.close();
});

/** Count WebGL draw calls from the page's first script on (window.__draws). */
async function countDraws(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __draws: number };
    w.__draws = 0;
    for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype] as unknown as Record<string, (...a: unknown[]) => unknown>[]) {
      for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
        const draw = proto[name];
        if (typeof draw !== 'function') continue;
        proto[name] = function (this: unknown, ...args: unknown[]) {
          w.__draws++;
          return draw.apply(this, args);
        };
      }
    }
  });
}

describe('redraws', () => {
  it('opens with one frame drawn, at the framed camera', async () => {
    const { page, errors } = await openMap(session, '', countDraws);
    const opened = await page.evaluate(() => (window as unknown as { __draws: number }).__draws);
    // One more frame, drawn the way sigma draws every frame: its draw calls are one frame's worth.
    const oneFrame = await page.evaluate(() => {
      const w = window as unknown as { __draws: number };
      const before = w.__draws;
      window.__notemap!.sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
      return w.__draws - before;
    });
    expect(oneFrame).toBeGreaterThan(0);
    expect(opened).toBe(oneFrame);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a drag of the stage, with links hidden while moving, ends in a redraw that indexes nothing', async () => {
    const { page, errors } = await openMap(session);
    const start = await page.evaluate(() => {
      const sigma = window.__notemap!.sigma as unknown as {
        setSetting(k: string, v: unknown): void;
        getNodeAtPosition(p: { x: number; y: number }): string | null;
        getDimensions(): { width: number; height: number };
      };
      // As a big map has it (performance.ts); setting it refreshes once, before the count starts.
      sigma.setSetting('hideEdgesOnMove', true);
      const { height } = sigma.getDimensions();
      for (let y = height - 12; y > 12; y -= 8) if (sigma.getNodeAtPosition({ x: 12, y }) === null) return { x: 12, y };
      return null;
    });
    expect(start).not.toBeNull();
    await page.waitForTimeout(200);
    await page.evaluate(() => {
      const w = window as unknown as { __indexed: number; __renders: number };
      const sigma = window.__notemap!.sigma as unknown as { process(): void; on(e: string, f: () => void): void };
      w.__indexed = 0;
      w.__renders = 0;
      const process = sigma.process;
      sigma.process = function (this: unknown) {
        w.__indexed++;
        return process.call(this);
      };
      sigma.on('afterRender', () => w.__renders++);
    });
    const box = (await page.locator('#graph').boundingBox())!;
    const camera = () => page.evaluate(() => window.__notemap!.sigma.getCamera().getState());
    const before = await camera();
    await page.mouse.move(box.x + start!.x, box.y + start!.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + start!.x + i * 20, box.y + start!.y - i * 10);
    await page.mouse.up();
    await page.waitForTimeout(400);
    const after = await camera();
    expect(after.x).not.toBe(before.x);
    const counts = await page.evaluate(() => {
      const w = window as unknown as { __indexed: number; __renders: number };
      return { __indexed: w.__indexed, __renders: w.__renders };
    });
    expect(counts.__renders).toBeGreaterThan(0);
    expect(counts.__indexed).toBe(0);
    // The frame after the release draws the links again: a frame drawn while not moving.
    const moving = await page.evaluate(() => {
      const mouse = window.__notemap!.sigma.getMouseCaptor();
      return mouse.isMoving || mouse.draggedEvents > 0;
    });
    expect(moving).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a big map pans and zooms by moving its layers, and draws once at the release or the glide\'s end', async () => {
    const { page, errors } = await openMap(session, '', (p) => serveGraphJson(p, bigBody));
    const start = await page.evaluate(() => {
      const sigma = window.__notemap!.sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null; getDimensions(): { height: number } };
      const { height } = sigma.getDimensions();
      for (let y = 12; y < height - 12; y += 8) if (sigma.getNodeAtPosition({ x: 12, y }) === null) return { x: 12, y };
      return null;
    });
    expect(start).not.toBeNull();
    await page.waitForTimeout(200);
    await page.evaluate(() => {
      const w = window as unknown as { __renders: number };
      w.__renders = 0;
      window.__notemap!.sigma.on('afterRender', () => w.__renders++);
    });
    const layers = () =>
      page.evaluate(() => {
        const sigma = window.__notemap!.sigma;
        const mouse = sigma.getMouseCaptor().container;
        return [...sigma.getContainer().children].filter((el) => el !== mouse).map((el) => (el as HTMLElement).style.transform);
      });
    const renders = () => page.evaluate(() => (window as unknown as { __renders: number }).__renders);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + start!.x, box.y + start!.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + start!.x + i * 20, box.y + start!.y + i * 10);
    await page.waitForTimeout(100);
    // Mid-drag: every drawn layer moved by the drag (200, 100), nothing drawn.
    const moved = await layers();
    expect(moved.length).toBeGreaterThan(3);
    for (const t of moved) expect(t).toBe('translate(200px, 100px)');
    expect(await renders()).toBe(0);
    await page.mouse.up();
    await page.waitForTimeout(400);
    expect(new Set(await layers())).toEqual(new Set(['']));
    expect(await renders()).toBeGreaterThan(0);

    // A zoom step glides (200 ms): its frames scale the drawn layers; its last frame draws for real.
    const drawnBefore = await renders();
    const during = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          document.getElementById('btn-zoom-in')!.click();
          const sigma = window.__notemap!.sigma;
          const mouse = sigma.getMouseCaptor().container;
          const seen: string[] = [];
          let frames = 0;
          const look = () => {
            const first = [...sigma.getContainer().children].find((el) => el !== mouse) as HTMLElement;
            if (first.style.transform) seen.push(first.style.transform);
            if (++frames < 8) requestAnimationFrame(look);
            else resolve(seen);
          };
          requestAnimationFrame(look);
        }),
    );
    expect(during.length).toBeGreaterThan(0);
    for (const t of during) expect(t).toMatch(/^translate\(.*\) scale\(1\.\d+\)$/);
    await page.waitForTimeout(500);
    expect(new Set(await layers())).toEqual(new Set(['']));
    expect(await renders()).toBeGreaterThan(drawnBefore);

    // A change of the looks during a glide (a selection) is drawn at once, not at the glide's end.
    const drawnMidGlide = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const w = window as unknown as { __renders: number };
          document.getElementById('btn-zoom-out')!.click();
          requestAnimationFrame(() => {
            const before = w.__renders;
            window.__notemap!.store.set({ selected: 'extra/0.md' });
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(w.__renders - before)));
          });
        }),
    );
    expect(drawnMidGlide).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
