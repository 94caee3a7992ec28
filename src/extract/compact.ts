/**
 * Writes the compact form of the graph (src/core/compact.ts) beside
 * graph.json: `<stem>.compact.bin`, what the map needs to draw its first
 * frame, and `<stem>.details.<n>.json`, the text a panel fetches when it
 * opens (summaries, link contexts and lines). graph.json stays the complete export; this is derived from the same
 * in-memory graph in the same build.
 */
import { readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { EdgeAttributes, LinkKind, NodeAttributes } from '../core/contract.js';
import {
  COMPACT_FORMAT,
  COMPACT_MAGIC,
  DETAILS_CHUNK,
  FLAG_DRAFT,
  FLAG_ORPHAN,
  MISSING,
  NODE_KINDS,
  compactFileName,
  detailsFileName,
  type CompactHeader,
  type DetailsChunk,
  type KeyListRef,
  type SectionRef,
  type SectionType,
  type Sparse,
} from '../core/compact.js';
import { byCodeUnit } from '../core/order.js';
import type { NotemapGraph } from './build-graph.js';
import { writeFileAtomic } from './write.js';

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;

/** Node attributes this format stores in its own way; any other one goes to `extraNodes`. */
const NODE_FIELDS = new Set([
  'kind', 'title', 'dangling', 'path', 'tags', 'aliases', 'draft', 'orphan', 'inDegree', 'outDegree', 'x', 'y',
  'pagerank', 'community', 'component', 'suggestion', 'summary', 'created', 'updated', 'words',
]);
const EDGE_FIELDS = new Set(['kinds', 'count', 'context', 'line']);
/** Only notes carry these (the contract gives other kinds none). */
const NOTE_ONLY = ['pagerank', 'community', 'component'] as const;

/** The narrowest unsigned array that holds every value (so small counts cost a byte). */
function narrowUint(values: ArrayLike<number>): Uint8Array | Uint16Array | Uint32Array {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  const Ctor = max < 256 ? Uint8Array : max < 65536 ? Uint16Array : Uint32Array;
  return Ctor.from(values);
}
/** Like narrowUint, for integers that may be negative. */
function narrowInt(values: number[]): Typed {
  return values.some((v) => v < 0) ? Int32Array.from(values) : narrowUint(values);
}

function typeOf(array: Typed): SectionType {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint16Array) return 'u16';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Int32Array) return 'i32';
  return 'f32';
}

/** The encoded graph: the binary file and the details chunks' JSON. */
export interface CompactFiles {
  bin: Uint8Array;
  details: string[];
}

