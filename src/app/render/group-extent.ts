/**
 * What a group of nodes takes on screen, and the zoom that fits it: node
 * positions spread with the zoom while labels keep their pixel size, so a
 * fit bounds each node (fitScale) instead of scaling one box. Pure maths
 * over sigma's conversions at the camera's current state; camera.ts moves
 * the camera with it.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { truncateLabel } from './labels.js';

type AnySigma = Sigma<any, any, any>;

/**
 * sigma's conversions use the matrix of the last rendered frame, which lags
 * the camera's state between a move and the next frame (mid-animation, right
 * after setState). These helpers convert at the camera's current state.
 */
export function atCamera(sigma: AnySigma): { cameraState: CameraState } {
  return { cameraState: sigma.getCamera().getState() };
}

/** Viewport pixels covered by floating UI (the details panel) on the right and at the bottom. */
export interface Insets {
  right: number;
  bottom: number;
}

/** Framed point -> viewport pixel at the current camera, as one affine map (computed once, applied per node). */
export function framedToViewportNow(sigma: AnySigma): (x: number, y: number) => { x: number; y: number } {
  const now = atCamera(sigma);
  const o = sigma.framedGraphToViewport({ x: 0, y: 0 }, now);
  const ex = sigma.framedGraphToViewport({ x: 1, y: 0 }, now);
  const ey = sigma.framedGraphToViewport({ x: 0, y: 1 }, now);
  return (x, y) => ({ x: o.x + (ex.x - o.x) * x + (ey.x - o.x) * y, y: o.y + (ex.y - o.y) * x + (ey.y - o.y) * y });
}

/** Groups up to this many nodes have their labels measured; bigger ones keep room for label heights only. */
export const MEASURED_LABELS = 2_000;
/** Label widths measured once per font and text (titles do not change; a fit may measure thousands). */
const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null | undefined;

