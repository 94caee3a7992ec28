/**
 * Camera moves: frame a set of nodes, centre one node, zoom and pan by steps.
 * Works in sigma's framed-graph space through its public conversions, so it
 * stays right whatever bounding box the renderer uses.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';

/** Duration of animated camera moves (ms). */
export const CAMERA_DURATION = 450;
/** Zoom factor of one +/- step. */
export const ZOOM_STEP = 1.5;
/** Fraction of the viewport one arrow-key press pans. */
export const PAN_STEP = 0.15;
/** Ratio used when centring on a node from far out. */
export const FOCUS_RATIO = 0.35;

type AnySigma = Sigma<any, any, any>;

/**
 * The camera state that frames `keys` with `margin` px free around them
 * (null when none of them is drawn). Exact whatever the current zoom: the
 * on-screen span of the group scales with 1 / ratio.
 */
export function cameraToFit(sigma: AnySigma, keys: Iterable<string>, margin = 48): CameraState | null {
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
    minX = Math.min(minX, v.x - data.size);
    maxX = Math.max(maxX, v.x + data.size);
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
  const availableW = Math.max(1, width - 2 * margin);
  const availableH = Math.max(1, height - 2 * margin);
  // Labels hang under nodes: keep a little more room at the bottom.
  const spanW = Math.max(1, maxX - minX);
  const spanH = Math.max(1, maxY - minY + 16);
  let ratio = camera.ratio * Math.max(spanW / availableW, spanH / availableH);
  // A single node (or a tight group) should not zoom in absurdly far.
  ratio = Math.max(ratio, 0.08);
  return { ...camera, angle: 0, x: (fMinX + fMaxX) / 2, y: (fMinY + fMaxY) / 2, ratio };
}

/** Frame `keys` (animated unless `animate` is false). */
export function fitNodes(sigma: AnySigma, keys: Iterable<string>, animate = true): void {
  const state = cameraToFit(sigma, keys);
  if (!state) return;
  if (animate) void sigma.getCamera().animate(state, { duration: CAMERA_DURATION, easing: 'cubicInOut' });
  else sigma.getCamera().setState(state);
}

/** Centre node `key`, zooming in when the camera is far out. */
export function centreNode(sigma: AnySigma, key: string): void {
  const graph = sigma.getGraph();
  if (!graph.hasNode(key)) return;
  // From the graph's own position (display data may not be re-indexed yet after a filter change).
  const { x, y } = graph.getNodeAttributes(key) as { x: number; y: number };
  const framed = sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }));
  const camera = sigma.getCamera();
  const ratio = Math.min(camera.getState().ratio, FOCUS_RATIO);
  void camera.animate({ x: framed.x, y: framed.y, ratio }, { duration: CAMERA_DURATION, easing: 'cubicInOut' });
}

/** Zoom by `factor` (>1 zooms in) around the centre of the view. */
export function zoomBy(sigma: AnySigma, factor: number): void {
  const camera = sigma.getCamera();
  void camera.animate({ ratio: camera.getBoundedRatio(camera.getState().ratio / factor) }, { duration: 200 });
}

/** Pan by a fraction of the viewport (dx, dy in -1..1; +x right, +y down on screen). */
export function panBy(sigma: AnySigma, dx: number, dy: number): void {
  const { width, height } = sigma.getDimensions();
  const camera = sigma.getCamera();
  const centre = sigma.viewportToFramedGraph({ x: width / 2 + dx * width, y: height / 2 + dy * height });
  void camera.animate({ x: centre.x, y: centre.y }, { duration: 180 });
}
