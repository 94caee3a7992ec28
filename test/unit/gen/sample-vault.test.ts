/**
 * The sample vault in data/vault keeps the shape the map's features rely on:
 * the seed note verbatim, orphans, dangling targets (one shared, one a typo),
 * aliases, .txt notes, nested tags and folders, an image embed and a missing
 * one, markdown and frontmatter links, and a vault-wide tag. Built with the
 * real pipeline, so an edit that breaks a feature's demo fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../../src/extract/pipeline.js';

const VAULT = fileURLToPath(new URL('../../../data/vault', import.meta.url));
const SEED = fileURLToPath(new URL('../../../../shared/seeds/000_baa10c55511241ba.txt', import.meta.url));

describe('data/vault', () => {
  let r: PipelineResult;
  beforeAll(async () => {
    r = await runPipeline(VAULT, { layoutTicks: 0 });
  });
  const note = (key: string) => r.graph.getNodeAttributes(key);
  const edge = (source: string, target: string) => r.graph.getEdgeAttributes(source, target);

  it('holds 45 to 55 notes, all parsed without warnings', () => {
    expect(r.stats.notes).toBeGreaterThanOrEqual(45);
    expect(r.stats.notes).toBeLessThanOrEqual(55);
    expect(r.warnings).toEqual([]);
  });

  it('includes the seed note verbatim, now linked to notes that exist', () => {
    expect(readFileSync(`${VAULT}/000_baa10c55511241ba.txt`, 'utf8')).toBe(readFileSync(SEED, 'utf8'));
    expect(edge('000_baa10c55511241ba.txt', 'journal/2020/04-02 zoom meltdown.md').kinds).toEqual(['inline', 'related']);
    expect(edge('000_baa10c55511241ba.txt', 'journal/2020/06-remote-work-normalizes.md').kinds).toEqual(['inline', 'related']);
  });

  it('has three orphans and one connected map around them', () => {
    expect(r.health.orphans).toEqual(['inbox/keyboards.md', 'inbox/podcast-backlog.md', 'inbox/reading-list-2021.txt']);
    expect(r.stats.components).toBe(4);
  });

  it('has dangling targets: one shared by three notes, one a typo with a suggestion', () => {
    const byTarget = new Map(r.health.dangling.map((d) => [d.target, d]));
    expect([...byTarget.keys()].sort()).toEqual(['gpt-4 predictions', 'kubernetes cost control', 'quantum key distribution', 'solarwinds supply chian attack']);
    expect(r.health.dangling[0].target).toBe('quantum key distribution');
    expect(r.health.dangling[0].notes).toBe(3);
    expect(byTarget.get('solarwinds supply chian attack')!.suggestion?.key).toBe('journal/2020/12-solarwinds.md');
    expect(byTarget.get('kubernetes cost control')!.suggestion).toBeNull();
  });

  it('resolves links that only an alias, a file name or a path can resolve', () => {
    expect(edge('journal/2021/03-exchange-hafnium.md', 'journal/2020/12-solarwinds.md').kinds).toContain('inline'); // [[SUNBURST]]
    expect(r.graph.hasEdge('journal/2021/12-year-in-review.md', 'journal/2021/12-log4shell.txt')).toBe(true); // [[log4shell]], [[CVE-2021-44228]]
    expect(r.graph.hasEdge('topics/tooling/home-lab.md', 'topics/security/zero-trust.md')).toBe(true); // [[beyondcorp]]
    expect(r.graph.hasEdge('journal/2020/11-m1-macs-ship.md', 'journal/2020/06-apple-silicon-announced.md')).toBe(true);
    expect(r.graph.hasEdge('journal/2020/12-year-in-review.md', 'journal/2020/12-solarwinds.md')).toBe(true);
  });

  it('has markdown, frontmatter, table and embed links', () => {
    expect(edge('topics/security/e2ee/primer.md', 'journal/2020/04-02 zoom meltdown.md').kinds).toContain('markdown');
    expect(edge('topics/security/zero-trust.md', 'topics/cloud/outages-table.md').kinds).toEqual(['markdown']);
    expect(edge('journal/2019/07-capital-one-breach.md', 'journal/2019/12-year-in-review.md').kinds).toEqual(['frontmatter']);
    expect(r.graph.hasEdge('topics/cloud/outages-table.md', 'journal/2021/10-facebook-outage.md')).toBe(true);
    expect(note('@assets/architecture.png')).toMatchObject({ kind: 'attachment', path: 'assets/architecture.png' });
    expect(note('@whiteboard-2021-03.png')).toMatchObject({ kind: 'attachment', path: null });
  });

  it('finds nothing inside code', () => {
    const md = r.notes.find((n) => n.path === 'topics/tooling/markdown-notes.md')!;
    expect(md.links.map((l) => l.target)).not.toContain('not a link');
    expect(md.tags).not.toContain('not-a-tag');
  });

  it('has .txt notes, nested folders and tags, aliases, drafts, and notes without a description', () => {
    const keys = r.notes.map((n) => n.path);
    expect(keys.filter((k) => k.endsWith('.txt')).length).toBeGreaterThanOrEqual(4);
    expect(keys.some((k) => k.split('/').length === 4)).toBe(true);
    const tags = new Map(r.stats.tags.map((t) => [t.tag, t.count]));
    expect(tags.get('security/e2ee')).toBeGreaterThan(0);
    expect(tags.get('cloud/aws')).toBeGreaterThan(0);
    expect(r.notes.filter((n) => n.aliases.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(r.notes.filter((n) => n.draft).map((n) => n.path).sort()).toEqual(['000_baa10c55511241ba.txt', 'inbox/ai-ethics-boards.md', 'inbox/podcast-backlog.md']);
    const fatigue = r.notes.find((n) => n.path === 'journal/2020/08-video-fatigue.md')!;
    expect(fatigue.summary).toMatch(/^Zoom fatigue is now a phrase/);
  });

  it('has a vault-wide tag on more than half of the notes and several main tags', () => {
    expect(r.stats.tags[0]).toEqual({ tag: 'tech-journal', count: r.stats.notes - 3 });
    const main = r.stats.tags.filter((t) => !t.tag.includes('/') && t.tag !== 'tech-journal' && t.count >= 4);
    expect(main.length).toBeGreaterThanOrEqual(6);
  });
});
