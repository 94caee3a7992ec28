/**
 * Applies a resolved change to the graph in place: note nodes added, removed
 * or updated, the out-edges of the notes resolved again replaced, dangling
 * and attachment nodes following their links, degrees and orphans brought
 * up to date. Cost: what the change touches, plus one pass over the links in
 * plain JavaScript (dangling titles and attachment names take the first
 * spelling in vault order, as a full build does). Metrics, health and
 * positions come after (incremental-builder.ts).
 */
import type { AttachmentNodeAttributes, DanglingNodeAttributes } from '../core/contract.js';
import { normalizeName } from '../core/normalize.js';
import { aggregateEdges, noteNodeAttributes, type NotemapGraph } from '../extract/build-graph.js';
import { noteLinkEnds } from '../extract/health.js';
import type { ResolveResult } from '../extract/resolve.js';
import type { ParsedNote, ResolvedLink } from '../extract/types.js';

export interface GraphEdit {
  /** Note paths gone. */
  removed: readonly string[];
  /** Notes added or changed. */
  upserted: readonly ParsedNote[];
  /** Notes whose links were resolved again. */
  resolved: ReadonlySet<string>;
  /** Every note, current. */
  notes: ReadonlyMap<string, ParsedNote>;
  /** The whole vault's links (IncrementalResolver.assemble). */
  assembled: ResolveResult & { byAttachmentName: Map<string, string> };
  /** The attachment name map of the previous build (to find notes whose shared attachment key changed). */
  previousAttachmentNames: ReadonlyMap<string, string>;
}

const zero = { inDegree: 0, outDegree: 0, x: 0, y: 0 };

/**
 * The notes whose out-edges the edit rewrites: those resolved again, and those linking an
 * attachment whose shared key moved. No other edge changes (the diff looks at these only).
 */
export function sourcesToRewrite(edit: Pick<GraphEdit, 'resolved' | 'assembled' | 'previousAttachmentNames'>): Set<string> {
  const touched = new Set(edit.resolved);
  const { links, byAttachmentName } = edit.assembled;
  const changedNames = new Set<string>();
  for (const [norm, key] of byAttachmentName) if (edit.previousAttachmentNames.get(norm) !== key) changedNames.add(norm);
  for (const [norm, key] of edit.previousAttachmentNames) if (!byAttachmentName.has(norm) && key) changedNames.add(norm);
  if (changedNames.size > 0) {
    for (const link of links) if (link.targetKind === 'attachment' && changedNames.has(normalizeName(link.target))) touched.add(link.source);
  }
  return touched;
}

/**
 * Edits `graph` to match the assembled links; see the file header. Returns
 * whether the notes or the links between notes changed (else PageRank,
 * communities and components cannot have changed). `touched`: sourcesToRewrite(edit), when
 * the caller has it already.
 */
export function applyGraphEdit(graph: NotemapGraph, edit: GraphEdit, touched: ReadonlySet<string> = sourcesToRewrite(edit)): boolean {
  let structure = false;
  const isNote = (key: string): boolean => graph.getNodeAttribute(key, 'kind') === 'note';
  const { links, attachments } = edit.assembled;

  const danglingTitles = new Map<string, string>();
  const bySource = new Map<string, ResolvedLink[]>();
  for (const link of links) {
    if (link.targetKind === 'dangling' && !danglingTitles.has(link.target)) danglingTitles.set(link.target, link.written);
  }
  for (const link of links) {
    if (!touched.has(link.source)) continue;
    let list = bySource.get(link.source);
    if (!list) bySource.set(link.source, (list = []));
    list.push(link);
  }

  for (const path of edit.removed) {
    if (!graph.hasNode(path)) continue;
    graph.dropNode(path);
    structure = true;
  }
  for (const note of edit.upserted) {
    const attrs = noteNodeAttributes(note, false);
    if (graph.hasNode(note.path)) {
      const { x, y, inDegree, outDegree, orphan, pagerank, community, component } = graph.getNodeAttributes(note.path) as typeof attrs;
      graph.replaceNodeAttributes(note.path, { ...attrs, x, y, inDegree, outDegree, orphan, pagerank, community, component });
    } else {
      graph.addNode(note.path, attrs);
      structure = true;
    }
  }

  // Dangling and attachment nodes that must exist before their edges come.
  for (const [key, title] of danglingTitles) {
    if (!graph.hasNode(key)) {
      const attrs: DanglingNodeAttributes = { kind: 'dangling', title, dangling: true, suggestion: null, ...zero };
      graph.addNode(key, attrs);
    } else if (graph.getNodeAttribute(key, 'title') !== title) graph.setNodeAttribute(key, 'title', title);
  }
  for (const [key, info] of attachments) {
    if (!graph.hasNode(key)) {
      const attrs: AttachmentNodeAttributes = { kind: 'attachment', title: info.title, dangling: false, path: info.path, ...zero };
      graph.addNode(key, attrs);
    } else {
      const a = graph.getNodeAttributes(key) as AttachmentNodeAttributes;
      if (a.title !== info.title || a.path !== info.path) graph.mergeNodeAttributes(key, { title: info.title, path: info.path });
    }
  }

  for (const source of touched) {
    if (!graph.hasNode(source)) continue;
    const wanted = aggregateEdges(bySource.get(source) ?? []);
    const keep = new Set<string>();
    for (const edge of wanted.values()) {
      if (edge.source === edge.target) continue;
      keep.add(edge.target);
      const existing = graph.edge(source, edge.target);
      if (existing === undefined) {
        graph.addDirectedEdge(source, edge.target, edge.attrs);
        structure ||= isNote(edge.target);
      } else if (!sameEdge(graph.getEdgeAttributes(existing), edge.attrs)) graph.replaceEdgeAttributes(existing, edge.attrs);
    }
    for (const target of graph.outNeighbors(source)) {
      if (keep.has(target)) continue;
      structure ||= isNote(target);
      graph.dropEdge(source, target);
    }
  }

  // Dangling and attachment nodes nothing links to any more.
  const stale: string[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs.kind === 'dangling' ? !danglingTitles.has(key) : attrs.kind === 'attachment' && !attachments.has(key)) stale.push(key);
  });
  for (const key of stale) graph.dropNode(key);

  const { hasOut, hasIn } = noteLinkEnds(new Set(edit.notes.keys()), links);
  graph.forEachNode((key, attrs) => {
    const inDegree = graph.inDegree(key);
    const outDegree = graph.outDegree(key);
    if (attrs.inDegree !== inDegree || attrs.outDegree !== outDegree) graph.mergeNodeAttributes(key, { inDegree, outDegree });
    if (attrs.kind === 'note') {
      const orphan = !hasOut.has(key) && !hasIn.has(key);
      if (attrs.orphan !== orphan) graph.mergeNodeAttributes(key, { orphan });
    }
  });
  return structure;
}

function sameEdge(a: { kinds: string[]; count: number; context: string; line: number }, b: typeof a): boolean {
  return a.count === b.count && a.context === b.context && a.line === b.line && a.kinds.join() === b.kinds.join();
}
