/**
 * The reference note of DESIGN.md as a fixture: every field the parser
 * derives from it, the same result with CRLF line endings and a BOM, and the
 * malformed-YAML fixtures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../src/extract/parse-note.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));
const SEED_NAME = '000_baa10c55511241ba.txt';
const seedText = readFileSync(FIXTURES + SEED_NAME, 'utf8');
const SEED_PATH = `journal/${SEED_NAME}`;

const MELTDOWN = 'zoom security meltdown exposes cryptography gaps';
const REMOTE = 'remote work normalizes across platforms';

describe('the seed note', () => {
  const note = parseNote(seedText, SEED_PATH);

  it('is the copy of the shared seed', () => {
    expect(seedText).toBe(readFileSync(fileURLToPath(new URL('../../../../shared/seeds/' + SEED_NAME, import.meta.url)), 'utf8'));
  });

  it('has its frontmatter fields', () => {
    expect(note.path).toBe(SEED_PATH);
    expect(note.title).toBe('zoom rolls out end to end encryption');
    expect(note.draft).toBe(true);
    expect(note.created).toBe('2020-10-26');
    expect(note.updated).toBe('2020-10-26');
    expect(note.aliases).toEqual([]);
    expect(note.summary).toBe('Zoom delivered optional end-to-end encryption for all users, addressing spring 2020 trust issues.');
    expect(note.warnings).toEqual([]);
  });

  it('has exactly its four frontmatter tags (inline #security, #remote-work dedupe; #2020 and the lone # are not tags)', () => {
    expect(note.tags).toEqual(['tech-journal', 'security', 'remote-work', '2020']);
  });

  it('links its two targets inline from the prose and as related from the linkage list', () => {
    expect(note.links.map((l) => [l.kind, l.target, l.line])).toEqual([
      ['inline', MELTDOWN, 30],
      ['inline', REMOTE, 32],
      ['related', MELTDOWN, 55],
      ['related', REMOTE, 56],
    ]);
    expect(note.links.every((l) => l.relativePath === undefined)).toBe(true);
  });

  it('gives each link the plain sentence around it', () => {
    expect(note.links[0].context).toBe(`It’s the promised fix to the trust cliff captured in ${MELTDOWN}.`);
    expect(note.links[1].context).toBe(`Growth in remote work (see ${REMOTE}) demanded stronger assurances.`);
  });

  it('ignores the external markdown link and counts body words only', () => {
    expect(note.links.some((l) => l.kind === 'markdown')).toBe(false);
    expect(note.words).toBeGreaterThan(150);
    expect(note.words).toBeLessThan(260);
  });

  it('parses the same with CRLF line endings, a BOM, or both', () => {
    const crlf = seedText.replace(/\n/g, '\r\n');
    expect(parseNote(crlf, SEED_PATH)).toEqual(note);
    expect(parseNote('\uFEFF' + seedText, SEED_PATH)).toEqual(note);
    expect(parseNote('\uFEFF' + crlf, SEED_PATH)).toEqual(note);
  });

  it('returns fresh objects on every call (no gray-matter cache sharing)', () => {
    const a = parseNote(seedText, SEED_PATH);
    const b = parseNote(seedText, SEED_PATH);
    expect(a).toEqual(b);
    expect(a.tags).not.toBe(b.tags);
    a.tags.push('mutated');
    expect(parseNote(seedText, SEED_PATH).tags).toHaveLength(4);
  });
});

describe('malformed frontmatter fixtures', () => {
  it('keeps a note with broken YAML, without frontmatter, and warns with the file line', () => {
    const note = parseNote(readFileSync(FIXTURES + 'malformed-yaml.md', 'utf8'), 'notes/malformed-yaml.md');
    expect(note.warnings).toHaveLength(1);
    const [w] = note.warnings;
    expect(w.file).toBe('notes/malformed-yaml.md');
    // The flow sequence opened on line 5 is never closed: js-yaml notices on
    // the next line, where a comma between entries should have been.
    expect(w.line).toBe(6);
    expect(w.message).toMatch(/malformed YAML frontmatter: .*flow collection.*\(line 6\); its wiki links are still read$/);
    expect(note.title).toBe('Heading from the body');
    expect(note.tags).toEqual(['kept-tag']);
    expect(note.created).toBeNull();
    expect(note.links.map((l) => [l.kind, l.target, l.line])).toEqual([['inline', 'Kept link', 11]]);
  });

  it('reports a bad indentation at its own line', () => {
    const note = parseNote('---\ntitle: x\n  oops: y\n---\n', 'n.md');
    expect(note.warnings).toEqual([{ file: 'n.md', line: 3, message: expect.stringContaining('bad indentation') }]);
  });

  it('treats an unfilled {{date}} template placeholder as malformed, at its line, and still reads its wiki links', () => {
    const note = parseNote(readFileSync(FIXTURES + 'template-placeholder.md', 'utf8'), 'Templates/t.md');
    expect(note.warnings).toEqual([{ file: 'Templates/t.md', line: 4, message: expect.stringContaining('{{date}}') }]);
    expect(note.warnings[0].message).toMatch(/; its wiki links are still read$/);
    // No frontmatter data: its `tags: [to-read]` is not taken.
    expect(note.tags).toEqual([]);
    // But `categories: - "[[Books]]"` is a link, at the line of the list item.
    expect(note.links).toEqual([{ target: 'Books', kind: 'frontmatter', line: 3, context: 'categories: Books' }]);
  });
});
