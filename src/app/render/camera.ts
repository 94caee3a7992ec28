/**
 * Camera moves: frame a set of nodes (a selection and its neighbours in the
 * part of the view the panel leaves free), follow a target, zoom and pan by steps.
 * Works in sigma's framed-graph space through its public conversions, so it
 * stays right whatever bounding box the renderer uses.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { truncateLabel } from './labels.js';

/** Duration of animated camera moves (ms). */
export const CAMERA_DURATION = 450;
/** Zoom factor of one +/- step. */
export const ZOOM_STEP = 1.5;
/** Fraction of the viewport one arrow-key press pans. */
export const PAN_STEP = 0.15;

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

/**
 * sigma's conversions use the matrix of the last rendered frame, which lags
 * the camera's state between a move and the next frame (mid-animation, right
 * after setState). These helpers convert at the camera's current state.
 */
function atCamera(sigma: AnySigma): { cameraState: CameraState } {
  return { cameraState: sigma.getCamera().getState() };
}

/** Framed-graph units per viewport pixel at the current camera (angle 0). */
function framedPerPixel(sigma: AnySigma): number {
  const now = atCamera(sigma);
  const a = sigma.viewportToFramedGraph({ x: 0, y: 0 }, now);
  const b = sigma.viewportToFramedGraph({ x: 100, y: 0 }, now);
  return Math.abs(b.x - a.x) / 100;
}

