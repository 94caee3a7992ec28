/**
 * Which "Open in ..." a vault gets: the build records the app from the
 * vault's settings folder (graph attribute `vaultApp`), and a Foam vault's
 * link is a vscode://file URL to the note's absolute path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vscodeUrl } from '../../../src/app/panels/navigate.js';
import { runPipeline } from '../../../src/extract/pipeline.js';
import { detectVaultApp } from '../../../src/extract/vault-app.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-app-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function vault(name: string, folders: string[]): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (const f of folders) fs.mkdirSync(path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'a.md'), '# A\n[[b]]\n');
  return dir;
}

describe('the vault app', () => {
  it.each([
    ['obsidian', ['.obsidian'], 'obsidian'],
    ['foam', ['.foam'], 'foam'],
    ['vscode', ['.vscode'], 'foam'],
    ['both', ['.vscode', '.obsidian'], 'obsidian'],
    ['plain', [], null],
  ] as const)('%s vault -> %s', (name, folders, app) => {
    expect(detectVaultApp(vault(name, [...folders]))).toBe(app);
  });

  it('a file named .obsidian is not a settings folder', () => {
    const dir = vault('file', []);
    fs.writeFileSync(path.join(dir, '.obsidian'), '');
    expect(detectVaultApp(dir)).toBeNull();
  });

  it('the build records it as the graph attribute vaultApp', async () => {
    const { graph } = await runPipeline(vault('built', ['.foam']), { layoutTicks: 0 });
    expect(graph.getAttribute('vaultApp')).toBe('foam');
    expect(graph.getAttribute('schemaVersion')).toBe(1);
  });

  it('the sample vault is an Obsidian vault', () => {
    expect(detectVaultApp(path.resolve('data/vault'))).toBe('obsidian');
  });
});

describe('vscodeUrl', () => {
  it('encodes each segment and keeps the slashes', () => {
    expect(vscodeUrl('/home/me/my notes/', 'user/a b#c.md')).toBe('vscode://file/home/me/my%20notes/user/a%20b%23c.md');
  });
  it('a Windows folder becomes a forward-slash path with its drive', () => {
    expect(vscodeUrl('C:\\Users\\me\\foam', 'index.md')).toBe('vscode://file/C:/Users/me/foam/index.md');
  });
});
