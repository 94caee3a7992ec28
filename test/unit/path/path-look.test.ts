/**
 * A shown path on the map, through the reducers' hook: its notes and links
 * stand out (the links as arrows), the rest fades; with no path, both
 * notes' parts stand out. And the renderer re-indexes when a path comes or
 * goes (its links change program).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type ViewState } from '../../../src/app/state/types.js';
import { computeVisibleUncached } from '../../../src/app/state/visibility.js';
import { classifyChange } from '../../../src/app/render/changes.js';
import { PALETTES, mixColor } from '../../../src/app/render/palette.js';
import { edgeLook, neighbourSet, nodeLook, type LookModel } from '../../../src/app/render/reducers.js';
import { pathHighlight, PATH_EDGE_SIZE } from '../../../src/app/path/path-look.js';
import { pathViewOf } from '../../../src/app/path/path-view.js';
import { sampleGraph } from '../app/graph-fixture.js';

const graph = sampleGraph(); // a -> b -> c -> d, e -> a, a -> ?missing, c -> ?missing, b -> @img.png, o orphan
const palette = PALETTES.light;
const COLOR = '#3366cc';

function model(patch: Partial<ViewState>): LookModel {
  const state = { ...DEFAULT_VIEW, ...patch };
  return {
    graph,
    state,
    visible: computeVisibleUncached(graph, state).nodes,
    colorOf: () => COLOR,
    ghostColor: '#cccccc',
    sizeOf: () => 5,
    palette,
    density: 1,
    hovered: null,
    hoverSet: new Set(),
    selectSet: state.selected ? neighbourSet(graph, state.selected) : new Set(),
    path: pathHighlight(pathViewOf(graph, state)),
  };
}
const look = (key: string, m: LookModel) => nodeLook(key, graph.getNodeAttributes(key), m);
const edge = (s: string, t: string, m: LookModel) => edgeLook(graph.edge(s, t)!, graph.getEdgeAttributes(s, t), m);
const faded = mixColor(COLOR, palette.background, palette.fade);

describe('a path on the map', () => {
  const m = model({ selected: 'd.md', pathTo: 'e.md', panel: 'path' }); // d <- c <- b <- a <- e

  it('marks both ends, labels every note of the path, and fades the others', () => {
    expect(look('d.md', m)).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 3, color: COLOR });
    expect(look('e.md', m)).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 3 });
    // b is two links from the selection: the selection's own emphasis would have faded it.
    expect(look('b.md', m)).toMatchObject({ forceLabel: true, zIndex: 2, color: COLOR });
    expect(look('b.md', m).highlighted).toBeFalsy();
    expect(look('o.md', m)).toMatchObject({ color: faded, label: null, zIndex: 0 });
    expect(look('?missing', m).label).toBeNull();
  });

  it('marks the hovered note too (pointed at on the map or in the path panel), even off the path', () => {
    const hovered = { ...m, hovered: 'o.md' };
    expect(look('o.md', hovered)).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 3, color: COLOR });
    expect(look('b.md', hovered).highlighted).toBeFalsy();
  });

  it('draws the path links as thick arrows, whatever the arrows setting, and fades the other links', () => {
    expect(edge('b.md', 'c.md', m)).toMatchObject({ type: 'arrow', size: PATH_EDGE_SIZE, zIndex: 2 });
    expect(edge('e.md', 'a.md', m).type).toBe('arrow');
    expect(edge('a.md', '?missing', m)).toMatchObject({ type: 'line', color: palette.edgeFaded, zIndex: 0 });
  });

  it('with no path, emphasises both notes and their parts of the map, links inside them kept', () => {
    const none = model({ selected: 'a.md', pathTo: 'o.md', panel: 'path' });
    expect(look('o.md', none)).toMatchObject({ highlighted: true, forceLabel: true });
    expect(look('d.md', none)).toMatchObject({ color: COLOR, zIndex: 2 });
    expect(look('?missing', none).label).toBeNull();
    const plain = edgeLook(graph.edge('c.md', 'd.md')!, graph.getEdgeAttributes('c.md', 'd.md'), model({}));
    expect(edge('c.md', 'd.md', none)).toEqual(plain);
    expect(edge('a.md', '?missing', none).color).toBe(palette.edgeFaded);
  });

  it('leaves the looks alone without a path', () => {
    expect(model({ selected: 'd.md' }).path).toBeNull();
    expect(look('b.md', model({ selected: 'd.md', pathTo: null })).highlighted).toBeFalsy();
  });
});

describe('classifyChange with a path', () => {
  const base = { ...DEFAULT_VIEW, selected: 'a.md' };
  it('re-indexes when a path comes, goes or turns directed (its links become arrows)', () => {
    expect(classifyChange(base, { ...base, pathTo: 'b.md' })).toBe('full');
    expect(classifyChange({ ...base, pathTo: 'b.md' }, base)).toBe('full');
    expect(classifyChange({ ...base, pathTo: 'b.md' }, { ...base, pathTo: 'b.md', pathDirected: true })).toBe('full');
  });
  it('and when the note it starts from changes', () => {
    expect(classifyChange({ ...base, pathTo: 'c.md' }, { ...base, selected: 'b.md', pathTo: 'c.md' })).toBe('full');
    expect(classifyChange(base, { ...base, selected: 'b.md' })).toBe('looks');
  });
});
