/**
 * The search index filled a slice per idle period: nothing is listed before
 * the first idle period, a short period adds one slice and asks for another,
 * a search before the end finds every note, and disposing stops the slices.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { indexInSlices, type IdleDeadlineLike, type IdleScheduler } from '../../../src/app/panels/search-slices.js';

interface Doc {
  id: string;
  title: string;
}

/** Idle periods run by hand: `run(ms)` runs the oldest request with that much time left. */
function handScheduler(): IdleScheduler & { queued(): number; run(ms: number): void } {
  const queue = new Map<number, (deadline: IdleDeadlineLike) => void>();
  let id = 0;
  return {
    request: (run) => (queue.set(++id, run), id),
    cancel: (i) => void queue.delete(i),
    queued: () => queue.size,
    run(ms) {
      const [first] = queue.keys();
      const run = queue.get(first)!;
      queue.delete(first);
      run({ timeRemaining: () => ms });
    },
  };
}

const docs: Doc[] = Array.from({ length: 1000 }, (_v, i) => ({ id: `n${i}`, title: `note number${i}` }));
const create = () => new MiniSearch<Doc>({ fields: ['title'] });

describe('indexInSlices', () => {
  it('lists the notes at the first idle period and adds one slice per short period', () => {
    const idle = handScheduler();
    let listed = 0;
    const sliced = indexInSlices(create, () => (listed++, docs), idle);
    expect(listed).toBe(0);
    expect(sliced.progress()).toEqual({ added: 0, total: null });
    idle.run(0);
    expect(listed).toBe(1);
    const first = sliced.progress().added;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(docs.length);
    expect(idle.queued()).toBe(1);
    while (idle.queued() > 0) idle.run(0);
    expect(sliced.progress()).toEqual({ added: docs.length, total: docs.length });
    expect(sliced.get().search('number999').map((r) => r.id)).toEqual(['n999']);
    expect(listed).toBe(1);
  });

  it('adds everything within one long idle period', () => {
    const idle = handScheduler();
    const sliced = indexInSlices(create, () => docs, idle);
    idle.run(50);
    expect(sliced.progress().added).toBe(docs.length);
    expect(idle.queued()).toBe(0);
  });

  it('finishes the index at the first search, and stops slicing once disposed', () => {
    const idle = handScheduler();
    const sliced = indexInSlices(create, () => docs, idle);
    idle.run(0);
    expect(sliced.get().search('number999').map((r) => r.id)).toEqual(['n999']);
    expect(sliced.get().documentCount).toBe(docs.length);
    sliced.dispose();
    sliced.dispose();
    expect(idle.queued()).toBe(0);
  });
});
