/**
 * Light and dark: `ViewState.theme` ('system' follows prefers-color-scheme)
 * resolved to one of the two, written on <html data-theme> for the CSS, and
 * announced to the renderer so the canvas (labels, edges, background) follows.
 */
import { disposeOnce } from './disposable.js';
import { createListeners } from './listeners.js';
import { resolveTheme, type ResolvedTheme } from './style/colors.js';
import type { Disposable, Store, Theme } from './state/types.js';

export interface ThemeController extends Disposable {
  /** The theme in force now. */
  resolved(): ResolvedTheme;
  /** Switch to the other theme (stored in the view, so it stays in the URL). */
  toggle(): void;
  /** Called with the new theme whenever the resolved theme changes. */
  onChange(listener: (theme: ResolvedTheme) => void): () => void;
}

/** The theme a toggle goes to from `current`. */
export function nextTheme(current: ResolvedTheme): Theme {
  return current === 'dark' ? 'light' : 'dark';
}

export function createThemeController(store: Store, root: HTMLElement = document.documentElement): ThemeController {
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const listeners = createListeners<[ResolvedTheme]>();
  let current: ResolvedTheme = resolveTheme(store.get().theme, media?.matches ?? false);

  function apply(): void {
    const next = resolveTheme(store.get().theme, media?.matches ?? false);
    root.dataset.theme = next;
    root.style.colorScheme = next;
    if (next !== current) {
      current = next;
      listeners.emit(next);
    }
  }
  apply();

  const onMedia = () => apply();
  media?.addEventListener('change', onMedia);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.theme !== previous.theme) apply();
  });
  const { dispose } = disposeOnce(() => {
    media?.removeEventListener('change', onMedia);
    unsubscribe();
    listeners.clear();
  });

  return {
    resolved: () => current,
    toggle: () => store.set({ theme: nextTheme(current) }),
    onChange: listeners.add,
    dispose,
  };
}
