/**
 * The summary panel (#summary): what the selected note is about without
 * leaving the map: title, path, tags, dates, draft badge, summary, word
 * count, links with their context sentences, missing links with their
 * did-you-mean, and actions to open the file. A dangling target shows who
 * references it instead. All note text goes in as text (dom.ts `el`).
 */
import type { AttachmentNodeAttributes, DanglingNodeAttributes, NoteNodeAttributes } from '../../core/contract.js';
import { tagKey } from '../../core/normalize.js';
import { append, clear, el, formatCount } from '../dom.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';
import { obsidianUrl, syncPanelContainer, vscodeUrl } from './navigate.js';
import { collectLinks, linkSection, noteLinkSections, suggestionLine } from './summary-links.js';
import { isTagHidden, toggleHiddenTag } from './tag-filters.js';
import { disposeOnce } from '../disposable.js';
import { editorToken, openInEditor } from '../open-in-editor.js';
import { pathToButton } from '../path/path-start.js';

/** Mount the summary panel; it follows `selected` and `panel` in the store. */
export function mountSummaryPanel(ctx: AppContext): Disposable {
  const root = document.getElementById('summary');
  if (!root) throw new Error('mountSummaryPanel: #summary is missing from index.html');
  root.setAttribute('aria-labelledby', 'summary-title'); // the region is named by the note's title
  let shownKey: string | null = null;
  let asked: string | null = null;

  const render = (state: ViewState): void => {
    const key = state.selected;
    const open = key !== null && ctx.graph.hasNode(key) && state.panel !== 'health' && state.panel !== 'path';
    if (!open) {
      root.hidden = true;
      shownKey = null;
      asked = null;
      clear(root);
      syncPanelContainer();
      return;
    }
    if (key !== shownKey) {
      clear(root);
      root.append(...renderNode(ctx, key));
      root.scrollTop = 0;
      shownKey = key;
      // Summary and link contexts may still be on their way (src/app/details.ts): draw again when they land.
      if (ctx.details && !ctx.details.ready(key) && asked !== key) {
        asked = key; // once per selection: a failed fetch is not retried in a loop
        void ctx.details.forNode(key).then(() => {
          if (shownKey !== key || !root.isConnected) return;
          shownKey = null;
          render(ctx.store.get());
        });
      }
    }
    root.hidden = false;
    syncPanelContainer();
  };

  render(ctx.store.get());
  const unsubscribe = ctx.store.subscribe((state, previous) => {
    if (state.selected !== previous.selected || state.panel !== previous.panel) render(state);
  });

  return disposeOnce(() => {
    unsubscribe();
    clear(root);
    root.hidden = true;
    syncPanelContainer();
  });
}

/** The panel's content for any kind of node. */
function renderNode(ctx: AppContext, key: string): Node[] {
  const attrs = ctx.graph.getNodeAttributes(key);
  const header = el('header', { class: 'summary-header' }, el('h2', { id: 'summary-title' }, attrs.title), closeButton(ctx));
  if (attrs.kind === 'note') return [header, ...renderNote(ctx, key, attrs)];
  if (attrs.kind === 'dangling') return [header, ...renderDangling(ctx, key, attrs)];
  return [header, ...renderAttachment(ctx, key, attrs)];
}

function closeButton(ctx: AppContext): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'close', 'aria-label': 'Close summary', title: 'Close (Esc)' }, '×');
  button.addEventListener('click', () => ctx.store.set({ selected: null, panel: null }, { history: 'push' }));
  return button;
}

/**
 * A tag button: shows only the notes carrying that tag, and shows the tag
 * again when it (or a tag above it) is hidden, else the filter would be empty.
 */
function tagButton(ctx: AppContext, tag: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'tag', 'aria-label': `Show only notes tagged ${tag}` }, `#${tag}`);
  button.addEventListener('click', () => {
    const key = tagKey(tag);
    const hidden = ctx.store.get().hiddenTags;
    ctx.store.set({ onlyTags: [key], hiddenTags: isTagHidden(hidden, key) ? toggleHiddenTag(hidden, key) : hidden });
  });
  return button;
}

