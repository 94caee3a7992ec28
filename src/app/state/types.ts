/**
 * The map's UI state: one small object, mirrored into the URL, read by the
 * renderer's reducers and the panels. Changing it goes through the store.
 */

export type Direction = 'in' | 'out' | 'both';
export type Theme = 'system' | 'light' | 'dark';
export type PanelName = 'summary' | 'health' | null;

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
  arrows: boolean;
  theme: Theme;
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
  arrows: false,
  theme: 'system',
};
