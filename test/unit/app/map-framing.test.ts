/**
 * The pure parts of issue 10.5, 10.6 and 10.9: camera framing maths, which
 * view changes re-frame the map, the relaxation of what a filter shows, and
 * the health panel's "show on map" looks.
 */
import { describe, expect, it } from 'vitest';
import { sameView, stepToward } from '../../../src/app/render/camera.js';
import { fitScale, insideView, ratioToFit, type GroupExtent } from '../../../src/app/render/group-extent.js';
import { reframes } from '../../../src/app/render/reframe.js';
import { buildRelaxMessage, RELAX_TICKS_PER_BATCH } from '../../../src/app/layout/relax.js';
import { DEFAULT_VIEW, type ViewState } from '../../../src/app/state/types.js';
import { PALETTES, mixColor } from '../../../src/app/render/palette.js';
import { edgeLook, nodeLook, type LookModel } from '../../../src/app/render/reducers.js';
import { inHealthShow } from '../../../src/app/render/health-look.js';
import { sampleGraph } from './graph-fixture.js';
import { lookModel } from './look-model.js';

const box = (minX: number, maxX: number, minY: number, maxY: number): GroupExtent => ({ minX, maxX, minY, maxY, cx: 0.5, cy: 0.5, points: [] });
const NONE = { right: 0, bottom: 0 };
/** Two nodes `span` px apart horizontally, drawn with `half` px either side (a label) and nothing below. */
const pair = (span: number, half = 0): GroupExtent => ({
  ...box(0, 0, 0, 0),
  points: [
    { dx: -span / 2, dy: 0, half, up: 0, down: 0 },
    { dx: span / 2, dy: 0, half, up: 0, down: 0 },
  ],
});

describe('ratioToFit', () => {
  it('zooms so the group fills the view less the margins, whatever the current zoom', () => {
    // 200 px apart in a 1000 x 800 view with 0 margin: 5 times closer.
    expect(ratioToFit(pair(200), 1, 1000, 800, NONE, 0)).toBeCloseTo(0.2);
    expect(ratioToFit(pair(200), 0.5, 1000, 800, NONE, 0)).toBeCloseTo(0.1);
  });

  it('fits in the part the panel leaves free', () => {
    expect(ratioToFit(pair(200), 1, 1000, 800, { right: 500, bottom: 0 }, 0)).toBeCloseTo(0.4);
  });

  it('keeps room for labels without letting their constant width cap the zoom', () => {
    // Labels 400 px wide on nodes 100 px apart: the nodes may spread until the labels touch the edges.
    expect(ratioToFit(pair(100, 200), 1, 1000, 800, NONE, 0)).toBeCloseTo(1 / 6);
    // A label wider than the view is held to half of it.
    expect(fitScale(pair(100, 900).points, 1000, 800)).toBeCloseTo(5);
  });

  it('keeps the room below a node for its label, and none for a lone node', () => {
    expect(fitScale([{ dx: 0, dy: 100, half: 0, up: 5, down: 30 }], 1000, 800)).toBeCloseTo(3.7);
    expect(fitScale([{ dx: 0, dy: -100, half: 0, up: 5, down: 30 }], 1000, 800)).toBeCloseTo(3.95);
    expect(fitScale([{ dx: 0, dy: 0, half: 80, up: 5, down: 30 }], 1000, 800)).toBe(Infinity);
  });
});

describe('insideView', () => {
  it('is true only when the whole group is clear of the edges and of the panel', () => {
    expect(insideView(box(20, 400, 20, 300), 1000, 800, NONE, 12)).toBe(true);
    expect(insideView(box(20, 700, 20, 300), 1000, 800, { right: 400, bottom: 0 }, 12)).toBe(false);
    expect(insideView(box(5, 400, 20, 300), 1000, 800, NONE, 12)).toBe(false);
    expect(insideView(box(20, 400, 20, 790), 1000, 800, NONE, 12)).toBe(false);
  });
});

describe('stepToward and sameView', () => {
  const a = { x: 0, y: 0, ratio: 1, angle: 0 };
  const b = { x: 1, y: -1, ratio: 0.25, angle: 0 };
  it('moves a fraction of the way, the zoom geometrically', () => {
    const half = stepToward(a, b, 0.5);
    expect(half.x).toBeCloseTo(0.5);
    expect(half.y).toBeCloseTo(-0.5);
    expect(half.ratio).toBeCloseTo(0.5);
    expect(stepToward(a, b, 1)).toMatchObject({ x: 1, y: -1 });
    expect(stepToward(a, b, 1).ratio).toBeCloseTo(0.25);
  });
  it('tells a landed camera from one still on its way', () => {
    expect(sameView(b, { ...b, x: b.x + 1e-5 })).toBe(true);
    expect(sameView(a, stepToward(a, b, 0.5))).toBe(false);
  });
});

