/**
 * `notemap graph --format gexf|graphml|json`: the built graph in the format
 * asked for. Colors and sizes are the map's defaults (tag colors of the
 * light theme, size by backlinks), computed by the map's own pure palette
 * and size functions so that Gephi shows what the map shows.
 */
import { toGexf } from '../core/export/gexf.js';
import { toGraphml } from '../core/export/graphml.js';
import type { NodeKind } from '../core/contract.js';
import { buildTagPaletteUncached } from '../app/style/colors.js';
import { nodeSize } from '../app/style/sizes.js';
import type { MapGraph } from '../app/state/visibility.js';
import type { NotemapGraph } from './build-graph.js';
import { serializeGraph } from './write.js';

export type GraphFormat = 'json' | 'gexf' | 'graphml';

/** The graph as text in `format`, in chunks (as writeFileAtomic takes them). */
export function serializeGraphAs(graph: NotemapGraph, format: GraphFormat): string[] {
  if (format === 'json') return serializeGraph(graph);
  const palette = buildTagPaletteUncached(graph as unknown as MapGraph, { tagDepth: 0, colorCommonTags: false, theme: 'light' });
  const look = (key: string, attributes: Record<string, unknown>) => ({
    color: palette.nodeColor(key),
    size: nodeSize(Number(attributes.inDegree) || 0, 1, attributes.kind as NodeKind),
  });
  return [format === 'gexf' ? toGexf(graph, { look }) : toGraphml(graph, { look })];
}

/** Where the file goes: `--out` as given, but a `.json` name asked for GEXF or GraphML takes that extension. */
export function outPathFor(out: string, format: GraphFormat): string {
  return format !== 'json' && /\.json$/i.test(out) ? out.replace(/\.json$/i, `.${format}`) : out;
}
