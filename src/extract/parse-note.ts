/**
 * The parse stage: one note's text -> ParsedNote (title, tags, aliases,
 * dates, draft flag, summary, word count and every raw link with its kind,
 * line and context). Pure: no file system, no state between calls.
 *
 * Offsets: the body is the text with its frontmatter blanked out (same
 * length), and code is masked on top of that, so an offset found by any
 * extractor is an offset in the file and its line is the file's line.
 */
import type { BuildWarning, LinkKind } from '../core/contract.js';
import { parseNoteDate } from '../core/dates.js';
import { maskCode } from './code-spans.js';
import { contextAround, MAX_CONTEXT } from './context.js';
import { field, keyLinesOf, parseFrontmatter, scalarString, stringList } from './frontmatter.js';
import { lineCounter } from './line-index.js';
import { definitionTitles } from './link-names.js';
import { findMarkdownLinks } from './markdown-links.js';
import { openingH1 } from './opening-heading.js';
import { toPlainText, truncateAtWord } from './plain-text.js';
import { findRelatedRanges, inRanges } from './related-sections.js';
import { countWords, summarize } from './summary.js';
import { dedupeTags, findInlineTags, frontmatterTags } from './tags.js';
import type { ParsedNote, ParseOptions, RawLink } from './types.js';
import { findWikiLinks, wikiTarget, type WikiLinkMatch } from './wiki-links.js';

/** Frontmatter keys whose wiki links are not links (they name the note itself). */
const NOT_LINK_KEYS = new Set(['title', 'tags', 'tag', 'aliases', 'alias']);

/** Text as the parser reads it: no BOM, `\n` line endings (CRLF and lone CR too). */
function normalizeNoteText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

/**
 * A stand-in for the first `length` characters of `text` (the frontmatter):
 * as long and with as many line breaks, nothing else. Extractors then see
 * blank lines there, and offsets and line numbers after it are the file's.
 */
function blankLines(text: string, length: number): string {
  if (length === 0) return '';
  let newlines = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < length; at = text.indexOf('\n', at + 1)) newlines++;
  return ' '.repeat(length - newlines) + '\n'.repeat(newlines);
}

/** The file name of `path` without its extension: the title of a note that names none. */
export function titleFromFileName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Wiki links in frontmatter values (`up: "[[Home]]"`, `related: ["[[x]]"]`),
 * in any key but the note's own names and tags. An unquoted `[[Home]]` is YAML
 * for a list in a list; it is read as the link its author meant. `raw`: the
 * block's text, for the links' lines.
 */
function frontmatterLinks(data: Record<string, unknown>, raw: string, linkKeys?: readonly string[] | null): RawLink[] {
  const links: RawLink[] = [];
  // Every link needs a `[` in the block, or an escape (`"\x5B"`) to make one: most blocks have neither.
  if (!raw.includes('[') && !raw.includes('\\')) return links;
  const keyLines = keyLinesOf(raw);
  // Each list or mapping is read once: YAML aliases can repeat one many times.
  const seen = new Set<object>();
  for (const key of Object.keys(data)) {
    if (linkKeys ? linkKeys.includes(key.toLowerCase()) : !NOT_LINK_KEYS.has(key.toLowerCase())) collectValueLinks(data[key], key, keyLines.get(key) ?? 1, 0, seen, links);
  }
  return links;
}

/** Wiki links in one frontmatter value (strings, lists, mappings), into `links`. */
function collectValueLinks(v: unknown, key: string, line: number, depth: number, seen: Set<object>, links: RawLink[]): void {
  if (depth > 8 || v === null || (typeof v !== 'object' && typeof v !== 'string')) return;
  if (typeof v === 'string') {
    const found = findWikiLinks(v);
    // Every link in one value shares its context: the key and the value as plain text.
    const context = found.length > 0 ? truncateAtWord(`${key}: ${toPlainText(v)}`, MAX_CONTEXT) : '';
    for (const w of found) links.push({ target: w.target, kind: 'frontmatter', line, context });
    return;
  }
  if (seen.has(v)) return;
  seen.add(v);
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && typeof v[0][0] === 'string') {
      const target = wikiTarget(v[0][0]);
      if (target !== null) links.push({ target, kind: 'frontmatter', line, context: `${key}: ${target}` });
      return;
    }
    for (const x of v) collectValueLinks(x, key, line, depth + 1, seen, links);
  } else {
    for (const x of Object.values(v as Record<string, unknown>)) collectValueLinks(x, key, line, depth + 1, seen, links);
  }
}

