/**
 * Starting "path to…": the summary panel's button, which asks for the
 * second note with the search box (note-picker.ts) and then shows the path
 * from this note to it (ViewState.pathTo, the path panel).
 */
import { el } from '../dom.js';
import type { AppContext } from '../state/types.js';
import { askForNote } from './note-picker.js';

/** Ask for the note to find a path to from `from` (with the search box), then show that path. */
export function pickPathTarget(ctx: AppContext, from: string): void {
  const input = document.getElementById('search') as HTMLInputElement | null;
  if (!input || !ctx.graph.hasNode(from)) return;
  const title = ctx.graph.getNodeAttribute(from, 'title');
  askForNote(input, `Path from “${title}” to… (type a note, Esc cancels)`, (to) => {
    // Back on the map, so that Escape clears the path rather than the search box.
    input.blur();
    if (to === from) return;
    ctx.store.set({ selected: from, pathTo: to, panel: 'path' }, { history: 'push' });
  });
}

/** The summary panel's "Path to…" button for note `key`. */
export function pathToButton(ctx: AppContext, key: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'action path-to', title: 'The shortest chain of links from this note to another one' }, 'Path to…');
  button.addEventListener('click', () => pickPathTarget(ctx, key));
  return button;
}
