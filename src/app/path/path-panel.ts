/**
 * The path panel (#path): the path from the selected note to `pathTo`, hop
 * by hop, each link with its arrow (which way it goes) and the sentence it
 * comes from; a switch for "only in the links' direction"; with no path, the
 * size of each note's part of the map. The map emphasises the same notes
 * (path-look.ts). Escape, the close button or selecting another note clears
 * the path. All note text goes in as text (dom.ts `el`). Mounted once: a
 * live change of the graph redraws it in place (the path may have changed).
 */
import { clear, el, isTypingTarget } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import { syncPanelContainer } from '../panels/navigate.js';
import { sameValue } from '../state/store.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';
import { computeVisible, VISIBILITY_FIELDS } from '../state/visibility.js';
import { pickPathTarget } from './path-start.js';
import { pathViewOf, type PathView } from './path-view.js';
import { hiddenLine, hopArrow, partLines, pathHeadline } from './path-words.js';
import { onGraphChange } from '../live/graph-change.js';

/** The patch that clears a path (the switch goes back to its default with it). */
export const NO_PATH: Partial<ViewState> = { pathTo: null, pathDirected: false };

/**
 * The patch that ends a path whose note is gone (a live change deleted it),
 * back to the first note's summary while it exists; null when both ends exist.
 */
export function pathEndGone(graph: { hasNode(key: string): boolean }, s: Pick<ViewState, 'selected' | 'pathTo' | 'panel'>): Partial<ViewState> | null {
  if (s.pathTo === null || (graph.hasNode(s.pathTo) && (s.selected === null || graph.hasNode(s.selected)))) return null;
  const selected = s.selected !== null && graph.hasNode(s.selected) ? s.selected : null;
  return { ...NO_PATH, ...(s.panel === 'path' ? { panel: selected === null ? null : 'summary' } : {}) };
}

/** True when the state shows a path panel. */
const shown = (s: ViewState): boolean => s.panel === 'path' && s.selected !== null && s.pathTo !== null;

