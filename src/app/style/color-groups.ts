/**
 * The vault's own colors on the map: Obsidian's graph color groups
 * (`.obsidian/graph.json` `colorGroups`, read at build time into the graph's
 * `view` attribute) and notemap.config.json `tagColors`. A note takes the
 * color of the first group whose query it matches, as in Obsidian; the
 * groups come before tag colors.
 *
 * Queries, Obsidian's search syntax as far as the map knows the notes:
 * `tag:#x` or just `#x` (x or a tag nested under it), `path:x` (the vault
 * path contains x), `file:x` (the file name contains x), a bare word or
 * "quoted phrase" (the file name or title contains it; a `word:` that is no
 * operator is a word too), `-term` (not), terms side by side
 * (and), `OR` (or), parentheses to group (`-(path:a OR path:b)`). Note content is not on the map, so a bare word does not
 * search inside notes as Obsidian's does, and Obsidian's operators that
 * read the text (`line:`, `content:`...) match nothing.
 */
import type { ColorGroup, NoteNodeAttributes } from '../../core/contract.js';
import { tagKey } from '../../core/normalize.js';

type Note = Pick<NoteNodeAttributes, 'path' | 'title' | 'tags'>;
type Test = (note: Note) => boolean;

/** The terms of a query: words, `key:value`, quoted phrases (a quoted value too). */
function tokens(query: string): string[] {
  return query.match(/-?(?:[\w-]+:)?"[^"]*"|\S+/g) ?? [];
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Obsidian's search operators that read a note's text, which the map does not
 * have: they match nothing (rather than being read as words of a title).
 */
const CONTENT_OPERATORS = new Set(['content', 'line', 'section', 'block', 'task', 'task-todo', 'task-done', 'match-case', 'ignore-case']);

function termTest(token: string): Test {
  const colon = token.indexOf(':');
  let op = colon > 0 && !token.startsWith('"') ? token.slice(0, colon).toLowerCase() : '';
  let body = op ? token.slice(colon + 1) : token;
  // Any other `word:` is text, as in Obsidian: a title such as `Meeting: notes` or `10:30 call`.
  if (op !== '' && op !== 'tag' && op !== 'path' && op !== 'file' && !CONTENT_OPERATORS.has(op)) {
    op = '';
    body = token;
  }
  // A bare `#tag` is how Obsidian's graph filter is most often typed (there it finds the tag's text): the tag.
  if (op === '' && /^#[^\s#"]/.test(token)) op = 'tag';
  const value = unquote(body).toLowerCase();
  if (op === 'tag') {
    const tag = tagKey(value.replace(/^#/, ''));
    return (n) => (n.tags ?? []).some((t) => {
      const k = tagKey(t);
      return k === tag || k.startsWith(tag + '/');
    });
  }
  if (op === 'path') return (n) => n.path.toLowerCase().includes(value);
  if (op === 'file') return (n) => fileName(n.path).toLowerCase().includes(value);
  if (op) return () => false;
  return (n) => fileName(n.path).toLowerCase().includes(value) || n.title.toLowerCase().includes(value);
}

/**
 * The query's tokens with grouping parentheses apart: `(` and `-(` open a
 * group, `)` closes the open one. Parentheses inside a term (`file:a(1)`)
 * and inside quotes stay part of it, as does a `)` no group is waiting for.
 */
export function queryTokens(query: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || (c === '-' && query[i + 1] === '(')) {
      out.push(c === '(' ? '(' : '-(');
      depth++;
      i += c === '(' ? 1 : 2;
    } else if (c === ')' && depth > 0) {
      out.push(')');
      depth--;
      i++;
    } else {
      // One term: up to a space, or to the `)` that closes the open group (its own parentheses kept).
      let j = i;
      let own = 0;
      while (j < query.length && !/\s/.test(query[j])) {
        if (query[j] === '"') {
          const end = query.indexOf('"', j + 1);
          j = end < 0 ? query.length : end + 1;
          continue;
        }
        if (query[j] === '(') own++;
        else if (query[j] === ')') {
          if (own > 0) own--;
          else if (depth > 0) break;
        }
        j++;
      }
      out.push(query.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** A query as a test of a note; an empty query matches nothing. Terms side by side: all; OR: any; (...) groups; - negates a term or a group. */
export function compileQuery(query: string): Test {
  const list = queryTokens(query);
  let at = 0;
  /** Alternatives (OR) of conjunctions, up to a `)` or the end; null when empty. */
  const parse = (): Test | null => {
    const alternatives: Test[][] = [[]];
    while (at < list.length) {
      const token = list[at++];
      if (token === ')') break;
      if (token === 'OR') {
        alternatives.push([]);
        continue;
      }
      let test: Test;
      if (token === '(' || token === '-(') {
        const inner = parse() ?? (() => false);
        test = token === '-(' ? (n) => !inner(n) : inner;
      } else {
        const negate = token.startsWith('-') && token.length > 1;
        const term = termTest(negate ? token.slice(1) : token);
        test = negate ? (n) => !term(n) : term;
      }
      alternatives[alternatives.length - 1].push(test);
    }
    const groups = alternatives.filter((a) => a.length > 0);
    if (groups.length === 0) return null;
    return (n) => groups.some((all) => all.every((t) => t(n)));
  };
  return parse() ?? (() => false);
}

/** The color of a note by the color groups, first match wins; null when none matches. */
export function colorGroupMatcher(groups: readonly ColorGroup[] | undefined): ((note: Note) => string | null) | null {
  if (!groups || groups.length === 0) return null;
  const compiled = groups.map((g) => ({ test: compileQuery(g.query), color: g.color }));
  return (note) => compiled.find((g) => g.test(note))?.color ?? null;
}

/** Tags named in a query made only of `tag:` terms joined by OR (Obsidian's graph `search`), else null. */
export function tagsOfSearch(search: string | undefined): string[] | null {
  if (!search) return null;
  const terms = tokens(search).filter((t) => t !== 'OR');
  if (terms.length === 0 || !terms.every((t) => /^tag:/i.test(t))) return null;
  if (terms.length > 1 && !/\bOR\b/.test(search)) return null;
  return terms.map((t) => tagKey(unquote(t.slice(4)).replace(/^#/, '')));
}
