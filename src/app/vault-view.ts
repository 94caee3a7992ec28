/**
 * The vault's own view settings (Obsidian's graph view, read at build time
 * into the graph's `view` attribute) as the map's defaults: they apply when
 * the page opens without view state in its URL; a shared or reloaded URL
 * keeps what it says.
 */
import type { VaultView } from '../core/contract.js';
import { tagsOfSearch } from './style/color-groups.js';
import type { ViewState } from './state/types.js';
import { decodeView, encodeView } from './state/url.js';

export function applyVaultView(state: ViewState, view: VaultView | undefined, search: string): ViewState {
  if (!view || new URLSearchParams(search).size > 0) return state;
  const next = { ...state };
  if (view.showOrphans !== undefined) next.showOrphans = view.showOrphans;
  if (view.showDangling !== undefined) next.showDangling = view.showDangling;
  if (view.showAttachments !== undefined) next.showAttachments = view.showAttachments;
  if (view.arrows !== undefined) next.arrows = view.arrows;
  // The map's size control spans 0.5 to 3.
  if (view.sizeScale !== undefined) next.sizeScale = Math.min(3, Math.max(0.5, view.sizeScale));
  // Obsidian's force sliders, in notemap's units (src/core/force-settings.ts).
  Object.assign(next, view.forces);
  const tags = tagsOfSearch(view.search);
  if (tags) next.onlyTags = tags;
  // Any other graph filter is the map's text filter, in the same query language.
  else if (view.search) next.filter = view.search;
  return next;
}

/**
 * The state the page opens with: the URL's, or the vault's defaults when the
 * URL holds none. The defaults are written into the URL (replacing the
 * entry), since the URL binding restores the state from it.
 */
export function openingView(win: Window, view: VaultView | undefined, graphHasNode: (key: string) => boolean): ViewState {
  const fromUrl = decodeView(win.location.search, graphHasNode);
  const opened = applyVaultView(fromUrl, view, win.location.search);
  if (opened !== fromUrl) win.history.replaceState(null, '', win.location.pathname + encodeView(opened) + win.location.hash);
  return opened;
}
