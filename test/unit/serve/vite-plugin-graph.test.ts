/**
 * The graph-data plugin against a real Vite dev server on a temp vault:
 * /graph.json served uncached (404 with the command when missing), the
 * vault-file check, and a build that emits graph.json (the editor endpoint
 * itself: dev-server-guard.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createServer, type ViteDevServer } from 'vite';
import { graphDataPlugin, resolveVaultFile } from '../../../scripts/vite-plugin-graph.js';

let tmp: string;
let vault: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-plugin-'));
  vault = path.join(tmp, 'My Vault');
  fs.mkdirSync(path.join(vault, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(vault, 'sub', 'a note.md'), '# a\n');
  fs.writeFileSync(path.join(tmp, 'secret.md'), 'outside\n');
  fs.symlinkSync(path.join(tmp, 'secret.md'), path.join(vault, 'link.md'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('resolveVaultFile', () => {
  it.each([
    ['sub/a note.md', true],
    ['../secret.md', false],
    ['sub/../../secret.md', false],
    ['/etc/passwd', false],
    ['C:/Windows/win.ini', false],
    ['sub\\..\\..\\secret.md', false],
    ['link.md', false], // symlink pointing out of the vault
    ['missing.md', false],
    ['', false],
    ['sub//a note.md', false],
    ['./sub/a note.md', false],
    ['sub', false], // a folder
  ])('%s -> allowed %s', (file, allowed) => {
    const result = resolveVaultFile(vault, file);
    if (allowed) expect(result).toBe(fs.realpathSync(path.join(vault, file)));
    else expect(result).toBeNull();
  });
});

describe('dev server', () => {
  let server: ViteDevServer;
  let base: string;
  const graphPath = () => path.join(tmp, 'graph.json');

  beforeAll(async () => {
    fs.writeFileSync(path.join(tmp, 'index.html'), '<!doctype html><title>t</title>');
    server = await createServer({
      root: tmp,
      configFile: false,
      logLevel: 'silent',
      plugins: [graphDataPlugin({ graphPath: graphPath(), vaultPath: vault })],
      server: { port: 0, host: '127.0.0.1' },
    });
    await server.listen();
    const address = server.httpServer!.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => server?.close());

  it('answers 404 with the command to run when the graph is missing', async () => {
    const res = await fetch(`${base}/graph.json`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: string };
    expect(body.error).toContain('npm start');
  });

  it('serves the graph file, uncached, fresh on every request', async () => {
    fs.writeFileSync(graphPath(), JSON.stringify({ attributes: { v: 1 } }));
    let res = await fetch(`${base}/graph.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ attributes: { v: 1 } });
    fs.writeFileSync(graphPath(), JSON.stringify({ attributes: { v: 2 } }));
    res = await fetch(`${base}/graph.json`);
    expect(await res.json()).toEqual({ attributes: { v: 2 } });
  });

  it('serves the compact files beside the graph file', async () => {
    fs.writeFileSync(path.join(tmp, 'graph.compact.bin'), Buffer.from([1, 2, 3]));
    fs.writeFileSync(path.join(tmp, 'graph.details.0.json'), '{"summary":[]}');
    const bin = await fetch(`${base}/graph.compact.bin`);
    expect(bin.status).toBe(200);
    expect(bin.headers.get('cache-control')).toBe('no-store');
    expect([...new Uint8Array(await bin.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(await (await fetch(`${base}/graph.details.0.json`)).json()).toEqual({ summary: [] });
    expect((await fetch(`${base}/graph.details.1.json`)).status).toBe(404);
  });

  it('tells the vault name and path', async () => {
    const res = await fetch(`${base}/vault.json`);
    expect(await res.json()).toEqual({ name: 'My Vault', path: vault });
  });
});

describe('build', () => {
  it('emits graph.json into the output folder', async () => {
    const root = path.join(tmp, 'site');
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    const graph = path.join(tmp, 'g.json');
    fs.writeFileSync(graph, '{"nodes":[]}');
    const outDir = path.join(tmp, 'out');
    await build({ root, configFile: false, logLevel: 'silent', plugins: [graphDataPlugin({ graphPath: graph, vaultPath: vault })], build: { outDir } });
    expect(fs.readFileSync(path.join(outDir, 'graph.json'), 'utf8')).toBe('{"nodes":[]}');
  });

  it('emits the compact files beside graph.json, renamed after it', async () => {
    const root = path.join(tmp, 'site');
    const graph = path.join(tmp, 'g2.json');
    fs.writeFileSync(graph, '{"nodes":[]}');
    fs.writeFileSync(path.join(tmp, 'g2.compact.bin'), 'bin');
    fs.writeFileSync(path.join(tmp, 'g2.details.0.json'), '{}');
    fs.writeFileSync(path.join(tmp, 'g2.notes.txt'), 'not a graph file');
    const outDir = path.join(tmp, 'out3');
    await build({ root, configFile: false, logLevel: 'silent', plugins: [graphDataPlugin({ graphPath: graph, vaultPath: vault })], build: { outDir } });
    expect(fs.readdirSync(outDir).filter((n) => n.startsWith('graph')).sort()).toEqual(['graph.compact.bin', 'graph.details.0.json', 'graph.json']);
    expect(fs.readFileSync(path.join(outDir, 'graph.compact.bin'), 'utf8')).toBe('bin');
  });

  it('fails with the command to run when the graph is missing', async () => {
    const root = path.join(tmp, 'site');
    await expect(build({
      root, configFile: false, logLevel: 'silent',
      plugins: [graphDataPlugin({ graphPath: path.join(tmp, 'nope.json'), vaultPath: vault })],
      build: { outDir: path.join(tmp, 'out2') },
    })).rejects.toThrow(/npm start/);
  });
});
