/**
 * When the live session's next build may start. A quiet time ends a burst
 * of changes (a checkout of 500 files: one build). A stream of changes with
 * pauses (a sync client writing a file every 100 ms) would otherwise make a
 * build per file, each a message and a repaint on the page: while builds
 * follow each other, they are spaced by a gap that doubles up to
 * MAX_GAP_MS; and a stream without pauses still updates the map every
 * MAX_WAIT_MS. A save after a calm moment is built after the quiet time
 * alone.
 */

export interface PacingState {
  /** When the last build ended (ms since the epoch; 0: none yet). */
  lastEnd: number;
  /** The least time from the last build's end to the next build's start, ms. */
  gap: number;
  /** When the oldest change waiting arrived; null when none waits. */
  firstAt: number | null;
  /** When the last change arrived (0: none yet). */
  lastChange: number;
}

/** The first gap once builds follow each other, ms. */
export const MIN_GAP_MS = 250;
/** The largest gap, ms: during a long stream of changes the map still moves this often. */
export const MAX_GAP_MS = 2000;
/** A change waits at most this long for the stream to pause, ms. */
export const MAX_WAIT_MS = 2000;
/** Changes this close continue a stream, ms; a longer pause ends it (its gap is dropped). */
export const STREAM_MS = 500;

/** A change arrived at `now`: after a pause the next build waits for the quiet time alone. */
export function noteChange(state: PacingState, now: number): void {
  if (now - state.lastChange >= STREAM_MS) state.gap = 0;
  state.lastChange = now;
}

/** When a build may start, for a change that arrived at `now` and asks for `quietMs` of quiet. */
export function buildAt(state: PacingState, now: number, quietMs: number): number {
  const spaced = Math.max(now + quietMs, state.lastEnd + state.gap);
  return Math.min(spaced, (state.firstAt ?? now) + Math.max(MAX_WAIT_MS, quietMs));
}

/** The gap after a build that starts at `now`: doubled while builds follow each other, none after a calm moment. */
export function nextGap(state: PacingState, now: number): number {
  const following = state.lastEnd > 0 && now - state.lastEnd < state.gap + 2 * STREAM_MS;
  return following ? Math.min(Math.max(state.gap * 2, MIN_GAP_MS), MAX_GAP_MS) : 0;
}
