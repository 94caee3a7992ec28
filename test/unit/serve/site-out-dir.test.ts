/**
 * `npm run build -- --out-dir DIR` never deletes what the user owns: a
 * folder holding their files, the vault or a folder holding it, the project
 * or a folder holding it are refused before Vite empties anything; notemap's
 * own previous output is rebuilt as before. Real folders, the real CLI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_MARKER, siteOutDirProblem } from '../../../src/serve/site-out-dir.js';
import { ROOT, runScript } from '../cli/run-script.js';

let tmp: string;
let vault: string;
const note = (): string => path.join(vault, 'a.md');

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-outdir-'));
  vault = path.join(tmp, 'notes', 'vault');
  fs.mkdirSync(vault, { recursive: true });
  fs.writeFileSync(note(), '# A\n\nsee [[b]]\n');
  fs.writeFileSync(path.join(vault, 'b.md'), '# B\n');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const build = (outDir: string, ...extra: string[]) =>
  runScript('scripts/start.ts', ['--build', '--vault', vault, '--out-dir', outDir, ...extra], { XDG_CACHE_HOME: path.join(tmp, 'cache') });

describe('npm run build --out-dir', () => {
  it('refuses a folder holding the user\'s files, keeps them, and deletes them only with --force', async () => {
    const dir = path.join(tmp, 'mine');
    fs.mkdirSync(path.join(dir, 'photos'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'photos', 'cat.jpg'), 'meow');
    const refused = await build(dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds files notemap did not write \(photos\/cat\.jpg\).*--force/);
    expect(fs.readFileSync(path.join(dir, 'photos', 'cat.jpg'), 'utf8')).toBe('meow');

    const forced = await build(dir, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'photos', 'cat.jpg'))).toBe(false);
  });

  it('rebuilds into its own previous output, but not once the user added a file there', async () => {
    const dir = path.join(tmp, 'site');
    expect((await build(dir)).code).toBe(0);
    const marker = fs.readFileSync(path.join(dir, SITE_MARKER), 'utf8');
    expect(marker).toContain('index.html');
    expect(marker).toContain('graph.json');
    const again = await build(dir);
    expect(again.code, again.stderr).toBe(0);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const refused = await build(dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('notes.txt');
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
  });

  it.each([
    ['the vault', () => vault],
    ['the folder holding the vault', () => path.dirname(vault)],
    ['a symlink to the vault', () => {
      const link = path.join(tmp, 'vault-link');
      if (!fs.existsSync(link)) fs.symlinkSync(vault, link);
      return link;
    }],
  ])('refuses %s, even with --force, and every note stays', async (_name, dir) => {
    for (const extra of [[], ['--force']]) {
      const run = await build(dir(), ...extra);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/vault.*delete your notes/);
      expect(fs.readFileSync(note(), 'utf8')).toBe('# A\n\nsee [[b]]\n');
    }
  });

  it('refuses a file as the output folder', async () => {
    const file = path.join(tmp, 'file.txt');
    fs.writeFileSync(file, 'x');
    const run = await build(file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a folder');
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('siteOutDirProblem', () => {
  // Not run through the CLI: a regression there would delete this checkout.
  it('refuses the project root and every folder above it, even with --force', () => {
    for (const dir of [ROOT, path.dirname(ROOT), '/']) {
      expect(siteOutDirProblem(dir, { vault, root: ROOT, force: true })).toMatch(/holds the notemap project|holds the vault/);
    }
    expect(siteOutDirProblem(path.join(ROOT, 'dist-new-for-test'), { vault, root: ROOT })).toBeNull();
  });
});
