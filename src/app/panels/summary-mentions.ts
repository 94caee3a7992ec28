/**
 * The "Unlinked mentions" section of the summary panel, under the
 * backlinks: notes that name this note without linking to it, each with the
 * sentence and a button that copies the exact `[[link]]` to paste there.
 * Reads the graph attribute `mentions` (src/extract/mentions.ts).
 */
import type { UnlinkedMention } from '../../core/contract.js';
import { mentionRuleText, mentionsByTarget } from '../../core/mentions.js';
import { el } from '../dom.js';
import type { AppContext } from '../state/types.js';
import { nodeButton } from './navigate.js';

/** Per graph: the mentions by target, built once (the graph attribute is replaced as a whole when it changes). */
const cache = new WeakMap<object, Map<string, UnlinkedMention[]>>();

export function mentionsOf(ctx: AppContext, key: string): UnlinkedMention[] {
  const report = ctx.graph.getAttribute('mentions');
  if (!report) return [];
  let byTarget = cache.get(report);
  if (!byTarget) cache.set(report, (byTarget = mentionsByTarget(report)));
  return (byTarget.get(key) ?? []).filter((m) => ctx.graph.hasNode(m.source));
}

/** Copies `text`; the button says whether it worked. */
async function copy(button: HTMLButtonElement, text: string): Promise<void> {
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed';
  }
  setTimeout(() => (button.textContent = label), 1500);
}

/** The section, or null when the graph has no mentions report (an older graph.json). */
export function mentionSection(ctx: AppContext, key: string): HTMLElement | null {
  const report = ctx.graph.getAttribute('mentions');
  if (!report) return null;
  const mentions = mentionsOf(ctx, key);
  const headingId = 'summary-mentions-title';
  const section = el('section', { class: 'summary-links summary-mentions', 'aria-labelledby': headingId },
    el('h3', { id: headingId, title: mentionRuleText(report.rule) }, `Unlinked mentions (${mentions.length})`));
  if (mentions.length === 0) {
    section.append(el('p', { class: 'empty' }, 'No note names this one without linking to it.'));
    return section;
  }
  const list = el('ul', { 'aria-labelledby': headingId });
  for (const m of mentions) {
    const button = el('button', { type: 'button', class: 'copy-link', title: `Copy ${m.link} to paste in place of "${m.text}" (line ${m.line})` }, `Copy ${m.link}`);
    button.addEventListener('click', () => void copy(button, m.link));
    const item = el('li', { class: 'link-item mention-item' }, nodeButton(ctx, m.source), ' ', el('span', { class: 'link-kinds' }, `line ${m.line}`));
    if (m.context) item.append(el('p', { class: 'link-context' }, m.context));
    item.append(button);
    list.append(item);
  }
  section.append(list);
  return section;
}
