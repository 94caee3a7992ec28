/**
 * Type-ahead search (#search, #search-results) over note titles, aliases,
 * tags and file names with MiniSearch (prefix + fuzzy). Keyboard first: `/`
 * focuses it, ArrowUp/Down move, Enter selects and centres the note, Escape
 * closes. ARIA 1.2 combobox: the input keeps focus and points at the active
 * option with aria-activedescendant.
 */
import MiniSearch from 'minisearch';
import { clear, el, isTypingTarget } from '../dom.js';
import type { AppContext, Disposable } from '../state/types.js';
import { selectNode } from './navigate.js';
import { searchTerms, titleMatchRank } from './search-terms.js';
import { disposeOnce } from '../disposable.js';
import { answerPick } from '../path/note-picker.js';
import { indexInSlices } from './search-slices.js';
import { hidingFilters } from '../state/hidden-by.js';

/** At most this many results are listed. */
export const MAX_RESULTS = 12;

interface SearchDoc {
  id: string;
  title: string;
  aliases: string;
  tags: string;
  file: string;
}

/** An empty index with the map's search options. */
export function createSearchIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: ['title', 'aliases', 'tags', 'file'],
    // Every word is a term, and `C++`, `C#`, `.NET` are terms with their symbols (search-terms.ts).
    tokenize: searchTerms,
    searchOptions: {
      prefix: true,
      // Short terms are prefixes being typed: fuzzy matching them only adds noise (and time).
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      boost: { title: 3, aliases: 2, tags: 1, file: 0.5 },
      combineWith: 'AND',
    },
  });
}

/** One document per note of the graph (dangling targets and files are not notes). */
export function searchDocs(ctx: AppContext): SearchDoc[] {
  const docs: SearchDoc[] = [];
  ctx.graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'note') return;
    const base = attrs.path.split('/').pop() ?? attrs.path;
    docs.push({
      id: key,
      title: attrs.title,
      aliases: attrs.aliases.join(' '),
      // Nested tags are searchable by each level: `security/e2ee` -> `security e2ee`.
      tags: attrs.tags.join(' '),
      file: base.replace(/\.[^.]+$/, ''),
    });
  });
  return docs;
}

/** Build the index over the graph's notes at once. */
export function buildSearchIndex(ctx: AppContext): MiniSearch<SearchDoc> {
  const index = createSearchIndex();
  index.addAll(searchDocs(ctx));
  return index;
}

/**
 * The notes matching `query`, best first: the exact title, then titles that
 * start with it, then titles with a word that does, then MiniSearch's order.
 */
export function searchNotes(index: MiniSearch<SearchDoc>, ctx: AppContext, query: string): ReturnType<MiniSearch<SearchDoc>['search']> {
  const found = index.search(query);
  const rank = new Map(found.map((r) => [r.id, titleMatchRank(ctx.graph.getNodeAttribute(String(r.id), 'title'), query)]));
  // Array.prototype.sort is stable: within a rank, MiniSearch's score order stays.
  return found.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
}

/**
 * The alias that matched the query, shown under the title (so the user sees
 * why "beyondcorp" found "zero trust networking"), else null.
 */
function matchedAlias(ctx: AppContext, key: string, match: Record<string, string[]>): string | null {
  if (!Object.values(match).flat().includes('aliases')) return null;
  const attrs = ctx.graph.getNodeAttributes(key);
  if (attrs.kind !== 'note') return null;
  const terms = Object.keys(match);
  return attrs.aliases.find((alias) => terms.some((t) => alias.toLowerCase().includes(t))) ?? attrs.aliases[0] ?? null;
}

/**
 * "hidden by the filters" beside a result the map does not show (a text
 * filter, the timeline, the legend), so choosing it is not a surprise;
 * orphans and drafts are left out: choosing one switches them on.
 */
function hiddenChip(ctx: AppContext, key: string): HTMLElement | null {
  const hiding = hidingFilters(ctx.graph, ctx.store.get(), key).filter((h) => !('showOrphans' in h.patch) && !('showDrafts' in h.patch));
  return hiding.length === 0 ? null : el('span', { class: 'search-hidden', title: `Hidden on the map by ${hiding.map((h) => h.label).join(', ')}` }, 'hidden by the filters');
}