/** Framed point -> viewport pixel at the current camera, as one affine map (computed once, applied per node). */
function framedToViewportNow(sigma: AnySigma): (x: number, y: number) => { x: number; y: number } {
  const now = atCamera(sigma);
  const o = sigma.framedGraphToViewport({ x: 0, y: 0 }, now);
  const ex = sigma.framedGraphToViewport({ x: 1, y: 0 }, now);
  const ey = sigma.framedGraphToViewport({ x: 0, y: 1 }, now);
  return (x, y) => ({ x: o.x + (ex.x - o.x) * x + (ey.x - o.x) * y, y: o.y + (ex.y - o.y) * x + (ey.y - o.y) * y });
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

/** Label widths measured once per font and text (titles do not change; a fit may measure thousands). */
const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null | undefined;

/** Width (px) of `text` in `font`; an estimate where there is no canvas (Node). */
function textWidth(text: string, font: string, size: number): number {
  if (measurer === undefined) measurer = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * size * 0.55;
  const key = `${font}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    measurer.font = font;
    width = measurer.measureText(text).width;
    widths.set(key, width);
  }
  return width;
}

/**
 * Half the width (px) of a node's label as labels.ts draws it: plain, cut
 * at MAX_LABEL_CHARS; or, for a highlighted node, in the bolder and longer
 * pill with its padding (a framing that keeps room for plain labels cut the
 * pills at the edge).
 */
function labelHalfWidth(sigma: AnySigma, label: string | null | undefined, highlighted: boolean): number {
  if (!label) return 0;
  const size = sigma.getSetting('labelSize');
  const family = sigma.getSetting('labelFont');
  if (highlighted) return textWidth(truncateLabel(label, 80), `600 ${size}px ${family}`, size) / 2 + 7;
  return textWidth(truncateLabel(label), `${sigma.getSetting('labelWeight')} ${size}px ${family}`, size) / 2;
}

/**
 * One node of a group, for fitting: its offset (px, at the current zoom) from
 * the centre of the group's positions, and the room what is drawn of it
 * takes around that point at any zoom (labels keep their size in pixels).
 */
export interface FitPoint {
  dx: number;
  dy: number;
  /** Half the width of the node or of its label, whichever is wider. */
  half: number;
  /** Room above the point (its radius) and below it (radius and label). */
  up: number;
  down: number;
}

/** A group of nodes on screen: its box in viewport pixels (labels included), its centre in framed units, its points. */
export interface GroupExtent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  /** Centre of the nodes' positions, in sigma's framed-graph units. */
  cx: number;
  cy: number;
  points: FitPoint[];
}

/**
 * Where `keys` are drawn now (null when none of them is in the graph). Reads
 * the graph's positions through sigma's fixed framing, not display data, so
 * it is right right after the layout moved nodes, before sigma has redrawn.
 */
export function groupExtent(sigma: AnySigma, keys: Iterable<string>): GroupExtent | null {
  const graph = sigma.getGraph();
  const toViewport = framedToViewportNow(sigma);
  const labelRoom = sigma.getSetting('labelSize') + 12;
  const drawn: Array<{ fx: number; fy: number; vx: number; vy: number; half: number; size: number }> = [];
  let fMinX = Infinity;
  let fMaxX = -Infinity;
  let fMinY = Infinity;
  let fMaxY = -Infinity;
  for (const key of keys) {
    if (!graph.hasNode(key)) continue;
    const { x, y } = graph.getNodeAttributes(key) as { x: number; y: number };
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    // Graph -> framed is the fixed normalisation: a round trip through any one matrix gives it exactly.
    const f = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
    const v = toViewport(f.x, f.y);
    const data = sigma.getNodeDisplayData(key);
    const size = data?.size ?? 4;
    // Labels hang centred under nodes: keep room for them too, or the titles at the edges get cut.
    const half = Math.max(size, labelHalfWidth(sigma, data?.label, data?.highlighted === true));
    drawn.push({ fx: f.x, fy: f.y, vx: v.x, vy: v.y, half, size });
    fMinX = Math.min(fMinX, f.x);
    fMaxX = Math.max(fMaxX, f.x);
    fMinY = Math.min(fMinY, f.y);
    fMaxY = Math.max(fMaxY, f.y);
  }
  if (drawn.length === 0) return null;
  const cx = (fMinX + fMaxX) / 2;
  const cy = (fMinY + fMaxY) / 2;
  const centre = toViewport(cx, cy);
  const extent: GroupExtent = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, cx, cy, points: [] };
  for (const d of drawn) {
    // Labels (and pills, 8 px taller) hang under nodes: keep their height at the bottom.
    const point = { dx: d.vx - centre.x, dy: d.vy - centre.y, half: d.half, up: d.size, down: d.size + labelRoom };
    extent.points.push(point);
    extent.minX = Math.min(extent.minX, d.vx - point.half);
    extent.maxX = Math.max(extent.maxX, d.vx + point.half);
    extent.minY = Math.min(extent.minY, d.vy - point.up);
    extent.maxY = Math.max(extent.maxY, d.vy + point.down);
  }
  return extent;
}

/**
 * How much to scale the group's spread (positions move apart by k around
 * their centre; what is drawn at each keeps its pixel size) so that all of
 * it fits in a `width` x `height` box centred on that centre: the largest k
 * meeting every node's constraint. Infinity for a single point. A label
 * wider than the box would forbid any zoom: it is held to half the box.
 */
export function fitScale(points: readonly FitPoint[], width: number, height: number): number {
  let k = Infinity;
  const halfW = width / 2;
  const halfH = height / 2;
  for (const p of points) {
    const ax = Math.abs(p.dx);
    if (ax > 1e-9) k = Math.min(k, Math.max(halfW - p.half, halfW / 2) / ax);
    if (p.dy > 1e-9) k = Math.min(k, Math.max(halfH - p.down, halfH / 2) / p.dy);
    else if (p.dy < -1e-9) k = Math.min(k, Math.max(halfH - p.up, halfH / 2) / -p.dy);
  }
  return k;
}

/**
 * The zoom ratio that makes a group (drawn now at `ratio`) fill a `width` x
 * `height` view less the insets and `margin` px on every side. Exact
 * whatever the current zoom: positions spread with 1 / ratio while labels
 * keep their pixel size.
 */
export function ratioToFit(extent: GroupExtent, ratio: number, width: number, height: number, insets: Insets, margin: number): number {
  const availableW = Math.max(1, width - insets.right - 2 * margin);
  const availableH = Math.max(1, height - insets.bottom - 2 * margin);
  return ratio / fitScale(extent.points, availableW, availableH);
}

/** True when the whole group is drawn inside the uncovered part of the view, `pad` px from its edges. */
export function insideView(extent: GroupExtent, width: number, height: number, insets: Insets, pad: number): boolean {
  return extent.minX >= pad && extent.minY >= pad && extent.maxX <= width - insets.right - pad && extent.maxY <= height - insets.bottom - pad;
}

/** Options of cameraToFit. */
export interface FitOptions {
  /** Pixels of the view kept free around the group (default 48). */
  margin?: number;
  /** The camera never zooms closer than this ratio (default 0.08: a lone node is not blown up absurdly). */
  minRatio?: number;
}

/**
 * The camera state that frames `keys` in the part of the view the insets do
 * not cover (null when none of them is drawn).
 */
export function cameraToFit(sigma: AnySigma, keys: Iterable<string>, insets: Insets = NO_INSETS, options: FitOptions = {}): CameraState | null {
  const extent = groupExtent(sigma, keys);
  if (!extent) return null;
  const camera = sigma.getCamera().getState();
  const { width, height } = sigma.getDimensions();
  const ratio = Math.max(ratioToFit(extent, camera.ratio, width, height, insets, options.margin ?? 48), options.minRatio ?? 0.08);
  const centre = centredOn(sigma, extent.cx, extent.cy, ratio, insets);
  return { ...camera, angle: 0, x: centre.x, y: centre.y, ratio };
}

/** Frame `keys` (animated unless `animate` is false). */
export function fitNodes(sigma: AnySigma, keys: Iterable<string>, animate = true, insets: Insets = NO_INSETS): void {
  const state = cameraToFit(sigma, keys, insets);
  if (!state) return;
  if (animate) void sigma.getCamera().animate(state, { duration: duration(CAMERA_DURATION), easing: 'cubicInOut' });
  else sigma.getCamera().setState(state);
}

/**
 * Framing a selection never zooms in closer than this ratio (unless the view
 * is already closer): a note with two close neighbours is not blown up.
 */
export const SELECTION_MIN_RATIO = 0.3;
/** A framing that would zoom in by less than this factor, on a group already in view, is not worth a move. */
export const NEEDLESS_ZOOM = 2;

/**
 * Frame a selected note and its neighbours in the part of the view the
 * panel does not cover (animated). Nothing moves when they are all in that
 * part already and the framing would barely zoom in: clicking a note in
 * plain view does not shake the map.
 */
export function frameSelection(sigma: AnySigma, keys: Iterable<string>, insets: Insets = NO_INSETS): void {
  const list = [...keys];
  const extent = groupExtent(sigma, list);
  if (!extent) return;
  const current = sigma.getCamera().getState();
  const target = cameraToFit(sigma, list, insets, { minRatio: Math.min(current.ratio, SELECTION_MIN_RATIO) });
  if (!target) return;
  const { width, height } = sigma.getDimensions();
  if (insideView(extent, width, height, insets, 12) && target.ratio * NEEDLESS_ZOOM > current.ratio) return;
  void sigma.getCamera().animate(target, { duration: duration(CAMERA_DURATION), easing: 'cubicInOut' });
}

/**
 * One step of a camera following a target (a layout relaxing under a filter):
 * a `t` fraction of the way, the zoom geometrically so it eases alike in and out.
 */
export function stepToward(current: CameraState, target: CameraState, t: number): CameraState {
  return {
    angle: current.angle,
    x: current.x + (target.x - current.x) * t,
    y: current.y + (target.y - current.y) * t,
    ratio: current.ratio * Math.pow(target.ratio / current.ratio, t),
  };
}

/** True when two camera states show the same view, give or take `tolerance` (of the framed unit and of the ratio). */
export function sameView(a: CameraState, b: CameraState, tolerance = 0.002): boolean {
  return Math.abs(a.x - b.x) <= tolerance * a.ratio && Math.abs(a.y - b.y) <= tolerance * a.ratio && Math.abs(Math.log(a.ratio / b.ratio)) <= tolerance * 5;
}

/** Animate to `state` (honouring reduced motion). */
export function animateTo(sigma: AnySigma, state: CameraState, ms = CAMERA_DURATION): void {
  void sigma.getCamera().animate(state, { duration: duration(ms), easing: 'cubicInOut' });
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
