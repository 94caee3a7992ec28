/**
 * How the search box cuts titles, aliases, tags, file names and queries into
 * terms. MiniSearch's default splits on spaces and punctuation only, so a
 * symbol glued to a word (`<img`, `<div>`, `(draft)`) kept the word from being
 * found by itself. Here every run of letters and digits is a term, and a word
 * whose symbols are part of its name (`C++`, `C#`, `.NET`, `F#`) is also a term
 * with them, so both `net` and `.net` find `.NET`, and `c#` finds `C#` but not
 * `C++`.
 */

/** Runs of letters, digits and combining marks: the words of a text. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * A word with the symbols that can belong to a name: a leading dot (`.NET`),
 * trailing `+` or `#` (`C++`, `C#`). Only these: other symbols (`<`, `>`, `(`)
 * are markup or punctuation around a word, never part of it.
 */
const NAMED_WORD = /(?<![\p{L}\p{N}\p{M}.])\.[\p{L}\p{N}\p{M}]+|[\p{L}\p{N}\p{M}]+[+#]+(?![\p{L}\p{N}\p{M}])/gu;

/** The search terms of `text`, in order, lower-cased, each once. */
export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(WORD)) terms.add(m[0]);
  for (const m of lower.matchAll(NAMED_WORD)) terms.add(m[0]);
  return [...terms];
}

/**
 * How closely a title answers the query, for ranking: 0 the same text, 1 the
 * title starts with it, 2 a title word starts with it, 3 anything else
 * (found by alias, tag, file name or a typo). Case and extra spaces ignored.
 */
export function titleMatchRank(title: string, query: string): number {
  const t = title.toLowerCase().trim();
  const q = query.toLowerCase().trim().replace(/\s+/g, ' ');
  if (!q) return 3;
  if (t === q) return 0;
  if (t.startsWith(q)) return 1;
  const first = searchTerms(q)[0];
  if (first && searchTerms(t).some((w) => w.startsWith(first))) return 2;
  return 3;
}