/** Mount the search box; returns a Disposable removing every listener. */
export function mountSearch(ctx: AppContext): Disposable {
  const input = document.getElementById('search') as HTMLInputElement | null;
  const listbox = document.getElementById('search-results') as HTMLUListElement | null;
  if (!input || !listbox) throw new Error('mountSearch: #search or #search-results is missing from index.html');

  // Indexing 10k notes takes ~0.3 s, 100k ~1.7 s: done in slices while the browser is idle after the
  // first paint (search-slices.ts), or at once at the first keystroke if that comes sooner.
  const sliced = indexInSlices(createSearchIndex, () => searchDocs(ctx));
  const getIndex = (): MiniSearch<SearchDoc> => sliced.get();
  let results: string[] = [];
  let active = -1;

  const optionId = (i: number): string => `search-option-${i}`;

  const close = (): void => {
    results = [];
    active = -1;
    clear(listbox);
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const setActive = (i: number): void => {
    active = i;
    listbox.querySelectorAll('[role="option"]').forEach((option, n) => {
      option.setAttribute('aria-selected', String(n === i));
      option.classList.toggle('active', n === i);
    });
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', optionId(i));
      document.getElementById(optionId(i))?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const choose = (i: number): void => {
    const key = results[i];
    if (key === undefined) return;
    input.value = ctx.graph.getNodeAttribute(key, 'title');
    close();
    if (answerPick(input, key)) return; // "Path to…" asked for a note (src/app/path/note-picker.ts)
    selectNode(ctx, key);
  };

  const renderResults = (): void => {
    const query = input.value.trim();
    if (!query) return close();
    const found = searchNotes(getIndex(), ctx, query).slice(0, MAX_RESULTS);
    results = found.map((r) => String(r.id));
    const aliasOf = new Map(found.map((r) => [String(r.id), matchedAlias(ctx, String(r.id), r.match)]));
    clear(listbox);
    if (results.length === 0) {
      listbox.append(el('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, 'No note matches'));
    }
    results.forEach((key, i) => {
      const attrs = ctx.graph.getNodeAttributes(key);
      if (attrs.kind !== 'note') return;
      const tags = el('span', { class: 'search-tags' }, ...attrs.tags.slice(0, 4).map((t) => el('span', { class: 'chip' }, `#${t}`)));
      const option = el('li', { id: optionId(i), role: 'option', 'aria-selected': 'false', class: 'search-option', 'data-key': key },
        el('span', { class: 'search-title' }, attrs.title),
        hiddenChip(ctx, key),
        aliasOf.get(key) ? el('span', { class: 'search-path search-alias' }, `alias: ${aliasOf.get(key)}`) : null,
        el('span', { class: 'search-path' }, attrs.path),
        attrs.tags.length > 0 ? tags : null);
      // mousedown, not click: keep focus in the input so blur does not close the list first.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(i);
      });
      option.addEventListener('mousemove', () => {
        if (active !== i) setActive(i);
      });
      listbox.append(option);
    });
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(results.length > 0 ? 0 : -1);
  };

  const onKeydown = (event: KeyboardEvent): void => {
    // Keys typed here are text, never map shortcuts (`f` fit, `+`/`-` zoom, Escape deselect).
    event.stopPropagation();
    const open = !listbox.hidden && results.length > 0;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) renderResults();
        else setActive((active + 1) % results.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive(active <= 0 ? results.length - 1 : active - 1);
        break;
      case 'Enter':
        event.preventDefault();
        if (open) choose(active >= 0 ? active : 0);
        break;
      case 'Escape':
        if (!listbox.hidden) close();
        else if (input.value) input.value = '';
        else input.blur();
        break;
    }
  };

  const onGlobalKeydown = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  };

  const onBlur = (): void => close();

  input.addEventListener('input', renderResults);
  input.addEventListener('keydown', onKeydown);
  input.addEventListener('blur', onBlur);
  document.addEventListener('keydown', onGlobalKeydown);

  return disposeOnce(() => {
    input.removeEventListener('input', renderResults);
    input.removeEventListener('keydown', onKeydown);
    input.removeEventListener('blur', onBlur);
    document.removeEventListener('keydown', onGlobalKeydown);
    sliced.dispose();
    close();
  });
}
