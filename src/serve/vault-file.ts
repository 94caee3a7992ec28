/**
 * A vault-relative path from a request to the one file it may name: inside
 * the vault by real path (a symlink out of the vault is refused), a regular
 * file, and returned as that real path so what is checked is what is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../extract/scan.js';

/**
 * The real path of a vault file, or null when the request would leave the
 * vault or names no regular file: absolute paths, `..`, `.` and empty
 * segments, NUL bytes, drive letters and backslashes are refused before
 * touching the disk.
 */
export function resolveVaultFile(vaultPath: string, file: string): string | null {
  if (!file || file.includes('\0') || file.includes('\\')) return null;
  if (path.isAbsolute(file) || /^[a-zA-Z]:/.test(file)) return null;
  if (file.split('/').some((s) => s === '..' || s === '.' || s === '')) return null;
  try {
    const realVault = fs.realpathSync(path.resolve(vaultPath));
    const real = fs.realpathSync(path.join(realVault, file));
    if (real === realVault || !isInside(realVault, real)) return null;
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null; // Missing: nothing to open.
  }
}
