/**
 * Stage 4, build: parsed notes and resolved links become the graphology
 * graph of the contract (src/core/contract.ts): directed, no parallel edges,
 * one node per note, per distinct dangling target and per attachment, one
 * edge per (source, target) pair carrying every kind, the count and the
 * first occurrence's context and line.
 *
 * Pure and deterministic: nodes and edges are added in sorted key order.
 * Metrics and positions are placeholders here (0) until the measure and
 * layout stages fill them in.
 */
import Graph from 'graphology';
import {
  SCHEMA_VERSION,
  type AttachmentNodeAttributes,
  type BuildWarning,
  type DanglingNodeAttributes,
  type EdgeAttributes,
  type GraphAttributes,
  type LinkKind,
  type NodeAttributes,
  type NoteNodeAttributes,
} from '../core/contract.js';
import { byCodeUnit } from '../core/order.js';
import { noteLinkEnds } from './health.js';
import { dedupeTags } from './tags.js';
import type { ResolveResult } from './resolve.js';
import type { ParsedNote, ResolvedLink } from './types.js';

export type NotemapGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface BuildInput {
  notes: readonly ParsedNote[];
  resolved: ResolveResult;
  /** Folder name of the vault. */
  vault: string;
  /** ISO timestamp written as `builtAt`. */
  builtAt: string;
  /** Every warning of the build (scan, read, parse); sorted here. */
  warnings: readonly BuildWarning[];
}

/** Warnings sorted by file, then line, then message: the same order on every run. */
export function sortWarnings(warnings: readonly BuildWarning[]): BuildWarning[] {
  return [...warnings].sort(
    (a, b) => byCodeUnit(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || byCodeUnit(a.message, b.message),
  );
}

const placeholders = { inDegree: 0, outDegree: 0, x: 0, y: 0 };

/** One edge per (source, target) of `links`. */
export interface AggregatedEdge {
  source: string;
  target: string;
  attrs: EdgeAttributes;
}

/**
 * Links aggregated per (source, target), in link order so "first occurrence"
 * means first in the file: every kind (sorted), the count, the first context
 * and line. Shared with the incremental builder (src/serve), which
 * aggregates one note's links at a time.
 */
export function aggregateEdges(links: readonly ResolvedLink[]): Map<string, AggregatedEdge> {
  const edges = new Map<string, AggregatedEdge & { kinds: Set<LinkKind> }>();
  for (const link of links) {
    const id = link.source + '\0' + link.target;
    const edge = edges.get(id);
    if (edge) {
      edge.kinds.add(link.kind);
      edge.attrs.count++;
    } else {
      edges.set(id, {
        source: link.source,
        target: link.target,
        kinds: new Set([link.kind]),
        attrs: { kinds: [], count: 1, context: link.context, line: link.line },
      });
    }
  }
  for (const edge of edges.values()) edge.attrs.kinds = [...edge.kinds].sort(byCodeUnit);
  return edges;
}

/** A note node's attributes before measure and layout (metrics and positions 0). */
export function noteNodeAttributes(note: ParsedNote, orphan: boolean): NoteNodeAttributes {
  return {
    kind: 'note',
    title: note.title,
    path: note.path,
    tags: dedupeTags(note.tags),
    aliases: [...note.aliases],
    summary: note.summary,
    created: note.created,
    ...(note.createdFromFile ? { createdFromFile: true as const } : {}),
    updated: note.updated,
    draft: note.draft,
    words: note.words,
    orphan,
    dangling: false,
    ...placeholders,
    pagerank: 0,
    community: 0,
    component: 0,
  };
}

export function buildGraph(input: BuildInput): NotemapGraph {
  const graph: NotemapGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const { links, attachments } = input.resolved;

  const edges = aggregateEdges(links);
  const danglingTitles = new Map<string, string>();
  for (const link of links) {
    if (link.targetKind === 'dangling' && !danglingTitles.has(link.target)) danglingTitles.set(link.target, link.written);
  }

  // A note is an orphan when no link joins it to another existing note (the health report's rule).
  const { hasOut, hasIn } = noteLinkEnds(new Set(input.notes.map((n) => n.path)), links);

  for (const note of [...input.notes].sort((a, b) => byCodeUnit(a.path, b.path))) {
    const attrs = noteNodeAttributes(note, !hasOut.has(note.path) && !hasIn.has(note.path));
    graph.addNode(note.path, attrs);
  }
  for (const [key, title] of [...danglingTitles].sort((a, b) => byCodeUnit(a[0], b[0]))) {
    const attrs: DanglingNodeAttributes = {
      kind: 'dangling',
      title,
      dangling: true,
      suggestion: null,
      ...placeholders,
    };
    graph.addNode(key, attrs);
  }
  for (const key of [...attachments.keys()].sort(byCodeUnit)) {
    const a = attachments.get(key)!;
    const attrs: AttachmentNodeAttributes = { kind: 'attachment', title: a.title, dangling: false, path: a.path, ...placeholders };
    graph.addNode(key, attrs);
  }

  const sortedEdges = [...edges.values()].sort((a, b) => byCodeUnit(a.source, b.source) || byCodeUnit(a.target, b.target));
  let edgeIndex = 0;
  for (const e of sortedEdges) {
    if (e.source === e.target) continue;
    // Keys e0, e1, ... in sorted order: graphology's generated keys start from a random
    // byte, so `graph.export()` would differ between runs; "source->target" could collide.
    graph.addDirectedEdgeWithKey(`e${edgeIndex++}`, e.source, e.target, e.attrs);
  }
  // Set in place (the placeholders are there): mergeNodeAttributes per node emits an event each (~0.1 s at 10,000 notes).
  graph.forEachNode((key, attrs) => {
    attrs.inDegree = graph.inDegree(key);
    attrs.outDegree = graph.outDegree(key);
  });

  const attributes: Omit<GraphAttributes, 'stats' | 'health'> = {
    schemaVersion: SCHEMA_VERSION,
    vault: input.vault,
    builtAt: input.builtAt,
    warnings: sortWarnings(input.warnings),
  };
  graph.replaceAttributes(attributes as GraphAttributes);
  return graph;
}
