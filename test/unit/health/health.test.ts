/**
 * buildHealth and assignHealth: the rules on hand-made links (ranking, ties,
 * first spelling, what counts as a link), then the fixture vault
 * test/fixtures/health-vault through the real scan, read, parse and resolve
 * stages, with exact orphans, dangling ranking, line numbers and suggestions.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { checkVault } from '../../../src/extract/check-vault.js';
import { runPipeline } from '../../../src/extract/pipeline.js';
import { assignHealth, buildHealth, healthStats } from '../../../src/extract/health.js';
import type { ParsedNote, ResolvedLink } from '../../../src/extract/types.js';

function note(path: string, title = path.replace(/\.\w+$/, '')): ParsedNote {
  return {
    path, title, aliases: [], tags: [], summary: '', created: null, updated: null,
    draft: false, words: 0, links: [], warnings: [],
  };
}

function link(source: string, target: string, line: number, written = target): ResolvedLink {
  const targetKind = target.startsWith('?') ? 'dangling' : target.startsWith('@') ? 'attachment' : 'note';
  return { source, target, targetKind, written, kind: 'inline', line, context: '' };
}

describe('buildHealth rules', () => {
  const notes = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'].map((p) => note(p));
  const links: ResolvedLink[] = [
    link('a.md', 'b.md', 1),
    link('a.md', '?zeta', 2, 'Zeta'),
    link('c.md', '?zeta', 9, 'zeta'), // other spelling: same target, first spelling kept
    link('c.md', '?zeta', 4, 'Zeta'),
    link('b.md', '?alpha', 3, 'Alpha'),
    link('d.md', 'd.md', 1), // a self link is not a link
    link('d.md', '@pic.png', 2), // an attachment is not a note
    link('e.md', '?omega', 5, 'Omega'), // a dangling link alone: still an orphan
    link('f.md', 'a.md', 7),
    link('f.md', 'gone.md', 8), // a key that is not a note is ignored
  ];
  const report = buildHealth(notes, links);

  it('orphans: no link to or from another note (dangling and self links do not count)', () => {
    expect(report.orphans).toEqual(['c.md', 'd.md', 'e.md']);
  });

  it('only outgoing / only incoming, note-to-note links only', () => {
    expect(report.onlyOutgoing).toEqual(['f.md']);
    expect(report.onlyIncoming).toEqual(['b.md']);
  });

  it('ranks dangling targets by referencing notes, then by key; every reference sorted', () => {
    expect(report.dangling.map((d) => [d.key, d.target, d.notes])).toEqual([
      ['?zeta', 'Zeta', 2],
      ['?alpha', 'Alpha', 1],
      ['?omega', 'Omega', 1],
    ]);
    expect(report.dangling[0].references).toEqual([
      { source: 'a.md', line: 2 },
      { source: 'c.md', line: 4 },
      { source: 'c.md', line: 9 },
    ]);
  });

  it('counts like the graph: distinct edges to notes and dangling targets, every dangling reference', () => {
    expect(healthStats(notes, links, report)).toEqual({
      notes: 6, links: 6, danglingTargets: 3, danglingLinks: 5, orphans: 3, onlyOutgoing: 1, onlyIncoming: 1,
    });
  });

  it('an empty vault is healthy', () => {
    expect(buildHealth([], [])).toEqual({ orphans: [], dangling: [], onlyOutgoing: [], onlyIncoming: [] });
  });
});

describe('assignHealth', () => {
  it('puts the report on the graph and each dangling node its suggestion, in one call', () => {
    const notes = [note('alpha.md', 'Alpha Note')];
    const report = buildHealth(notes, [link('alpha.md', '?alpah note', 3, 'alpah note'), link('alpha.md', '?qqqqqqqq', 4)]);
    const graph = new Graph({ type: 'directed' });
    graph.addNode('alpha.md', { dangling: false });
    graph.addNode('?alpah note', { dangling: true });
    graph.addNode('?qqqqqqqq', { dangling: true });
    graph.addNode('?stale', { dangling: true, suggestion: { key: 'x', text: 'x', via: 'file', distance: 0 } });
    assignHealth(graph, report);
    assignHealth(graph, report); // idempotent
    expect(graph.getAttribute('health')).toEqual(report);
    expect(graph.getNodeAttribute('?alpah note', 'suggestion')).toEqual({ key: 'alpha.md', text: 'Alpha Note', via: 'title', distance: 2 });
    expect(graph.getNodeAttribute('?qqqqqqqq', 'suggestion')).toBeNull();
    expect(graph.getNodeAttribute('?stale', 'suggestion')).toBeNull();
    expect(graph.getNodeAttributes('alpha.md')).toEqual({ dangling: false });
  });
});

describe('the fixture vault test/fixtures/health-vault', async () => {
  const { health, stats, warnings } = await checkVault('test/fixtures/health-vault');

  it('has no warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('orphans: the note with no links, the one linking only itself, the one linking only a dangling name', () => {
    expect(health.orphans).toEqual(['folder/deep note.txt', 'lonely.md', 'self-only.md']);
  });

  it('ranks dangling targets with every reference (heading links, other casing, the HTML linkage list) and no code', () => {
    expect(health.dangling.map((d) => [d.target, d.notes, d.references.map((r) => `${r.source}:${r.line}`)])).toEqual([
      ['Missing Page', 3, ['alpha.md:5', 'alpha.md:6', 'gamma.md:5', 'index.md:10', 'index.md:21']],
      ['alpah note', 1, ['folder/deep note.txt:3']],
      ['gama', 1, ['index.md:11']],
      ['Ghost', 1, ['gamma.md:5']],
      ['project-plan', 1, ['index.md:12']],
    ]);
  });

  it('suggests a close title, file name or punctuation-only match, and nothing when nothing is close', () => {
    expect(Object.fromEntries(health.dangling.map((d) => [d.target, d.suggestion]))).toEqual({
      'Missing Page': null,
      'alpah note': { key: 'alpha.md', text: 'Alpha Note', via: 'title', distance: 2 },
      gama: { key: 'gamma.md', text: 'gamma', via: 'file', distance: 1 },
      Ghost: null,
      'project-plan': { key: 'Project Plan.md', text: 'Project Plan', via: 'title', distance: 1 },
    });
  });

  it('notes linked one way only', () => {
    expect(health.onlyOutgoing).toEqual(['Project Plan.md', 'gamma.md']);
    expect(health.onlyIncoming).toEqual(['beta.md']);
  });

  it('stats', () => {
    expect(stats).toEqual({
      notes: 8, links: 13, danglingTargets: 5, danglingLinks: 9, orphans: 3, onlyOutgoing: 2, onlyIncoming: 1,
    });
  });

  it('is what the full build puts into the graph (graph attribute, node flags, suggestions, stats)', async () => {
    const build = await runPipeline('test/fixtures/health-vault', { layoutTicks: 0 });
    expect(build.graph.getAttribute('health')).toEqual(health);
    const orphans = build.graph.filterNodes((_k, a) => a.kind === 'note' && a.orphan).sort();
    expect(orphans).toEqual(health.orphans);
    for (const d of health.dangling) {
      const attrs = build.graph.getNodeAttributes(d.key);
      expect(attrs.kind === 'dangling' && attrs.suggestion).toEqual(d.suggestion);
    }
    const { links, danglingTargets, danglingLinks, orphans: orphanCount, notes } = build.stats;
    expect({ notes, links, danglingTargets, danglingLinks, orphans: orphanCount }).toEqual({
      notes: stats.notes, links: stats.links, danglingTargets: stats.danglingTargets,
      danglingLinks: stats.danglingLinks, orphans: stats.orphans,
    });
  });
});
