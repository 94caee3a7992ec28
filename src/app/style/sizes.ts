/**
 * Node sizes: a square-root scale of a node's weight (its links, by
 * default; see size-by.ts for the other measures), so area (not radius)
 * grows with links, kept between a minimum that stays clickable
 * and a maximum that does not swallow its neighbours.
 */

import type { NodeKind } from '../../core/contract.js';

/** Radius (sigma size units, before sizeScale) of a node nobody links to. */
export const MIN_NODE_SIZE = 3;
/** Radius cap before sizeScale. */
export const MAX_NODE_SIZE = 18;
/** Growth per square root of a link. */
const SIZE_PER_SQRT_LINK = 1.6;
/** Dangling targets and attachments are drawn smaller than notes with the same links. */
const SECONDARY_FACTOR = 0.75;

/**
 * Size of a node: `min(MAX, MIN + k * sqrt(weight))` (weight: links or their equivalent), times 0.75 for a
 * dangling target or an attachment, times `sizeScale` (the size slider).
 * Negative or non-finite inputs count as 0 links / a scale of 1.
 */
export function nodeSize(weight: number, sizeScale: number, kind: NodeKind = 'note'): number {
  const links = Number.isFinite(weight) && weight > 0 ? weight : 0;
  const scale = Number.isFinite(sizeScale) && sizeScale > 0 ? sizeScale : 1;
  const base = Math.min(MAX_NODE_SIZE, MIN_NODE_SIZE + SIZE_PER_SQRT_LINK * Math.sqrt(links));
  return base * (kind === 'note' ? 1 : SECONDARY_FACTOR) * scale;
}
