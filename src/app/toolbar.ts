/**
 * The map buttons of the top bar: fit, zoom in/out, pause/resume the layout,
 * theme. (The health button belongs to the health panel.)
 */
import { disposeOnce } from './disposable.js';
import type { LayoutClient } from './layout/client.js';
import type { MapRenderer } from './render/renderer.js';
import type { Disposable } from './state/types.js';
import type { ThemeController } from './theme.js';

export interface ToolbarOptions {
  renderer: MapRenderer;
  layout: LayoutClient;
  theme: ThemeController;
  root?: Document;
}

export function mountToolbar({ renderer, layout, theme, root = document }: ToolbarOptions): Disposable {
  const button = (id: string) => root.getElementById(id) as HTMLButtonElement | null;
  const fit = button('btn-fit');
  const zoomIn = button('btn-zoom-in');
  const zoomOut = button('btn-zoom-out');
  const pause = button('btn-pause');
  const themeButton = button('btn-theme');
  const cleanups: Array<() => void> = [];

  const on = (el: HTMLElement | null, handler: () => void) => {
    if (!el) return;
    el.addEventListener('click', handler);
    cleanups.push(() => el.removeEventListener('click', handler));
  };
  on(fit, () => renderer.fit());
  on(zoomIn, () => renderer.zoomIn());
  on(zoomOut, () => renderer.zoomOut());
  on(pause, () => (layout.running() ? layout.pause() : layout.resume()));
  on(themeButton, () => theme.toggle());

  // The pause button tells what it will do: pause a running layout, or run it again.
  const syncPause = () => {
    if (!pause) return;
    const running = layout.running();
    pause.textContent = running ? 'Pause layout' : layout.paused() ? 'Resume layout' : 'Run layout';
    pause.setAttribute('aria-pressed', String(layout.paused()));
    pause.dataset.running = String(running);
    pause.title = running ? 'Stop the layout where it is' : 'Let the layout move nodes again';
  };
  cleanups.push(layout.onChange(syncPause));
  syncPause();

  const syncTheme = () => {
    if (!themeButton) return;
    const dark = theme.resolved() === 'dark';
    themeButton.setAttribute('aria-pressed', String(dark));
    themeButton.setAttribute('aria-label', dark ? 'Switch to light theme' : 'Switch to dark theme');
    themeButton.title = dark ? 'Light theme' : 'Dark theme';
    themeButton.textContent = dark ? '☀' : '☾';
  };
  cleanups.push(theme.onChange(syncTheme));
  syncTheme();

  return disposeOnce(() => cleanups.forEach((c) => c()));
}
