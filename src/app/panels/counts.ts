/**
 * The counts line in #counts: "312 of 1,204 notes shown", plus the dangling
 * targets and attachments drawn. Reads the same memoized visible set as the
 * renderer, so it costs a lookup per change; the text (an aria-live region)
 * is only rewritten when it changes. The numbers are also data attributes,
 * for tests and tools.
 */

import { formatCount } from '../dom.js';
import type { AppContext, Disposable } from '../state/types.js';
import { computeVisible, type VisibleSet } from '../state/visibility.js';
import { disposeOnce } from '../disposable.js';

/** The counts sentence for a visible set. */
export function countsText(v: VisibleSet): string {
  let text = `${formatCount(v.notesShown)} of ${formatCount(v.notesTotal)} notes shown`;
  if (v.danglingShown > 0) text += ` · ${formatCount(v.danglingShown)} dangling target${v.danglingShown === 1 ? '' : 's'}`;
  if (v.attachmentsShown > 0) text += ` · ${formatCount(v.attachmentsShown)} attachment${v.attachmentsShown === 1 ? '' : 's'}`;
  return text;
}

/** Mount the counts line; the returned Disposable stops updating it. */
export function mountCounts(ctx: AppContext): Disposable {
  const node = document.getElementById('counts');
  if (!node) throw new Error('mountCounts: #counts is missing from index.html');
  const update = (): void => {
    const v = computeVisible(ctx.graph, ctx.store.get());
    const text = countsText(v);
    if (node.textContent !== text) node.textContent = text;
    node.dataset.notesShown = String(v.notesShown);
    node.dataset.notesTotal = String(v.notesTotal);
    node.dataset.danglingShown = String(v.danglingShown);
    node.dataset.danglingTotal = String(v.danglingTotal);
    node.dataset.attachmentsShown = String(v.attachmentsShown);
  };
  update();
  const unsubscribe = ctx.store.subscribe(update);
  return disposeOnce(() => {
    unsubscribe();
  });
}
