import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../../src/app/state/store.js';
import { DEFAULT_VIEW, type ViewState } from '../../../src/app/state/types.js';
import { bindUrl, decodeView, encodeView, type UrlWindow } from '../../../src/app/state/url.js';

const FULL: ViewState = {
  selected: 'journal/2020-04-02 meltdown & co.md',
  panel: 'summary',
  showOrphans: false,
  showDangling: false,
  showDrafts: false,
  showAttachments: true,
  hiddenTags: ['security/e2ee', 'a,b', 'été'],
  onlyTags: ['rust'],
  minLinks: 2,
  localDepth: 2,
  localDirection: 'in',
  tagDepth: 1,
  colorCommonTags: true,
  sizeScale: 1.5,
  sizeBy: 'pagerank',
  sizeEmbeds: false,
  labelSize: 1.25,
  labelFade: 0.8,
  arrows: true,
  theme: 'dark',
  timeline: true,
  timeField: 'updated',
  timeFrom: 2020 * 12 + 2,
  timeTo: 2021 * 12 + 5,
  showUndated: false,
  healthShow: null,
  camera: { x: 0.4321, y: 0.6, ratio: 0.3125 },
  colorBy: 'groups',
  folderDepth: 2,
  groups: [
    { query: 'tag:#a,b OR path:"x y"', color: '#ff0000' },
    { query: 'file:zoom -path:archive', color: '#00aa11' },
  ],
  hiddenCategories: ['Journal/2020', 'a,b'],
  onlyCategories: ['0'],
  filter: 'path:journal -tag:#draft & co',
  centerForce: 0.2,
  repelForce: 120,
  linkForce: 0.5,
  linkDistance: 80,
  showMentions: true,
  pathTo: 'topics/b & c, d.md',
  pathDirected: true,
};

describe('encodeView', () => {
  it('writes nothing for the default view', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('');
  });

  it('writes only the fields that differ, under short names, in a fixed order', () => {
    expect(encodeView({ ...DEFAULT_VIEW, arrows: true, selected: 'journal/x.md', localDepth: 2 })).toBe('?note=journal%2Fx.md&depth=2&arrows=1');
    expect(encodeView({ ...DEFAULT_VIEW, showOrphans: false, hiddenTags: ['a', 'b/c'] })).toBe('?hide=a,b%2Fc&orphans=0');
  });

  it('escapes every tag on its own so a comma in a tag survives', () => {
    expect(encodeView({ ...DEFAULT_VIEW, hiddenTags: ['a,b', 'c'] })).toBe('?hide=a%2Cb,c');
  });
});

describe('color modes, groups, the filter and forces in the URL', () => {
  it('writes them under short names and reads them back', () => {
    const view: ViewState = { ...DEFAULT_VIEW, colorBy: 'cluster', filter: 'path:a b', repelForce: 80 };
    expect(encodeView(view)).toBe('?color=cluster&filter=path%3Aa%20b&repel=80');
    expect(decodeView(encodeView(view))).toEqual(view);
  });

  it('writes the groups in order, color first; an empty list is kept apart from "the vault\'s"', () => {
    const groups = [
      { query: 'tag:#x', color: '#AABBCC' },
      { query: 'a,b', color: '#000000' },
    ];
    expect(encodeView({ ...DEFAULT_VIEW, groups })).toBe('?groups=aabbcc:tag%3A%23x,000000:a%2Cb');
    expect(decodeView('?groups=aabbcc:tag%3A%23x,000000:a%2Cb').groups).toEqual([
      { query: 'tag:#x', color: '#aabbcc' },
      { query: 'a,b', color: '#000000' },
    ]);
    expect(encodeView({ ...DEFAULT_VIEW, groups: [] })).toBe('?groups=');
    expect(decodeView('?groups=').groups).toEqual([]);
    expect(decodeView('').groups).toBeNull();
    // Bad colors and empty queries are dropped rule by rule.
    expect(decodeView('?groups=zzz:a,123456:,123456:ok').groups).toEqual([{ query: 'ok', color: '#123456' }]);
  });

  it('clamps forces and folder depth to their ranges', () => {
    expect(decodeView('?folderdepth=-1').folderDepth).toBe(0);
    expect(decodeView('?repel=-5&linkdist=9999&folderdepth=7&center=x')).toMatchObject({
      repelForce: 0,
      linkDistance: 300,
      folderDepth: 3,
      centerForce: DEFAULT_VIEW.centerForce,
    });
  });
});

