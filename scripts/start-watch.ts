/**
 * `npm start` keeps the map in step with the vault: a change to a note
 * (seen by src/serve/watch-vault.ts) rebuilds the graph (debounced, one build at a time) and reloads the page,
 * which restores its view from the URL.
 */

export interface RebuildScheduler {
  /** Ask for a rebuild; calls within `delayMs` of each other make one. */
  schedule(): void;
  /** Resolves when no build is pending or running (for tests and shutdown). */
  idle(): Promise<void>;
  dispose(): void;
}

/**
 * Debounce rebuilds: a burst of saves makes one build, and a change during
 * a build makes exactly one more after it (never two builds at once).
 * Errors are reported through `onError` and do not stop later builds.
 */
export function createRebuildScheduler(
  rebuild: () => Promise<void>,
  delayMs = 300,
  onError: (error: unknown) => void = (error) => console.error(error),
): RebuildScheduler {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let disposed = false;

  const run = (): void => {
    timer = null;
    if (disposed) return;
    if (running) {
      again = true;
      return;
    }
    running = rebuild()
      .catch(onError)
      .finally(() => {
        running = null;
        if (again && !disposed) {
          again = false;
          run();
        }
      });
  };

  return {
    schedule() {
      if (disposed) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    },
    async idle() {
      while (timer || running) {
        if (running) await running;
        else await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
