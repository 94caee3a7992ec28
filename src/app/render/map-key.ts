/**
 * A small key in the corner of the map for the marks that are not tag
 * colors: the ring of an orphan, the grey ghost of a missing note, and how
 * to move around. Static text, built with el() (nothing from notes).
 */
import { el } from '../dom.js';
import type { Disposable } from '../state/types.js';

export function mountMapKey(parent: HTMLElement = document.body): Disposable {
  const key = el(
    'div',
    { id: 'map-key', class: 'map-key' },
    el('span', { class: 'map-key-item' }, el('span', { class: 'map-key-orphan', 'aria-hidden': 'true' }), 'orphan'),
    el('span', { class: 'map-key-item' }, el('span', { class: 'map-key-ghost', 'aria-hidden': 'true' }), 'missing note'),
    el('span', { class: 'map-key-hint' }, 'scroll to zoom · drag to pan or move a note · F to fit'),
  );
  parent.append(key);
  return {
    dispose() {
      key.remove();
    },
  };
}
