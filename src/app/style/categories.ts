/**
 * Color by folder, by cluster or by groups: each note falls in exactly one
 * category (its folder at the chosen depth, its Louvain cluster, the first
 * group rule it matches), which gives its color and its legend row. Pure,
 * and memoized per graph and options so the node reducer is a Map lookup.
 *
 * - folder and cluster: categories by count, most notes first (ties by
 *   key); the first PALETTE.length get the palette's colors, the rest grey.
 *   Notes alone in their cluster share one last grey row.
 * - groups: the rules in their order, each with its own color (first match
 *   wins, as in Obsidian), then "no group" (grey) for the notes none matches.
 * - Dangling targets and attachments keep their neutral looks.
 */
import type { ColorGroup } from '../../core/contract.js';
import { byCodeUnit } from '../../core/order.js';
import type { ColorBy } from '../state/types.js';
import type { MapGraph } from '../state/visibility.js';
import { nameClusters } from './clusters.js';
import { onGraphChange } from '../live/graph-change.js';
import { compileQuery } from './color-groups.js';
import { NEUTRALS, PALETTE, type ResolvedTheme } from './colors.js';
import { autoFolders, folderAtDepth, folderLabel } from './folders.js';

export type CategoryMode = Exclude<ColorBy, 'tag'>;

/** The key of the notes alone in their community (cluster mode). */
export const SOLO_CLUSTER = 'solo';

/** The key of the notes no group rule matches. */
export const NO_GROUP = 'none';

export interface CategoryEntry {
  /** What hiddenCategories / onlyCategories hold. */
  key: string;
  /** What the legend shows (folder path, cluster name, group query). */
  label: string;
  count: number;
  color: string | null;
  /** Clusters: how the name was chosen. */
  by?: 'tag' | 'hub';
}

export interface CategoryScheme {
  mode: CategoryMode;
  legend: CategoryEntry[];
  notesTotal: number;
  /** The category of a note (null for other nodes). */
  categoryOf(key: string): string | null;
  /** Fill color of a node by key. */
  nodeColor(key: string): string;
}

export interface CategoryOptions {
  mode: CategoryMode;
  folderDepth: number;
  /** The group rules in force (groups mode). */
  groups: readonly ColorGroup[];
  theme: ResolvedTheme;
}

function byCount(a: CategoryEntry, b: CategoryEntry): number {
  return b.count - a.count || byCodeUnit(a.key, b.key);
}

/** Build without memoization (see buildCategoryScheme). */
export function buildCategorySchemeUncached(graph: MapGraph, options: CategoryOptions): CategoryScheme {
  const neutral = NEUTRALS[options.theme];
  const category = new Map<string, string>();
  let legend: CategoryEntry[];

  if (options.mode === 'cluster') {
    // A note alone in its community (an orphan, mostly) is not a cluster: they share one grey row.
    const solo: CategoryEntry = { key: SOLO_CLUSTER, label: 'Notes on their own', count: 0, color: null };
    legend = nameClusters(graph).flatMap((c) => {
      const key = c.count > 1 ? c.key : SOLO_CLUSTER;
      for (const note of c.notes) category.set(note, key);
      if (c.count > 1) return [{ key, label: c.name, count: c.count, color: null, by: c.by }];
      solo.count++;
      return [];
    });
    if (solo.count > 0) legend.push(solo);
  } else if (options.mode === 'folder') {
    const entries = new Map<string, CategoryEntry>();
    const paths = new Map<string, string>();
    graph.forEachNode((key, a) => {
      if (a.kind === 'note') paths.set(key, a.path ?? key);
    });
    // Depth 0 is "Auto": big folders split into their subfolders (folders.ts).
    const auto = options.folderDepth === 0 ? autoFolders([...paths.values()]) : null;
    graph.forEachNode((key, a) => {
      if (a.kind !== 'note') return;
      const path = paths.get(key)!;
      const folder = auto ? auto.get(path)! : folderAtDepth(path, options.folderDepth);
      category.set(key, folder);
      const e = entries.get(folder);
      if (e) e.count++;
      else entries.set(folder, { key: folder, label: folderLabel(folder), count: 1, color: null });
    });
    legend = [...entries.values()].sort(byCount);
  } else {
    const tests = options.groups.map((g) => compileQuery(g.query));
    // A rule just added has no query yet: its legend row says so rather than being a blank line.
    legend = options.groups.map((g, i) => ({ key: String(i), label: g.query.trim() === '' ? 'New group: type its query' : g.query, count: 0, color: g.color }));
    const none: CategoryEntry = { key: NO_GROUP, label: 'No group', count: 0, color: null };
    graph.forEachNode((key, a) => {
      if (a.kind !== 'note') return;
      const i = tests.findIndex((t) => t(a));
      const entry = i >= 0 ? legend[i] : none;
      entry.count++;
      category.set(key, entry.key);
    });
    legend.push(none);
  }

  if (options.mode !== 'groups') legend.filter((e) => e.key !== SOLO_CLUSTER).slice(0, PALETTE.length).forEach((e, i) => (e.color = PALETTE[i]));
  const colorOf = new Map(legend.map((e) => [e.key, e.color]));
  return {
    mode: options.mode,
    legend,
    notesTotal: category.size,
    categoryOf: (key) => category.get(key) ?? null,
    nodeColor(key) {
      const c = category.get(key);
      if (c !== undefined) return colorOf.get(c) ?? neutral.note;
      const kind = graph.hasNode(key) ? graph.getNodeAttribute(key, 'kind') : 'note';
      return kind === 'dangling' ? neutral.dangling : kind === 'attachment' ? neutral.attachment : neutral.note;
    },
  };
}

const cache = new WeakMap<MapGraph, { shape: string; schemes: Map<string, CategoryScheme> }>();
const watched = new WeakSet<MapGraph>();

/** The scheme for a graph and options, built once per options (again after a live change, or when nodes or links come or go). */
export function buildCategoryScheme(graph: MapGraph, options: CategoryOptions): CategoryScheme {
  const shape = `${graph.order}|${graph.size}`;
  let perGraph = cache.get(graph);
  // A live change can move a note to another folder or cluster without changing the counts.
  if (!watched.has(graph)) {
    watched.add(graph);
    onGraphChange(graph, () => cache.delete(graph));
  }
  if (!perGraph || perGraph.shape !== shape) cache.set(graph, (perGraph = { shape, schemes: new Map() }));
  const id = JSON.stringify([options.mode, options.mode === 'folder' ? options.folderDepth : 0, options.theme, options.mode === 'groups' ? options.groups : 0]);
  let scheme = perGraph.schemes.get(id);
  if (!scheme) {
    scheme = buildCategorySchemeUncached(graph, options);
    perGraph.schemes.set(id, scheme);
  }
  return scheme;
}
