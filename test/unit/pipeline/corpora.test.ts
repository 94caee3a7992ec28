// The two real vaults of ../shared/corpora build without an error, and our
// counts match the independent figures of its README; every difference is
// derived here from the rule that causes it, not just asserted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../../src/extract/pipeline.js';
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
  /** Wiki links written in the YAML blocks that do not parse, found here by a plain regex: [file, target, file line]. */
  let inBrokenBlocks: [string, string, number][];
  beforeAll(async () => {
    const vault = path.join(CORPORA, 'kepano-obsidian');
    r = await runPipeline(vault, { layoutTicks: 20 });
    const malformed = r.warnings.filter((w) => /YAML/.test(w.message)).map((w) => w.file);
    inBrokenBlocks = malformed.flatMap((file) => {
      const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(vault, file), 'utf8'))?.[1] ?? '';
      // Line 1 of the block is file line 2, after the opening `---`.
      return block.split(/\r?\n/).flatMap((text, i) =>
        [...text.matchAll(/\[\[([^\]|#]+)[^\]]*\]\]/g)].map((m): [string, string, number] => [file, m[1].trim(), i + 2]));
    });
  });

  it('notes: 103; the only warnings are the 28 notes whose YAML does not parse ({{date}} placeholders)', () => {
    expect(r.stats.notes).toBe(103);
    expect(r.warnings).toHaveLength(28);
    expect(r.warnings.every((w) => /malformed YAML.*; its wiki links are still read$/.test(w.message))).toBe(true);
  });

  it('wiki links 14, embeds 61', () => {
    expect(rawLinks(r, ['inline', 'related'])).toHaveLength(14);
    expect(rawLinks(r, ['embed'])).toHaveLength(61);
  });

  it('links in frontmatter: 134, the 31 inside the 28 YAML blocks that do not parse included, at their lines', () => {
    expect(rawLinks(r, ['frontmatter'])).toHaveLength(134);
    const broken = new Set(inBrokenBlocks.map(([file]) => file));
    const ours = r.notes
      .filter((n) => broken.has(n.path))
      .flatMap((n) => n.links.filter((l) => l.kind === 'frontmatter').map((l): [string, string, number] => [n.path, l.target, l.line]));
    expect(inBrokenBlocks).toHaveLength(31);
    expect(ours).toEqual(inBrokenBlocks);
  });

  it('targets: 81 distinct, 32 resolved, 49 dangling', () => {
    expect(wikiTargets(r.resolved.links)).toEqual({ distinct: 81, resolved: 32, dangling: 49 });
    expect(r.stats.danglingTargets).toBe(49);
    // `cover: "[[out-of-control.jpg]]"` names an image: an attachment, as in the README.
    expect(r.graph.hasNode('@out-of-control.jpg')).toBe(true);
  });

  it('orphans: 26', () => {
    expect(orphans(r.notes.map((n) => n.path), r.resolved.links)).toBe(26);
    expect(r.stats.orphans).toBe(26);
  });
});
