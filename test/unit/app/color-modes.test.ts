import { describe, expect, it } from 'vitest';
import { MIN_TAG_NOTES, nameClusters } from '../../../src/app/style/clusters.js';
import { buildCategorySchemeUncached, NO_GROUP, SOLO_CLUSTER } from '../../../src/app/style/categories.js';
import { NEUTRALS, PALETTE } from '../../../src/app/style/colors.js';
import { autoFolders, folderAtDepth, folderLabel, ROOT_FOLDER } from '../../../src/app/style/folders.js';
import { addRule, moveRule, removeRule, updateRule } from '../../../src/app/style/group-rules.js';
import { nodeColors } from '../../../src/app/style/node-colors.js';
import { DEFAULT_VIEW } from '../../../src/app/state/types.js';
import { emptyGraph, link, note, sampleGraph } from './graph-fixture.js';

describe('folder grouping', () => {
  it.each([
    ['journal/2020/x.md', 1, 'journal'],
    ['journal/2020/x.md', 2, 'journal/2020'],
    ['journal/2020/x.md', 3, 'journal/2020'],
    ['journal/x.md', 2, 'journal'],
    ['x.md', 1, ROOT_FOLDER],
    ['a/b/c/d/e.md', 3, 'a/b/c'],
    ['Journal/x.md', 1, 'Journal'],
  ])('%s at depth %i is %s', (path, depth, folder) => {
    expect(folderAtDepth(path, depth)).toBe(folder);
  });

  it('labels folders with a slash and the root by name', () => {
    expect(folderLabel('journal/2020')).toBe('journal/2020/');
    expect(folderLabel(ROOT_FOLDER)).toBe('(vault root)');
  });

  it('auto depth splits a folder holding more than a third of the notes into its subfolders, again and again', () => {
    const paths = [
      ...Array.from({ length: 6 }, (_, i) => `user/recipes/r${i}.md`),
      ...Array.from({ length: 5 }, (_, i) => `user/features/f${i}.md`),
      ...Array.from({ length: 4 }, (_, i) => `user/features/deep/d${i}.md`),
      'user/own.md',
      'dev/a.md',
      'dev/design/b.md',
      'index.md',
    ];
    const auto = autoFolders(paths);
    // user (16 of 19) splits; then user/features (9 > 19/3) splits again; dev (2) stays whole.
    expect(auto.get('user/recipes/r0.md')).toBe('user/recipes');
    expect(auto.get('user/features/f0.md')).toBe('user/features');
    expect(auto.get('user/features/deep/d0.md')).toBe('user/features/deep');
    expect(auto.get('user/own.md')).toBe('user');
    expect(auto.get('dev/design/b.md')).toBe('dev');
    expect(auto.get('index.md')).toBe(ROOT_FOLDER);
    // Balanced vaults stay at the top level.
    expect([...new Set(autoFolders(['a/x/1.md', 'a/2.md', 'b/y/3.md', 'b/4.md', 'c/5.md', 'c/6.md']).values())].sort()).toEqual(['a', 'b', 'c']);
  });

  it('counts notes per folder, most first, and colors the top folders', () => {
    const g = emptyGraph();
    for (const key of ['j/2020/a.md', 'j/2021/b.md', 'j/c.md', 'p/d.md', 'e.md']) g.addNode(key, note(key, []));
    g.addNode('?x', { kind: 'dangling', dangling: true, title: 'x', suggestion: null, inDegree: 0, outDegree: 0, x: 0, y: 0 });
    const top = buildCategorySchemeUncached(g, { mode: 'folder', folderDepth: 1, groups: [], theme: 'light' });
    expect(top.legend.map((e) => [e.key, e.count])).toEqual([
      ['j', 3],
      [ROOT_FOLDER, 1],
      ['p', 1],
    ]);
    expect(top.legend.map((e) => e.color)).toEqual(PALETTE.slice(0, 3));
    expect(top.nodeColor('j/2021/b.md')).toBe(PALETTE[0]);
    expect(top.nodeColor('?x')).toBe(NEUTRALS.light.dangling);
    expect(top.categoryOf('?x')).toBeNull();
    const two = buildCategorySchemeUncached(g, { mode: 'folder', folderDepth: 2, groups: [], theme: 'light' });
    expect(two.legend.map((e) => e.key).sort()).toEqual([ROOT_FOLDER, 'j', 'j/2020', 'j/2021', 'p']);
  });
});

