/**
 * YAML frontmatter: finds the `---` block at the top of a note, parses it
 * with gray-matter, and turns YAML problems into warnings instead of errors.
 *
 * Why a custom YAML engine: gray-matter's default (js-yaml's default schema)
 * turns `created: 2020-10-26` into a Date at UTC midnight, which a reader in
 * another time zone then sees as the day before. js-yaml's CORE schema keeps
 * timestamps as the strings written while numbers and booleans stay typed.
 * Why options are always passed: gray-matter caches results by content when
 * called without options (shared objects, memory that grows with the vault).
 * Blocks of plain `key: value` and `- item` lines (most notes) skip both
 * for simple-yaml.ts, which gives the same result for what it accepts.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { BuildWarning } from '../core/contract.js';
import { lineEndAt } from './line-index.js';
import { parseSimpleYaml } from './simple-yaml.js';

/** What the frontmatter block of a note holds. */
export interface Frontmatter {
  /** The parsed mapping; null when the note has none or it could not be used. */
  data: Record<string, unknown> | null;
  /** Offset in the text where the body starts (0 without a block). */
  bodyStart: number;
  warnings: BuildWarning[];
  /** The raw YAML text between the fences ('' without a block); line 1 of it is file line 2. */
  raw: string;
}

function refuse(name: string): () => never {
  return () => {
    throw new Error(`frontmatter language "${name}" is not supported`);
  };
}

/** YAML as the parser reads it: js-yaml's safe loader with the CORE schema (see above). */
function loadYaml(s: string): unknown {
  return yaml.safeLoad(s, { schema: yaml.CORE_SCHEMA });
}

/**
 * Blocks longer than this skip gray-matter and go to the same YAML engine
 * directly: gray-matter first strips comment lines with `/^\s*#[^\n]+/gm`,
 * which is quadratic in runs of blank lines (40,000 of them take seconds).
 */
const GRAY_MATTER_MAX = 8 * 1024;

const MATTER_OPTIONS = {
  engines: {
    yaml: (s: string): object => loadYaml(s) as object,
    // gray-matter would eval `---js` blocks: a note must never run code.
    javascript: refuse('javascript'),
    coffee: refuse('coffee'),
  },
};

/**
 * Locates the block: the first line is exactly `---` and a later line is
 * exactly `---` (trailing spaces allowed). Without the closing line the
 * leading `---` is a thematic break, as in Obsidian.
 */
export function findBlock(text: string): { blockStart: number; blockEnd: number; bodyStart: number } | null {
  const firstEnd = text.indexOf('\n');
  if (firstEnd === -1 || text.slice(0, firstEnd).trimEnd() !== '---') return null;
  let lineStart = firstEnd + 1;
  while (lineStart < text.length) {
    const lineEnd = lineEndAt(text, lineStart);
    if (text.slice(lineStart, lineEnd).trimEnd() === '---') {
      return { blockStart: firstEnd + 1, blockEnd: lineStart, bodyStart: Math.min(lineEnd + 1, text.length) };
    }
    lineStart = lineEnd + 1;
  }
  return null;
}

