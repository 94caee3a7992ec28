/**
 * Panning a big map by moving the picture, not by drawing it again. In
 * software WebGL a 100,000-note frame takes ~0.9 s with its links and
 * ~0.15 s without (what sigma's hideEdgesOnMove leaves), so a pan ran at a
 * few frames a second. While the stage is dragged (or the camera glides
 * without zooming: inertia, arrow keys), nothing on the map changes but its
 * offset: the layers drawn last are translated by CSS instead (the
 * compositor's work, well under a millisecond), links and labels included.
 * The next frame that is not a pure pan (the release, a zoom, a change of
 * the graph or of the looks) draws for real and puts the layers back.
 * What this gives up: the strip a pan uncovers stays empty until the release.
 */
import type { CameraState } from 'sigma/types';
import type { MapSigma } from './renderer.js';

/** Above this many nodes a pan moves the picture (below, a frame is cheap enough to draw). */
export const SHIFT_PAN_NODES = 5_000;

interface SigmaInternals {
  render(): unknown;
  needToProcess: boolean;
  /** The scheduled frame; a render clears it, or scheduleRender never schedules again. */
  renderFrame: number | null;
}

/** The CSS offset that shows a frame drawn at `drawn` as seen from `now` (a pan: same zoom and rotation). */
export function panOffset(sigma: MapSigma, drawn: CameraState, now: CameraState): { dx: number; dy: number } {
  const a = sigma.framedGraphToViewport(drawn, { cameraState: drawn });
  const b = sigma.framedGraphToViewport(drawn, { cameraState: now });
  return { dx: b.x - a.x, dy: b.y - a.y };
}

/**
 * Make `sigma`'s pans move its layers instead of drawing them (the mouse
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

  const layers = (): HTMLElement[] => [...container.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el !== mouse.container);
  const place = (dx: number, dy: number): void => {
    const transform = dx === 0 && dy === 0 ? '' : `translate(${dx}px, ${dy}px)`;
    for (const layer of layers()) layer.style.transform = transform;
  };

  internals.render = function (this: SigmaInternals) {
    const now = camera.getState();
    const panning = mouse.draggedEvents > 0 || camera.isAnimated();
    if (
      panning &&
      drawn !== null &&
      !internals.needToProcess &&
      now.ratio === drawn.camera.ratio &&
      now.angle === drawn.camera.angle &&
      container.offsetWidth === drawn.width &&
      container.offsetHeight === drawn.height
    ) {
      if (this.renderFrame !== null) cancelAnimationFrame(this.renderFrame);
      this.renderFrame = null;
      const { dx, dy } = panOffset(sigma, drawn.camera, now);
      place(dx, dy);
      shifted = true;
      onShift();
      return this;
    }
    if (shifted) {
      place(0, 0);
      shifted = false;
    }
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
    if (shifted) place(0, 0);
  };
}
