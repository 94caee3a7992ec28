/** The incremental cache's file: read back as written (lists longer than a slice included); another version or a damaged file is refused with a reason. */
import { describe, expect, it } from 'vitest';
import { CACHE_VERSION, parseCache, serializeCache, type CacheBody } from '../../../src/serve/incremental-cache.js';

const expectFor = { vault: '/v', extensions: ['.md'], codeVersion: 'test:1' };

function body(notes: number): CacheBody {
  const records: CacheBody['records'] = [];
  for (let i = 0; i < notes; i++) {
    const path = `n/${i}.md`;
    const note = { path, title: `Note ${i}`, tags: ['t'], aliases: [], summary: 'é ünïcode ✓', created: null, updated: null, draft: false, words: i, links: [], warnings: [] };
    records.push([path, { size: i, mtimeMs: i + 0.5, hash: 'h' + i, note, warnings: [] }]);
  }
  return {
    vault: '/v',
    codeVersion: 'test:1',
    extensions: ['.md'],
    parseKey: '{}',
    records,
    others: ['a.png'],
    positions: records.map(([p], i) => [p, i * 1.25, -i] as [string, number, number]),
    layoutTicks: 300,
    mentions: { names: ['note 1'], notes: records.map(([p]) => [p, [['note 1', 'Note 1', 3, 'See Note 1.']], new Uint8Array([0, 1, 2])] as [string, [string, string, number, string][], Uint8Array]) },
    metrics: { structure: 'x', nodes: records.map(([p], i) => [p, 1 / (i + 1), i % 7, 0] as [string, number, number, number]), components: { count: 1, largest: notes } },
    suggestions: { names: 'y', answers: [['?gone', null]], index: new Uint8Array([7, 8, 9]) },
  };
}

const file = (b: CacheBody): Buffer => Buffer.concat(serializeCache(b));

describe('incremental cache file', () => {
  it('reads back what was written, big lists in several slices', () => {
    for (const n of [0, 1, 1200]) {
      const b = body(n);
      const read = parseCache(file(b), expectFor);
      expect(read.problem).toBeNull();
      expect(read.body).toEqual(b);
    }
  });

  it('writes again only the slices whose items changed, reusing the bytes read for the others', () => {
    const read = parseCache(file(body(1200)), expectFor);
    if (!read.body) throw new Error(read.problem);
    const reused = new Set(read.slices.lists.flat().map((s) => s.bytes));
    const next = read.body;
    // One record replaced (as the builder does: a new object), one position moved.
    next.records[700] = [next.records[700][0], { ...next.records[700][1], hash: 'changed' }];
    next.positions[10] = [next.positions[10][0], 99, 99];
    const out = serializeCache(next, read.slices);
    // The suggestion index copied (as a live session does): the same bytes, reused too.
    next.suggestions = { ...next.suggestions!, index: new Uint8Array(next.suggestions!.index!) };
    const out2 = serializeCache(next, read.slices);
    expect(out2.filter((b) => reused.has(b)).length).toBe(read.slices.lists.flat().length - 2);
    const kept = out.filter((b) => reused.has(b)).length;
    const slices = read.slices.lists.flat().length;
    expect(kept).toBe(slices - 2);
    const again = parseCache(Buffer.concat(out), expectFor);
    expect(again.body).toEqual(next);
    expect(again.body?.records[700][1].hash).toBe('changed');
  });

  it('keeps absent optional parts absent', () => {
    const b: CacheBody = { ...body(3), mentions: undefined, metrics: undefined, suggestions: { names: 'y', answers: [] } };
    const read = parseCache(file(b), expectFor);
    expect(read.body?.mentions).toBeUndefined();
    expect(read.body?.suggestions).toEqual({ names: 'y', answers: [] });
    expect(read.body?.records).toHaveLength(3);
  });

  it('refuses another version, another vault or code, and a damaged file, saying why', () => {
    const bytes = file(body(1200));
    const newline = bytes.indexOf(10);
    const old = Buffer.concat([Buffer.from(bytes.toString('utf8', 0, newline).replace(`"version":${CACHE_VERSION}`, '"version":3')), bytes.subarray(newline)]);
    expect(parseCache(old, expectFor).problem).toMatch(/another version of notemap \(cache 3/);
    expect(parseCache(bytes, { ...expectFor, codeVersion: 'other' }).problem).toMatch(/its code changed/);
    expect(parseCache(bytes, { ...expectFor, vault: '/w' }).problem).toMatch(/another vault/);
    expect(parseCache(bytes.subarray(0, bytes.length - 1), expectFor).problem).toMatch(/damaged/);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] ^= 1;
    expect(parseCache(flipped, expectFor).problem).toMatch(/damaged/);
    expect(parseCache(Buffer.from('{"format":"notemap-incremental","version":3}\n{"records":[]}'), expectFor).problem).toMatch(/another version/);
    expect(parseCache(Buffer.from('garbage'), expectFor).problem).toMatch(/damaged \(not JSON\)/);
  });
});
