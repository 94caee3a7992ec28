/**
 * `npm run check` as a user runs it (`node --import tsx scripts/check.ts`):
 * exit codes 0 / 1 with --strict / 2 for a missing folder, --json agreeing
 * with the text, and the real vault ../shared/corpora/kepano-obsidian against the
 * independent figures in its README.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeName } from '../../../src/core/normalize.js';
import { formatHealth } from '../../../src/extract/health-format.js';
import { ROOT, runScript, type ScriptRun } from '../cli/run-script.js';

const FIXTURE = 'test/fixtures/health-vault';
const KEPANO = path.resolve(ROOT, '../shared/corpora/kepano-obsidian');

function check(...args: string[]): Promise<ScriptRun> {
  return runScript('scripts/check.ts', args, { NO_COLOR: '1' });
}

const tmp = mkdtempSync(path.join(tmpdir(), 'notemap-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run check', () => {
  it('prints the report of the fixture vault and exits 0', async () => {
    const r = await check(FIXTURE);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`notemap check: ${FIXTURE}`);
    expect(lines).toContain('  Missing Page  3 notes');
    expect(lines).toContain('      index.md:21');
    expect(lines).toContain('  gama          1 note   did you mean "gamma" (gamma.md)?');
    expect(lines).toContain('  project-plan  1 note   did you mean "Project Plan" (Project Plan.md)?');
    expect(lines).toContain('  Ghost         1 note');
    expect(lines).toContain('  self-only.md');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 8 notes, 13 links: 5 dangling targets (9 references), 3 orphans, 2 only outgoing, 1 only incoming',
    );
    expect(r.stderr).toBe('');
  });

  it('--strict exits 1 when a dangling link exists, 0 when none does', async () => {
    const healthy = path.join(tmp, 'healthy');
    mkdirSync(healthy);
    writeFileSync(path.join(healthy, 'a.md'), '# A\n\nSee [[b]].\n');
    writeFileSync(path.join(healthy, 'b.md'), '# B\n\nBack to [[A]].\n');
    const [bad, ok] = await Promise.all([check(FIXTURE, '--strict'), check(healthy, '--strict')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--strict: 9 dangling links to 5 targets');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✔ 2 notes, 2 links: 0 dangling targets (0 references), 0 orphans');
  });

  it('a missing folder or a file: one clear line on stderr, exit 2', async () => {
    const file = path.join(tmp, 'file.md');
    writeFileSync(file, '# not a folder\n');
    const [missing, notDir, usage] = await Promise.all([
      check(path.join(tmp, 'no-such-vault')),
      check(file, '--json'),
      check('--bogus'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`notemap check: vault folder not found: ${path.join(tmp, 'no-such-vault')}\n`);

    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toBe(`notemap check: vault is not a folder: ${file}\n`);

    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('notemap check: unknown option --bogus (see --help)\n');
  });

  it('--help explains every flag', async () => {
    const r = await check('--help');
    expect(r.code).toBe(0);
    for (const flag of ['--json', '--strict', '--ext', '--quiet', '--help', 'Exit codes']) expect(r.stdout).toContain(flag);
  });

  it('--json parses, and says exactly what the text says', async () => {
    const [json, text] = await Promise.all([check(FIXTURE, '--json'), check(FIXTURE)]);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(Object.keys(data)).toEqual(['vault', 'stats', 'orphans', 'dangling', 'onlyOutgoing', 'onlyIncoming', 'warnings']);
    expect(data.stats).toEqual({
      notes: 8, links: 13, danglingTargets: 5, danglingLinks: 9, orphans: 3, onlyOutgoing: 2, onlyIncoming: 1, warnings: 0,
    });
    // Every reference in the JSON is a `path:line` line of the text, and the other way round.
    const jsonRefs = data.dangling.flatMap((d: { references: { source: string; line: number }[] }) =>
      d.references.map((r) => `${r.source}:${r.line}`));
    const textRefs = text.stdout.split('\n').filter((l) => l.startsWith('      ')).map((l) => l.trim());
    expect(textRefs).toEqual(jsonRefs);
    // And the whole text is the rendering of that JSON.
    const { vault, stats, warnings: _w, ...report } = data;
    const { warnings: _n, ...healthStats } = stats;
    expect(text.stdout).toBe(formatHealth(report, healthStats, { vault }));
  });

  it('kepano-obsidian: 49 dangling targets as the README counts, 9 of them linked only from frontmatter that does not parse', async () => {
    const r = await check(KEPANO, '--json', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const data = JSON.parse(r.stdout);
    expect(data.stats.notes).toBe(103);
    expect(data.dangling).toHaveLength(49);

    // 28 templates have `created: {{date}}`, which is not YAML: the note keeps no
    // frontmatter data, but the wiki links of its block are still read. Find the
    // names linked there that match no note file, with their file lines, by a plain
    // regex over the files: each must be a dangling target with that reference.
    const malformed = data.warnings
      .filter((w: { message: string }) => /yaml/i.test(w.message))
      .map((w: { file: string }) => w.file);
    expect(malformed).toHaveLength(28);
    const stems = new Set(
      readdirSync(KEPANO, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => normalizeName(path.basename(f, '.md'))),
    );
    const brokenRefs = new Set<string>();
    for (const file of malformed) {
      const lines = readFileSync(path.join(KEPANO, file), 'utf8').split('\n');
      const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
      for (let i = 1; i < close; i++) {
        for (const m of lines[i].matchAll(/\[\[([^\]|#]+)/g)) {
          const name = normalizeName(m[1]);
          if (stems.has(name)) continue;
          brokenRefs.add(`${name}\t${file}:${i + 1}`);
          const d = data.dangling.find((x: { key: string }) => x.key === '?' + name);
          expect(d, name).toBeDefined();
          expect(d.references).toContainEqual({ source: file, line: i + 1 });
        }
      }
    }
    // Targets every reference of which sits in those blocks: before their links
    // were read, these 9 were missing from the report (40 instead of 49).
    const onlyInBrokenFrontmatter = data.dangling
      .filter((d: { key: string; references: { source: string; line: number }[] }) =>
        d.references.every((ref) => brokenRefs.has(`${d.key.slice(1)}\t${ref.source}:${ref.line}`)))
      .map((d: { key: string }) => d.key.slice(1));
    expect(onlyInBrokenFrontmatter.sort()).toEqual([
      'conference sessions', 'directors', 'emails', 'food', 'job interviews', 'me', 'meditations', 'quotes', 'restaurants',
    ]);

    // Every dangling target lists every reference with a line, most referenced first.
    for (const d of data.dangling) {
      expect(d.references.length).toBeGreaterThanOrEqual(d.notes);
      for (const ref of d.references) expect(ref.line).toBeGreaterThan(0);
    }
    const counts = data.dangling.map((d: { notes: number }) => d.notes);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
