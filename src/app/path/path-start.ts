/**
 * Starting "path to…": the summary panel's button, which asks for the
 * second note with the search box (note-picker.ts) and then shows the path
 * from this note to it (ViewState.pathTo, the path panel).
 */
import { el } from '../dom.js';
import type { AppContext } from '../state/types.js';
import { askForNote } from './note-picker.js';

/** Ask for the note to find a path to from `from` (with the search box), then show that path; `onEnd` when the pick ends. */
export function pickPathTarget(ctx: AppContext, from: string, onEnd?: () => void): void {
  const input = document.getElementById('search') as HTMLInputElement | null;
  if (!input || !ctx.graph.hasNode(from)) return;
  const title = ctx.graph.getNodeAttribute(from, 'title');
  askForNote(input, `Path from “${title}” to… (type a note, Esc cancels)`, (to) => {
    // Back on the map, so that Escape clears the path rather than the search box.
    input.blur();
    if (to === from) return;
    ctx.store.set({ selected: from, pathTo: to, panel: 'path' }, { history: 'push' });
  }, onEnd);
}

/**
 * The summary panel's "Path to…" button for note `key`, and beside it, while
 * the search box waits for the second note, a line saying so (once the user
 * types, the box's placeholder is gone).
 */
export function pathToButton(ctx: AppContext, key: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'action path-to', 'aria-pressed': 'false', title: 'The shortest chain of links from this note to another one' }, 'Path to…');
  const status = el('p', { class: 'action-status path-to-status', role: 'status' });
  button.addEventListener('click', () => {
    button.setAttribute('aria-pressed', 'true');
    // Under the row of actions, so the other buttons stay where they were.
    button.parentElement?.after(status);
    status.textContent = 'Choose the other note in the search box (Esc cancels).';
    pickPathTarget(ctx, key, () => {
      button.setAttribute('aria-pressed', 'false');
      status.remove();
    });
  });
  return button;
}
