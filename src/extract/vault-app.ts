/**
 * Which app a vault belongs to, from its settings folder: Obsidian keeps
 * `.obsidian/`, Foam (a VS Code extension) `.foam/` or `.vscode/`. The map
 * offers "Open in Obsidian" or "Open in VS Code" accordingly, and neither
 * for a plain folder of notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { VaultApp } from '../core/contract.js';

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** 'obsidian' when `vault` has `.obsidian/` (it wins over the others), 'foam' for `.foam/` or `.vscode/`, else null. */
export function detectVaultApp(vault: string): VaultApp | null {
  if (isFolder(path.join(vault, '.obsidian'))) return 'obsidian';
  if (isFolder(path.join(vault, '.foam')) || isFolder(path.join(vault, '.vscode'))) return 'foam';
  return null;
}
