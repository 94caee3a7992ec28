/**
 * Filters that re-frame (issue 10.6). When a filter changes what the map
 * shows (a tag or a legend entry hidden or "only", orphans, dangling
 * targets, drafts, attachments, minimum links, the query filter, entering or
 * moving a local view), the view
 * fits what is shown and the layout relaxes the shown nodes from where they
 * are (layout/relax.ts). While they settle the camera eases after them, so
 * the frame stays fitted without a jump at the end; it stops following as
 * soon as the user takes the camera (wheel, press, key).
 */
import type { LayoutClient } from '../layout/client.js';
import { disposeOnce } from '../disposable.js';
import { sameValue } from '../state/store.js';
import type { Disposable, Store, ViewState } from '../state/types.js';
import { sameCamera } from '../state/url.js';
import { animateTo, cameraToFit, sameView, stepToward } from './camera.js';
import type { MapRenderer } from './renderer.js';

/** Filters whose change re-frames the map (the timeline's range does not: it is scrubbed, and the frame holds still). */
export const REFRAME_FIELDS = [
  'showOrphans',
  'showDangling',
  'showDrafts',
  'showAttachments',
  'hiddenTags',
  'onlyTags',
  'minLinks',
  'localDepth',
  'localDirection',
  // The query filter and the legend's folder, cluster and group entries.
  'filter',
  'hiddenCategories',
  'onlyCategories',
] as const satisfies ReadonlyArray<keyof ViewState>;

/**
 * Up to this many shown nodes the camera eases after the relaxing layout at
 * every batch of positions (each step measures them all); past it, it lands
 * on the frame once the layout has settled.
 */
export const FOLLOW_MAX_NODES = 5_000;
/** Time constant (ms) of the camera easing after a relaxing layout. */
export const FOLLOW_MS = 200;

/**
 * True when going from `previous` to `next` changes what is shown so that
 * the view re-frames. A change that brings its own camera (Back/Forward, a
 * link) keeps that camera.
 */
export function reframes(previous: ViewState, next: ViewState): boolean {
  if (next.camera !== null && !sameCamera(previous.camera, next.camera)) return false;
  if (REFRAME_FIELDS.some((field) => !sameValue(previous[field], next[field]))) return true;
  // A local view follows its centre.
  return next.localDepth > 0 && previous.selected !== next.selected;
}

export interface ReframeOptions {
  renderer: MapRenderer;
  store: Store;
  layout: LayoutClient;
  /** Clock (default performance.now). */
  now?: () => number;
}

export function bindReframe({ renderer, store, layout, now = () => performance.now() }: ReframeOptions): Disposable {
  const { sigma, graph } = renderer;
  const camera = sigma.getCamera();
  const container = sigma.getContainer();
  /** While the shown nodes relax: ease after them each batch, or only land once they settle (big maps). */
  let following: 'no' | 'ease' | 'land' = 'no';
  let lastStep = 0;

  const target = () => cameraToFit(sigma, renderer.visibleNodes(), renderer.insets());

  // Each batch of positions from the worker: ease a little towards the frame of what is shown.
  const onPositions = (): void => {
    if (following !== 'ease' || camera.isAnimated()) return;
    const goal = target();
    if (!goal) return;
    const t = now();
    const k = 1 - Math.exp(-Math.min(200, t - lastStep) / FOLLOW_MS);
    lastStep = t;
    camera.setState(stepToward(camera.getState(), goal, k));
  };
  graph.on('eachNodeAttributesUpdated', onPositions);

  // The layout has settled: land exactly on the frame.
  const offLayout = layout.onChange(() => {
    if (following === 'no' || layout.running()) return;
    following = 'no';
    const goal = target();
    if (goal && !sameView(camera.getState(), goal)) animateTo(sigma, goal);
  });

  // The user takes the camera: it is theirs from now on.
  const stop = (): void => {
    following = 'no';
  };
  const userEvents = ['wheel', 'pointerdown', 'touchstart'] as const;
  for (const type of userEvents) container.addEventListener(type, stop, { capture: true, passive: true });
  document.addEventListener('keydown', stop, true);

  const unsubscribe = store.subscribe((state, previous) => {
    if (!reframes(previous, state)) return;
    renderer.whenIndexed(() => {
      const shown = renderer.visibleNodes();
      layout.relax(shown);
      following = !layout.running() ? 'no' : shown.size <= FOLLOW_MAX_NODES ? 'ease' : 'land';
      lastStep = now();
      const goal = target();
      if (goal) animateTo(sigma, goal);
    });
  });

  return disposeOnce(() => {
    unsubscribe();
    offLayout();
    graph.off('eachNodeAttributesUpdated', onPositions);
    for (const type of userEvents) container.removeEventListener(type, stop, { capture: true });
    document.removeEventListener('keydown', stop, true);
  });
}
