/**
 * One row per extraction rule of DESIGN.md ("Extraction rules"), negative
 * cases included: a note's text in, the fields the rule decides out.
 */
import { describe, expect, it } from 'vitest';
import type { LinkKind } from '../../../src/core/contract.js';
import { parseNote } from '../../../src/extract/parse-note.js';

type LinkRow = [LinkKind, string] | [LinkKind, string, string];

interface Row {
  rule: string;
  text: string;
  path?: string;
  title?: string;
  tags?: string[];
  aliases?: string[];
  draft?: boolean;
  created?: string | null;
  updated?: string | null;
  summary?: string;
  words?: number;
  links?: LinkRow[];
  lines?: number[];
  contexts?: string[];
  warnings?: number;
}

const fm = (yaml: string, body = ''): string => `---\n${yaml}\n---\n${body}`;

const ROWS: Row[] = [
  // Title: frontmatter title > an H1 that opens the note > file name.
  { rule: 'title from frontmatter beats H1', text: fm('title: From YAML', '# From H1\n'), title: 'From YAML' },
  { rule: 'title from the H1 that opens the note', text: '# First H1\n# Second H1\n', title: 'First H1' },
  { rule: 'title from an opening H1 after frontmatter without title', text: fm('tags: [a]', '\n# After YAML\ntext'), title: 'After YAML' },
  { rule: 'title: blank lines, comments and a tags-only line may come before the H1', text: '\n<!-- note\nmeta -->\n%% private %%\n#idea #status/🌱\n\n# Opening\n', title: 'Opening' },
  { rule: 'title: an H1 after a paragraph of prose is a section heading', path: 'Ideas for Project Management.md', text: 'Some ideas.\n\n# Communication\n', title: 'Ideas for Project Management' },
  { rule: 'title: an H1 after a ## heading is not the title', path: 'n.md', text: '## Not this\n# First H1\n', title: 'n' },
  { rule: 'title: an H1 after a list is not the title', path: 'References/Kevin Kelly.md', text: '- source: web\n\n# Clippings\n', title: 'Kevin Kelly' },
  { rule: 'title: an H1 after an embed is not the title', path: 'n.md', text: '![[banner.png]]\n# Examples\n', title: 'n' },
  { rule: 'title: an empty opening H1 gives the file name', path: 'n.md', text: '#\n# Later\n', title: 'n' },
  { rule: 'title H1 markup becomes plain text', text: '# The *big* [[Idea|idea]] ##\n', title: 'The big idea' },
  { rule: 'title: H1 inside a code fence does not count', path: 'f/My Note.md', text: '```\n# Code\n```\n', title: 'My Note' },
  { rule: 'title: file name without extension', path: 'journal/2020-04-02 meltdown.md', text: 'no heading', title: '2020-04-02 meltdown' },
  { rule: 'title: .txt file name', path: '000_baa10c55511241ba.txt', text: 'text', title: '000_baa10c55511241ba' },
  { rule: 'title: #tag line is not an H1', path: 'n.md', text: '#tag line\n', title: 'n' },
  { rule: 'title: numeric frontmatter title becomes a string', text: fm('title: 2020'), title: '2020' },

  // Aliases, draft, dates.
  { rule: 'frontmatter keys are read ignoring case', text: fm('Title: Upper\nTags: [T]\nAliases: [A]\nDraft: true'), title: 'Upper', tags: ['T'], aliases: ['A'], draft: true },
  { rule: 'aliases: YAML list', text: fm('aliases:\n  - One\n  - Two'), aliases: ['One', 'Two'] },
  { rule: 'aliases: comma-separated alias string', text: fm('alias: One, Two words'), aliases: ['One', 'Two words'] },
  { rule: 'draft: true', text: fm('draft: true'), draft: true },
  { rule: 'draft: "true" string', text: fm('draft: "true"'), draft: true },
  { rule: 'draft: false', text: fm('draft: false'), draft: false },
  { rule: 'draft: absent', text: 'body', draft: false },
  { rule: 'dates: kept as written, no time zone shift', text: fm('created: 2020-10-26\nupdated: 2020-10-27'), created: '2020-10-26', updated: '2020-10-27' },
  { rule: 'dates: a datetime with an offset is kept as written', text: fm('created: 2020-10-26T23:30:00-05:00'), created: '2020-10-26T23:30:00-05:00' },
  { rule: 'dates: `date` stands for created', text: fm('date: 2021-01-02'), created: '2021-01-02', updated: null },
  { rule: 'dates: absent are null', text: 'body', created: null, updated: null },

  // Tags.
  { rule: 'tags: frontmatter list first, then inline', text: fm('tags:\n  - b\n  - a', 'text #c and #a\n'), tags: ['b', 'a', 'c'] },
  { rule: 'tags: frontmatter string split on commas and spaces', text: fm('tags: one, two three'), tags: ['one', 'two', 'three'] },
  { rule: 'tags: frontmatter leading # dropped', text: fm('tags: ["#x", "#y/z"]'), tags: ['x', 'y/z'] },
  { rule: 'tags: frontmatter number becomes a string', text: fm('tags:\n  - 2020\n  - 3.5'), tags: ['2020', '3.5'] },
  { rule: 'tags: `tag` key', text: fm('tag: solo'), tags: ['solo'] },
  { rule: 'tags: inline nested tag', text: 'see #security/e2ee now', tags: ['security/e2ee'] },
  { rule: 'tags: inline at line start and after >', text: '#first\n<li>#second</li>\n> #third', tags: ['first', 'second', 'third'] },
  { rule: 'tags: unicode letters, digits, _ and -', text: '#café #über_cool #v2-beta', tags: ['café', 'über_cool', 'v2-beta'] },
  { rule: 'tags: emoji tags (kepano vault style)', text: fm('tags:\n  - 0🌲'), tags: ['0🌲'] },
  { rule: 'tags: inline emoji tag', text: 'growing #🌱 and #idea/🌲', tags: ['🌱', 'idea/🌲'] },
  { rule: 'tags: deduplicated case-insensitively, first casing kept', text: fm('tags: [Security]', '#security #SECURITY #Other #other'), tags: ['Security', 'Other'] },
  { rule: 'tags: tag ends at punctuation', text: 'a #tag, b #tag2. c (#no)', tags: ['tag', 'tag2'] },
  { rule: 'not a tag: all-digit #123', text: 'issue #123 and #2020', tags: [] },
  { rule: 'not a tag: lone #', text: 'end\n\n#\n', tags: [] },
  { rule: 'not a tag: only dashes or underscores', text: 'a #-- b #_ c #/', tags: [] },
  { rule: 'not a tag: &#35; entity', text: 'a &#35;hash b', tags: [] },
  { rule: 'not a tag: URL fragments', text: 'http://x.org/#frag and [a](#anchor) and page.html#top', tags: [] },
  { rule: 'not a tag: headings', text: '# Title\n## Sub #\n', tags: [] },
  { rule: 'not a tag: fenced code ``` and ~~~', text: '```\n#code\n```\n~~~\n#tilde\n~~~\n', tags: [] },
  { rule: 'not a tag: inline code', text: 'use `#define` or ``#x ` y``', tags: [] },
  { rule: 'not a tag: glued to a word', text: 'C#sharp a#b', tags: [] },
  { rule: 'not a tag: inside a wiki link', text: 'see [[C #sharp]] and [[x|#alias]]', tags: [] },
  { rule: 'tags: in a table cell and after a list marker', text: '| #cell |\n- #item', tags: ['cell', 'item'] },
  { rule: 'not a tag: colour in an HTML attribute', text: '<span style="color: #fff">x</span>', tags: [] },

  // Wiki links.
  { rule: 'wiki: [[t]]', text: 'see [[Target]]', links: [['inline', 'Target']] },
  { rule: 'wiki: [[t|alias]]', text: 'see [[Target|the alias]]', links: [['inline', 'Target']] },
  { rule: 'wiki: [[t#heading]] and [[t#^block]]', text: '[[T#Head]] [[U#^abc123]]', links: [['inline', 'T'], ['inline', 'U']] },
  { rule: 'wiki: [[t.md]] keeps .md', text: '[[note.md]]', links: [['inline', 'note.md']] },
  { rule: 'wiki: [[folder/t]] keeps the folder', text: '[[folder/sub/t]]', links: [['inline', 'folder/sub/t']] },
  { rule: 'wiki: target trimmed', text: '[[  spaced  |x]]', links: [['inline', 'spaced']] },
  { rule: 'wiki: [[t\\|alias]] in a table', text: '| a | b |\n|---|---|\n| [[Target\\|alias]] | x |', links: [['inline', 'Target']] },
  { rule: 'wiki: embed ![[t]]', text: '![[Other note]]', links: [['embed', 'Other note']] },
  { rule: 'wiki: embed of a non-note file stays an embed', text: '![[diagram.png]] ![[Trips.base#Location]]', links: [['embed', 'diagram.png'], ['embed', 'Trips.base']] },
  { rule: 'wiki: plain link to a non-note file stays a link', text: '[[file.pdf]]', links: [['inline', 'file.pdf']] },
  { rule: 'wiki ignored: [[#heading]], [[]] and blank', text: '[[#Heading]] [[]] [[ ]] [[#^block]]', links: [] },
  { rule: 'wiki ignored: fenced code ``` and ~~~', text: '```\n[[a]]\n```\n~~~\n[[b]]\n~~~\n[[c]]', links: [['inline', 'c']] },
  { rule: 'wiki ignored: a longer fence holding a shorter one', text: '````\n```\n[[a]]\n```\n[[b]]\n````\n[[c]]', links: [['inline', 'c']] },
  { rule: 'wiki ignored: fence inside a list item', text: '- item\n  ```\n  [[a]]\n  ```\n- [[b]]', links: [['inline', 'b']] },
  { rule: 'wiki ignored: an unclosed fence runs to the end', text: '[[a]]\n```\n[[b]]\n', links: [['inline', 'a']] },
  { rule: 'wiki ignored: inline code', text: '`[[a]]` ``[[b]] ` x`` [[c]]', links: [['inline', 'c']] },
  { rule: 'wiki: unmatched backtick is not code', text: 'a ` b [[c]]', links: [['inline', 'c']] },
  { rule: 'wiki: inline code does not span a blank line', text: 'a ` b\n\n[[c]] `', links: [['inline', 'c']] },
  { rule: 'wiki: links inside raw HTML count', text: '<div><p>[[a]]</p></div>', links: [['inline', 'a']] },
  {
    rule: 'related: HTML <li>related item (the seed linkage tree)',
    text: '<ul>\n<li>tags<ul><li>[[t1]]</li></ul></li>\n<li>related\n<ul>\n<li>[[a]]</li>\n<li>[[b]]</li>\n</ul>\n</li>\n<li>[[c]]</li>\n</ul>',
    links: [['inline', 't1'], ['related', 'a'], ['related', 'b'], ['inline', 'c']],
  },
  {
    rule: 'related: HTML items closed implicitly',
    text: '<ul><li>Related:<ul><li>[[a]]</ul><li>other [[b]]</ul>',
    links: [['related', 'a'], ['inline', 'b']],
  },
  {
    rule: 'related: HTML label in other markup, tags in any case, a later item mentioning related is not a label',
    text: '<UL><LI class="x"><b>See also</b><ul><li>[[a]]</li></ul></LI><li>[[b]] is related</li></UL>',
    links: [['related', 'a'], ['inline', 'b']],
  },
  {
    rule: 'related: under a "Related" heading until the next heading of the same level',
    text: '[[a]]\n## Related\n- [[b]]\n### Deeper\n[[c]]\n## Next\n[[d]]',
    links: [['inline', 'a'], ['related', 'b'], ['related', 'c'], ['inline', 'd']],
  },
  { rule: 'related: "See also" and "Related notes" headings', text: '# See also\n[[a]]\n# Related notes\n[[b]]', links: [['related', 'a'], ['related', 'b']] },
  {
    rule: 'related: Markdown list item labelled related',
    text: '- tags\n  - [[x]]\n- related\n  - [[a]]\n\n  - [[b]]\n- after [[c]]',
    links: [['inline', 'x'], ['related', 'a'], ['related', 'b'], ['inline', 'c']],
  },
  { rule: 'related: "related:" item holding its links', text: '- related: [[a]], [[b]]\n- [[c]]', links: [['related', 'a'], ['related', 'b'], ['inline', 'c']] },
  { rule: 'related: a lone "Related:" line labels the next block', text: '**Related:**\n- [[a]]\n- [[b]]\n\n[[c]]', links: [['related', 'a'], ['related', 'b'], ['inline', 'c']] },
  { rule: 'related: embeds stay embeds', text: '## Related\n![[a]]', links: [['embed', 'a']] },
  { rule: 'not related: a heading that only mentions related', text: '## Related work in 2020\n[[a]]', links: [['inline', 'a']] },
  { rule: 'wiki: line numbers are file lines (frontmatter counted)', text: fm('title: t', '\n[[a]]\n\nx [[b]] [[c]]'), links: [['inline', 'a'], ['inline', 'b'], ['inline', 'c']], lines: [5, 7, 7] },

  // Frontmatter wiki links.
  {
    rule: 'frontmatter: quoted wiki links in any key, line of the key',
    text: fm('title: "[[Not a link]]"\nup: "[[Home]]"\nrelated:\n  - "[[a]]"\n  - "[[b|B]]"\ntags: ["[[no]]"]\naliases: ["[[no]]"]'),
    links: [['frontmatter', 'Home'], ['frontmatter', 'a'], ['frontmatter', 'b']],
    lines: [3, 4, 4],
  },
  { rule: 'frontmatter: unquoted [[x]] (a YAML list in a list)', text: fm('up: [[Home]]'), links: [['frontmatter', 'Home']] },
  { rule: 'frontmatter: a link spelled with YAML escapes', text: fm('up: "\\x5B\\x5BHome]]"'), links: [['frontmatter', 'Home']], lines: [2] },
  { rule: 'frontmatter: a spaced list in a list is read as the link too', text: fm('title: T\nup: [ [Home] ]'), links: [['frontmatter', 'Home']], lines: [3] },
  { rule: 'frontmatter: link inside a longer string', text: fm('via: "from [[Kevin Kelly]] talk"'), links: [['frontmatter', 'Kevin Kelly']], contexts: ['via: from Kevin Kelly talk'] },

  // Markdown links.
  { rule: 'markdown: [x](path.md) resolved against the note folder', path: 'a/b.md', text: '[x](c.md)', links: [['markdown', 'c.md', 'a/c.md']] },
  { rule: 'markdown: <path with spaces.md>', path: 'n.md', text: '[x](<My Note.md>)', links: [['markdown', 'My Note.md', 'My Note.md']] },
  { rule: 'markdown: URL-decoded, heading dropped', path: 'n.md', text: '[x](folder/My%20Note.md#heading)', links: [['markdown', 'folder/My Note.md', 'folder/My Note.md']] },
  { rule: 'markdown: ../ resolved', path: 'a/b.md', text: '[x](../c/d.md "title")', links: [['markdown', '../c/d.md', 'c/d.md']] },
  { rule: 'markdown: escaping the vault keeps ../', path: 'a/b.md', text: '[x](../../x.md)', links: [['markdown', '../../x.md', '../x.md']] },
  { rule: 'markdown: leading / is the vault root', path: 'a/b.md', text: '[x](/top/n.md)', links: [['markdown', '/top/n.md', 'top/n.md']] },
  { rule: 'markdown: extensionless target is a note', path: 'a/b.md', text: '[x](./other-note)', links: [['markdown', './other-note', 'a/other-note']] },
  { rule: 'markdown: .txt and .markdown targets', path: 'n.md', text: '[x](a.txt) [y](b.markdown)', links: [['markdown', 'a.txt', 'a.txt'], ['markdown', 'b.markdown', 'b.markdown']] },
  { rule: 'markdown: link-reference definition (Foam)', path: 'user/r/n.md', text: "text\n\n[wikilinks]: ../features/wikilinks.md 'Wikilinks'\n[^1]: a footnote [x](#y)", links: [['markdown', '../features/wikilinks.md', 'user/features/wikilinks.md']] },
  { rule: 'markdown: image is an embed of an attachment', path: 'a/b.md', text: '![alt](../img/pic.png)', links: [['embed', '../img/pic.png', 'img/pic.png']] },
  { rule: 'markdown: image inside a link', path: 'n.md', text: '[![alt](a.png)](b.md)', links: [['markdown', 'b.md', 'b.md'], ['embed', 'a.png', 'a.png']] },
  { rule: 'markdown: image syntax on a note is an embed', path: 'n.md', text: '![](other.md)', links: [['embed', 'other.md', 'other.md']] },
  { rule: 'markdown ignored: non-note file without image syntax', text: '[doc](file.pdf) [z](a.zip)', links: [] },
  { rule: 'markdown ignored: URLs, mailto, schemes, anchors', text: '[a](https://x.org/a.md) [b](http://x) [c](mailto:a@b.c) [d](obsidian://open?x) [e](#anchor) [f](//host/p.md)', links: [] },
  { rule: 'markdown ignored: in code', text: '`[a](b.md)`\n```\n[c](d.md)\n```', links: [] },
  { rule: 'markdown: a wiki link followed by ( is not a markdown link', text: '[[a]](b.md)', links: [['inline', 'a']] },
  { rule: 'markdown: bad percent escape kept as written', path: 'n.md', text: '[x](100%.md)', links: [['markdown', '100%.md', '100%.md']] },

  // Context.
  {
    rule: 'context: the sentence around the link, plain text',
    text: 'First sentence here. The link to [[Target|the target]] is **bold**. Last one.',
    contexts: ['The link to the target is bold.'],
  },
  { rule: 'context: list item and markdown link text', path: 'n.md', text: '- one [[a]]\n- two [see](b.md) here', contexts: ['one a', 'two see here'] },
  // Both links become one edge, which keeps its first link's context; an embed of the same name may resolve elsewhere.
  { rule: 'context: a repeated link shares its first context, an embed of the same name has its own', text: 'First [[a.png]] here.\n\nThen [[a.png]] again.\n\nSee ![[a.png]] now.', contexts: ['First a.png here.', 'First a.png here.', 'See a.png now.'] },
  // Inline tags beside the link are looked through for the space after them ("b and more", not "band more"; "see c.").
  { rule: 'context: a link alone in an HTML item is its own text; with words beside it, the item', text: '<ul>\n  <li>[[a|Alpha]]</li>\n  <li><b>[[b]]</b> and more</li>\n  <li>see <i>[[c]]</i>.</li>\n</ul>', contexts: ['Alpha', 'b and more', 'see c.'] },
  { rule: 'context: a paragraph wrapped over lines', text: 'Start of it\ncontinues [[a]] and\nends here. Next.', contexts: ['Start of it continues a and ends here.'] },
  { rule: 'context: a heading right above the paragraph is not part of it', text: '## How it works\nFiles in [[folders]] stay put. Next.', contexts: ['Files in folders stay put.'] },

  // Contexts that read as text (issue 10.8).
  { rule: 'context: an embed alone in its block has none, not its alias again', text: '![[Template|clean]]\n\n- ![[Other|clean]] ![[Third|clean]]', contexts: ['', '', ''] },
  { rule: 'context: embeds beside a link are not words of its sentence', text: 'Read [[a]] first. ![[diagram.png]] ![[b]]', contexts: ['Read a first.', '', ''] },
  { rule: 'context: a block ID is not part of the sentence', text: 'See [[a]] here. ^6fc39d', contexts: ['See a here.'] },
  { rule: 'context: a callout marker is not part of it', text: '> [!note] Remember [[a]] daily.', contexts: ['Remember a daily.'] },
  {
    rule: 'context: a Foam [[slug]] reads as its definition\'s title; the definition takes the wiki link\'s context',
    path: 'docs/index.md',
    text: '- [[wikilinks]]\n\nExamples: [[publish-to-vercel]], more.\n\n[wikilinks]: features/wikilinks.md "Wikilinks"\n[publish-to-vercel]: publish-to-vercel.md \'Vercel\'\n[lonely]: lonely.md',
    links: [['inline', 'wikilinks'], ['inline', 'publish-to-vercel'], ['markdown', 'features/wikilinks.md', 'docs/features/wikilinks.md'], ['markdown', 'publish-to-vercel.md', 'docs/publish-to-vercel.md'], ['markdown', 'lonely.md', 'docs/lonely.md']],
    contexts: ['Wikilinks', 'Examples: Vercel, more.', 'Wikilinks', 'Examples: Vercel, more.', ''],
  },

  // Summary and words.
  { rule: 'summary: frontmatter description', text: fm('description: Said in YAML.', 'Body text.'), summary: 'Said in YAML.' },
  { rule: 'summary: frontmatter description as plain text', text: fm('description: "A **bold** [[Link|claim]]"'), summary: 'A bold claim' },
  { rule: 'summary: frontmatter summary', text: fm('summary: Also YAML.', 'Body text.'), summary: 'Also YAML.' },
  {
    rule: 'summary: first paragraph of prose, headings, HTML, code, embeds and tags skipped',
    text: '# Title\n\n<div>html</div>\n\n```\ncode\n```\n\n![[pic.png]]\n\n#tag #other\n\nThe **first** [[real|real]] paragraph,\nwith [a link](x.md).\n\nSecond.',
    summary: 'The first real paragraph, with a link.',
  },
  { rule: 'summary: a block ID under an embed is not prose, the next paragraph is', text: '![[photo.png]]\n^6fc39d\n\nThe real summary. ^abc123', summary: 'The real summary.' },
  { rule: 'summary: a callout marker alone is not prose', text: '> [!info]\n\nProse after it.', summary: 'Prose after it.' },
  { rule: 'summary: link-reference definitions are not prose', text: '[a]: a.md "A"\n[b]: b.md\n\nProse below.', summary: 'Prose below.' },
  { rule: 'summary: a Foam [[slug]] reads as its definition\'s title', text: 'Start with [[first-steps]].\n\n[first-steps]: first-steps.md "First Steps"', summary: 'Start with First Steps.' },
  { rule: 'summary: a list when there is no paragraph', text: '## H\n- point one\n- point two', summary: 'point one point two' },
  {
    rule: 'summary: cut at a word boundary with an ellipsis',
    text: 'word '.repeat(100),
    summary: 'word '.repeat(55).trim() + '…',
  },
  { rule: 'words: body prose only, markup, URLs and code excluded', text: fm('title: not counted words here', '# Head line\n\nIt’s end-to-end [link text](https://a.b/c/d) and [[Some Note|alias]].\n```\ncode words\n```\n'), words: 8 },
  // 𝒜𝒷𝒸 is three astral letters (surrogate pairs): one word; 你好 is two CJK words; an emoji and a lone surrogate are not letters;
  // a dash joins letters, an em dash does not; a trailing joiner ends its word.
  { rule: 'words: letters of any script, astral letters, CJK one word each', text: 'café 𝒜𝒷𝒸 naïve 你好 😀 \ud800 ok up-to-date war—peace end- x’', words: 11 },

  // Frontmatter problems: content errors are warnings, the note stays.
  { rule: 'frontmatter: malformed YAML is a warning, body still parsed', path: 'bad.md', text: fm('title: ok\n  bad: indent\ntags: [a', '# From H1\n[[a]] #b'), title: 'From H1', tags: ['b'], links: [['inline', 'a']], warnings: 1 },
  { rule: 'frontmatter: a list is not a mapping', text: fm('- a\n- b', 'x'), warnings: 1, tags: [] },
  { rule: 'frontmatter: a plain string is not a mapping', text: fm('just words', 'x'), warnings: 1 },
  { rule: 'frontmatter: template placeholder {{date}} is malformed', text: fm('created: {{date}}\ntags: [t]', 'x'), warnings: 1, created: null, tags: [] },
  // A block that cannot be used still gives its wiki links, read line by line
  // (kepano's templates: `created: {{date}}` breaks the YAML, not `categories`).
  {
    rule: 'frontmatter: broken YAML still gives its wiki links, at their own lines; title and tags not from it',
    text: fm('created: {{date}}\nrelated: "[[x]]"\nup: [[y]]\ntitle: "[[z]]"\ntags: [t]', '[[b]]'),
    title: 'note',
    tags: [],
    links: [['frontmatter', 'x'], ['frontmatter', 'y'], ['inline', 'b']],
    lines: [3, 4, 8],
    contexts: ['related: x', 'up: y', 'b'],
    warnings: 1,
  },
  {
    rule: 'frontmatter: broken YAML, list items at their own lines; aliases, quoted "title" and comments are not links',
    text: fm('related:\n  - "[[a]]"\n  - "[[b|B]]"\ncreated: {{date}}\naliases:\n  - "[[no]]"\n"title": "[[no]]"\n# old: [[no]]'),
    links: [['frontmatter', 'a'], ['frontmatter', 'b']],
    lines: [3, 4],
    contexts: ['related: a', 'related: b'],
    aliases: [],
    warnings: 1,
  },
  { rule: 'frontmatter: a list block still gives its wiki links', text: fm('- "[[a]]"\n- b'), links: [['frontmatter', 'a']], lines: [2], contexts: ['a'], warnings: 1 },
  { rule: 'frontmatter: empty block is fine', text: '---\n---\n# T\n', title: 'T', warnings: 0 },
  { rule: 'frontmatter: without a closing --- it is a rule, not frontmatter (its `title: x` is prose before the H1)', text: '---\ntitle: x\n\n# Body H1\n[[a]]', title: 'note', links: [['inline', 'a']], warnings: 0 },
  { rule: 'frontmatter: ---js is never evaluated', path: 'js.md', text: '---js\n{ title: (globalThis.pwned = 1) }\n---\n', title: 'js', warnings: 0 },
  { rule: 'frontmatter: CRLF', text: '---\r\ntitle: T\r\ntags: [a]\r\n---\r\n[[x]]\r\n', title: 'T', tags: ['a'], links: [['inline', 'x']], lines: [5] },
  { rule: 'frontmatter: only frontmatter, no final newline', path: 'x/only.md', text: '---\ntitle: Only\ntags: [a]\n---', title: 'Only', tags: ['a'], links: [], summary: '', words: 0, warnings: 0 },
  { rule: 'frontmatter: BOM', text: '\uFEFF---\ntitle: T\n---\n', title: 'T', warnings: 0 },
];

