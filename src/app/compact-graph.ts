/**
 * The compact form (src/core/compact.ts) into the graphology graph the map
 * draws: the same attributes as graph.json's, except the text that detail
 * chunks bring later (summary, link context and line),
 * which start empty and are filled in place by `applyDetails`.
 */
import Graph from 'graphology';
import type { DanglingReport, EdgeAttributes, GraphAttributes, HealthReport, NodeAttributes } from '../core/contract.js';
import {
  FLAG_DRAFT,
  FLAG_ORPHAN,
  NODE_KINDS,
  readKeyList,
  type CompactGraph,
  type DetailsChunk,
} from '../core/compact.js';
import type { MapGraph } from './state/visibility.js';
import { useDictionaryAdjacency } from '../core/dictionary-adjacency.js';

function health(compact: CompactGraph): HealthReport {
  const h = compact.header.health;
  const refStart = compact.section('refStart');
  const refLine = compact.section('refLine');
  const sources = readKeyList(compact, h.refSources);
  const dangling: DanglingReport[] = h.dangling.map((d, i) => {
    const references = [];
    for (let r = refStart[i]; r < refStart[i + 1]; r++) references.push({ source: sources[r], line: refLine[r] });
    return { key: d.key, target: d.target, notes: d.notes, references, suggestion: d.suggestion };
  });
  return {
    orphans: readKeyList(compact, h.orphans),
    dangling,
    onlyOutgoing: readKeyList(compact, h.onlyOutgoing),
    onlyIncoming: readKeyList(compact, h.onlyIncoming),
  };
}

/** Build the map's graph from a decoded compact file. */
export function graphFromCompact(compact: CompactGraph): MapGraph {
  const { header } = compact;
  const graph: MapGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: 'directed', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ ...header.attributes, health: health(compact) } as GraphAttributes);

  const { keys, titles, tags } = header;
  const xy = compact.section('xy');
  const flags = compact.section('flags');
  const inDegree = compact.section('inDegree');
  const outDegree = compact.section('outDegree');
  const pagerank = compact.section('pagerank');
  const community = compact.section('community');
  const component = compact.section('component');
  const words = compact.section('words');
  const created = compact.section('created');
  const updated = compact.section('updated');
  const { dates } = header;
  const tagStart = compact.section('tagStart');
  const tagIds = compact.section('tagIds');
  const aliases = new Map(header.aliases);
  const paths = new Map(header.paths);
  const suggestions = new Map(header.suggestions);
  const noAliases: string[] = [];

  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const kind = NODE_KINDS[flags[i] & 3];
    const base = { title: titles[i], inDegree: inDegree[i], outDegree: outDegree[i], x: xy[2 * i], y: xy[2 * i + 1] };
    let attrs: NodeAttributes;
    if (kind === 'note') {
      const noteTags = new Array<string>(tagStart[i + 1] - tagStart[i]);
      for (let t = tagStart[i]; t < tagStart[i + 1]; t++) noteTags[t - tagStart[i]] = tags[tagIds[t]];
      attrs = {
        kind, ...base, path: paths.has(i) ? (paths.get(i) as string) : key, tags: noteTags,
        // An empty alias list is shared: nothing mutates a note's aliases in place.
        aliases: aliases.get(i) ?? noAliases, summary: '',
        created: created[i] === 0 ? null : dates[created[i] - 1], updated: updated[i] === 0 ? null : dates[updated[i] - 1],
        draft: (flags[i] & FLAG_DRAFT) !== 0, words: words[i], orphan: (flags[i] & FLAG_ORPHAN) !== 0, dangling: false,
        pagerank: pagerank[i], community: community[i], component: component[i],
      };
    } else if (kind === 'dangling') {
      attrs = { kind, ...base, dangling: true, suggestion: suggestions.get(i) ?? null };
    } else {
      attrs = { kind: 'attachment', ...base, dangling: false, path: paths.get(i) ?? null };
    }
    graph.addNode(key, attrs);
  }
  for (const [field, values] of Object.entries(header.extraNodes)) {
    for (const [i, value] of values) (graph.getNodeAttributes(keys[i]) as unknown as Record<string, unknown>)[field] = value;
  }

  useDictionaryAdjacency(graph);
  const ends = compact.section('edgeEnds');
  const kinds = compact.section('edgeKinds');
  const counts = compact.section('edgeCount');
  const { linkKinds } = header;
  const extra = Object.entries(header.extraEdges).map(([field, values]) => ({ field, values: new Map(values) }));
  for (let e = 0; e < kinds.length; e++) {
    // A kinds list is shared by every edge of that combination: nothing edits one in place (a live change replaces it).
    const attrs: EdgeAttributes & Record<string, unknown> = { kinds: linkKinds[kinds[e]], count: counts[e], context: '', line: 0 };
    for (const { field, values } of extra) if (values.has(e)) attrs[field] = values.get(e);
    // Keys given (e0, e1, ... in the file's edge order): graphology's generated ones cost a random string each.
    graph.addDirectedEdgeWithKey(`e${e}`, keys[ends[2 * e]], keys[ends[2 * e + 1]], attrs);
  }
  return graph;
}

/**
 * Fill a details chunk into the graph, in place and without events: the text
 * is read by panels when they render, never drawn, so sigma need not know.
 * Nodes or edges that are gone (a live update removed them) are skipped.
 */
export function applyDetails(graph: MapGraph, compact: CompactGraph, chunk: DetailsChunk): void {
  const { keys } = compact.header;
  chunk.summary.forEach((summary, j) => {
    const key = keys[chunk.firstNode + j];
    if (!graph.hasNode(key)) return;
    const attrs = graph.getNodeAttributes(key);
    if (attrs.kind !== 'note') return;
    attrs.summary = summary;
  });
  const ends = compact.section('edgeEnds');
  chunk.context.forEach((context, j) => {
    const e = chunk.firstEdge + j;
    const edge = graph.edge(keys[ends[2 * e]], keys[ends[2 * e + 1]]);
    if (edge === undefined) return;
    const attrs = graph.getEdgeAttributes(edge);
    attrs.context = context;
    attrs.line = chunk.line[j];
  });
}
