/**
 * Where the cluster names go over the map in cluster mode: at the centroid
 * of each cluster's shown notes (when they form a region), biggest clusters first, sized by the
 * cluster's size and faded out as the user zooms in (close up, note labels
 * take over). A name that would overlap one already placed, or leave the
 * viewport, moves just above or below its centroid, else is skipped. A
 * small map (a small window, the stacked layout) gets smaller and fewer
 * names, so they do not hide the notes they name. Pure: viewport
 * coordinates in, labels out.
 */

export interface ClusterSpot {
  key: string;
  name: string;
  /** Shown notes of the cluster. */
  count: number;
  /** Centroid in viewport pixels. */
  x: number;
  y: number;
  color: string | null;
  /**
   * How scattered the cluster is: the RMS distance of its notes to its
   * centroid over that of all shown notes to theirs (0 = a tight region,
   * about 1 = spread over the whole map). Default 0.
   */
  spread?: number;
}

export interface PlacedClusterLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  /** Font size in CSS pixels. */
  size: number;
  alpha: number;
  color: string | null;
}

export interface PlaceOptions {
  /** sigma's camera ratio (1 = the whole map fits; bigger = further out). */
  ratio: number;
  width: number;
  height: number;
  /** Width of `text` at font size `size`, in pixels. */
  measure(text: string, size: number): number;
}

/** Clusters with fewer shown notes get no name on the map (a pair is not a region). */
export const MIN_LABELED_NOTES = 3;
/**
 * A cluster more scattered than this is not a region (its notes sit among
 * other clusters' and its centroid is just the middle of the map): no name.
 * Measured: the sample vault's intermixed clusters are 0.68 to 0.77,
 * foam-docs' 0.30 to 0.47, kepano's 0.07 to 0.27.
 */
export const MAX_SPREAD = 0.6;
/** At most this many names at once. */
export const MAX_CLUSTER_LABELS = 14;
/** Names are fully drawn from this camera ratio out, and gone at FADE_IN. */
export const FADE_FULL = 0.9;
export const FADE_IN = 0.35;
const MAX_CHARS = 32;
/** A map at least this big (CSS pixels) draws names at full size; a smaller one scales them down to MIN_VIEW_SCALE. */
export const FULL_VIEW = { width: 1000, height: 600 };
export const MIN_VIEW_SCALE = 0.6;
/** Smallest name drawn, in CSS pixels (still readable). */
const MIN_FONT = 10;

/**
 * How big names are on a map of this size, 1 on a full-size map: at 900 by 300
 * (a 900 by 600 window, the map above the stacked sidebar) full-size names
 * covered most of kepano's clusters.
 */
export function clusterViewScale(width: number, height: number): number {
  return Math.min(1, Math.max(MIN_VIEW_SCALE, Math.min(width / FULL_VIEW.width, height / FULL_VIEW.height)));
}

/** How strongly names show while the map emphasises some notes (a hover, a selection, a path). */
export const FOCUSED_ALPHA = 0.3;

/**
 * 1, or FOCUSED_ALPHA while a note is hovered or selected or a path is
 * shown: the rest of the map fades then, and full-strength names covered
 * the very notes that stand out (a path's end under its cluster's name).
 */
export function clusterFocusAlpha(look: { hovered: string | null; selectSet: ReadonlySet<string>; path?: unknown }): number {
  return look.hovered !== null || look.selectSet.size > 0 || (look.path !== null && look.path !== undefined) ? FOCUSED_ALPHA : 1;
}

/** 0..1: how strongly names show at this camera ratio. */
export function clusterLabelAlpha(ratio: number): number {
  if (ratio >= FADE_FULL) return 1;
  if (ratio <= FADE_IN) return 0;
  return (ratio - FADE_IN) / (FADE_FULL - FADE_IN);
}

/** Font size for a cluster of `count` notes at camera ratio `ratio`: 13 to 24 px, a little smaller far out. */
export function clusterLabelSize(count: number, ratio: number): number {
  const base = Math.min(24, 12 + 2.2 * Math.log2(Math.max(1, count)));
  const zoom = Math.min(1.1, Math.max(0.75, 1 / Math.sqrt(Math.max(ratio, 0.01))));
  return Math.round(base * zoom * 10) / 10;
}

function shorten(text: string): string {
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS - 1).trimEnd() + '…' : text;
}

export function placeClusterLabels(spots: readonly ClusterSpot[], options: PlaceOptions): PlacedClusterLabel[] {
  const alpha = clusterLabelAlpha(options.ratio);
  if (alpha === 0) return [];
  const scale = clusterViewScale(options.width, options.height);
  const most = Math.max(3, Math.round(MAX_CLUSTER_LABELS * scale * scale));
  const ordered = spots.filter((s) => s.count >= MIN_LABELED_NOTES && s.name !== '' && (s.spread ?? 0) <= MAX_SPREAD).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const boxes: Array<[number, number, number, number]> = [];
  const placed: PlacedClusterLabel[] = [];
  const pad = 6;
  for (const spot of ordered) {
    if (placed.length >= most) break;
    const text = shorten(spot.name);
    const size = scale === 1 ? clusterLabelSize(spot.count, options.ratio) : Math.max(MIN_FONT, Math.round(clusterLabelSize(spot.count, options.ratio) * scale * 10) / 10);
    // The pill drawn around the text (cluster-labels.ts): half a size of padding each side, 1.5 sizes tall.
    const w = (options.measure(text, size) + size) / 2 + pad;
    const h = size * 0.75 + pad;
    const boxAt = (y: number): [number, number, number, number] => [spot.x - w, y - h, spot.x + w, y + h];
    const blocker = (box: [number, number, number, number]) => boxes.find((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
    const inView = (box: [number, number, number, number]) => box[0] >= 0 && box[1] >= 0 && box[2] <= options.width && box[3] <= options.height;
    // At the centroid, else just above or below the name in the way (near the centroid still), so that a
    // marginal overlap does not cost a big cluster its name.
    const first = blocker(boxAt(spot.y));
    const candidates = first === undefined ? [spot.y] : [first[1] - h - 1, first[3] + h + 1].filter((y) => Math.abs(y - spot.y) <= 3 * h);
    const y = candidates.find((c) => inView(boxAt(c)) && blocker(boxAt(c)) === undefined);
    if (y === undefined) continue;
    boxes.push(boxAt(y));
    placed.push({ key: spot.key, text, x: spot.x, y, size, alpha, color: spot.color });
  }
  return placed;
}
