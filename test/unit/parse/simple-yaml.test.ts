/**
 * The frontmatter fast path (src/extract/simple-yaml.ts) against the full
 * engine it stands in for (gray-matter + js-yaml CORE, as frontmatter.ts
 * calls them): on every block it accepts, the same mapping (values, types,
 * key order) and the same key lines. Blocks come from the real corpora, the
 * test fixtures and a seeded generator of tricky lines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseSimpleYaml } from '../../../src/extract/simple-yaml.js';
import { createRandom } from '../../../scripts/lib/prng.js';

const CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const OPTIONS = { engines: { yaml: (s: string): object => yaml.safeLoad(s, { schema: yaml.CORE_SCHEMA }) as object } };

/** What the full engine makes of a block, or the error it throws. */
function reference(block: string): { data?: unknown; error?: string } {
  try {
    return { data: matter(`---\n${block}---\n`, OPTIONS).data };
  } catch (err) {
    return { error: String(err) };
  }
}

/** Null when the fast path refuses `block` or agrees with the engine; else a description of the difference. */
function disagreement(block: string): string | null {
  const fast = parseSimpleYaml(block);
  if (fast === null) return null;
  const ref = reference(block);
  if (ref.error !== undefined) return `engine throws ${ref.error}, fast path returns ${JSON.stringify(fast)}`;
  const sameData = isDeepStrictEqual(fast, ref.data) && JSON.stringify(Object.keys(fast)) === JSON.stringify(Object.keys(ref.data as object));
  if (!sameData) return `engine ${JSON.stringify(ref.data)}, fast path ${JSON.stringify(fast)}`;
  return null;
}

function blocksUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...blocksUnder(full));
    else if (/\.(md|markdown|txt)$/i.test(e.name)) {
      const text = readFileSync(full, 'utf8').replace(/\r\n?/g, '\n');
      const m = /^---[ \t]*\n([\s\S]*?\n)---[ \t]*(?:\n|$)/.exec(text);
      if (m) out.push(m[1]);
    }
  }
  return out;
}

const KEYS = ['title', 'tags', 'a', 'A_b-c', 'true', 'null', 'Null', 'FALSE', '_x', 'x1', '__proto__', 'constructor', 'toString', 'on', 'a b'];
const VALUES = [
  '', 'hello', 'hello world', '2020-10-24', '2020-10-24T10:00:00Z', '12', '-12', '+3', '0x1F', '0o17', '0b101', '1_000', '1:30', '-1:30',
  '190:20:30.15', '1.5', '.5', '1e3', '6.8523015e+5', '685_230.15', '.inf', '-.inf', '+.inf', '.nan', '.NaN', '~', 'null', 'NULL', 'nULL',
  'true', 'True', 'tRue', 'FALSE', 'yes', 'off', 'C#', 'a #b', 'a: b', 'a:b', 'a:', 'http://x.y/z?q=1#f', '"quoted"', '"q \\" x"', '"a\\nb"',
  '""', "'single'", "'it''s'", "''", "'bad' x", '"a" x', '[a, b]', '{a: 1}', '[[Home]]', 'x [[Home]]', '&anchor x', '*alias', '!tag x', '|',
  '>', '- x', '-x', '?x', ':x', '%x', '@x', '`x`', 'é', 'ünïcode wörds', '日本語', '😀 emoji', 'a  b', 'a ', 'a\tb', 'a,b', 'x|y', 'x > y',
  "x'y", 'x"y', '0', '00', '010', '0.0', '-0', '1,000', 'Infinity', '1__2', '_1', '0x_1', '1e', 'a\u0085b', 'a\ufeffb',
];
const OTHER_LINES = ['', ' ', '# c', '  # c', '---', '----', '...', '  more', 'k:v', 'k :v', 'nested:', '  a: b', '? x', '"q": 1', '- a'];

function generatedBlock(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    const r = next();
    if (r < 0.5) {
      const v = pick(VALUES);
      lines.push(`${pick(KEYS)}:${v === '' ? '' : ' '.repeat(1 + Math.floor(next() * 2)) + v}`);
    } else if (r < 0.9) lines.push(`${' '.repeat(pick([0, 0, 1, 2, 2, 4]))}-${' '.repeat(1 + Math.floor(next() * 2))}${pick(VALUES) || 'x'}`);
    else lines.push(pick(OTHER_LINES));
  }
  return lines.join('\n') + '\n';
}

describe('parseSimpleYaml', () => {
  it('reads the common shapes, typed as js-yaml CORE types them', () => {
    const block = 'title: "Note: one"\nalias: \'it\'\'s\'\ntags:\n  - a\n  - 2020\ncreated: 2020-10-24\ndraft: false\nn: 0x10\nempty:\nnone: ~\n';
    expect(parseSimpleYaml(block)).toEqual({ title: 'Note: one', alias: "it's", tags: ['a', 2020], created: '2020-10-24', draft: false, n: 16, empty: null, none: null });
  });

  it('leaves everything else to the full engine', () => {
    for (const block of ['', 'a: [x, y]\n', 'a:\n  b: c\n', 'a: b\n\nc: d\n', 'a: b # note\n', 'a: |\n  x\n', 'a: b\n  c\n', 'a: 1\na: 2\n',
      'null: 1\nNull: 2\n', 'created: {{date}}\n', 'a: "x\\ty"\n', 'a:\n  - x\n - y\n', '- a\n', 'a: b\t\n', 'a: &x b\n']) {
      expect(parseSimpleYaml(block), JSON.stringify(block)).toBeNull();
    }
  });

  it('agrees with gray-matter + js-yaml on every frontmatter block of the corpora and fixtures', () => {
    const blocks = [...blocksUnder(CORPORA), ...blocksUnder(FIXTURES)];
    expect(blocks.length).toBeGreaterThan(100);
    const accepted = blocks.filter((b) => parseSimpleYaml(b) !== null);
    expect(accepted.length).toBeGreaterThan(blocks.length / 3);
    for (const block of blocks) expect(disagreement(block), JSON.stringify(block)).toBeNull();
  });

  it('agrees with gray-matter + js-yaml on 30,000 generated blocks of tricky lines', () => {
    // Seeded (mulberry32), so a failure is reproducible.
    const next = createRandom(20261126).next;
    let accepted = 0;
    for (let i = 0; i < 30000; i++) {
      const block = generatedBlock(next);
      if (parseSimpleYaml(block) !== null) accepted++;
      const diff = disagreement(block);
      if (diff !== null) expect.fail(`${JSON.stringify(block)}: ${diff}`);
    }
    expect(accepted).toBeGreaterThan(1000);
  });
});
