/**
 * How a wiki link reads in prose. Foam writes a link-reference definition
 * under the note for each wiki link (`[wikilinks]: features/wikilinks.md
 * "Wikilinks"`), and its own preview shows `[[wikilinks]]` as the
 * definition's title: contexts and summaries read it that way too, not as
 * the bare slug. Also: which text is an embed (content shown, not prose).
 */

// A definition with a title: `[label]` (group 1, not a `^` footnote), `:`,
// the destination, then the title in double (group 2) or single (group 3) quotes.
const TITLED_DEFINITION = /^ {0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(?:<[^<>\n]*>|\S+)[ \t]+(?:"([^"\n]*)"|'([^'\n]*)')[ \t]*$/gm;

/** Titles of the note's link-reference definitions, by lower-cased label (empty for most notes). */
export function definitionTitles(masked: string): Map<string, string> {
  const titles = new Map<string, string>();
  if (!masked.includes(']:')) return titles;
  for (const m of masked.matchAll(TITLED_DEFINITION)) {
    const label = m[1].trim().toLowerCase();
    const title = (m[2] ?? m[3]).trim();
    if (title !== '' && !titles.has(label)) titles.set(label, title);
  }
  return titles;
}

// A wiki link or embed without alias or heading: `!?[[target]]`.
const BARE_WIKI_LINK = /(!?)\[\[([^[\]\n|#]+)\]\]/g;

/** `markdown` with each bare `[[label]]` that has a titled definition given that title as its alias. */
export function withDefinitionTitles(markdown: string, titles: ReadonlyMap<string, string>): string {
  if (titles.size === 0 || !markdown.includes('[[')) return markdown;
  return markdown.replace(BARE_WIKI_LINK, (all, bang: string, target: string) => {
    const title = titles.get(target.trim().toLowerCase());
    return title === undefined ? all : `${bang}[[${target}|${title}]]`;
  });
}

// Embeds: `![[x]]` and images `![alt](path)`.
const EMBED = /!\[\[[^[\]\n]*\]\]|!\[[^[\]\n]*\]\([^()\n]*\)/g;

/** `markdown` with its embeds (content shown in place, not words of the text) blanked out. */
export function withoutEmbeds(markdown: string): string {
  return markdown.includes('![') ? markdown.replace(EMBED, ' ') : markdown;
}
