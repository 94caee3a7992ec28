/**
 * A line at the top of the summary panel when the selected note is not on
 * the map: which filters hide it, and a button that lifts them. Without it,
 * a note chosen in the search while a text filter or the timeline hides it
 * opened its panel and was nowhere on the map, with nothing saying why.
 * Kept in step with the store (the summary itself redraws only when the
 * selection changes).
 */
import { el } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import { hidingFilters } from '../state/hidden-by.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';

/** "the text filter and the timeline" */
function listWords(labels: string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

export function mountHiddenNotice(ctx: AppContext): Disposable {
  const root = document.getElementById('summary');
  if (!root) return disposeOnce(() => {});
  const text = el('span', {});
  const show = el('button', { type: 'button', class: 'action', id: 'summary-show-hidden' }, 'Show it');
  const notice = el('p', { class: 'hidden-notice', role: 'status' }, text, ' ', show);
  let patch: Partial<ViewState> = {};
  show.addEventListener('click', () => {
    const key = ctx.store.get().selected;
    ctx.store.set(patch);
    if (key !== null) ctx.map.focusNode(key);
  });

  let wanted = false;
  /** After the panel's header; again whenever the summary redraws its content (a new selection, details landing). */
  const place = (): void => {
    if (!wanted) return;
    const header = root.querySelector('.summary-header');
    if (!header) return;
    if (notice.parentElement !== root || notice.previousElementSibling !== header) header.after(notice);
  };
  const sync = (state: ViewState): void => {
    const key = state.selected;
    const hiding = key !== null && state.panel === 'summary' ? hidingFilters(ctx.graph, state, key) : [];
    wanted = hiding.length > 0;
    if (!wanted) {
      notice.remove();
      return;
    }
    patch = Object.assign({}, ...hiding.map((h) => h.patch)) as Partial<ViewState>;
    text.textContent = `Not on the map: hidden by ${listWords(hiding.map((h) => h.label))}.`;
    show.title = `Clear ${listWords(hiding.map((h) => h.label))}`;
    place();
  };
  const observer = new MutationObserver(place);
  observer.observe(root, { childList: true });
  sync(ctx.store.get());
  const unsubscribe = ctx.store.subscribe(sync);
  return disposeOnce(() => {
    unsubscribe();
    observer.disconnect();
    notice.remove();
  });
}
