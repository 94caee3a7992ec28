/**
 * parseNote over every file of the real vaults in ../shared/corpora: it never
 * throws, and what it finds agrees with the corpora README's independent
 * counts where the rules are the same.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../src/extract/parse-note.js';
import type { ParsedNote } from '../../../src/extract/types.js';

const CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

function parseVault(name: string): ParsedNote[] {
  const root = join(CORPORA, name);
  return filesUnder(root)
    .filter((f) => /\.(md|markdown)$/i.test(f))
    .map((f) => parseNote(readFileSync(f, 'utf8'), relative(root, f).split('\\').join('/')));
}

const kindCount = (notes: ParsedNote[], kind: string): number =>
  notes.reduce((n, note) => n + note.links.filter((l) => l.kind === kind).length, 0);

describe('the real vaults', () => {
  it('parses every file in the corpora (any extension) without throwing', () => {
    const files = filesUnder(CORPORA);
    expect(files.length).toBeGreaterThan(190);
    for (const f of files) {
      const note = parseNote(readFileSync(f, 'utf8'), relative(CORPORA, f));
      expect(typeof note.title).toBe('string');
      expect(note.title.length).toBeGreaterThan(0);
    }
  });

  it('foam-docs: 86 notes, 199 wiki links as the README counts, Foam reference definitions as markdown links', () => {
    const notes = parseVault('foam-docs');
    expect(notes).toHaveLength(86);
    // README: 199 wiki links, 0 embeds. Wiki links split into inline and
    // related (those under a "## Related" heading); our 18 embeds are all
    // Markdown images (`![x](../assets/x.gif)`), which the README's count of
    // wiki embeds leaves out.
    expect(kindCount(notes, 'inline') + kindCount(notes, 'related')).toBe(199);
    const embeds = notes.flatMap((n) => n.links.filter((l) => l.kind === 'embed'));
    expect(embeds.every((l) => l.relativePath !== undefined)).toBe(true);
    const faq = notes.find((n) => n.path === 'user/frequently-asked-questions.md')!;
    expect(faq.links.filter((l) => l.kind === 'markdown').map((l) => l.relativePath)).toContain('user/features/wikilinks.md');
    expect(notes.flatMap((n) => n.warnings)).toEqual([]);
  });

  it('foam-docs: link contexts read as text, not bare slugs (a [[slug]] reads as its definition title)', () => {
    const notes = parseVault('foam-docs');
    const contexts = notes.flatMap((n) => n.links.map((l) => l.context));
    // A whole context that is a slug (`search-and-navigate-notes`), or one listing definitions (`[tags]: tags.md 'Tags'`).
    expect(contexts.filter((c) => /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(c))).toEqual([]);
    expect(contexts.filter((c) => /\[[^\]]+\]: \S+\.md/.test(c))).toEqual([]);
    const index = notes.find((n) => n.path === 'user/index.md')!;
    expect(index.links.find((l) => l.target === 'get-started-with-vscode')!.context).toBe('Using Foam with VS Code Features');
  });

  it('kepano-obsidian: 103 notes, 134 frontmatter links as the README counts (31 in the 28 templates with malformed YAML), emoji tags', () => {
    const notes = parseVault('kepano-obsidian');
    expect(notes).toHaveLength(103);
    expect(kindCount(notes, 'inline') + kindCount(notes, 'related')).toBe(14);
    expect(kindCount(notes, 'embed')).toBe(61);
    // README: 134 links in frontmatter, 31 of them in the 28 templates whose
    // `created: {{date}}` is not YAML: those notes keep no frontmatter data,
    // but the wiki links of their blocks are read line by line.
    expect(kindCount(notes, 'frontmatter')).toBe(134);
    const warned = notes.filter((n) => n.warnings.length > 0);
    expect(warned).toHaveLength(28);
    expect(warned.every((n) => n.path.startsWith('Templates/'))).toBe(true);
    expect(warned.every((n) => n.warnings[0].message.includes('{{date}}'))).toBe(true);
    expect(kindCount(warned, 'frontmatter')).toBe(31);
    // Their `tags:` lists are not read; only inline tags of the body could count.
    const book = warned.find((n) => n.path === 'Templates/Book Template.md')!;
    expect(book.tags).not.toContain('to-read');
    expect(book.links.filter((l) => l.kind === 'frontmatter')).toEqual([
      { target: 'Books', kind: 'frontmatter', line: 3, context: 'categories: Books' },
    ]);
    // Its first H1 is a section heading further down, not the note's name (issue 10.1).
    expect(notes.find((n) => n.path === 'References/Kevin Kelly.md')!.title).toBe('Kevin Kelly');
    expect(notes.filter((n) => n.title === 'Clippings').map((n) => n.path)).toEqual(['Categories/Clippings.md']);
    const evergreen = notes.find((n) => n.path.startsWith('Notes/Evergreen notes'))!;
    expect(evergreen.tags).toContain('0🌲');
  });
});
