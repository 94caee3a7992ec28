/**
 * Two numbers that say whether a layout shows the vault's structure, for the
 * bench and the tests (no eye needed):
 * - `linkRatio`: mean length of a link between two notes divided by the mean
 *   distance between two notes drawn at random (a seeded sample). Lower is
 *   better: linked notes sit together, clusters are tight and apart. A
 *   random placement scores about 1.
 * - `mainShare`: the share of the whole drawing's bounding box that the
 *   largest component's bounding box covers: how much of the fitted view
 *   the connected part gets (1 when it is all there is).
 */
import type { NotemapGraph } from './build-graph.js';
import { seededRandom } from './metrics.js';

export interface LayoutQuality {
  linkRatio: number;
  mainShare: number;
}

const SAMPLE_SEED = 0x6c61796f; // "layo"

export function layoutQuality(graph: NotemapGraph, samples = 4000): LayoutQuality {
  const xs: number[] = [];
  const ys: number[] = [];
  const at = new Map<string, number>();
  let all = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  let main = { ...all };
  const grow = (b: typeof all, x: number, y: number) => {
    if (x < b.minX) b.minX = x;
    if (x > b.maxX) b.maxX = x;
    if (y < b.minY) b.minY = y;
    if (y > b.maxY) b.maxY = y;
  };
  graph.forEachNode((key, a) => {
    grow(all, a.x, a.y);
    if (a.kind !== 'note') return;
    at.set(key, xs.length);
    xs.push(a.x);
    ys.push(a.y);
    if (a.component === 0 && !a.orphan) grow(main, a.x, a.y);
  });
  let linkSum = 0;
  let links = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    const i = at.get(s);
    const j = at.get(t);
    if (i === undefined || j === undefined) return;
    linkSum += Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
    links++;
  });
  const random = seededRandom(SAMPLE_SEED);
  let pairSum = 0;
  let pairs = 0;
  if (xs.length >= 2) {
    for (let k = 0; k < samples; k++) {
      const i = Math.floor(random() * xs.length);
      const j = Math.floor(random() * xs.length);
      if (i === j) continue;
      pairSum += Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
      pairs++;
    }
  }
  const area = (b: typeof all) => (b.maxX >= b.minX ? Math.max(b.maxX - b.minX, 1) * Math.max(b.maxY - b.minY, 1) : 0);
  const linkMean = links > 0 ? linkSum / links : 0;
  const pairMean = pairs > 0 ? pairSum / pairs : 0;
  return {
    linkRatio: pairMean > 0 ? linkMean / pairMean : 0,
    mainShare: area(all) > 0 ? area(main) / area(all) : 0,
  };
}
