/**
 * The incremental builder against a fresh build, on real files: a seeded
 * random walk of adds, edits, title and alias changes, moves between
 * folders, folder renames, deletes and attachment files on a generated
 * vault. After every batch the incremental graph equals a fresh build of
 * the same folder (positions aside, unlinked mentions included), a copy
 * kept by applying each diff as the page does equals it too, every node that stayed kept its exact
 * position, and a full rebuild from the cache gives the same positions.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../../scripts/lib/prng.js';
import type { NotemapGraph } from '../../../src/extract/build-graph.js';
import { runPipeline } from '../../../src/extract/pipeline.js';
import { IncrementalBuilder } from '../../../src/serve/incremental-builder.js';
import { applyDiff } from '../../../src/app/live/apply-diff.js';
import { comparable } from './graph-compare.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'echo', 'fox', 'golf', 'hotel', 'india', 'kilo', 'lima', 'mike'];
const FOLDERS = ['', 'a', 'b', 'a/deep', 'c'];

/** A random vault on disk and the operations on it; every call returns the vault paths it touched. */
class RandomVault {
  private n = 0;
  constructor(readonly root: string, readonly random: Random) {}

  list(ext = '.md'): string[] {
    const out: string[] = [];
    const walk = (rel: string): void => {
      for (const e of readdirSync(path.join(this.root, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(r);
        else if (r.endsWith(ext)) out.push(r);
      }
    };
    walk('');
    return out.sort();
  }

  private name(): string {
    return this.random.pick(WORDS) + (this.random.chance(0.5) ? ` ${this.random.pick(WORDS)}` : '');
  }

  private text(): string {
    const r = this.random;
    const lines: string[] = ['---'];
    if (r.chance(0.6)) lines.push(`title: ${this.name()}`);
    if (r.chance(0.3)) lines.push(`aliases: [${this.name()}]`);
    if (r.chance(0.5)) lines.push(`tags: [${r.pick(WORDS)}]`);
    lines.push('---', '');
    const links = r.int(5);
    const body: string[] = [];
    for (let i = 0; i < links; i++) {
      const kind = r.int(7);
      if (kind === 0) body.push(`see [[${this.name()}]] here.`);
      else if (kind === 1) body.push(`a [[${r.pick(FOLDERS.filter(Boolean))}/${this.name()}]] path.`);
      else if (kind === 2) body.push(`![[${r.pick(WORDS)}.png]]`);
      else if (kind === 3) body.push(`[[${this.name().toUpperCase()}|shown]] again #${r.pick(WORDS)}`);
      else if (kind === 4) body.push(`- related: [[${this.name()}]]`);
      else if (kind === 5) body.push(`plain words ${r.pick(WORDS)}.`);
      // A note's name in prose: an unlinked mention (or a linked one, when this note links it too).
      else body.push(`we talk about ${this.name()} and ${this.name()} today.`);
    }
    return lines.join('\n') + body.join('\n\n') + '\n';
  }

  private write(rel: string, text: string): void {
    mkdirSync(path.dirname(path.join(this.root, rel)), { recursive: true });
    writeFileSync(path.join(this.root, rel), text);
  }

  add(): string[] {
    const rel = `${this.random.pick(FOLDERS) ? this.random.pick(FOLDERS) + '/' : ''}${this.name()} ${this.n++}.md`.replace(/^\//, '');
    this.write(rel, this.text());
    return [rel];
  }

  edit(): string[] {
    const notes = this.list();
    if (notes.length === 0) return this.add();
    const rel = this.random.pick(notes);
    this.write(rel, this.text());
    return [rel];
  }

  move(): string[] {
    const notes = this.list();
    if (notes.length === 0) return [];
    const from = this.random.pick(notes);
    const folder = this.random.pick(FOLDERS);
    const to = (folder ? `${folder}/` : '') + (this.random.chance(0.5) ? path.posix.basename(from) : `${this.name()} ${this.n++}.md`);
    if (to === from || this.list().includes(to)) return [];
    mkdirSync(path.dirname(path.join(this.root, to)), { recursive: true });
    renameSync(path.join(this.root, from), path.join(this.root, to));
    return [from, to];
  }

  remove(): string[] {
    const notes = this.list();
    if (notes.length === 0) return [];
    const rel = this.random.pick(notes);
    rmSync(path.join(this.root, rel));
    return [rel];
  }

  attachment(): string[] {
    const rel = `${this.random.pick(FOLDERS) ? this.random.pick(FOLDERS) + '/' : ''}${this.random.pick(WORDS)}.png`.replace(/^\//, '');
    const abs = path.join(this.root, rel);
    if (this.list('.png').includes(rel)) rmSync(abs);
    else this.write(rel, 'png');
    return [rel];
  }

  renameFolder(): string[] {
    const from = this.random.pick(['a', 'b', 'c']);
    const to = from + 'x';
    try {
      statSync(path.join(this.root, from));
    } catch {
      return [];
    }
    rmSync(path.join(this.root, to), { recursive: true, force: true });
    renameSync(path.join(this.root, from), path.join(this.root, to));
    return [from, to];
  }

  step(): string[] {
    const r = this.random.int(100);
    if (r < 25) return this.add();
    if (r < 60) return this.edit();
    if (r < 72) return this.move();
    if (r < 85) return this.remove();
    if (r < 95) return this.attachment();
    return this.renameFolder();
  }
}

const positions = (graph: NotemapGraph): Map<string, string> => new Map(graph.mapNodes((k, a) => [k, `${a.x},${a.y}`]));

describe('the incremental builder equals a fresh build', () => {
  it.each([1, 2, 3])('seed %i: 300 random changes in batches, each checked against a fresh build', async (seed) => {
    const root = mkdtempSync(path.join(tmpdir(), 'notemap-incr-'));
    dirs.push(root);
    const vault = new RandomVault(root, createRandom(seed));
    for (let i = 0; i < 40; i++) vault.add();
    const cacheFile = path.join(root, '..', `${path.basename(root)}.cache.json`);
    dirs.push(cacheFile);
    const builtAt = () => '2026-01-01T00:00:00.000Z';
    // Seed 2 as a one-off build (lazy dependents index, cache bytes kept) that is updated all the same: still exact.
    const { builder } = await IncrementalBuilder.open({ vault: root, cacheFile, ticks: 0, builtAt, oneOff: seed === 2 });
    // The open page's copy of the graph, kept by the diffs alone.
    const page = builder.core.graph!.copy();
    let steps = 0;
    let batch = 0;
    while (steps < 300) {
      const size = 1 + vault.random.int(batch % 5 === 4 ? 30 : 4);
      const touched: string[] = [];
      for (let i = 0; i < size; i++) touched.push(...vault.step());
      steps += size;
      batch++;
      const before = positions(builder.core.graph!);
      // Mostly the paths a watcher would name; every seventh batch a rescan (no paths).
      const report = await builder.update(batch % 7 === 0 ? undefined : touched);
      // Unlinked mentions included: a note's names written in another note's prose.
      const fresh = await runPipeline(root, { layoutTicks: 0, builtAt: builtAt() });
      expect(comparable(report.graph), `seed ${seed}, batch ${batch}`).toEqual(comparable(fresh.graph));
      if (report.diff) applyDiff(page, report.diff);
      expect(comparable(page), `seed ${seed}, batch ${batch}: the page after the diff`).toEqual(comparable(report.graph));
      const after = positions(report.graph);
      for (const [key, p] of before) if (after.has(key)) expect(after.get(key), key).toBe(p);
    }
    // A full rebuild with the cache gives the positions the incremental builder has.
    await builder.saveCache();
    const reopened = await IncrementalBuilder.open({ vault: root, cacheFile, ticks: 0, builtAt });
    expect(reopened.report.full).toBe(false);
    expect(positions(reopened.report.graph)).toEqual(positions(builder.core.graph!));
    expect(comparable(reopened.report.graph)).toEqual(comparable(builder.core.graph!));

    // Changes made while nothing runs: a start from the cache (metrics, "did you mean" answers and
    // mentions taken from it only where still true) equals a fresh build.
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 1 + round * 3; i++) vault.step();
      const started = await IncrementalBuilder.open({ vault: root, cacheFile, ticks: 0, builtAt, oneOff: round % 2 === 0 });
      const fresh = await runPipeline(root, { layoutTicks: 0, builtAt: builtAt() });
      expect(comparable(started.report.graph), `seed ${seed}, start ${round}`).toEqual(comparable(fresh.graph));
      await started.builder.saveCache();
    }
  });
});
