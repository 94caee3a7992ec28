/**
 * Parsing is linear: a 5 MB note parses in well under a second, and inputs
 * built to make regexes backtrack (long runs of brackets, backticks, `#`,
 * unclosed constructs) stay fast too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../src/extract/parse-note.js';

const seed = readFileSync(fileURLToPath(new URL('../../fixtures/parse/000_baa10c55511241ba.txt', import.meta.url)), 'utf8');
const MB = 1024 * 1024;

/** `unit` repeated to exactly `size` characters. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Best of a few runs, in ms (the machine is shared: the minimum is the honest figure). */
function timeParse(text: string, runs = 3): { ms: number; links: number } {
  let best = Infinity;
  let links = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    links = parseNote(text, 'big/note.md').links.length;
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, links };
}

describe('parseNote performance', () => {
  it('parses a 5 MB note in the seed format in under a second', () => {
    // The seed's frontmatter, then its body over and over, every link distinct.
    const body = seed.slice(seed.indexOf('# zoom'));
    let n = 0;
    const text = seed + fill(body, 5 * MB).replace(/\[\[([^\]]+)\]\]/g, (_all, t: string) => `[[${t} ${n++}]]`);
    const { ms, links } = timeParse(text);
    console.log(`5 MB seed-format note: ${ms.toFixed(0)} ms, ${links} links`);
    expect(links).toBeGreaterThan(10_000);
    expect(ms).toBeLessThan(1000);
  });

  const hostile: [string, string][] = [
    ['open brackets', '[['],
    ['wiki links', '[[a]] '],
    ['unclosed aliases', '[[a|'],
    ['backtick runs', '`` ` '],
    ['backtick per line', '`x\n'],
    ['fence per line', '```\n'],
    ['heading markers', '# '],
    ['tags', '#a '],
    ['unclosed link destinations', '[a]('],
    ['unclosed angle destinations', '[x](<a '],
    ['bad percent escapes', '[x](%%%.md) '],
    ['definitions', '[a]: b.md\n'],
    ['related headings', '# related\n[[a]]\n'],
    ['related items', '- related\n  - [[a]]\n'],
    ['html items', '<li>related <ul>'],
    ['unclosed tags', '<a '],
    ['unclosed comments', '<!--'],
    ['emphasis soup', '*_~=`'],
    ['spaces', ' '],
  ];
  it.each(hostile)('stays linear on 2 MB of %s', (_name, unit) => {
    const { ms } = timeParse(fill(unit, 2 * MB), 1);
    // Catastrophic backtracking would take minutes; linear work takes well under this.
    expect(ms).toBeLessThan(4000);
  });

  it('stays linear on 5 MB of blank lines inside frontmatter, and reports the right line', () => {
    const text = '---\n' + '\n'.repeat(5_000_000) + 'a: 1\n  b: bad\n---\nbody';
    const t0 = performance.now();
    const note = parseNote(text, 'fm.md');
    expect(performance.now() - t0).toBeLessThan(4000);
    expect(note.warnings).toEqual([{ file: 'fm.md', line: 5_000_003, message: expect.stringContaining('bad indentation') }]);
  });

  it('stays linear on a 2 MB single line of heading hashes ending in a letter', () => {
    const { ms } = timeParse('# ' + fill('# ', 2 * MB) + 'x', 1);
    expect(ms).toBeLessThan(4000);
  });
});
