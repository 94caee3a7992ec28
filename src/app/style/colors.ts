/**
 * Color by tag: the legend (tags by count) and the color of every node, as a
 * pure function of the graph and three view options, memoized so that the
 * renderer's node reducer is a Map lookup.
 *
 * Rules (tested in test/unit/app/colors.test.ts):
 * - Tags are grouped case-insensitively after cutting them to `tagDepth`
 *   levels (`security/e2ee` at depth 1 is `security`); a group counts the
 *   notes carrying at least one of its tags. The legend is sorted by count,
 *   most used first, then by name.
 * - A tag on more than half of the notes is "common": it says nothing about a
 *   note, so it gets no color (and takes no palette slot) unless
 *   `colorCommonTags`. When switched on, common tags take the last slots of
 *   the palette, so the colors of the other tags do not move.
 * - The first PALETTE.length tags that are not common get the palette's
 *   colors in legend order; the rest are grey.
 * - A note takes the color of the first of its own tags whose group has a
 *   color, else grey. Dangling targets are a faint ghost grey, attachments a
 *   muted sand; greys depend on the theme.
 */

import { schemeObservable10 } from 'd3-scale-chromatic';
import { tagAtDepth, tagKey } from '../../core/normalize.js';
import type { Theme } from '../state/types.js';
import type { MapGraph } from '../state/visibility.js';
import { byCodeUnit } from '../../core/order.js';
import { colorGroupMatcher } from './color-groups.js';
import type { ColorGroup } from '../../core/contract.js';

export type ResolvedTheme = 'light' | 'dark';

/**
 * Categorical colors that read on light and dark backgrounds: Observable's
 * ten without its grey (a grey would look like "no color").
 */
export const PALETTE: readonly string[] = schemeObservable10.filter((c) => c.toLowerCase() !== '#9498a0');

/** Neutral colors per theme: notes without a colored tag, dangling ghosts, attachments. */
export const NEUTRALS: Readonly<Record<ResolvedTheme, { note: string; dangling: string; attachment: string }>> = {
  light: { note: '#9aa0a6', dangling: '#d3d6db', attachment: '#c4b596' },
  dark: { note: '#7d838c', dangling: '#464a51', attachment: '#8c8068' },
};

export interface LegendEntry {
  /** The tag at the current depth, as first written. */
  tag: string;
  /** Its key (lower case): what hiddenTags / onlyTags hold. */
  key: string;
  /** Notes carrying it (or a tag nested under it at this depth). */
  count: number;
  color: string | null;
  /** Carried by more than half of the notes. */
  common: boolean;
}

export interface TagPalette {
  /** Every tag group, most used first. */
  legend: LegendEntry[];
  /** The common tags (also in `legend`). */
  common: LegendEntry[];
  notesTotal: number;
  /** Color of a tag (any casing, any depth: it is cut to the palette's depth), or null. */
  colorOf(tag: string): string | null;
  /** Color of a node by key (a neutral grey for unknown keys). */
  nodeColor(key: string): string;
}

export interface PaletteOptions {
  /** Levels of nested tags to keep (0 = the full tag). */
  tagDepth: number;
  colorCommonTags: boolean;
  theme: ResolvedTheme;
  /** The color groups applied before tags; default the vault's own (`view.colorGroups`). */
  groups?: readonly ColorGroup[];
}

/** 'system' resolved with the browser's preference (`matchMedia('(prefers-color-scheme: dark)')`). */
export function resolveTheme(theme: Theme, prefersDark: boolean): ResolvedTheme {
  if (theme === 'system') return prefersDark ? 'dark' : 'light';
  return theme;
}

function compareEntries(a: LegendEntry, b: LegendEntry): number {
  if (a.count !== b.count) return b.count - a.count;
  return byCodeUnit(a.key, b.key);
}

/** Build without memoization (see buildTagPalette). */
export function buildTagPaletteUncached(graph: MapGraph, options: PaletteOptions): TagPalette {
  const { tagDepth, colorCommonTags, theme } = options;
  const neutral = NEUTRALS[theme];
  const groupKey = (tag: string): string => tagKey(tagAtDepth(tag, tagDepth));

  // Count notes per group; each note's groups in its own tag order.
  const entries = new Map<string, LegendEntry>();
  const noteGroups = new Map<string, string[]>();
  let notesTotal = 0;
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'note') return;
    notesTotal++;
    const groups: string[] = [];
    for (const tag of attrs.tags ?? []) {
      const group = groupKey(tag);
      if (group === '' || groups.includes(group)) continue;
      groups.push(group);
      const entry = entries.get(group);
      if (entry) entry.count++;
      else entries.set(group, { tag: tagAtDepth(tag, tagDepth), key: group, count: 1, color: null, common: false });
    }
    noteGroups.set(key, groups);
  });

  const legend = [...entries.values()].sort(compareEntries);
  const common = legend.filter((entry) => {
    entry.common = entry.count > notesTotal / 2;
    return entry.common;
  });

  // The vault's own tag colors (notemap.config.json) take no palette slot.
  const view = graph.getAttribute('view');
  const tagColors = view?.tagColors ?? {};
  for (const entry of legend) entry.color = tagColors[entry.key] ?? null;
  // Slots: ordinary tags from the front, switched-on common tags from the back.
  const commonSlots = colorCommonTags ? Math.min(common.length, PALETTE.length) : 0;
  let slot = 0;
  for (const entry of legend) {
    if (entry.common || entry.color !== null) continue;
    if (slot >= PALETTE.length - commonSlots) break;
    entry.color = PALETTE[slot++];
  }
  for (let i = 0; i < commonSlots; i++) common[i].color ??= PALETTE[PALETTE.length - commonSlots + i];
  // Obsidian's color groups come first: a note matching one takes its color.
  const groupColor = colorGroupMatcher(options.groups ?? view?.colorGroups);

  const colors = new Map<string, string>();
  graph.forEachNode((key, attrs) => {
    if (attrs.kind === 'dangling') colors.set(key, neutral.dangling);
    else if (attrs.kind === 'attachment') colors.set(key, neutral.attachment);
    else {
      let color = groupColor?.(attrs) ?? null;
      for (const group of color === null ? (noteGroups.get(key) ?? []) : []) {
        color = entries.get(group)!.color;
        if (color !== null) break;
      }
      colors.set(key, color ?? neutral.note);
    }
  });

  return {
    legend,
    common,
    notesTotal,
    colorOf: (tag) => entries.get(groupKey(tag))?.color ?? null,
    nodeColor: (key) => colors.get(key) ?? neutral.note,
  };
}

const cache = new WeakMap<MapGraph, Map<string, TagPalette>>();

/**
 * The palette for a graph and options, built once per (tagDepth,
 * colorCommonTags, theme) and graph: O(V + tags) the first time, then free.
 */
export function buildTagPalette(graph: MapGraph, options: PaletteOptions): TagPalette {
  let perGraph = cache.get(graph);
  if (!perGraph) {
    perGraph = new Map();
    cache.set(graph, perGraph);
  }
  // Groups resolved as the palette reads them, so the legend (vault groups by default) and the map ([] for none) share one.
  const groups = options.groups ?? graph.getAttribute('view')?.colorGroups ?? [];
  const id = `${options.tagDepth}|${options.colorCommonTags ? 1 : 0}|${options.theme}|${groups.length > 0 ? JSON.stringify(groups) : ''}`;
  let palette = perGraph.get(id);
  if (!palette) {
    palette = buildTagPaletteUncached(graph, { ...options, groups });
    perGraph.set(id, palette);
  }
  return palette;
}
