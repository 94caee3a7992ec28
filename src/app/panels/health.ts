/**
 * The link-health panel (#health, toggled by #btn-health): the vault's
 * orphan notes and its dangling targets ranked by references, each with the
 * notes that reference it (path:line) and its did-you-mean. Choosing any
 * entry selects that node on the map and moves the camera to it; the panel
 * stays open so the list can be worked through. Pointing at an entry, and
 * "Show on map", point at the map (health-map.ts).
 */
import type { DanglingReport, HealthReport } from '../../core/contract.js';
import { clear, el, formatCount } from '../dom.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';
import { mentionedPhrase, orphansByMentions } from '../../core/mentions.js';
import { nodeButton, syncPanelContainer } from './navigate.js';
import { disposeOnce } from '../disposable.js';
import { bindHealthMap, showOnMapButton } from './health-map.js';

/** Lists longer than this show a "show more" button (10k orphans would be slow DOM). */
export const PAGE_SIZE = 200;

const EMPTY_REPORT: HealthReport = { orphans: [], dangling: [], onlyOutgoing: [], onlyIncoming: [] };

/** Mount the health panel; returns a Disposable removing its listeners. */
export function mountHealthPanel(ctx: AppContext): Disposable {
  const root = document.getElementById('health');
  const toggle = document.getElementById('btn-health');
  if (!root || !toggle) throw new Error('mountHealthPanel: #health or #btn-health is missing from index.html');
  root.setAttribute('aria-labelledby', 'health-title');
  const report: HealthReport = { ...EMPTY_REPORT, ...(ctx.graph.getAttribute('health') ?? {}) };
  let rendered = false;

  const markSelected = (selected: string | null): void => {
    root.querySelectorAll<HTMLElement>('.node-link').forEach((button) => {
      if (button.dataset.key === selected) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    });
  };

  const render = (state: ViewState): void => {
    const open = state.panel === 'health';
    toggle.setAttribute('aria-pressed', String(open));
    if (open && !rendered) {
      clear(root);
      root.append(...renderReport(ctx, report));
      rendered = true;
    }
    root.hidden = !open;
    if (open) markSelected(state.selected);
    syncPanelContainer();
  };

  const onToggle = (): void => {
    const open = ctx.store.get().panel === 'health';
    // Closing health goes back to the summary when a node is selected.
    ctx.store.set({ panel: open ? (ctx.store.get().selected ? 'summary' : null) : 'health' });
    if (open) return;
    // Opened by the user: move focus to the panel so keyboard and screen-reader users land in it, and frame
    // what the lists name beside it (unless it is in plain view already), so that every entry pointed at is
    // in view: orphans often sit at the edge of the map, where the panel opens.
    document.getElementById('health-title')?.focus();
    ctx.map.frameNodes([...report.orphans, ...report.dangling.map((d) => d.key)]);
  };
  toggle.setAttribute('aria-controls', 'health');
  toggle.addEventListener('click', onToggle);

  const mapLink = bindHealthMap(ctx, root);
  render(ctx.store.get());
  const unsubscribe = ctx.store.subscribe((state, previous) => {
    if (state.panel !== previous.panel || state.selected !== previous.selected) render(state);
  });

  return disposeOnce(() => {
    unsubscribe();
    mapLink.dispose();
    toggle.removeEventListener('click', onToggle);
    clear(root);
    root.hidden = true;
    syncPanelContainer();
  });
}

function renderReport(ctx: AppContext, report: HealthReport): Node[] {
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close link health', title: 'Close' }, '×');
  close.addEventListener('click', () => ctx.store.set({ panel: ctx.store.get().selected ? 'summary' : null }));
  const references = report.dangling.reduce((sum, d) => sum + d.references.length, 0);
  return [
    el('header', { class: 'summary-header' }, el('h2', { id: 'health-title', tabindex: -1 }, 'Link health'), close),
    el('p', { class: 'health-totals' },
      `${formatCount(report.orphans.length)} orphan notes, ${formatCount(report.dangling.length)} missing notes ` +
      `referenced ${formatCount(references)} times.`),
    orphanSection(ctx, report.orphans),
    danglingSection(ctx, report.dangling),
    oneWaySection(ctx, 'only-incoming', 'Linked to, but link nowhere', report.onlyIncoming),
    oneWaySection(ctx, 'only-outgoing', 'Link out, but nothing links to them', report.onlyOutgoing),
  ];
}

