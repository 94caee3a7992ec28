// Resolution (src/extract/resolve.ts): one table row per level and tie rule of DESIGN.md.
import { describe, expect, it } from 'vitest';
import type { LinkKind } from '../../../src/core/contract.js';
import { buildResolveIndex, resolveLinks, resolveTarget } from '../../../src/extract/resolve.js';
import type { ParsedNote, RawLink } from '../../../src/extract/types.js';

function note(path: string, extra: Partial<ParsedNote> = {}): ParsedNote {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return {
    path, title: base, tags: [], aliases: [], summary: '', created: null, updated: null,
    draft: false, words: 0, links: [], warnings: [], ...extra,
  };
}

function link(target: string, kind: LinkKind = 'inline', relativePath?: string): RawLink {
  return { target, kind, line: 1, context: '', ...(relativePath !== undefined ? { relativePath } : {}) };
}

const NFD_CAFE = 'cafe\u0301';
const NFC_CAFE = 'caf\u00e9';

const notes = [
  note('t.md'),
  note('folder/t.md'),
  note('a/b/c.md'),
  note('x/c.md'),
  note('deep/nested/folder/c.md'),
  note('journal/2020-04-02 meltdown.md', { title: 'zoom security meltdown exposes cryptography gaps' }),
  note('people/ada.md', { aliases: ['Countess of Lovelace'] }),
  note('name-beats-alias.md'),
  note('other.md', { aliases: ['name-beats-alias', 'alias-beats-title'] }),
  note('titled.md', { title: 'alias-beats-title' }),
  note('plain.txt'),
  note(`${NFC_CAFE}.md`),
  note('ties/dup.md'),
  note('ties/longer-folder/dup.md'),
  note('ab/dup.md'),
  note('aa/dup.md'),
  note('net.md', { title: 'TCP/IP' }),
  note('Mixed Case.md'),
];
const files = ['assets/diagram.png', 'docs/spec.pdf', 'Photo.JPG'];
const index = buildResolveIndex(notes, files);

// [target, kind, linking note, expected key, relativePath?]
const table: [string, string, LinkKind, string, string, string?][] = [
  ['level 1: path without extension wins over a file name', 'folder/t', 'inline', 'a/b/c.md', 'folder/t.md'],
  ['level 1: path suffix', 'b/c', 'inline', 't.md', 'a/b/c.md'],
  ['level 1: full path with extension', 'a/b/c.md', 'inline', 't.md', 'a/b/c.md'],
  ['level 1: leading slash = vault root', '/folder/t', 'inline', 'x/c.md', 'folder/t.md'],
  ['level 2: file name, case-insensitive', 'MIXED case', 'inline', 't.md', 'Mixed Case.md'],
  ['level 2: [[t.md]] strips the extension', 't.md', 'inline', 'x/c.md', 't.md'],
  ['level 2: .txt note by name', 'plain', 'inline', 't.md', 'plain.txt'],
  ['level 2: .txt note with extension', 'plain.txt', 'inline', 't.md', 'plain.txt'],
  ['level 3: alias', 'countess of lovelace', 'inline', 't.md', 'people/ada.md'],
  ['level 4: title (the seed links by title)', 'zoom security meltdown exposes cryptography gaps', 'related', 't.md', 'journal/2020-04-02 meltdown.md'],
  ['level order: file name beats alias', 'name-beats-alias', 'inline', 't.md', 'name-beats-alias.md'],
  ['level order: alias beats title', 'alias-beats-title', 'inline', 't.md', 'other.md'],
  ['a slash that is no path falls through to the title', 'TCP/IP', 'inline', 't.md', 'net.md'],
  ['tie: same folder as the linking note', 'c', 'inline', 'deep/nested/folder/other.md', 'deep/nested/folder/c.md'],
  ['tie: else the shortest path', 'c', 'inline', 't.md', 'x/c.md'],
  ['tie: same folder beats a shorter path', 'dup', 'inline', 'ties/longer-folder/z.md', 'ties/longer-folder/dup.md'],
  ['tie: equal length, first in sort order', 'dup', 'inline', 't.md', 'aa/dup.md'],
  ['NFD link finds an NFC file name', NFD_CAFE, 'inline', 't.md', `${NFC_CAFE}.md`],
  ['NFD + upper case', NFD_CAFE.toUpperCase(), 'inline', 't.md', `${NFC_CAFE}.md`],
  ['outside the vault: a dangling name, never a path', '../../etc/passwd', 'inline', 't.md', '?../../etc/passwd'],
  ['no match: dangling key is ? + normalised target', 'Remote Work Normalizes', 'related', 't.md', '?remote work normalizes'],
  ['dangling [[x.md]] and [[x]] are one target', 'Missing.md', 'inline', 't.md', '?missing'],
  ['embed of an existing image: attachment by its path', 'diagram.png', 'embed', 't.md', '@assets/diagram.png'],
  ['embed by path suffix', 'docs/spec.pdf', 'embed', 't.md', '@docs/spec.pdf'],
  ['embed, case-insensitive', 'photo.jpg', 'embed', 't.md', '@Photo.JPG'],
  ['embed of a missing file: attachment by name', 'Meetings.base', 'embed', 't.md', '@Meetings.base'],
  ['plain link to an existing file: attachment', 'spec.pdf', 'inline', 't.md', '@docs/spec.pdf'],
  ['plain link with a dot but no file: a note name', 'v1.2', 'inline', 't.md', '?v1.2'],
  ['frontmatter link to a missing image: attachment by name', 'out-of-control.jpg', 'frontmatter', 't.md', '@out-of-control.jpg'],
  ['embed of an unknown dotted name: attachment', 'v1.2', 'embed', 't.md', '@v1.2'],
  ['embed of a note is a note link', 'plain', 'embed', 't.md', 'plain.txt'],
];

