/**
 * The legend's color mode switch: color the map by tag, by folder, by
 * cluster or by groups (`colorBy` in the store and the URL). Switching
 * clears the previous mode's show/hide and "only" (their keys mean nothing
 * in another mode). Mounts the legend of the non-tag modes under it; the tag
 * legend (legend.ts) hides itself in those modes.
 */
import { append, el } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import type { AppContext, ColorBy, Disposable, ViewState } from '../state/types.js';
import { mountCategoryLegend } from './category-legend.js';

const MODES: ReadonlyArray<[ColorBy, string, string]> = [
  ['tag', 'Tags', 'Color notes by their tags'],
  ['folder', 'Folders', 'Color notes by their folder'],
  ['cluster', 'Clusters', 'Color notes by cluster: groups of notes that link to each other more than to the rest'],
  ['groups', 'Groups', 'Color notes by your own queries, first match wins (as Obsidian’s graph groups)'],
];

export function mountColorMode(ctx: AppContext): Disposable {
  const section = document.getElementById('legend');
  if (!section) throw new Error('mountColorMode: #legend is missing from index.html');
  const { store } = ctx;
  const bar = el('div', { class: 'color-mode', role: 'group', 'aria-label': 'Color notes by' });
  for (const [mode, text, title] of MODES) {
    const b = el('button', { type: 'button', id: `color-by-${mode}`, 'data-mode': mode, title }, text);
    b.addEventListener('click', () => {
      if (store.get().colorBy !== mode) store.set({ colorBy: mode, hiddenCategories: [], onlyCategories: [] });
    });
    append(bar, b);
  }
  const heading = section.querySelector('h2');
  if (heading) heading.after(bar);
  else section.prepend(bar);
  const legend = mountCategoryLegend(ctx, section);

  const sync = (state: ViewState): void => {
    for (const b of bar.querySelectorAll<HTMLButtonElement>('button')) b.setAttribute('aria-pressed', String(b.dataset.mode === state.colorBy));
    section.dataset.colorBy = state.colorBy;
  };
  sync(store.get());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.colorBy !== previous.colorBy) sync(state);
  });
  return disposeOnce(() => {
    unsubscribe();
    legend.dispose();
    bar.remove();
  });
}