describe('the timeline in the URL', () => {
  it('writes the range as months and reads it back; junk months are ignored', () => {
    const view = { ...DEFAULT_VIEW, timeline: true, timeFrom: 2020 * 12 + 2, timeTo: 2021 * 12 + 5 };
    expect(encodeView(view)).toBe('?timeline=1&from=2020-03&to=2021-06');
    expect(decodeView('?timeline=1&from=2020-03&to=2021-06')).toEqual(view);
    expect(decodeView('?from=2021-06&to=2020-03')).toMatchObject({ timeFrom: 2020 * 12 + 2, timeTo: 2021 * 12 + 5 });
    expect(decodeView('?from=2020-13&to=soon').timeFrom).toBeNull();
    expect(decodeView('?from=2020-13&to=soon').timeTo).toBeNull();
    expect(decodeView('?time=updated&undated=0')).toMatchObject({ timeField: 'updated', showUndated: false });
  });
});

describe('the health panel\'s map view in the URL', () => {
  it('writes and reads which list is shown on the map, with the health panel open', () => {
    const view = { ...DEFAULT_VIEW, panel: 'health' as const, healthShow: 'missing' as const };
    expect(encodeView(view)).toBe('?panel=health&health=missing');
    expect(decodeView('?panel=health&health=missing')).toEqual(view);
    expect(decodeView('?panel=health&health=orphans').healthShow).toBe('orphans');
    expect(decodeView('?panel=health&health=everything').healthShow).toBeNull();
  });

  it('drops it without the health panel (closing the panel ends the view)', () => {
    expect(decodeView('?health=orphans').healthShow).toBeNull();
    expect(decodeView('?note=a.md&panel=summary&health=orphans').healthShow).toBeNull();
  });
});

describe('the camera in the URL', () => {
  it('writes zoom and pan last, rounded, and reads them back', () => {
    const view = { ...DEFAULT_VIEW, arrows: true, camera: { x: 0.123456, y: -0.5, ratio: 0.333333 } };
    expect(encodeView(view)).toBe('?arrows=1&cam=0.1235,-0.5,0.3333');
    expect(decodeView('?arrows=1&cam=0.1235,-0.5,0.3333')).toEqual({ ...view, camera: { x: 0.1235, y: -0.5, ratio: 0.3333 } });
  });

  it('rounds idempotently, so a camera read from a URL writes the same URL', () => {
    const once = encodeView({ ...DEFAULT_VIEW, camera: { x: 0.98765, y: 0.00004, ratio: 1.23456 } });
    expect(encodeView(decodeView(once))).toBe(once);
  });

  it.each([
    ['0.5,0.5', null],
    ['0.5,0.5,0', null],
    ['a,b,c', null],
    ['0.5,0.5,-1', null],
    ['0.5,,1', null],
    ['0.5,0.5,1000', { x: 0.5, y: 0.5, ratio: 8 }],
    ['0.5,0.5,0.0001', { x: 0.5, y: 0.5, ratio: 0.02 }],
    ['99,-99,1', { x: 10, y: -10, ratio: 1 }],
  ])('cam=%s -> %j', (raw, expected) => {
    expect(decodeView(`?cam=${raw}`).camera).toEqual(expected);
  });
});

describe('the suggested links (unlinked mentions) in the URL', () => {
  it('writes mentions=1 only when switched on, and reads it back', () => {
    expect(encodeView({ ...DEFAULT_VIEW, showMentions: true })).toBe('?mentions=1');
    expect(encodeView({ ...DEFAULT_VIEW, showMentions: false })).toBe('');
    expect(decodeView('?mentions=1').showMentions).toBe(true);
    expect(decodeView('?mentions=off').showMentions).toBe(false);
    expect(decodeView('?mentions=perhaps').showMentions).toBe(false);
  });
});

