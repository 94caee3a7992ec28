/**
 * Rebuilding on vault changes (which paths count: watch-vault.test.ts): the scheduler makes
 * one build per burst, never two at once, and one more for a change made
 * during a build.
 */
import { describe, expect, it } from 'vitest';
import { createRebuildScheduler } from '../../../scripts/start-watch.js';

describe('createRebuildScheduler', () => {
  it('debounces a burst into one build and queues one more for changes during a build', async () => {
    let builds = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    let release: () => void = () => {};
    const scheduler = createRebuildScheduler(async () => {
      builds++;
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise<void>((resolve) => (release = resolve));
      concurrent--;
    }, 20);

    for (let i = 0; i < 5; i++) scheduler.schedule();
    await expect.poll(() => builds).toBe(1);
    // Three changes while the first build runs: one more build, after it.
    scheduler.schedule();
    scheduler.schedule();
    await new Promise((r) => setTimeout(r, 50));
    scheduler.schedule();
    await new Promise((r) => setTimeout(r, 50));
    expect(builds).toBe(1);
    release();
    await expect.poll(() => builds).toBe(2);
    release();
    await scheduler.idle();
    expect(builds).toBe(2);
    expect(maxConcurrent).toBe(1);
    scheduler.dispose();
  });

  it('keeps going after a failed build and stops when disposed', async () => {
    const errors: unknown[] = [];
    let builds = 0;
    const scheduler = createRebuildScheduler(async () => {
      builds++;
      if (builds === 1) throw new Error('bad vault');
    }, 10, (e) => errors.push(e));
    scheduler.schedule();
    await expect.poll(() => builds).toBe(1);
    await scheduler.idle();
    scheduler.schedule();
    await scheduler.idle();
    expect(builds).toBe(2);
    expect(errors).toHaveLength(1);
    scheduler.dispose();
    scheduler.schedule();
    await new Promise((r) => setTimeout(r, 30));
    expect(builds).toBe(2);
  });
});
