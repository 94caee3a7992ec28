/**
 * The vault's color groups (Obsidian's graph view, `view.colorGroups`) as a
 * short list above the tag legend: each group's color, its query and how
 * many notes it colors, so the colors on the map can be read. Shown only
 * when the vault has groups. Queries reach the DOM as text (dom.ts).
 */
import { append, el, formatCount } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import type { AppContext, Disposable } from '../state/types.js';
import { compileQuery } from '../style/color-groups.js';

export function mountColorGroups(ctx: AppContext): Disposable {
  const groups = ctx.graph.getAttribute('view')?.colorGroups ?? [];
  const legend = document.getElementById('legend');
  if (groups.length === 0 || !legend) return disposeOnce(() => {});

  // A note counts for the first group it matches, as it takes that group's color.
  const counts = groups.map(() => 0);
  const tests = groups.map((g) => compileQuery(g.query));
  ctx.graph.forEachNode((_key, attrs) => {
    if (attrs.kind !== 'note') return;
    const i = tests.findIndex((t) => t(attrs));
    if (i >= 0) counts[i]++;
  });

  const list = el('ul', { class: 'legend-list', 'aria-label': 'Color groups from Obsidian' });
  groups.forEach((group, i) => {
    const swatch = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
    swatch.style.background = group.color;
    const notes = counts[i] === 1 ? 'note' : 'notes';
    append(
      list,
      el(
        'li',
        { class: 'legend-row', 'data-query': group.query, title: `${group.query}: ${formatCount(counts[i])} ${notes}` },
        el(
          'span',
          { class: 'legend-toggle' },
          swatch,
          el('span', { class: 'legend-tag' }, group.query),
          el('span', { class: 'legend-count' }, formatCount(counts[i])),
        ),
      ),
    );
  });
  const section = el('section', { id: 'color-groups', 'aria-labelledby': 'color-groups-title' }, el('h2', { id: 'color-groups-title' }, 'Color groups'), list);
  legend.before(section);
  return disposeOnce(() => section.remove());
}
