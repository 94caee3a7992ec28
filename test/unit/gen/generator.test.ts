/**
 * The vault generator: deterministic, in the seed note's format, with the
 * shape it promises (communities, hubs, daily notes, islands, orphans,
 * stubs and long notes, file names unlike titles, nested folders, skewed
 * tags, the orphan and dangling rates), checked on files written to disk and
 * read back by the real pipeline and parser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault, generateVaultWithPlan, resolveGeneratorOptions } from '../../../scripts/lib/vault-generator.js';
import { writeVault } from '../../../scripts/lib/write-vault.js';
import { parseNote } from '../../../src/extract/parse-note.js';
import { runPipeline, type PipelineResult } from '../../../src/extract/pipeline.js';

describe('generateVault determinism', () => {
  it('gives byte-identical files for the same options', () => {
    const a = generateVault({ notes: 300, seed: 42 });
    const b = generateVault({ notes: 300, seed: 42 });
    expect(b).toEqual(a);
  });

  it('gives different vaults for different seeds', () => {
    const a = generateVault({ notes: 300, seed: 1 });
    const b = generateVault({ notes: 300, seed: 2 });
    expect(b.map((f) => f.text)).not.toEqual(a.map((f) => f.text));
  });
});

describe('generated notes, one by one', () => {
  const { plan, files } = generateVaultWithPlan({ notes: 400, seed: 9 });
  const byPath = new Map(plan.notes.map((n) => [n.path, n]));

  it('are in the seed format and parse without warnings', () => {
    for (const file of files) {
      const note = byPath.get(file.path)!;
      if (note.role === 'daily') continue;
      expect(file.text.startsWith('---\ntitle: ')).toBe(true);
      for (const key of ['tags:', 'keywords:', 'draft:', 'created:', 'updated:', 'note_id:']) expect(file.text).toContain(`\n${key}`);
      expect(file.text).toContain('<div class="linkage-tree">');
      const parsed = parseNote(file.text, file.path);
      expect(parsed.warnings).toEqual([]);
      expect(parsed.title).toBe(note.title);
      expect(parsed.tags[0]).toBe('tech-journal');
      expect(parsed.tags.slice(0, note.tags.length)).toEqual(note.tags);
      expect(parsed.created).toBe(note.created);
      expect(parsed.draft).toBe(note.draft);
    }
  });

  it('include daily notes named and titled by their date, linking notes of that day', () => {
    const daily = plan.notes.filter((n) => n.role === 'daily');
    expect(daily.length).toBe(40);
    const byIndex = plan.notes;
    let sameDay = 0;
    for (const note of daily) {
      expect(note.path).toBe(`journal/daily/${note.created.slice(0, 4)}/${note.created}.md`);
      const file = files.find((f) => f.path === note.path)!;
      const parsed = parseNote(file.text, file.path);
      expect(parsed.warnings).toEqual([]);
      expect(parsed.title).toBe(note.created);
      expect(parsed.tags).toEqual(['tech-journal', 'daily']);
      sameDay += note.links.filter((l) => l.target >= 0 && byIndex[l.target].created === note.created).length;
    }
    expect(new Set(daily.map((n) => n.created)).size).toBe(daily.length);
    expect(sameDay).toBeGreaterThan(0);
  });

  it('range from stubs to long notes', () => {
    const words = files.map((f) => parseNote(f.text, f.path).words).sort((a, b) => a - b);
    expect(words[Math.floor(words.length * 0.1)]).toBeLessThan(60);
    expect(words[Math.floor(words.length * 0.9)]).toBeGreaterThan(400);
  });

  it('link to titles in prose and in the linkage "related" list', () => {
    const kinds = new Set(files.flatMap((f) => parseNote(f.text, f.path).links.map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(['frontmatter', 'inline', 'markdown', 'related']);
  });

  it('have file names unlike their titles, in nested folders, some as .txt', () => {
    const depths = new Set<number>();
    for (const note of plan.notes.filter((n) => n.role !== 'daily')) {
      const stem = path.posix.basename(note.path).replace(/\.[^.]+$/, '');
      expect(stem).not.toBe(note.title);
      depths.add(note.path.split('/').length - 1);
    }
    expect([...depths].sort()).toEqual([1, 2, 3]);
    expect(new Set(plan.notes.map((n) => n.path)).size).toBe(plan.notes.length);
    const txt = plan.notes.filter((n) => n.path.endsWith('.txt')).length;
    expect(txt).toBeGreaterThan(10);
    expect(txt).toBeLessThan(100);
  });

  it('draw tags from a skewed pool, nested tags included', () => {
    const counts = new Map<string, number>();
    for (const note of plan.notes.filter((n) => n.role !== 'daily')) for (const t of note.tags.slice(1)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(counts.size).toBe(12);
    expect(sorted[0]).toBeGreaterThan(4 * sorted[sorted.length - 1]);
    expect([...counts.keys()].some((t) => t.includes('/'))).toBe(true);
  });
});

describe('a generated vault built by the pipeline', () => {
  const notes = 2000;
  let dir = '';
  let result: PipelineResult;
  const { plan, files } = generateVaultWithPlan({ notes, seed: 3, orphanRate: 0.1, danglingRate: 0.08 });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'notemap-gen-'));
    await writeVault(dir, files, 'test');
    result = await runPipeline(dir, { layoutTicks: 0 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every note, with no warnings', () => {
    expect(result.stats.notes).toBe(notes);
    expect(result.warnings).toEqual([]);
  });

  it('has exactly the orphan share asked for', () => {
    expect(result.stats.orphans).toBe(Math.round(notes * 0.1));
  });

  it('has roughly the dangling share asked for, some targets shared and some near a real title', () => {
    const share = result.stats.danglingLinks / result.stats.links;
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.1);
    const dangling = result.health.dangling;
    expect(dangling[0].notes).toBeGreaterThanOrEqual(5);
    expect(dangling.some((d) => d.suggestion !== null)).toBe(true);
  });

  it('has power-law in-degrees: a vault-wide hub far above the median, linked by over 4% of the notes', () => {
    const inDegrees = result.graph
      .filterNodes((_, a) => a.kind === 'note' && !a.orphan)
      .map((k) => [k, result.graph.getNodeAttribute(k, 'inDegree')] as const)
      .sort((a, b) => a[1] - b[1]);
    const median = inDegrees[Math.floor(inDegrees.length / 2)][1];
    const [top, most] = inDegrees[inDegrees.length - 1];
    expect(most).toBeGreaterThan(20 * Math.max(1, median));
    expect(most).toBeGreaterThan(0.04 * notes);
    expect(plan.notes.find((n) => n.path === top)?.role).toBe('hub');
  });

  it('clusters in communities: most links between topic notes stay in the community and its tag', () => {
    const byPath = new Map(plan.notes.map((n) => [n.path, n]));
    let sameGroup = 0;
    let sameTag = 0;
    let all = 0;
    result.graph.forEachEdge((_e, _a, source, target) => {
      const a = byPath.get(source);
      const b = byPath.get(target);
      if (!a || !b || a.role !== 'topic' || (b.role !== 'topic' && b.role !== 'moc')) return;
      all++;
      if (a.group === b.group) sameGroup++;
      if (a.tags[1] === b.tags[1]) sameTag++;
    });
    expect(sameGroup / all).toBeGreaterThan(0.6);
    expect(sameTag / all).toBeGreaterThan(0.6);
    expect(new Set(plan.notes.filter((n) => n.role === 'moc').map((n) => n.group)).size).toBeGreaterThan(10);
  });

  it('is one giant component, many small ones (islands of 2 to 5 notes) and the orphans', () => {
    expect(result.stats.largestComponent).toBeGreaterThan(0.7 * notes);
    const islands = result.stats.components - result.stats.orphans - 1;
    expect(islands).toBeGreaterThan(20);
    const sizes = new Map<number, number>();
    result.graph.forEachNode((_k, a) => {
      if (a.kind === 'note' && a.component > 0 && !a.orphan) sizes.set(a.component, (sizes.get(a.component) ?? 0) + 1);
    });
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(5);
  });
});

describe('resolveGeneratorOptions', () => {
  it.each([
    [{ notes: 0 }, /notes must be an integer from 1/],
    [{ notes: 1.5 }, /notes must be an integer/],
    [{ notes: 10, orphanRate: 1 }, /orphanRate must be at least 0 and below 1, got 1/],
    [{ notes: 10, danglingRate: -0.1 }, /danglingRate must be at least 0/],
    [{ notes: 10, tags: 0 }, /tags must be an integer from 1 to 1000/],
    [{ notes: 10, dailyRate: 1 }, /dailyRate must be at least 0 and below 1/],
  ])('rejects %j', (options, message) => {
    expect(() => resolveGeneratorOptions(options)).toThrow(message);
  });

  it('fills in the documented defaults', () => {
    expect(resolveGeneratorOptions({ notes: 5 })).toEqual({ notes: 5, seed: 1, orphanRate: 0.15, danglingRate: 0.05, dailyRate: 0.1, tags: 12 });
  });

  it('handles tiny vaults and zero rates', () => {
    expect(generateVault({ notes: 1 })).toHaveLength(1);
    const { plan } = generateVaultWithPlan({ notes: 50, orphanRate: 0, danglingRate: 0 });
    const linkedTo = new Set(plan.notes.flatMap((n) => n.links.map((l) => l.target)));
    expect(plan.notes.every((n) => !n.orphan && (n.links.length > 0 || linkedTo.has(n.index)))).toBe(true);
    expect(plan.notes.every((n) => n.links.every((l) => l.target >= 0))).toBe(true);
  });
});
