/**
 * The color groups in force (the vault's Obsidian graph groups, or the
 * view's own once edited in the groups mode) as a short list above the tag
 * legend: in tag mode the groups color first and tags after, so the list
 * says which colors are the groups'. Each group's color, query and how many
 * notes it colors. Shown in tag mode when there are groups (the groups mode
 * has its own editor). Queries reach the DOM as text (dom.ts).
 */
import { append, clear, el, formatCount } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';
import { compileQuery } from '../style/color-groups.js';
import { groupsInForce } from '../style/node-colors.js';

export function mountColorGroups(ctx: AppContext): Disposable {
  const legend = document.getElementById('legend');
  if (!legend) return disposeOnce(() => {});
  const { store, graph } = ctx;
  const list = el('ul', { class: 'legend-list', 'aria-label': 'Color groups' });
  const section = el('section', { id: 'color-groups', 'aria-labelledby': 'color-groups-title' }, el('h2', { id: 'color-groups-title' }, 'Color groups'), list);
  legend.before(section);

  const render = (state: ViewState): void => {
    const groups = groupsInForce(graph, state);
    section.hidden = groups.length === 0 || state.colorBy !== 'tag';
    if (section.hidden) return;
    // A note counts for the first group it matches, as it takes that group's color.
    const counts = groups.map(() => 0);
    const tests = groups.map((g) => compileQuery(g.query));
    graph.forEachNode((_key, attrs) => {
      if (attrs.kind !== 'note') return;
      const i = tests.findIndex((t) => t(attrs));
      if (i >= 0) counts[i]++;
    });
    clear(list);
    groups.forEach((group, i) => {
      const swatch = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
      swatch.style.background = group.color;
      const notes = counts[i] === 1 ? 'note' : 'notes';
      append(
        list,
        el(
          'li',
          { class: 'legend-row', 'data-query': group.query, title: `${group.query}: ${formatCount(counts[i])} ${notes}` },
          el('span', { class: 'legend-toggle' }, swatch, el('span', { class: 'legend-tag' }, group.query), el('span', { class: 'legend-count' }, formatCount(counts[i]))),
        ),
      );
    });
  };
  render(store.get());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.groups !== previous.groups || state.colorBy !== previous.colorBy) render(state);
  });
  return disposeOnce(() => {
    unsubscribe();
    section.remove();
  });
}
