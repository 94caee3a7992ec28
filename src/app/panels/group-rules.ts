/**
 * The rule editor of the groups color mode: an ordered list of
 * "query -> color" rules (Obsidian's graph groups; the first rule a note
 * matches colors it) with a color picker, the query, move up/down and
 * remove per rule, "Add group", and "Use the vault's groups" once edited.
 * Starts from the vault's `.obsidian/graph.json` colorGroups; an edit makes
 * the view's own list (`groups` in the store and the URL).
 */
import type { ColorGroup } from '../../core/contract.js';
import { append, clear, el } from '../dom.js';
import type { AppContext, Disposable, ViewState } from '../state/types.js';
import { addRule, moveRule, removeRule, updateRule } from '../style/group-rules.js';
import { groupsInForce } from '../style/node-colors.js';

export interface GroupRulesEditor extends Disposable {
  element: HTMLElement;
  /** Show the rules of `state` (rebuilds rows only when they differ from what is shown). */
  sync(state: ViewState): void;
}

/** Typing waits this long before the map recolors. */
const TYPING_MS = 250;

export function mountGroupRules(ctx: AppContext): GroupRulesEditor {
  const { store, graph } = ctx;
  const vaultGroups = graph.getAttribute('view')?.colorGroups ?? [];
  const list = el('ol', { id: 'group-rules', class: 'group-rules', 'aria-label': 'Color groups, first match wins' });
  const add = el('button', { type: 'button', id: 'group-add', class: 'legend-more' }, '+ Add group');
  const useVault = el('button', { type: 'button', id: 'group-vault', class: 'legend-more' }, 'Use the vault’s groups');
  const empty = el('p', { class: 'filter-hint' }, 'No groups yet. A group colors the notes its query matches: ', el('code', {}, 'tag:#idea'), ', ', el('code', {}, 'path:journal'), ', ', el('code', {}, 'file:zoom'), ' or words of a title.');
  const element = el('div', { class: 'group-editor' }, empty, list, el('div', { class: 'group-actions' }, add, ' ', useVault));
  let shown = '';
  let typing: ReturnType<typeof setTimeout> | null = null;

  const current = (): ColorGroup[] => groupsInForce(graph, store.get());
  /** A change of the rules' order or number renumbers the legend keys: its filters start over. */
  const write = (groups: ColorGroup[], renumbered: boolean): void =>
    store.set(renumbered ? { groups, hiddenCategories: [], onlyCategories: [] } : { groups });

  const ruleRow = (rule: ColorGroup, i: number, count: number): HTMLLIElement => {
    const n = i + 1;
    const color = el('input', { type: 'color', class: 'group-color', value: rule.color, 'aria-label': `Color of group ${n}` });
    // A color picker dragged fires many inputs: recolor once it rests (each write recolors every note).
    const recolor = (): void => {
      if (current()[i]?.color !== color.value) write(updateRule(current(), i, { color: color.value }), false);
    };
    color.addEventListener('input', () => {
      if (typing !== null) clearTimeout(typing);
      typing = setTimeout(recolor, TYPING_MS);
    });
    color.addEventListener('change', recolor);
    const query = el('input', { type: 'text', class: 'group-query', value: rule.query, spellcheck: 'false', placeholder: 'tag:#idea, path:journal, words', 'aria-label': `Query of group ${n}` });
    const commit = (): void => {
      if (typing !== null) clearTimeout(typing);
      typing = null;
      if (current()[i]?.query !== query.value) write(updateRule(current(), i, { query: query.value }), false);
    };
    query.addEventListener('input', () => {
      if (typing !== null) clearTimeout(typing);
      typing = setTimeout(commit, TYPING_MS);
    });
    query.addEventListener('change', commit);
    const button = (label: string, text: string, cls: string, disabled: boolean, action: () => void): HTMLButtonElement => {
      const b = el('button', { type: 'button', class: `group-button ${cls}`, 'aria-label': label, title: label, disabled }, text);
      b.addEventListener('click', action);
      return b;
    };
    return el(
      'li',
      { class: 'group-rule', 'data-index': i },
      color,
      query,
      button(`Move group ${n} up`, '↑', 'group-up', i === 0, () => write(moveRule(current(), i, -1), true)),
      button(`Move group ${n} down`, '↓', 'group-down', i === count - 1, () => write(moveRule(current(), i, 1), true)),
      button(`Remove group ${n}`, '×', 'group-remove', false, () => write(removeRule(current(), i), true)),
    );
  };

  add.addEventListener('click', () => {
    write(addRule(current()), true);
    list.querySelector<HTMLInputElement>('li:last-child .group-query')?.focus();
  });
  useVault.addEventListener('click', () => store.set({ groups: null, hiddenCategories: [], onlyCategories: [] }));

  function sync(state: ViewState): void {
    const groups = groupsInForce(graph, state);
    useVault.hidden = state.groups === null || vaultGroups.length === 0;
    empty.hidden = groups.length > 0;
    const text = JSON.stringify(groups);
    if (text === shown) return;
    shown = text;
    const rows = list.querySelectorAll<HTMLLIElement>('li.group-rule');
    if (rows.length === groups.length) {
      // Same number of rules (an edit or a move): update in place, never under the caret.
      rows.forEach((row, i) => {
        const color = row.querySelector<HTMLInputElement>('.group-color')!;
        const query = row.querySelector<HTMLInputElement>('.group-query')!;
        if (color !== document.activeElement) color.value = groups[i].color;
        if (query !== document.activeElement) query.value = groups[i].query;
      });
      return;
    }
    // Keep the focus on the same control of the same rule across the rebuild.
    const active = document.activeElement as HTMLElement | null;
    const at = active && list.contains(active) ? { index: active.closest('li')?.dataset.index, cls: active.className } : null;
    clear(list);
    append(list, ...groups.map((g, i) => ruleRow(g, i, groups.length)));
    // The last rule removed: the focus goes to the rule now last (or to "Add group"), not back to the page.
    if (at) (list.querySelector<HTMLElement>(`li[data-index="${at.index}"] [class="${at.cls}"]`) ?? list.querySelector<HTMLElement>('li:last-child .group-remove') ?? add).focus();
  }

  return {
    element,
    sync,
    dispose() {
      if (typing !== null) clearTimeout(typing);
      typing = null;
    },
  };
}
