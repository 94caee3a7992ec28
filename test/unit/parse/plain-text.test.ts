/**
 * toPlainText answers most fragments through quickPlainText (no passes at
 * all). That shortcut must never change an answer: on every line, every
 * paragraph and thousands of seeded random slices of real notes (the sample
 * vault, both corpora, the seed), and on fragments built to sit at its
 * edges, whatever it returns equals what every pass returns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fullPlainText, quickPlainText, toPlainText } from '../../../src/extract/plain-text.js';
import { createRandom } from '../../../scripts/lib/prng.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const VAULTS = ['data/vault', '../shared/corpora/kepano-obsidian', '../shared/corpora/foam-docs'].map((v) => path.join(root, v));

function noteTexts(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...noteTexts(full));
    else if (/\.(md|txt)$/i.test(entry.name)) out.push(readFileSync(full, 'utf8'));
  }
  return out;
}

/** Lines, paragraphs, and seeded random slices (all lengths up to 400) of every note. */
function fragmentsOf(texts: string[]): string[] {
  const random = createRandom(7);
  const out: string[] = [];
  for (const text of texts) {
    out.push(...text.split('\n'), ...text.split(/\n\s*\n/));
    for (let i = 0; i < 40; i++) {
      const start = random.int(text.length);
      out.push(text.slice(start, start + 1 + random.int(400)));
    }
  }
  return out;
}

const EDGES = [
  'Plain words',
  'Plain words ',
  'Plain words\n',
  'Plain words  ',
  'Two\nlines',
  'Two\n- list',
  'Two\n1. list',
  'Two\n\nparagraphs',
  ' leading space',
  '- list item of plain words',
  '- [ ] a task',
  '- [x] done ',
  '* star item',
  '+ plus item\nand more',
  '1. numbered item',
  '12) numbered item',
  '## A heading',
  '#tag not a heading',
  '> quoted words',
  '> > nested quote\nlazy line',
  '>quote',
  '   indented words',
  '\tTabbed words',
  '- ',
  '-',
  '[[Target]]',
  '![[Target]]',
  '[[Target|Alias words]]',
  '[[Target|**bold** alias]]',
  '[[Target#Heading]]',
  '[[Target\\|Alias]]',
  '[[Tar<b>get|Alias]]',
  '[[Target]] and more',
  '[[]]',
  '[[ |  ]]',
  'snake_case word',
  'A & B',
  'x</li>',
  '        <li>',
  'word.',
  'Ends with a dash-',
  'Uses é accents',
  'Quote “curly”',
];

describe('toPlainText shortcut', () => {
  it('gives the full answer for every fragment of real notes and every edge case', () => {
    const fragments = [...EDGES, ...fragmentsOf(VAULTS.flatMap(noteTexts))];
    let quick = 0;
    const wrong: string[] = [];
    for (const fragment of fragments) {
      const answer = quickPlainText(fragment);
      if (answer === null) continue;
      quick++;
      if (answer !== fullPlainText(fragment)) wrong.push(JSON.stringify(fragment));
    }
    expect(wrong).toEqual([]);
    // The shortcut is not vacuous: it answers a good share of real fragments.
    expect(quick).toBeGreaterThan(fragments.length / 5);
  });

  it('reads the edge cases as a user would', () => {
    expect(toPlainText('Plain words ')).toBe('Plain words');
    expect(toPlainText('Two\nlines')).toBe('Two lines');
    expect(toPlainText('- [ ] a task')).toBe('a task');
    expect(toPlainText('> > nested quote\nlazy line')).toBe('nested quote lazy line');
    expect(toPlainText('[[Target|Alias words]]')).toBe('Alias words');
    expect(toPlainText('[[Target|**bold** alias]]')).toBe('bold alias');
    expect(toPlainText('## A heading')).toBe('A heading');
    expect(toPlainText('#tag not a heading')).toBe('#tag not a heading');
  });
});