describe('parseNote: one row per extraction rule', () => {
  it.each(ROWS)('$rule', (row) => {
    const note = parseNote(row.text, row.path ?? 'note.md');
    if (row.title !== undefined) expect(note.title).toBe(row.title);
    if (row.tags !== undefined) expect(note.tags).toEqual(row.tags);
    if (row.aliases !== undefined) expect(note.aliases).toEqual(row.aliases);
    if (row.draft !== undefined) expect(note.draft).toBe(row.draft);
    if (row.created !== undefined) expect(note.created).toBe(row.created);
    if (row.updated !== undefined) expect(note.updated).toBe(row.updated);
    if (row.summary !== undefined) expect(note.summary).toBe(row.summary);
    if (row.words !== undefined) expect(note.words).toBe(row.words);
    if (row.links !== undefined) {
      const got = note.links.map((l): LinkRow => (l.relativePath !== undefined ? [l.kind, l.target, l.relativePath] : [l.kind, l.target]));
      expect(got).toEqual(row.links);
    }
    if (row.lines !== undefined) expect(note.links.map((l) => l.line)).toEqual(row.lines);
    if (row.contexts !== undefined) expect(note.links.map((l) => l.context)).toEqual(row.contexts);
    if (row.warnings !== undefined) expect(note.warnings).toHaveLength(row.warnings);
    for (const w of note.warnings) expect(w.file).toBe(row.path ?? 'note.md');
  });

  it('context: a long sentence is cut to at most 200 characters around the whole link text', () => {
    const text = 'Intro. ' + 'alpha beta gamma '.repeat(20) + 'the [[Target|long alias text]] here ' + 'delta '.repeat(60) + 'end. After.';
    const [link] = parseNote(text, 'n.md').links;
    expect(link.context.length).toBeLessThanOrEqual(200);
    expect(link.context).toMatch(/^…alpha beta .* the long alias text here delta .*…$/);
    expect(link.context).not.toContain('Intro');
  });

  it('reads a YAML "billion laughs" block once, fast', () => {
    let yaml = 'a0: &a0 ["[[x]]", "[[y]]", "[[z]]", "[[w]]", "[[v]]", "[[u]]", "[[t]]", "[[s]]", "[[r]]", "[[q]]"]\n';
    for (let i = 1; i < 12; i++) yaml += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const t0 = performance.now();
    const note = parseNote(`---\n${yaml}tags: *a11\n---\nbody`, 'laughs.md');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(note.links.map((l) => l.target)).toEqual(['x', 'y', 'z', 'w', 'v', 'u', 't', 's', 'r', 'q']);
  });

  it.each(['', '\uFEFF', '---', '---\n---', '\r\n', '[[', '`', '# ', '<ul><li></li></ul>'])('keeps an empty or broken note %j', (text) => {
    const note = parseNote(text, 'dir/empty.md');
    expect(note).toMatchObject({ path: 'dir/empty.md', title: 'empty', tags: [], links: [], summary: '', words: 0, warnings: [] });
  });

  it('never evaluates a ---js block', () => {
    parseNote('---js\n{ title: (globalThis.pwned = 1) }\n---\n', 'js.md');
    parseNote('---\n---js\n---\n', 'js2.md');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});
