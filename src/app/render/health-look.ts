/**
 * The link-health panel's "show on map" (issue 10.9): all orphans, or all
 * missing notes, stand out and everything else fades, so where they sit in
 * the vault reads at a glance. The node pointed at (in the list or on the
 * map) stands out most. Pure, like reducers.ts, which hooks these in.
 */
import type { NodeAttributes } from '../../core/contract.js';
import type { HealthShow } from '../state/types.js';
import { mixColor } from './palette.js';
import type { EdgeLook, LookModel, NodeLook } from './reducers.js';

/** True when a node with `attrs` is one of what `show` picks out. */
export function inHealthShow(show: HealthShow, attrs: NodeAttributes): boolean {
  return show === 'orphans' ? attrs.kind === 'note' && attrs.orphan === true : attrs.kind === 'dangling';
}

/** A shown node's look while a health view is on: it replaces the hover and selection emphasis. */
export function healthNodeLook(show: HealthShow, key: string, attrs: NodeAttributes, look: NodeLook, m: LookModel): NodeLook {
  const p = m.palette;
  if (key === m.hovered) return { ...look, highlighted: true, forceLabel: true, zIndex: 3 };
  if (inHealthShow(show, attrs)) {
    // Missing notes are drawn as pale ghosts: in this view they take the label color, so they show.
    return attrs.kind === 'dangling' ? { ...look, color: p.labelMuted, zIndex: 2 } : { ...look, zIndex: 2 };
  }
  const faded: NodeLook = { ...look, color: mixColor(look.color ?? p.labelMuted, p.background, p.fade), label: null, zIndex: 0 };
  if (look.ringColor) faded.ringColor = mixColor(look.ringColor, p.background, p.fade);
  return faded;
}

/** A shown edge's look while a health view is on: the links into missing notes show who names them; the rest fade. */
export function healthEdgeLook(show: HealthShow, target: string, look: EdgeLook, m: LookModel): EdgeLook {
  const intoMissing = show === 'missing' && m.graph.getNodeAttribute(target, 'kind') === 'dangling';
  return { ...look, color: intoMissing ? m.palette.labelMuted : m.palette.edgeFaded };
}