describe('the path between two notes in the URL', () => {
  const path: ViewState = { ...DEFAULT_VIEW, selected: 'a b.md', panel: 'path', pathTo: 'journal/c&d.md', pathDirected: true };

  it('writes the pair (the selection, then pathto) and the direction switch, and reads them back', () => {
    expect(encodeView(path)).toBe('?note=a%20b.md&panel=path&pathto=journal%2Fc%26d.md&directed=1');
    expect(decodeView(encodeView(path))).toEqual(path);
    expect(encodeView({ ...path, pathDirected: false })).toBe('?note=a%20b.md&panel=path&pathto=journal%2Fc%26d.md');
  });

  it('keeps no path without its first note, to the same note, or to a note not in the graph', () => {
    expect(decodeView('?panel=path&pathto=c.md&directed=1')).toEqual(DEFAULT_VIEW);
    expect(decodeView('?note=c.md&panel=path&pathto=c.md')).toMatchObject({ selected: 'c.md', panel: 'summary', pathTo: null });
    const has = (key: string): boolean => key !== 'gone.md';
    expect(decodeView('?note=a.md&panel=path&pathto=gone.md&directed=1', has)).toMatchObject({ selected: 'a.md', panel: 'summary', pathTo: null, pathDirected: false });
    expect(decodeView('?note=a.md&panel=path&pathto=b.md', has)).toMatchObject({ selected: 'a.md', panel: 'path', pathTo: 'b.md' });
  });
});

describe('decodeView', () => {
  it('round-trips a view with every field set', () => {
    const search = encodeView(FULL);
    expect(decodeView(search)).toEqual(FULL);
    // And without the leading '?'.
    expect(decodeView(search.slice(1))).toEqual(FULL);
  });

  it('round-trips each field on its own', () => {
    for (const field of Object.keys(FULL) as Array<keyof ViewState>) {
      const state = { ...DEFAULT_VIEW, [field]: FULL[field] } as ViewState;
      if (field === 'panel') state.selected = 'x.md';
      // A path needs its first note (the selection) and its second.
      if (field === 'pathTo' || field === 'pathDirected') Object.assign(state, { selected: 'x.md', pathTo: FULL.pathTo });
      expect(decodeView(encodeView(state)), field).toEqual(state);
    }
  });

  it('falls back to defaults on junk, field by field', () => {
    const junk =
      '?note=&panel=nope&depth=abc&dir=sideways&orphans=maybe&dangling=0&min=1e9&tagdepth=-4' +
      '&size=%ZZ&theme=<script>&arrows=&bogus=1&&=&common';
    expect(decodeView(junk)).toEqual({ ...DEFAULT_VIEW, showDangling: false, tagDepth: 0 });
    expect(decodeView('')).toEqual(DEFAULT_VIEW);
    expect(decodeView('?')).toEqual(DEFAULT_VIEW);
    expect(decodeView('?%%%=%%%&note=%E0%A4%A')).toEqual(DEFAULT_VIEW);
  });

  it('clamps numbers to their ranges', () => {
    const v = decodeView('?min=5000&depth=9&tagdepth=7&size=10');
    expect(v.minLinks).toBe(999);
    expect(v.localDepth).toBe(3);
    expect(v.tagDepth).toBe(2);
    expect(v.sizeScale).toBe(3);
    const w = decodeView('?min=-3&depth=-1&size=0.1');
    expect(w.minLinks).toBe(0);
    expect(w.localDepth).toBe(0);
    expect(w.sizeScale).toBe(0.5);
    expect(decodeView('?depth=1.6').localDepth).toBe(2);
  });

  it('accepts boolean words and plus as space', () => {
    expect(decodeView('?orphans=false&att=yes&arrows=ON').showOrphans).toBe(false);
    expect(decodeView('?orphans=false&att=yes&arrows=ON').showAttachments).toBe(true);
    expect(decodeView('?orphans=false&att=yes&arrows=ON').arrows).toBe(true);
    expect(decodeView('?note=my+note.md').selected).toBe('my note.md');
  });

  it('normalises tag lists: keys, no #, no empties, no duplicates', () => {
    expect(decodeView('?hide=Security,%23rust,,security,%20').hiddenTags).toEqual(['security', 'rust']);
  });

  it('drops a selection that is not in the graph, and the summary panel with it', () => {
    const has = (key: string): boolean => key === 'a.md';
    expect(decodeView('?note=a.md&panel=summary', has)).toMatchObject({ selected: 'a.md', panel: 'summary' });
    expect(decodeView('?note=zz.md&panel=summary', has)).toMatchObject({ selected: null, panel: null });
    expect(decodeView('?note=zz.md&panel=health', has)).toMatchObject({ selected: null, panel: 'health' });
  });
});

