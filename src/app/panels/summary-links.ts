/**
 * The link lists of the summary panel: outgoing links, backlinks and missing
 * (dangling) links, each entry with the sentence it comes from. Every title
 * is a button that selects that node and moves the camera to it.
 */
import type { EdgeAttributes, NodeAttributes } from '../../core/contract.js';
import { el } from '../dom.js';
import type { AppContext } from '../state/types.js';
import { nodeButton } from './navigate.js';
import { mentionSection } from './summary-mentions.js';

export interface LinkEntry {
  /** The node at the other end. */
  key: string;
  attrs: NodeAttributes;
  edge: EdgeAttributes;
}

const byTitle = (a: LinkEntry, b: LinkEntry): number =>
  a.attrs.title.localeCompare(b.attrs.title, undefined, { sensitivity: 'base' }) || a.key.localeCompare(b.key);

/** The nodes `key` links to, and the nodes linking to it, sorted by title. */
export function collectLinks(ctx: AppContext, key: string): { outgoing: LinkEntry[]; incoming: LinkEntry[] } {
  const outgoing: LinkEntry[] = [];
  const incoming: LinkEntry[] = [];
  ctx.graph.forEachOutEdge(key, (_edge, edge, _source, target, _sa, targetAttrs) => {
    outgoing.push({ key: target, attrs: targetAttrs, edge });
  });
  ctx.graph.forEachInEdge(key, (_edge, edge, source, _target, sourceAttrs) => {
    incoming.push({ key: source, attrs: sourceAttrs, edge });
  });
  return { outgoing: outgoing.sort(byTitle), incoming: incoming.sort(byTitle) };
}

/** "inline, related" plus "×3" when the note links more than once. */
function linkMeta(edge: EdgeAttributes): string {
  const parts = [edge.kinds.join(', ')];
  if (edge.count > 1) parts.push(`×${edge.count}`);
  return parts.filter(Boolean).join(' · ');
}

/** One entry: the title button, its kinds, and the context sentence. */
function linkItem(ctx: AppContext, entry: LinkEntry, extra?: Node): HTMLLIElement {
  const item = el('li', { class: 'link-item' }, nodeButton(ctx, entry.key));
  const meta = linkMeta(entry.edge);
  if (meta) item.append(' ', el('span', { class: 'link-kinds' }, meta));
  if (extra) item.append(extra);
  if (entry.edge.context) item.append(el('p', { class: 'link-context' }, entry.edge.context));
  return item;
}

/** "Did you mean <button>…</button>?" for a dangling node that has a suggestion. */
export function suggestionLine(ctx: AppContext, danglingKey: string): HTMLElement | null {
  if (!ctx.graph.hasNode(danglingKey)) return null;
  const attrs = ctx.graph.getNodeAttributes(danglingKey);
  if (attrs.kind !== 'dangling' || !attrs.suggestion || !ctx.graph.hasNode(attrs.suggestion.key)) return null;
  return el('p', { class: 'suggestion' }, 'Did you mean ', nodeButton(ctx, attrs.suggestion.key), '?');
}

/**
 * A titled list section (`<section><h3>Title (n)</h3><ul>…</ul></section>`),
 * or an "none" line when empty so that the panel reads the same every time.
 */
export function linkSection(
  ctx: AppContext,
  id: string,
  heading: string,
  entries: LinkEntry[],
  emptyText: string,
  decorate?: (entry: LinkEntry) => Node | undefined,
): HTMLElement {
  const headingId = `summary-${id}-title`;
  const section = el('section', { class: `summary-links summary-${id}`, 'aria-labelledby': headingId },
    el('h3', { id: headingId }, `${heading} (${entries.length})`));
  if (entries.length === 0) {
    section.append(el('p', { class: 'empty' }, emptyText));
    return section;
  }
  const list = el('ul', { 'aria-labelledby': headingId });
  for (const entry of entries) list.append(linkItem(ctx, entry, decorate?.(entry)));
  section.append(list);
  return section;
}

/** The outgoing / backlinks / missing sections of a note. */
export function noteLinkSections(ctx: AppContext, key: string): HTMLElement[] {
  const { outgoing, incoming } = collectLinks(ctx, key);
  const toNotes = outgoing.filter((e) => e.attrs.kind === 'note');
  const missing = outgoing.filter((e) => e.attrs.kind === 'dangling');
  const files = outgoing.filter((e) => e.attrs.kind === 'attachment');
  const sections = [
    linkSection(ctx, 'outgoing', 'Links', toNotes, 'This note links to no other note.'),
    linkSection(ctx, 'backlinks', 'Backlinks', incoming, 'No note links here.'),
    ...[mentionSection(ctx, key)].filter((s): s is HTMLElement => s !== null),
    linkSection(ctx, 'missing', 'Missing notes', missing, 'No dangling links.', (entry) => {
      const box = document.createDocumentFragment();
      box.append(' ', el('span', { class: 'badge badge-missing' }, 'missing'));
      const suggestion = suggestionLine(ctx, entry.key);
      if (suggestion) box.append(suggestion);
      return box;
    }),
  ];
  if (files.length > 0) sections.push(linkSection(ctx, 'files', 'Embedded files', files, ''));
  return sections;
}
