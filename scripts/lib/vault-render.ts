/**
 * Writes one planned note as text in the seed note's format: YAML
 * frontmatter, an H1, prose sections whose sentences carry wiki links to
 * titles, the raw-HTML linkage tree (tags, related links) and an ending
 * question. Deterministic in the plan and the random stream it is given.
 */
import { posix } from 'node:path';
import { shuffled, type Random } from './prng.js';
import type { PlannedLink, PlannedNote } from './vault-plan.js';
import { DAILY_LINES, FILLER_SENTENCES, HEADINGS, LINK_SENTENCES, QUESTIONS, VAULT_TAG } from './vault-words.js';

/** A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML). */
function yamlScalar(value: string): string {
  return /^[a-z0-9][^:#'"[\]{}\n]*$/i.test(value) && !/^(true|false|null|yes|no|~)$/i.test(value) ? value : JSON.stringify(value);
}

function yamlList(key: string, items: readonly string[]): string[] {
  return [`${key}:`, ...items.map((item) => `  - ${yamlScalar(item)}`)];
}

/** The link as written in Markdown, by its planned form. */
function linkText(link: PlannedLink, source: PlannedNote, notes: readonly PlannedNote[]): string {
  if (link.target < 0) return `[[${link.missing}]]`;
  const target = notes[link.target];
  switch (link.form) {
    case 'alias':
      return `[[${target.aliases[0]}]]`;
    case 'file':
      return `[[${posix.basename(target.path).replace(/\.[^.]+$/, '')}]]`;
    case 'display':
      return `[[${target.title}|${target.title.split(' ').slice(0, 2).join(' ')}]]`;
    case 'heading':
      return `[[${target.title}#my take]]`;
    case 'markdown': {
      // Relative to the linking note's folder, URL-encoded, as Foam and plain Markdown write it.
      const rel = posix.relative(posix.dirname(source.path), target.path);
      return `[${target.title}](${rel.split('/').map(encodeURIComponent).join('/')})`;
    }
    default:
      return `[[${target.title}]]`;
  }
}

/** The related-list form: always a wiki link (Markdown inside raw HTML is not rendered). */
function relatedText(link: PlannedLink, notes: readonly PlannedNote[]): string {
  if (link.target < 0) return `[[${link.missing}]]`;
  const target = notes[link.target];
  return link.form === 'alias' ? `[[${target.aliases[0]}]]` : `[[${target.title}]]`;
}

/** `count` distinct filler sentences, so a paragraph never repeats itself. */
function sentences(random: Random, count: number): string {
  return shuffled(random, FILLER_SENTENCES).slice(0, count).join(' ');
}

/**
 * A daily note as Obsidian's daily-notes plugin leaves it: short frontmatter
 * without a title (the file name is the date, and so is the opening H1), a
 * line of prose for some, and bullets linking the day's notes.
 */
function renderDaily(note: PlannedNote, notes: readonly PlannedNote[], random: Random): string {
  const lines = ['---', ...yamlList('tags', note.tags), `created: ${note.created}`, '---', '', `# ${note.title}`, ''];
  if (note.length !== 'stub') lines.push(sentences(random, 1 + random.int(3)), '');
  for (const link of note.links) lines.push(`- ${random.pick(DAILY_LINES).replace('{}', linkText(link, note, notes))}`);
  return lines.join('\n') + '\n';
}

/** Extra sections of a long note: 4 to 20 paragraphs of 4 to 6 sentences under their own headings. */
function longSections(random: Random): string[] {
  const out: string[] = [];
  const count = 4 + random.int(17);
  for (let k = 1; k <= count; k++) out.push(`## part ${k}`, sentences(random, 4 + random.int(3)), '');
  return out;
}

/** Renders `note` (which must come from the same plan as `notes`). */
export function renderNote(note: PlannedNote, notes: readonly PlannedNote[], random: Random): string {
  if (note.role === 'daily') return renderDaily(note, notes, random);
  const stub = note.length === 'stub';
  const up = note.links.find((l) => l.where === 'frontmatter');
  const inline = note.links.filter((l) => l.where === 'inline' || l.where === 'both' || (l.form === 'markdown' && l.where !== 'frontmatter'));
  const related = note.links.filter((l) => (l.where === 'related' || l.where === 'both') && l.form !== 'markdown');
  const intro = sentences(random, stub ? 1 : 2 + random.int(3));

  const fm = ['---', `title: ${yamlScalar(note.title)}`];
  if (note.aliases.length > 0) fm.push(...yamlList('aliases', note.aliases));
  fm.push(...yamlList('tags', note.tags), ...yamlList('keywords', note.keywords));
  fm.push(`draft: ${note.draft}`);
  if (note.hasDescription) fm.push(`description: ${yamlScalar(sentences(random, 1))}`);
  fm.push(`created: ${note.created}`, `updated: ${note.updated}`, `note_id: ${note.noteId}`);
  if (up) fm.push(`up: "${relatedText(up, notes)}"`);
  fm.push(...yamlList('cssclasses', [VAULT_TAG]), '---');

  const body: string[] = ['', `# ${note.title}`, '', intro, ''];
  // The first inline link sits in a prose section; the rest become bullets, as in the seed.
  const [first, ...rest] = inline;
  body.push(`## ${HEADINGS[0]}`);
  body.push(
    first
      ? `${sentences(random, 1)} ${random.pick(LINK_SENTENCES).replace('{}', linkText(first, note, notes))}`
      : sentences(random, 2),
  );
  body.push('');
  if (rest.length > 0) {
    body.push(`## ${HEADINGS[1]}`);
    for (const link of rest) body.push(`- ${random.pick(LINK_SENTENCES).replace('{}', linkText(link, note, notes))}`);
    body.push('');
  }
  if (!stub && random.chance(0.5)) body.push(`## ${HEADINGS[2]}`, ...shuffled(random, FILLER_SENTENCES).slice(0, 2).map((s) => `- ${s}`), '');
  if (note.length === 'long') body.push(...longSections(random));
  if (!stub) body.push(`## ${HEADINGS[3]}`, sentences(random, 2 + random.int(3)), '');

  const ownTags = note.tags.filter((t) => t !== VAULT_TAG);
  body.push(
    '## linkage',
    '<div class="linkage-tree">',
    '  <div class="linkage-tree-title">linkage tree</div>',
    '  <ul>',
    '    <li>tags',
    '      <ul>',
    ...ownTags.map((t) => `        <li>#${t}</li>`),
    '      </ul>',
    '    </li>',
  );
  if (related.length > 0) {
    body.push('    <li>related', '      <ul>', ...related.map((l) => `        <li>${relatedText(l, notes)}</li>`), '      </ul>', '    </li>');
  }
  body.push('  </ul>', '</div>', '');
  if (!stub) body.push('## ending questions', random.pick(QUESTIONS), '');
  return fm.join('\n') + '\n' + body.join('\n');
}
