/**
 * The orphans' band (layout-pack.ts placeBand): a compact landscape block
 * under the connected part, with a clear gap, never a tall column at the
 * right edge (where the details panel opens) whose labels pile up.
 */
import { describe, expect, it } from 'vitest';
import { placeBand, TARGET_ASPECT, type Box } from '../../../src/extract/layout-pack.js';
import { BAND_MIN_PITCH, BAND_PITCH } from '../../../src/extract/layout.js';

function band(count: number, main: Box | null) {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const units = Array.from({ length: count }, (_v, i) => [i]);
  const box = placeBand(units, main, BAND_PITCH, BAND_MIN_PITCH, x, y)!;
  return { x, y, box };
}

describe('placeBand', () => {
  const core: Box = { minX: -300, minY: -220, maxX: 300, maxY: 230 };

  it('puts a few orphans in a wide block under the core, centred, with a clear gap', () => {
    const { x, y, box } = band(26, core);
    // The map draws y upwards: under the core is below its lowest y.
    expect(box.maxY).toBeLessThanOrEqual(core.minY - BAND_PITCH.row);
    expect(box.maxX - box.minX).toBeGreaterThan(2 * (box.maxY - box.minY));
    expect(box.maxX - box.minX).toBeLessThanOrEqual(1.5 * (core.maxX - core.minX));
    expect(Math.abs((box.minX + box.maxX) / 2 - (core.minX + core.maxX) / 2)).toBeLessThan(1e-6);
    // Slots a label's width apart in a row, a label's height between rows.
    for (let i = 0; i < 26; i++)
      for (let j = i + 1; j < 26; j++) {
        const sameRow = Math.abs(y[i] - y[j]) < 1e-6;
        if (sameRow) expect(Math.abs(x[i] - x[j])).toBeGreaterThanOrEqual(BAND_PITCH.column - 1e-6);
        else expect(Math.abs(y[i] - y[j])).toBeGreaterThanOrEqual(BAND_PITCH.row - 1e-6);
      }
  });

  it('widens past the core and shrinks its slots for many orphans, so the whole map stays landscape', () => {
    const { box } = band(5000, core);
    const all: Box = { minX: Math.min(core.minX, box.minX), maxX: Math.max(core.maxX, box.maxX), minY: box.minY, maxY: core.maxY };
    const aspect = (all.maxX - all.minX) / (all.maxY - all.minY);
    expect(aspect).toBeGreaterThan(TARGET_ASPECT * 0.8);
    expect(box.maxY).toBeLessThan(core.minY);
  });

  it('without a core, lays the orphans out as a landscape block around the origin', () => {
    const { box } = band(100, null);
    const w = box.maxX - box.minX;
    const h = box.maxY - box.minY;
    expect(w).toBeGreaterThan(h);
    expect(Math.abs(box.minX + box.maxX)).toBeLessThan(1e-6);
  });
});
