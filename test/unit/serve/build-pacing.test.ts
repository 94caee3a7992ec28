/** The live session's build pacing: quiet time alone after a calm moment, spaced builds during a stream, a cap on the wait. */
import { describe, expect, it } from 'vitest';
import { buildAt, MAX_GAP_MS, MAX_WAIT_MS, MIN_GAP_MS, nextGap, noteChange, STREAM_MS } from '../../../src/serve/build-pacing.js';

describe('build pacing', () => {
  it('a save after a calm moment waits for the quiet time only', () => {
    const state = { lastEnd: 1_000, gap: 0, firstAt: 50_000, lastChange: 1_000 };
    expect(buildAt(state, 50_000, 60)).toBe(50_060);
    expect(nextGap(state, 50_060)).toBe(0);
  });

  it('builds that follow each other are spaced by a doubling gap, up to its cap', () => {
    let state = { lastEnd: 10_000, gap: 0, firstAt: null as number | null, lastChange: 10_000 };
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      const start = buildAt(state, state.lastEnd + 10, 60);
      state = { lastEnd: start + 5, gap: nextGap(state, start), firstAt: null, lastChange: state.lastEnd + 10 };
      gaps.push(state.gap);
    }
    expect(gaps).toEqual([MIN_GAP_MS, 2 * MIN_GAP_MS, 4 * MIN_GAP_MS, MAX_GAP_MS, MAX_GAP_MS, MAX_GAP_MS]);
  });

  it('a stream without pauses still builds after the longest wait', () => {
    const state = { lastEnd: 0, gap: 0, firstAt: 5_000, lastChange: 7_000 };
    // A change every 10 ms pushes the quiet time on; the wait stops at firstAt + MAX_WAIT_MS.
    expect(buildAt(state, 5_000 + MAX_WAIT_MS + 500, 60)).toBe(5_000 + MAX_WAIT_MS);
  });

  it('the gap ends once the stream has paused', () => {
    const state = { lastEnd: 10_000, gap: MAX_GAP_MS, firstAt: null, lastChange: 10_100 };
    noteChange(state, 10_100 + STREAM_MS - 1);
    expect(state.gap).toBe(MAX_GAP_MS);
    noteChange(state, state.lastChange + STREAM_MS);
    expect(state.gap).toBe(0);
    expect(buildAt(state, state.lastChange, 60)).toBe(state.lastChange + 60);
    expect(nextGap({ lastEnd: 10_000, gap: MAX_GAP_MS, firstAt: null, lastChange: 0 }, 10_000 + MAX_GAP_MS + 2 * STREAM_MS)).toBe(0);
  });
});
