/** roundedJson writes exactly what JSON.stringify with graph.json's old replacer wrote (write.ts). */
import { describe, expect, it } from 'vitest';
import { roundedJson } from '../../../src/extract/round-json.js';
import { createRandom } from '../../../scripts/lib/prng.js';

/** The replacer write.ts used before (the reference). */
function replacer(key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  if (!Number.isFinite(value)) return 0;
  if (key === 'x' || key === 'y') {
    const r = Math.round(value * 100) / 100;
    return Object.is(r, -0) ? 0 : r;
  }
  return Number(value.toPrecision(6));
}

const KEYS = ['x', 'y', 'pagerank', 'count', 'title', 'nested', 'list', '0'];

function randomValue(random: ReturnType<typeof createRandom>, depth: number): unknown {
  const r = random.int(10);
  if (depth <= 0 || r < 5) {
    return [1.23456789, -0.004, -0.0000001, 12345678.9, 3, -7, NaN, Infinity, -Infinity, 'text', true, null, undefined, 0.1 + 0.2][random.int(14)];
  }
  if (r < 7) return Array.from({ length: random.int(4) }, () => randomValue(random, depth - 1));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < random.int(5); i++) out[KEYS[random.int(KEYS.length)]] = randomValue(random, depth - 1);
  return out;
}

describe('roundedJson', () => {
  it('equals JSON.stringify with the rounding replacer', () => {
    const random = createRandom(7);
    for (let i = 0; i < 3000; i++) {
      const value = { key: 'n', attributes: randomValue(random, 4) };
      expect(roundedJson(value)).toBe(JSON.stringify(value, replacer));
    }
  });

  it('leaves the value it writes unchanged', () => {
    const value = { x: 1.23456, nested: { pagerank: 0.123456789 }, list: [0.5, 2 / 3] };
    const copy = structuredClone(value);
    expect(roundedJson(value)).toBe('{"x":1.23,"nested":{"pagerank":0.123457},"list":[0.5,0.666667]}');
    expect(value).toEqual(copy);
  });

  it('writes what toJSON gives, rounded', () => {
    const value = { when: new Date(0), odd: { toJSON: () => ({ x: 1.005 }) } };
    expect(roundedJson(value)).toBe(JSON.stringify(value, replacer));
  });
});
