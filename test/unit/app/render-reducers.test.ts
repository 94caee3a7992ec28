import { describe, expect, it } from 'vitest';
import type { ViewState } from '../../../src/app/state/types.js';
import { nodeSize } from '../../../src/app/style/sizes.js';
import { PALETTES, mixColor } from '../../../src/app/render/palette.js';
import {
  EDGE_SIZE,
  EDGE_SIZE_FOCUS,
  edgeLook,
  nodeLook,
  type LookModel,
} from '../../../src/app/render/reducers.js';
import { sampleGraph } from './graph-fixture.js';
import { lookModel } from './look-model.js';

const graph = sampleGraph();
const palette = PALETTES.light;

const model = (patch: Partial<ViewState> = {}, hovered: string | null = null): LookModel => lookModel(graph, patch, hovered);
const look = (key: string, m: LookModel) => nodeLook(key, graph.getNodeAttributes(key), m);
const edge = (s: string, t: string, m: LookModel) => edgeLook(graph.edge(s, t)!, graph.getEdgeAttributes(s, t), m);

describe('nodeLook', () => {
  it('draws a note at its position, titled, sized by backlinks and colored by its tag', () => {
    const m = model();
    const a = look('a.md', m);
    const attrs = graph.getNodeAttributes('a.md');
    expect(a).toMatchObject({ x: attrs.x, y: attrs.y, label: 'a', type: 'circle', color: m.colorOf('a.md') });
    expect(a.hidden).toBeFalsy();
    expect(a.size).toBeCloseTo(nodeSize(attrs.inDegree, 1));
  });

  it('scales sizes with the size option', () => {
    expect(look('b.md', model({ sizeScale: 2 })).size).toBeCloseTo(2 * look('b.md', model()).size!);
  });

  it('rings orphans, with a node type that does not depend on the view', () => {
    const shown = look('o.md', model());
    expect(shown).toMatchObject({ type: 'orphan', ringColor: palette.orphanRing });
    const hidden = look('o.md', model({ showOrphans: false }));
    // Same program when hidden, so looks-only refreshes can keep sigma's indices.
    expect(hidden).toMatchObject({ type: 'orphan', hidden: true, label: null });
    expect(hidden.x).toBe(graph.getNodeAttribute('o.md', 'x'));
  });

  it('draws dangling targets as grey ghosts with muted labels', () => {
    const ghost = look('?missing', model());
    expect(ghost).toMatchObject({ color: '#cccccc', labelColor: palette.labelMuted, zIndex: 0 });
    expect(look('?missing', model({ showDangling: false })).hidden).toBe(true);
  });

  it('hovering a node highlights it and its neighbours and fades the rest', () => {
    const m = model({}, 'b.md');
    expect(look('b.md', m)).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 3 });
    for (const n of ['a.md', 'c.md']) expect(look(n, m)).toMatchObject({ forceLabel: true, zIndex: 2 });
    const far = look('d.md', m);
    expect(far.label).toBeNull();
    expect(far.color).toBe(mixColor(m.colorOf('d.md'), palette.background, palette.fade));
  });

  it('a selection keeps its neighbourhood emphasised as a hover does, until it is cleared', () => {
    const m = model({ selected: 'b.md' });
    expect(look('b.md', m)).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 3 });
    for (const n of ['a.md', 'c.md']) expect(look(n, m)).toMatchObject({ forceLabel: true, zIndex: 2 });
    const far = look('d.md', m);
    expect(far.label).toBeNull();
    expect(far.color).toBe(mixColor(m.colorOf('d.md'), palette.background, palette.fade));
    expect(edge('c.md', 'd.md', m).color).toBe(palette.edgeFaded);
    // Cleared: nothing faded.
    expect(look('d.md', model()).color).toBe(m.colorOf('d.md'));
  });

  it('a hidden selection fades nothing', () => {
    const m = model({ selected: 'o.md', showOrphans: false });
    expect(look('d.md', m).color).toBe(m.colorOf('d.md'));
  });

  it('marks the selected node and keeps its label while something else is hovered', () => {
    expect(look('d.md', model({ selected: 'd.md' }))).toMatchObject({ highlighted: true, forceLabel: true });
    expect(look('d.md', model({ selected: 'd.md' }, 'a.md')).label).toBe('d');
  });
});

describe('edgeLook', () => {
  it('draws lines, or arrows when asked', () => {
    expect(edge('a.md', 'b.md', model())).toMatchObject({ type: 'line', color: palette.edge, size: EDGE_SIZE });
    expect(edge('a.md', 'b.md', model({ arrows: true })).type).toBe('arrow');
  });

  it('gives plain edges of one kind one shared look (no allocation per edge on a big map), never when something is focused', () => {
    const m = model();
    const ab = edge('a.md', 'b.md', m);
    expect(edge('c.md', 'd.md', m)).toBe(ab);
    expect(ab).toMatchObject({ type: 'line', color: palette.edge, size: EDGE_SIZE, zIndex: 0 });
    expect(edge('a.md', '?missing', m)).not.toBe(ab);
    // Another model (a looks change) has its own shared looks.
    expect(edge('a.md', 'b.md', model({ arrows: true }))).toMatchObject({ type: 'arrow' });
    const hovered = model({}, 'b.md');
    expect(edge('c.md', 'd.md', hovered)).not.toBe(edge('c.md', 'd.md', hovered));
  });

  it('draws edges to dangling targets lighter', () => {
    expect(edge('a.md', '?missing', model()).color).toBe(palette.edgeGhost);
  });

  it('hides an edge with a hidden end', () => {
    expect(edge('a.md', '?missing', model({ showDangling: false })).hidden).toBe(true);
    expect(edge('a.md', 'b.md', model()).hidden).toBeFalsy();
  });

  it('colors the hovered node edges and fades the others', () => {
    const m = model({}, 'b.md');
    expect(edge('a.md', 'b.md', m)).toMatchObject({ size: EDGE_SIZE_FOCUS, zIndex: 1 });
    expect(edge('a.md', 'b.md', m).color).toBe(mixColor(m.colorOf('b.md'), palette.background, 0.15));
    expect(edge('c.md', 'd.md', m).color).toBe(palette.edgeFaded);
  });

  it('colors the selected node edges when nothing is hovered', () => {
    expect(edge('c.md', 'd.md', model({ selected: 'd.md' })).size).toBe(EDGE_SIZE_FOCUS);
  });

  it('the links of an untagged note take the label color, not its grey', () => {
    const m = { ...model({ selected: 'd.md' }), neutralColor: '#9aa0a6', colorOf: () => '#9aa0a6' };
    expect(edge('c.md', 'd.md', m).color).toBe(mixColor(palette.label, palette.background, 0.45));
  });
});