export function mountPathPanel(ctx: AppContext): Disposable {
  const root = document.getElementById('path');
  if (!root) throw new Error('mountPathPanel: #path is missing from index.html');
  root.setAttribute('aria-labelledby', 'path-title');
  const { graph, store } = ctx;
  const title = (key: string): string => (graph.hasNode(key) ? graph.getNodeAttribute(key, 'title') : key);
  let asked = '';

  /**
   * A note of the path: a button that brings it into view (selecting it
   * would end the path); pointing at it marks it on the map.
   */
  const noteButton = (key: string): HTMLButtonElement => {
    const button = el('button', { type: 'button', class: 'node-link', 'data-key': key, title: 'Show on the map' }, title(key));
    button.addEventListener('click', () => ctx.map.focusNode(key));
    button.addEventListener('pointerenter', () => ctx.map.highlight(key));
    button.addEventListener('pointerleave', () => ctx.map.highlight(null));
    return button;
  };

  /** Clear the path; its panel gives way to the first note's summary. */
  const clearPath = (): void => {
    ctx.map.highlight(null); // a note pointed at in the panel goes with it
    const s = store.get();
    store.set({ ...NO_PATH, ...(s.panel === 'path' ? { panel: s.selected === null ? null : 'summary' } : {}) }, { history: 'push' });
  };

  const header = (): HTMLElement => {
    const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close the path', title: 'Close (Esc)' }, '×');
    close.addEventListener('click', clearPath);
    return el('header', { class: 'summary-header' }, el('h2', { id: 'path-title' }, 'Path'), close);
  };

  const controls = (view: PathView): HTMLElement => {
    const directed = el('input', { id: 'path-directed', type: 'checkbox', name: 'pathDirected' });
    directed.checked = view.directed;
    directed.addEventListener('change', () => store.set({ pathDirected: directed.checked }));
    const swap = el('button', { type: 'button', class: 'action', id: 'path-swap', title: 'The path the other way' }, 'Swap ⇄');
    swap.addEventListener('click', () => store.set({ selected: view.to, pathTo: view.from }, { history: 'push' }));
    const other = el('button', { type: 'button', class: 'action', id: 'path-other' }, 'Another note…');
    other.addEventListener('click', () => pickPathTarget(ctx, view.from));
    return el('div', { class: 'path-controls' },
      el('dl', { class: 'path-ends' }, el('dt', {}, 'From'), el('dd', {}, noteButton(view.from)), el('dt', {}, 'To'), el('dd', {}, noteButton(view.to))),
      el('p', { class: 'filter-row' }, directed, ' ', el('label', { for: 'path-directed' }, 'Only in the links’ direction')),
      el('p', { class: 'summary-actions' }, swap, ' ', other));
  };

  /** The route: each note once, and between two notes the link that joins them (its arrow, its sentence). */
  const route = (view: PathView): HTMLElement => {
    const list = el('ol', { class: 'path-route', 'aria-label': 'The path, note by note' });
    const stop = (key: string) => el('li', { class: 'path-stop', 'data-key': key }, noteButton(key));
    list.append(stop(view.from));
    for (const hop of view.path.hops) {
      const { arrow, words } = hopArrow(hop);
      const edge = graph.hasEdge(hop.edge) ? graph.getEdgeAttributes(hop.edge) : null;
      const item = el('li', { class: `path-hop path-${hop.direction}`, title: `${title(hop.from)} ${words} ${title(hop.to)}` },
        el('span', { class: 'path-arrow', 'aria-hidden': 'true' }, arrow), ' ', el('span', { class: 'path-link-words' }, words));
      if (edge?.context) item.append(el('p', { class: 'link-context' }, edge.context));
      list.append(item, stop(hop.to));
    }
    return list;
  };

  /** With no path: each end's part, and a way back to links either way when only the direction stood in the way. */
  const noPath = (view: PathView): HTMLElement[] => {
    const out: HTMLElement[] = [el('ul', { class: 'path-parts' }, ...partLines(view, title).map((line) => el('li', {}, line)))];
    if (view.directed && view.eitherWayHops !== null) {
      const either = el('button', { type: 'button', class: 'action', id: 'path-either' }, 'Follow links either way');
      either.addEventListener('click', () => store.set({ pathDirected: false }));
      out.push(el('p', { class: 'summary-actions' }, either));
    }
    return out;
  };

  /** Link sentences may still be on their way (details.ts): they travel with each link's source. */
  const fetchContexts = (view: PathView): void => {
    const details = ctx.details;
    if (!details) return;
    const sources = [...new Set(view.path.hops.map((h) => (h.direction === 'forward' ? h.from : h.to)))].filter((k) => !details.ready(k));
    const key = `${view.from}\0${view.to}\0${view.directed}`;
    if (sources.length === 0 || asked === key) return;
    asked = key; // once per path: a failed fetch is not retried in a loop
    void Promise.all(sources.map((k) => details.forNode(k))).then(() => {
      if (root.isConnected && shown(store.get())) render(store.get());
    });
  };

  const render = (state: ViewState): void => {
    const view = shown(state) ? pathViewOf(graph, state) : null;
    clear(root);
    root.hidden = view === null;
    syncPanelContainer();
    if (view === null) return;
    const found = view.path.nodes.length > 0;
    const visible = computeVisible(graph, state).nodes;
    const marked = found ? view.path.nodes : [view.from, view.to];
    const hidden = hiddenLine(marked.filter((k) => !visible.has(k)).length, found);
    root.append(header(), controls(view), el('p', { class: 'path-headline', role: 'status' }, pathHeadline(view, title)));
    if (hidden) root.append(el('p', { class: 'path-hidden' }, hidden));
    if (found) root.append(route(view));
    else root.append(...noPath(view));
    fetchContexts(view);
  };

  /** Bring the path (or, with none, both notes' parts) into view. */
  const frame = (state: ViewState): void => {
    const view = shown(state) ? pathViewOf(graph, state) : null;
    if (view === null) return;
    ctx.map.frame?.(view.path.nodes.length > 0 ? view.path.nodes : [...view.parts!.from, ...view.parts!.to]);
  };

  render(store.get());
  // Opened from a URL: frame the path after main.ts has centred the selection, unless the URL says where the camera was.
  const openedAt = store.get().camera;
  const opening = requestAnimationFrame(() => requestAnimationFrame(() => openedAt === null && frame(store.get())));
  const unsubscribe = store.subscribe((state, previous) => {
    // Selecting another note (or none) leaves the path: it ran from the note selected before.
    if (state.pathTo !== null && state.pathTo === previous.pathTo && state.selected !== previous.selected) {
      store.set({ ...NO_PATH, ...(state.panel === 'path' ? { panel: state.selected === null ? null : 'summary' } : {}) }, { history: 'replace' });
      return;
    }
    const pathChanged = state.selected !== previous.selected || state.pathTo !== previous.pathTo || state.pathDirected !== previous.pathDirected;
    const panelChanged = state.panel !== previous.panel;
    const filtersChanged = VISIBILITY_FIELDS.some((f) => !sameValue(state[f], previous[f]));
    if (pathChanged || panelChanged || (shown(state) && filtersChanged)) render(state);
    if (pathChanged) frame(state);
  });

  const offGraph = onGraphChange(graph, () => {
    // A live change that deleted an end of the path ends the path (its panel would be empty).
    const gone = pathEndGone(graph, store.get());
    if (gone) store.set(gone, { history: 'replace' });
    else render(store.get());
  });

  // Escape clears the path (back to the first note's summary) before the map's Escape deselects it.
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || isTypingTarget(event.target)) return;
    if (store.get().pathTo === null) return;
    event.preventDefault();
    clearPath();
  };
  document.addEventListener('keydown', onKey, true);

  return disposeOnce(() => {
    cancelAnimationFrame(opening);
    unsubscribe();
    offGraph();
    document.removeEventListener('keydown', onKey, true);
    clear(root);
    root.hidden = true;
    syncPanelContainer();
  });
}
