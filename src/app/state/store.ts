/**
 * The UI state store: one ViewState, changed only through `set`, observed
 * through `subscribe`. Tiny and synchronous on purpose: the renderer's
 * reducers and the panels read `get()` directly, so there is no async gap
 * between a click and what is drawn.
 */

import type { Store, StoreChange, ViewState } from './types.js';

type Listener = (state: ViewState, previous: ViewState, change: StoreChange) => void;

/** True when two field values are equal (arrays compared element by element). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return false;
}

/**
 * Create the store.
 *
 * - `set(patch)` merges the fields that actually change; a patch that changes
 *   nothing notifies nobody (so two-way bound controls cannot loop).
 * - Listeners get `(state, previous, change)`; `change.history` is the option
 *   passed to `set` (undefined when none was given), read by the URL binding.
 * - A `set` made from inside a listener is applied at once (`get()` sees it)
 *   but its notification is queued until the current one has reached every
 *   listener, so each listener sees changes in order and never a stale pair.
 */
export function createStore(initial: ViewState): Store {
  let state: ViewState = Object.freeze({ ...initial });
  const listeners = new Set<Listener>();
  const queue: Array<[ViewState, ViewState, StoreChange]> = [];
  let notifying = false;

  function flush(): void {
    notifying = true;
    try {
      while (queue.length > 0) {
        const [next, previous, change] = queue.shift()!;
        // Snapshot: listeners added or removed while notifying take effect next time.
        for (const listener of [...listeners]) listener(next, previous, change);
      }
    } finally {
      notifying = false;
      queue.length = 0;
    }
  }

  return {
    get: () => state,
    set(patch, options) {
      let next: ViewState | null = null;
      for (const name of Object.keys(patch) as Array<keyof ViewState>) {
        const value = patch[name];
        if (value === undefined || sameValue(state[name], value)) continue;
        next ??= { ...state };
        (next as unknown as Record<string, unknown>)[name] = Array.isArray(value) ? [...value] : value;
      }
      if (next === null) return;
      const previous = state;
      state = Object.freeze(next) as ViewState;
      queue.push([state, previous, { history: options?.history }]);
      if (!notifying) flush();
    },
    subscribe(listener) {
      const wrapped = listener as Listener;
      listeners.add(wrapped);
      return () => {
        listeners.delete(wrapped);
      };
    },
  };
}
