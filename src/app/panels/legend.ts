/**
 * The tag legend in #legend: tags by count with their color, a click shows
 * or hides a tag's notes (hiddenTags), "only" includes it (onlyTags); the
 * tag-depth select and the "color common tags" switch. Colors come from
 * style/colors.ts, the same palette the renderer uses, so legend and map
 * always agree. Tag names reach the DOM as text only (dom.ts).
 */

import { append, clear, el, formatCount } from '../dom.js';
import { buildTagPalette, type LegendEntry, type TagPalette } from '../style/colors.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';
import { isTagHidden, toggleHiddenTag, toggleOnlyTag } from './tag-filters.js';
import { disposeOnce } from '../disposable.js';

/** Rows shown before "show all N tags". */
export const LEGEND_TOP = 30;

const DEPTH_OPTIONS: ReadonlyArray<[number, string]> = [
  [0, 'Full tags'],
  [1, '1 level'],
  [2, '2 levels'],
];

/** Mount the legend; the returned Disposable removes its DOM and listeners. */
export function mountLegend(ctx: AppContext): Disposable {
  const section = document.getElementById('legend');
  if (!section) throw new Error('mountLegend: #legend is missing from index.html');
  const { store, graph, theme } = ctx;
  let expanded = false;

  const depthSelect = el('select', { id: 'legend-depth', name: 'tagDepth' });
  for (const [value, text] of DEPTH_OPTIONS) append(depthSelect, el('option', { value }, text));
  const commonBox = el('input', { id: 'legend-common', type: 'checkbox', name: 'colorCommonTags' });
  const commonLabel = el('label', { for: 'legend-common' });
  const commonRow = el('div', { class: 'legend-common' }, commonBox, ' ', commonLabel);
  const resetButton = el('button', { type: 'button', class: 'legend-reset' });
  const list = el('ul', { class: 'legend-list', 'aria-label': 'Tags by number of notes' });
  const moreButton = el('button', { type: 'button', class: 'legend-more' });
  const empty = el('p', { class: 'legend-empty' }, 'No tags in this vault.');
  const body = el(
    'div',
    { class: 'legend-body' },
    el('div', { class: 'legend-controls' }, el('label', { for: 'legend-depth' }, 'Tag depth '), depthSelect),
    commonRow,
    resetButton,
    list,
    moreButton,
    empty,
  );
  section.append(body);

  const paletteFor = (state: ViewState): TagPalette =>
    buildTagPalette(graph, {
      tagDepth: state.tagDepth,
      colorCommonTags: state.colorCommonTags,
      theme: theme.resolved(),
    });

  /** One legend row: the show/hide toggle (swatch, name, count) and the "only" action. */
  const row = (entry: LegendEntry): HTMLLIElement => {
    const swatch = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
    swatch.style.cssText = 'display:inline-block;width:0.75em;height:0.75em;border-radius:50%;flex:none';
    if (entry.color) swatch.style.background = entry.color;
    else swatch.style.border = '1px solid currentColor';
    const notes = entry.count === 1 ? 'note' : 'notes';
    const toggle = el(
      'button',
      { type: 'button', class: 'legend-toggle', 'data-tag': entry.key, 'aria-label': `${entry.tag}, ${formatCount(entry.count)} ${notes}${entry.common ? ', common tag' : ''}` },
      swatch,
      ' ',
      el('span', { class: 'legend-tag' }, entry.tag),
      entry.common ? el('span', { class: 'legend-common-flag', 'aria-hidden': 'true' }, ' common') : null,
      ' ',
      el('span', { class: 'legend-count', 'aria-hidden': 'true' }, formatCount(entry.count)),
    );
    toggle.addEventListener('click', () => {
      store.set({ hiddenTags: toggleHiddenTag(store.get().hiddenTags, entry.key) });
    });
    const only = el('button', { type: 'button', class: 'legend-only', 'data-tag': entry.key, 'aria-label': `Only notes tagged ${entry.tag}` }, 'only');
    only.addEventListener('click', () => {
      store.set({ onlyTags: toggleOnlyTag(store.get().onlyTags, entry.key) });
    });
    return el('li', { class: 'legend-row', 'data-tag': entry.key }, toggle, ' ', only);
  };

  /** aria-pressed and titles from hiddenTags / onlyTags, without rebuilding rows. */
  const syncPressed = (state: ViewState): void => {
    for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-tag]')) {
      const tag = button.dataset.tag!;
      if (button.classList.contains('legend-toggle')) {
        const shown = !isTagHidden(state.hiddenTags, tag);
        button.setAttribute('aria-pressed', String(shown));
        button.title = `${shown ? 'Hide' : 'Show'} the notes tagged ${tag}`;
        button.closest('li')?.classList.toggle('is-hidden', !shown);
      } else {
        const on = state.onlyTags.includes(tag);
        button.setAttribute('aria-pressed', String(on));
        button.title = on ? `Stop showing only notes tagged ${tag}` : `Show only notes tagged ${tag}`;
      }
    }
    const filters = state.hiddenTags.length + state.onlyTags.length;
    resetButton.hidden = filters === 0;
    resetButton.textContent = `Show all tags again (${filters} tag filter${filters === 1 ? '' : 's'})`;
  };

  /** Rebuild the rows (palette or expansion changed); keeps keyboard focus on the same control. */
  const renderRows = (state: ViewState): void => {
    const palette = paletteFor(state);
    const active = document.activeElement as HTMLElement | null;
    const focusTag = active && list.contains(active) ? active.dataset.tag : undefined;
    const focusClass = active?.className;

    const entries = expanded ? palette.legend : palette.legend.slice(0, LEGEND_TOP);
    clear(list);
    append(list, ...entries.map(row));
    empty.hidden = palette.legend.length > 0;
    moreButton.hidden = palette.legend.length <= LEGEND_TOP;
    moreButton.textContent = expanded ? `Show the top ${LEGEND_TOP} tags` : `Show all ${formatCount(palette.legend.length)} tags`;
    moreButton.setAttribute('aria-expanded', String(expanded));

    const commonNames = palette.common.map((e) => e.tag);
    commonRow.hidden = commonNames.length === 0;
    commonLabel.textContent = `Color common tags (${commonNames.join(', ')}: on more than half of the notes)`;
    syncPressed(state);

    if (focusTag !== undefined) {
      const again = [...list.querySelectorAll<HTMLElement>('button[data-tag]')].find((b) => b.dataset.tag === focusTag && b.className === focusClass);
      again?.focus();
    }
  };

  const syncControls = (state: ViewState): void => {
    // The other color modes have their own legend (category-legend.ts).
    body.hidden = state.colorBy !== 'tag';
    depthSelect.value = String(state.tagDepth);
    commonBox.checked = state.colorCommonTags;
  };

  depthSelect.addEventListener('change', () => store.set({ tagDepth: Number(depthSelect.value) }));
  commonBox.addEventListener('change', () => store.set({ colorCommonTags: commonBox.checked }));
  resetButton.addEventListener('click', () => store.set({ hiddenTags: [], onlyTags: [] }));
  moreButton.addEventListener('click', () => {
    expanded = !expanded;
    renderRows(store.get());
    moreButton.focus();
  });
  // Colors are the palette of the theme in force (the view's or the system's), as on the map.
  const offTheme = theme.onChange(() => renderRows(store.get()));

  syncControls(store.get());
  renderRows(store.get());
  const unsubscribe = store.subscribe((state, previous) => {
    syncControls(state);
    if (state.tagDepth !== previous.tagDepth || state.colorCommonTags !== previous.colorCommonTags) {
      renderRows(state);
    } else if (state.hiddenTags !== previous.hiddenTags || state.onlyTags !== previous.onlyTags) {
      syncPressed(state);
    }
  });

  return disposeOnce(() => {
    unsubscribe();
    offTheme();
    body.remove();
  });
}