export function encodeCompact(graph: NotemapGraph): CompactFiles {
  const keys = graph.nodes().sort(byCodeUnit);
  const n = keys.length;
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const sections = new Map<string, Typed>();

  const keyList = (name: string, list: readonly string[]): KeyListRef => {
    const missing: string[] = [];
    const indices = new Uint32Array(list.length);
    list.forEach((key, i) => {
      const at = index.get(key);
      if (at === undefined) missing.push(key);
      indices[i] = at ?? MISSING;
    });
    sections.set(name, indices);
    return { section: name, missing };
  };

  // Nodes.
  const titles: string[] = new Array(n);
  const tagIndex = new Map<string, number>();
  const tags: string[] = [];
  const aliases: Sparse<string[]> = [];
  const paths: Sparse<string | null> = [];
  const suggestions: Sparse<CompactHeader['suggestions'][number][1]> = [];
  const extraNodes: Record<string, Sparse<unknown>> = {};
  const xy = new Float32Array(2 * n);
  const flags = new Uint8Array(n);
  const inDegree: number[] = new Array(n);
  const outDegree: number[] = new Array(n);
  const pagerank = new Float32Array(n);
  const community: number[] = new Array(n).fill(0);
  const component: number[] = new Array(n).fill(0);
  const words: number[] = new Array(n).fill(0);
  const dateIndex = new Map<string, number>();
  const dates: string[] = [];
  const dateRef = (date: string | null): number => {
    if (date === null) return 0;
    let d = dateIndex.get(date);
    if (d === undefined) dateIndex.set(date, (d = dates.push(date) - 1));
    return d + 1;
  };
  const created: number[] = new Array(n).fill(0);
  const updated: number[] = new Array(n).fill(0);
  const tagStart = new Uint32Array(n + 1);
  const tagIds: number[] = [];
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key) as NodeAttributes & Record<string, unknown>;
    titles[i] = a.title;
    xy[2 * i] = a.x;
    xy[2 * i + 1] = a.y;
    flags[i] = NODE_KINDS.indexOf(a.kind) | (a.kind === 'note' && a.draft ? FLAG_DRAFT : 0) | (a.kind === 'note' && a.orphan ? FLAG_ORPHAN : 0);
    inDegree[i] = a.inDegree;
    outDegree[i] = a.outDegree;
    if (a.kind === 'note') {
      pagerank[i] = a.pagerank;
      community[i] = a.community;
      component[i] = a.component;
      words[i] = a.words;
      created[i] = dateRef(a.created);
      updated[i] = dateRef(a.updated);
      for (const tag of a.tags) {
        let t = tagIndex.get(tag);
        if (t === undefined) tagIndex.set(tag, (t = tags.push(tag) - 1));
        tagIds.push(t);
      }
      if (a.aliases.length > 0) aliases.push([i, a.aliases]);
      if (a.path !== key) paths.push([i, a.path]);
    } else if (a.kind === 'attachment') {
      paths.push([i, a.path]);
    } else if (a.suggestion) {
      suggestions.push([i, a.suggestion]);
    }
    tagStart[i + 1] = tagIds.length;
    for (const field of Object.keys(a)) {
      if (NODE_FIELDS.has(field)) continue;
      (extraNodes[field] ??= []).push([i, a[field]]);
    }
  });
  sections.set('xy', xy);
  sections.set('flags', flags);
  sections.set('inDegree', narrowUint(inDegree));
  sections.set('outDegree', narrowUint(outDegree));
  sections.set('pagerank', pagerank);
  sections.set('community', narrowInt(community));
  sections.set('component', narrowInt(component));
  sections.set('words', narrowUint(words));
  sections.set('created', narrowUint(created));
  sections.set('updated', narrowUint(updated));
  sections.set('tagStart', tagStart);
  sections.set('tagIds', narrowUint(tagIds));

  // Edges, by source then target index: each details chunk's edges are one range.
  const edges: { s: number; t: number; a: EdgeAttributes & Record<string, unknown> }[] = [];
  graph.forEachEdge((_e, a, source, target) => edges.push({ s: index.get(source)!, t: index.get(target)!, a: a as EdgeAttributes & Record<string, unknown> }));
  edges.sort((p, q) => p.s - q.s || p.t - q.t);
  const ends = new Uint32Array(2 * edges.length);
  const kinds: number[] = new Array(edges.length);
  const kindIndex = new Map<string, number>();
  const linkKinds: LinkKind[][] = [];
  const counts: number[] = new Array(edges.length);
  const extraEdges: Record<string, Sparse<unknown>> = {};
  edges.forEach(({ s, t, a }, e) => {
    ends[2 * e] = s;
    ends[2 * e + 1] = t;
    const id = a.kinds.join(' ');
    let k = kindIndex.get(id);
    if (k === undefined) kindIndex.set(id, (k = linkKinds.push(a.kinds) - 1));
    kinds[e] = k;
    counts[e] = a.count;
    for (const field of Object.keys(a)) {
      if (EDGE_FIELDS.has(field)) continue;
      (extraEdges[field] ??= []).push([e, a[field]]);
    }
  });
  sections.set('edgeEnds', ends);
  sections.set('edgeKinds', narrowUint(kinds));
  sections.set('edgeCount', narrowUint(counts));

  // Health: keys become indices; references flattened into three sections.
  const { health, ...attributes } = graph.getAttributes();
  const refStart = new Uint32Array(health.dangling.length + 1);
  const refLines: number[] = [];
  const refKeys: string[] = [];
  health.dangling.forEach((d, i) => {
    for (const r of d.references) {
      refKeys.push(r.source);
      refLines.push(r.line);
    }
    refStart[i + 1] = refKeys.length;
  });
  sections.set('refStart', refStart);
  sections.set('refLine', narrowUint(refLines));

  const header: CompactHeader = {
    schemaVersion: attributes.schemaVersion,
    attributes,
    keys,
    titles,
    tags,
    dates,
    linkKinds,
    aliases,
    paths,
    suggestions,
    extraNodes,
    extraEdges,
    health: {
      orphans: keyList('orphans', health.orphans),
      onlyOutgoing: keyList('onlyOutgoing', health.onlyOutgoing),
      onlyIncoming: keyList('onlyIncoming', health.onlyIncoming),
      dangling: health.dangling.map(({ references: _r, ...rest }) => rest),
      refSources: keyList('refSource', refKeys),
    },
    details: { chunkSize: DETAILS_CHUNK, chunks: Math.ceil(n / DETAILS_CHUNK) },
    sections: {},
  };
  return { bin: packBinary(header, sections), details: detailsChunks(graph, keys, edges) };
}

