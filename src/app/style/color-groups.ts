/**
 * The vault's own colors on the map: Obsidian's graph color groups
 * (`.obsidian/graph.json` `colorGroups`, read at build time into the graph's
 * `view` attribute) and notemap.config.json `tagColors`. A note takes the
 * color of the first group whose query it matches, as in Obsidian; the
 * groups come before tag colors.
 *
 * Queries, Obsidian's search syntax as far as the map knows the notes:
 * `tag:#x` (x or a tag nested under it), `path:x` (the vault path contains
 * x), `file:x` (the file name contains x), a bare word or "quoted phrase"
 * (the file name or title contains it), `-term` (not), terms side by side
 * (and), `OR` (or). Note content is not on the map, so a bare word does not
 * search inside notes as Obsidian's does; an unknown operator matches
 * nothing.
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

function termTest(token: string): Test {
  const colon = token.indexOf(':');
  const op = colon > 0 && !token.startsWith('"') ? token.slice(0, colon).toLowerCase() : '';
  const value = unquote(op ? token.slice(colon + 1) : token).toLowerCase();
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

/** A query as a test of a note; an empty query matches nothing. */
export function compileQuery(query: string): Test {
  const alternatives: Test[][] = [[]];
  for (const token of tokens(query)) {
    if (token === 'OR') {
      alternatives.push([]);
      continue;
    }
    const negate = token.startsWith('-') && token.length > 1;
    const test = termTest(negate ? token.slice(1) : token);
    alternatives[alternatives.length - 1].push(negate ? (n) => !test(n) : test);
  }
  const groups = alternatives.filter((a) => a.length > 0);
  if (groups.length === 0) return () => false;
  return (n) => groups.some((all) => all.every((t) => t(n)));
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
