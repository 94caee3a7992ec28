/**
 * Reading the settings files of a vault (Obsidian's, Foam's, notemap's own):
 * a missing file is simply absent; a file that cannot be read or parsed is a
 * warning naming it, and the reader keeps its defaults. VS Code's
 * settings.json is JSONC (comments, trailing commas), so comments can be
 * stripped first.
 */
import { readFileSync } from 'node:fs';
import type { BuildWarning } from '../core/contract.js';

export type JsonRead = { found: false } | { found: true; value: unknown } | { found: true; error: string };

/** Reads and parses `absPath`; never throws. */
export function readJson(absPath: string, options: { jsonc?: boolean } = {}): JsonRead {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { found: false };
    return { found: true, error: `not readable (${code ?? String(err)})` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { found: true, value: JSON.parse(options.jsonc ? stripJsonComments(text) : text) };
  } catch (err) {
    return { found: true, error: `malformed JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

/**
 * A settings object from `absPath`, or null when the file is missing or bad;
 * a bad file adds a warning naming `shownPath` and saying the defaults are kept.
 */
export function readSettingsObject(
  absPath: string,
  shownPath: string,
  warnings: BuildWarning[],
  options: { jsonc?: boolean } = {},
): Record<string, unknown> | null {
  const read = readJson(absPath, options);
  if (!read.found) return null;
  if ('error' in read) {
    warnings.push({ file: shownPath, message: `${read.error}; its settings are ignored, defaults kept` });
    return null;
  }
  if (!isPlainObject(read.value)) {
    warnings.push({ file: shownPath, message: 'not a JSON object; its settings are ignored, defaults kept' });
    return null;
  }
  return read.value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSONC to JSON: removes `//` and `/* *\/` comments outside strings and
 * trailing commas before `}` or `]`, keeping everything else as written.
 */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      // Copy the string, escapes included.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
