/**
 * Cluster names over the map in cluster mode: a canvas layer above sigma's
 * node labels (a name is the overview when zoomed out, so it wins; its pill
 * mutes the labels under it; faded while a hover, selection or path stands out), redrawn after each sigma render. Centroids (graph
 * coordinates) are recomputed only when the visible set or positions change;
 * placement is cluster-label-place.ts.
 */
import { disposeOnce } from '../disposable.js';
import { computeVisible } from '../state/visibility.js';
import type { Disposable, Store } from '../state/types.js';
import { categoryScheme } from '../style/node-colors.js';
import { SOLO_CLUSTER } from '../style/categories.js';
import type { ThemeController } from '../theme.js';
import { mixColor, PALETTES, withAlpha } from './palette.js';
import type { MapRenderer } from './renderer.js';
import { LABEL_FONT } from './settings.js';
import { clusterFocusAlpha, placeClusterLabels, type ClusterSpot, type PlacedClusterLabel } from './cluster-label-place.js';
import { fitLayerCanvas } from './layer-canvas.js';

export const CLUSTER_LAYER = 'clusterLabels';

/** A cluster's spot in graph coordinates (placement takes it in viewport pixels). */
type Centroid = Required<ClusterSpot>;

export interface ClusterLabelsOptions {
  renderer: MapRenderer;
  store: Store;
  theme: ThemeController;
}

export function mountClusterLabels({ renderer, store, theme }: ClusterLabelsOptions): Disposable & { placed(): PlacedClusterLabel[] } {
  const { sigma, graph } = renderer;
  const canvas = sigma.createCanvas(CLUSTER_LAYER, { afterLayer: 'labels', style: { pointerEvents: 'none' } });
  const ctx = canvas.getContext('2d')!;
  let centroids: Centroid[] | null = null;
  let last: PlacedClusterLabel[] = [];
  let drawn = false;
  const dirty = (): void => {
    centroids = null;
  };
  graph.on('eachNodeAttributesUpdated', dirty);
  graph.on('nodeAttributesUpdated', dirty);
  graph.on('nodeAdded', dirty);
  graph.on('nodeDropped', dirty);
  const unsubscribe = store.subscribe(dirty);
  const offTheme = theme.onChange(dirty);

  function computeCentroids(): Centroid[] {
    const state = store.get();
    const scheme = categoryScheme(graph, state, theme.resolved());
    if (scheme === null || scheme.mode !== 'cluster') return [];
    const visible = computeVisible(graph, state).nodes;
    // Per cluster: sums of x, y, x² + y² (its spread is the RMS distance to its centroid).
    const sums = new Map<string, { x: number; y: number; q: number; n: number }>();
    const all = { x: 0, y: 0, q: 0, n: 0 };
    for (const key of visible) {
      const c = scheme.categoryOf(key);
      if (c === null) continue;
      const a = graph.getNodeAttributes(key);
      const q = a.x * a.x + a.y * a.y;
      let s = sums.get(c);
      if (!s) sums.set(c, (s = { x: 0, y: 0, q: 0, n: 0 }));
      for (const t of [s, all]) {
        t.x += a.x;
        t.y += a.y;
        t.q += q;
        t.n++;
      }
    }
    const rms = (t: { x: number; y: number; q: number; n: number }): number => Math.sqrt(Math.max(0, t.q / t.n - (t.x / t.n) ** 2 - (t.y / t.n) ** 2));
    const whole = all.n > 0 ? rms(all) : 0;
    return scheme.legend.flatMap((e) => {
      const s = sums.get(e.key);
      // Notes on their own are scattered, not a region: no name for them.
      if (!s || e.key === SOLO_CLUSTER) return [];
      return [{ key: e.key, name: e.label, count: s.n, x: s.x / s.n, y: s.y / s.n, color: e.color, spread: whole > 0 ? rms(s) / whole : 0 }];
    });
  }

  function draw(): void {
    const { width, height } = sigma.getDimensions();
    const ratio = fitLayerCanvas(canvas, width, height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (drawn) ctx.clearRect(0, 0, width, height);
    drawn = false;
    if (store.get().colorBy !== 'cluster') {
      last = [];
      canvas.dataset.names = '';
      return;
    }
    centroids ??= computeCentroids();
    const spots: ClusterSpot[] = centroids.map((c) => ({ ...c, ...sigma.graphToViewport({ x: c.x, y: c.y }) }));
    const measure = (text: string, size: number): number => {
      ctx.font = `650 ${size}px ${LABEL_FONT}`;
      return ctx.measureText(text).width;
    };
    last = placeClusterLabels(spots, { ratio: sigma.getCamera().ratio, width, height, measure });
    const palette = PALETTES[theme.resolved()];
    const focus = clusterFocusAlpha(renderer.looks());
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const label of last) {
      ctx.globalAlpha = label.alpha * focus;
      ctx.font = `650 ${label.size}px ${LABEL_FONT}`;
      const w = ctx.measureText(label.text).width + label.size;
      const h = label.size * 1.5;
      const accent = label.color ?? palette.labelMuted;
      // A pill in the page color, edged in the cluster's color: readable over nodes, edges and note labels.
      ctx.beginPath();
      ctx.roundRect(label.x - w / 2, label.y - h / 2, w, h, h / 2);
      ctx.fillStyle = withAlpha(palette.background, 0.86);
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = withAlpha(accent, 0.7);
      ctx.stroke();
      // The cluster's color pulled toward the text color, so yellow or light blue still read.
      ctx.fillStyle = mixColor(accent, palette.label, 0.5);
      ctx.fillText(label.text, label.x, label.y + label.size * 0.05);
      drawn = true;
    }
    ctx.globalAlpha = 1;
    // What is drawn, for tests and assistive checks (the canvas itself has no text).
    canvas.dataset.names = last.map((l) => l.text).join('\n');
    canvas.dataset.focus = String(focus);
  }
  sigma.on('afterRender', draw);
  draw();

  const { dispose } = disposeOnce(() => {
    sigma.off('afterRender', draw);
    graph.off('eachNodeAttributesUpdated', dirty);
    graph.off('nodeAttributesUpdated', dirty);
    graph.off('nodeAdded', dirty);
    graph.off('nodeDropped', dirty);
    unsubscribe();
    offTheme();
    sigma.killLayer(CLUSTER_LAYER);
  });
  return { dispose, placed: () => last };
}