describe('cluster naming', () => {
  /** Notes with a community and tags; links give hubs their degree. */
  function clustered() {
    const g = emptyGraph();
    const add = (key: string, community: number, tags: string[]) => g.addNode(key, note(key, tags, { community }));
    // `everywhere` is on 6 of the 10 notes: common, it names no cluster.
    // Cluster 0: rust on 2 notes.
    add('a.md', 0, ['rust', 'everywhere']);
    add('b.md', 0, ['rust', 'everywhere']);
    add('c.md', 0, ['Security', 'everywhere']);
    // Cluster 1: rust would win but names cluster 0 already; security (2 notes) is next.
    add('d.md', 1, ['rust', 'everywhere']);
    add('e.md', 1, ['rust', 'security', 'everywhere']);
    add('f.md', 1, ['Security', 'everywhere']);
    // Cluster 2: no tag on two notes: named by its most linked note.
    add('hub.md', 2, ['alone']);
    add('leaf.md', 2, []);
    add('leaf2.md', 2, []);
    // Cluster 3: a single note.
    add('solo.md', 3, ['solo']);
    link(g, [
      ['leaf.md', 'hub.md'],
      ['leaf2.md', 'hub.md'],
      ['a.md', 'b.md'],
    ]);
    return g;
  }

  it('names each cluster by its most frequent tag, else its biggest hub, with a count', () => {
    const clusters = nameClusters(clustered());
    expect(clusters.map((c) => [c.key, c.name, c.by, c.count])).toEqual([
      ['0', '#rust', 'tag', 3],
      ['1', '#security', 'tag', 3],
      ['2', 'hub', 'hub', 3],
      ['3', 'solo', 'hub', 1],
    ]);
    expect(MIN_TAG_NOTES).toBe(2);
  });

  it('never names a cluster by a tag on more than half of the notes', () => {
    const g = clustered();
    expect(nameClusters(g).map((c) => c.name)).not.toContain('#everywhere');
    // On 5 of 10 notes it is not common any more, and it is cluster 0's most frequent tag.
    g.replaceNodeAttributes('f.md', note('f.md', ['Security'], { community: 1 }));
    expect(nameClusters(g)[0].name).toBe('#everywhere');
  });

  it('is stable: ties go to the smaller id, then the tag that sorts first', () => {
    const g = emptyGraph();
    g.addNode('x.md', note('x.md', ['b', 'a'], { community: 1 }));
    g.addNode('y.md', note('y.md', ['b', 'a'], { community: 1 }));
    g.addNode('z.md', note('z.md', ['c'], { community: 0 }));
    g.addNode('w.md', note('w.md', ['c'], { community: 0 }));
    expect(nameClusters(g).map((c) => [c.key, c.name])).toEqual([
      ['0', '#c'],
      ['1', '#a'],
    ]);
  });

  it('colors the biggest clusters from the palette and the rest grey; notes alone share one grey row', () => {
    const g = emptyGraph();
    for (let c = 0; c < PALETTE.length + 2; c++) for (const n of [0, 1]) g.addNode(`n${c}-${n}.md`, note(`n${c}-${n}.md`, [], { community: c }));
    g.addNode('alone.md', note('alone.md', [], { community: 90 }));
    g.addNode('alone2.md', note('alone2.md', [], { community: 91 }));
    const scheme = buildCategorySchemeUncached(g, { mode: 'cluster', folderDepth: 1, groups: [], theme: 'dark' });
    expect(scheme.legend).toHaveLength(PALETTE.length + 3);
    expect(scheme.nodeColor('n0-1.md')).toBe(PALETTE[0]);
    expect(scheme.nodeColor(`n${PALETTE.length + 1}-0.md`)).toBe(NEUTRALS.dark.note);
    expect(scheme.legend.at(-1)).toMatchObject({ key: SOLO_CLUSTER, count: 2, color: null });
    expect(scheme.categoryOf('alone2.md')).toBe(SOLO_CLUSTER);
  });
});

