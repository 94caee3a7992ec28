// The whole pipeline on real fixture vaults: the small vault (every node and
// edge kind) and the bad-input vault (issue 2 point 6: nothing crashes, no
// note is lost, every problem is a warning).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteNodeAttributes } from '../../../src/core/contract.js';
import { runPipeline, type PipelineResult } from '../../../src/extract/pipeline.js';
import { FIXTURES, makeBadVault, type BadVault } from './bad-vault.js';

describe('small vault', () => {
  let r: PipelineResult;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'notemap-small-'));
    const vault = path.join(dir, 'small');
    cpSync(path.join(FIXTURES, 'small'), vault, { recursive: true });
    // Skipped folders, created here (git ignores node_modules/).
    for (const skipped of ['.obsidian', 'node_modules/pkg']) {
      mkdirSync(path.join(vault, skipped), { recursive: true });
      writeFileSync(path.join(vault, skipped, 'readme.md'), '# skipped [[index]]\n');
    }
    r = await runPipeline(vault, { builtAt: '2024-01-01T00:00:00.000Z' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const note = (key: string) => r.graph.getNodeAttributes(key) as NoteNodeAttributes;

  it('has the notes of every extension and nothing from skipped folders', () => {
    expect(r.graph.filterNodes((_k, a) => a.kind === 'note').sort()).toEqual([
      'index.md', 'journal/2021-03-04.md', 'lonely.md', 'other-lonely.markdown', 'people/ada.txt', 'tomatoes.md',
    ]);
    expect(r.graph.getAttributes()).toMatchObject({ schemaVersion: 1, vault: 'small', builtAt: '2024-01-01T00:00:00.000Z', warnings: [] });
  });

  it('resolves by title, alias, file name, path and relative markdown link, with kinds and counts', () => {
    const edge = (s: string, t: string) => r.graph.getEdgeAttributes(r.graph.edge(s, t));
    expect(edge('index.md', 'tomatoes.md')).toMatchObject({ kinds: ['inline'], count: 1, line: 11 }); // by title
    expect(edge('index.md', 'people/ada.txt').kinds).toEqual(['inline']); // by path, .txt note
    expect(edge('index.md', 'journal/2021-03-04.md').kinds).toEqual(['markdown']);
    // [[Home]] (alias) and [[index]] (file name) in the body, "[[index]]" in frontmatter: one edge.
    expect(edge('tomatoes.md', 'index.md')).toMatchObject({ kinds: ['frontmatter', 'inline'], count: 3 });
    expect(edge('journal/2021-03-04.md', 'tomatoes.md').kinds).toEqual(['inline']);
  });

  it('makes dangling and attachment nodes', () => {
    expect(r.graph.getNodeAttributes('?missing plant')).toMatchObject({ kind: 'dangling', title: 'Missing Plant', inDegree: 2 });
    expect(r.graph.getNodeAttributes('@assets/plot.png')).toMatchObject({ kind: 'attachment', path: 'assets/plot.png', inDegree: 2 });
    expect(r.graph.getNodeAttributes('@nowhere.jpg')).toMatchObject({ kind: 'attachment', path: null });
    expect(r.graph.hasNode('?not a link')).toBe(false); // inside a code fence
  });

  it('marks orphans, fills metrics, stats and health', () => {
    expect(note('lonely.md').orphan).toBe(true);
    expect(note('other-lonely.markdown').orphan).toBe(true); // its only link dangles
    expect(note('index.md').orphan).toBe(false);
    expect(r.stats).toMatchObject({ notes: 6, danglingTargets: 2, orphans: 2, attachments: 2, components: 3, largestComponent: 4 });
    expect(note('index.md').component).toBe(0);
    expect(note('index.md').pagerank).toBeGreaterThan(note('lonely.md').pagerank);
    expect(r.graph.getAttribute('health').orphans).toEqual(['lonely.md', 'other-lonely.markdown']);
    expect(r.graph.getNodeAttributes('?missing plant')).toHaveProperty('suggestion');
  });

  it('times every stage', () => {
    for (const s of Object.values(r.timings)) expect(s).toBeGreaterThanOrEqual(0);
  });
});