function renderNote(ctx: AppContext, key: string, note: NoteNodeAttributes): Node[] {
  const out: Node[] = [];
  const pathLine = el('p', { class: 'summary-path' }, el('code', {}, note.path));
  if (note.draft) append(pathLine, ' ', el('span', { class: 'badge badge-draft' }, 'draft'));
  if (note.orphan) append(pathLine, ' ', el('span', { class: 'badge badge-orphan' }, 'orphan'));
  out.push(pathLine);

  if (note.tags.length > 0) {
    const tags = el('ul', { class: 'summary-tags tag-list', 'aria-label': 'Tags' });
    for (const tag of note.tags) tags.append(el('li', {}, tagButton(ctx, tag)));
    out.push(tags);
  }

  const facts = el('dl', { class: 'summary-facts' });
  const fact = (name: string, value: string | null): void => {
    if (value) append(facts, el('dt', {}, name), el('dd', {}, value));
  };
  fact('Created', note.created && note.createdFromFile ? `${note.created} (file creation time)` : note.created);
  fact('Updated', note.updated);
  fact('Words', formatCount(note.words));
  if (note.aliases.length > 0) fact('Aliases', note.aliases.join(', '));
  out.push(facts);

  const pending = ctx.details?.ready(key) === false;
  out.push(el('p', { class: 'summary-text', 'aria-busy': String(pending) }, note.summary || (pending ? 'Loading…' : 'No summary.')));
  const acts = actions(ctx, note);
  acts.prepend(pathToButton(ctx, key), ' '); // "Path to…" (src/app/path)
  out.push(acts);
  out.push(...noteLinkSections(ctx, key));
  return out;
}

/** The vault's absolute folder, from the server's /vault.json (none on the static site): asked once. */
let vaultFolder: Promise<string | null> | null = null;
function fetchVaultFolder(): Promise<string | null> {
  vaultFolder ??= fetch('./vault.json')
    .then(async (res) => (res.ok ? (((await res.json()) as { path?: unknown }).path ?? null) : null))
    .then((p) => (typeof p === 'string' && p !== '' ? p : null))
    .catch(() => null);
  return vaultFolder;
}

/**
 * "Open in editor" (a server with an editor token only), and the vault's own app: "Open in
 * Obsidian" for a vault with `.obsidian`, "Open in VS Code" for a Foam vault
 * (it needs the vault's absolute folder, which only a server knows). Graphs
 * built before `vaultApp` existed keep the Obsidian link.
 */
function actions(ctx: AppContext, note: NoteNodeAttributes): HTMLElement {
  const status = el('span', { class: 'action-status', role: 'status' });
  const box = el('p', { class: 'summary-actions' });
  // Only a server that can open files gives the page its editor token.
  const token = editorToken();
  if (token) {
    const open = el('button', { type: 'button', class: 'action' }, 'Open in editor');
    open.addEventListener('click', () => {
      status.textContent = 'Opening…';
      openInEditor(note.path, token)
        .then(async (res) => {
          if (res.ok) status.textContent = 'Sent to your editor.';
          else status.textContent = `Could not open: ${((await res.json().catch(() => ({}))) as { error?: string }).error ?? res.statusText}`;
        })
        .catch((err: unknown) => {
          status.textContent = `Could not open: ${err instanceof Error ? err.message : String(err)}`;
        });
    });
    box.append(open, ' ');
  }
  const vault = String(ctx.graph.getAttribute('vault') ?? '');
  const app = ctx.graph.getAttribute('vaultApp');
  if (app === 'obsidian' || app === undefined) {
    box.append(el('a', { class: 'action', href: obsidianUrl(vault, note.path) }, 'Open in Obsidian'), ' ');
  } else if (app === 'foam') {
    const link = el('a', { class: 'action', hidden: '' }, 'Open in VS Code');
    box.append(link, ' ');
    void fetchVaultFolder().then((folder) => {
      if (folder === null) return;
      link.setAttribute('href', vscodeUrl(folder, note.path));
      link.hidden = false;
    });
  }
  box.append(status);
  return box;
}

function renderDangling(ctx: AppContext, key: string, _attrs: DanglingNodeAttributes): Node[] {
  const { incoming } = collectLinks(ctx, key);
  return [
    el('p', { class: 'summary-path' }, el('span', { class: 'badge badge-missing' }, 'missing note'),
      ' No note in the vault has this name.'),
    suggestionLine(ctx, key) ?? el('p', { class: 'suggestion empty' }, 'No similar note found.'),
    linkSection(ctx, 'referenced', 'Referenced by', incoming, 'Nothing references it.'),
  ];
}

function renderAttachment(ctx: AppContext, key: string, attrs: AttachmentNodeAttributes): Node[] {
  const { incoming } = collectLinks(ctx, key);
  return [
    el('p', { class: 'summary-path' }, el('span', { class: 'badge' }, 'file'), ' ',
      attrs.path ? el('code', {}, attrs.path) : 'not found in the vault'),
    linkSection(ctx, 'embedded-by', 'Embedded by', incoming, 'Nothing embeds it.'),
  ];
}
