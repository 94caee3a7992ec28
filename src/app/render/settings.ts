/**
 * sigma's settings for the map, in one place: programs (plain discs, ringed
 * orphans, lines or arrows), label density, theme-dependent label colors.
 * The reducers are installed here once and read a model the renderer swaps.
 */
import type { Settings } from 'sigma/settings';
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import { createNodeBorderProgram } from '@sigma/node-border';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/contract.js';
import { LABEL_BASE_SIZE } from './density.js';
import { createLabelDrawers } from './labels.js';
import type { CanvasPalette } from './palette.js';

export const LABEL_FONT = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "DejaVu Sans", sans-serif';

/**
 * An orphan: an outer ring in `ringColor`, a transparent gap, then the node's
 * own fill, so it reads as "circled" at any zoom.
 */
const OrphanProgram = createNodeBorderProgram<NodeAttributes, EdgeAttributes, GraphAttributes>({
  borders: [
    { size: { value: 0.2 }, color: { attribute: 'ringColor' } },
    { size: { value: 0.18 }, color: { transparent: true } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

export type MapSettings = Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>>;

/**
 * Settings for a new sigma instance.
 *
 * Labels: sigma's label grid keeps, per cell of `labelGridCellSize` px, the
 * biggest nodes (`labelDensity` of them per cell); nodes whose on-screen
 * radius is under `labelRenderedSizeThreshold` get none. Zooming in grows
 * radii and shrinks cells in graph space, so more labels appear as you zoom.
 */
export function mapSettings(
  palette: () => CanvasPalette,
  reducers: Pick<MapSettings, 'nodeReducer' | 'edgeReducer'>,
  fadeAlpha?: () => number,
): { settings: MapSettings; startFrame(): void; endFrame(): void; drawnLabels(): string[] } {
  const { drawLabel, drawHover, startFrame, endFrame, drawnLabels } = createLabelDrawers(palette, fadeAlpha);
  const settings: MapSettings = {
    ...reducers,
    defaultNodeType: 'circle',
    defaultEdgeType: 'line',
    nodeProgramClasses: { circle: NodeCircleProgram, orphan: OrphanProgram },
    edgeProgramClasses: { line: EdgeRectangleProgram, arrow: EdgeArrowProgram },
    defaultDrawNodeLabel: drawLabel,
    defaultDrawNodeHover: drawHover,
    labelFont: LABEL_FONT,
    labelSize: LABEL_BASE_SIZE,
    labelWeight: '500',
    labelColor: { attribute: 'labelColor', color: palette().label },
    labelDensity: 0.6,
    labelGridCellSize: 100,
    labelRenderedSizeThreshold: 5,
    zIndex: true,
    enableEdgeEvents: true,
    minEdgeThickness: 0.8,
    antiAliasingFeather: 1,
    stagePadding: 40,
    minCameraRatio: 0.02,
    maxCameraRatio: 8,
    hideEdgesOnMove: false,
    // Labels come from notes: they are drawn on a canvas, never parsed as HTML.
    renderEdgeLabels: false,
    itemSizesReference: 'screen',
    zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio),
  };
  return { settings, startFrame, endFrame, drawnLabels };
}
