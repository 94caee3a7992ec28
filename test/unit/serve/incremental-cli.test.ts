/**
 * `npm run graph -- --incremental`: the cache in the vault's cache folder
 * makes the next run read only the changed note, with the same positions
 * as before for every note that stayed; a damaged cache or one from
 * another version is ignored, and the run says it made a full build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vaultCacheDir } from '../../../src/serve/cache-dir.js';
import { CACHE_FILE, CACHE_VERSION } from '../../../src/serve/incremental-cache.js';
import { ROOT, runScript } from '../cli/run-script.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-incr-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const positions = (file: string): Map<string, string> =>
  new Map((JSON.parse(fs.readFileSync(file, 'utf8')).nodes as { key: string; attributes: { x: number; y: number } }[]).map((n) => [n.key, `${n.attributes.x},${n.attributes.y}`]));

describe('npm run graph -- --incremental', () => {
  it('reads only what changed, keeps positions, and ignores a damaged cache with a full build', async () => {
    const vault = path.join(tmp, 'vault');
    fs.cpSync(path.join(ROOT, 'data/vault'), vault, { recursive: true });
    const out = path.join(tmp, 'graph.json');
    const env = { XDG_CACHE_HOME: path.join(tmp, 'cache') };
    // What `npm run graph -- --incremental` runs (the notemap command, from its sources).
    const run = () => runScript('src/cli/notemap.ts', ['graph', vault, '--out', out, '--incremental', '--quiet'], env);

    expect((await run()).stdout).toMatch(/\(full build: no cache yet\)/);
    const before = positions(out);
    fs.appendFileSync(path.join(vault, 'index.md'), '\nA brand [[New Idea]] here.\n');
    const second = await run();
    expect(second.stdout).toMatch(/\(incremental: 1 note\(s\) read again\)/);
    const after = positions(out);
    expect(after.has('?new idea')).toBe(true);
    for (const [key, p] of before) expect(after.get(key), key).toBe(p);

    const cacheFile = path.join(vaultCacheDir(vault, { ...process.env, ...env }), CACHE_FILE);
    // The header line is JSON; the body after it is binary (edited as bytes).
    const bytes = fs.readFileSync(cacheFile);
    const newline = bytes.indexOf(10);
    const header = bytes.toString('utf8', 0, newline).replace(`"version":${CACHE_VERSION}`, '"version":0');
    fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(header), bytes.subarray(newline)]));
    expect((await run()).stdout).toMatch(/\(full build: the cache was written by another version of notemap/);
    fs.writeFileSync(cacheFile, bytes.subarray(0, bytes.length - 100));
    expect((await run()).stdout).toMatch(/\(full build: the cache is damaged/);
    bytes[bytes.length - 50] ^= 1;
    fs.writeFileSync(cacheFile, bytes);
    expect((await run()).stdout).toMatch(/\(full build: the cache is damaged/);
    // Unlinked mentions come from the cache too, equal to a full build's: a new note's name, already in
    // another note's text, is found there without that note having changed.
    fs.appendFileSync(path.join(vault, 'index.md'), '\nWe stopped at a zebra crossing today.\n');
    await run();
    fs.writeFileSync(path.join(vault, 'zebra crossing.md'), '# Zebra crossing\n\nStripes.\n');
    expect((await run()).stdout).toMatch(/\(incremental: 1 note\(s\) read again\)/);
    const full = path.join(tmp, 'full.json');
    await runScript('src/cli/notemap.ts', ['graph', vault, '--out', full, '--quiet'], env);
    const mentions = (file: string): { mentions: unknown[] } => JSON.parse(fs.readFileSync(file, 'utf8')).attributes.mentions;
    expect(mentions(full).mentions.length).toBeGreaterThan(0);
    expect(mentions(out)).toEqual(mentions(full));
  });
});