/** A collapsed list of one-way notes (less urgent than orphans and dangling links). */
function oneWaySection(ctx: AppContext, id: string, heading: string, keys: string[]): HTMLElement {
  const present = keys.filter((key) => ctx.graph.hasNode(key));
  const box = el('details', { class: `health-${id}` }, el('summary', {}, `${heading} (${formatCount(present.length)})`));
  if (present.length > 0) {
    box.append(pagedList('ul', { 'aria-label': heading }, present, (key) => el('li', { class: 'health-oneway' }, nodeButton(ctx, key, undefined, 'health'))));
  }
  return box;
}

/** A list that renders PAGE_SIZE items at a time. */
function pagedList<T>(tag: 'ul' | 'ol', attrs: Record<string, string>, items: T[], item: (value: T) => HTMLLIElement): HTMLElement {
  const list = el(tag, attrs);
  const box = el('div', {}, list);
  let shown = 0;
  const more = el('button', { type: 'button', class: 'show-more' });
  const page = (): void => {
    for (const value of items.slice(shown, shown + PAGE_SIZE)) list.append(item(value));
    shown = Math.min(items.length, shown + PAGE_SIZE);
    more.textContent = `Show ${formatCount(Math.min(PAGE_SIZE, items.length - shown))} more of ${formatCount(items.length - shown)}`;
    if (shown >= items.length) more.remove();
  };
  more.addEventListener('click', page);
  box.append(more);
  page();
  return box;
}

function orphanSection(ctx: AppContext, orphans: string[]): HTMLElement {
  const section = el('section', { class: 'health-orphans', 'aria-labelledby': 'health-orphans-title' },
    el('h3', { id: 'health-orphans-title' }, `Orphans (${formatCount(orphans.length)})`),
    el('p', { class: 'hint' }, 'Notes with no link to or from another note.'));
  const present = orphans.filter((key) => ctx.graph.hasNode(key));
  if (present.length === 0) {
    section.append(el('p', { class: 'empty' }, 'No orphans.'));
    return section;
  }
  section.append(showOnMapButton(ctx, 'orphans', present));
  // Orphans that other notes name come first, most mentioned first: where a link is likely missing.
  const mentioned = new Map(orphansByMentions(present, ctx.graph.getAttribute('mentions')).map((o) => [o.key, o.notes]));
  const keys = [...mentioned.keys(), ...present.filter((key) => !mentioned.has(key))];
  section.append(pagedList('ul', { 'aria-labelledby': 'health-orphans-title' }, keys, (key) => {
    const path = ctx.graph.getNodeAttributes(key);
    const item = el('li', { class: 'health-orphan' }, nodeButton(ctx, key, undefined, 'health'), ' ',
      el('span', { class: 'health-path' }, path.kind === 'note' ? path.path : key));
    const notes = mentioned.get(key);
    if (notes) item.append(' ', el('span', { class: 'health-count health-mentioned' }, mentionedPhrase(notes)));
    return item;
  }));
  return section;
}

function danglingItem(ctx: AppContext, d: DanglingReport): HTMLLIElement {
  const count = `referenced by ${formatCount(d.notes)} ${d.notes === 1 ? 'note' : 'notes'}`;
  const item = el('li', { class: 'health-dangling' },
    ctx.graph.hasNode(d.key) ? nodeButton(ctx, d.key, d.target, 'health') : el('span', {}, d.target),
    ' ', el('span', { class: 'health-count' }, count));
  if (d.suggestion && ctx.graph.hasNode(d.suggestion.key)) {
    item.append(el('p', { class: 'suggestion' }, 'Did you mean ', nodeButton(ctx, d.suggestion.key, undefined, 'health'), '?'));
  }
  const refs = el('ul', { class: 'health-refs', 'aria-label': `Notes referencing ${d.target}` });
  for (const ref of d.references) {
    const label = `${ref.source}:${ref.line}`;
    refs.append(el('li', {}, ctx.graph.hasNode(ref.source) ? nodeButton(ctx, ref.source, label, 'health') : label));
  }
  item.append(refs);
  return item;
}

function danglingSection(ctx: AppContext, dangling: DanglingReport[]): HTMLElement {
  const section = el('section', { class: 'health-dangling-list', 'aria-labelledby': 'health-dangling-title' },
    el('h3', { id: 'health-dangling-title' }, `Missing notes (${formatCount(dangling.length)})`),
    el('p', { class: 'hint' }, 'Link targets with no note, most referenced first.'));
  if (dangling.length === 0) {
    section.append(el('p', { class: 'empty' }, 'No dangling links.'));
    return section;
  }
  section.append(showOnMapButton(ctx, 'missing', dangling.map((d) => d.key).filter((key) => ctx.graph.hasNode(key))));
  section.append(pagedList('ol', { 'aria-labelledby': 'health-dangling-title' }, dangling, (d) => danglingItem(ctx, d)));
  return section;
}
