/**
 * `npm start` helpers on real temp folders: where a vault's graph is cached,
 * when it is stale, and argument parsing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/core/contract.js';
import { graphCachePath, newestMtime, staleReason } from '../../../scripts/start-graph.js';
import { parseStartArgs } from '../../../scripts/start.js';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-start-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const touch = (file: string, seconds: number, text = 'x'): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.utimesSync(file, seconds, seconds);
};

describe('graphCachePath', () => {
  it('keeps every vault graph, the sample one too, in its cache folder outside the project', () => {
    const env = { HOME: '/home/me', XDG_CACHE_HOME: '/cache' };
    const a = graphCachePath('/home/me/My Notes', env);
    const b = graphCachePath('/other/My Notes', env);
    expect(a).toMatch(/^\/cache\/notemap\/My_Notes-[0-9a-f]{10}\/graph\.json$/);
    expect(a).not.toBe(b);
    expect(graphCachePath('/repo/data/vault', env)).toMatch(/^\/cache\/notemap\/vault-[0-9a-f]{10}\/graph\.json$/);
  });
});

describe('staleReason', () => {
  it('is missing, then fresh, then stale when a note (even a nested one) changes', () => {
    const vault = path.join(tmp, 'vault');
    const graph = path.join(tmp, 'graph.json');
    touch(path.join(vault, 'a.md'), 1000);
    touch(path.join(vault, 'deep/b.md'), 1000);
    fs.utimesSync(path.join(vault, 'deep'), 1000, 1000);
    fs.utimesSync(vault, 1000, 1000);
    expect(staleReason(graph, vault)).toBe('missing');
    touch(graph, 2000, JSON.stringify({ attributes: { schemaVersion: SCHEMA_VERSION } }));
    expect(staleReason(graph, vault)).toBeNull();
    touch(path.join(vault, 'deep/b.md'), 3000);
    expect(newestMtime(vault)).toBe(3000 * 1000);
    expect(staleReason(graph, vault)).toBe('vault changed');
  });

  it('ignores dot-folders and rebuilds on another schema version', () => {
    const vault = path.join(tmp, 'vault2');
    const graph = path.join(tmp, 'graph2.json');
    touch(path.join(vault, 'a.md'), 1000);
    fs.utimesSync(vault, 1000, 1000);
    touch(path.join(vault, '.obsidian/workspace.json'), 5000);
    fs.utimesSync(vault, 1000, 1000);
    touch(graph, 2000, JSON.stringify({ attributes: { schemaVersion: SCHEMA_VERSION } }));
    expect(staleReason(graph, vault)).toBeNull();
    touch(graph, 2000, JSON.stringify({ attributes: { schemaVersion: SCHEMA_VERSION + 1 } }));
    expect(staleReason(graph, vault)).toBe('schema version changed');
  });

  it('is stale when a dot-file note changes (the scan reads .draft.md; only dot-folders are skipped)', () => {
    const vault = path.join(tmp, 'vault3');
    const graph = path.join(tmp, 'graph3.json');
    touch(path.join(vault, 'a.md'), 1000);
    touch(path.join(vault, 'deep/.draft.md'), 1000);
    fs.utimesSync(path.join(vault, 'deep'), 1000, 1000);
    fs.utimesSync(vault, 1000, 1000);
    touch(graph, 2000, JSON.stringify({ attributes: { schemaVersion: SCHEMA_VERSION } }));
    expect(staleReason(graph, vault)).toBeNull();
    touch(path.join(vault, 'deep/.draft.md'), 3000);
    expect(newestMtime(vault)).toBe(3000 * 1000);
    expect(staleReason(graph, vault)).toBe('vault changed');
  });
});

describe('parseStartArgs', () => {
  it('reads options, the env vault, and refuses bad ones', () => {
    expect(parseStartArgs(['--vault', 'x', '--port', '8080', '--host=0.0.0.0', '--build'], {})).toMatchObject({
      vault: path.resolve('x'), port: 8080, host: '0.0.0.0', build: true,
    });
    expect(parseStartArgs([], { NOTEMAP_VAULT: '/v' }).vault).toBe('/v');
    expect(() => parseStartArgs(['--port', 'abc'], {})).toThrow(/--port/);
    expect(() => parseStartArgs(['--nope'], {})).toThrow(/unknown option --nope/);
    expect(() => parseStartArgs(['--vault'], {})).toThrow(/--vault needs a value/);
  });
});
