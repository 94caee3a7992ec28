/**
 * A live session follows the vault's settings files: a change to
 * `.obsidian/app.json` (excluded files) opens the builder again with the
 * settings read anew and sends the difference, positions kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadVaultSettings } from '../../../src/config/load.js';
import type { LiveMessage } from '../../../src/core/live.js';
import { createLiveHub } from '../../../src/serve/live-hub.js';
import { startLiveSession } from '../../../src/serve/live-session.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-live-settings-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a live session and the vault settings', () => {
  it('leaves out a folder once .obsidian/app.json excludes it', async () => {
    const vault = path.join(tmp, 'vault');
    fs.mkdirSync(path.join(vault, 'private'), { recursive: true });
    fs.mkdirSync(path.join(vault, '.obsidian'));
    fs.writeFileSync(path.join(vault, '.obsidian/app.json'), '{}');
    fs.writeFileSync(path.join(vault, 'a.md'), '# A\n\nSee [[Secret]].\n');
    fs.writeFileSync(path.join(vault, 'private/secret.md'), '# Secret\n\nHidden.\n');
    const hub = createLiveHub();
    const messages: LiveMessage[] = [];
    hub.subscribe((m) => messages.push(m));
    const session = await startLiveSession({
      vault,
      settings: loadVaultSettings(vault),
      cacheFile: path.join(tmp, 'cache.json'),
      hub,
      ticks: 0,
      settingsWatch: {
        folders: ['.obsidian'],
        isSettingsFile: (rel) => rel === '.obsidian/app.json',
        reload: () => ({ settings: loadVaultSettings(vault) }),
      },
    });
    try {
      const before = session.first.graph.getNodeAttributes('a.md');
      expect(session.first.graph.hasEdge('a.md', 'private/secret.md')).toBe(true);
      fs.writeFileSync(path.join(vault, '.obsidian/app.json'), '{ "userIgnoreFilters": ["private/"] }');
      await expect.poll(() => messages.find((m) => m.diff?.removedNodes.includes('private/secret.md')), { timeout: 10_000 }).toBeTruthy();
      const graph = session.builder.core.graph!;
      expect(graph.hasNode('private/secret.md')).toBe(false);
      // The link now dangles; a.md stayed where it was.
      expect(graph.outNeighbors('a.md').map((k) => graph.getNodeAttribute(k, 'kind'))).toEqual(['dangling']);
      expect([graph.getNodeAttribute('a.md', 'x'), graph.getNodeAttribute('a.md', 'y')]).toEqual([before.x, before.y]);
    } finally {
      await session.close();
    }
  });
});
