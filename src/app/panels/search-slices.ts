/**
 * The search index built in slices while the browser is idle: indexing a
 * 100,000-note vault in one go holds the page for about 1.7 s (more on a
 * slow machine), which, right after a big map opens, is a frozen pan. A
 * search typed before the slices are done finishes the index at once.
 */
import type MiniSearch from 'minisearch';

/** How long an idle period has left, in ms (the browser's IdleDeadline). */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}

/** Where slices run: the browser's idle callbacks by default, a hand-driven queue in tests. */
export interface IdleScheduler {
  request(run: (deadline: IdleDeadlineLike) => void): number;
  cancel(id: number): void;
}

export interface SlicedIndex<T> {
  /** The index, complete (whatever is left is added now). */
  get(): MiniSearch<T>;
  /** Documents added so far, of `total` (null until the documents are listed). */
  progress(): { added: number; total: number | null };
  /** Stop slicing (idempotent). */
  dispose(): void;
}

/** Documents added per step; a step of the 100,000-note vault takes a few ms. */
const SLICE = 256;
/** A slice starts only when the idle period has at least this many ms left. */
const MIN_REMAINING_MS = 3;

const browserIdle: IdleScheduler = {
  // Without requestIdleCallback (old Safari), a timer after the frame does.
  request: (run) => (window.requestIdleCallback ? window.requestIdleCallback(run) : window.setTimeout(() => run({ timeRemaining: () => 8 }), 16)),
  cancel: (id) => (window.cancelIdleCallback ? window.cancelIdleCallback(id) : window.clearTimeout(id)),
};

/**
 * An index from `create()`, filled with `docs()` (listed at the first idle
 * period or the first `get`, whichever comes first) a slice at a time.
 */
export function indexInSlices<T>(create: () => MiniSearch<T>, docs: () => readonly T[], scheduler: IdleScheduler = browserIdle): SlicedIndex<T> {
  const index = create();
  let list: readonly T[] | null = null;
  let next = 0;
  let pending: number | null = null;
  let disposed = false;

  const addUpTo = (end: number): void => {
    list ??= docs();
    const stop = Math.min(end, list.length);
    if (stop > next) index.addAll(list.slice(next, stop));
    next = Math.max(next, stop);
  };
  const step = (deadline: IdleDeadlineLike): void => {
    pending = null;
    if (disposed) return;
    do addUpTo(next + SLICE);
    while (next < list!.length && deadline.timeRemaining() >= MIN_REMAINING_MS);
    if (next < list!.length) pending = scheduler.request(step);
  };
  pending = scheduler.request(step);

  return {
    get() {
      addUpTo(Infinity);
      return index;
    },
    progress: () => ({ added: next, total: list ? list.length : null }),
    dispose() {
      disposed = true;
      if (pending !== null) scheduler.cancel(pending);
      pending = null;
    },
  };
}
