/**
 * The map's UI state: one small object, mirrored into the URL, read by the
 * renderer's reducers and the panels. Changing it goes through the store.
 */

import type { DetailsLoader } from '../details.js';
import type { ThemeController } from '../theme.js';
import type { MapGraph } from './visibility.js';
import type { ColorGroup } from '../../core/contract.js';
import { FORCE_DEFAULTS } from '../../core/force-settings.js';

export type Direction = 'in' | 'out' | 'both';
export type Theme = 'system' | 'light' | 'dark';
export type { SizeBy } from '../style/size-by.js';
import type { SizeBy } from '../style/size-by.js';
export type PanelName = 'summary' | 'health' | 'path' | null;
/** What the link-health panel shows on the map, everything else faded. */
export type HealthShow = 'orphans' | 'missing';
/** What the node colors stand for (the legend's mode switch). */
export type ColorBy = 'tag' | 'folder' | 'cluster' | 'groups';
/** Which date of a note the timeline reads. */
export type TimeField = 'created' | 'updated';

/**
 * Where the camera looks: sigma's camera state, x and y in its framed-graph
 * units (0..1 across the graph's extent), ratio its zoom (1 = the whole map,
 * smaller = closer).
 */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  /** Key of the selected node, or null. */
  selected: string | null;
  /** Which side panel is open. */
  panel: PanelName;
  showOrphans: boolean;
  showDangling: boolean;
  showDrafts: boolean;
  showAttachments: boolean;
  /** Tags whose notes are hidden (clicked off in the legend). */
  hiddenTags: string[];
  /** When non-empty, only notes carrying one of these tags are shown. */
  onlyTags: string[];
  /** Hide notes with fewer links (in + out) than this. */
  minLinks: number;
  /** 0 = whole graph; 1..3 = the selected note's neighbourhood to that depth. */
  localDepth: number;
  localDirection: Direction;
  /** Group nested tags to this many levels for coloring (0 = full tag). */
  tagDepth: number;
  /** Give a color to tags carried by more than half of the notes. */
  colorCommonTags: boolean;
  /** Node size multiplier. */
  sizeScale: number;
  /** What node size stands for: all links (as Obsidian), backlinks, PageRank or words. */
  sizeBy: SizeBy;
  /** Count embeds as links for node size. */
  sizeEmbeds: boolean;
  /** Label text size multiplier. */
  labelSize: number;
  /** Zoom (0 = never, 1 = always) below which labels fade out: Obsidian's "text fade threshold". */
  labelFade: number;
  arrows: boolean;
  theme: Theme;
  /** The timeline bar under the map is open. */
  timeline: boolean;
  /** The date the timeline reads. */
  timeField: TimeField;
  /** First and last month shown (month indices, src/core/dates.ts), null = open-ended. */
  timeFrom: number | null;
  timeTo: number | null;
  /** Notes without a (readable) date stay shown while a time range is set. */
  showUndated: boolean;
  /** All orphans or all missing notes stand out on the map (the health panel's "show on map"). */
  healthShow: HealthShow | null;
  /** Zoom and pan, once the user or the map has moved the camera (null: the map frames itself on open). */
  camera: CameraView | null;
  /** What colors stand for: tags, folders, clusters (Louvain communities) or query groups. */
  colorBy: ColorBy;
  /** Folder levels kept when coloring by folder (1 = top-level folder; 0 = auto: big folders split into subfolders). */
  folderDepth: number;
  /** The color groups ("query -> color", first match wins); null = the vault's own (Obsidian's graph.json). */
  groups: ColorGroup[] | null;
  /** Legend entries hidden in the folder, cluster and groups modes (their keys; cleared when the mode changes). */
  hiddenCategories: string[];
  /** When non-empty, only the notes of these legend entries are shown (folder, cluster and groups modes). */
  onlyCategories: string[];
  /** Show only the notes matching this query (the groups' query language); '' = no filter. */
  filter: string;
  /** Layout forces (Obsidian's sliders): pull to the centre, repulsion, link strength multiplier, link rest length. */
  centerForce: number;
  repelForce: number;
  linkForce: number;
  linkDistance: number;
  /** Draw unlinked mentions as dashed suggested links (never counted as links). */
  showMentions: boolean;
  /** "Path to…": the second note of the path from `selected` (null: no path shown). */
  pathTo: string | null;
  /** The path follows links only from source to target (else either way). */
  pathDirected: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  selected: null,
  panel: null,
  showOrphans: true,
  showDangling: true,
  showDrafts: true,
  showAttachments: false,
  hiddenTags: [],
  onlyTags: [],
  minLinks: 0,
  localDepth: 0,
  localDirection: 'both',
  tagDepth: 0,
  colorCommonTags: false,
  sizeScale: 1,
  sizeBy: 'links',
  sizeEmbeds: true,
  labelSize: 1,
  labelFade: 0.5,
  arrows: false,
  theme: 'system',
  timeline: false,
  timeField: 'created',
  timeFrom: null,
  timeTo: null,
  showUndated: true,
  healthShow: null,
  camera: null,
  colorBy: 'tag',
  folderDepth: 0,
  groups: null,
  hiddenCategories: [],
  onlyCategories: [],
  filter: '',
  centerForce: FORCE_DEFAULTS.centerForce,
  repelForce: FORCE_DEFAULTS.repelForce,
  linkForce: FORCE_DEFAULTS.linkForce,
  linkDistance: FORCE_DEFAULTS.linkDistance,
  showMentions: false,
  pathTo: null,
  pathDirected: false,
};

/** The one store of UI state. */
export interface Store {
  get(): ViewState;
  /**
   * Apply a change. `history: 'push'` makes a new browser-history entry
   * (selection changes), the default replaces the current one.
   */
  set(patch: Partial<ViewState>, options?: { history?: 'push' | 'replace' }): void;
  /** Called after every change with the new and the previous state; returns an unsubscribe. */
  subscribe(listener: (state: ViewState, previous: ViewState, change: StoreChange) => void): () => void;
}

/** How a change was asked for (read by the URL binding to push or replace history). */
export interface StoreChange {
  /** The `history` option given to `set`, undefined when none was given. */
  history?: 'push' | 'replace';
}

/** What panels may ask of the map. */
export interface MapController {
  /** Select nothing; move the camera so that this node is centred (animated). */
  focusNode(key: string): void;
  /** Frame the whole (visible) graph. */
  fit(): void;
  /** Highlight a node as a hover on the map does (null: none): a list entry pointed at. */
  highlight(key: string | null): void;
  /** Frame these nodes beside the panel, unless they are all in plain view already. */
  frameNodes(keys: Iterable<string>): void;
  /** Frame these nodes (those drawn); absent in tests that need no camera. */
  frame?(keys: Iterable<string>): void;
}

/** Everything a panel needs; built once by main.ts. */
export interface AppContext {
  graph: MapGraph;
  store: Store;
  map: MapController;
  /** The theme in force (the legend's colors follow it, as the canvas does). */
  theme: ThemeController;
  /** True in the Vite dev server, where the open-in-editor endpoint exists. */
  devServer: boolean;
  /**
   * Summaries, dates, word counts and link contexts may arrive after the map
   * (src/app/details.ts): a panel showing them asks here first. Absent: the
   * graph holds everything.
   */
  details?: DetailsLoader;
}

/** Anything mounted that must be torn down. */
export interface Disposable {
  dispose(): void;
}
