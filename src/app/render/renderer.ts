/**
 * The sigma instance of the map: created once with reducers that read a
 * LookModel, which is rebuilt when the view state, the theme or the hovered
 * node changes. Looks-only changes re-run the reducers without re-indexing
 * (`refresh({ partialGraph, skipIndexation: true })`); filter, size and
 * program changes do a full refresh.
 */
import type Sigma from 'sigma';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/contract.js';
import { disposeOnce } from '../disposable.js';
import { computeVisible, type MapGraph } from '../state/visibility.js';
import type { Store, ViewState } from '../state/types.js';
import { NEUTRALS } from '../style/colors.js';
import { nodeColors } from '../style/node-colors.js';
import { nodeSize } from '../style/sizes.js';
import { sizeWeights } from '../style/size-by.js';
import type { ThemeController } from '../theme.js';
import { fitNodes, frameSelection, panBy, zoomBy, ZOOM_STEP, type Insets } from './camera.js';
import { classifyChange } from './changes.js';
import { densityFactor, edgeFade, LABEL_BASE_SIZE, labelDensity, labelFadeAlpha, labelThreshold } from './density.js';
import { mixColor, PALETTES, type CanvasPalette } from './palette.js';
import { edgeLook, neighbourSet, nodeLook, type LookModel } from './reducers.js';
import { mapSettings } from './settings.js';
import type { HitIndex } from './hit-index.js';
import { measureHitIndex } from './screen-hits.js';
import { hoverRestMs, lightPrograms, performanceSettings } from './performance.js';
import { createRestTimer, edgeHoverChangedItems, hoverChangedItems, type ChangedItems } from './hover-refresh.js';
import { withLightPrograms } from './light-programs.js';
import { createSigmaFramedLater, redrawAfterDrag } from './needless-redraws.js';
import { SHIFT_PAN_NODES, shiftWhilePanning } from './pan-shift.js';
import { pathHighlight } from '../path/path-look.js';
import { pathViewOf } from '../path/path-view.js';
import { withMentionPartners } from '../suggested/suggested-pairs.js';

export type MapSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface MapRenderer {
  readonly sigma: MapSigma;
  readonly graph: MapGraph;
  /** Highlight `key` and its neighbours (null: nothing hovered). */
  setHovered(key: string | null): void;
  /** Draw the link under the pointer stronger (null: none). */
  setHoveredEdge(edge: string | null): void;
  /** Where nodes and links are on screen now, for hit areas bigger than what is drawn (built lazily per frame). */
  hitIndex(): HitIndex;
  /** Frame every visible node. */
  fit(animate?: boolean): void;
  /**
   * true: the frame follows the nodes' extent (a layout from scratch grows a
   * lot); false: freeze the frame where the nodes are now, so later moves
   * (polishing, drags) do not rescale the view under the user.
   */
  followLayout(on: boolean): void;
  /**
   * Frame a node and its shown neighbours in the part of the map the details
   * panel does not cover; no move when they are in plain view there already.
   */
  focusNode(key: string): void;
  /** Frame these nodes (those drawn) beside the details panel; no move when they are in plain view there already. */
  frameNodes(keys: Iterable<string>): void;
  /** The nodes drawn now (filters and local view applied). */
  visibleNodes(): ReadonlySet<string>;
  /** Pixels of the map the details panel covers now. */
  insets(): Insets;
  /** Run `fn` once sigma's display data reflects the last change (right away when it does). */
  whenIndexed(fn: () => void): void;
  /** Frame these nodes (the visible ones). */
  frame(keys: Iterable<string>): void;
  zoomIn(): void;
  zoomOut(): void;
  pan(dx: number, dy: number): void;
  /** Keys of the nodes whose plain labels the last frame drew (pills of highlighted nodes not included). */
  drawnLabels(): string[];
  /** A node's position in CSS pixels of the page viewport (null when it is unknown or hidden). */
  nodeScreenPosition(key: string): { x: number; y: number } | null;
  /** What the reducers draw from now (for layers drawn beside sigma's: suggested links). */
  looks(): LookModel;
  dispose(): void;
}

