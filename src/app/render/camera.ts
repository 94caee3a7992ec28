/**
 * Camera moves: frame a set of nodes (a selection and its neighbours in the
 * part of the view the panel leaves free), follow a target, zoom and pan by steps.
 * Works in sigma's framed-graph space through its public conversions, so it
 * stays right whatever bounding box the renderer uses.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { atCamera, groupExtent, insideView, ratioToFit, type Insets } from './group-extent.js';

export type { Insets } from './group-extent.js';

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

const NO_INSETS: Insets = { right: 0, bottom: 0 };

/** Framed-graph units per viewport pixel at the current camera (angle 0). */
function framedPerPixel(sigma: AnySigma): number {
  const now = atCamera(sigma);
  const a = sigma.viewportToFramedGraph({ x: 0, y: 0 }, now);
  const b = sigma.viewportToFramedGraph({ x: 100, y: 0 }, now);
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
