// The build's edge aggregation (sorted-edges.ts) against the plain one it replaces in the full build
// (aggregateEdges + a sort by source then target) on random vaults, with its degrees and orphan flags.
import { describe, expect, it } from 'vitest';
import type { LinkKind } from '../../../src/core/contract.js';
import { byCodeUnit } from '../../../src/core/order.js';
import { aggregateEdges } from '../../../src/extract/build-graph.js';
import { noteLinkEnds } from '../../../src/extract/health.js';
import { mergeSorted } from '../../../src/extract/merge-sorted.js';
import { seededRandom } from '../../../src/extract/metrics.js';
import { sortedEdges } from '../../../src/extract/sorted-edges.js';
import type { ResolvedLink } from '../../../src/extract/types.js';

const KINDS: LinkKind[] = ['inline', 'related', 'embed', 'frontmatter'];

/** A random vault's node keys (notes, `?dangling`, `@attachments`) and links between them, duplicates and self-links included. */
function randomVault(seed: number) {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const notes = Array.from({ length: 5 + Math.floor(rnd() * 40) }, (_, i) => `${pick(['a', 'B', 'z', 'é', 'a/b'])}${i}.md`);
  const dangling = Array.from({ length: Math.floor(rnd() * 6) }, (_, i) => `?ghost ${i}`);
  const attachments = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => `@img/${i}.png`);
  const links: ResolvedLink[] = [];
  for (let i = 0; i < 200 * rnd(); i++) {
    const source = pick(notes);
    const r = rnd();
    const [target, targetKind] =
      r < 0.75 || (!dangling.length && !attachments.length)
        ? [pick(notes), 'note' as const]
        : r < 0.9 && dangling.length
          ? [pick(dangling), 'dangling' as const]
          : attachments.length
            ? [pick(attachments), 'attachment' as const]
            : [pick(dangling), 'dangling' as const];
    links.push({ source, target, targetKind, written: target, kind: pick(KINDS), line: i + 1, context: `link ${i}` });
  }
  return { notes, dangling, attachments, links };
}

describe('sortedEdges', () => {
  it('gives the pairs, attributes, degrees and orphan flags of aggregateEdges + sort, on 200 random vaults', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { notes, dangling, attachments, links } = randomVault(seed);
      const keys = mergeSorted([[...notes].sort(byCodeUnit), [...dangling].sort(byCodeUnit), [...attachments].sort(byCodeUnit)]);
      expect(keys).toEqual([...notes, ...dangling, ...attachments].sort(byCodeUnit));
      const rank = new Map(keys.map((k, i) => [k, i]));
      const isNote = new Uint8Array(keys.length);
      for (const n of notes) isNote[rank.get(n)!] = 1;

      const got = sortedEdges(links, rank, isNote);
      const want = [...aggregateEdges(links).values()]
        .filter((e) => e.source !== e.target)
        .sort((a, b) => byCodeUnit(a.source, b.source) || byCodeUnit(a.target, b.target))
        .map(({ source, target, attrs }) => ({ source, target, attrs }));
      expect(got.attrs.map((attrs, i) => ({ source: keys[got.source[i]], target: keys[got.target[i]], attrs }))).toEqual(want);
      // Same attribute order too: graph.json writes them as they are.
      expect(got.attrs.map((a) => Object.keys(a).join())).toEqual(want.map((e) => Object.keys(e.attrs).join()));

      const { hasOut, hasIn } = noteLinkEnds(new Set(notes), links);
      for (const key of keys) {
        const r = rank.get(key)!;
        expect(got.outDegree[r]).toBe(want.filter((e) => e.source === key).length);
        expect(got.inDegree[r]).toBe(want.filter((e) => e.target === key).length);
        if (isNote[r]) expect(got.joinsNote[r] === 1).toBe(hasOut.has(key) || hasIn.has(key));
      }
    }
  });

  it('shares one frozen kinds list per combination', () => {
    const link = (source: string, target: string, kind: LinkKind, line: number): ResolvedLink => ({ source, target, targetKind: 'note', written: target, kind, line, context: '' });
    const links = [link('a', 'b', 'inline', 1), link('a', 'c', 'inline', 2), link('b', 'c', 'related', 3), link('b', 'c', 'inline', 4), link('c', 'a', 'inline', 5), link('c', 'b', 'related', 6), link('c', 'b', 'inline', 7)];
    const rank = new Map(['a', 'b', 'c'].map((k, i) => [k, i]));
    const { attrs } = sortedEdges(links, rank, new Uint8Array([1, 1, 1]));
    expect(attrs.map((a) => a.kinds)).toEqual([['inline'], ['inline'], ['inline', 'related'], ['inline'], ['inline', 'related']]);
    expect(attrs[0].kinds).toBe(attrs[1].kinds);
    expect(attrs[2].kinds).toBe(attrs[4].kinds);
    expect(Object.isFrozen(attrs[0].kinds)).toBe(true);
    // The first occurrence in link order gives context and line, even when a later link comes first by kind.
    expect(attrs[2].line).toBe(3);
    expect(attrs[2].count).toBe(2);
  });

  it('names the link when an end is not a node', () => {
    const links: ResolvedLink[] = [{ source: 'a', target: 'x', targetKind: 'note', written: 'x', kind: 'inline', line: 1, context: '' }];
    expect(() => sortedEdges(links, new Map([['a', 0]]), new Uint8Array([1]))).toThrow(/"a" to "x"/);
  });
});
