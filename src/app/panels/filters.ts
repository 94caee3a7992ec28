/**
 * The filter controls in #filters: which kinds of node to show, a minimum
 * link count, the local view of the selection (depth and direction), node
 * size and arrows. Every control has a label, writes the store on change and
 * is set back from the store on every change (so Back/Forward and links
 * that reopen a view show the right values).
 */

import { append, el } from '../dom.js';
import { sameValue } from '../state/store.js';
import { LIMITS } from '../state/url.js';
import { DEFAULT_VIEW, type AppContext, type Direction, type Disposable, type ViewState } from '../state/types.js';
import { disposeOnce } from '../disposable.js';
import { SIZE_BY, type SizeBy } from '../style/size-by.js';
import { labelControls } from './label-controls.js';

type BoolField = 'showOrphans' | 'showDangling' | 'showDrafts' | 'showAttachments' | 'arrows' | 'sizeEmbeds' | 'showMentions';

const SIZE_BY_LABELS: Record<SizeBy, string> = {
  links: 'All links',
  backlinks: 'Backlinks',
  pagerank: 'PageRank',
  words: 'Words',
};

const TOGGLES: ReadonlyArray<[BoolField, string]> = [
  ['showOrphans', 'Orphans'],
  ['showDangling', 'Dangling targets'],
  ['showDrafts', 'Drafts'],
  ['showAttachments', 'Attachments'],
];

/** The fields "Reset filters" puts back (selection, colors and theme stay). */
const FILTER_FIELDS = ['showOrphans', 'showDangling', 'showDrafts', 'showAttachments', 'minLinks', 'localDepth', 'localDirection', 'hiddenTags', 'onlyTags', 'filter', 'hiddenCategories', 'onlyCategories'] as const;

/** A number typed in a control, clamped, or null when it is not a number. */
export function parseNumberInput(text: string, range: { min: number; max: number }, integer: boolean): number | null {
  if (!/^\s*-?\d*\.?\d+\s*$/.test(text)) return null;
  const n = integer ? Math.round(Number(text)) : Number(text);
  return Math.min(range.max, Math.max(range.min, n));
}

/** The local-view hint: what the depth and direction mean right now. */
export function localHint(state: ViewState, title: string | null): string {
  if (state.localDepth === 0) return 'Local view: choose a depth to see only the selected note and its neighbours.';
  if (state.selected === null || title === null) return 'Local view: select a note on the map to see its neighbourhood.';
  const way = state.localDirection === 'in' ? 'linking to' : state.localDirection === 'out' ? 'linked from' : 'linked with';
  const steps = state.localDepth === 1 ? '1 link' : `${state.localDepth} links`;
  return `Showing the notes ${way} “${title}” within ${steps}.`;
}

