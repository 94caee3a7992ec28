/**
 * A LookModel over a test graph as the renderer builds one: tag colors,
 * sizes by backlinks, the light palette, `hovered` with its neighbourhood and
 * the selection's. `extra` sets the rest (a hovered link, hoverFadesRest).
 */
import type { ViewState } from '../../../src/app/state/types.js';
import { DEFAULT_VIEW } from '../../../src/app/state/types.js';
import { computeVisibleUncached, type MapGraph } from '../../../src/app/state/visibility.js';
import { buildTagPaletteUncached } from '../../../src/app/style/colors.js';
import { nodeSize } from '../../../src/app/style/sizes.js';
import { PALETTES } from '../../../src/app/render/palette.js';
import { neighbourSet, type LookModel } from '../../../src/app/render/reducers.js';

export function lookModel(graph: MapGraph, patch: Partial<ViewState> = {}, hovered: string | null = null, extra: Partial<LookModel> = {}): LookModel {
  const state = { ...DEFAULT_VIEW, ...patch };
  const tags = buildTagPaletteUncached(graph, { tagDepth: 0, colorCommonTags: false, theme: 'light' });
  return {
    graph,
    state,
    visible: computeVisibleUncached(graph, state).nodes,
    colorOf: tags.nodeColor,
    ghostColor: '#cccccc',
    sizeOf: (_k, a) => nodeSize(a.inDegree, state.sizeScale, a.kind),
    palette: PALETTES.light,
    density: 1,
    hovered,
    hoverSet: hovered ? neighbourSet(graph, hovered) : new Set(),
    selectSet: state.selected ? neighbourSet(graph, state.selected) : new Set(),
    ...extra,
  };
}
