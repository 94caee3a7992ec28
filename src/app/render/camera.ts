/**
 * Camera moves: frame a set of nodes, centre one node, zoom and pan by steps.
 * Works in sigma's framed-graph space through its public conversions, so it
 * stays right whatever bounding box the renderer uses.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { MAX_LABEL_CHARS } from './labels.js';

/** Duration of animated camera moves (ms). */
export const CAMERA_DURATION = 450;
/** Zoom factor of one +/- step. */
export const ZOOM_STEP = 1.5;
/** Fraction of the viewport one arrow-key press pans. */
export const PAN_STEP = 0.15;
/** Ratio used when centring on a node from far out. */
export const FOCUS_RATIO = 0.5;

type AnySigma = Sigma<any, any, any>;

/** Animation length honouring prefers-reduced-motion (then a near-instant jump). */
function duration(ms: number): number {
  const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  // 1 ms, not 0: sigma divides by the duration.
  return reduce ? 1 : ms;
}

/** Viewport pixels covered by floating UI (the details panel) on the right and at the bottom. */
export interface Insets {
  right: number;
  bottom: number;
}

const NO_INSETS: Insets = { right: 0, bottom: 0 };

/** Framed-graph units per viewport pixel at the current camera (angle 0). */
function framedPerPixel(sigma: AnySigma): number {
  const a = sigma.viewportToFramedGraph({ x: 0, y: 0 });
  const b = sigma.viewportToFramedGraph({ x: 100, y: 0 });
  return Math.abs(b.x - a.x) / 100;
}

/**
 * Camera x/y that put framed point (x, y) at the centre of the uncovered part
 * of the viewport, at `ratio`: shifted right/down by half the insets.
 */
function centredOn(sigma: AnySigma, x: number, y: number, ratio: number, insets: Insets): { x: number; y: number } {
  const perPixel = framedPerPixel(sigma) * (ratio / sigma.getCamera().getState().ratio);
  // Framed y grows upward while viewport y grows downward.
  return { x: x + (insets.right / 2) * perPixel, y: y - (insets.bottom / 2) * perPixel };
}

/** Rough half width (px) of a drawn label: ~6.3 px per character at 12 px, cut like truncateLabel. */
function labelHalfWidth(label: string | null | undefined): number {
  if (!label) return 0;
  return (Math.min(label.length, MAX_LABEL_CHARS) * 6.3) / 2;
}

/**
 * The camera state that frames `keys` with `margin` px free around them
 * (null when none of them is drawn). Exact whatever the current zoom: the
 * on-screen span of the group scales with 1 / ratio.
 */
function cameraToFit(sigma: AnySigma, keys: Iterable<string>, insets: Insets = NO_INSETS, margin = 48): CameraState | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let fMinX = Infinity;
  let fMaxX = -Infinity;
  let fMinY = Infinity;
  let fMaxY = -Infinity;
  let count = 0;
  for (const key of keys) {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden) continue;
    count++;
    const v = sigma.framedGraphToViewport(data);
    // Labels hang centred under nodes: keep room for them too, or the titles at the edges get cut.
    const half = Math.max(data.size, labelHalfWidth(data.label));
    minX = Math.min(minX, v.x - half);
    maxX = Math.max(maxX, v.x + half);
    minY = Math.min(minY, v.y - data.size);
    maxY = Math.max(maxY, v.y + data.size);
    fMinX = Math.min(fMinX, data.x);
    fMaxX = Math.max(fMaxX, data.x);
    fMinY = Math.min(fMinY, data.y);
    fMaxY = Math.max(fMaxY, data.y);
  }
  if (count === 0) return null;
  const camera = sigma.getCamera().getState();
  const { width, height } = sigma.getDimensions();
  const availableW = Math.max(1, width - insets.right - 2 * margin);
  const availableH = Math.max(1, height - insets.bottom - 2 * margin);
  // Labels hang under nodes: keep a little more room at the bottom.
  const spanW = Math.max(1, maxX - minX);
  const spanH = Math.max(1, maxY - minY + 16);
  let ratio = camera.ratio * Math.max(spanW / availableW, spanH / availableH);
  // A single node (or a tight group) should not zoom in absurdly far.
  ratio = Math.max(ratio, 0.08);
  const centre = centredOn(sigma, (fMinX + fMaxX) / 2, (fMinY + fMaxY) / 2, ratio, insets);
  return { ...camera, angle: 0, x: centre.x, y: centre.y, ratio };
}

/** Frame `keys` (animated unless `animate` is false). */
export function fitNodes(sigma: AnySigma, keys: Iterable<string>, animate = true, insets: Insets = NO_INSETS): void {
  const state = cameraToFit(sigma, keys, insets);
  if (!state) return;
  if (animate) void sigma.getCamera().animate(state, { duration: duration(CAMERA_DURATION), easing: 'cubicInOut' });
  else sigma.getCamera().setState(state);
}

/** Centre node `key`, zooming in when the camera is far out (unless `keepZoom`). */
export function centreNode(sigma: AnySigma, key: string, insets: Insets = NO_INSETS, keepZoom = false): void {
  const graph = sigma.getGraph();
  if (!graph.hasNode(key)) return;
  // From the graph's own position (display data may not be re-indexed yet after a filter change).
  const { x, y } = graph.getNodeAttributes(key) as { x: number; y: number };
  const framed = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
  const camera = sigma.getCamera();
  const ratio = keepZoom ? camera.getState().ratio : Math.min(camera.getState().ratio, FOCUS_RATIO);
  const centre = centredOn(sigma, framed.x, framed.y, ratio, insets);
  void camera.animate({ x: centre.x, y: centre.y, ratio }, { duration: duration(CAMERA_DURATION), easing: 'cubicInOut' });
}

/**
 * Where each camera is heading: a key press during an animation starts from
 * that target, not from a half-way state, so "→ then +" pans AND zooms.
 */
const targets = new WeakMap<object, CameraState>();

function animateFrom(sigma: AnySigma, patch: (base: CameraState, current: CameraState) => Partial<CameraState>, ms: number): void {
  const camera = sigma.getCamera();
  const current = camera.getState();
  const base = camera.isAnimated() ? (targets.get(camera) ?? current) : current;
  const next = { ...base, ...patch(base, current) };
  targets.set(camera, next);
  void camera.animate(next, { duration: duration(ms) });
}

/** Zoom by `factor` (>1 zooms in) around the centre of the view. */
export function zoomBy(sigma: AnySigma, factor: number): void {
  animateFrom(sigma, (base) => ({ ratio: sigma.getCamera().getBoundedRatio(base.ratio / factor) }), 200);
}

/** Pan by a fraction of the viewport (dx, dy in -1..1; +x right, +y down on screen). */
export function panBy(sigma: AnySigma, dx: number, dy: number): void {
  const { width, height } = sigma.getDimensions();
  const from = sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 });
  const to = sigma.viewportToFramedGraph({ x: width / 2 + dx * width, y: height / 2 + dy * height });
  // The step measured at the current zoom, scaled to the zoom the camera is heading to.
  animateFrom(sigma, (base, current) => {
    const k = base.ratio / current.ratio;
    return { x: base.x + (to.x - from.x) * k, y: base.y + (to.y - from.y) * k };
  }, 180);
}
