/**
 * Crowding: the more nodes are drawn, the smaller each must be, or a large
 * vault at "fit" is a solid disc of overlapping dots. A multiplier on node
 * sizes from the number of visible nodes (1 up to DENSITY_FULL_SIZE nodes,
 * shrinking with the square root beyond, never under DENSITY_MIN).
 */

/** Up to this many visible nodes, sizes are not reduced. */
export const DENSITY_FULL_SIZE = 600;
/** The smallest multiplier (reached around 4,900 nodes). */
export const DENSITY_MIN = 0.35;
/** On-screen radius (px) under which a node gets no label, for an uncrowded map. */
export const LABEL_SIZE_THRESHOLD = 4;

/** Size multiplier for `visibleCount` drawn nodes. */
export function densityFactor(visibleCount: number): number {
  if (!(visibleCount > DENSITY_FULL_SIZE)) return 1;
  return Math.max(DENSITY_MIN, Math.sqrt(DENSITY_FULL_SIZE / visibleCount));
}

/** Up to this many visible nodes, size does not decide which nodes get labels. */
export const SMALL_MAP = 80;

/**
 * sigma's labelRenderedSizeThreshold for a density factor: smaller nodes in a
 * crowded map still get labels (the label grid keeps only the biggest per cell).
 */
export function labelThreshold(factor: number, visibleCount = Infinity): number {
  // A small map (a local view, a small vault) labels every node that has room.
  if (visibleCount <= SMALL_MAP) return 0;
  return LABEL_SIZE_THRESHOLD * factor;
}

/**
 * How far edges move toward the background in a crowded map (0 = not at
 * all), so thousands of them read as texture, not a grey mass.
 */
export function edgeFade(factor: number): number {
  return (1 - factor) * 0.7;
}

/** Labels per grid cell (sigma's labelDensity): a small map offers them all and lets overlap checks decide. */
export function labelDensity(visibleCount: number): number {
  return visibleCount <= SMALL_MAP ? 4 : 0.6;
}

/** Label text size (px) at a text-size setting of 1. */
export const LABEL_BASE_SIZE = 12;

/**
 * Opacity of ordinary labels at camera `ratio` (1 = the whole map fitted,
 * larger = zoomed out) for a text-fade setting `fade` in [0, 1], as
 * Obsidian's "text fade threshold": 0 never fades; otherwise labels are
 * whole up to half the threshold ratio and gone at it. The default 0.5 keeps
 * them whole at the fitted view and fades them out by twice as far out;
 * 1 shows them only zoomed in.
 */
export function labelFadeAlpha(ratio: number, fade: number): number {
  if (!(fade > 0)) return 1;
  const gone = 0.5 * 16 ** (1 - Math.min(1, fade));
  const whole = gone / 2;
  return Math.min(1, Math.max(0, (gone - ratio) / (gone - whole)));
}
