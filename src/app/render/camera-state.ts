/**
 * Zoom and pan in the view state, and so in the URL (issue 10.6): the camera
 * is written into the store once it has come to rest (a burst of wheel
 * events or a whole animation makes one write, which the URL binding turns
 * into a replaceState), and a camera the store brings from outside
 * (Back/Forward) is flown to; an entry without one (the page as it opened)
 * is framed as it was on open. Nothing is written before `start()`, so the
 * map's own framing on open leaves a plain link plain.
 */
import type Sigma from 'sigma';
import { disposeOnce } from '../disposable.js';
import type { CameraView, Disposable, Store } from '../state/types.js';
import { roundCamera, sameCamera } from '../state/url.js';
import { animateTo } from './camera.js';

/** Quiet time (ms) after the last camera move before it is written. */
export const CAMERA_REST_MS = 300;

export interface CameraStateBinding extends Disposable {
  /** Begin writing camera moves into the store (call once the opening view is set). */
  start(): void;
}

/** Put the camera where `view` says, at once (opening a link). */
export function applyCamera(sigma: Sigma<any, any, any>, view: CameraView): void {
  sigma.getCamera().setState({ x: view.x, y: view.y, ratio: view.ratio, angle: 0 });
}

export function bindCameraState(
  sigma: Sigma<any, any, any>,
  store: Store,
  whenIndexed: (fn: () => void) => void,
  /** Frame the map as on open (Back to an entry that has no camera). */
  reframe: () => void,
): CameraStateBinding {
  const camera = sigma.getCamera();
  let started = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const here = (): CameraView => roundCamera(camera.getState());

  const write = (): void => {
    timer = null;
    // Still flying (an animation's last frames): wait for the next rest.
    if (camera.isAnimated()) return void (timer = setTimeout(write, CAMERA_REST_MS));
    const next = here();
    if (!sameCamera(next, store.get().camera)) store.set({ camera: next });
  };
  const onUpdated = (): void => {
    if (!started) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, CAMERA_REST_MS);
  };
  camera.on('updated', onUpdated);

  const unsubscribe = store.subscribe((state, previous) => {
    const view = state.camera;
    if (sameCamera(view, previous.camera)) return;
    // Only the URL takes a camera away (our writes always bring one): back to how that page opened,
    // on the next frame, once the panels have followed the same change (the framing keeps clear of them).
    if (view === null) return void requestAnimationFrame(reframe);
    // Our own write (the camera is there already), or a view from outside to fly to.
    whenIndexed(() => {
      if (!sameCamera(here(), view)) animateTo(sigma, { ...view, angle: 0 });
    });
  });

  return {
    start: () => void (started = true),
    ...disposeOnce(() => {
      if (timer !== null) clearTimeout(timer);
      camera.removeListener('updated', onUpdated);
      unsubscribe();
    }),
  };
}
