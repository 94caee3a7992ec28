/**
 * The map's label drawers (render/labels.ts): labels never overlap, and the
 * pill of a selected or hovered note wins its space: a close neighbour's
 * label moves above its node, or hides when there is no room there either.
 */
import { describe, expect, it } from 'vitest';
import { createLabelDrawers, overlaps, type Box } from '../../../src/app/render/labels.js';
import { PALETTES } from '../../../src/app/render/palette.js';

const CHAR = 7;

/** A canvas context that records the labels drawn (text at x, y), with fixed-width text. */
function fakeContext() {
  const texts: { text: string; x: number; y: number }[] = [];
  const ctx = {
    font: '',
    globalAlpha: 1,
    textAlign: 'start',
    textBaseline: 'alphabetic',
    measureText: (t: string) => ({ width: t.length * CHAR }),
    fillText: (text: string, x: number, y: number) => texts.push({ text, x, y }),
    strokeText: () => {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts };
}

const settings = { labelSize: 12, labelWeight: 'normal', labelFont: 'sans-serif' } as never;
type Node = { key: string; label: string; x: number; y: number; size: number; highlighted?: boolean; forceLabel?: boolean };

function drawFrame(nodes: Node[]) {
  const { ctx, texts } = fakeContext();
  const drawers = createLabelDrawers(() => PALETTES.light);
  drawers.startFrame();
  for (const n of nodes) drawers.drawLabel(ctx, n as never, settings);
  drawers.endFrame();
  return { texts, drawn: drawers.drawnLabels() };
}

/** The box a plain label drawn at (x, y) (centred, top) takes. */
const labelBox = (t: { text: string; x: number; y: number }): Box => ({ x: t.x - (t.text.length * CHAR) / 2 - 2, y: t.y, w: t.text.length * CHAR + 4, h: 14 });
/** The pill under a highlighted node (as drawHover draws it). */
const pill = (n: Node): Box => ({ x: n.x - (n.label.length * CHAR) / 2 - 7, y: n.y + n.size + 4, w: n.label.length * CHAR + 14, h: 20 });

describe('label drawers', () => {
  const selected: Node = { key: 'commands', label: 'Foam Commands', x: 200, y: 100, size: 5, highlighted: true, forceLabel: true };

  it('move a neighbour label that the selected pill would cover above its node', () => {
    // The neighbour sits just under and left of the selected note: its label would run into the pill.
    const recipes: Node = { key: 'recipes', label: 'Recipes', x: 160, y: 108, size: 9, forceLabel: true };
    const { texts, drawn } = drawFrame([selected, recipes]);
    expect(drawn).toEqual(['recipes']);
    const [t] = texts;
    expect(t.y).toBeLessThan(recipes.y);
    expect(overlaps(labelBox(t), pill(selected))).toBe(false);
  });

  it('hide a label with no free place under or above its node', () => {
    const above: Node = { key: 'up', label: 'Above all', x: 200, y: 60, size: 6 };
    const squeezed: Node = { key: 'mid', label: 'Squeezed', x: 205, y: 84, size: 3 };
    const { drawn } = drawFrame([selected, above, squeezed]);
    expect(drawn).toContain('up');
    expect(drawn).not.toContain('mid');
  });

  it('never draw two labels that overlap, biggest node first', () => {
    const nodes: Node[] = Array.from({ length: 40 }, (_v, i) => ({ key: `n${i}`, label: `Note number ${i}`, x: 100 + (i % 8) * 30, y: 100 + Math.floor(i / 8) * 12, size: 2 + (i % 5) }));
    const { texts } = drawFrame([selected, ...nodes]);
    const boxes = texts.map(labelBox);
    for (let i = 0; i < boxes.length; i++) {
      expect(overlaps(boxes[i], pill(selected))).toBe(false);
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
    }
    expect(texts.length).toBeGreaterThan(3);
  });
});