/** Mount the filters; the returned Disposable removes their DOM and listener. */
export function mountFilters(ctx: AppContext): Disposable {
  const section = document.getElementById('filters');
  if (!section) throw new Error('mountFilters: #filters is missing from index.html');
  const { store, graph } = ctx;
  const syncs: Array<(state: ViewState) => void> = [];

  const checkbox = (field: BoolField, text: string): HTMLElement => {
    const id = `filter-${field}`;
    const input = el('input', { id, type: 'checkbox', name: field });
    input.addEventListener('change', () => store.set({ [field]: input.checked }));
    syncs.push((s) => (input.checked = s[field]));
    return el('div', { class: 'filter-row' }, input, ' ', el('label', { for: id }, text));
  };

  const show = el('fieldset', { class: 'filter-group' }, el('legend', {}, 'Show'), ...TOGGLES.map(([f, t]) => checkbox(f, t)));

  const minInput = el('input', { id: 'filter-minLinks', type: 'number', name: 'minLinks', min: LIMITS.minLinks.min, max: LIMITS.minLinks.max, step: 1, inputmode: 'numeric' });
  minInput.addEventListener('change', () => {
    const n = parseNumberInput(minInput.value, LIMITS.minLinks, true);
    if (n !== null) store.set({ minLinks: n });
    minInput.value = String(store.get().minLinks);
  });
  syncs.push((s) => {
    if (document.activeElement !== minInput || Number(minInput.value) !== s.minLinks) minInput.value = String(s.minLinks);
  });
  const minRow = el('div', { class: 'filter-row' }, el('label', { for: 'filter-minLinks' }, 'Minimum links '), minInput);

  const hint = el('p', { id: 'filter-local-hint', class: 'filter-hint', 'aria-live': 'polite' });
  const depthSelect = el('select', { id: 'filter-localDepth', name: 'localDepth', 'aria-describedby': 'filter-local-hint' });
  append(depthSelect, el('option', { value: 0 }, 'Off (whole map)'), el('option', { value: 1 }, '1 link'), el('option', { value: 2 }, '2 links'), el('option', { value: 3 }, '3 links'));
  depthSelect.addEventListener('change', () => store.set({ localDepth: Number(depthSelect.value) }));
  const dirSelect = el('select', { id: 'filter-localDirection', name: 'localDirection', 'aria-describedby': 'filter-local-hint' });
  append(dirSelect, el('option', { value: 'both' }, 'Both ways'), el('option', { value: 'in' }, 'Incoming (backlinks)'), el('option', { value: 'out' }, 'Outgoing'));
  dirSelect.addEventListener('change', () => store.set({ localDirection: dirSelect.value as Direction }));
  syncs.push((s) => {
    depthSelect.value = String(s.localDepth);
    dirSelect.value = s.localDirection;
    dirSelect.disabled = s.localDepth === 0;
    const title = s.selected !== null && graph.hasNode(s.selected) ? graph.getNodeAttribute(s.selected, 'title') : null;
    hint.textContent = localHint(s, title);
  });
  const local = el(
    'fieldset',
    { class: 'filter-group' },
    el('legend', {}, 'Local view'),
    el('div', { class: 'filter-row' }, el('label', { for: 'filter-localDepth' }, 'Depth '), depthSelect),
    el('div', { class: 'filter-row' }, el('label', { for: 'filter-localDirection' }, 'Direction '), dirSelect),
    hint,
  );

  const sizeInput = el('input', { id: 'filter-sizeScale', type: 'range', name: 'sizeScale', min: LIMITS.sizeScale.min, max: LIMITS.sizeScale.max, step: 0.1 });
  const sizeOutput = el('output', { for: 'filter-sizeScale', class: 'filter-value' });
  sizeInput.addEventListener('input', () => {
    const n = parseNumberInput(sizeInput.value, LIMITS.sizeScale, false);
    if (n !== null) store.set({ sizeScale: Math.round(n * 100) / 100 });
  });
  syncs.push((s) => {
    sizeInput.value = String(s.sizeScale);
    sizeOutput.textContent = `${s.sizeScale.toFixed(1)}×`;
  });
  const sizeBySelect = el('select', { id: 'filter-sizeBy', name: 'sizeBy' });
  for (const by of SIZE_BY) sizeBySelect.append(el('option', { value: by }, SIZE_BY_LABELS[by]));
  sizeBySelect.addEventListener('change', () => store.set({ sizeBy: sizeBySelect.value as SizeBy }));
  syncs.push((s) => {
    sizeBySelect.value = s.sizeBy;
  });
  const looks = el(
    'fieldset',
    { class: 'filter-group' },
    el('legend', {}, 'Display'),
    el('div', { class: 'filter-row' }, el('label', { for: 'filter-sizeScale' }, 'Node size '), sizeInput, ' ', sizeOutput),
    el('div', { class: 'filter-row' }, el('label', { for: 'filter-sizeBy' }, 'Size by '), sizeBySelect),
    checkbox('sizeEmbeds', 'Count embeds in size'),
    ...labelControls(store, syncs),
    checkbox('arrows', 'Arrows (link direction)'),
    checkbox('showMentions', 'Suggested links (unlinked mentions)'),
  );

  const reset = el('button', { type: 'button', class: 'filter-reset' }, 'Reset filters');
  reset.addEventListener('click', () => {
    const patch: Partial<ViewState> = {};
    for (const field of FILTER_FIELDS) (patch as Record<string, unknown>)[field] = DEFAULT_VIEW[field];
    store.set(patch);
  });
  syncs.push((s) => {
    reset.disabled = FILTER_FIELDS.every((f) => sameValue(s[f], DEFAULT_VIEW[f]));
  });

  const body = el('div', { class: 'filters-body' }, show, minRow, local, looks, reset);
  section.append(body);

  const sync = (state: ViewState): void => {
    for (const fn of syncs) fn(state);
  };
  sync(store.get());
  const unsubscribe = store.subscribe(sync);

  return disposeOnce(() => {
    unsubscribe();
    body.remove();
  });
}
