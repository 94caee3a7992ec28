/**
 * `npm start` keeps the map in step with the vault: a change to a note
 * rebuilds the graph (debounced, one build at a time) and reloads the page,
 * which restores its view from the URL.
 */
import path from 'node:path';
import { isSkippedFolder } from '../src/extract/scan.js';

/**
 * Paths whose change cannot change the graph: outside the vault, or in a
 * folder the scan skips (isSkippedFolder). A dot-file such as `.draft.md` is
 * still a note. `isFolder`: the path itself is a folder (addDir, unlinkDir).
 */
export function isIgnoredVaultPath(vault: string, file: string, isFolder = false): boolean {
  const relative = path.relative(vault, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return true;
  const segments = relative.split(path.sep);
  const folders = isFolder ? segments : segments.slice(0, -1);
  return folders.some(isSkippedFolder);
}

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
