/**
 * A generated vault of the real vaults' size (../shared/corpora) has their
 * shape: each figure below lies between foam-docs' and kepano-obsidian's,
 * all three built by the same pipeline. Links a note may go up to 1.5x the
 * higher of the two: the scale target is about 3 links a note.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault } from '../../../scripts/lib/vault-generator.js';
import { writeVault } from '../../../scripts/lib/write-vault.js';
import { runPipeline, type PipelineResult } from '../../../src/extract/pipeline.js';

const CORPORA = path.resolve(import.meta.dirname, '../../../../shared/corpora');

interface Shape {
  linksPerNote: number;
  orphans: number;
  largestComponent: number;
  componentsPer100: number;
  medianWords: number;
}

function shape(r: PipelineResult): Shape {
  const s = r.stats;
  const words = r.notes.map((n) => n.words).sort((a, b) => a - b);
  return {
    linksPerNote: s.links / s.notes,
    orphans: s.orphans / s.notes,
    largestComponent: s.largestComponent / s.notes,
    componentsPer100: (100 * s.components) / s.notes,
    medianWords: words[words.length >> 1],
  };
}

describe('a generated vault next to the real ones', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notemap-shape-'));
  let foam: Shape;
  let kepano: Shape;
  let generated: Shape;
  beforeAll(async () => {
    foam = shape(await runPipeline(path.join(CORPORA, 'foam-docs'), { layoutTicks: 0 }));
    kepano = shape(await runPipeline(path.join(CORPORA, 'kepano-obsidian'), { layoutTicks: 0 }));
    await writeVault(dir, generateVault({ notes: 95 }), 'shape test');
    generated = shape(await runPipeline(dir, { layoutTicks: 0 }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['orphans', 'largestComponent', 'componentsPer100', 'medianWords'] as const)('%s lies between the two real vaults', (key) => {
    const [lo, hi] = [Math.min(foam[key], kepano[key]), Math.max(foam[key], kepano[key])];
    expect(generated[key]).toBeGreaterThanOrEqual(lo);
    expect(generated[key]).toBeLessThanOrEqual(hi);
  });

  it('links a note: above the sparser real vault, at most 1.5x the denser', () => {
    expect(generated.linksPerNote).toBeGreaterThan(Math.min(foam.linksPerNote, kepano.linksPerNote));
    expect(generated.linksPerNote).toBeLessThanOrEqual(1.5 * Math.max(foam.linksPerNote, kepano.linksPerNote));
  });
});
