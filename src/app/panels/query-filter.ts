/**
 * The text filter at the top of the filters, as Obsidian's graph filter:
 * shows only the notes matching a query in the groups' language (`path:`,
 * `tag:#`, `file:`, words of a title or file name, `-` to exclude, `OR`).
 * Bound to `filter` in the store and the URL; typing waits a moment before
 * the map redraws.
 */
import { el } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';
import { computeVisible } from '../state/visibility.js';

const TYPING_MS = 200;

export function mountQueryFilter(ctx: AppContext): Disposable {
  const section = document.getElementById('filters');
  if (!section) return disposeOnce(() => {});
  const { store, graph } = ctx;
  const input = el('input', {
    id: 'filter-query',
    type: 'search',
    name: 'filter',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Filter: path:journal #idea -word',
    'aria-describedby': 'filter-query-hint',
  });
  const hint = el('p', { id: 'filter-query-hint', class: 'filter-hint', 'aria-live': 'polite' });
  const box = el('div', { class: 'query-filter-box' }, el('label', { for: 'filter-query', class: 'visually-hidden' }, 'Show only the notes matching'), el('div', { class: 'query-filter' }, input), hint);
  section.querySelector('h2')?.after(box);

  let timer: ReturnType<typeof setTimeout> | null = null;
  const commit = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    store.set({ filter: input.value.trim() });
  };
  input.addEventListener('input', () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(commit, TYPING_MS);
  });
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') commit();
  });

  const sync = (state: ViewState): void => {
    if (document.activeElement !== input && input.value !== state.filter) input.value = state.filter;
    const active = state.filter !== '';
    input.parentElement!.classList.toggle('is-active', active);
    if (!active) hint.textContent = 'Words of titles, #tag, path:, file:; - to leave out, OR, ( ).';
    else {
      const shown = computeVisible(graph, state).notesShown;
      hint.textContent = shown === 0 ? 'No note matches this filter.' : `${shown} note${shown === 1 ? '' : 's'} match${shown === 1 ? 'es' : ''} (with the other filters).`;
    }
  };
  sync(store.get());
  const unsubscribe = store.subscribe(sync);
  return disposeOnce(() => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    box.remove();
  });
}
