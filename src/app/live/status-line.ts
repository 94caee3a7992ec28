/**
 * The live status line at the bottom of the map: "updated 3 notes in 0.2 s"
 * for a moment, a notice (a selected note was deleted) a little longer, an
 * error (a note that cannot be read) until the next good update, so the map
 * is never stale without saying so. Text only (textContent).
 */
import './live.css';

export interface StatusLine {
  show(text: string, kind: 'info' | 'notice' | 'error'): void;
  dispose(): void;
}

/** "updated 3 notes in 0.2 s" (the terminal says the same, src/serve/live-session.ts). */
export function updatedText(notes: number, seconds: number): string {
  return `updated ${notes} note${notes === 1 ? '' : 's'} in ${seconds < 0.1 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

export function mountStatusLine(parent: HTMLElement = document.body): StatusLine {
  const node = document.createElement('div');
  node.id = 'live-status';
  node.setAttribute('role', 'status');
  node.setAttribute('aria-live', 'polite');
  node.hidden = true;
  parent.append(node);
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    show(text, kind) {
      if (timer) clearTimeout(timer);
      node.textContent = text;
      node.dataset.kind = kind;
      node.hidden = false;
      if (kind !== 'error') timer = setTimeout(() => (node.hidden = true), kind === 'notice' ? 8000 : 4000);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      node.remove();
    },
  };
}
