/**
 * The per-vault cache folder: in the user's cache (XDG_CACHE_HOME or
 * ~/.cache), one folder per absolute vault path, never a dot-name.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vaultCacheDir } from '../../../src/serve/cache-dir.js';

const sha = (s: string): string => createHash('sha1').update(s).digest('hex').slice(0, 10);

describe('vaultCacheDir', () => {
  it('lives under $XDG_CACHE_HOME/notemap, named by the folder and a hash of its absolute path', () => {
    const dir = vaultCacheDir('/home/me/My Notes', { XDG_CACHE_HOME: '/xdg', HOME: '/home/me' });
    expect(dir).toBe(`/xdg/notemap/My_Notes-${sha('/home/me/My Notes')}/`);
  });

  it('falls back to ~/.cache when XDG_CACHE_HOME is unset or relative', () => {
    expect(vaultCacheDir('/v/notes', { HOME: '/home/me' })).toBe(`/home/me/.cache/notemap/notes-${sha('/v/notes')}/`);
    expect(vaultCacheDir('/v/notes', { HOME: '/home/me', XDG_CACHE_HOME: 'rel' })).toMatch(/^\/home\/me\/\.cache\/notemap\//);
  });

  it('gives two vaults with the same folder name two folders, and a relative path the same as its absolute one', () => {
    const env = { HOME: '/h' };
    expect(vaultCacheDir('/a/My Notes', env)).not.toBe(vaultCacheDir('/b/My Notes', env));
    expect(vaultCacheDir('notes', env)).toBe(vaultCacheDir(path.resolve('notes'), env));
  });

  it('never names the folder with a dot or a separator', () => {
    const name = path.basename(vaultCacheDir('/x/.hidden', { HOME: '/h' }));
    expect(name).toMatch(/^_hidden-[0-9a-f]{10}$/);
    expect(path.basename(vaultCacheDir('/', { HOME: '/h' }))).toMatch(/^vault-[0-9a-f]{10}$/);
  });
});
