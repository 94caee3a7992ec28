// The compact form round-trips the sample vault's graph: every node and edge, positions, tags, health and
// the details fetched later, so the map shows what graph.json holds.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCompact, CompactFormatError, DETAILS_CHUNK, type DetailsChunk } from '../../../src/core/compact.js';
import type { NotemapGraph } from '../../../src/extract/build-graph.js';
import { encodeCompact, writeCompactFiles } from '../../../src/extract/compact.js';
import { runPipeline } from '../../../src/extract/pipeline.js';
import { applyDetails, graphFromCompact } from '../../../src/app/compact-graph.js';
import type { MapGraph } from '../../../src/app/state/visibility.js';

let source: NotemapGraph;
const tmp = mkdtempSync(path.join(tmpdir(), 'notemap-compact-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  source = (await runPipeline('data/vault', { builtAt: '2020-01-01T00:00:00.000Z' })).graph;
});

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Positions travel as 32-bit floats: equal to float precision. */
function expectSameGraph(actual: MapGraph, expected: NotemapGraph): void {
  expect(actual.order).toBe(expected.order);
  expect(actual.size).toBe(expected.size);
  expect(actual.getAttributes()).toEqual(expected.getAttributes());
  expected.forEachNode((key, want) => {
    expect(actual.hasNode(key), key).toBe(true);
    const got = actual.getNodeAttributes(key) as unknown as Record<string, unknown>;
    const { x, y, pagerank, ...rest } = want as unknown as Record<string, number>;
    const { x: gx, y: gy, pagerank: gp, ...gotRest } = got as Record<string, number>;
    expect(gotRest, key).toEqual(rest);
    expect(gx).toBeCloseTo(x, 3);
    expect(gy).toBeCloseTo(y, 3);
    if (pagerank !== undefined) expect(gp).toBeCloseTo(pagerank, 6);
    else expect(gp).toBeUndefined();
  });
  expected.forEachEdge((_e, want, s, t) => {
    const edge = actual.edge(s, t);
    expect(edge, `${s} -> ${t}`).toBeDefined();
    expect(actual.getEdgeAttributes(edge!)).toEqual(want);
  });
}

function withAllDetails(graph: MapGraph, bin: Uint8Array, details: string[]): MapGraph {
  const compact = decodeCompact(buffer(bin));
  for (const text of details) applyDetails(graph, compact, JSON.parse(text) as DetailsChunk);
  return graph;
}

describe('the compact graph', () => {
  it('holds every node, edge, tag, position and the health report; the details bring the text', () => {
    const { bin, details } = encodeCompact(source);
    const graph = graphFromCompact(decodeCompact(buffer(bin)));
    // Before the details arrive, the text is empty but everything drawn is there.
    const note = source.findNode((_k, a) => a.kind === 'note' && a.summary !== '')!;
    expect((graph.getNodeAttributes(note) as { summary: string }).summary).toBe('');
    expectSameGraph(withAllDetails(graph, bin, details), source);
  });

  it('keys the edges e0, e1, ... in the file order and shares one kinds list per combination of kinds', () => {
    const { bin } = encodeCompact(source);
    const graph = graphFromCompact(decodeCompact(buffer(bin)));
    expect(graph.edges().slice(0, 3)).toEqual(['e0', 'e1', 'e2']);
    expect(graph.hasEdge(`e${graph.size - 1}`)).toBe(true);
    const byKinds = new Map<string, unknown>();
    graph.forEachEdge((_e, a) => {
      const id = a.kinds.join(' ');
      if (!byKinds.has(id)) byKinds.set(id, a.kinds);
      expect(a.kinds).toBe(byKinds.get(id));
    });
    expect(byKinds.size).toBeGreaterThan(1);
  });

  it('keeps attributes it does not know, on nodes and edges', () => {
    const copy = source.copy() as NotemapGraph;
    const key = copy.nodes()[3];
    copy.setNodeAttribute(key, 'shape' as never, { round: true } as never);
    const edge = copy.edges()[2];
    copy.setEdgeAttribute(edge, 'weight' as never, 7 as never);
    const { bin, details } = encodeCompact(copy);
    expectSameGraph(withAllDetails(graphFromCompact(decodeCompact(buffer(bin))), bin, details), copy);
  });

  it('splits the details into chunks whose edges start where the previous chunk stopped', () => {
    // A graph with more nodes than a chunk: many copies of the sample's notes with links between them.
    const big = source.copy() as NotemapGraph;
    for (let i = 0; big.order <= DETAILS_CHUNK + 5; i++) {
      big.addNode(`gen/${String(i).padStart(5, '0')}.md`, { ...(source.getNodeAttributes(source.nodes()[0]) as object), summary: `note ${i}` } as never);
      if (i > 0) big.addEdge(`gen/${String(i - 1).padStart(5, '0')}.md`, `gen/${String(i).padStart(5, '0')}.md`, { kinds: ['inline'], count: 1, context: `link ${i}`, line: i });
    }
    const { bin, details } = encodeCompact(big);
    expect(details.length).toBe(2);
    const chunks = details.map((d) => JSON.parse(d) as DetailsChunk);
    expect(chunks[1].firstNode).toBe(DETAILS_CHUNK);
    expect(chunks[0].context.length).toBe(chunks[1].firstEdge);
    expectSameGraph(withAllDetails(graphFromCompact(decodeCompact(buffer(bin))), bin, details), big);
  });

  it('is much smaller than graph.json and is written beside it, stale chunks removed', async () => {
    const graphFile = path.join(tmp, 'graph.json');
    writeFileSync(path.join(tmp, 'graph.details.7.json'), '{}');
    const bytes = await writeCompactFiles(graphFile, source);
    expect(readdirSync(tmp).sort()).toEqual(['graph.compact.bin', 'graph.details.0.json']);
    expect(bytes.compact).toBe(readFileSync(path.join(tmp, 'graph.compact.bin')).length);
    const full = JSON.stringify(source.export()).length;
    expect(bytes.compact).toBeLessThan(full / 3);
  });

  it('refuses a file that is not a compact graph', () => {
    expect(() => decodeCompact(new TextEncoder().encode('{"nodes":[]}').buffer as ArrayBuffer)).toThrow(CompactFormatError);
  });
});
