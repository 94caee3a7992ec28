/**
 * The legend of the folder, cluster and groups color modes: one row per
 * category (folder, cluster, group rule, "no group") with its color, name
 * and note count; a click shows or hides its notes (hiddenCategories),
 * "only" keeps only them (onlyCategories). The folder mode adds a depth
 * select, the groups mode the rule editor (group-rules.ts). Colors come from
 * style/node-colors.ts, as on the map. Names reach the DOM as text (dom.ts).
 */
import { append, clear, el, formatCount } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import { SOLO_CLUSTER, type CategoryEntry } from '../style/categories.js';
import { categoryScheme } from '../style/node-colors.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';
import { isCategoryShown, toggleKey } from './category-toggles.js';
import { mountGroupRules } from './group-rules.js';

/** Rows shown before "show all". */
export const CATEGORY_TOP = 30;

const FOLDER_DEPTHS: ReadonlyArray<[number, string]> = [
  [0, 'Auto (split big folders)'],
  [1, 'Top-level folder'],
  [2, '2 levels'],
  [3, '3 levels'],
];

const NOUN = { folder: 'folders', cluster: 'clusters', groups: 'groups' } as const;

/** Mount into `host` (the #legend section); hidden in tag mode. */
export function mountCategoryLegend(ctx: AppContext, host: HTMLElement): Disposable {
  const { store, graph, theme } = ctx;
  let expanded = false;

  const depthSelect = el('select', { id: 'legend-folder-depth', name: 'folderDepth' });
  for (const [value, text] of FOLDER_DEPTHS) append(depthSelect, el('option', { value }, text));
  depthSelect.addEventListener('change', () => store.set({ folderDepth: Number(depthSelect.value), hiddenCategories: [], onlyCategories: [] }));
  const depthRow = el('div', { class: 'legend-controls' }, el('label', { for: 'legend-folder-depth' }, 'Folder depth '), depthSelect);
  const rules = mountGroupRules(ctx);
  const hint = el('p', { class: 'filter-hint legend-hint' });
  const resetButton = el('button', { type: 'button', class: 'legend-reset' });
  resetButton.addEventListener('click', () => store.set({ hiddenCategories: [], onlyCategories: [] }));
  const list = el('ul', { class: 'legend-list', id: 'category-legend' });
  const moreButton = el('button', { type: 'button', class: 'legend-more' });
  moreButton.addEventListener('click', () => {
    expanded = !expanded;
    render(store.get());
    moreButton.focus();
  });
  const body = el('div', { class: 'category-legend' }, depthRow, rules.element, hint, resetButton, list, moreButton);
  host.append(body);

  const row = (entry: CategoryEntry): HTMLLIElement => {
    const swatch = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
    if (entry.color) swatch.style.background = entry.color;
    else swatch.style.border = '1px solid currentColor';
    const notes = entry.count === 1 ? 'note' : 'notes';
    const toggle = el(
      'button',
      { type: 'button', class: 'legend-toggle', 'data-key': entry.key, 'aria-label': `${entry.label}, ${formatCount(entry.count)} ${notes}` },
      swatch,
      ' ',
      el('span', { class: entry.by === 'hub' ? 'legend-tag legend-hub' : 'legend-tag' }, entry.label),
      ' ',
      el('span', { class: 'legend-count', 'aria-hidden': 'true' }, formatCount(entry.count)),
    );
    toggle.addEventListener('click', () => store.set({ hiddenCategories: toggleKey(store.get().hiddenCategories, entry.key) }));
    const only = el('button', { type: 'button', class: 'legend-only', 'data-key': entry.key, 'aria-label': `Only ${entry.label}` }, 'only');
    only.addEventListener('click', () => store.set({ onlyCategories: toggleKey(store.get().onlyCategories, entry.key) }));
    return el('li', { class: 'legend-row', 'data-key': entry.key }, toggle, ' ', only);
  };

  const syncPressed = (state: ViewState): void => {
    for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-key]')) {
      const key = button.dataset.key!;
      if (button.classList.contains('legend-toggle')) {
        const shown = !state.hiddenCategories.includes(key);
        button.setAttribute('aria-pressed', String(shown));
        button.title = shown ? 'Hide these notes' : 'Show these notes';
        button.closest('li')?.classList.toggle('is-hidden', !isCategoryShown(state.hiddenCategories, state.onlyCategories, key));
      } else {
        const on = state.onlyCategories.includes(key);
        button.setAttribute('aria-pressed', String(on));
        button.title = on ? 'Stop showing only these notes' : 'Show only these notes';
      }
    }
    const filters = state.hiddenCategories.length + state.onlyCategories.length;
    resetButton.hidden = filters === 0;
    resetButton.textContent = `Show all again (${filters} filter${filters === 1 ? '' : 's'})`;
  };

  function render(state: ViewState): void {
    const scheme = categoryScheme(graph, state, theme.resolved());
    body.hidden = scheme === null;
    if (scheme === null) return;
    depthRow.hidden = scheme.mode !== 'folder';
    depthSelect.value = String(state.folderDepth);
    rules.element.hidden = scheme.mode !== 'groups';
    if (scheme.mode === 'groups') rules.sync(state);
    const entries = expanded ? scheme.legend : scheme.legend.slice(0, CATEGORY_TOP);
    list.setAttribute('aria-label', `${NOUN[scheme.mode]} by number of notes`);
    clear(list);
    append(list, ...entries.map(row));
    const total = scheme.legend.length;
    moreButton.hidden = total <= CATEGORY_TOP;
    moreButton.textContent = expanded ? `Show the top ${CATEGORY_TOP} ${NOUN[scheme.mode]}` : `Show all ${formatCount(total)} ${NOUN[scheme.mode]}`;
    moreButton.setAttribute('aria-expanded', String(expanded));
    hint.textContent =
      scheme.mode === 'cluster'
        ? `${formatCount(scheme.legend.filter((e) => e.key !== SOLO_CLUSTER).length)} clusters of notes that link to each other more than to the rest, each named by its most frequent tag or its most linked note (in italics).`
        : scheme.mode === 'groups'
          ? scheme.legend.length > 1
            ? 'A note takes the color of the first group whose query it matches.'
            : ''
          : state.folderDepth === 0
            ? 'A folder holding more than a third of the notes is split into its subfolders.'
            : '';
    hint.hidden = hint.textContent === '';
    syncPressed(state);
  }

  render(store.get());
  const offTheme = theme.onChange(() => render(store.get()));
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.colorBy !== previous.colorBy || state.folderDepth !== previous.folderDepth || state.groups !== previous.groups) {
      if (state.colorBy !== previous.colorBy) expanded = false;
      render(state);
    } else if (state.hiddenCategories !== previous.hiddenCategories || state.onlyCategories !== previous.onlyCategories) {
      syncPressed(state);
    }
  });
  return disposeOnce(() => {
    unsubscribe();
    offTheme();
    rules.dispose();
    body.remove();
  });
}
