/**
 * The vault's settings files that `notemap [vault]` follows while serving
 * (src/config reads them): a change to one reads the settings again.
 */
import { CONFIG_FILE, DOT_CONFIG_FILE } from '../config/notemap-config.js';

/** Folders the scan skips that hold settings, watched one level deep. */
export const SETTINGS_FOLDERS: readonly string[] = ['.obsidian', '.vscode'];

const FILES = new Set(['.obsidian/app.json', '.obsidian/graph.json', '.vscode/settings.json', CONFIG_FILE, DOT_CONFIG_FILE]);

/** True for a vault-relative POSIX path that is one of the settings files. */
export function isSettingsFile(rel: string): boolean {
  return FILES.has(rel);
}