describe('bad-input vault', () => {
  let bad: BadVault;
  let r: PipelineResult;
  beforeAll(async () => {
    bad = makeBadVault();
    r = await runPipeline(bad.vault, { layoutTicks: 30 });
  });
  afterAll(() => bad.cleanup());
  const note = (key: string) => r.graph.getNodeAttributes(key) as NoteNodeAttributes;
  const warningsOf = (file: string) => r.warnings.filter((w) => w.file === file).map((w) => w.message);

  it('keeps every readable note', () => {
    expect(r.graph.filterNodes((_k, a) => a.kind === 'note').sort()).toEqual([
      'big.md', 'bom.md', 'crlf.md', 'empty.md', 'good.md', 'invalid-utf8.md', 'malformed-yaml.md', 'passwd.md', 'sub/nested.md',
    ]);
  });

  it('malformed YAML: note kept without frontmatter, warning with file and line', () => {
    expect(note('malformed-yaml.md').title).toBe('Malformed yaml');
    const w = r.warnings.find((x) => x.file === 'malformed-yaml.md')!;
    expect(w.message).toMatch(/YAML/);
    expect(w.line).toBeGreaterThan(0);
    expect(r.graph.hasEdge('good.md', 'malformed-yaml.md')).toBe(true); // by title
  });

  it('BOM and CRLF parse like the others', () => {
    expect(note('bom.md')).toMatchObject({ title: 'Note with a BOM', tags: ['bom'] });
    expect(note('crlf.md')).toMatchObject({ title: 'Windows line endings', tags: ['crlf'] });
    expect(r.graph.hasEdge('crlf.md', 'good.md') && r.graph.hasEdge('bom.md', 'good.md')).toBe(true);
  });

  it('invalid UTF-8: replacement characters and a warning, links after them kept', () => {
    expect(warningsOf('invalid-utf8.md')).toEqual(['not valid UTF-8: 3 bad byte sequence(s) replaced by U+FFFD']);
    expect(r.graph.hasEdge('invalid-utf8.md', 'good.md')).toBe(true);
  });

  it('empty file: a note named after the file, no warning', () => {
    expect(note('empty.md')).toMatchObject({ title: 'empty', words: 0 });
    expect(warningsOf('empty.md')).toEqual([]);
  });

  it('file over 5 MB: warning saying it was parsed anyway, its last link found', () => {
    expect(warningsOf('big.md')[0]).toMatch(/^large file \(6\.0 MB, over 5\.0 MB\): parsed anyway, links kept$/);
    expect(r.graph.hasEdge('big.md', 'good.md')).toBe(true);
  });

  it('[[../../etc/passwd]] is a dangling name: nothing outside the vault is read', () => {
    expect(r.graph.getNodeAttributes('?../../etc/passwd')).toMatchObject({ kind: 'dangling', title: '../../etc/passwd' });
    expect(r.graph.filterNodes((k) => k.includes('secret')).length).toBe(0);
  });

  it('symlinks out of the vault, loops, a broken link and a FIFO are warnings', () => {
    const files = r.warnings.map((w) => w.file);
    for (const f of ['link-to-outside-file.md', 'link-to-outside-dir', 'sub/loop', 'self-loop.md', 'broken-link.md', 'pipe.md']) {
      expect(files).toContain(f);
    }
  });
});

describe('edge cases', () => {
  it('an empty vault gives a valid empty graph', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notemap-empty-'));
    try {
      const r = await runPipeline(dir);
      expect(r.graph.order).toBe(0);
      expect(r.stats).toMatchObject({ notes: 0, links: 0, components: 0 });
      expect(r.health).toEqual({ orphans: [], dangling: [], onlyOutgoing: [], onlyIncoming: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
