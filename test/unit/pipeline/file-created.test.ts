/**
 * The timeline's last resort (issue 12.2): a note with no `created` or `date`
 * in its frontmatter is dated by its file's creation time, where the file
 * system records one, and marked so; a frontmatter date always wins, and
 * `updated` never falls back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteNodeAttributes } from '../../../src/core/contract.js';
import { fileCreatedDate, withFileCreated } from '../../../src/extract/file-created.js';
import { runPipeline, type PipelineResult } from '../../../src/extract/pipeline.js';
import type { ParsedNote } from '../../../src/extract/types.js';
import { emptyGraph, note as nodeOf } from '../app/graph-fixture.js';

const parsed = (extra: Partial<ParsedNote> = {}): ParsedNote => ({
  path: 'a.md', title: 'a', tags: [], aliases: [], summary: '', created: null, updated: null,
  draft: false, words: 1, links: [], warnings: [], ...extra,
});

/** What the file system says, read independently of the code under test. */
function expectedDate(file: string): string | null {
  const born = fs.statSync(file).birthtime;
  if (born.getTime() <= 0) return null;
  return [born.getFullYear(), born.getMonth() + 1, born.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

describe('fileCreatedDate', () => {
  it('is the local calendar day of the birth time', () => {
    const t = new Date(2021, 3, 2, 23, 59).getTime();
    expect(fileCreatedDate(t)).toBe('2021-04-02');
    expect(fileCreatedDate(new Date(1999, 11, 31, 0, 0).getTime())).toBe('1999-12-31');
  });

  it('is null where the file system has no birth time (Node reports 0)', () => {
    expect(fileCreatedDate(0)).toBeNull();
    expect(fileCreatedDate(Number.NaN)).toBeNull();
  });
});

describe('withFileCreated', () => {
  const born = new Date(2020, 0, 5).getTime();
  it('dates an undated note and marks it', () => {
    expect(withFileCreated(parsed(), born)).toMatchObject({ created: '2020-01-05', createdFromFile: true, updated: null });
  });
  it('keeps a frontmatter date, and a note where there is no birth time', () => {
    const dated = parsed({ created: '2019-07-01' });
    expect(withFileCreated(dated, born)).toBe(dated);
    expect(withFileCreated(parsed(), 0)).not.toHaveProperty('createdFromFile');
    expect(withFileCreated(parsed(), 0).created).toBeNull();
  });
});

describe('the build', () => {
  let dir: string;
  let result: PipelineResult;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-file-created-'));
    fs.writeFileSync(path.join(dir, 'dated.md'), '---\ncreated: 2019-07-01\n---\n# Dated\n[[plain]]\n');
    fs.writeFileSync(path.join(dir, 'by-date-key.md'), '---\ndate: 2018-02-03\n---\n# By date key\n');
    fs.writeFileSync(path.join(dir, 'plain.md'), '# Plain\nNo frontmatter at all.\n');
    fs.writeFileSync(path.join(dir, 'updated-only.md'), '---\nupdated: 2022-05-06\n---\n# Updated only\n');
    result = await runPipeline(dir, { builtAt: '2024-01-01T00:00:00.000Z' });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const node = (key: string): NoteNodeAttributes => result.graph.getNodeAttributes(key) as NoteNodeAttributes;

  it('dates the notes without a frontmatter date by their files, and only those', () => {
    expect(node('dated.md')).toMatchObject({ created: '2019-07-01' });
    expect(node('dated.md')).not.toHaveProperty('createdFromFile');
    expect(node('by-date-key.md')).toMatchObject({ created: '2018-02-03' });
    expect(node('by-date-key.md')).not.toHaveProperty('createdFromFile');
    for (const key of ['plain.md', 'updated-only.md']) {
      const expected = expectedDate(path.join(dir, key));
      expect(node(key).created).toBe(expected);
      if (expected === null) expect(node(key)).not.toHaveProperty('createdFromFile');
      else expect(node(key).createdFromFile).toBe(true);
    }
    // `updated` is never the file's: a save or a sync changes it without the note changing.
    expect(node('plain.md').updated).toBeNull();
    expect(node('updated-only.md').updated).toBe('2022-05-06');
  });

  it('says so in graph.json, where the map reads it', () => {
    const exported = JSON.stringify(result.graph.export());
    const marked = (result.graph.export().nodes as { attributes?: { createdFromFile?: boolean } }[]).filter((n) => n.attributes?.createdFromFile);
    expect(marked.length).toBe(expectedDate(path.join(dir, 'plain.md')) === null ? 0 : 2);
    expect(exported).not.toContain('"createdFromFile":false');
  });
});

describe('timelineModel', () => {
  it('counts the notes the files date, for created only', async () => {
    const { timelineModel } = await import('../../../src/app/panels/timeline-model.js');
    const g = emptyGraph();
    g.addNode('fm.md', nodeOf('fm.md', [], { created: '2021-01-15' }));
    g.addNode('file.md', nodeOf('file.md', [], { created: '2024-03-01', createdFromFile: true }));
    g.addNode('none.md', nodeOf('none.md', [], { created: null }));
    expect(timelineModel(g, 'created')).toMatchObject({ dated: 2, undated: 1, fromFile: 1 });
    expect(timelineModel(g, 'updated')).toMatchObject({ dated: 0, fromFile: 0 });
  });
});