/** A fake window with a real-enough history stack. */
function fakeWindow(search: string): UrlWindow & { entries: string[]; index: number; back(): void; forward(): void; hide(): void; pushes: number } {
  let popListener: (() => void) | null = null;
  let hideListener: (() => void) | null = null;
  const w = {
    entries: ['/app/' + search],
    index: 0,
    pushes: 0,
    location: { search, pathname: '/app/', hash: '' },
    history: {
      pushState(_d: unknown, _u: string, url?: string | null) {
        w.entries.splice(w.index + 1, Infinity, url!);
        w.index++;
        w.pushes++;
        w.location.search = url!.slice('/app/'.length);
      },
      replaceState(_d: unknown, _u: string, url?: string | null) {
        w.entries[w.index] = url!;
        w.location.search = url!.slice('/app/'.length);
      },
    },
    addEventListener(t: 'popstate' | 'pagehide', l: () => void) {
      if (t === 'popstate') popListener = l;
      else hideListener = l;
    },
    removeEventListener(t: 'popstate' | 'pagehide', l: () => void) {
      if (t === 'popstate' && popListener === l) popListener = null;
      if (t === 'pagehide' && hideListener === l) hideListener = null;
    },
    hide() {
      hideListener?.();
    },
    go(delta: number) {
      w.index += delta;
      w.location.search = w.entries[w.index].slice('/app/'.length);
      popListener?.();
    },
    back() {
      w.go(-1);
    },
    forward() {
      w.go(1);
    },
  };
  return w;
}

