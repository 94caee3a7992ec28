/**
 * The view in the URL: ViewState <-> query string, and the binding that keeps
 * the address bar and browser history in step with the store.
 *
 * Only fields that differ from DEFAULT_VIEW are written, under short stable
 * names, in a fixed order, so a view has exactly one URL. Reading is
 * forgiving: an unknown name is ignored, an invalid value falls back to its
 * default, numbers are clamped to their range.
 */

import { tagKey } from '../../core/normalize.js';
import { DEFAULT_VIEW, type Direction, type Disposable, type PanelName, type Store, type Theme, type ViewState } from './types.js';

/** Ranges of the numeric fields (the controls offer the same). */
export const LIMITS = {
  minLinks: { min: 0, max: 999 },
  localDepth: { min: 0, max: 3 },
  /** 0 = full tag; the legend offers full, 1 and 2 levels. */
  tagDepth: { min: 0, max: 2 },
  sizeScale: { min: 0.5, max: 3 },
} as const;

type ParamKind = 'bool' | 'int' | 'float' | 'tags' | 'note' | 'enum';

interface Param {
  field: keyof ViewState;
  name: string;
  kind: ParamKind;
  values?: readonly string[];
}

/** URL names, in the order they are written. */
const PARAMS: readonly Param[] = [
  { field: 'selected', name: 'note', kind: 'note' },
  { field: 'panel', name: 'panel', kind: 'enum', values: ['summary', 'health'] },
  { field: 'localDepth', name: 'depth', kind: 'int' },
  { field: 'localDirection', name: 'dir', kind: 'enum', values: ['in', 'out', 'both'] },
  { field: 'hiddenTags', name: 'hide', kind: 'tags' },
  { field: 'onlyTags', name: 'only', kind: 'tags' },
  { field: 'showOrphans', name: 'orphans', kind: 'bool' },
  { field: 'showDangling', name: 'dangling', kind: 'bool' },
  { field: 'showDrafts', name: 'drafts', kind: 'bool' },
  { field: 'showAttachments', name: 'att', kind: 'bool' },
  { field: 'minLinks', name: 'min', kind: 'int' },
  { field: 'tagDepth', name: 'tagdepth', kind: 'int' },
  { field: 'colorCommonTags', name: 'common', kind: 'bool' },
  { field: 'sizeScale', name: 'size', kind: 'float' },
  { field: 'arrows', name: 'arrows', kind: 'bool' },
  { field: 'theme', name: 'theme', kind: 'enum', values: ['light', 'dark', 'system'] },
];

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, value));
}

/** decodeURIComponent that treats `+` as a space and returns null on malformed escapes. */
function decodePart(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Tags in a list: keys (lower case, trimmed, no `#`), no empties, no duplicates, order kept. */
export function cleanTagList(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tagKey(tag);
    if (key !== '' && !seen.has(key)) seen.add(key);
  }
  return [...seen];
}

function encodeValue(param: Param, value: unknown): string {
  switch (param.kind) {
    case 'bool':
      return value ? '1' : '0';
    case 'tags':
      // Each tag escaped on its own, so a comma inside a tag (%2C) never splits it.
      return (value as string[]).map(encodeURIComponent).join(',');
    case 'float':
      return String(Math.round((value as number) * 100) / 100);
    default:
      return encodeURIComponent(String(value));
  }
}

/**
 * The query string for a view: `''` when everything is default, otherwise
 * `?name=value&...` with only the non-default fields.
 */
export function encodeView(state: ViewState): string {
  const parts: string[] = [];
  for (const param of PARAMS) {
    const value = state[param.field];
    const fallback = DEFAULT_VIEW[param.field];
    if (param.kind === 'tags') {
      if ((value as string[]).length === 0) continue;
    } else if (value === fallback || value === null) {
      continue;
    }
    parts.push(`${param.name}=${encodeValue(param, value)}`);
  }
  return parts.length === 0 ? '' : '?' + parts.join('&');
}

/** One parameter's value, or undefined when it is not valid (the default then stays). */
function decodeValue(param: Param, raw: string, graphHasNode?: (key: string) => boolean): unknown {
  if (param.kind === 'tags') {
    const tags = raw.split(',').map(decodePart).filter((t): t is string => t !== null);
    return cleanTagList(tags);
  }
  const text = decodePart(raw);
  if (text === null) return undefined;
  switch (param.kind) {
    case 'bool': {
      const word = text.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return undefined;
    }
    case 'int':
    case 'float': {
      if (!/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return undefined;
      const range = LIMITS[param.field as keyof typeof LIMITS];
      const n = param.kind === 'int' ? Math.round(Number(text)) : Math.round(Number(text) * 100) / 100;
      return clamp(n, range);
    }
    case 'enum':
      return param.values!.includes(text) ? text : undefined;
    case 'note':
      if (text === '') return undefined;
      if (graphHasNode && !graphHasNode(text)) return undefined;
      return text;
  }
}

/**
 * Read a view from a query string (with or without the leading `?`). Junk is
 * ignored field by field; `graphHasNode`, when given, drops a selection that
 * is not in the graph (and with it a summary panel that would be empty).
 * When a name repeats, the last value wins.
 */
export function decodeView(search: string, graphHasNode?: (key: string) => boolean): ViewState {
  const state: Record<string, unknown> = { ...DEFAULT_VIEW };
  const byName = new Map(PARAMS.map((p) => [p.name, p]));
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodePart(eq < 0 ? pair : pair.slice(0, eq));
    const param = name === null ? undefined : byName.get(name.toLowerCase());
    if (!param) continue;
    const value = decodeValue(param, eq < 0 ? '' : pair.slice(eq + 1), graphHasNode);
    if (value !== undefined) state[param.field] = value;
  }
  const view = state as unknown as ViewState;
  if (view.selected === null && view.panel === 'summary') view.panel = DEFAULT_VIEW.panel;
  return view;
}

