/**
 * The graph as GraphML (graphology-graphml only parses, so this writes it):
 * one <key> per attribute with its type, lists joined (tags by spaces, as a
 * tag holds none; other lists by " | "), and the map's look as Gephi's
 * GraphML importer reads it: node keys r, g, b (color), x, y and size.
 */
import type Graph from 'graphology';
import { flatAttributes, hexToRgb, keptGraph, type ExportOptions, type FlatValue } from './attributes.js';

type KeyType = 'boolean' | 'int' | 'double' | 'string';

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 cannot hold at all (control characters but tab and line breaks).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

function typeOf(value: FlatValue): KeyType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 'int' : 'double';
  return 'string';
}

/** A widened type when one attribute holds ints and doubles (or anything and strings). */
function widen(a: KeyType | undefined, b: KeyType): KeyType {
  if (a === undefined || a === b) return b;
  if ((a === 'int' && b === 'double') || (a === 'double' && b === 'int')) return 'double';
  return 'string';
}

function text(name: string, value: FlatValue): string {
  if (Array.isArray(value)) return value.join(name === 'tags' || name === 'kinds' ? ' ' : ' | ');
  return String(value);
}

export function toGraphml(graph: Graph, options: ExportOptions = {}): string {
  const sub = keptGraph(graph, options.keep);
  const nodes: { key: string; data: Record<string, FlatValue> }[] = [];
  const edges: { key: string; source: string; target: string; data: Record<string, FlatValue> }[] = [];
  const nodeKeys = new Map<string, KeyType>();
  const edgeKeys = new Map<string, KeyType>();
  sub.forEachNode((key, attributes) => {
    const data = flatAttributes(attributes);
    const look = options.look?.(key, attributes) ?? {};
    const rgb = look.color ? hexToRgb(look.color) : null;
    if (rgb) Object.assign(data, rgb);
    if (look.size !== undefined) data.size = look.size;
    // Gephi reads `label` as the node's label.
    data.label = String(attributes.title ?? key);
    for (const [name, value] of Object.entries(data)) nodeKeys.set(name, widen(nodeKeys.get(name), typeOf(value)));
    nodes.push({ key, data });
  });
  sub.forEachEdge((key, attributes, source, target) => {
    const data = flatAttributes(attributes);
    if (typeof data.count === 'number') data.weight = data.count;
    for (const [name, value] of Object.entries(data)) edgeKeys.set(name, widen(edgeKeys.get(name), typeOf(value)));
    edges.push({ key, source, target, data });
  });
  // Key ids: n0, n1, ... for nodes and e0, ... for edges, named by attr.name.
  const ids = (keys: Map<string, KeyType>, prefix: string) => new Map([...keys.keys()].map((name, i) => [name, `${prefix}${i}`]));
  const nodeIds = ids(nodeKeys, 'n');
  const edgeIds = ids(edgeKeys, 'e');
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of nodeKeys) out.push(`  <key id="${nodeIds.get(name)}" for="node" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
  for (const [name, type] of edgeKeys) out.push(`  <key id="${edgeIds.get(name)}" for="edge" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
  out.push('  <graph edgedefault="directed">');
  for (const node of nodes) {
    out.push(`    <node id="${escapeXml(node.key)}">`);
    for (const [name, value] of Object.entries(node.data)) out.push(`      <data key="${nodeIds.get(name)}">${escapeXml(text(name, value))}</data>`);
    out.push('    </node>');
  }
  for (const edge of edges) {
    out.push(`    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`);
    for (const [name, value] of Object.entries(edge.data)) out.push(`      <data key="${edgeIds.get(name)}">${escapeXml(text(name, value))}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
