/**
 * The color of every node for a view: by tag (colors.ts) or by folder,
 * cluster or groups (categories.ts), as the legend's mode says. The renderer
 * and the legend both read it, so the map and its legend always agree.
 */
import type { ColorGroup } from '../../core/contract.js';
import type { ViewState } from '../state/types.js';
import type { MapGraph } from '../state/visibility.js';
import { buildCategoryScheme, type CategoryScheme } from './categories.js';
import { buildTagPalette, type ResolvedTheme } from './colors.js';

/** The group rules in force: the view's own once edited, else the vault's (Obsidian's graph.json). */
export function groupsInForce(graph: MapGraph, state: Pick<ViewState, 'groups'>): ColorGroup[] {
  return state.groups ?? graph.getAttribute('view')?.colorGroups ?? [];
}

/** The category scheme of a non-tag mode, or null in tag mode. */
export function categoryScheme(graph: MapGraph, state: ViewState, theme: ResolvedTheme): CategoryScheme | null {
  if (state.colorBy === 'tag') return null;
  return buildCategoryScheme(graph, { mode: state.colorBy, folderDepth: state.folderDepth, groups: groupsInForce(graph, state), theme });
}

/** Fill color of a node by key, for this view and theme. */
export function nodeColors(graph: MapGraph, state: ViewState, theme: ResolvedTheme): (key: string) => string {
  const scheme = categoryScheme(graph, state, theme);
  if (scheme) return scheme.nodeColor;
  return buildTagPalette(graph, { tagDepth: state.tagDepth, colorCommonTags: state.colorCommonTags, theme, groups: groupsInForce(graph, state) }).nodeColor;
}
