/**
 * Everything a vault's settings change, read once per command: Obsidian's
 * and Foam's settings, notemap's own configuration, and `--ignore` globs
 * from the command line, merged into what the scan, the parser, the build
 * and the map need. Defaults need no file.
 */
import type { BuildWarning, VaultView } from '../core/contract.js';
import { DEFAULT_NOTE_EXTENSIONS } from '../extract/scan.js';
import type { ParseOptions } from '../extract/types.js';
import { readFoamSettings } from './foam.js';
import { anyMatcher, globMatcher, type PathMatcher } from './glob.js';
import { loadNotemapConfig, type NotemapConfig } from './notemap-config.js';
import { readObsidianSettings } from './obsidian.js';

export interface VaultSettings {
  /** Note extensions, lower case with the dot. */
  extensions: readonly string[];
  /** Files and folders left out of the scan; undefined when none. */
  ignore?: PathMatcher;
  parse: ParseOptions;
  /** The map's defaults (graph attribute `view`). */
  view: VaultView;
  /** The static site keeps drafts. */
  drafts: boolean;
  /** Problems with Obsidian's and Foam's files (malformed JSON, bad entries). */
  warnings: BuildWarning[];
  /** Which settings were found, for the CLI's first lines: e.g. ['Obsidian', 'notemap.config.json']. */
  sources: string[];
  config: NotemapConfig;
}

export interface LoadOptions {
  /** `--config <path>`. */
  configPath?: string | null;
  /** `--ignore <glob>`, repeated. */
  ignore?: readonly string[];
  /** `--ext`: overrides the configuration's extensions. */
  extensions?: readonly string[] | null;
}

/** Reads the settings of `vault`; throws ConfigError on a broken notemap configuration. */
export function loadVaultSettings(vault: string, options: LoadOptions = {}): VaultSettings {
  const { config, file } = loadNotemapConfig(vault, options.configPath);
  const obsidian = readObsidianSettings(vault);
  const foam = readFoamSettings(vault);
  const globs = [...config.ignore, ...(options.ignore ?? [])];
  const ignore = anyMatcher([
    ...(obsidian.ignore ? [obsidian.ignore] : []),
    ...(foam.ignore ? [foam.ignore] : []),
    ...globs.map(globMatcher),
  ]);
  const sources: string[] = [];
  if (obsidian.found) sources.push('Obsidian');
  if (foam.found) sources.push('Foam');
  if (file) sources.push(file);
  const view: VaultView = { ...obsidian.view };
  if (Object.keys(config.tagColors).length) view.tagColors = config.tagColors;
  return {
    extensions: options.extensions ?? config.extensions ?? DEFAULT_NOTE_EXTENSIONS,
    ignore,
    parse: { title: config.title, dates: config.dates, linkKeys: config.linkKeys },
    view,
    drafts: config.drafts,
    warnings: [...obsidian.warnings, ...foam.warnings],
    sources,
    config,
  };
}
