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
import { jsonChunks } from './json-chunks.js';
import type { MentionsCache } from './incremental-mentions.js';
import type { CachedMetrics } from './cached-metrics.js';
import type { CachedSuggestions } from './cached-suggestions.js';

/** Bump when anything the cache holds changes shape or meaning (the parser's output included). */
export const CACHE_VERSION = 3;
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
  /** Whole-graph metrics and "did you mean" answers, each with what it depends on. */
  metrics?: CachedMetrics;
  suggestions?: CachedSuggestions;
}

/** The cache file's first line; the body (CacheBody as JSON) follows on the next. */
interface CacheHeader {
  format: 'notemap-incremental';
  version: number;
  schemaVersion: number;
  /** sha1 of the body's bytes: catches a damaged file (not an attacker: the cache is the user's own). */
  sha1: string;
}

// Why a header line and not one JSON document holding the body as a string: the body is tens of MB at
// 10,000 notes, and a string inside JSON is escaped, parsed and encoded once more (measured: a quarter
// of a one-note `npm run graph -- --incremental`).
const digest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/** The cache as the file's bytes: the header line, then the body in chunks of about 1 MB (json-chunks.ts). */
export function serializeCache(body: CacheBody): Buffer[] {
  const hash = createHash('sha1');
  const chunks: Buffer[] = [];
  // Three levels apart: the body's fields, their lists (records, positions), and mentions' per-note list.
  for (const text of jsonChunks(body, 3)) {
    const bytes = Buffer.from(text);
    hash.update(bytes);
    chunks.push(bytes);
  }
  const header: CacheHeader = { format: 'notemap-incremental', version: CACHE_VERSION, schemaVersion: SCHEMA_VERSION, sha1: hash.digest('hex') };
  return [Buffer.from(JSON.stringify(header) + '\n'), ...chunks];
}

export type CacheLoad = { body: CacheBody; problem: null } | { body: null; problem: string };

/** Checks a cache file's text; `problem` says why it is not used. */
export interface CacheExpect {
  vault: string;
  extensions: readonly string[];
  codeVersion: string;
}

export function parseCache(file: Buffer, expect: CacheExpect): CacheLoad {
  const newline = file.indexOf(10);
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(file.toString('utf8', 0, newline < 0 ? file.length : newline)) as Partial<CacheHeader>;
  } catch {
    return { body: null, problem: 'the cache is damaged (not JSON)' };
  }
  if (header?.format !== 'notemap-incremental') return { body: null, problem: 'the cache is not a notemap cache' };
  if (header.version !== CACHE_VERSION || header.schemaVersion !== SCHEMA_VERSION) {
    return { body: null, problem: `the cache was written by another version of notemap (cache ${header.version}, this one ${CACHE_VERSION})` };
  }
  const bytes = file.subarray(newline + 1);
  if (newline < 0 || header.sha1 !== digest(bytes)) return { body: null, problem: 'the cache is damaged (checksum mismatch)' };
  const body = JSON.parse(bytes.toString('utf8')) as CacheBody;
  if (body.codeVersion !== expect.codeVersion) return { body: null, problem: 'the cache was written by another version of notemap (its code changed)' };
  if (body.vault !== expect.vault) return { body: null, problem: 'the cache belongs to another vault' };
  if (body.extensions.join() !== expect.extensions.join()) return { body: null, problem: 'the cache was built with other note extensions' };
  return { body, problem: null };
}

/** Reads the cache at `file`; a missing file is `problem: 'no cache yet'`. */
export async function loadCache(file: string, expect: CacheExpect): Promise<CacheLoad> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { body: null, problem: 'no cache yet' };
  }
  return parseCache(bytes, expect);
}

/** Writes the cache atomically. */
export async function saveCache(file: string, body: CacheBody): Promise<void> {
  await writeFileAtomic(file, serializeCache(body));
}
