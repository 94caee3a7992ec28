/**
 * The incremental builder's cache file (`incremental.json` in the vault's
 * cache folder, vaultCacheDir): per note file its size, mtime, hash, parsed
 * note and warnings; the other files; every node's position. Versioned and
 * checksummed: a cache written by another version of notemap (or for
 * another vault, or with other note extensions), or a damaged one, is
 * ignored with a reason, and the build is then a full one.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SCHEMA_VERSION } from '../core/contract.js';
import { writeFileAtomic } from '../extract/write.js';
import type { FileRecord } from './incremental-files.js';
import type { MentionsCache } from './incremental-mentions.js';

/** Bump when anything the cache holds changes shape or meaning (the parser's output included). */
export const CACHE_VERSION = 1;
export const CACHE_FILE = 'incremental.json';

export interface CacheBody {
  vault: string;
  /** What built it (the caller's code fingerprint: package version, or newest source mtime in the repo). */
  codeVersion: string;
  extensions: readonly string[];
  /** The parse options the records were parsed with (parseKey); other options: the records are not used, the positions are. */
  parseKey?: string;
  records: [string, FileRecord][];
  others: string[];
  positions: [string, number, number][];
  layoutTicks: number;
  /** What each note's text holds for the mention finder (kept with the records: same parse). */
  mentions?: MentionsCache;
}

interface CacheFile {
  format: 'notemap-incremental';
  version: number;
  schemaVersion: number;
  sha256: string;
  body: string;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The cache as file text. */
export function serializeCache(body: CacheBody): string {
  const text = JSON.stringify(body);
  const file: CacheFile = { format: 'notemap-incremental', version: CACHE_VERSION, schemaVersion: SCHEMA_VERSION, sha256: digest(text), body: text };
  return JSON.stringify(file);
}

export type CacheLoad = { body: CacheBody; problem: null } | { body: null; problem: string };

/** Checks a cache file's text; `problem` says why it is not used. */
export interface CacheExpect {
  vault: string;
  extensions: readonly string[];
  codeVersion: string;
}

export function parseCache(text: string, expect: CacheExpect): CacheLoad {
  let file: Partial<CacheFile>;
  try {
    file = JSON.parse(text) as Partial<CacheFile>;
  } catch {
    return { body: null, problem: 'the cache is damaged (not JSON)' };
  }
  if (file?.format !== 'notemap-incremental') return { body: null, problem: 'the cache is not a notemap cache' };
  if (file.version !== CACHE_VERSION || file.schemaVersion !== SCHEMA_VERSION) {
    return { body: null, problem: `the cache was written by another version of notemap (cache ${file.version}, this one ${CACHE_VERSION})` };
  }
  if (typeof file.body !== 'string' || file.sha256 !== digest(file.body)) return { body: null, problem: 'the cache is damaged (checksum mismatch)' };
  const body = JSON.parse(file.body) as CacheBody;
  if (body.codeVersion !== expect.codeVersion) return { body: null, problem: 'the cache was written by another version of notemap (its code changed)' };
  if (body.vault !== expect.vault) return { body: null, problem: 'the cache belongs to another vault' };
  if (body.extensions.join() !== expect.extensions.join()) return { body: null, problem: 'the cache was built with other note extensions' };
  return { body, problem: null };
}

/** Reads the cache at `file`; a missing file is `problem: 'no cache yet'`. */
export async function loadCache(file: string, expect: CacheExpect): Promise<CacheLoad> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { body: null, problem: 'no cache yet' };
  }
  return parseCache(text, expect);
}

/** Writes the cache atomically. */
export async function saveCache(file: string, body: CacheBody): Promise<void> {
  await writeFileAtomic(file, [serializeCache(body)]);
}
