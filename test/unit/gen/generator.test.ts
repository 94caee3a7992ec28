/**
 * The vault generator: deterministic, in the seed note's format, with the
 * shape it promises (file names unlike titles, nested folders, power-law
 * links, skewed tags, the orphan and dangling rates), checked on files
 * written to disk and read back by the real pipeline and parser.
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

  it('link to titles in prose and in the linkage "related" list', () => {
    const kinds = new Set(files.flatMap((f) => parseNote(f.text, f.path).links.map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(['frontmatter', 'inline', 'markdown', 'related']);
  });

  it('have file names unlike their titles, in nested folders, some as .txt', () => {
    const depths = new Set<number>();
    for (const note of plan.notes) {
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
    for (const note of plan.notes) for (const t of note.tags.slice(1)) counts.set(t, (counts.get(t) ?? 0) + 1);
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

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'notemap-gen-'));
    await writeVault(dir, generateVault({ notes, seed: 3, orphanRate: 0.1, danglingRate: 0.08 }), 'test');
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

  it('has power-law in-degrees: hubs far above the median', () => {
    const inDegrees = result.graph
      .filterNodes((_, a) => a.kind === 'note' && !a.orphan)
      .map((k) => result.graph.getNodeAttribute(k, 'inDegree'))
      .sort((a, b) => a - b);
    const median = inDegrees[Math.floor(inDegrees.length / 2)];
    expect(inDegrees[inDegrees.length - 1]).toBeGreaterThan(10 * Math.max(1, median));
  });

  it('clusters by topic: most links join notes of the same main tag', () => {
    let same = 0;
    let all = 0;
    result.graph.forEachEdge((_e, _a, source, target, s, t) => {
      if (s.kind !== 'note' || t.kind !== 'note') return;
      all++;
      if (s.tags[1] === t.tags[1]) same++;
    });
    expect(same / all).toBeGreaterThan(0.6);
  });

  it('is one big component plus the orphans', () => {
    expect(result.stats.largestComponent).toBeGreaterThan(0.85 * notes);
  });
});

describe('resolveGeneratorOptions', () => {
  it.each([
    [{ notes: 0 }, /notes must be an integer from 1/],
    [{ notes: 1.5 }, /notes must be an integer/],
    [{ notes: 10, orphanRate: 1 }, /orphanRate must be at least 0 and below 1, got 1/],
    [{ notes: 10, danglingRate: -0.1 }, /danglingRate must be at least 0/],
    [{ notes: 10, tags: 0 }, /tags must be an integer from 1 to 1000/],
  ])('rejects %j', (options, message) => {
    expect(() => resolveGeneratorOptions(options)).toThrow(message);
  });

  it('fills in the documented defaults', () => {
    expect(resolveGeneratorOptions({ notes: 5 })).toEqual({ notes: 5, seed: 1, orphanRate: 0.05, danglingRate: 0.05, tags: 12 });
  });

  it('handles tiny vaults and zero rates', () => {
    expect(generateVault({ notes: 1 })).toHaveLength(1);
    const { plan } = generateVaultWithPlan({ notes: 50, orphanRate: 0, danglingRate: 0 });
    expect(plan.notes.every((n) => !n.orphan && n.links.length > 0 && n.links.every((l) => l.target >= 0))).toBe(true);
  });
});
