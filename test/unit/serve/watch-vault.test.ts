/**
 * Watching never leaves the vault: a vault holding a symlink to a big
 * outside folder tree gets no watch on any outside folder, neither from
 * watchVault nor from a running `npm start` (read from the kernel's inotify
 * table in /proc), and a change out there rebuilds nothing. Changes the scan
 * would see are reported, in folders created later too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchVault } from '../../../src/serve/watch-vault.js';
import { nodeTsx, ROOT } from '../cli/run-script.js';

let tmp: string;
let vault: string;
let outside: string;
const outsideInodes = new Set<number>();

/** Inode numbers watched through inotify by process `pid` (Linux /proc). */
function inotifyInodes(pid: number | 'self'): number[] {
  const inodes: number[] = [];
  const fdDir = `/proc/${pid}/fd`;
  for (const fd of fs.readdirSync(fdDir)) {
    let target = '';
    try {
      target = fs.readlinkSync(path.join(fdDir, fd));
    } catch {
      continue;
    }
    if (!target.includes('inotify')) continue;
    const info = fs.readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
    for (const m of info.matchAll(/\bino:([0-9a-f]+)/g)) inodes.push(parseInt(m[1], 16));
  }
  return inodes;
}

const settle = (ms = 400): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-watch-')));
  vault = path.join(tmp, 'vault');
  outside = path.join(tmp, 'usr');
  fs.mkdirSync(path.join(vault, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(vault, 'a.md'), '# a\n');
  fs.mkdirSync(path.join(vault, '.obsidian'));
  // A big outside tree: 5 x 5 x 4 folders.
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) for (let k = 0; k < 4; k++) {
    const dir = path.join(outside, `d${i}`, `e${j}`, `f${k}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'x.md'), 'x');
  }
  const walk = (dir: string): void => {
    outsideInodes.add(fs.statSync(dir).ino);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(outside);
  fs.symlinkSync(outside, path.join(vault, 'usr'));
  fs.symlinkSync(path.join(vault, 'sub'), path.join(vault, 'sub-again'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 }));

describe('watchVault', () => {
  it('watches the vault\'s folders only, each once, and no folder outside it', () => {
    const before = new Set(inotifyInodes('self'));
    const watcher = watchVault(vault, () => undefined);
    try {
      expect(watcher.folders()).toEqual([vault, path.join(vault, 'sub')]);
      const added = inotifyInodes('self').filter((ino) => !before.has(ino));
      expect(added.filter((ino) => outsideInodes.has(ino))).toEqual([]);
      expect(added.length).toBe(2);
    } finally {
      watcher.close();
    }
  });

  it('reports changes the scan sees, in new folders too, and none outside the vault or in skipped folders', async () => {
    const changes: string[] = [];
    const watcher = watchVault(vault, (file) => changes.push(file));
    try {
      fs.writeFileSync(path.join(outside, 'd0', 'new.md'), 'x');
      fs.writeFileSync(path.join(outside, 'd1', 'e1', 'f1', 'x.md'), 'changed');
      fs.writeFileSync(path.join(vault, '.obsidian', 'workspace.json'), '{}');
      await settle();
      expect(changes).toEqual([]);

      fs.writeFileSync(path.join(vault, 'sub', 'b.md'), '# b\n');
      await expect.poll(() => changes.includes(path.join(vault, 'sub', 'b.md'))).toBe(true);
      fs.writeFileSync(path.join(vault, '.draft.md'), 'a dot-file is a note');
      await expect.poll(() => changes.includes(path.join(vault, '.draft.md'))).toBe(true);
      fs.mkdirSync(path.join(vault, 'later'));
      await expect.poll(() => watcher.folders().includes(path.join(vault, 'later'))).toBe(true);
      fs.writeFileSync(path.join(vault, 'later', 'c.md'), '# c\n');
      await expect.poll(() => changes.includes(path.join(vault, 'later', 'c.md'))).toBe(true);

      // A link to the outside made while watching is not followed either.
      fs.symlinkSync(path.join(outside, 'd2'), path.join(vault, 'later', 'd2'));
      await settle();
      expect(watcher.folders().every((f) => f === vault || f.startsWith(vault + path.sep))).toBe(true);
      changes.length = 0;
      fs.writeFileSync(path.join(outside, 'd2', 'e0', 'y.md'), 'y');
      await settle();
      expect(changes).toEqual([]);
    } finally {
      watcher.close();
      fs.rmSync(path.join(vault, 'later'), { recursive: true, force: true });
      fs.rmSync(path.join(vault, '.draft.md'), { force: true });
      fs.rmSync(path.join(vault, 'sub', 'b.md'), { force: true });
    }
  });
});

describe('watchVault extraFolders', () => {
  it('sees the settings files of a skipped folder it is asked for, one level deep', async () => {
    const changes: string[] = [];
    const watcher = watchVault(vault, (file) => changes.push(file), { extraFolders: ['.obsidian', '.missing', '../usr'] });
    try {
      expect(watcher.folders()).toEqual([vault, path.join(vault, '.obsidian'), path.join(vault, 'sub')]);
      fs.writeFileSync(path.join(vault, '.obsidian', 'app.json'), '{}');
      await expect.poll(() => changes.includes(path.join(vault, '.obsidian', 'app.json'))).toBe(true);
    } finally {
      watcher.close();
    }
  });
});

describe('the dev server (scripts/start.ts, npm run dev)', () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    // Wait for it to exit: a rebuild still writing into the cache would make the folder's removal fail.
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('watches no folder outside the vault, and a change outside rebuilds nothing', async () => {
    const [node, ...args] = nodeTsx('scripts/start.ts');
    child = spawn(node, [...args, '--vault', vault, '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      // Vite colors its URL line where CI is set ("Local" and ":" split by escapes): ask for none, and strip any.
      env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache'), NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    await expect.poll(() => output.replace(/\x1b\[[0-9;]*m/g, ''), { timeout: 60_000, interval: 200 }).toMatch(/Local:/);
    await settle(1000);
    const watched = inotifyInodes(child.pid!);
    expect(watched.length).toBeGreaterThan(0);
    expect(watched.filter((ino) => outsideInodes.has(ino))).toEqual([]);
    expect(watched).toContain(fs.statSync(vault).ino);

    fs.writeFileSync(path.join(outside, 'd3', 'e3', 'z.md'), 'z');
    await settle(1500);
    expect(output).not.toMatch(/updated \d+ notes? in/);
    fs.writeFileSync(path.join(vault, 'sub', 'new.md'), '# new\n');
    await expect.poll(() => output, { timeout: 30_000, interval: 200 }).toMatch(/updated 1 note in/);
    // A clean machine's first Vite start pre-bundles the app's dependencies, and CI runs the
    // other test files beside this one: the start alone may take most of a minute there.
  }, 150_000);
});
