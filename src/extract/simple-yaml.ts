/**
 * A fast path for the frontmatter most notes have: top-level `key: value`
 * lines and `key:` followed by `- item` lines. It returns exactly what
 * js-yaml (CORE schema) returns for such a block, or null for anything else
 * (nested mappings, block or flow collections, comments, anchors, tags,
 * multi-line scalars, escapes, blank lines, duplicate keys, ...), and the
 * caller then uses the full YAML engine. Why: gray-matter plus js-yaml cost
 * about a quarter of the parse stage on a 10,000-note vault.
 *
 * Equivalence: each accepted line form is one js-yaml reads the same way;
 * plain scalars go through the schema's own implicit resolvers (null, bool,
 * int, float) in the loader's order, so `2020-10-26`, `true`, `0x1F` or `~`
 * come out as js-yaml makes them; keys are resolved and then `String()`ed,
 * as js-yaml's storeMappingPair does. test/unit/parse/simple-yaml.test.ts
 * compares both on real and generated blocks.
 */
import yaml from 'js-yaml';

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

// The loader resolves plain scalars with exactly this list (`state.implicitTypes = schema.compiledImplicit`).
const IMPLICIT = (yaml.CORE_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;

/** What js-yaml makes of a plain scalar: the first implicit type that resolves it, else the string. */
function resolvePlain(s: string): unknown {
  // Ints and floats start with a sign, a digit or a dot, so a scalar starting
  // with a letter is null (`null`), a bool (`true`, `False`) or itself: only
  // 4- and 5-letter words need the resolvers. Most keys and values are words.
  const first = s.charCodeAt(0) | 0x20;
  if (first >= 97 && first <= 122 && s.length !== 4 && s.length !== 5) return s;
  for (const type of IMPLICIT) if (type.resolve(s)) return type.construct(s);
  return s;
}

// js-yaml rejects these anywhere in a stream (its PATTERN_NON_PRINTABLE); a tab, a CR and a BOM are left to it too.
const UNSAFE_CHARS = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

const NOT_PRINTABLE_ASCII = /[^\n\x20-\x7E]/;

// Both line forms are tested in place in the block (sticky, from the line's
// start, through its newline), and their parts then cut out by position: no
// slice per line and no match array (this runs on every line of every note).
// A top-level key line: a plain key of word characters, `:`, then nothing or spaces and a value.
const KEY_LINE = /[A-Za-z_][\w-]*:(?: +\S.*)?(?:\n|$)/y;
// A sequence item: indentation, `- `, a value.
const ITEM_LINE = / *- +\S.*(?:\n|$)/y;

/** Offset of the first character at or after `at` that is not a space. */
function skipSpaces(s: string, at: number): number {
  while (s.charCodeAt(at) === 32) at++;
  return at;
}

/** End of the line a sticky match ended at `end` (before its newline, if any). */
function lineEndOf(s: string, end: number): number {
  return s.charCodeAt(end - 1) === 10 ? end - 1 : end;
}
// A plain scalar that stays on its line and means only itself: it does not
// start with an indicator, holds no comment, no `: `, no brackets or braces,
// and does not end with `:` or a space.
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#[\]{}]*$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;

/** The value of a one-line scalar as js-yaml reads it, or `undefined` when it is not one of the simple forms. */
function scalar(raw: string): unknown {
  const first = raw.charCodeAt(0);
  if (first === 34 /* " */) {
    const m = DOUBLE_QUOTED.exec(raw);
    return m ? m[1] : undefined;
  }
  if (first === 39 /* ' */) {
    const m = SINGLE_QUOTED.exec(raw);
    return m ? m[1].replace(/''/g, "'") : undefined;
  }
  if (!PLAIN.test(raw) || raw.includes(': ') || raw.endsWith(':') || raw.endsWith(' ')) return undefined;
  return resolvePlain(raw);
}

/**
 * The mapping of `block` (the text between the fences, ending with a newline
 * or empty), or null when it is not in the simple subset.
 */
export function parseSimpleYaml(block: string): Record<string, unknown> | null {
  // Printable ASCII and newlines (most blocks) cannot hold an unsafe character: one cheap class test first.
  if (block === '' || (NOT_PRINTABLE_ASCII.test(block) && UNSAFE_CHARS.test(block))) return null;
  const data: Record<string, unknown> = {};
  // The list of a `key:` line with no value, which `- item` lines fill, and
  // the items' indentation (-1 before the first item).
  let listKey: string | null = null;
  let list: unknown[] | null = null;
  let listIndent = -1;
  for (let at = 0; at < block.length; ) {
    const first = block.charCodeAt(at);
    if (listKey !== null && (first === 32 || first === 45) /* space, - */) {
      ITEM_LINE.lastIndex = at;
      if (!ITEM_LINE.test(block)) return null;
      const lineStart = at;
      at = ITEM_LINE.lastIndex;
      const dash = skipSpaces(block, lineStart);
      const indent = dash - lineStart;
      if (list === null) {
        listIndent = indent;
        list = [];
        data[listKey] = list;
      } else if (indent !== listIndent) return null;
      const value = scalar(block.slice(skipSpaces(block, dash + 1), lineEndOf(block, at)));
      if (value === undefined) return null;
      list.push(value);
      continue;
    }
    KEY_LINE.lastIndex = at;
    if (!KEY_LINE.test(block)) return null;
    const lineStart = at;
    at = KEY_LINE.lastIndex;
    // A key is word characters and `-`: its colon is the line's first.
    const colon = block.indexOf(':', lineStart);
    const written = block.slice(lineStart, colon);
    const key = String(resolvePlain(written));
    // js-yaml refuses a duplicated key (and `null` and `Null` are one key).
    if (key === '__proto__' || Object.hasOwn(data, key)) return null;
    listKey = null;
    list = null;
    const lineEnd = lineEndOf(block, at);
    if (colon + 1 === lineEnd) {
      // An empty value is null, unless `- item` lines follow.
      data[key] = null;
      listKey = key;
      continue;
    }
    const value = scalar(block.slice(skipSpaces(block, colon + 1), lineEnd));
    if (value === undefined) return null;
    data[key] = value;
  }
  return data;
}
