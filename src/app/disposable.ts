/**
 * Every long-lived piece of the map tears down through `dispose()`, and a
 * second call must do nothing (STYLE.md 10): this wraps a teardown so.
 */
import type { Disposable } from './state/types.js';

/** A Disposable whose `teardown` runs on the first `dispose()` only. */
export function disposeOnce(teardown: () => void): Disposable {
  let disposed = false;
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      teardown();
    },
  };
}
