/**
 * What "path to…" shows: the path, or each note's part of the map; the
 * panel's sentences; and the map's emphasis (path-look.ts) through the
 * reducers' hook.
 */
import { describe, expect, it } from 'vitest';
import { noteComponent, pathView, pathViewOf } from '../../../src/app/path/path-view.js';
import { hiddenLine, hopArrow, partLines, pathHeadline } from '../../../src/app/path/path-words.js';
import { emptyGraph, link, note, sampleGraph } from '../app/graph-fixture.js';

const g = sampleGraph(); // a -> b -> c -> d, e -> a, a -> ?missing, c -> ?missing, b -> @img.png, o orphan
const title = (k: string) => k.replace(/\.md$/, '');

/** Two islands: p -> q and r -> s -> t. */
function islands() {
  const graph = emptyGraph();
  for (const k of ['p.md', 'q.md', 'r.md', 's.md', 't.md']) graph.addNode(k, note(k, []));
  link(graph, [['p.md', 'q.md'], ['r.md', 's.md'], ['s.md', 't.md']]);
  return graph;
}

describe('pathView', () => {
  it('holds the path when there is one, and no parts', () => {
    const v = pathView(g, 'd.md', 'e.md', false)!;
    expect(v.path.nodes).toEqual(['d.md', 'c.md', 'b.md', 'a.md', 'e.md']);
    expect(v.parts).toBeNull();
  });

  it('with no path, gives each note its part of the map (notes only, links either way)', () => {
    const v = pathView(g, 'a.md', 'o.md', false)!;
    expect(v.path.nodes).toEqual([]);
    expect([...v.parts!.from].sort()).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
    expect([...v.parts!.to]).toEqual(['o.md']);
    expect(v.eitherWayHops).toBeNull();
  });

  it('only in the links direction and none: the length either way, and one shared part', () => {
    const v = pathView(g, 'd.md', 'e.md', true)!;
    expect(v.path.nodes).toEqual([]);
    expect(v.eitherWayHops).toBe(4);
    expect(v.parts!.from).toBe(v.parts!.to);
  });

  it('is null unless both ends are two different notes', () => {
    expect(pathView(g, 'a.md', 'a.md', false)).toBeNull();
    expect(pathView(g, 'a.md', '?missing', false)).toBeNull();
    expect(pathView(g, 'a.md', 'gone.md', false)).toBeNull();
  });

  it('reads the pair from the view state (selected -> pathTo), memoized', () => {
    const state = { selected: 'e.md', pathTo: 'd.md', pathDirected: true };
    const v = pathViewOf(g, state)!;
    expect(v.path.nodes).toEqual(['e.md', 'a.md', 'b.md', 'c.md', 'd.md']);
    expect(pathViewOf(g, { ...state })).toBe(v);
    expect(pathViewOf(g, { ...state, pathTo: null })).toBeNull();
    expect(pathViewOf(g, { ...state, selected: null })).toBeNull();
  });

  it('noteComponent does not cross a missing note', () => {
    const graph = islands();
    graph.addNode('?x', { kind: 'dangling', dangling: true, title: 'x', suggestion: null, inDegree: 0, outDegree: 0, x: 0, y: 0 });
    link(graph, [['q.md', '?x'], ['r.md', '?x']]);
    expect([...noteComponent(graph, 'p.md')].sort()).toEqual(['p.md', 'q.md']);
  });
});

describe('the path panel sentences', () => {
  it('says how many links, and which way', () => {
    expect(pathHeadline(pathView(g, 'e.md', 'b.md', false)!, title)).toBe('2 links from “e” to “b”.');
    expect(pathHeadline(pathView(g, 'e.md', 'a.md', true)!, title)).toBe('1 link from “e” to “a”, following each link in its direction.');
  });

  it('says when there is none, and why', () => {
    const islandsGraph = islands();
    const none = pathView(islandsGraph, 'p.md', 't.md', false)!;
    expect(pathHeadline(none, title)).toBe('No path between “p” and “t”: no chain of links joins them.');
    expect(partLines(none, title)).toEqual(['“p” is in a part of 2 notes.', '“t” is in a part of 3 notes.']);
    expect(partLines(pathView(g, 'a.md', 'o.md', false)!, title)).toEqual(['“a” is in a part of 5 notes.', '“o” links to no other note, and no note links to it.']);
    const oneWay = pathView(g, 'd.md', 'e.md', true)!;
    expect(pathHeadline(oneWay, title)).toBe("No path from “d” to “e” in the links' direction. Following links either way, they are 4 links apart.");
    expect(partLines(oneWay, title)).toEqual(['Both are in the same part of 5 notes.']);
  });

  it('draws each hop with an arrow that shows which note links which', () => {
    const [back] = pathView(g, 'b.md', 'a.md', false)!.path.hops;
    expect(hopArrow(back)).toEqual({ arrow: '↑', words: 'is linked from' });
    const [forward] = pathView(g, 'a.md', 'b.md', false)!.path.hops;
    expect(hopArrow(forward)).toEqual({ arrow: '↓', words: 'links to' });
  });

  it('says how many of the notes the filters hide', () => {
    expect(hiddenLine(0, true)).toBeNull();
    expect(hiddenLine(1, true)).toBe('1 note of this path is hidden by the filters.');
    expect(hiddenLine(2, true)).toBe('2 notes of this path are hidden by the filters.');
    expect(hiddenLine(1, false)).toBe('One of the two notes is hidden by the filters.');
    expect(hiddenLine(2, false)).toBe('Both notes are hidden by the filters.');
  });
});

describe('a live change that deletes an end of the path', () => {
  it('ends the path and goes back to the first note\'s summary (its panel would be empty)', async () => {
    const { pathEndGone } = await import('../../../src/app/path/path-panel.js');
    const has = (keys: string[]) => ({ hasNode: (k: string) => keys.includes(k) });
    const state = { selected: 'a.md', pathTo: 'z.md', panel: 'path' as const };
    expect(pathEndGone(has(['a.md', 'z.md']), state)).toBeNull();
    expect(pathEndGone(has(['a.md']), state)).toEqual({ pathTo: null, pathDirected: false, panel: 'summary' });
    expect(pathEndGone(has(['z.md']), state)).toEqual({ pathTo: null, pathDirected: false, panel: null });
    expect(pathEndGone(has([]), { selected: 'a.md', pathTo: null, panel: 'summary' })).toBeNull();
  });
});
