/**
 * What the summary, search and health panels share: selecting a node from a
 * panel (a history entry, the camera follows) and showing #panel while any
 * of its sections is open.
 */
import type { AppContext, PanelName, ViewState } from '../state/types.js';
import { el } from '../dom.js';

/**
 * Select `key` as a new history entry and centre the camera on it. A node
 * that the current filters hide is made visible first (choosing an orphan
 * from the health list while orphans are hidden must still show it).
 */
export function selectNode(ctx: AppContext, key: string, panel: PanelName = 'summary'): void {
  if (!ctx.graph.hasNode(key)) return;
  const attrs = ctx.graph.getNodeAttributes(key);
  const state = ctx.store.get();
  const patch: Partial<ViewState> = { selected: key, panel };
  if (attrs.kind === 'dangling' && !state.showDangling) patch.showDangling = true;
  if (attrs.kind === 'note' && attrs.orphan && !state.showOrphans) patch.showOrphans = true;
  if (attrs.kind === 'note' && attrs.draft && !state.showDrafts) patch.showDrafts = true;
  if (attrs.kind === 'attachment' && !state.showAttachments) patch.showAttachments = true;
  ctx.store.set(patch, { history: 'push' });
  ctx.map.focusNode(key);
}

/** A button that selects `key` (its visible text is the node's title). */
export function nodeButton(ctx: AppContext, key: string, label?: string, panel: PanelName = 'summary'): HTMLButtonElement {
  const title = label ?? (ctx.graph.hasNode(key) ? ctx.graph.getNodeAttribute(key, 'title') : key);
  const button = el('button', { type: 'button', class: 'node-link', 'data-key': key }, title);
  button.addEventListener('click', () => selectNode(ctx, key, panel));
  return button;
}

/** Show #panel while the summary, the health or the path section is visible. */
export function syncPanelContainer(): void {
  const panel = document.getElementById('panel');
  if (!panel) return;
  const sections = ['summary', 'health', 'path'].map((id) => document.getElementById(id));
  panel.hidden = sections.every((s) => !s || s.hidden);
}

/** `notes/a b.md` -> `notes/a b` (what obsidian:// expects). */
export function withoutExtension(path: string): string {
  return path.replace(/\.[^./]+$/, '');
}

/** The obsidian:// URL that opens a vault-relative path in the named vault. */
export function obsidianUrl(vault: string, path: string): string {
  return `obsidian://open?vault=${encodeURIComponent(vault)}&file=${encodeURIComponent(withoutExtension(path))}`;
}

/** The vscode:// URL that opens a vault-relative path, given the vault's absolute folder. */
export function vscodeUrl(vaultFolder: string, path: string): string {
  const full = `${vaultFolder.replace(/[\\/]+$/, '')}/${path}`.replace(/\\/g, '/');
  // Each segment encoded, the slashes kept; a Windows drive (`C:`) stays readable.
  const encoded = full.split('/').map((part) => (/^[A-Za-z]:$/.test(part) ? part : encodeURIComponent(part))).join('/');
  return `vscode://file${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}
