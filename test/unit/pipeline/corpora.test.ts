// The two real vaults of ../shared/corpora build without an error, and our
// counts match the independent figures of its README; every difference is
// derived here from the rule that causes it, not just asserted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../../src/extract/pipeline.js';
import { buildResolveIndex, resolveTarget } from '../../../src/extract/resolve.js';
import type { RawLink } from '../../../src/extract/types.js';

const CORPORA = path.resolve(import.meta.dirname, '../../../../shared/corpora');

/** Raw links of the given kinds, over every note. */
function rawLinks(r: PipelineResult, kinds: RawLink['kind'][]): RawLink[] {
  return r.notes.flatMap((n) => n.links.filter((l) => kinds.includes(l.kind)));
}

/** Distinct targets of wiki-style links (no markdown links, no attachments), split by outcome. */
function wikiTargets(links: { target: string; targetKind: string; kind: string }[]) {
  const wiki = links.filter((l) => l.kind !== 'markdown' && l.targetKind !== 'attachment');
  const resolved = new Set(wiki.filter((l) => l.targetKind === 'note').map((l) => l.target));
  const dangling = new Set(wiki.filter((l) => l.targetKind === 'dangling').map((l) => l.target));
  return { distinct: resolved.size + dangling.size, resolved: resolved.size, dangling: dangling.size };
}

/** Notes with no link to or from another existing note, given a list of resolved links. */
function orphans(notes: string[], links: { source: string; target: string; targetKind: string }[]): number {
  const linked = new Set<string>();
  for (const l of links) {
    if (l.targetKind === 'note' && l.source !== l.target) linked.add(l.source).add(l.target);
  }
  return notes.filter((n) => !linked.has(n)).length;
}

describe('foam-docs', () => {
  let r: PipelineResult;
  beforeAll(async () => {
    r = await runPipeline(path.join(CORPORA, 'foam-docs'), { layoutTicks: 20 });
  });

  it('builds without a warning', () => {
    expect(r.warnings).toEqual([]);
  });

  it('notes: 86 + LICENSE.txt, a .txt file being a note for us (README counted .md only)', () => {
    const txt = r.notes.filter((n) => n.path.endsWith('.txt')).map((n) => n.path);
    expect(txt).toEqual(['LICENSE.txt']);
    expect(r.stats.notes).toBe(86 + txt.length);
  });

  it('wiki links: 199 (inline and related, the latter being wiki links under a "related" heading)', () => {
    expect(rawLinks(r, ['inline', 'related'])).toHaveLength(199);
    expect(rawLinks(r, ['frontmatter'])).toHaveLength(0);
  });

  it('embeds: 0 wiki embeds; our 18 embeds are Markdown images ![](x.gif), which the README does not count', () => {
    const embeds = rawLinks(r, ['embed']);
    expect(embeds).toHaveLength(18);
    expect(embeds.every((l) => l.relativePath !== undefined)).toBe(true);
  });

  it('targets: 77 distinct, 75 resolved, 2 dangling; our 2 extra dangling targets are Markdown links out of docs/', () => {
    expect(wikiTargets(r.resolved.links)).toEqual({ distinct: 77, resolved: 75, dangling: 2 });
    const markdownDangling = [...new Set(r.resolved.links.filter((l) => l.kind === 'markdown' && l.targetKind === 'dangling').map((l) => l.written))];
    // The corpus is the docs/ folder of the foam repository: these point to files above it.
    expect(markdownDangling.every((t) => t.startsWith('../'))).toBe(true);
    expect(r.stats.danglingTargets).toBe(2 + markdownDangling.length);
  });

  it('orphans: 7', () => {
    expect(r.stats.orphans).toBe(7);
  });
});

describe('kepano-obsidian', () => {
  let r: PipelineResult;
  /** Frontmatter wiki links of the notes whose YAML does not parse (we keep those notes without frontmatter). */
  let lost: { source: string; target: string; targetKind: string }[];
  beforeAll(async () => {
    const vault = path.join(CORPORA, 'kepano-obsidian');
    r = await runPipeline(vault, { layoutTicks: 20 });
    const index = buildResolveIndex(r.notes, []);
    const malformed = r.warnings.filter((w) => /YAML/.test(w.message)).map((w) => w.file);
    lost = malformed.flatMap((file) => {
      const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(vault, file), 'utf8'))?.[1] ?? '';
      return [...block.matchAll(/\[\[([^\]|#]+)[^\]]*\]\]/g)].map((m) => {
        const t = resolveTarget({ target: m[1], kind: 'frontmatter', line: 1, context: '' }, file, index)!;
        return { source: file, target: t.key, targetKind: t.kind };
      });
    });
  });

  it('notes: 103; the only warnings are the 28 notes whose YAML does not parse ({{date}} placeholders)', () => {
    expect(r.stats.notes).toBe(103);
    expect(r.warnings).toHaveLength(28);
    expect(r.warnings.every((w) => /malformed YAML/.test(w.message))).toBe(true);
  });

  it('wiki links 14, embeds 61', () => {
    expect(rawLinks(r, ['inline', 'related'])).toHaveLength(14);
    expect(rawLinks(r, ['embed'])).toHaveLength(61);
  });

  it('links in frontmatter: 134 = ours + those inside the 28 YAML blocks that do not parse', () => {
    const ours = rawLinks(r, ['frontmatter']).length;
    expect(ours).toBe(103);
    expect(ours + lost.length).toBe(134);
  });

  it('targets: 81 distinct, 32 resolved, 49 dangling once the unparsed frontmatter links are counted', () => {
    const ours = wikiTargets(r.resolved.links);
    expect(ours.resolved).toBe(32);
    expect(r.stats.danglingTargets).toBe(ours.dangling);
    const all = wikiTargets([...r.resolved.links, ...lost.map((l) => ({ ...l, kind: 'frontmatter' }))]);
    expect(all).toEqual({ distinct: 81, resolved: 32, dangling: 49 });
    // `cover: "[[out-of-control.jpg]]"` names an image: an attachment, as in the README.
    expect(r.graph.hasNode('@out-of-control.jpg')).toBe(true);
  });

  it('orphans: 26 with the unparsed frontmatter links; ours is higher by exactly the notes they would join', () => {
    const notes = r.notes.map((n) => n.path);
    expect(orphans(notes, r.resolved.links)).toBe(r.stats.orphans);
    expect(orphans(notes, [...r.resolved.links, ...lost])).toBe(26);
  });
});
