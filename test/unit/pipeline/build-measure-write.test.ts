// Build, measure, lay out and write, on hand-made parsed notes (no parser involved).
import Graph from 'graphology';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LinkKind, NoteNodeAttributes } from '../../../src/core/contract.js';
import { buildGraph, type NotemapGraph } from '../../../src/extract/build-graph.js';
import { layoutTicks } from '../../../src/core/forces.js';
import { layoutGraph } from '../../../src/extract/layout.js';
import { measureGraph, seededRandom } from '../../../src/extract/metrics.js';
import { buildResolveIndex, resolveLinks } from '../../../src/extract/resolve.js';
import type { ParsedNote, RawLink } from '../../../src/extract/types.js';
import { removePendingWrites, serializeGraph, serializeGraphChunks, writeFileAtomic } from '../../../src/extract/write.js';

function note(p: string, links: RawLink[] = [], extra: Partial<ParsedNote> = {}): ParsedNote {
  const title = p.slice(p.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return { path: p, title, tags: [], aliases: [], summary: '', created: null, updated: null, draft: false, words: 3, links, warnings: [], ...extra };
}
const l = (target: string, kind: LinkKind = 'inline', line = 1, context = `about ${target}`): RawLink => ({ target, kind, line, context });

const notes = [
  note('a.md', [l('b', 'inline', 3, 'first'), l('b', 'related', 9, 'second'), l('B.md', 'inline', 12), l('ghost', 'inline', 4), l('a'), l('pic.png', 'embed', 5)], {
    tags: ['Garden', 'garden', 'veg/tomato'],
  }),
  note('b.md', [l('a'), l('Ghost', 'frontmatter', 2)], { tags: ['garden'] }),
  note('c/c.md', [l('pic.png', 'embed')]),
  note('d.md', [l('e')]),
  note('e.md'),
  note('lonely.md', [l('nothing here')]),
];

/** A note node's attributes, typed as such. */
const noteOf = (graph: NotemapGraph, key: string) => graph.getNodeAttributes(key) as NoteNodeAttributes;

function build() {
  const index = buildResolveIndex(notes, ['img/pic.png']);
  const resolved = resolveLinks(notes, index);
  const graph = buildGraph({
    notes, resolved, vault: 'v', builtAt: '2020-01-01T00:00:00.000Z',
    warnings: [{ file: 'z.md', message: 'last' }, { file: 'a.md', line: 9, message: 'm' }, { file: 'a.md', line: 2, message: 'm' }],
  });
  return graph;
}

describe('buildGraph', () => {
  const graph = build();
  it('has one node per note, dangling target and attachment, keyed as the contract says', () => {
    expect(graph.nodes().sort()).toEqual(['?ghost', '?nothing here', '@img/pic.png', 'a.md', 'b.md', 'c/c.md', 'd.md', 'e.md', 'lonely.md']);
    expect(graph.getNodeAttributes('?ghost')).toMatchObject({ kind: 'dangling', dangling: true, title: 'ghost', suggestion: null, inDegree: 2 });
    expect(graph.getNodeAttributes('@img/pic.png')).toMatchObject({ kind: 'attachment', dangling: false, title: 'pic.png', path: 'img/pic.png', inDegree: 2 });
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(false);
  });

  it('merges repeated links into one edge: sorted kinds, count, first context and line', () => {
    expect(graph.getEdgeAttributes(graph.edge('a.md', 'b.md'))).toEqual({ kinds: ['inline', 'related'], count: 3, context: 'first', line: 3 });
    expect(graph.getEdgeAttributes(graph.edge('b.md', '?ghost'))).toMatchObject({ kinds: ['frontmatter'], count: 1 });
    expect(graph.hasEdge('a.md', 'a.md')).toBe(false);
  });

  it('flags orphans by note-to-note edges only, dedupes tags, sorts warnings', () => {
    const orphan = (k: string) => noteOf(graph, k).orphan;
    expect(['a.md', 'b.md', 'd.md', 'e.md'].map(orphan)).toEqual([false, false, false, false]);
    // c/c.md only embeds an image, lonely.md only links to a dangling target.
    expect(orphan('c/c.md')).toBe(true);
    expect(orphan('lonely.md')).toBe(true);
    expect(noteOf(graph, 'a.md').tags).toEqual(['Garden', 'veg/tomato']);
    expect(graph.getAttribute('warnings').map((w) => `${w.file}:${w.line ?? ''}`)).toEqual(['a.md:2', 'a.md:9', 'z.md:']);
  });
});

describe('measureGraph', () => {
  it('writes pagerank, community and component on notes and the stats on the graph', () => {
    const graph = build();
    const stats = measureGraph(graph);
    expect(stats).toEqual({
      notes: 6,
      links: 6, // a->b, a->?ghost, b->a, b->?ghost, d->e, lonely->?nothing here (attachments excluded)
      danglingTargets: 2,
      danglingLinks: 3,
      orphans: 2,
      attachments: 1,
      tags: [{ tag: 'Garden', count: 2 }, { tag: 'veg/tomato', count: 1 }],
      components: 4, // {a, b}, {d, e}, {c}, {lonely}
      largestComponent: 2,
    });
    const comp = (k: string) => noteOf(graph, k).component;
    expect(comp('a.md')).toBe(0); // size 2, smallest key
    expect(comp('b.md')).toBe(0);
    expect(comp('d.md')).toBe(1);
    expect(comp('e.md')).toBe(1);
    const ranks = ['a.md', 'b.md', 'c/c.md', 'd.md', 'e.md', 'lonely.md'].map((k) => noteOf(graph, k).pagerank);
    expect(ranks.reduce((s, r) => s + r, 0)).toBeCloseTo(1, 6);
    expect(noteOf(graph, 'e.md').pagerank).toBeGreaterThan(noteOf(graph, 'd.md').pagerank);
    expect(noteOf(graph, 'a.md').community).toBe(noteOf(graph, 'b.md').community);
    expect(noteOf(graph, 'a.md').community).not.toBe(noteOf(graph, 'd.md').community);
    expect(graph.getNodeAttributes('?ghost')).not.toHaveProperty('pagerank');
  });

  it('works on an empty graph', () => {
    const graph = buildGraph({ notes: [], resolved: { links: [], attachments: new Map() }, vault: 'v', builtAt: 'x', warnings: [] });
    expect(measureGraph(graph)).toMatchObject({ notes: 0, links: 0, components: 0, largestComponent: 0, tags: [] });
    expect(layoutGraph(graph)).toBe(layoutTicks(0));
  });

  it('seededRandom is deterministic and uniform-ish', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / 1000).toBeCloseTo(0.5, 1);
  });
});

