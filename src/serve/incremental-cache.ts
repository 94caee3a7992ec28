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
  /** sha1 of each part after the header line, in order: catches a damaged file (not an attacker: the cache is the user's own). */
  sha1: string[];
  /** How many slices each of SPLIT's lists was cut into, in SPLIT's order. */
  slices: number[];
}

// Why V8's serializer and not JSON: at 10,000 notes the body is ~20 MB, and its JSON text (written
// piece by piece, then encoded) took a third of a one-note `notemap graph --incremental`; V8's
// binary form is written ~5x and read ~1.5x faster, straight to and from bytes. The big lists are
// cut into slices so that no single buffer grows to hundreds of MB at 100,000 notes, and so that a
// slice none of whose items changed since the cache was read is written again as the bytes read.
const digest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/**
 * The body's big lists (a path of keys from the body), each serialized in slices; and its big
 * values (`one`), each a part of its own: written again only when it changed.
 */
const SPLIT: readonly { keys: readonly string[]; one?: true }[] = [
  { keys: ['records'] },
  { keys: ['positions'] },
  { keys: ['mentions', 'notes'] },
  { keys: ['mentions', 'names'] },
  { keys: ['mentions', 'built', 'names'] },
  { keys: ['mentions', 'built', 'tokens'] },
  { keys: ['metrics', 'nodes'] },
  { keys: ['suggestions', 'answers'] },
  { keys: ['suggestions', 'index'], one: true },
];
const SLICE = 500;

type Tree = Record<string, unknown>;

/** One slice of a list as read or written: its items, its bytes and their sha1. */
interface Slice {
  items: readonly unknown[];
  bytes: Buffer;
  sha1: string;
}

/** The slices of a cache as read (per SPLIT list), for the next write to reuse. */
export interface CacheSlices {
  lists: Slice[][];
}

/** The value at `keys` in `tree` (undefined when a step is missing). */
function valueAt(tree: Tree, keys: readonly string[]): unknown {
  let node: unknown = tree;
  for (const key of keys) node = node && typeof node === 'object' ? (node as Tree)[key] : undefined;
  return node;
}

/** The list at `keys` in `tree` (undefined when a step is missing or it is no list). */
function listAt(tree: Tree, keys: readonly string[]): unknown[] | undefined {
  const node = valueAt(tree, keys);
  return Array.isArray(node) ? node : undefined;
}

/** A copy of `tree` with the value at `keys` replaced by `value` (copies only along the path; nothing when a step is missing). */
function withValueAt(tree: Tree, keys: readonly string[], value: unknown): Tree {
  const [key, ...rest] = keys;
  if (!(key in tree) || tree[key] === undefined) return tree;
  if (rest.length === 0) {
    const { [key]: _gone, ...others } = tree;
    return value === undefined ? others : { ...tree, [key]: value };
  }
  return { ...tree, [key]: withValueAt(tree[key] as Tree, rest, value) };
}

/** Sets the value at `keys` in `tree` (in place; nothing when a step is missing). */
function setValueAt(tree: Tree, keys: readonly string[], value: unknown): void {
  const parent = valueAt(tree, keys.slice(0, -1));
  if (parent && typeof parent === 'object') (parent as Tree)[keys[keys.length - 1]] = value;
}

/** The items SPLIT entry `entry` serializes: the list, or the one value as a list of one. */
function itemsOf(tree: Tree, entry: (typeof SPLIT)[number]): unknown[] {
  const value = valueAt(tree, entry.keys);
  if (entry.one) return value === undefined ? [] : [value];
  return Array.isArray(value) ? value : [];
}

/**
 * Whether two list items are the same for the cache: the same value, or tuples whose parts are each
 * the same value or the same object. Objects the builder changes it replaces, never edits in place
 * (a record, a note's occurrences), so the same object holds the same data.
 */
function sameItem(a: unknown, b: unknown): boolean {
  if (a === b || sameBytes(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameBytes(a[i], b[i])) return false;
  return true;
}

/** Two byte arrays with the same bytes (a mention filter, the suggestion index: copied from the cache as read). */
function sameBytes(a: unknown, b: unknown): boolean {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameItem(a[i], b[i])) return false;
  return true;
}

/** A length-prefixed part: 4 bytes (little endian) then the bytes. */
function framed(bytes: Buffer): Buffer[] {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(bytes.length);
  return [size, bytes];
}

/**
 * The cache as the file's bytes: the header line, then the body's parts (V8-serialized, each
 * length-prefixed). `previous`: the slices of the cache as read (loadCache), reused where unchanged.
 */
