/**
 * Positions for nodes added to a graph that is already laid out (a note
 * created or a new dangling link, in a live update), without moving any
 * other node: each new node starts beside the placed neighbours it links to
 * (or, linking nothing, in a new row under the orphans' band; the map
 * draws y upwards, so "under" is a lower y), then only the
 * new nodes relax, by the same forces, against their fixed surroundings.
 * Deterministic: new nodes in sorted key order, seeded forces, rounded output.
 */
import { DEFAULT_FORCES } from '../core/forces.js';
import { layoutRadius } from '../core/forces.js';
import { byCodeUnit } from '../core/order.js';
import type { NotemapGraph } from './build-graph.js';
import { sunflower } from './initial-positions.js';
import { ForceKernel, relax } from './layout-kernel.js';
import { BAND_PITCH } from './layout.js';
import { round2 } from './round-json.js';

/** Existing nodes closer than this to a new one push it (layout units). */
const NEIGHBOURHOOD = 4 * DEFAULT_FORCES.linkDistance;
const SLOT = 12;

/** Writes `x`, `y` on the nodes `newKeys` of `graph`; every other node keeps its position. */
export function placeNewNodes(graph: NotemapGraph, newKeys: readonly string[]): void {
  const fresh = [...new Set(newKeys)].filter((k) => graph.hasNode(k)).sort(byCodeUnit);
  if (fresh.length === 0) return;
  const isFresh = new Set(fresh);
  const pos = new Map<string, { x: number; y: number }>();
  graph.forEachNode((key, a) => {
    if (!isFresh.has(key) && Number.isFinite(a.x) && Number.isFinite(a.y)) pos.set(key, { x: a.x, y: a.y });
  });
  const existing = [...pos.keys()];
  // Rounds: a new node linked only to other new nodes waits until one of them is placed.
  const linked: string[] = [];
  let pending = fresh;
  while (pending.length > 0) {
    const next: string[] = [];
    for (const key of pending) {
      const around = graph.neighbors(key).filter((k) => pos.has(k)).sort(byCodeUnit);
      if (around.length === 0) {
        next.push(key);
        continue;
      }
      let x = 0;
      let y = 0;
      for (const k of around) {
        x += pos.get(k)!.x / around.length;
        y += pos.get(k)!.y / around.length;
      }
      const off = sunflower(linked.length + 1, DEFAULT_FORCES.linkDistance / 2);
      pos.set(key, { x: x + off.x, y: y + off.y });
      linked.push(key);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  placeLoose(graph, pending, existing, pos);
  relaxAround(graph, linked, existing, pos);
  for (const key of fresh) {
    const p = pos.get(key)!;
    graph.mergeNodeAttributes(key, { x: round2(p.x), y: round2(p.y) });
  }
}

/** New nodes that link nothing placed: a new row under the existing orphans (or right of everything). */
function placeLoose(graph: NotemapGraph, loose: readonly string[], existing: readonly string[], pos: Map<string, { x: number; y: number }>): void {
  if (loose.length === 0) return;
  const orphans = existing.filter((k) => {
    const a = graph.getNodeAttributes(k);
    return a.kind === 'note' && a.orphan;
  });
  const from = orphans.length > 0 ? orphans : existing;
  let minX = 0;
  let maxX = 0;
  let minY = 0;
  from.forEach((k, i) => {
    const p = pos.get(k)!;
    if (i === 0 || p.x < minX) minX = p.x;
    if (i === 0 || p.x > maxX) maxX = p.x;
    if (i === 0 || p.y < minY) minY = p.y;
  });
  // The band's own slot room, so a new note's label has room beside the others.
  const { column, row } = BAND_PITCH;
  const left = orphans.length > 0 ? minX : maxX + 4 * SLOT;
  const columns = orphans.length > 0 ? Math.max(1, Math.round((maxX - minX) / column) + 1) : 1;
  loose.forEach((key, i) => {
    pos.set(key, { x: left + (i % columns) * column, y: minY - row * (1 + Math.floor(i / columns)) });
  });
}

/** Relaxes the `linked` new nodes against every existing node near them, those held fixed. */
function relaxAround(graph: NotemapGraph, linked: readonly string[], existing: readonly string[], pos: Map<string, { x: number; y: number }>): void {
  if (linked.length === 0) return;
  const near = new Set<string>();
  const r2 = NEIGHBOURHOOD * NEIGHBOURHOOD;
  for (const key of existing) {
    const p = pos.get(key)!;
    for (const f of linked) {
      const q = pos.get(f)!;
      if ((p.x - q.x) ** 2 + (p.y - q.y) ** 2 < r2) {
        near.add(key);
        break;
      }
    }
  }
  for (const f of linked) for (const k of graph.neighbors(f)) if (pos.has(k) && !linked.includes(k)) near.add(k);
  const keys = [...linked, ...[...near].sort(byCodeUnit)];
  const at = new Map(keys.map((k, i) => [k, i]));
  const n = keys.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const radius = new Float64Array(n);
  const fixed = new Uint8Array(n);
  keys.forEach((k, i) => {
    x[i] = pos.get(k)!.x;
    y[i] = pos.get(k)!.y;
    radius[i] = layoutRadius(graph.getNodeAttribute(k, 'inDegree') ?? 0);
    fixed[i] = i >= linked.length ? 1 : 0;
  });
  const src: number[] = [];
  const dst: number[] = [];
  for (const f of linked) {
    for (const k of graph.neighbors(f).sort(byCodeUnit)) {
      const j = at.get(k);
      const i = at.get(f)!;
      if (j === undefined || (j < linked.length && j < i)) continue;
      src.push(i);
      dst.push(j);
    }
  }
  const kernel = new ForceKernel({ x, y, radius, fixed, links: { source: Int32Array.from(src), target: Int32Array.from(dst) }, forces: { gravity: 0 } });
  relax(kernel, { alpha: 0.3, maxTicks: 80, tolerance: 0.05 });
  linked.forEach((k, i) => pos.set(k, { x: x[i], y: y[i] }));
}
