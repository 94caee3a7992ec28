/**
 * Keeps the address bar and browser history in step with the store: the URL
 * is read on start and on Back/Forward, written on every change (selection
 * changes as new history entries), with bursts of writes coalesced.
 */

import { disposeOnce } from '../disposable.js';
import type { Disposable, Store } from './types.js';
import { decodeView, encodeView } from './url.js';

/** What bindUrl needs of a window (a real `window` fits; tests pass a fake). */
export interface UrlWindow {
  location: { search: string; pathname: string; hash: string };
  history: {
    pushState(data: unknown, unused: string, url?: string | null): void;
    replaceState(data: unknown, unused: string, url?: string | null): void;
  };
  addEventListener(type: 'popstate' | 'pagehide', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'pagehide', listener: () => void): void;
}

export interface BindUrlOptions {
  /** Drops a selection from the URL that is not a node of the graph. */
  graphHasNode?: (key: string) => boolean;
  /**
   * History writes allowed at once (default 10). A slider dragged fires
   * dozens of changes a second and browsers refuse more than about 100
   * history writes in 30 s (Safari throws), so writes spend tokens from a
   * bucket; when it is empty, replace writes are coalesced into one trailing
   * write made when a token is back. Clicks, which come a few at a time, are
   * always written at once.
   */
  burst?: number;
  /** Time for one token to come back, in ms (default 400: at most ~85 writes in 30 s). */
  refillMs?: number;
}

/**
 * Mirror the store into the URL.
 *
 * - On start the URL's view is applied to the store, and the URL is rewritten
 *   in its canonical form (junk dropped) without a new history entry.
 * - A change of `selected` pushes a history entry (unless `set` was called
 *   with `{ history: 'replace' }`); any other change replaces the current
 *   entry (unless called with `{ history: 'push' }`); bursts of replace
 *   writes are coalesced (see `burst`).
 * - Back/Forward (popstate) restore the whole view of that entry, so they move
 *   between selections and bring back the filters as they were there.
 * - A coalesced write still pending is made on `pagehide` (reload, leaving)
 *   and on dispose.
 */
export function bindUrl(store: Store, win: UrlWindow = window, options: BindUrlOptions = {}): Disposable {
  const burst = options.burst ?? 10;
  const refillMs = options.refillMs ?? 400;
  let tokens = burst;
  let refilledAt = Date.now();
  let restoring = false;
  let pending: ReturnType<typeof setTimeout> | null = null;

  /** Add the tokens earned since the last refill. */
  function refill(): void {
    const now = Date.now();
    const earned = Math.floor((now - refilledAt) / refillMs);
    if (earned > 0) {
      tokens = Math.min(burst, tokens + earned);
      refilledAt = tokens === burst ? now : refilledAt + earned * refillMs;
    }
  }

  const urlFor = (search: string): string => win.location.pathname + search + win.location.hash;

  /** Write the store's view into the current entry (or a new one). */
  function write(mode: 'push' | 'replace'): void {
    const search = encodeView(store.get());
    if (search === win.location.search) return;
    try {
      if (mode === 'push') win.history.pushState(null, '', urlFor(search));
      else win.history.replaceState(null, '', urlFor(search));
    } catch (error) {
      // A browser limiting history writes must not break the map.
      console.warn('notemap: could not update the URL', error);
    }
  }

  function cancelPending(): void {
    if (pending !== null) clearTimeout(pending);
    pending = null;
  }

  function replaceSoon(): void {
    // A pending write will carry this change too: it encodes the state when it runs.
    if (pending !== null) return;
    refill();
    if (tokens >= 1) {
      tokens--;
      write('replace');
      return;
    }
    pending = setTimeout(() => {
      pending = null;
      refill();
      tokens = Math.max(0, tokens - 1);
      write('replace');
    }, Math.max(0, refilledAt + refillMs - Date.now()));
  }

  function restore(): void {
    restoring = true;
    try {
      store.set(decodeView(win.location.search, options.graphHasNode), { history: 'replace' });
    } finally {
      restoring = false;
    }
  }

  restore();
  write('replace');

  const unsubscribe = store.subscribe((state, previous, change) => {
    if (restoring) return;
    const push = change.history === 'push' || (change.history === undefined && state.selected !== previous.selected);
    if (push) {
      // The state being left is complete in the current entry before a new one starts.
      cancelPending();
      const leaving = encodeView(previous);
      if (leaving !== win.location.search) {
        try {
          win.history.replaceState(null, '', urlFor(leaving));
        } catch {
          // As in write(): ignore a refused history write.
        }
      }
      refill();
      tokens = Math.max(0, tokens - 1);
      write('push');
    } else {
      replaceSoon();
    }
  });

  // Back/Forward: a coalesced write still pending belonged to the entry left.
  const onPopState = (): void => {
    cancelPending();
    restore();
  };
  win.addEventListener('popstate', onPopState);
  // Leaving or reloading the page: a coalesced write still pending must land first.
  const flush = (): void => {
    if (pending === null) return;
    cancelPending();
    write('replace');
  };
  win.addEventListener('pagehide', flush);

  return disposeOnce(() => {
    flush();
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
    win.removeEventListener('pagehide', flush);
  });
}
