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
import { useDictionaryAdjacency } from '../core/dictionary-adjacency.js';
import { mergeSorted } from './merge-sorted.js';
import { sortedEdges } from './sorted-edges.js';
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
  const danglingTitles = new Map<string, string>();
  for (const link of links) {
    if (link.targetKind === 'dangling' && !danglingTitles.has(link.target)) danglingTitles.set(link.target, link.written);
  }
  const notes = [...input.notes].sort((a, b) => byCodeUnit(a.path, b.path));
  const danglingKeys = [...danglingTitles.keys()].sort(byCodeUnit);
  const attachmentKeys = [...attachments.keys()].sort(byCodeUnit);

  // Every node key's rank in code-unit order: edges come out sorted by it (sorted-edges.ts).
  const rank = new Map<string, number>();
  const notePaths = notes.map((n) => n.path);
  const keys = mergeSorted([notePaths, danglingKeys, attachmentKeys]);
  for (const key of keys) rank.set(key, rank.size);
  const isNote = new Uint8Array(rank.size);
  for (const key of notePaths) isNote[rank.get(key)!] = 1;
  const edges = sortedEdges(links, rank, isNote);
  const degrees = <T extends NodeAttributes>(key: string, attrs: T): T => {
    const r = rank.get(key)!;
    attrs.inDegree = edges.inDegree[r];
    attrs.outDegree = edges.outDegree[r];
    return attrs;
  };

  // A note is an orphan when no link joins it to another existing note (the health report's rule).
  for (const note of notes) graph.addNode(note.path, degrees(note.path, noteNodeAttributes(note, !edges.joinsNote[rank.get(note.path)!])));
  for (const key of danglingKeys) {
    const attrs: DanglingNodeAttributes = {
      kind: 'dangling',
      title: danglingTitles.get(key)!,
      dangling: true,
      suggestion: null,
      ...placeholders,
    };
    graph.addNode(key, degrees(key, attrs));
  }
  for (const key of attachmentKeys) {
    const a = attachments.get(key)!;
    const attrs: AttachmentNodeAttributes = { kind: 'attachment', title: a.title, dangling: false, path: a.path, ...placeholders };
    graph.addNode(key, degrees(key, attrs));
  }

  useDictionaryAdjacency(graph);
  for (let i = 0; i < edges.attrs.length; i++) {
    // Keys e0, e1, ... in sorted order: graphology's generated keys start from a random
    // byte, so `graph.export()` would differ between runs; "source->target" could collide.
    graph.addDirectedEdgeWithKey(`e${i}`, keys[edges.source[i]], keys[edges.target[i]], edges.attrs[i]);
  }

  const attributes: Omit<GraphAttributes, 'stats' | 'health'> = {
    schemaVersion: SCHEMA_VERSION,
    vault: input.vault,
    builtAt: input.builtAt,
    warnings: sortWarnings(input.warnings),
  };
  graph.replaceAttributes(attributes as GraphAttributes);
  return graph;
}
