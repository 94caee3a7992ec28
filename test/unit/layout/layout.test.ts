/**
 * The build-time layout on real files: a generated vault in the seed notes'
 * format and the Obsidian corpus (small components, orphans, ghosts), built
 * by the real pipeline. What a user would notice: the same vault opens the
 * same way, nothing is lost off-canvas, linked notes sit together, hubs in
 * the middle of their cluster, and the orphans and small components keep to
 * their own tidy band under the connected part (a landscape block, clear of
 * it and of the right edge where the panel opens), which keeps most of the canvas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault } from '../../../scripts/lib/vault-generator.js';
import { writeVault } from '../../../scripts/lib/write-vault.js';
import type { NotemapGraph } from '../../../src/extract/build-graph.js';
import { layoutQuality } from '../../../src/extract/layout-quality.js';
import { BAND_MIN_PITCH } from '../../../src/extract/layout.js';
import { TARGET_ASPECT } from '../../../src/extract/layout-pack.js';
import { runPipeline } from '../../../src/extract/pipeline.js';
import { seededRandom } from '../../../src/extract/metrics.js';
import { LAYOUT_RADIUS_MAX, layoutRadius } from '../../../src/core/forces.js';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from '../../../src/app/style/sizes.js';

const CORPUS = path.resolve('../shared/corpora/kepano-obsidian');

type Box = { minX: number; minY: number; maxX: number; maxY: number };

function boxOf(graph: NotemapGraph, keep: (key: string) => boolean): Box {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  graph.forEachNode((key, a) => {
    if (!keep(key)) return;
    b.minX = Math.min(b.minX, a.x);
    b.maxX = Math.max(b.maxX, a.x);
    b.minY = Math.min(b.minY, a.y);
    b.maxY = Math.max(b.maxY, a.y);
  });
  return b;
}

const overlaps = (a: Box, b: Box) => a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;

function positions(graph: NotemapGraph): string {
  return graph
    .nodes()
    .sort()
    .map((k) => `${k} ${graph.getNodeAttribute(k, 'x')} ${graph.getNodeAttribute(k, 'y')}`)
    .join('\n');
}

describe('layout of a generated vault', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notemap-layout-'));
  let graph: NotemapGraph;

  beforeAll(async () => {
    await writeVault(dir, generateVault({ notes: 600, seed: 5 }), 'layout test vault');
    graph = (await runPipeline(dir, { builtAt: 'x' })).graph;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same positions when built again', async () => {
    const again = (await runPipeline(dir, { builtAt: 'x' })).graph;
    expect(positions(again)).toBe(positions(graph));
  });

  it('puts every node at finite, rounded coordinates, no two at one spot', () => {
    const seen = new Set<string>();
    graph.forEachNode((_k, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(Math.round(a.x * 100) / 100).toBe(a.x);
      seen.add(`${a.x},${a.y}`);
    });
    expect(seen.size).toBe(graph.order);
    expect(graph.getAttribute('layoutTicks')).toBeGreaterThan(0);
  });

  it('keeps orphans in their own band, under the connected part, which takes most of the canvas', () => {
    const orphans = graph.filterNodes((_k, a) => a.kind === 'note' && a.orphan);
    expect(orphans.length).toBeGreaterThan(5);
    const band = boxOf(graph, (k) => orphans.includes(k));
    const main = boxOf(graph, (k) => {
      const a = graph.getNodeAttributes(k);
      return a.kind === 'note' && a.component === 0 && !a.orphan;
    });
    expect(overlaps(band, main)).toBe(false);
    // Under the whole connected part (the map draws y upwards), with a clear gap.
    expect(band.maxY).toBeLessThan(main.minY - BAND_MIN_PITCH);
    // A landscape block, not a column: wider than tall, and no wider than the map needs.
    expect(band.maxX - band.minX).toBeGreaterThan(band.maxY - band.minY);
    const all = boxOf(graph, () => true);
    expect((all.maxX - all.minX) / (all.maxY - all.minY)).toBeLessThan(TARGET_ASPECT * 1.5);
    // The band stays small beside the main part, which keeps a good part of a landscape canvas fitted to the whole map.
    expect((band.maxX - band.minX) * (band.maxY - band.minY)).toBeLessThan(0.5 * (main.maxX - main.minX) * (main.maxY - main.minY));
    expect(canvasShare(main, all)).toBeGreaterThan(0.33);
  });

  it('puts small components in the band under the main part, each in one piece, not in a ring around it', () => {
    const byComponent = new Map<number, string[]>();
    graph.forEachNode((k, a) => {
      if (a.kind !== 'note' || a.orphan) return;
      byComponent.set(a.component, [...(byComponent.get(a.component) ?? []), k]);
    });
    const small = [...byComponent.entries()].filter(([c, keys]) => c > 0 && keys.length >= 3);
    expect(small.length).toBeGreaterThan(2);
    const main = boxOf(graph, (k) => byComponent.get(0)!.includes(k));
    const boxes = small.map(([, keys]) => boxOf(graph, (k) => keys.includes(k)));
    for (const box of boxes) expect(box.maxY).toBeLessThan(main.minY);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
    // They share the band with the orphans (above its grid), and the grid does not run through them.
    const orphans = graph.filterNodes((_k, a) => a.kind === 'note' && a.orphan);
    const band = boxOf(graph, (k) => orphans.includes(k));
    for (const box of boxes) expect(box.minY).toBeGreaterThan(band.maxY);
    for (const box of boxes) expect(orphans.some((k) => overlaps(box, boxOf(graph, (o) => o === k)))).toBe(false);
  });

  it('keeps around a hub no more room than it is drawn with', () => {
    expect(LAYOUT_RADIUS_MAX).toBe(MAX_NODE_SIZE);
    expect(layoutRadius(0)).toBe(MIN_NODE_SIZE);
    expect(layoutRadius(4)).toBe(7);
    expect(layoutRadius(5000)).toBe(MAX_NODE_SIZE);
  });

  it('draws linked notes much closer together than notes at random', () => {
    const { linkRatio } = layoutQuality(graph);
    expect(linkRatio).toBeGreaterThan(0);
    // The same positions dealt out at random score about 1.
    const shuffled = graph.copy();
    const xy = shuffled.mapNodes((_k, a) => [a.x, a.y]);
    const random = seededRandom(3);
    for (let i = xy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xy[i], xy[j]] = [xy[j], xy[i]];
    }
    let i = 0;
    shuffled.updateEachNodeAttributes((_k, a) => ({ ...a, x: xy[i][0], y: xy[i++][1] }));
    expect(layoutQuality(shuffled).linkRatio).toBeGreaterThan(0.8);
    expect(linkRatio).toBeLessThan(0.5);
  });

  it.each([0, 1, 2])('puts the most linked note of community %i in its middle half', (community) => {
    const members = graph.filterNodes((_k, a) => a.kind === 'note' && a.community === community);
    const cx = members.reduce((s, k) => s + graph.getNodeAttribute(k, 'x'), 0) / members.length;
    const cy = members.reduce((s, k) => s + graph.getNodeAttribute(k, 'y'), 0) / members.length;
    const dist = (k: string) => Math.hypot(graph.getNodeAttribute(k, 'x') - cx, graph.getNodeAttribute(k, 'y') - cy);
    const hub = members.reduce((best, k) => (graph.degree(k) > graph.degree(best) ? k : best), members[0]);
    const sorted = members.map(dist).sort((a, b) => a - b);
    // Closer to the middle than half of its community (a note at random is at the median).
    expect(dist(hub)).toBeLessThan(sorted[Math.floor(sorted.length / 2)]);
  });
});

describe('layout of the Obsidian corpus', () => {
  let graph: NotemapGraph;
  beforeAll(async () => {
    graph = (await runPipeline(CORPUS, { builtAt: 'x' })).graph;
  });

  it('packs the components apart and keeps dangling ghosts beside a note that links them', () => {
    const components = new Map<number, string[]>();
    graph.forEachNode((k, a) => {
      if (a.kind !== 'note' || a.orphan) return;
      const list = components.get(a.component) ?? [];
      list.push(k);
      components.set(a.component, list);
    });
    const packed = [...components.values()].filter((l) => l.length >= 3);
    expect(packed.length).toBeGreaterThan(1);
    // Discs around each packed component do not overlap one another.
    const discs = packed.map((keys) => {
      const cx = keys.reduce((s, k) => s + graph.getNodeAttribute(k, 'x'), 0) / keys.length;
      const cy = keys.reduce((s, k) => s + graph.getNodeAttribute(k, 'y'), 0) / keys.length;
      const r = Math.max(...keys.map((k) => Math.hypot(graph.getNodeAttribute(k, 'x') - cx, graph.getNodeAttribute(k, 'y') - cy)));
      return { cx, cy, r };
    });
    for (let i = 0; i < discs.length; i++)
      for (let j = i + 1; j < discs.length; j++) expect(Math.hypot(discs[i].cx - discs[j].cx, discs[i].cy - discs[j].cy)).toBeGreaterThan(discs[i].r + discs[j].r);
    const ghosts = graph.filterNodes((_k, a) => a.kind === 'dangling');
    expect(ghosts.length).toBeGreaterThan(0);
    for (const g of ghosts) {
      const near = Math.min(...graph.inNeighbors(g).map((k) => Math.hypot(graph.getNodeAttribute(k, 'x') - graph.getNodeAttribute(g, 'x'), graph.getNodeAttribute(k, 'y') - graph.getNodeAttribute(g, 'y'))));
      const span = layoutSpan(graph);
      expect(near).toBeLessThan(span / 3);
    }
  });
});

/** Share of a TARGET_ASPECT canvas fitted to `all` that `part`'s box covers. */
function canvasShare(part: Box, all: Box): number {
  const w = all.maxX - all.minX;
  const h = all.maxY - all.minY;
  const canvas = Math.max(w, TARGET_ASPECT * h) * Math.max(h, w / TARGET_ASPECT);
  return ((part.maxX - part.minX) * (part.maxY - part.minY)) / canvas;
}

function layoutSpan(graph: NotemapGraph): number {
  const b = boxOf(graph, () => true);
  return Math.max(b.maxX - b.minX, b.maxY - b.minY);
}
