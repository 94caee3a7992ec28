/** The hit index: nearest node within a few pixels of its centre, nearest link within a few pixels of its line. */
import { describe, expect, it } from 'vitest';
import { buildHitIndex, segmentDistance } from '../../../src/app/render/hit-index.js';

const nodes = [
  { key: 'tiny', x: 100, y: 100, r: 1.4 },
  { key: 'big', x: 200, y: 100, r: 20 },
  { key: 'far', x: 500, y: 500, r: 2 },
  { key: 'off', x: -400, y: 100, r: 2 },
];
const edges = [
  { key: 'long', x1: 0, y1: 300, x2: 800, y2: 300 },
  { key: 'diagonal', x1: 0, y1: 0, x2: 600, y2: 600 },
  { key: 'offscreen', x1: -900, y1: 350, x2: 2000, y2: 350 },
];
const index = buildHitIndex(nodes, edges, 800, 600);

describe('hit index', () => {
  it('finds a tiny node within 8 px of its centre, and a big one within its radius', () => {
    expect(index.nearestNode(100, 100, 8)).toBe('tiny');
    expect(index.nearestNode(106, 104, 8)).toBe('tiny');
    expect(index.nearestNode(110, 100, 8)).toBeNull();
    expect(index.nearestNode(215, 100, 8)).toBe('big');
    expect(index.nearestNode(-400, 100, 8)).toBeNull();
  });

  it('finds a link within 5 px of its line anywhere along it, the nearest when several are close', () => {
    // Away from where the diagonal crosses it.
    for (let x = 10; x < 800; x += 37) if (Math.abs(x - 300) > 12) expect(index.nearestEdge(x, 303, 5)).toBe('long');
    expect(index.nearestEdge(400, 307, 5)).toBeNull();
    expect(index.nearestEdge(320, 301, 5)).toBe('long');
    expect(index.nearestEdge(298, 296, 5)).toBe('diagonal');
    // A link longer than the screen is found on its visible part.
    expect(index.nearestEdge(400, 352, 5)).toBe('offscreen');
  });

  it('segmentDistance measures to the segment, not the infinite line', () => {
    expect(segmentDistance(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(segmentDistance(14, 3, 0, 0, 10, 0)).toBe(5);
  });
});
