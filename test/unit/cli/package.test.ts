/**
 * The installable package as a user gets it: `npm pack` (which builds the
 * CLI and the app through `prepare`), the tarball installed into an empty
 * folder, and every command run from there on a copy of the sample vault.
 * Nothing is written inside the vault; the served map's cache goes under
 * $XDG_CACHE_HOME.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../../src/serve/site-out-dir.js';
import { ROOT } from './run-script.js';

const exec = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-pack-'));
const app = path.join(tmp, 'app');
const vault = path.join(tmp, 'my notes');
const cache = path.join(tmp, 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' };
let bin = '';
let vaultBefore: string[] = [];

beforeAll(async () => {
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT, maxBuffer: 1 << 24 });
  const tarball = path.join(tmp, JSON.parse(stdout)[0].filename);
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), '{ "private": true }\n');
  // Dependencies come from npm's cache when it has them (no network needed after `npm ci`).
  await exec('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: app, maxBuffer: 1 << 24 });
  bin = path.join(app, 'node_modules', '.bin', 'notemap');
  fs.cpSync(path.join(ROOT, 'data/vault'), vault, { recursive: true });
  vaultBefore = listFiles(vault);
}, 600_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const notemap = (args: string[]) => exec(bin, args, { cwd: app, env, maxBuffer: 1 << 24 });

describe('the packed notemap package', () => {
  it('holds the compiled CLI and the prebuilt app, not the sources', () => {
    const installed = listFiles(path.join(app, 'node_modules', 'notemap'));
    expect(installed).toContain('dist-node/notemap.js');
    expect(installed).toContain('dist-app/index.html');
    expect(installed.some((f) => f.endsWith('.ts') || f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
    // Everything it runs is bundled: installing it (npx) downloads nothing else.
    expect(fs.readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['notemap']);
  });

  it('--help, graph, check and build work from an unrelated folder', async () => {
    expect((await notemap(['--help'])).stdout).toMatch(/^notemap: see a folder of Markdown notes/);
    const graph = await notemap(['graph', vault, '--out', 'graph.json']);
    expect(graph.stdout).toMatch(/^54 notes, \d+ links, \d+ dangling targets, \d+ orphans, \d+ warnings, [\d.]+ s -> graph\.json\n$/);
    const json = JSON.parse(fs.readFileSync(path.join(app, 'graph.json'), 'utf8'));
    expect(json.attributes.vault).toBe('my notes');

    const check = await notemap(['check', vault, '--json']);
    expect(JSON.parse(check.stdout).stats.notes).toBe(54);
    await expect(notemap(['check', vault, '--strict'])).rejects.toMatchObject({ code: 1 });

    const build = await notemap(['build', vault, '--out-dir', 'site']);
    expect(build.stdout).toMatch(/drafts left out/);
    expect(listFiles(path.join(app, 'site'))).toEqual(expect.arrayContaining(['index.html', 'graph.json', '.notemap-site']));
    expect(listFiles(vault)).toEqual(vaultBefore);
  }, 120_000);

  it('serves the map of a vault, from its own server, with the graph in the cache', async () => {
    const child = spawn(bin, [vault, '--no-open', '--port', '0'], { cwd: app, env });
    try {
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
        child.stdout.on('data', () => {
          const m = /the map is at (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(out.split('\n')[0]).toBe(`notemap: mapping my notes (${vault})`);
      const page = await fetch(url);
      expect(await page.text()).toMatch(/id="graph"/);
      const graph = await (await fetch(url + 'graph.json')).json();
      expect(graph.attributes.stats.notes).toBe(54);
      // Only the app and the current vault's graph are served.
      expect((await fetch(url + 'package.json')).status).toBe(404);
      expect(listFiles(cache).some((f) => f.endsWith('graph.json'))).toBe(true);
      expect(listFiles(vault)).toEqual(vaultBefore);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