/** Width (px) of `text` in `font`; an estimate where there is no canvas (Node). */
function textWidth(text: string, font: string, size: number, measure: boolean): number {
  if (measurer === undefined) measurer = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measurer || !measure) return text.length * size * 0.55;
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
function labelHalfWidth(sigma: AnySigma, label: string | null | undefined, highlighted: boolean, measure: boolean): number {
  if (!label) return 0;
  const size = sigma.getSetting('labelSize');
  const family = sigma.getSetting('labelFont');
  if (highlighted) return textWidth(truncateLabel(label, 80), `600 ${size}px ${family}`, size, true) / 2 + 7;
  return textWidth(truncateLabel(label), `${sigma.getSetting('labelWeight')} ${size}px ${family}`, size, measure) / 2;
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

type DisplayData = { size?: number; label?: string | null; highlighted?: boolean };

/**
 * A node's display data without a copy: sigma's getNodeDisplayData copies
 * the object on every call (half the fit's time at 100,000 nodes), so its
 * cache is read directly when there, read-only; the public call otherwise.
 */
function displayData(sigma: AnySigma, key: string): DisplayData | undefined {
  const cache = (sigma as unknown as { nodeDataCache?: Record<string, DisplayData> }).nodeDataCache;
  return cache ? cache[key] : sigma.getNodeDisplayData(key);
}

/** Graph point -> framed point: sigma's fixed normalisation, one affine map (computed once, applied per node). */
function graphToFramed(sigma: AnySigma): (x: number, y: number) => { x: number; y: number } {
  // A round trip through any one matrix gives the normalisation exactly.
  const at = (x: number, y: number) => sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
  const o = at(0, 0);
  const ex = at(1, 0);
  const ey = at(0, 1);
  return (x, y) => ({ x: o.x + (ex.x - o.x) * x + (ey.x - o.x) * y, y: o.y + (ex.y - o.y) * x + (ey.y - o.y) * y });
}

/**
 * Where `keys` are drawn now (null when none of them is in the graph). Reads
 * the graph's positions through sigma's fixed framing, not display data, so
 * it is right right after the layout moved nodes, before sigma has redrawn.
 *
 * O(n) with a small constant: positions go through two affine maps computed
 * once. A group of more than MEASURED_LABELS nodes keeps as fit points only
 * the nodes at least half as far from its centre as its farthest one (along
 * x or y), and reads display data for those only (fitScale holds each
 * point's room to at least half the box, so a nearer node can never bind the
 * zoom); their labels' widths are not reserved (only their height below).
 */
export function groupExtent(sigma: AnySigma, keys: Iterable<string>): GroupExtent | null {
  const graph = sigma.getGraph();
  const list = Array.isArray(keys) ? (keys as string[]) : [...keys];
  // Measuring every title of a big map would delay its first frame: past this, plain labels are estimated.
  const small = list.length <= MEASURED_LABELS;
  const toFramed = graphToFramed(sigma);
  const toViewport = framedToViewportNow(sigma);
  const labelSize = sigma.getSetting('labelSize');
  const index: number[] = [];
  const fx = new Float64Array(list.length);
  const fy = new Float64Array(list.length);
  let fMinX = Infinity;
  let fMaxX = -Infinity;
  let fMinY = Infinity;
  let fMaxY = -Infinity;
  for (let i = 0; i < list.length; i++) {
    const key = list[i];
    if (!graph.hasNode(key)) continue;
    const { x, y } = graph.getNodeAttributes(key) as { x: number; y: number };
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const f = toFramed(x, y);
    fx[index.length] = f.x;
    fy[index.length] = f.y;
    index.push(i);
    fMinX = Math.min(fMinX, f.x);
    fMaxX = Math.max(fMaxX, f.x);
    fMinY = Math.min(fMinY, f.y);
    fMaxY = Math.max(fMaxY, f.y);
  }
  if (index.length === 0) return null;
  const cx = (fMinX + fMaxX) / 2;
  const cy = (fMinY + fMaxY) / 2;
  const centre = toViewport(cx, cy);
  const corner = toViewport(fMaxX, fMinY);
  // Half the group's spread on screen (framed y grows upward, viewport y downward; angle 0 when fitting).
  const reachX = Math.abs(corner.x - centre.x) / 2;
  const reachY = Math.abs(corner.y - centre.y) / 2;
  const extent: GroupExtent = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, cx, cy, points: [] };
  for (let j = 0; j < index.length; j++) {
    const v = toViewport(fx[j], fy[j]);
    const dx = v.x - centre.x;
    const dy = v.y - centre.y;
    if (!small && Math.abs(dx) < reachX && Math.abs(dy) < reachY) {
      // An inner node of a big group: it never binds the fit, and labels there stay well inside the box.
      extent.minX = Math.min(extent.minX, v.x);
      extent.maxX = Math.max(extent.maxX, v.x);
      extent.minY = Math.min(extent.minY, v.y);
      extent.maxY = Math.max(extent.maxY, v.y);
      continue;
    }
    const data = displayData(sigma, list[index[j]]);
    const size = data?.size ?? 4;
    // Labels hang centred under nodes: keep room for them too, or the titles at the edges get cut.
    // Not across a big group: few of its labels show at that zoom, and room for the widest
    // possible one on each side left a quarter of the canvas empty (a 10,000-note map).
    const half = small ? Math.max(size, labelHalfWidth(sigma, data?.label, data?.highlighted === true, true)) : size;
    // Below a node: its label (2 px down, the text and its halo), or the pill of a highlighted one (4 px down, 8 px taller).
    const below = data?.label ? labelSize + (data.highlighted ? 12 : 4) : 0;
    const point = { dx, dy, half, up: size, down: size + below };
    extent.points.push(point);
    extent.minX = Math.min(extent.minX, v.x - point.half);
    extent.maxX = Math.max(extent.maxX, v.x + point.half);
    extent.minY = Math.min(extent.minY, v.y - point.up);
    extent.maxY = Math.max(extent.maxY, v.y + point.down);
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
