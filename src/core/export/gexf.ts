/**
 * The graph as GEXF 1.3, through graphology-gexf's own writer: labels are
 * titles, every attribute is a GEXF attribute (tags and aliases as
 * liststring), and the map's look as Gephi reads it: viz:color,
 * viz:position (x, y) and viz:size. Edges carry their count as weight.
 */
import type Graph from 'graphology';
import write from 'graphology-gexf/browser/writer.js';
import { flatAttributes, hexToRgb, keptGraph, type ExportOptions } from './attributes.js';

export function toGexf(graph: Graph, options: ExportOptions = {}): string {
  const sub = keptGraph(graph, options.keep);
  return write(sub, {
    version: '1.3',
    formatNode(key, attributes) {
      const look = options.look?.(key, attributes) ?? {};
      const rgb = look.color ? hexToRgb(look.color) : null;
      const { x, y, title, ...rest } = flatAttributes(attributes);
      return {
        label: String(title ?? key),
        attributes: { title: String(title ?? key), ...rest },
        viz: {
          x: typeof x === 'number' ? x : 0,
          y: typeof y === 'number' ? y : 0,
          // As rgb(): the writer then writes r, g, b, which every Gephi reads (1.3's hex only the newest).
          ...(rgb ? { color: `rgb(${rgb.r},${rgb.g},${rgb.b})` } : {}),
          ...(look.size !== undefined ? { size: look.size } : {}),
        },
      };
    },
    formatEdge(_key, attributes) {
      const flat = flatAttributes(attributes);
      return { weight: typeof flat.count === 'number' ? flat.count : 1, attributes: flat };
    },
  });
}