/** Header and sections into one buffer; section offsets are fixed before the header is written. */
function packBinary(header: CompactHeader, sections: Map<string, Typed>): Uint8Array {
  const align = (x: number) => (x + 7) & ~7;
  // Offsets depend on the header's length, which depends on the offsets: lay out
  // relative to the data start, then shift by the header's padded length.
  const relative: [string, Typed, number][] = [];
  let at = 0;
  for (const [name, array] of sections) {
    relative.push([name, array, at]);
    at = align(at + array.byteLength);
  }
  let start = 0;
  let headerText = '';
  for (let guess = 0; ; guess = start) {
    const refs: Record<string, SectionRef> = {};
    for (const [name, array, offset] of relative) refs[name] = { type: typeOf(array), offset: guess + offset, length: array.length };
    headerText = JSON.stringify({ ...header, sections: refs });
    start = align(12 + Buffer.byteLength(headerText));
    if (start === guess) break;
  }
  const headerBytes = Buffer.from(headerText, 'utf8');
  const out = new Uint8Array(start + at);
  const view = new DataView(out.buffer);
  view.setUint32(0, COMPACT_MAGIC, true);
  view.setUint32(4, COMPACT_FORMAT, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  for (const [, array, offset] of relative) out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + offset);
  return out;
}

function detailsChunks(graph: NotemapGraph, keys: string[], edges: { s: number; a: EdgeAttributes }[]): string[] {
  const out: string[] = [];
  let e = 0;
  for (let first = 0; first < keys.length; first += DETAILS_CHUNK) {
    const last = Math.min(keys.length, first + DETAILS_CHUNK);
    const chunk: DetailsChunk = { firstNode: first, firstEdge: e, summary: [], context: [], line: [] };
    for (let i = first; i < last; i++) {
      const a = graph.getNodeAttributes(keys[i]);
      chunk.summary.push(a.kind === 'note' ? a.summary : '');
    }
    for (; e < edges.length && edges[e].s < last; e++) {
      chunk.context.push(edges[e].a.context);
      chunk.line.push(edges[e].a.line);
    }
    out.push(JSON.stringify(chunk));
  }
  return out;
}

/** Write `data` to `file` through a temporary file and a rename (never a half-written file). */
// write.ts's writer: its temporary file is removed when a signal stops the build (and a stale one by the next build).
function writeAtomic(file: string, data: Uint8Array | string): Promise<number> {
  return writeFileAtomic(file, [data]);
}

export interface CompactBytes {
  /** Bytes of the binary the map downloads first. */
  compact: number;
  /** Bytes of all details chunks together. */
  details: number;
}

/**
 * Write the compact files beside `graphFile` (details first, the binary last:
 * a page that sees the new binary finds its chunks), and remove chunks a
 * bigger earlier build left behind.
 */
export async function writeCompactFiles(graphFile: string, graph: NotemapGraph): Promise<CompactBytes> {
  const { bin, details } = encodeCompact(graph);
  let detailBytes = 0;
  for (let c = 0; c < details.length; c++) detailBytes += await writeAtomic(detailsFileName(graphFile, c), details[c]);
  const compact = await writeAtomic(compactFileName(graphFile), bin);
  const dir = path.dirname(path.resolve(graphFile));
  const prefix = path.basename(detailsFileName(graphFile, 0)).replace(/0\.json$/, '');
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const chunk = Number(name.slice(prefix.length).replace(/\.json$/, ''));
    if (Number.isInteger(chunk) && chunk >= details.length && name === `${prefix}${chunk}.json`) {
      try {
        unlinkSync(path.join(dir, name));
      } catch {
        // Already gone.
      }
    }
  }
  return { compact, details: detailBytes };
}
