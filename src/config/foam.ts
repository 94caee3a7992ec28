/**
 * A Foam vault's settings: `foam.files.ignore` (and the newer
 * `foam.files.exclude`) globs in `.vscode/settings.json` (JSONC, as VS Code
 * writes it). The `.foam` folder (templates) marks a Foam workspace; like
 * every dot-folder it is never scanned. A malformed file is a warning.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BuildWarning } from '../core/contract.js';
import { anyMatcher, globMatcher, type PathMatcher } from './glob.js';
import { readSettingsObject } from './json-file.js';

export interface FoamSettings {
  /** The vault has a `.foam` folder or Foam settings in `.vscode/settings.json`. */
  found: boolean;
  ignore?: PathMatcher;
  ignoreGlobs: string[];
  warnings: BuildWarning[];
}

const FILE = '.vscode/settings.json';

export function readFoamSettings(vault: string): FoamSettings {
  const warnings: BuildWarning[] = [];
  const settings = readSettingsObject(path.join(vault, '.vscode', 'settings.json'), FILE, warnings, { jsonc: true });
  const globs: string[] = [];
  let hasFoamKey = false;
  for (const key of ['foam.files.ignore', 'foam.files.exclude']) {
    const value = settings?.[key];
    if (value === undefined) continue;
    hasFoamKey = true;
    if (!Array.isArray(value)) {
      warnings.push({ file: FILE, message: `${key} is not a list of globs, ignored` });
      continue;
    }
    for (const glob of value) {
      if (typeof glob === 'string' && glob.trim()) globs.push(glob.trim());
      else warnings.push({ file: FILE, message: `${key}: ${JSON.stringify(glob)} is not a glob, skipped` });
    }
  }
  return {
    found: hasFoamKey || existsSync(path.join(vault, '.foam')),
    ignore: anyMatcher(globs.map(globMatcher)),
    ignoreGlobs: globs,
    warnings,
  };
}