/**
 * How much of the map the details panel covers: on the right on wide
 * screens, at the bottom when it spans the width (small screens); and the
 * timeline bar, over the bottom of the map while it is open.
 */
function panelInsets(container: HTMLElement): Insets {
  const box = container.getBoundingClientRect();
  const insets = { right: 0, bottom: timelineInset(box) };
  const panel = document.getElementById('panel');
  if (!panel || panel.hidden) return insets;
  const p = panel.getBoundingClientRect();
  if (p.width === 0 || p.height === 0) return insets;
  if (p.width > box.width * 0.8) return { right: 0, bottom: Math.max(insets.bottom, box.bottom - p.top) };
  return { ...insets, right: Math.max(0, box.right - p.left) };
}

/** The height of the map the open timeline bar covers (0 when closed). */
function timelineInset(box: DOMRect): number {
  const bar = document.getElementById('timeline');
  if (!bar || bar.hidden) return 0;
  const t = bar.getBoundingClientRect();
  return t.height === 0 ? 0 : Math.max(0, box.bottom - t.top);
}

export function createRenderer(graph: MapGraph, container: HTMLElement, store: Store, theme: ThemeController): MapRenderer {
  let palette: CanvasPalette = PALETTES[theme.resolved()];
  let hovered: string | null = null;
  let hoverSet: ReadonlySet<string> = new Set();
  let hoveredEdge: string | null = null;
  // A big map's hover changes its neighbourhood's looks only (hover-refresh.ts).
  const hoverFadesRest = hoverRestMs(graph.order) === 0;

  function buildModel(state: ViewState): LookModel {
    const visible = computeVisible(graph, state).nodes;
    const density = densityFactor(visible.size);
    const scale = state.sizeScale * density;
    const weightOf = sizeWeights(graph, state.sizeBy, state.sizeEmbeds);
    const fade = edgeFade(density);
    const neutral = NEUTRALS[theme.resolved()].note;
    return {
      graph,
      state,
      visible,
      colorOf: nodeColors(graph, state, theme.resolved()),
      ghostColor: mixColor(neutral, palette.background, 0.4),
      sizeOf: (key, attrs) => nodeSize(weightOf(key, attrs), scale, attrs.kind),
      palette: {
        ...palette,
        edge: mixColor(palette.edge, palette.background, fade),
        edgeGhost: mixColor(palette.edgeGhost, palette.background, fade),
      },
      density,
      hovered,
      hoverSet,
      hoveredEdge,
      selectSet: state.selected !== null && graph.hasNode(state.selected) ? withMentionPartners(neighbourSet(graph, state.selected), graph, state.selected, state.showMentions) : new Set<string>(),
      neutralColor: neutral,
      path: pathHighlight(pathViewOf(graph, state)),
      hoverFadesRest,
    };
  }
  let model = buildModel(store.get());

  /** Label settings that depend on how many nodes are drawn. */
  const labelSettings = () => ({
    labelRenderedSizeThreshold: labelThreshold(model.density, model.visible.size),
    labelDensity: labelDensity(model.visible.size),
    labelSize: Math.round(LABEL_BASE_SIZE * model.state.labelSize * 10) / 10,
  });

  let sigmaRef: MapSigma | null = null;
  const { settings, startFrame, endFrame, drawnLabels } = mapSettings(
    () => palette,
    {
      nodeReducer: (key, attrs) => nodeLook(key, attrs, model),
      edgeReducer: (edge, attrs) => edgeLook(edge, attrs, model),
    },
    () => labelFadeAlpha(sigmaRef?.getCamera().ratio ?? 1, model.state.labelFade),
  );
  // Every setting goes in at construction: sigma indexes the whole graph once, not again per setting (viewer).
  // Links are picked by the hit index (interactions.ts), never by sigma: its clickEdge would swallow clickStage.
  // Drawn first at the next frame, framed (needless-redraws.ts).
  const sigma: MapSigma = createSigmaFramedLater(graph, container, { ...withLightPrograms(settings, lightPrograms(graph.order, graph.size)), ...labelSettings(), ...performanceSettings(graph.order, graph.size), enableEdgeEvents: false });
  sigmaRef = sigma;
  sigma.on('beforeRender', startFrame);
  sigma.on('afterRender', endFrame);
  // A fixed frame: the layout moving nodes must not rescale the whole view under the user.
  // It is the extent sigma has just indexed, so nothing needs indexing again; one redraw runs the label hooks.
  sigma.setCustomBBox(sigma.getBBox());

  /**
   * A full refresh re-indexes at the next render; until then sigma's program
   * indices are empty and a looks-only refresh would throw ("can't be
   * repaint"), so looks requested meanwhile go through another full refresh.
   */
  let fullPending = false;
  sigma.on('afterRender', () => (fullPending = false));
  // A node or link a live diff adds gets its program index at sigma's next render
  // too: a looks-only refresh before then would throw on it the same way.
  const addedPending = (): void => {
    fullPending = true;
  };
  graph.on('nodeAdded', addedPending);
  graph.on('edgeAdded', addedPending);

  // The hit index describes one frame: any render (camera, layout, looks) makes it stale.
  let frame = 0;
  let hit: { frame: number; index: HitIndex } | null = null;
  sigma.on('afterRender', () => frame++);
  // A big map pans by moving its drawn layers (pan-shift.ts); what measured the screen is stale after each move too.
  const undoPanShift = graph.order > SHIFT_PAN_NODES ? shiftWhilePanning(sigma, () => frame++) : () => {};
  // Installed after the pan shift, so that the refresh sigma asks for after a drag reaches neither it nor sigma.
  const undoDragRedraw = redrawAfterDrag(sigma);
  function hitIndex(): HitIndex {
    if (hit !== null && hit.frame === frame) return hit.index;
    hit = { frame, index: measureHitIndex(sigma, graph, model.visible) };
    return hit.index;
  }
  function refreshFull(apply?: () => void): void {
    fullPending = true;
    if (apply) apply();
    else sigma.scheduleRefresh();
  }

  /**
   * Run `fn` once sigma's display data is up to date: right away, or after the
   * render that processes a pending full refresh (until then display data
   * holds raw graph coordinates, and camera maths on it would be wrong).
   */
  function whenIndexed(fn: () => void): void {
    if (fullPending) sigma.once('afterRender', fn);
    else fn();
  }

  /** Re-run the reducers on every item, keeping indices (colors and highlights only). */
  function refreshLooks(): void {
    if (fullPending) return refreshFull();
    sigma.refresh({ partialGraph: { nodes: graph.nodes(), edges: graph.edges() }, skipIndexation: true, schedule: true });
  }

  /** Re-run the reducers on these items only (the rest of the map looks as it did). */
  function refreshItems(items: ChangedItems): void {
    if (fullPending) return refreshFull();
    sigma.refresh({ partialGraph: items, skipIndexation: true, schedule: true });
  }

  const unsubscribe = store.subscribe((state, previous) => {
    const change = classifyChange(previous, state);
    if (change === 'none') return;
    if (hovered !== null && !graph.hasNode(hovered)) hovered = null;
    model = buildModel(state);
    if (change === 'full') {
      // setSettings refreshes by itself; only refresh explicitly when the label settings did not change.
      const labels = labelSettings();
      const same =
        sigma.getSetting('labelRenderedSizeThreshold') === labels.labelRenderedSizeThreshold &&
        sigma.getSetting('labelDensity') === labels.labelDensity &&
        sigma.getSetting('labelSize') === labels.labelSize;
      if (same) refreshFull();
      else refreshFull(() => sigma.setSettings(labels));
    } else {
      refreshLooks();
    }
  });

  /** Highlights of a node or a link: on a big map once the pointer rests (performance.ts hoverRestMs). */
  const pressed = () => sigma.getMouseCaptor().isMouseDown;
  const nodeRest = createRestTimer(hoverRestMs(graph.order), pressed);
  const edgeRest = createRestTimer(hoverRestMs(graph.order), pressed);
  function applyHover(key: string | null): void {
    if (key === hovered) return;
    const before = { centre: hovered, set: hoverSet };
    hovered = key !== null && graph.hasNode(key) ? key : null;
    hoverSet = hovered === null ? new Set() : withMentionPartners(neighbourSet(graph, hovered), graph, hovered, store.get().showMentions);
    model = { ...model, hovered, hoverSet };
    // With a selection the emphasis moves between it and the hover, which changes every look.
    if (!hoverFadesRest && store.get().selected === null) refreshItems(hoverChangedItems(graph, before, { centre: hovered, set: hoverSet }));
    else refreshLooks();
  }
  function applyEdgeHover(next: string | null): void {
    const before = hoveredEdge;
    hoveredEdge = next;
    model = { ...model, hoveredEdge };
    refreshItems(edgeHoverChangedItems(graph, before, next));
  }

  const offTheme = theme.onChange((resolved) => {
    palette = PALETTES[resolved];
    model = buildModel(store.get());
    // The one redraw for a theme change (the store listener ignores `theme`):
    // label color is a setting, and setSetting refreshes everything once.
    refreshFull(() => sigma.setSetting('labelColor', { attribute: 'labelColor', color: palette.label }));
  });

  const { dispose } = disposeOnce(() => {
    unsubscribe();
    graph.off('nodeAdded', addedPending);
    graph.off('edgeAdded', addedPending);
    offTheme();
    nodeRest.cancel();
    edgeRest.cancel();
    undoDragRedraw();
    undoPanShift();
    sigma.kill();
  });
  return {
    sigma,
    graph,
    setHovered(key) {
      nodeRest.cancel();
      if (key !== hovered) nodeRest.run(() => applyHover(key));
    },
    setHoveredEdge(edge) {
      edgeRest.cancel();
      const next = edge !== null && graph.hasEdge(edge) ? edge : null;
      if (next !== hoveredEdge) edgeRest.run(() => applyEdgeHover(next));
    },
    hitIndex,
    followLayout(on) {
      // The extent sigma last computed is where the nodes are: freezing it moves nothing on screen.
      sigma.setCustomBBox(on ? null : sigma.getBBox());
      refreshFull();
    },
    fit(animate = true) {
      whenIndexed(() => fitNodes(sigma, model.visible, animate, panelInsets(container)));
    },
    focusNode(key) {
      // In a local view the selection decides what is shown, and its change re-frames (reframe.ts).
      if (store.get().localDepth > 0) return;
      whenIndexed(() => {
        if (!model.visible.has(key)) return;
        const around = [...neighbourSet(graph, key)].filter((k) => model.visible.has(k));
        frameSelection(sigma, around, panelInsets(container));
      });
    },
    frameNodes(keys) {
      const list = [...keys];
      whenIndexed(() => frameSelection(sigma, list.filter((k) => model.visible.has(k)), panelInsets(container)));
    },
    frame(keys) {
      const list = [...keys];
      whenIndexed(() => fitNodes(sigma, list.filter((k) => model.visible.has(k)), true, panelInsets(container)));
    },
    visibleNodes: () => model.visible,
    insets: () => panelInsets(container),
    whenIndexed,
    zoomIn: () => zoomBy(sigma, ZOOM_STEP),
    zoomOut: () => zoomBy(sigma, 1 / ZOOM_STEP),
    pan: (dx, dy) => panBy(sigma, dx, dy),
    drawnLabels: () => [...drawnLabels()],
    nodeScreenPosition(key) {
      if (!graph.hasNode(key) || !model.visible.has(key)) return null;
      const a = graph.getNodeAttributes(key);
      const v = sigma.graphToViewport({ x: a.x, y: a.y });
      const box = container.getBoundingClientRect();
      return { x: box.left + v.x, y: box.top + v.y };
    },
    looks: () => model,
    dispose,
  };
}