/**
 * Wiki links in a frontmatter block that did not parse (a template's
 * `created: {{date}}` breaks the YAML, not its `related: "[[x]]"`): read line
 * by line, so a broken date does not cost the note its links. Lines of the
 * note's own names and tags are skipped, as in parsed frontmatter.
 */
function unparsedFrontmatterLinks(raw: string, linkKeys?: readonly string[] | null): RawLink[] {
  const links: RawLink[] = [];
  // Every note without frontmatter comes here with '': most have no link to look for.
  if (!raw.includes('[[')) return links;
  let key = '';
  raw.split('\n').forEach((text, i) => {
    // A YAML comment holds no value (parsed frontmatter never sees it).
    if (/^\s*#/.test(text)) return;
    const keyMatch = /^([^\s#\-][^:]*):/.exec(text);
    // Quotes dropped as in keyLinesOf: `"title": ...` is the title key.
    if (keyMatch) key = keyMatch[1].trim().replace(/^(["'])(.*)\1$/, '$2');
    const isLinkKey = linkKeys ? linkKeys.includes(key.toLowerCase()) : !NOT_LINK_KEYS.has(key.toLowerCase());
    if (!isLinkKey || !text.includes('[[')) return;
    for (const w of findWikiLinks(text)) {
      // A block that is a list or a string has no key to name.
      const context = key === '' ? w.target : `${key}: ${w.target}`;
      // The block starts on file line 2, after the opening `---`.
      links.push({ target: w.target, kind: 'frontmatter', line: i + 2, context: truncateAtWord(context, MAX_CONTEXT) });
    }
  });
  return links;
}

interface BodyLink {
  start: number;
  end: number;
  target: string;
  kind: LinkKind;
  relativePath?: string;
}

/** The body's links, in order of appearance: its wiki links and embeds (`wiki`, found beforehand), and its Markdown links. */
function bodyLinks(masked: string, path: string, wiki: readonly WikiLinkMatch[]): BodyLink[] {
  const related = wiki.length > 0 ? findRelatedRanges(masked) : [];
  const found: BodyLink[] = wiki.map((w) => ({
    start: w.start,
    end: w.end,
    target: w.target,
    kind: w.embed ? 'embed' : inRanges(related, w.start) ? 'related' : 'inline',
  }));
  // Wiki links are skipped so `[[a]](b)` is not read as a Markdown link too.
  for (const m of findMarkdownLinks(masked, path, wiki)) {
    found.push({
      start: m.start,
      end: m.end,
      target: m.target,
      kind: m.image ? 'embed' : 'markdown',
      relativePath: m.relativePath,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

// A link-reference definition at an offset: `[label]:` after up to 3 spaces (group 1: the label).
const DEFINITION_AT = /[ ]{0,3}\[([^\]\n]+)\]:/y;

/**
 * Adds line and context to body links. A link to a target the note already
 * linked to (same written target, same kind of link) shares that first
 * link's context: both become one edge, and an edge keeps the context of its
 * first link, so a sentence of its own would be thrown away. This also
 * bounds the cost of a huge generated note with 100k links to a few targets.
 * A link-reference definition (`[slug]: slug.md "Title"`, Foam writes one per
 * wiki link) is not prose: it takes the context of the wiki link `[[slug]]`
 * before it, else none. `titles`: how a Foam `[[slug]]` reads.
 */
function finishLinks(found: BodyLink[], body: string, titles: ReadonlyMap<string, string>): RawLink[] {
  const lineAt = lineCounter(body);
  const contexts = new Map<string, string>();
  const wikiContexts = new Map<string, string>();
  return found.map((f) => {
    // All that resolution depends on: the target as written, a markdown link's path, whether it is an embed.
    const key = (f.kind === 'embed' ? '!' : '') + (f.relativePath !== undefined ? f.target + '\0' + f.relativePath : f.target);
    let context = contexts.get(key);
    if (context === undefined) {
      DEFINITION_AT.lastIndex = f.start;
      const definition = f.kind === 'markdown' ? DEFINITION_AT.exec(body) : null;
      context = definition !== null ? (wikiContexts.get(definition[1].trim().toLowerCase()) ?? '') : contextAround(body, f.start, f.end, titles);
      contexts.set(key, context);
      if (f.relativePath === undefined && f.kind !== 'embed' && context !== '') {
        const lower = f.target.toLowerCase();
        if (!wikiContexts.has(lower)) wikiContexts.set(lower, context);
      }
    }
    const link: RawLink = { target: f.target, kind: f.kind, line: lineAt(f.start), context };
    if (f.relativePath !== undefined) link.relativePath = f.relativePath;
    return link;
  });
}

/**
 * Parses one note.
 * @param text the file's decoded text; a BOM and CRLF line endings are fine.
 * @param path the vault-relative POSIX path with extension (the node key).
 * @param options the vault's configuration (title rule, date and link keys); default Obsidian's rules.
 * @returns everything later stages need; content problems are in `warnings`.
 */
export function parseNote(text: string, path: string, options: ParseOptions = {}): ParsedNote {
  const source = normalizeNoteText(text);
  const fm = parseFrontmatter(source, path);
  const data = fm.data;
  const body = blankLines(source, fm.bodyStart) + source.slice(fm.bodyStart);
  const masked = maskCode(body);
  const titles = definitionTitles(masked);

  const rule = options.title ?? 'frontmatter-h1-filename';
  const title =
    (rule.startsWith('frontmatter') ? scalarString(field(data, 'title')) : null) ??
    (rule.includes('h1') ? openingH1(body) : null) ??
    titleFromFileName(path);
  const written = stringList(field(data, 'aliases') ?? field(data, 'alias'), /,/);
  const aliases = written.length < 2 ? written : [...new Set(written)];
  // Wiki links are found once: they are links, and spans where no tag starts (`[[C #sharp]]`).
  const wiki = findWikiLinks(masked);
  const found = bodyLinks(masked, path, wiki);
  const tags = dedupeTags(
    frontmatterTags(field(data, 'tags')),
    frontmatterTags(field(data, 'tag')),
    findInlineTags(masked, wiki),
  );
  const draftValue = field(data, 'draft');
  const draft = draftValue === true || (typeof draftValue === 'string' && draftValue.trim().toLowerCase() === 'true');
  const publishValue = field(data, 'publish');
  const unpublished = publishValue === false || (typeof publishValue === 'string' && publishValue.trim().toLowerCase() === 'false');
  const dateOf = (keys: readonly string[]): string | null => {
    for (const key of keys) {
      const value = scalarString(field(data, key));
      if (value !== null) return value;
    }
    return null;
  };
  const links = [
    ...(data ? frontmatterLinks(data, fm.raw, options.linkKeys) : unparsedFrontmatterLinks(fm.raw, options.linkKeys)),
    ...finishLinks(found, body, titles),
  ];

  const created = options.dates ? dateOf(options.dates.created) : (scalarString(field(data, 'created')) ?? scalarString(field(data, 'date')));
  const updated = options.dates ? dateOf(options.dates.updated) : scalarString(field(data, 'updated'));
  const warnings = [...fm.warnings, ...dateWarnings(path, { created, updated })];

  return {
    path,
    title,
    tags,
    aliases,
    summary: summarize(data, body, masked, titles),
    created,
    updated,
    draft,
    ...(unpublished ? { unpublished: true } : {}),
    // The frontmatter's stand-in is blank: count from the body on.
    words: countWords(masked, fm.bodyStart),
    links,
    warnings,
  };
}

/** One warning per date the timeline cannot read (`created: {{date}}` left by a template). */
function dateWarnings(path: string, dates: { created: string | null; updated: string | null }): BuildWarning[] {
  const out: BuildWarning[] = [];
  for (const [name, value] of Object.entries(dates)) {
    if (value !== null && parseNoteDate(value) === null) {
      out.push({ file: path, message: `${name} date "${value}" is not a date: the timeline counts the note as undated` });
    }
  }
  return out;
}