/** Top-level keys (unindented `key:` lines) of a block and their 1-based file lines (the block starts on line 2). */
export function keyLinesOf(block: string): Map<string, number> {
  const lines = new Map<string, number>();
  block.split('\n').forEach((line, i) => {
    if (line === '' || /^[\s#\-]/.test(line)) return;
    const colon = line.indexOf(':');
    if (colon <= 0) return;
    const key = line.slice(0, colon).trim().replace(/^(["'])(.*)\1$/, '$2');
    // The block starts on file line 2, after the opening `---`.
    if (!lines.has(key)) lines.set(key, i + 2);
  });
  return lines;
}

/**
 * True when js-yaml turned a mapping used as a key into "[object Object]".
 * Each object is visited once: YAML aliases can share (or nest) one object
 * many times over, as in a "billion laughs" block.
 */
function hasObjectKey(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((v) => hasObjectKey(v, seen));
  return Object.entries(value).some(([k, v]) => k === '[object Object]' || hasObjectKey(v, seen));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** A block that cannot be used: no data, one warning. */
function unusable(bodyStart: number, file: string, line: number, message: string, raw: string): Frontmatter {
  return { data: null, bodyStart, warnings: [{ file, line, message: `${message}; its wiki links are still read` }], raw };
}

/**
 * Parses the frontmatter of `text` (LF line endings, no BOM).
 * Malformed YAML, a block that is not a mapping, or a mapping used as a key
 * (an unfilled template placeholder such as `created: {{date}}`, which
 * Obsidian and most YAML parsers reject) leave `data` null and add a warning
 * with the file line of the problem.
 */
export function parseFrontmatter(text: string, path: string): Frontmatter {
  const found = findBlock(text);
  if (!found) return { data: null, bodyStart: 0, warnings: [], raw: '' };
  const block = text.slice(found.blockStart, found.blockEnd);
  // Most blocks are plain `key: value` / `- item` lines: read those directly
  // (js-yaml's result, without its cost; see simple-yaml.ts).
  const simple = parseSimpleYaml(block);
  if (simple) return { data: simple, bodyStart: found.bodyStart, warnings: [], raw: block };

  let data: unknown;
  try {
    // Either way the YAML text starts with the newline after `---` (see below).
    data = block.length <= GRAY_MATTER_MAX ? matter(`---\n${block}---\n`, MATTER_OPTIONS).data : loadYaml('\n' + block);
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { line?: number; column?: number } };
    // gray-matter hands js-yaml the text after `---`, starting with its newline,
    // so js-yaml's 0-based line is the 1-based file line.
    const line = typeof e.mark?.line === 'number' ? e.mark.line + 1 : 1;
    const reason = e.reason ?? String(e.message ?? err).split('\n')[0];
    return unusable(found.bodyStart, path, line, `malformed YAML frontmatter: ${reason} (line ${line})`, block);
  }
  if (data === undefined || data === null) {
    return { data: {}, bodyStart: found.bodyStart, warnings: [], raw: block };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return unusable(found.bodyStart, path, 2, `frontmatter is ${describe(data)}, not a key: value mapping`, block);
  }
  if (hasObjectKey(data)) {
    const at = block.split('\n').findIndex((l) => l.includes('{{'));
    const line = at === -1 ? 2 : at + 2;
    return unusable(
      found.bodyStart,
      path,
      line,
      `malformed YAML frontmatter: a mapping used as a key (an unfilled template placeholder such as {{date}}?) (line ${line})`,
      block,
    );
  }
  return { data: data as Record<string, unknown>, bodyStart: found.bodyStart, warnings: [], raw: block };
}

/**
 * The value of `key` in the frontmatter: the exact key, else the first key
 * equal to it ignoring case (`Tags`, `TITLE`), as Obsidian reads properties.
 */
export function field(data: Record<string, unknown> | null, key: string): unknown {
  if (!data) return undefined;
  if (Object.hasOwn(data, key)) return data[key];
  for (const k of Object.keys(data)) if (k.toLowerCase() === key) return data[k];
  return undefined;
}

/** A scalar frontmatter value as a trimmed string; null for anything else or empty. */
export function scalarString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    // Only reachable with a timestamp-aware schema: keep the UTC date, never shift.
    return value.toISOString().slice(0, 10);
  }
  return null;
}

/**
 * A frontmatter value as a list of strings: a YAML list (nested lists
 * flattened), or a single string split on `separator`; numbers become strings.
 */
export function stringList(value: unknown, separator: RegExp): string[] {
  const out: string[] = [];
  if (typeof value === 'string') out.push(...value.split(separator));
  else if (Array.isArray(value)) collectStrings(value, 0, new Set(), out);
  else {
    // A lone scalar (or nothing: most notes have no aliases): no list to walk.
    const s = scalarString(value);
    if (s !== null) out.push(s);
  }
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Scalars of a (nested) list as strings, into `out`; each list read once. */
function collectStrings(value: unknown, depth: number, seen: Set<object>, out: string[]): void {
  if (Array.isArray(value)) {
    if (depth >= 4 || seen.has(value)) return;
    seen.add(value);
    for (const v of value) collectStrings(v, depth + 1, seen, out);
    return;
  }
  const s = scalarString(value);
  if (s !== null) out.push(s);
}
