/**
 * The map key's entry for the dashed suggested links, shown while they are
 * switched on: a dashed swatch, the words the tooltip uses, and how many
 * there are (or that the vault has none, so an empty map is not a bug).
 */
import { el } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import type { Disposable, Store, ViewState } from '../state/types.js';
import { SUGGESTED_LABEL } from './suggested-pairs.js';

/** The key's text for `count` mentions (null: the graph was built without looking for them). */
export function suggestedKeyText(count: number | null): string {
  if (count === null) return `${SUGGESTED_LABEL}: not in this graph (rebuild it)`;
  if (count === 0) return `${SUGGESTED_LABEL}: none in this vault`;
  return SUGGESTED_LABEL;
}

export function mountSuggestedKey(store: Store, mentionCount: () => number | null): Disposable {
  const item = el('span', { id: 'map-key-suggested', class: 'map-key-item', hidden: true },
    el('span', { class: 'map-key-suggested', 'aria-hidden': 'true' }), el('span', { class: 'map-key-suggested-text' }));
  const sync = (state: ViewState): void => {
    const key = document.getElementById('map-key');
    if (key && !item.isConnected) key.prepend(item);
    item.hidden = !state.showMentions;
    if (state.showMentions) item.lastElementChild!.textContent = suggestedKeyText(mentionCount());
  };
  sync(store.get());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.showMentions !== previous.showMentions) sync(state);
  });
  return disposeOnce(() => {
    unsubscribe();
    item.remove();
  });
}