/** What bindUrl needs of a window (a real `window` fits; tests pass a fake). */
export interface UrlWindow {
  location: { search: string; pathname: string; hash: string };
  history: {
    pushState(data: unknown, unused: string, url?: string | null): void;
    replaceState(data: unknown, unused: string, url?: string | null): void;
  };
  addEventListener(type: 'popstate' | 'pagehide', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'pagehide', listener: () => void): void;
}

export interface BindUrlOptions {
  /** Drops a selection from the URL that is not a node of the graph. */
  graphHasNode?: (key: string) => boolean;
  /**
   * History writes allowed at once (default 10). A slider dragged fires
   * dozens of changes a second and browsers refuse more than about 100
   * history writes in 30 s (Safari throws), so writes spend tokens from a
   * bucket; when it is empty, replace writes are coalesced into one trailing
   * write made when a token is back. Clicks, which come a few at a time, are
   * always written at once.
   */
  burst?: number;
  /** Time for one token to come back, in ms (default 400: at most ~85 writes in 30 s). */
  refillMs?: number;
}

/**
 * Mirror the store into the URL.
 *
 * - On start the URL's view is applied to the store, and the URL is rewritten
 *   in its canonical form (junk dropped) without a new history entry.
 * - A change of `selected` pushes a history entry (unless `set` was called
 *   with `{ history: 'replace' }`); any other change replaces the current
 *   entry (unless called with `{ history: 'push' }`); bursts of replace
 *   writes are coalesced (see `burst`).
 * - Back/Forward (popstate) restore the whole view of that entry, so they move
 *   between selections and bring back the filters as they were there.
 * - A coalesced write still pending is made on `pagehide` (reload, leaving)
 *   and on dispose.
 */
export function bindUrl(store: Store, win: UrlWindow = window, options: BindUrlOptions = {}): Disposable {
  const burst = options.burst ?? 10;
  const refillMs = options.refillMs ?? 400;
  let tokens = burst;
  let refilledAt = Date.now();
  let restoring = false;
  let disposed = false;
  let pending: ReturnType<typeof setTimeout> | null = null;

  /** Add the tokens earned since the last refill. */
  function refill(): void {
    const now = Date.now();
    const earned = Math.floor((now - refilledAt) / refillMs);
    if (earned > 0) {
      tokens = Math.min(burst, tokens + earned);
      refilledAt = tokens === burst ? now : refilledAt + earned * refillMs;
    }
  }

  const urlFor = (search: string): string => win.location.pathname + search + win.location.hash;

  /** Write the store's view into the current entry (or a new one). */
  function write(mode: 'push' | 'replace'): void {
    const search = encodeView(store.get());
    if (search === win.location.search) return;
    try {
      if (mode === 'push') win.history.pushState(null, '', urlFor(search));
      else win.history.replaceState(null, '', urlFor(search));
    } catch (error) {
      // A browser limiting history writes must not break the map.
      console.warn('notemap: could not update the URL', error);
    }
  }

  function cancelPending(): void {
    if (pending !== null) clearTimeout(pending);
    pending = null;
  }

  function replaceSoon(): void {
    // A pending write will carry this change too: it encodes the state when it runs.
    if (pending !== null) return;
    refill();
    if (tokens >= 1) {
      tokens--;
      write('replace');
      return;
    }
    pending = setTimeout(() => {
      pending = null;
      refill();
      tokens = Math.max(0, tokens - 1);
      write('replace');
    }, Math.max(0, refilledAt + refillMs - Date.now()));
  }

  function restore(): void {
    restoring = true;
    try {
      store.set(decodeView(win.location.search, options.graphHasNode), { history: 'replace' });
    } finally {
      restoring = false;
    }
  }

  restore();
  write('replace');

  const unsubscribe = store.subscribe((state, previous, change) => {
    if (restoring) return;
    const push = change.history === 'push' || (change.history === undefined && state.selected !== previous.selected);
    if (push) {
      // The state being left is complete in the current entry before a new one starts.
      cancelPending();
      const leaving = encodeView(previous);
      if (leaving !== win.location.search) {
        try {
          win.history.replaceState(null, '', urlFor(leaving));
        } catch {
          // As in write(): ignore a refused history write.
        }
      }
      refill();
      tokens = Math.max(0, tokens - 1);
      write('push');
    } else {
      replaceSoon();
    }
  });

  // Back/Forward: a coalesced write still pending belonged to the entry left.
  const onPopState = (): void => {
    cancelPending();
    restore();
  };
  win.addEventListener('popstate', onPopState);
  // Leaving or reloading the page: a coalesced write still pending must land first.
  const flush = (): void => {
    if (pending === null) return;
    cancelPending();
    write('replace');
  };
  win.addEventListener('pagehide', flush);

  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      flush();
      unsubscribe();
      win.removeEventListener('popstate', onPopState);
      win.removeEventListener('pagehide', flush);
    },
  };
}
