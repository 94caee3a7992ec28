import { describe, expect, it } from 'vitest';
import {
  clusterLabelAlpha,
  clusterFocusAlpha,
  clusterLabelSize,
  clusterViewScale,
  FADE_FULL,
  FADE_IN,
  FOCUSED_ALPHA,
  MAX_CLUSTER_LABELS,
  MAX_SPREAD,
  MIN_VIEW_SCALE,
  placeClusterLabels,
  type ClusterSpot,
} from '../../../src/app/render/cluster-label-place.js';

const measure = (text: string, size: number) => text.length * size * 0.6;
const spot = (key: string, count: number, x: number, y: number, name = `c${key}`): ClusterSpot => ({ key, name, count, x, y, color: null });
const options = { ratio: 1, width: 1000, height: 800, measure };

describe('cluster names on the map', () => {
  it('fade in as the user zooms out', () => {
    expect(clusterLabelAlpha(FADE_IN)).toBe(0);
    expect(clusterLabelAlpha(0.1)).toBe(0);
    expect(clusterLabelAlpha(FADE_FULL)).toBe(1);
    expect(clusterLabelAlpha(3)).toBe(1);
    const mid = clusterLabelAlpha((FADE_IN + FADE_FULL) / 2);
    expect(mid).toBeGreaterThan(0.4);
    expect(mid).toBeLessThan(0.6);
    expect(placeClusterLabels([spot('0', 10, 500, 400)], { ...options, ratio: 0.2 })).toEqual([]);
  });

  it('bigger clusters get bigger names', () => {
    expect(clusterLabelSize(50, 1)).toBeGreaterThan(clusterLabelSize(3, 1));
    expect(clusterLabelSize(100000, 1)).toBeLessThanOrEqual(24);
  });

  it('sit at the centroid, biggest first, never overlapping, never off screen', () => {
    const placed = placeClusterLabels(
      [
        spot('small', 3, 505, 402), // on the big one: moved just above it
        spot('big', 40, 500, 400),
        spot('far', 5, 200, 150),
        spot('edge', 9, 2, 400), // would leave the viewport
        spot('pair', 2, 800, 700), // too small to be a region
      ],
      options,
    );
    expect(placed.map((p) => p.key)).toEqual(['big', 'far', 'small']);
    expect(placed[0]).toMatchObject({ x: 500, y: 400, text: 'cbig', alpha: 1 });
    expect(placed[2].y).toBeLessThan(400);
    const overlap = (a: (typeof placed)[0], b: (typeof placed)[0]) =>
      Math.abs(a.x - b.x) < (measure(a.text, a.size) + measure(b.text, b.size)) / 2 && Math.abs(a.y - b.y) < (a.size + b.size) * 0.75;
    expect(overlap(placed[0], placed[2])).toBe(false);
  });

  it('skip a name with no free place around its centroid', () => {
    const stack = [spot('a', 50, 500, 400), spot('b', 40, 500, 350), spot('c', 30, 500, 450), spot('d', 3, 500, 400)];
    expect(placeClusterLabels(stack, options).map((p) => p.key)).not.toContain('d');
  });

  it('shorten long names and cap how many are drawn', () => {
    const long = placeClusterLabels([spot('0', 5, 500, 400, 'x'.repeat(80))], options);
    expect(long[0].text.length).toBeLessThanOrEqual(32);
    expect(long[0].text.endsWith('…')).toBe(true);
    const many = Array.from({ length: 40 }, (_, i) => spot(String(i), 5, 40 + (i % 8) * 120, 40 + Math.floor(i / 8) * 150, 'n'));
    expect(placeClusterLabels(many, options).length).toBe(MAX_CLUSTER_LABELS);
  });
});

describe('on a small map', () => {
  it('names are smaller and fewer, so they leave the notes in sight', () => {
    const spots = Array.from({ length: 40 }, (_, i) => spot(String(i), 24 - (i % 5), 40 + (i % 8) * 110, 30 + Math.floor(i / 8) * 60, 'name'));
    const full = placeClusterLabels(spots, options);
    // A 900 by 600 window: the map above the stacked sidebar is about 900 by 300.
    const small = placeClusterLabels(spots, { ...options, width: 900, height: 300 });
    expect(clusterViewScale(1000, 800)).toBe(1);
    expect(clusterViewScale(900, 300)).toBeCloseTo(MIN_VIEW_SCALE);
    expect(small.length).toBeLessThan(full.length);
    expect(small.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...small.map((l) => l.size))).toBeLessThan(Math.min(...full.map((l) => l.size)) + 0.001);
    expect(Math.min(...small.map((l) => l.size))).toBeGreaterThanOrEqual(10);
  });
});

describe('while notes stand out', () => {
  it('names fade under a hover, a selection or a path, and come back after', () => {
    const none = new Set<string>();
    expect(clusterFocusAlpha({ hovered: null, selectSet: none, path: null })).toBe(1);
    expect(clusterFocusAlpha({ hovered: 'a', selectSet: none })).toBe(FOCUSED_ALPHA);
    expect(clusterFocusAlpha({ hovered: null, selectSet: new Set(['a', 'b']) })).toBe(FOCUSED_ALPHA);
    expect(clusterFocusAlpha({ hovered: null, selectSet: none, path: { nodes: [] } })).toBe(FOCUSED_ALPHA);
    expect(FOCUSED_ALPHA).toBeLessThan(0.5);
  });
});

describe('scattered clusters', () => {
  it('get no name: their centroid is not a region', () => {
    const spots = [
      { ...spot('tight', 10, 300, 300), spread: 0.2 },
      { ...spot('mixed', 20, 600, 400), spread: MAX_SPREAD + 0.1 },
    ];
    expect(placeClusterLabels(spots, options).map((p) => p.key)).toEqual(['tight']);
  });
});
