/**
 * `--out` problems are found before the build, in one line (exit 2): a
 * folder, a trailing slash, a parent that is a file, a read-only folder; a
 * missing parent folder is created. And the temporary file a killed build
 * leaves beside graph.json is ignored by git.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../pipeline/bad-vault.js';
import { CAN_DROP_PERMISSIONS, ROOT, runScript, runScriptUnprivileged } from './run-script.js';

const SMALL = path.join(FIXTURES, 'small');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'notemap-out-'));
  chmodSync(tmp, 0o777);
});
afterAll(() => {
  try { chmodSync(path.join(tmp, 'readonly'), 0o755); } catch { /* not made */ }
  rmSync(tmp, { recursive: true, force: true });
});

const graph = (out: string) => runScript('scripts/build-graph.ts', [SMALL, '--out', out]);

describe('--out', () => {
  it.each([
    ['a trailing slash', (d: string) => path.join(d, 'site') + '/', /--out must name a file, not a folder/],
    ['an existing folder', (d: string) => d, /--out is a folder/],
    ['a parent that is a file', (d: string) => path.join(d, 'file.txt', 'graph.json'), /--out: cannot create the folder/],
  ])('%s: exit 2 before the build, one line, nothing written', async (_name, target, message) => {
    const dir = mkdtempSync(path.join(tmp, 'case-'));
    writeFileSync(path.join(dir, 'file.txt'), 'mine');
    const r = await graph(target(dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe(''); // no summary: the build never ran
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });

  it('creates a missing parent folder', async () => {
    const out = path.join(tmp, 'new', 'deeper', 'graph.json');
    const r = await graph(out);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it.skipIf(!CAN_DROP_PERMISSIONS)('a read-only folder: exit 2 before the build', async () => {
    const dir = path.join(tmp, 'readonly');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const r = await runScriptUnprivileged('scripts/build-graph.ts', [SMALL, '--out', path.join(dir, 'graph.json')], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: cannot write in .*EACCES/);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('.gitignore', () => {
  it('ignores the temporary file of an interrupted build, by its real name', () => {
    // write.ts names it `${out}.tmp-${pid}`; --out's writability check `${out}.probe-${pid}`.
    const names = ['data/graph.json.tmp-12345', 'my-graph.json.tmp-1', 'data/graph.json.probe-12345'];
    const ignored = execFileSync('git', ['check-ignore', '--no-index', ...names], { cwd: ROOT, encoding: 'utf8' });
    expect(ignored.trim().split('\n')).toEqual(names);
  });
});