const markdownTable: [string, string, string, string, string][] = [
  // [case, target as written, relativePath, linking note, expected]
  ['markdown: exact relative path', '../b/c.md', 'a/b/c.md', 'a/x/n.md', 'a/b/c.md'],
  ['markdown: case-insensitive path', 'C.MD', 'A/B/C.MD', 'a/b/n.md', 'a/b/c.md'],
  ['markdown: path without extension gets .md', 'c', 'a/b/c', 'a/b/n.md', 'a/b/c.md'],
  ['markdown: vault-absolute path (Obsidian style)', 'folder/t.md', 'x/folder/t.md', 'x/n.md', 'folder/t.md'],
  ['markdown: shortest-path style name', 'plain.txt', 'sub/plain.txt', 'sub/n.md', 'plain.txt'],
  ['markdown: outside the vault is dangling', '../../etc/passwd.md', '../etc/passwd.md', 'x/n.md', '?../../etc/passwd'],
  ['markdown: image is an attachment', '../assets/diagram.png', 'assets/diagram.png', 'x/n.md', '@assets/diagram.png'],
  ['markdown: missing image by name', '../../img/a.gif', '../img/a.gif', 'x/n.md', '@a.gif'],
];

describe('resolveTarget', () => {
  it.each(table)('%s', (_name, target, kind, source, expected) => {
    expect(resolveTarget(link(target, kind), source, index)?.key).toBe(expected);
  });
  it.each(markdownTable)('%s', (_name, target, relativePath, source, expected) => {
    expect(resolveTarget(link(target, 'markdown', relativePath), source, index)?.key).toBe(expected);
  });
  it('ignores an empty target', () => {
    expect(resolveTarget(link('  '), 't.md', index)).toBeNull();
  });
});

describe('resolveLinks', () => {
  it('drops self links, keeps the first spelling, merges attachment casings', () => {
    const source = note('folder/t.md', {
      links: [link('t'), link('folder/t'), link('Ghost Note'), link('ghost note'), link('diagram.PNG', 'embed'), link('nope.png', 'embed'), link('NOPE.png', 'embed')],
    });
    const { links, attachments } = resolveLinks([source], index);
    // [[t]] and [[folder/t]] both name the note itself ([[t]] by the same-folder tie rule): dropped.
    expect(links.map((l) => [l.target, l.targetKind, l.written])).toEqual([
      ['?ghost note', 'dangling', 'Ghost Note'],
      ['?ghost note', 'dangling', 'ghost note'],
      ['@assets/diagram.png', 'attachment', 'diagram.PNG'],
      ['@nope.png', 'attachment', 'nope.png'],
      ['@nope.png', 'attachment', 'NOPE.png'],
    ]);
    expect([...attachments]).toEqual([
      ['@assets/diagram.png', { title: 'diagram.png', path: 'assets/diagram.png' }],
      ['@nope.png', { title: 'nope.png', path: null }],
    ]);
  });

  it('stays linear: 20,000 notes of the same name, each linking to it, resolve fast', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => note(`f${String(i).padStart(5, '0')}/index.md`, { links: [link('index'), link(`f${i}`)] }));
    const start = performance.now();
    const { links } = resolveLinks(many, buildResolveIndex(many));
    const ms = performance.now() - start;
    // Same folder wins: every [[index]] is a self link, dropped; [[fN]] dangles.
    expect(links).toHaveLength(20_000);
    expect(ms).toBeLessThan(2_000);
  });
});
