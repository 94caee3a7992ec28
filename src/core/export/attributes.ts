/**
 * What the graph exports (GEXF, GraphML, JSON) carry for each node and
 * edge: every attribute of the contract, flattened to values those formats
 * hold (strings, numbers, booleans, lists of strings), plus the color and
 * size the map gives the node. Pure: shared by the map's export menu and
 * `notemap graph --format`.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';

export type FlatValue = string | number | boolean | string[];

/** How the map draws a node: color (`#rrggbb`) and size; absent = not drawn with one. */
export interface NodeLook {
  color?: string;
  size?: number;
}

export interface ExportOptions {
  /** Only these nodes (and the edges between them): the map's filters. Default: every node. */
  keep?: (key: string) => boolean;
  /** The node's look on the map. */
  look?: (key: string, attributes: Attributes) => NodeLook;
}

/** A node's attributes as flat values; null and undefined are left out, a suggestion becomes its note's key. */
export function flatAttributes(attributes: Attributes): Record<string, FlatValue> {
  const out: Record<string, FlatValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.map(String);
    else if (name === 'suggestion' && typeof (value as { key?: unknown }).key === 'string') out[name] = (value as { key: string }).key;
    else out[name] = JSON.stringify(value);
  }
  return out;
}

/** The graph restricted to `keep` (a copy; the graph itself when nothing is left out). */
export function keptGraph(graph: Graph, keep: ((key: string) => boolean) | undefined): Graph {
  if (!keep) return graph;
  const sub = graph.nullCopy();
  sub.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((key, attributes) => {
    if (keep(key)) sub.addNode(key, attributes);
  });
  graph.forEachEdge((key, attributes, source, target) => {
    if (sub.hasNode(source) && sub.hasNode(target)) sub.addDirectedEdgeWithKey(key, source, target, attributes);
  });
  return sub;
}

/** `#rgb`, `#rrggbb` or `rgb(a)(r, g, b…)` as numbers; null for anything else. */
export function hexToRgb(color: string): { r: number; g: number; b: number } | null {
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color.trim());
  if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]) };
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}
