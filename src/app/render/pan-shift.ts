/**
 * Panning (and gliding) a big map by moving the picture, not by drawing it
 * again. In software WebGL a 100,000-note frame takes ~0.9 s with its links
 * and ~0.15 s without (what sigma's hideEdgesOnMove leaves), so a pan ran at
 * a few frames a second. While the stage is dragged, or the camera glides
 * (inertia, arrow keys, zoom steps and the wheel, framing a selection),
 * nothing on the map changes but where it is and how big: the layers drawn
 * last are moved and scaled by CSS instead (the compositor's work, well
 * under a millisecond), links and labels included. The next frame that is
 * neither (the release, the glide's last frame, a change of the graph or of
 * the looks) draws for real and puts the layers back.
 * What this gives up, until that frame: the strip a pan uncovers stays
 * empty, and a zoom shows the picture enlarged (labels and discs too).
 */
import type { CameraState } from 'sigma/types';
import type { MapSigma } from './renderer.js';

/** Above this many nodes a pan or a glide moves the picture (below, a frame is cheap enough to draw). */
export const SHIFT_PAN_NODES = 5_000;

interface SigmaInternals {
  render(): unknown;
  refresh(...args: unknown[]): unknown;
  needToProcess: boolean;
  /** The scheduled frame; a render clears it, or scheduleRender never schedules again. */
  renderFrame: number | null;
}

/**
 * The CSS move and scale that show a frame drawn at camera `drawn` as seen
 * from camera `now` (same rotation): where two points of the graph were
 * drawn and where they are now.
 */
export function cameraShift(sigma: MapSigma, drawn: CameraState, now: CameraState): { dx: number; dy: number; scale: number } {
  const p = { x: drawn.x, y: drawn.y };
  const q = { x: drawn.x + drawn.ratio, y: drawn.y };
  const a = sigma.framedGraphToViewport(p, { cameraState: drawn });
  const a2 = sigma.framedGraphToViewport(q, { cameraState: drawn });
  const b = sigma.framedGraphToViewport(p, { cameraState: now });
  const b2 = sigma.framedGraphToViewport(q, { cameraState: now });
  const scale = Math.hypot(b2.x - b.x, b2.y - b.y) / Math.hypot(a2.x - a.x, a2.y - a.y);
  return { dx: b.x - scale * a.x, dy: b.y - scale * a.y, scale };
}

/**
 * Make `sigma`'s pans and glides move its layers instead of drawing them (the mouse
 * layer, which receives the drag, stays). `onShift` runs after each moved
 * frame (what measured the screen is stale). Returns the undo.
 */
export function shiftWhilePanning(sigma: MapSigma, onShift: () => void): () => void {
  const internals = sigma as unknown as SigmaInternals;
  const camera = sigma.getCamera();
  const mouse = sigma.getMouseCaptor();
  const container = sigma.getContainer();
  let drawn: { camera: CameraState; width: number; height: number } | null = null;
  let shifted = false;
  /** A refresh (looks, graph, settings) since the last frame drawn: the next one must draw. */
  let stale = false;

  const layers = (): HTMLElement[] => [...container.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el !== mouse.container);
  const place = (dx: number, dy: number, scale: number): void => {
    const transform = dx === 0 && dy === 0 && scale === 1 ? '' : scale === 1 ? `translate(${dx}px, ${dy}px)` : `translate(${dx}px, ${dy}px) scale(${scale})`;
    for (const layer of layers()) {
      layer.style.transformOrigin = transform === '' ? '' : '0 0';
      layer.style.transform = transform;
    }
  };
  const refresh = internals.refresh;
  internals.refresh = function (this: SigmaInternals, ...args: unknown[]) {
    stale = true;
    return refresh.apply(this, args);
  };

  internals.render = function (this: SigmaInternals) {
    const now = camera.getState();
    const panning = mouse.draggedEvents > 0 || camera.isAnimated();
    if (
      panning &&
      drawn !== null &&
      !stale &&
      !internals.needToProcess &&
      now.angle === drawn.camera.angle &&
      container.offsetWidth === drawn.width &&
      container.offsetHeight === drawn.height
    ) {
      if (this.renderFrame !== null) cancelAnimationFrame(this.renderFrame);
      this.renderFrame = null;
      const { dx, dy, scale } = cameraShift(sigma, drawn.camera, now);
      place(dx, dy, scale);
      shifted = true;
      onShift();
      return this;
    }
    if (shifted) {
      place(0, 0, 1);
      shifted = false;
    }
    stale = false;
    drawn = { camera: { ...now }, width: container.offsetWidth, height: container.offsetHeight };
    return Object.getPrototypeOf(sigma).render.call(this);
  };

  // The release draws for real: sigma counts the drag's moves until a timeout it sets before this event, so
  // ours runs after it (and sigma itself asks for no frame when the last move was drawn, here it was not).
  const onUp = (): void => {
    if (shifted) setTimeout(() => sigma.scheduleRender(), 0);
  };
  mouse.on('mouseup', onUp);

  return () => {
    mouse.off('mouseup', onUp);
    delete (internals as Partial<SigmaInternals>).render;
    internals.refresh = refresh;
    if (shifted) place(0, 0, 1);
  };
}
