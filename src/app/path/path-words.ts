/**
 * The path panel's sentences, as pure functions of a PathView and titles,
 * so the wording is tested without a DOM.
 */
import type { PathHop } from '../state/path-between.js';
import type { PathView } from './path-view.js';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The headline: how long the path is, or that there is none. */
export function pathHeadline(view: PathView, title: (key: string) => string): string {
  const [a, b] = [title(view.from), title(view.to)];
  if (view.path.nodes.length > 0) {
    const way = view.directed ? ', following each link in its direction' : '';
    return `${plural(view.path.hops.length, 'link', 'links')} from “${a}” to “${b}”${way}.`;
  }
  if (view.directed && view.eitherWayHops !== null) {
    return `No path from “${a}” to “${b}” in the links' direction. Following links either way, they are ${plural(view.eitherWayHops, 'link', 'links')} apart.`;
  }
  return `No path between “${a}” and “${b}”: no chain of links joins them.`;
}

/** One line per end with no path: the size of the part of the map it is in. */
export function partLines(view: PathView, title: (key: string) => string): string[] {
  if (!view.parts) return [];
  const line = (key: string, size: number): string =>
    size === 1 ? `“${title(key)}” links to no other note, and no note links to it.` : `“${title(key)}” is in a part of ${plural(size, 'note', 'notes')}.`;
  if (view.parts.from === view.parts.to) return [`Both are in the same part of ${plural(view.parts.from.size, 'note', 'notes')}.`];
  return [line(view.from, view.parts.from.size), line(view.to, view.parts.to.size)];
}

/**
 * A hop's arrow and words, read between the note above and the note below in
 * the route: `↓ links to` when the note above links the one below, `↑ is
 * linked from` when the one below links it.
 */
export function hopArrow(hop: PathHop): { arrow: string; words: string } {
  return hop.direction === 'forward' ? { arrow: '↓', words: 'links to' } : { arrow: '↑', words: 'is linked from' };
}

/** "2 notes of this path are hidden by the filters." (null when none is); with no path, of the two notes. */
export function hiddenLine(hidden: number, found: boolean): string | null {
  if (hidden === 0) return null;
  if (!found) return `${hidden === 1 ? 'One of the two notes is' : 'Both notes are'} hidden by the filters.`;
  return `${plural(hidden, 'note', 'notes')} of this path ${hidden === 1 ? 'is' : 'are'} hidden by the filters.`;
}
