/**
 * notemap's own configuration: `notemap.config.json` in the vault, a
 * `notemap` key in the vault's `.notemap.json`, or a file given with
 * `--config <path>`. Everything is optional (no file: the defaults). A
 * configuration the user wrote is checked strictly: an unknown key or a value
 * of the wrong shape stops the command with a message naming the file and
 * the key, instead of being silently ignored.
 */
import path from 'node:path';
import { isPlainObject, readJson } from './json-file.js';

/** Where a note's title comes from, in order of preference. */
export const TITLE_RULES = ['frontmatter-h1-filename', 'frontmatter-filename', 'h1-filename', 'filename'] as const;
export type TitleRule = (typeof TITLE_RULES)[number];

export interface NotemapConfig {
  /** Globs of files and folders to leave out (gitignore-like). */
  ignore: string[];
  /** Note extensions, lower case with the dot; null = the defaults. */
  extensions: string[] | null;
  title: TitleRule;
  /** Tag (lower case) to #rrggbb. */
  tagColors: Record<string, string>;
  /** Frontmatter keys holding the dates, first present wins. */
  dates: { created: string[]; updated: string[] };
  /** Frontmatter keys whose wiki links are links; null = every key but title/tags/aliases. */
  linkKeys: string[] | null;
  /** The static site (`notemap build`) keeps drafts and `publish: false` notes. */
  drafts: boolean;
}

export const DEFAULT_CONFIG: NotemapConfig = {
  ignore: [],
  extensions: null,
  title: 'frontmatter-h1-filename',
  tagColors: {},
  dates: { created: ['created', 'date'], updated: ['updated'] },
  linkKeys: null,
  drafts: false,
};

export const CONFIG_FILE = 'notemap.config.json';
export const DOT_CONFIG_FILE = '.notemap.json';

/** A configuration that cannot be used: the message names the file and the key. */
export class ConfigError extends Error {}

const KEYS = ['ignore', 'extensions', 'title', 'tagColors', 'dates', 'linkKeys', 'drafts'] as const;

function stringList(value: unknown, where: string, example: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) {
    throw new ConfigError(`${where} must be a list of non-empty strings, e.g. ${example}`);
  }
  return value.map((v: string) => v.trim());
}

/** Checks a parsed configuration; `file` names it in errors. */
export function validateConfig(value: unknown, file: string): NotemapConfig {
  if (!isPlainObject(value)) throw new ConfigError(`${file}: must be a JSON object, e.g. { "ignore": ["Templates/"] }`);
  const config: NotemapConfig = structuredClone(DEFAULT_CONFIG);
  for (const key of Object.keys(value)) {
    if (key === '$schema') continue;
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new ConfigError(`${file}: unknown key "${key}" (known keys: ${KEYS.join(', ')})`);
    }
  }
  const at = (key: string): string => `${file}: "${key}"`;
  if (value.ignore !== undefined) config.ignore = stringList(value.ignore, at('ignore'), '["Templates/", "**/*.excalidraw.md"]');
  if (value.extensions !== undefined) {
    const list = stringList(value.extensions, at('extensions'), '["md", "txt"]').map((e) => e.toLowerCase().replace(/^\.+/, ''));
    const bad = list.find((e) => !/^[a-z0-9]{1,10}$/.test(e));
    if (bad !== undefined || list.length === 0) throw new ConfigError(`${at('extensions')}: "${bad ?? ''}" is not a file extension (letters and digits, e.g. "md")`);
    config.extensions = [...new Set(list)].map((e) => '.' + e);
  }
  if (value.title !== undefined) {
    if (!(TITLE_RULES as readonly unknown[]).includes(value.title)) {
      throw new ConfigError(`${at('title')} must be one of ${TITLE_RULES.map((r) => `"${r}"`).join(', ')}`);
    }
    config.title = value.title as TitleRule;
  }
  if (value.tagColors !== undefined) {
    if (!isPlainObject(value.tagColors)) throw new ConfigError(`${at('tagColors')} must be an object of tag to color, e.g. { "project": "#e15759" }`);
    for (const [tag, color] of Object.entries(value.tagColors)) {
      if (typeof color !== 'string' || !/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) {
        throw new ConfigError(`${file}: "tagColors.${tag}" must be a color written #rgb or #rrggbb, got ${JSON.stringify(color)}`);
      }
      const key = tag.replace(/^#/, '').trim().toLowerCase();
      if (!key) throw new ConfigError(`${file}: "tagColors" has an empty tag name`);
      config.tagColors[key] = color.length === 4 ? '#' + [...color.slice(1)].map((c) => c + c).join('').toLowerCase() : color.toLowerCase();
    }
  }
  if (value.dates !== undefined) {
    if (!isPlainObject(value.dates)) throw new ConfigError(`${at('dates')} must be an object, e.g. { "created": ["created", "date"], "updated": ["modified"] }`);
    for (const key of Object.keys(value.dates)) {
      if (key !== 'created' && key !== 'updated') throw new ConfigError(`${file}: unknown key "dates.${key}" (known: created, updated)`);
      config.dates[key] = stringList(value.dates[key], `${file}: "dates.${key}"`, '["created", "date"]');
    }
  }
  if (value.linkKeys !== undefined) config.linkKeys = stringList(value.linkKeys, at('linkKeys'), '["related", "up"]').map((k) => k.toLowerCase());
  if (value.drafts !== undefined) {
    if (typeof value.drafts !== 'boolean') throw new ConfigError(`${at('drafts')} must be true or false`);
    config.drafts = value.drafts;
  }
  return config;
}

export interface LoadedConfig {
  config: NotemapConfig;
  /** The file it came from (shown as given), or null for the defaults. */
  file: string | null;
}

/**
 * The configuration for `vault`: `configPath` when given (it must exist),
 * else `notemap.config.json`, else `.notemap.json`'s `notemap` key, else the
 * defaults. Throws ConfigError on a file that is malformed or invalid.
 */
export function loadNotemapConfig(vault: string, configPath?: string | null): LoadedConfig {
  const candidates: { abs: string; shown: string; key?: string; required: boolean }[] = configPath
    ? [{ abs: path.resolve(configPath), shown: configPath, required: true }]
    : [
        { abs: path.join(vault, CONFIG_FILE), shown: CONFIG_FILE, required: false },
        { abs: path.join(vault, DOT_CONFIG_FILE), shown: DOT_CONFIG_FILE, key: 'notemap', required: false },
      ];
  for (const c of candidates) {
    const read = readJson(c.abs);
    if (!read.found) {
      if (c.required) throw new ConfigError(`config file not found: ${c.shown}`);
      continue;
    }
    if ('error' in read) throw new ConfigError(`${c.shown}: ${read.error}`);
    if (c.key === undefined) return { config: validateConfig(read.value, c.shown), file: c.shown };
    if (!isPlainObject(read.value)) throw new ConfigError(`${c.shown}: must be a JSON object`);
    if (read.value[c.key] === undefined) continue;
    return { config: validateConfig(read.value[c.key], `${c.shown} (key "${c.key}")`), file: c.shown };
  }
  return { config: structuredClone(DEFAULT_CONFIG), file: null };
}
