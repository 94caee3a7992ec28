/**
 * The label sliders of the display settings: text size, and the text fade
 * threshold (as Obsidian's: how far out the map may be zoomed before the
 * labels fade away; 0 keeps them at every zoom).
 */
import { el } from '../dom.js';
import { LIMITS } from '../state/url.js';
import type { Store, ViewState } from '../state/types.js';

/** A labelled range input bound to a numeric field of the store. */
function slider(
  store: Store,
  syncs: Array<(s: ViewState) => void>,
  field: 'labelSize' | 'labelFade',
  text: string,
  step: number,
  show: (v: number) => string,
): HTMLElement {
  const id = `filter-${field}`;
  const range = LIMITS[field];
  const input = el('input', { id, type: 'range', name: field, min: range.min, max: range.max, step });
  const output = el('output', { for: id, class: 'filter-value' });
  input.addEventListener('input', () => {
    const n = Number(input.value);
    if (Number.isFinite(n)) store.set({ [field]: Math.min(range.max, Math.max(range.min, Math.round(n * 100) / 100)) });
  });
  syncs.push((s) => {
    input.value = String(s[field]);
    output.textContent = show(s[field]);
  });
  return el('div', { class: 'filter-row' }, el('label', { for: id }, text), input, ' ', output);
}

/** The text-size and text-fade rows. */
export function labelControls(store: Store, syncs: Array<(s: ViewState) => void>): HTMLElement[] {
  return [
    slider(store, syncs, 'labelSize', 'Text size ', 0.05, (v) => `${v.toFixed(1)}×`),
    slider(store, syncs, 'labelFade', 'Text fade ', 0.05, (v) => (v === 0 ? 'never' : `${Math.round(v * 100)}%`)),
  ];
}