describe('reframes', () => {
  const base: ViewState = DEFAULT_VIEW;
  it.each([
    [{ showOrphans: false }, true],
    [{ showDangling: false }, true],
    [{ hiddenTags: ['rust'] }, true],
    [{ onlyTags: ['rust'] }, true],
    [{ minLinks: 2 }, true],
    [{ localDepth: 1, selected: 'a.md' }, true],
    [{ selected: 'a.md' }, false],
    [{ sizeScale: 2 }, false],
    [{ timeFrom: 24_000 }, false],
    [{ panel: 'health' as const }, false],
  ])('%j -> %s', (patch, expected) => {
    expect(reframes(base, { ...base, ...patch })).toBe(expected);
  });
  it('follows the centre of a local view', () => {
    const local = { ...base, localDepth: 1, selected: 'a.md' };
    expect(reframes(local, { ...local, selected: 'b.md' })).toBe(true);
  });
  it('leaves a view that brings its own camera (Back/Forward, a link) where it says', () => {
    const back = { ...base, showOrphans: false, camera: { x: 0.2, y: 0.3, ratio: 0.5 } };
    expect(reframes(base, back)).toBe(false);
    // The camera already there is not "brought": the filter change re-frames.
    expect(reframes({ ...base, camera: back.camera }, back)).toBe(true);
  });
});

describe('buildRelaxMessage', () => {
  it('simulates only the shown nodes, from where they are, with the links between them', () => {
    const graph = sampleGraph();
    graph.forEachNode((k, a) => graph.mergeNodeAttributes(k, { x: a.x + k.length, y: a.y - k.length }));
    const shown = new Set(['a.md', 'b.md', 'c.md', '?missing']);
    const { message, keys, origin } = buildRelaxMessage(graph, shown, 0.3, 0.005);
    expect(keys).toEqual(graph.nodes().filter((k) => shown.has(k)));
    // Around their own centre, so the pull to the centre gathers them where they are.
    const mean = (axis: 'x' | 'y') => keys.reduce((sum, k) => sum + graph.getNodeAttribute(k, axis), 0) / keys.length;
    expect(origin.x).toBeCloseTo(mean('x'));
    expect(origin.y).toBeCloseTo(mean('y'));
    keys.forEach((k, i) => {
      expect(message.positions[2 * i] + origin.x).toBeCloseTo(graph.getNodeAttribute(k, 'x'), 4);
      expect(message.positions[2 * i + 1] + origin.y).toBeCloseTo(graph.getNodeAttribute(k, 'y'), 4);
    });
    const pairs: string[] = [];
    for (let l = 0; l < message.links.length; l += 2) pairs.push(`${keys[message.links[l]]}>${keys[message.links[l + 1]]}`);
    expect(pairs.sort()).toEqual(['a.md>?missing', 'a.md>b.md', 'b.md>c.md', 'c.md>?missing']);
    expect(message).toMatchObject({ alpha: 0.3, alphaMin: 0.005, ticksPerBatch: RELAX_TICKS_PER_BATCH });
  });
});

describe('the health panel\'s "show on map"', () => {
  const graph = sampleGraph();
  const palette = PALETTES.light;
  const model = (patch: Partial<ViewState> = {}, hovered: string | null = null): LookModel => lookModel(graph, patch, hovered);
  const look = (key: string, m: LookModel) => nodeLook(key, graph.getNodeAttributes(key), m);

  it('picks out orphans or missing notes', () => {
    expect(inHealthShow('orphans', graph.getNodeAttributes('o.md'))).toBe(true);
    expect(inHealthShow('orphans', graph.getNodeAttributes('a.md'))).toBe(false);
    expect(inHealthShow('missing', graph.getNodeAttributes('?missing'))).toBe(true);
    expect(inHealthShow('missing', graph.getNodeAttributes('o.md'))).toBe(false);
  });

  it('keeps all orphans as they are and fades everything else, the selection emphasis included', () => {
    const plain = model({ selected: 'a.md' });
    const shown = model({ selected: 'a.md', healthShow: 'orphans' });
    expect(look('o.md', shown).color).toBe(look('o.md', model()).color);
    expect(look('o.md', shown).ringColor).toBe(palette.orphanRing);
    expect(look('d.md', shown).color).toBe(mixColor(look('d.md', model()).color!, palette.background, palette.fade));
    expect(look('d.md', shown).label).toBeNull();
    // The selected note fades too: the health view is what the map shows now.
    expect(look('a.md', plain).highlighted).toBe(true);
    expect(look('a.md', shown).highlighted).toBeFalsy();
    const e = edgeLook(graph.edge('a.md', 'b.md')!, graph.getEdgeAttributes('a.md', 'b.md'), shown);
    expect(e.color).toBe(palette.edgeFaded);
  });

  it('draws missing notes, and the links naming them, stronger than the faded rest', () => {
    const shown = model({ healthShow: 'missing' });
    expect(look('?missing', shown).color).toBe(palette.labelMuted);
    expect(look('?missing', shown).zIndex).toBeGreaterThan(look('a.md', shown).zIndex!);
    const into = edgeLook(graph.edge('a.md', '?missing')!, graph.getEdgeAttributes('a.md', '?missing'), shown);
    const other = edgeLook(graph.edge('a.md', 'b.md')!, graph.getEdgeAttributes('a.md', 'b.md'), shown);
    expect(into.color).toBe(palette.labelMuted);
    expect(other.color).toBe(palette.edgeFaded);
  });

  it('lets the entry pointed at stand out most', () => {
    const l = look('o.md', model({ healthShow: 'orphans' }, 'o.md'));
    expect(l).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 3 });
  });
});
