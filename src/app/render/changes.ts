/**
 * What a change of view state costs the renderer: nothing, new looks for the
 * same items (reducers again, no re-indexation), or a full refresh (what is
 * hidden, how big or which program changed, so labels and programs must be
 * re-indexed).
 */
import { sameValue } from '../state/store.js';
import type { ViewState } from '../state/types.js';
import { VISIBILITY_FIELDS } from '../state/visibility.js';

export type RenderChange = 'none' | 'looks' | 'full';

/** Fields that change what is drawn, sizes or programs: sigma must re-index. */
const FULL_FIELDS: ReadonlyArray<keyof ViewState> = [
  // Selection only moves the highlight, unless the local view follows it (handled below).
  ...VISIBILITY_FIELDS.filter((f) => f !== 'selected'),
  'sizeScale',
  'sizeBy',
  'sizeEmbeds',
  'labelSize',
  'arrows',
  // A path draws its links as arrows: another program.
  'pathTo',
  'pathDirected',
];

/**
 * Fields that only change colors or highlights. Not `theme`: the renderer
 * follows the resolved theme (theme.onChange), which also covers the system
 * theme changing, and redraws once there.
 */
const LOOK_FIELDS: ReadonlyArray<keyof ViewState> = ['selected', 'tagDepth', 'colorCommonTags', 'labelFade', 'showMentions', 'healthShow'];

/** How much redrawing going from `previous` to `next` needs. */
export function classifyChange(previous: ViewState, next: ViewState): RenderChange {
  // With a local view, the selection decides what is shown.
  if (next.localDepth > 0 && previous.selected !== next.selected) return 'full';
  // The selection is where a shown path starts.
  if ((next.pathTo !== null || previous.pathTo !== null) && previous.selected !== next.selected) return 'full';
  if (FULL_FIELDS.some((f) => !sameValue(previous[f], next[f]))) return 'full';
  if (LOOK_FIELDS.some((f) => !sameValue(previous[f], next[f]))) return 'looks';
  return 'none';
}