describe('groups mode', () => {
  it('colors by the first matching rule, lists the rules in order then "no group"', () => {
    const g = sampleGraph();
    const groups = [
      { query: 'tag:#rust', color: '#ff0000' },
      { query: 'tag:#journal', color: '#00ff00' },
    ];
    const scheme = buildCategorySchemeUncached(g, { mode: 'groups', folderDepth: 1, groups, theme: 'light' });
    expect(scheme.legend.map((e) => [e.key, e.label, e.count, e.color])).toEqual([
      ['0', 'tag:#rust', 2, '#ff0000'],
      ['1', 'tag:#journal', 3, '#00ff00'],
      [NO_GROUP, 'No group', 1, null],
    ]);
    expect(scheme.nodeColor('e.md')).toBe('#ff0000'); // rust and journal: the first rule wins
    expect(scheme.nodeColor('o.md')).toBe(NEUTRALS.light.note);
  });

  it('a rule with no query yet says so in the legend and colors nothing', () => {
    const g = sampleGraph();
    const scheme = buildCategorySchemeUncached(g, { mode: 'groups', folderDepth: 1, groups: [{ query: '  ', color: '#ff0000' }], theme: 'light' });
    expect(scheme.legend[0]).toMatchObject({ key: '0', label: 'New group: type its query', count: 0 });
  });

  it('the view picks the mode; tag mode stays the tag palette with the groups first', () => {
    const g = sampleGraph();
    const groups = [{ query: 'file:o', color: '#123456' }];
    const byTag = nodeColors(g, { ...DEFAULT_VIEW, groups }, 'light');
    expect(byTag('o.md')).toBe('#123456');
    const byFolder = nodeColors(g, { ...DEFAULT_VIEW, colorBy: 'folder' }, 'light');
    expect(byFolder('o.md')).toBe(PALETTE[0]); // every note is at the root
  });

  it('rules are added in an unused color, removed, moved and edited', () => {
    const one = addRule([], 'tag:#a');
    expect(one).toEqual([{ query: 'tag:#a', color: PALETTE[0] }]);
    const two = addRule(one);
    expect(two[1]).toEqual({ query: '', color: PALETTE[1] });
    const moved = moveRule(updateRule(two, 1, { query: 'b' }), 1, -1);
    expect(moved.map((r) => r.query)).toEqual(['b', 'tag:#a']);
    expect(moveRule(moved, 0, -1)).toEqual(moved);
    expect(removeRule(moved, 0)).toEqual([{ query: 'tag:#a', color: PALETTE[0] }]);
  });
});

describe('the schemes after a live change', () => {
  it('are built again when the graph changes live, even with the same counts', async () => {
    const { buildCategoryScheme } = await import('../../../src/app/style/categories.js');
    const { emitGraphChange } = await import('../../../src/app/live/graph-change.js');
    const g = emptyGraph();
    g.addNode('a/x.md', note('a/x.md', []));
    g.addNode('b/y.md', note('b/y.md', [], { community: 1 }));
    const options = { mode: 'cluster', folderDepth: 1, groups: [], theme: 'light' } as const;
    expect(buildCategoryScheme(g, options).categoryOf('b/y.md')).toBe('solo');
    g.mergeNodeAttributes('b/y.md', { community: 0 });
    expect(buildCategoryScheme(g, options).categoryOf('b/y.md')).toBe('solo'); // cached
    emitGraphChange(g, {} as never);
    expect(buildCategoryScheme(g, options).categoryOf('b/y.md')).toBe('0');
  });
});