export function serializeCache(body: CacheBody, previous?: CacheSlices | null): Buffer[] {
  let shell = body as unknown as Tree;
  for (const entry of SPLIT) shell = withValueAt(shell, entry.keys, entry.one ? undefined : []);
  const shellBytes = v8.serialize(shell);
  const parts: Buffer[] = [...framed(shellBytes)];
  const sha1: string[] = [digest(shellBytes)];
  const slices: number[] = [];
  SPLIT.forEach((entry, i) => {
    const list = itemsOf(body as unknown as Tree, entry);
    let count = 0;
    for (let from = 0; from < list.length; from += SLICE, count++) {
      const items = list.slice(from, from + SLICE);
      const before = previous?.lists[i]?.[count];
      const reuse = before && sameItems(before.items, items);
      const bytes = reuse ? before.bytes : v8.serialize(items);
      parts.push(...framed(bytes));
      sha1.push(reuse ? before.sha1 : digest(bytes));
    }
    slices.push(count);
  });
  const header: CacheHeader = { format: 'notemap-incremental', version: CACHE_VERSION, schemaVersion: SCHEMA_VERSION, sha1, slices };
  return [Buffer.from(JSON.stringify(header) + '\n'), ...parts];
}

export type CacheLoad = { body: CacheBody; problem: null; slices: CacheSlices } | { body: null; problem: string; slices?: undefined };

/** Checks a cache file's text; `problem` says why it is not used. */
export interface CacheExpect {
  vault: string;
  extensions: readonly string[];
  codeVersion: string;
}

class Damaged extends Error {}

/** The body from the parts after the header, each checked against its sha1; throws Damaged on a mismatch. */
function readBody(bytes: Buffer, header: CacheHeader): { body: CacheBody; slices: CacheSlices } {
  let offset = 0;
  let part = 0;
  const next = (): { value: unknown; bytes: Buffer; sha1: string } => {
    if (offset + 4 > bytes.length) throw new Damaged();
    const size = bytes.readUInt32LE(offset);
    const slice = bytes.subarray(offset + 4, offset + 4 + size);
    const sha1 = header.sha1[part++];
    if (slice.length !== size || digest(slice) !== sha1) throw new Damaged();
    offset += 4 + size;
    return { value: v8.deserialize(slice), bytes: slice, sha1 };
  };
  const body = next().value as Tree;
  const lists: Slice[][] = SPLIT.map((entry, i) => {
    const list = entry.one ? undefined : listAt(body, entry.keys);
    const out: Slice[] = [];
    for (let n = 0; n < (header.slices[i] ?? 0); n++) {
      const { value, bytes: sliceBytes, sha1 } = next();
      const items = value as unknown[];
      out.push({ items, bytes: sliceBytes, sha1 });
      if (entry.one) setValueAt(body, entry.keys, items[0]);
      else if (list) for (const item of items) list.push(item);
    }
    return out;
  });
  if (offset !== bytes.length || part !== header.sha1.length) throw new Damaged();
  return { body: body as unknown as CacheBody, slices: { lists } };
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
  if (newline < 0 || !Array.isArray(header.sha1) || !Array.isArray(header.slices)) return { body: null, problem: 'the cache is damaged (checksum mismatch)' };
  let read: { body: CacheBody; slices: CacheSlices };
  try {
    read = readBody(file.subarray(newline + 1), header as CacheHeader);
  } catch (err) {
    if (err instanceof Damaged) return { body: null, problem: 'the cache is damaged (checksum mismatch)' };
    // The checksums matched but the parts do not read: written by a Node.js whose serializer differs.
    return { body: null, problem: 'the cache could not be read (written by another version of Node.js?)' };
  }
  const { body } = read;
  if (body.codeVersion !== expect.codeVersion) return { body: null, problem: 'the cache was written by another version of notemap (its code changed)' };
  if (body.vault !== expect.vault) return { body: null, problem: 'the cache belongs to another vault' };
  if (body.extensions.join() !== expect.extensions.join()) return { body: null, problem: 'the cache was built with other note extensions' };
  return { body, problem: null, slices: read.slices };
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

/** Writes the cache atomically; `previous`: the slices as read, reused where unchanged. */
export async function saveCache(file: string, body: CacheBody, previous?: CacheSlices | null): Promise<void> {
  await writeFileAtomic(file, serializeCache(body, previous));
  if (path.basename(file) !== LEGACY_FILE) await unlink(path.join(path.dirname(file), LEGACY_FILE)).catch(() => undefined);
}
