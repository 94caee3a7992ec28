/**
 * placeNewNodes, as the live update uses it: a note added to a laid-out map
 * appears beside the notes it links, no other node moves, a note that links
 * nothing joins the orphans' band, and the result is the same every time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault } from '../../../scripts/lib/vault-generator.js';
import { writeVault } from '../../../scripts/lib/write-vault.js';
import type { NoteNodeAttributes } from '../../../src/core/contract.js';
import type { NotemapGraph } from '../../../src/extract/build-graph.js';
import { placeNewNodes } from '../../../src/extract/layout-place-new.js';
import { runPipeline } from '../../../src/extract/pipeline.js';

describe('placeNewNodes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notemap-place-'));
  let built: NotemapGraph;

  beforeAll(async () => {
    await writeVault(dir, generateVault({ notes: 250, seed: 11 }), 'place-new test vault');
    built = (await runPipeline(dir, { builtAt: 'x' })).graph;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the built graph with new notes `fresh` linking `links[i]` (and nothing for an empty list). */
  function withNewNotes(fresh: Record<string, string[]>): NotemapGraph {
    const graph = built.copy() as NotemapGraph;
    const template = graph.getNodeAttributes(graph.findNode((_k, a) => a.kind === 'note')!) as NoteNodeAttributes;
    for (const [key, targets] of Object.entries(fresh)) {
      graph.addNode(key, { ...template, path: key, title: key, orphan: targets.length === 0, inDegree: 0, outDegree: targets.length, x: 0, y: 0 });
      for (const t of targets) graph.addDirectedEdge(key, t, { kinds: ['inline'], count: 1, context: '', line: 1 });
    }
    return graph;
  }

  const xy = (g: NotemapGraph, k: string) => ({ x: g.getNodeAttribute(k, 'x'), y: g.getNodeAttribute(k, 'y') });

  it('puts a new note beside the note it links, moving nothing else, the same every time', () => {
    const hub = built.nodes().reduce((best, k) => (built.degree(k) > built.degree(best) ? k : best));
    const other = built.filterNodes((k, a) => a.kind === 'note' && !a.orphan && k !== hub)[0];
    const fresh = { 'new/idea.md': [hub], 'new/pair.md': [other, 'new/idea.md'] };
    const a = withNewNotes(fresh);
    placeNewNodes(a, Object.keys(fresh));
    const b = withNewNotes(fresh);
    placeNewNodes(b, Object.keys(fresh));
    for (const key of built.nodes()) expect(xy(a, key)).toEqual(xy(built, key));
    for (const key of Object.keys(fresh)) {
      expect(xy(a, key)).toEqual(xy(b, key));
      expect(Number.isFinite(xy(a, key).x) && Number.isFinite(xy(a, key).y)).toBe(true);
    }
    const idea = xy(a, 'new/idea.md');
    const h = xy(a, hub);
    const gap = Math.hypot(idea.x - h.x, idea.y - h.y);
    // Near its neighbour (a few link lengths) yet not on top of it.
    expect(gap).toBeLessThan(150);
    expect(gap).toBeGreaterThan(5);
  });

  it('puts a new note that links nothing in a new row under the orphans', () => {
    const g = withNewNotes({ 'lonely-new.md': [] });
    placeNewNodes(g, ['lonely-new.md']);
    const orphans = built.filterNodes((_k, a) => a.kind === 'note' && a.orphan);
    expect(orphans.length).toBeGreaterThan(0);
    // The map draws y upwards: under the band is below its lowest y.
    const minY = Math.min(...orphans.map((k) => built.getNodeAttribute(k, 'y')));
    const minX = Math.min(...orphans.map((k) => built.getNodeAttribute(k, 'x')));
    const maxX = Math.max(...orphans.map((k) => built.getNodeAttribute(k, 'x')));
    const p = xy(g, 'lonely-new.md');
    expect(p.y).toBeLessThan(minY);
    expect(p.x).toBeGreaterThanOrEqual(minX);
    expect(p.x).toBeLessThanOrEqual(maxX);
  });
});
