import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/app/state/store.js';
import { DEFAULT_VIEW, type ViewState } from '../../../src/app/state/types.js';

describe('createStore', () => {
  it('starts from the initial state without sharing it', () => {
    const initial = { ...DEFAULT_VIEW };
    const store = createStore(initial);
    expect(store.get()).toEqual(DEFAULT_VIEW);
    initial.minLinks = 7;
    expect(store.get().minLinks).toBe(0);
  });

  it('merges a patch and notifies with the new and previous state', () => {
    const store = createStore(DEFAULT_VIEW);
    const calls: Array<[ViewState, ViewState, unknown]> = [];
    store.subscribe((s, p, c) => calls.push([s, p, c]));
    store.set({ selected: 'a.md', minLinks: 2 }, { history: 'push' });
    expect(store.get().selected).toBe('a.md');
    expect(store.get().minLinks).toBe(2);
    expect(store.get().showOrphans).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toBe(store.get());
    expect(calls[0][1].selected).toBeNull();
    expect(calls[0][2]).toEqual({ history: 'push' });
  });

  it('ignores patches that change nothing, arrays compared by content', () => {
    const store = createStore({ ...DEFAULT_VIEW, hiddenTags: ['x'] });
    let n = 0;
    store.subscribe(() => n++);
    const before = store.get();
    store.set({});
    store.set({ showOrphans: true, hiddenTags: ['x'], selected: null });
    store.set({ minLinks: undefined });
    expect(n).toBe(0);
    expect(store.get()).toBe(before);
    store.set({ hiddenTags: ['x', 'y'] });
    expect(n).toBe(1);
  });

  it('copies arrays given in a patch', () => {
    const store = createStore(DEFAULT_VIEW);
    const tags = ['a'];
    store.set({ hiddenTags: tags });
    tags.push('b');
    expect(store.get().hiddenTags).toEqual(['a']);
  });

  it('unsubscribes', () => {
    const store = createStore(DEFAULT_VIEW);
    let n = 0;
    const off = store.subscribe(() => n++);
    store.set({ minLinks: 1 });
    off();
    store.set({ minLinks: 2 });
    expect(n).toBe(1);
  });

  it('queues a set made inside a listener so every listener sees changes in order', () => {
    const store = createStore(DEFAULT_VIEW);
    const seenByA: number[] = [];
    const seenByB: Array<[number, number]> = [];
    store.subscribe((s) => {
      seenByA.push(s.minLinks);
      if (s.minLinks === 1) store.set({ minLinks: 2 });
      expect(store.get().minLinks).toBe(2);
    });
    store.subscribe((s, p) => seenByB.push([p.minLinks, s.minLinks]));
    store.set({ minLinks: 1 });
    expect(store.get().minLinks).toBe(2);
    expect(seenByA).toEqual([1, 2]);
    expect(seenByB).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('keeps working after a listener throws', () => {
    const store = createStore(DEFAULT_VIEW);
    const off = store.subscribe(() => {
      throw new Error('boom');
    });
    expect(() => store.set({ minLinks: 1 })).toThrow('boom');
    off();
    let n = 0;
    store.subscribe(() => n++);
    store.set({ minLinks: 3 });
    expect(n).toBe(1);
  });
});
