import { describe, expect, it } from 'vitest';
import type { UnlinkedMention } from '../../../src/core/contract.js';
import { MentionFinder } from '../../../src/extract/mentions.js';
import { parseNote } from '../../../src/extract/parse-note.js';
import { buildResolveIndex, resolveLinks } from '../../../src/extract/resolve.js';

/** Mentions in a vault given as { path: text }, found the way the build does. */
function mentionsOf(vault: Record<string, string>, rule?: ConstructorParameters<typeof MentionFinder>[0]['rule']) {
  const notes = Object.entries(vault).map(([path, text]) => parseNote(text, path));
  const index = buildResolveIndex(notes);
  const { links } = resolveLinks(notes, index);
  const finder = new MentionFinder({ notes, links, index, rule });
  for (const [path, text] of Object.entries(vault)) finder.add(path, text);
  return finder.finish();
}

const pairs = (mentions: UnlinkedMention[]) => mentions.map((m) => `${m.source} -> ${m.target}`);

describe('unlinked mentions', () => {
  it('finds a title named in another note, case-insensitively, with its sentence, line and the link to paste', () => {
    const report = mentionsOf({
      'graph theory.md': '# Graph Theory\n\nNodes and edges.',
      'notes/reading.md': 'Intro line.\n\nI read about GRAPH THEORY last week. Then slept.',
    });
    expect(report.mentions).toEqual([
      {
        source: 'notes/reading.md',
        target: 'graph theory.md',
        text: 'GRAPH THEORY',
        line: 3,
        context: 'I read about GRAPH THEORY last week.',
        count: 1,
        link: '[[GRAPH THEORY]]',
      },
    ]);
  });

  it('matches whole words only', () => {
    const report = mentionsOf({
      'Graph.md': 'a note',
      'b.md': 'Graphs and paragraphs, a subgraph, graph_db, but not a graph-less one... a Graph.',
    });
    expect(report.mentions.map((m) => [m.text, m.count])).toEqual([['graph', 2]]);
  });

  it('reads Unicode words: accents, other scripts, and composed = decomposed', () => {
    const report = mentionsOf({
      'Zürich.md': 'city',
      'Ελλάδα.md': 'country',
      'Straße.md': 'street',
      'trip.md': 'From zu\u0308rich to ΕΛΛΆΔΑ. Not Zürichsee, not Hauptstraße; but straße is.',
    });
    expect(report.mentions.map((m) => m.target).sort()).toEqual(['Straße.md', 'Zürich.md', 'Ελλάδα.md']);
    expect(report.mentions.find((m) => m.target === 'Zürich.md')!.text).toBe('zürich');
  });

  it('finds aliases and file names as well as titles', () => {
    const report = mentionsOf({
      'ml-2020.md': '---\ntitle: Machine Learning\naliases: [Statistical Learning]\n---\nbody',
      'a.md': 'Some statistical learning here.',
      'b.md': 'See ml-2020 for more.',
      'c.md': 'Machine learning, again.',
    });
    expect(pairs(report.mentions)).toEqual(['a.md -> ml-2020.md', 'b.md -> ml-2020.md', 'c.md -> ml-2020.md']);
  });

  it('does not count names inside links, code, frontmatter, URLs or tags, nor a note that links already', () => {
    const report = mentionsOf({
      'Kubernetes.md': 'k8s',
      'Docker.md': 'containers',
      'a.md': '---\ntopic: Kubernetes\n---\nA [[Docker]] setup: `kubernetes apply`.\n\n```\nkubernetes\n```\n[link about kubernetes](x.md) https://kubernetes.io #kubernetes',
      'b.md': 'Runs on Kubernetes, see [[kubernetes|k8s]].',
      'c.md': 'Docker Docker',
    });
    expect(pairs(report.mentions)).toEqual(['c.md -> Docker.md']);
  });

  it('a note does not mention itself', () => {
    expect(mentionsOf({ 'Sourdough.md': 'Sourdough is bread.' }).mentions).toEqual([]);
  });

  it('credits the longest name where names overlap (a name that is a prefix of another)', () => {
    const report = mentionsOf({
      'Deep Learning.md': 'x',
      'Deep Learning Systems.md': 'y',
      'a.md': 'The book Deep Learning Systems is good.',
      'b.md': 'Deep learning is fun.',
    });
    expect(pairs(report.mentions)).toEqual(['a.md -> Deep Learning Systems.md', 'b.md -> Deep Learning.md']);
  });

  it('a link mask or a line break splits a name', () => {
    const report = mentionsOf({ 'Deep Learning.md': 'x', 'a.md': 'Deep [[z]] Learning. Deep\nLearning.' });
    expect(report.mentions).toEqual([]);
  });

  it('skips names under 4 letters and names found in more than 5% of the notes, and lists the common ones', () => {
    const vault: Record<string, string> = { 'Go.md': 'lang', 'Python.md': 'lang', 'Rare Topic.md': 'x' };
    for (let i = 0; i < 40; i++) vault[`n${i}.md`] = `Day ${i}: wrote Python, some go.${i === 3 ? ' Also a rare topic.' : ''}`;
    const report = mentionsOf(vault, { minLetters: 4, maxShare: 0.05, minCommonNotes: 10 });
    expect(pairs(report.mentions)).toEqual(['n3.md -> Rare Topic.md']);
    expect(report.common).toEqual([{ name: 'python', notes: 40 }]);
    expect(report.rule).toEqual({ minLetters: 4, maxShare: 0.05, minCommonNotes: 10 });
  });

  it('gives a link with the path when the words cannot be a link target', () => {
    const report = mentionsOf({ 'lang/C# Notes.md': 'x', 'a.md': 'My c# notes are here.' });
    expect(report.mentions.map((m) => m.link)).toEqual(['[[lang/C# Notes|c# notes]]']);
  });
});

describe('MentionFinder.add', () => {
  it('reports what accept(path, scan(text)) reports, common names and the threshold included, on random vaults', () => {
    const words = ['graph', 'theory', 'deep', 'learning', 'notes', 'zürich', 'alpha', 'beta'];
    let seed = 7;
    let mentions = 0;
    let common = 0;
    const rnd = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let round = 0; round < 40; round++) {
      const vault: Record<string, string> = {};
      const count = 5 + rnd(30);
      for (let i = 0; i < count; i++) {
        const title = `${words[rnd(words.length)]} ${words[rnd(words.length)]}`;
        const body = Array.from({ length: 5 + rnd(40) }, () => (rnd(9) === 0 ? `[[${words[rnd(words.length)]}]]` : rnd(7) === 0 ? '\n' : words[rnd(words.length)])).join(' ');
        vault[`n${i}.md`] = `# ${title}\n\n${body}\n`;
      }
      const notes = Object.entries(vault).map(([path, text]) => parseNote(text, path));
      const index = buildResolveIndex(notes);
      const { links } = resolveLinks(notes, index);
      const rule = { minLetters: 4, maxShare: 0.05, minCommonNotes: 2 + rnd(4) };
      const byAdd = new MentionFinder({ notes, links, index, rule });
      const byScan = new MentionFinder({ notes, links, index, rule });
      for (const [path, text] of Object.entries(vault)) {
        byAdd.add(path, text);
        byScan.accept(path, byScan.scan(text));
      }
      const report = byAdd.finish();
      expect(report).toEqual(byScan.finish());
      mentions += report.mentions.length;
      common += report.common.length;
    }
    // Both sides of the threshold were exercised.
    expect(mentions).toBeGreaterThan(20);
    expect(common).toBeGreaterThan(20);
  });
});
