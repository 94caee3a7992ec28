import { describe, expect, it } from 'vitest';
import { MAX_NODE_SIZE, MIN_NODE_SIZE, nodeSize } from '../../../src/app/style/sizes.js';

describe('nodeSize', () => {
  it('grows with the square root of incoming links, from a minimum to a maximum', () => {
    expect(nodeSize(0, 1, 'note')).toBe(MIN_NODE_SIZE);
    const s1 = nodeSize(1, 1, 'note') - MIN_NODE_SIZE;
    const s4 = nodeSize(4, 1, 'note') - MIN_NODE_SIZE;
    const s16 = nodeSize(16, 1, 'note') - MIN_NODE_SIZE;
    expect(s4).toBeCloseTo(2 * s1);
    expect(s16).toBeCloseTo(4 * s1);
    expect(nodeSize(1_000_000, 1, 'note')).toBe(MAX_NODE_SIZE);
  });

  it('scales with the slider and draws dangling targets and attachments smaller', () => {
    expect(nodeSize(9, 2, 'note')).toBeCloseTo(2 * nodeSize(9, 1, 'note'));
    expect(nodeSize(9, 1, 'dangling')).toBeLessThan(nodeSize(9, 1, 'note'));
    expect(nodeSize(9, 1, 'attachment')).toBe(nodeSize(9, 1, 'dangling'));
  });

  it('treats bad input as no links and a scale of 1', () => {
    expect(nodeSize(-5, 1)).toBe(MIN_NODE_SIZE);
    expect(nodeSize(Number.NaN, Number.NaN)).toBe(MIN_NODE_SIZE);
    expect(nodeSize(0, 0)).toBe(MIN_NODE_SIZE);
  });
});