describe('layout and write', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notemap-write-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fullBuild(): string {
    const graph = build();
    measureGraph(graph);
    layoutGraph(graph, { ticks: 50 });
    return serializeGraph(graph).join('');
  }

  it('places every node at rounded, distinct coordinates, the same on every run', () => {
    const graph = build();
    layoutGraph(graph, { ticks: 50 });
    const xy = graph.mapNodes((_k, a) => [a.x, a.y]);
    for (const [x, y] of xy) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.round(x * 100) / 100).toBe(x);
    }
    expect(new Set(xy.map((p) => p.join())).size).toBe(xy.length);
    expect(fullBuild()).toBe(fullBuild());
  });

  it('with 0 ticks, nodes keep distinct starting positions (never all at the origin)', () => {
    const graph = build();
    expect(layoutGraph(graph, { ticks: 0 })).toBe(0);
    const xy = graph.mapNodes((_k, a) => `${a.x},${a.y}`);
    expect(new Set(xy).size).toBe(xy.length);
  });

  it('writes JSON that graphology imports back, sorted and without edge keys', async () => {
    const text = fullBuild();
    const data = JSON.parse(text);
    expect(data.nodes.map((n: { key: string }) => n.key)).toEqual(['?ghost', '?nothing here', '@img/pic.png', 'a.md', 'b.md', 'c/c.md', 'd.md', 'e.md', 'lonely.md']);
    expect(data.edges[0]).not.toHaveProperty('key');
    const back = Graph.from(data);
    expect(back.order).toBe(9);
    expect(back.getEdgeAttribute(back.edge('a.md', 'b.md'), 'count')).toBe(3);
    expect(back.getAttribute('schemaVersion')).toBe(1);
    // Six significant digits at most for fractions.
    for (const n of data.nodes) if (n.attributes.pagerank) expect(String(n.attributes.pagerank).replace(/^0\.0*/, '').length).toBeLessThanOrEqual(6);
  });

  it('streams: the chunks are made one at a time as the writer asks, and written they are the serialized graph', async () => {
    const graph = build();
    measureGraph(graph);
    const chunks = serializeGraphChunks(graph);
    // A generator, not a finished list: nothing is serialised before the first chunk is asked for.
    expect(Array.isArray(chunks)).toBe(false);
    expect(typeof chunks.next).toBe('function');
    const out = path.join(dir, 'streamed.json');
    await writeFileAtomic(out, chunks);
    expect(readFileSync(out, 'utf8')).toBe(serializeGraph(graph).join(''));
  });

  it('writes atomically: the old file stays until the new one is complete, no temporary file left', async () => {
    const out = path.join(dir, 'sub', 'graph.json');
    const bytes = await writeFileAtomic(out, ['{"a":', '1}']);
    expect(bytes).toBe(7);
    expect(readFileSync(out, 'utf8')).toBe('{"a":1}');
    // A chunk that throws mid-write (JSON.stringify of a cycle, a full disk...): old content kept.
    const failing = {
      *[Symbol.iterator]() {
        yield 'x'.repeat(2 << 20);
        throw new Error('disk full');
      },
    } as unknown as string[];
    await expect(writeFileAtomic(out, failing)).rejects.toThrow('disk full');
    expect(readFileSync(out, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(path.dirname(out))).toEqual(['graph.json']);
  });

  it('a cleanup mid-write (what the CLI signal handler does) removes the tmp file and keeps the old one', async () => {
    const out = path.join(dir, 'graph3.json');
    writeFileSync(out, 'OLD');
    const chunks = Array.from({ length: 64 }, () => 'y'.repeat(1 << 19));
    const writing = writeFileAtomic(out, chunks);
    // Wait until the temporary file exists, then clean up as the SIGINT handler would.
    while (!readdirSync(dir).some((f) => f.startsWith('graph3.json.tmp-'))) await new Promise((r) => setTimeout(r, 1));
    removePendingWrites();
    await expect(writing).rejects.toThrow(/ENOENT/);
    expect(readFileSync(out, 'utf8')).toBe('OLD');
    expect(readdirSync(dir).filter((f) => f.startsWith('graph3'))).toEqual(['graph3.json']);
  });

  it('overwrites an existing file through the rename', async () => {
    const out = path.join(dir, 'graph2.json');
    writeFileSync(out, 'old');
    await writeFileAtomic(out, ['new']);
    expect(readFileSync(out, 'utf8')).toBe('new');
  });
});