describe('bindUrl', () => {
  it('applies the URL on start and rewrites it in canonical form', () => {
    const win = fakeWindow('?bogus=1&arrows=true&note=a.md');
    const store = createStore(DEFAULT_VIEW);
    bindUrl(store, win, {});
    expect(store.get()).toMatchObject({ selected: 'a.md', arrows: true });
    expect(win.location.search).toBe('?note=a.md&arrows=1');
    expect(win.entries).toHaveLength(1);
  });

  it('pushes on selection changes, replaces on other changes, and Back/Forward restore', () => {
    const win = fakeWindow('');
    const store = createStore(DEFAULT_VIEW);
    bindUrl(store, win, {});
    store.set({ selected: 'a.md' });
    store.set({ showOrphans: false });
    store.set({ selected: 'b.md' });
    store.set({ minLinks: 2 });
    expect(win.entries).toEqual(['/app/', '/app/?note=a.md&orphans=0', '/app/?note=b.md&orphans=0&min=2']);
    win.back();
    expect(store.get()).toMatchObject({ selected: 'a.md', showOrphans: false, minLinks: 0 });
    expect(win.entries).toHaveLength(3); // restoring writes no history
    win.back();
    expect(store.get()).toEqual(DEFAULT_VIEW);
    win.forward();
    win.forward();
    expect(store.get()).toMatchObject({ selected: 'b.md', minLinks: 2 });
  });

  it('honours an explicit history option', () => {
    const win = fakeWindow('');
    const store = createStore(DEFAULT_VIEW);
    bindUrl(store, win, {});
    store.set({ selected: 'a.md' }, { history: 'replace' });
    store.set({ panel: 'health' }, { history: 'push' });
    expect(win.entries).toEqual(['/app/?note=a.md', '/app/?note=a.md&panel=health']);
  });

  it('drops an unknown selection on start when given graphHasNode', () => {
    const win = fakeWindow('?note=gone.md&min=1');
    const store = createStore(DEFAULT_VIEW);
    bindUrl(store, win, { graphHasNode: (k) => k === 'a.md' });
    expect(store.get().selected).toBeNull();
    expect(win.location.search).toBe('?min=1');
  });

  it('stops following the store once disposed (idempotently)', () => {
    const win = fakeWindow('');
    const store = createStore(DEFAULT_VIEW);
    const binding = bindUrl(store, win, {});
    binding.dispose();
    binding.dispose();
    store.set({ selected: 'a.md' });
    expect(win.location.search).toBe('');
    expect(win.pushes).toBe(0);
  });

  describe('throttled replace', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('writes the first change at once and coalesces the rest into one trailing write', () => {
      vi.useFakeTimers();
      const win = fakeWindow('');
      const replace = vi.spyOn(win.history, 'replaceState');
      const store = createStore(DEFAULT_VIEW);
      bindUrl(store, win, { burst: 1, refillMs: 250 });
      for (let i = 1; i <= 20; i++) store.set({ sizeScale: 1 + i / 10 });
      expect(win.location.search).toBe('?size=1.1');
      expect(replace).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(300);
      expect(win.location.search).toBe('?size=3');
      expect(replace).toHaveBeenCalledTimes(2);
    });

    it('writes a burst of clicks at once, then at most one write per refill', () => {
      vi.useFakeTimers();
      const win = fakeWindow('');
      const replace = vi.spyOn(win.history, 'replaceState');
      const store = createStore(DEFAULT_VIEW);
      bindUrl(store, win, { burst: 3, refillMs: 100 });
      store.set({ minLinks: 1 });
      store.set({ minLinks: 2 });
      store.set({ minLinks: 3 });
      expect(win.location.search).toBe('?min=3');
      for (let i = 4; i <= 60; i++) {
        store.set({ minLinks: i });
        vi.advanceTimersByTime(10);
      }
      // 3 at once, then one per 100 ms over ~570 ms.
      expect(replace.mock.calls.length).toBeGreaterThanOrEqual(7);
      expect(replace.mock.calls.length).toBeLessThanOrEqual(10);
      vi.advanceTimersByTime(1000);
      expect(win.location.search).toBe('?min=60');
    });

    it('completes the entry being left before pushing a selection', () => {
      vi.useFakeTimers();
      const win = fakeWindow('');
      const store = createStore(DEFAULT_VIEW);
      bindUrl(store, win, { burst: 1, refillMs: 250 });
      store.set({ minLinks: 1 });
      store.set({ minLinks: 2 }); // pending
      store.set({ selected: 'a.md' });
      expect(win.entries).toEqual(['/app/?min=2', '/app/?note=a.md&min=2']);
      vi.advanceTimersByTime(1000);
      expect(win.entries).toEqual(['/app/?min=2', '/app/?note=a.md&min=2']);
    });

    it('writes a pending change when the page is hidden (reload) and on dispose', () => {
      vi.useFakeTimers();
      const win = fakeWindow('');
      const store = createStore(DEFAULT_VIEW);
      const binding = bindUrl(store, win, { burst: 1, refillMs: 250 });
      store.set({ minLinks: 1 });
      store.set({ showOrphans: false });
      expect(win.location.search).toBe('?min=1');
      win.hide();
      expect(win.location.search).toBe('?orphans=0&min=1');
      store.set({ minLinks: 2 });
      expect(win.location.search).toBe('?orphans=0&min=1');
      binding.dispose();
      expect(win.location.search).toBe('?orphans=0&min=2');
    });

    it('does not push an entry when a push changes nothing in the URL', () => {
      const win = fakeWindow('?note=a.md');
      const store = createStore(DEFAULT_VIEW);
      bindUrl(store, win, {});
      store.set({ selected: 'b.md' });
      store.set({ selected: 'a.md' }, { history: 'push' });
      store.set({ selected: 'a.md' }, { history: 'push' });
      expect(win.entries).toEqual(['/app/?note=a.md', '/app/?note=b.md', '/app/?note=a.md']);
    });
  });
});
