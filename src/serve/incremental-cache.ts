/**
 * The incremental builder's cache file (`incremental.cache` in the vault's
 * cache folder, vaultCacheDir): per note file its size, mtime, hash, parsed
 * note and warnings; the other files; every node's position. Versioned and
 * checksummed: a cache written by another version of notemap (or for
 * another vault, or with other note extensions), or a damaged one, is
 * ignored with a reason, and the build is then a full one.
 */
import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { SCHEMA_VERSION } from '../core/contract.js';
import { writeFileAtomic } from '../extract/write.js';
import type { FileRecord } from './incremental-files.js';
import type { MentionsCache } from './incremental-mentions.js';
import type { CachedMetrics } from './cached-metrics.js';
import type { CachedSuggestions } from './cached-suggestions.js';

/** Bump when anything the cache holds changes shape or meaning (the parser's output included). */
export const CACHE_VERSION = 4;
export const CACHE_FILE = 'incremental.cache';

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

/** The cache file's first line (JSON); the body follows on the next, in parts (see serializeCache). */
interface CacheHeader {
  format: 'notemap-incremental';
  version: number;
  schemaVersion: number;
  /** sha1 of the bytes after the header line: catches a damaged file (not an attacker: the cache is the user's own). */
  sha1: string;
  /** How many slices each of SPLIT's lists was cut into, in SPLIT's order. */
  slices: number[];
}

// Why V8's serializer and not JSON: at 10,000 notes the body is ~20 MB, and its JSON text (written
// piece by piece, then encoded) took a third of a one-note `notemap graph --incremental`; V8's
// binary form is written ~5x and read ~1.5x faster, straight to and from bytes. The big lists are
// cut into slices so that no single buffer grows to hundreds of MB at 100,000 notes.
const digest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/** The body's big lists (a path of keys from the body), each serialized in slices. */
const SPLIT: readonly (readonly string[])[] = [['records'], ['positions'], ['mentions', 'notes'], ['metrics', 'nodes'], ['suggestions', 'answers']];
const SLICE = 2000;

type Tree = Record<string, unknown>;

/** The list at `keys` in `tree` (undefined when a step is missing). */
function listAt(tree: Tree, keys: readonly string[]): unknown[] | undefined {
  let node: unknown = tree;
  for (const key of keys) node = node && typeof node === 'object' ? (node as Tree)[key] : undefined;
  return Array.isArray(node) ? node : undefined;
}

/** A copy of `tree` with the list at `keys` replaced by `list` (copies only along the path). */
function withListAt(tree: Tree, keys: readonly string[], list: unknown[]): Tree {
  const [key, ...rest] = keys;
  if (!(key in tree) || tree[key] === undefined) return tree;
  return { ...tree, [key]: rest.length === 0 ? list : withListAt(tree[key] as Tree, rest, list) };
}

/** A length-prefixed part: 4 bytes (little endian) then the bytes. */
function framed(bytes: Buffer): Buffer[] {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(bytes.length);
  return [size, bytes];
}

/** The cache as the file's bytes: the header line, then the body's parts (V8-serialized, each length-prefixed). */
export function serializeCache(body: CacheBody): Buffer[] {
  let shell = body as unknown as Tree;
  for (const keys of SPLIT) shell = withListAt(shell, keys, []);
  const parts: Buffer[] = [...framed(v8.serialize(shell))];
  const slices: number[] = [];
  for (const keys of SPLIT) {
    const list = listAt(body as unknown as Tree, keys) ?? [];
    let count = 0;
    for (let from = 0; from < list.length; from += SLICE, count++) parts.push(...framed(v8.serialize(list.slice(from, from + SLICE))));
    slices.push(count);
  }
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  const header: CacheHeader = { format: 'notemap-incremental', version: CACHE_VERSION, schemaVersion: SCHEMA_VERSION, sha1: hash.digest('hex'), slices };
  return [Buffer.from(JSON.stringify(header) + '\n'), ...parts];
}

export type CacheLoad = { body: CacheBody; problem: null } | { body: null; problem: string };

/** Checks a cache file's text; `problem` says why it is not used. */
export interface CacheExpect {
  vault: string;
  extensions: readonly string[];
  codeVersion: string;
}

/** The body from the parts after the header; throws on a malformed file. */
function readBody(bytes: Buffer, slices: readonly number[]): CacheBody {
  let offset = 0;
  const next = (): unknown => {
    const size = bytes.readUInt32LE(offset);
    const part = bytes.subarray(offset + 4, offset + 4 + size);
    if (part.length !== size) throw new Error('truncated');
    offset += 4 + size;
    return v8.deserialize(part);
  };
  const body = next() as Tree;
  SPLIT.forEach((keys, i) => {
    const list = listAt(body, keys);
    for (let n = 0; n < (slices[i] ?? 0); n++) {
      const slice = next() as unknown[];
      if (!list) continue;
      for (const item of slice) list.push(item);
    }
  });
  if (offset !== bytes.length) throw new Error('trailing bytes');
  return body as unknown as CacheBody;
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
  if (newline < 0 || header.sha1 !== digest(bytes) || !Array.isArray(header.slices)) return { body: null, problem: 'the cache is damaged (checksum mismatch)' };
  let body: CacheBody;
  try {
    body = readBody(bytes, header.slices);
  } catch {
    // The checksum matched but the parts do not read: written by a node whose serializer differs.
    return { body: null, problem: 'the cache could not be read (written by another version of Node.js?)' };
  }
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

/** The file name of caches before version 4 (JSON): removed when a new one is written beside it. */
const LEGACY_FILE = 'incremental.json';

/** Writes the cache atomically. */
export async function saveCache(file: string, body: CacheBody): Promise<void> {
  await writeFileAtomic(file, serializeCache(body));
  if (path.basename(file) !== LEGACY_FILE) await unlink(path.join(path.dirname(file), LEGACY_FILE)).catch(() => undefined);
}
