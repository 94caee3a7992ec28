import { describe, expect, it } from 'vitest';
import { NEUTRALS, PALETTE, buildTagPalette, buildTagPaletteUncached, resolveTheme } from '../../../src/app/style/colors.js';
import { emptyGraph, note, sampleGraph } from './graph-fixture.js';

const light = { tagDepth: 0, colorCommonTags: false, theme: 'light' as const };

/** 40 notes, all tagged `everywhere`; tag `t<i>` (i < tagCount) is on notes n0..n(tagCount-1-i), so on tagCount - i notes. */
function manyTags(tagCount: number) {
  const g = emptyGraph();
  for (let j = 0; j < 40; j++) {
    const tags = ['everywhere'];
    for (let i = 0; i < tagCount - j; i++) tags.push(`t${String(i).padStart(2, '0')}`);
    g.addNode(`n${j}.md`, note(`n${j}.md`, tags));
  }
  return g;
}

describe('buildTagPalette', () => {
  it('is built once for the legend (groups left out) and the map (the groups in force, [] for none)', () => {
    const g = sampleGraph();
    expect(buildTagPalette(g, { ...light, groups: [] })).toBe(buildTagPalette(g, light));
  });

  it('lists tags by count, then name, with counts of notes', () => {
    const p = buildTagPaletteUncached(sampleGraph(), light);
    expect(p.legend.map((e) => [e.tag, e.count])).toEqual([
      ['journal', 5],
      ['rust', 2],
      ['ideas', 1],
      ['security/e2ee', 1],
      ['Security/keys', 1],
    ]);
    expect(p.notesTotal).toBe(6);
  });

  it('gives no color to a tag on more than half of the notes, and no palette slot', () => {
    const p = buildTagPaletteUncached(sampleGraph(), light);
    const journal = p.legend[0];
    expect(journal).toMatchObject({ key: 'journal', common: true, color: null });
    expect(p.common.map((e) => e.key)).toEqual(['journal']);
    expect(p.legend.slice(1).map((e) => e.color)).toEqual(PALETTE.slice(0, 4));
    expect(p.legend.slice(1).every((e) => !e.common)).toBe(true);
    expect(p.colorOf('journal')).toBeNull();
    expect(p.colorOf('RUST')).toBe(PALETTE[0]);
  });

  it('exactly half is not common', () => {
    const g = emptyGraph();
    g.addNode('a.md', note('a.md', ['x']));
    g.addNode('b.md', note('b.md', []));
    expect(buildTagPaletteUncached(g, light).legend[0]).toMatchObject({ key: 'x', common: false, color: PALETTE[0] });
  });

  it('colors common tags on request from the end of the palette, leaving the others unchanged', () => {
    const off = buildTagPaletteUncached(sampleGraph(), light);
    const on = buildTagPaletteUncached(sampleGraph(), { ...light, colorCommonTags: true });
    expect(on.colorOf('journal')).toBe(PALETTE[PALETTE.length - 1]);
    for (const entry of off.legend.slice(1)) expect(on.colorOf(entry.key)).toBe(entry.color);
    // A note whose first tag is journal now takes journal's color.
    expect(on.nodeColor('a.md')).toBe(PALETTE[PALETTE.length - 1]);
  });

  it('a note takes the color of the first of its own tags that has a color', () => {
    const p = buildTagPaletteUncached(sampleGraph(), light);
    // a: [journal (common: no color), security/e2ee] -> security/e2ee's color.
    expect(p.nodeColor('a.md')).toBe(p.colorOf('security/e2ee'));
    // e: [rust, journal] -> rust; c: [journal, rust] -> rust.
    expect(p.nodeColor('e.md')).toBe(p.colorOf('rust'));
    expect(p.nodeColor('c.md')).toBe(p.colorOf('rust'));
    // d: [journal] only -> grey.
    expect(p.nodeColor('d.md')).toBe(NEUTRALS.light.note);
    expect(p.nodeColor('?missing')).toBe(NEUTRALS.light.dangling);
    expect(p.nodeColor('@img.png')).toBe(NEUTRALS.light.attachment);
    expect(p.nodeColor('unknown')).toBe(NEUTRALS.light.note);
  });

  it('colors only the top tags; the rest are grey, and a note falls through to a colored tag', () => {
    const g = manyTags(14);
    g.addNode('x.md', note('x.md', ['t13', 't05']));
    const p = buildTagPaletteUncached(g, light);
    const colored = p.legend.filter((e) => e.color !== null).map((e) => e.key);
    expect(colored).toEqual(Array.from({ length: PALETTE.length }, (_, i) => `t${String(i).padStart(2, '0')}`));
    expect(p.colorOf('t13')).toBeNull();
    expect(new Set(colored.map((k) => p.colorOf(k))).size).toBe(PALETTE.length);
    expect(p.legend[0]).toMatchObject({ key: 'everywhere', count: 40, common: true, color: null });
    expect(p.legend[1]).toMatchObject({ key: 't00', count: 14, common: false });
    // n13 carries [everywhere, t00]: everywhere is common, so t00.
    expect(p.nodeColor('n13.md')).toBe(PALETTE[0]);
    // n0 carries every tag, t00 first among them.
    expect(p.nodeColor('n0.md')).toBe(PALETTE[0]);
    expect(p.nodeColor('n20.md')).toBe(NEUTRALS.light.note);
    // x: t13 is grey, so t05.
    expect(p.nodeColor('x.md')).toBe(PALETTE[5]);
  });

  it('groups nested tags at the tag depth, counting each note once', () => {
    const g = emptyGraph();
    g.addNode('a.md', note('a.md', ['security/e2ee', 'Security/keys']));
    g.addNode('b.md', note('b.md', ['security/keys/rotation']));
    g.addNode('c.md', note('c.md', ['rust']));
    g.addNode('d.md', note('d.md', ['misc']));
    g.addNode('e.md', note('e.md', []));
    const full = buildTagPaletteUncached(g, light);
    expect(full.legend.map((e) => e.key)).toEqual(['misc', 'rust', 'security/e2ee', 'security/keys', 'security/keys/rotation']);
    const one = buildTagPaletteUncached(g, { ...light, tagDepth: 1 });
    expect(one.legend.map((e) => [e.tag, e.count])).toEqual([
      ['security', 2],
      ['misc', 1],
      ['rust', 1],
    ]);
    expect(one.colorOf('security/anything')).toBe(one.colorOf('security'));
    expect(one.nodeColor('b.md')).toBe(one.nodeColor('a.md'));
    const two = buildTagPaletteUncached(g, { ...light, tagDepth: 2 });
    expect(two.legend.map((e) => [e.key, e.count])).toEqual([
      ['security/keys', 2],
      ['misc', 1],
      ['rust', 1],
      ['security/e2ee', 1],
    ]);
  });

  it('is deterministic and memoized per options', () => {
    const g = sampleGraph();
    const a = buildTagPaletteUncached(g, light);
    const b = buildTagPaletteUncached(sampleGraph(), light);
    expect(a.legend).toEqual(b.legend);
    expect(g.mapNodes((k) => a.nodeColor(k))).toEqual(g.mapNodes((k) => b.nodeColor(k)));
    const m = buildTagPalette(g, light);
    expect(buildTagPalette(g, { ...light })).toBe(m);
    expect(buildTagPalette(g, { ...light, theme: 'dark' })).not.toBe(m);
    expect(buildTagPalette(g, { ...light, theme: 'dark' }).nodeColor('d.md')).toBe(NEUTRALS.dark.note);
  });

  it('uses a palette without grey, of distinct colors', () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(9);
    expect(new Set(PALETTE).size).toBe(PALETTE.length);
    for (const c of PALETTE) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      expect(Math.max(r, g, b) - Math.min(r, g, b), c).toBeGreaterThan(40);
    }
  });
});

describe('resolveTheme', () => {
  it('follows the system unless set', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
