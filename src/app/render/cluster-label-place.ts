/**
 * Where the cluster names go over the map in cluster mode: at the centroid
 * of each cluster's shown notes, biggest clusters first, sized by the
 * cluster's size and faded out as the user zooms in (close up, note labels
 * take over). A name that would overlap one already placed, or leave the
 * viewport, is skipped. Pure: viewport coordinates in, labels out.
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
/** At most this many names at once. */
export const MAX_CLUSTER_LABELS = 14;
/** Names are fully drawn from this camera ratio out, and gone at FADE_IN. */
export const FADE_FULL = 0.9;
export const FADE_IN = 0.35;
const MAX_CHARS = 32;

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
  const ordered = spots.filter((s) => s.count >= MIN_LABELED_NOTES && s.name !== '').sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const boxes: Array<[number, number, number, number]> = [];
  const placed: PlacedClusterLabel[] = [];
  const pad = 6;
  for (const spot of ordered) {
    if (placed.length >= MAX_CLUSTER_LABELS) break;
    const text = shorten(spot.name);
    const size = clusterLabelSize(spot.count, options.ratio);
    // The pill drawn around the text (cluster-labels.ts): half a size of padding each side, 1.5 sizes tall.
    const w = (options.measure(text, size) + size) / 2 + pad;
    const h = size * 0.75 + pad;
    const box: [number, number, number, number] = [spot.x - w, spot.y - h, spot.x + w, spot.y + h];
    if (box[0] < 0 || box[1] < 0 || box[2] > options.width || box[3] > options.height) continue;
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box);
    placed.push({ key: spot.key, text, x: spot.x, y: spot.y, size, alpha, color: spot.color });
  }
  return placed;
}
