/**
 * The link-health panel points at the map (issue 10.9): pointing at (or
 * tabbing to) an entry highlights its node on the map; "Show on map" makes
 * all orphans, or all missing notes, stand out at once with everything else
 * faded (ViewState.healthShow, drawn by render/health-look.ts). Escape, the
 * button again, or closing the panel returns the map to normal.
 */
import { el } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import type { AppContext, Disposable, HealthShow, ViewState } from '../state/types.js';

const LABELS: Record<HealthShow, string> = { orphans: 'Show orphans on map', missing: 'Show missing notes on map' };

/** Show `show` on the map: the nodes stand out; filters hiding them are lifted; the camera frames them if they are not all in view. */
export function showOnMap(ctx: AppContext, show: HealthShow, keys: readonly string[]): void {
  const state = ctx.store.get();
  const patch: Partial<ViewState> = { healthShow: show };
  if (show === 'orphans' && !state.showOrphans) patch.showOrphans = true;
  if (show === 'missing' && !state.showDangling) patch.showDangling = true;
  ctx.store.set(patch);
  // A lifted filter re-frames the map by itself (render/reframe.ts).
  if (patch.showOrphans === undefined && patch.showDangling === undefined) ctx.map.frameNodes(keys);
}

/** The toggle button of one section (its pressed state follows the store; see bindHealthMap). */
export function showOnMapButton(ctx: AppContext, show: HealthShow, keys: readonly string[]): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'health-show', 'data-show': show, 'aria-pressed': String(ctx.store.get().healthShow === show) }, LABELS[show]);
  button.addEventListener('click', () => {
    if (ctx.store.get().healthShow === show) ctx.store.set({ healthShow: null });
    else showOnMap(ctx, show, keys);
  });
  return button;
}

/** The node key of the entry an event happened in (null outside entries). */
function entryKey(target: EventTarget | null): string | null {
  const button = target instanceof Element ? target.closest<HTMLElement>('.node-link') : null;
  return button?.dataset.key ?? null;
}

/** Wire `root` (the health panel) to the map; returns a Disposable. */
export function bindHealthMap(ctx: AppContext, root: HTMLElement): Disposable {
  let pointed: string | null = null;
  const point = (key: string | null): void => {
    if (key === pointed) return;
    pointed = key;
    ctx.map.highlight(key);
  };
  const onOver = (event: Event): void => point(entryKey(event.target));
  const onLeave = (): void => point(null);

  // Escape leaves the "show on map" view first (capture: before the map's own Escape deselects).
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || ctx.store.get().healthShow === null) return;
    event.preventDefault();
    ctx.store.set({ healthShow: null });
  };

  const unsubscribe = ctx.store.subscribe((state, previous) => {
    // Closing the panel ends the view (nothing on screen would say why the map is faded).
    if (state.healthShow !== null && state.panel !== 'health') return ctx.store.set({ healthShow: null });
    if (state.panel !== 'health' && pointed !== null) point(null);
    if (state.healthShow !== previous.healthShow) {
      root.querySelectorAll<HTMLElement>('.health-show').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.show === state.healthShow)));
    }
  });
  root.addEventListener('pointerover', onOver);
  root.addEventListener('focusin', onOver);
  root.addEventListener('pointerleave', onLeave);
  root.addEventListener('focusout', onLeave);
  document.addEventListener('keydown', onKey, true);

  return disposeOnce(() => {
    unsubscribe();
    point(null);
    root.removeEventListener('pointerover', onOver);
    root.removeEventListener('focusin', onOver);
    root.removeEventListener('pointerleave', onLeave);
    root.removeEventListener('focusout', onLeave);
    document.removeEventListener('keydown', onKey, true);
  });
}
