/**
 * "Pick a note with the search box": while a pick is asked for, the search
 * box says what for (its placeholder, a class for the look), and the note
 * chosen there answers the pick instead of being selected. Leaving the box
 * (Escape, a click elsewhere) cancels. search.ts asks `answerPick` first
 * when a result is chosen (its one-line hook).
 */

interface Pick {
  onPick(key: string): void;
  /** Called when the pick ends, answered or cancelled. */
  onEnd?: () => void;
  placeholder: string;
  cancel(): void;
}

const picks = new WeakMap<HTMLInputElement, Pick>();

/** The class on the search box while a pick is asked for. */
export const PICKING_CLASS = 'picking';

function end(input: HTMLInputElement): Pick | undefined {
  const pick = picks.get(input);
  if (!pick) return undefined;
  picks.delete(input);
  input.removeEventListener('blur', pick.cancel);
  input.placeholder = pick.placeholder;
  input.closest('[role="search"]')?.classList.remove(PICKING_CLASS);
  pick.onEnd?.();
  return pick;
}

/**
 * Ask for a note with `input`: focus it with `prompt` as its placeholder; the
 * next note chosen there goes to `onPick`; `onEnd` runs when the pick ends
 * either way. A pick already asked for is cancelled.
 */
export function askForNote(input: HTMLInputElement, prompt: string, onPick: (key: string) => void, onEnd?: () => void): void {
  end(input);
  const pick: Pick = { onPick, onEnd, placeholder: input.placeholder, cancel: () => void end(input) };
  picks.set(input, pick);
  input.placeholder = prompt;
  input.value = '';
  input.closest('[role="search"]')?.classList.add(PICKING_CLASS);
  input.addEventListener('blur', pick.cancel);
  input.focus();
}

/** True while a pick is asked for with `input`. */
export function isPicking(input: HTMLInputElement): boolean {
  return picks.has(input);
}

/** Give `key` to the pick asked for with `input`; false when none is (the search then selects as usual). */
export function answerPick(input: HTMLInputElement, key: string): boolean {
  const pick = end(input);
  if (!pick) return false;
  input.value = '';
  pick.onPick(key);
  return true;
}

/** Cancel the pick asked for with `input`, if any. */
export function cancelPick(input: HTMLInputElement): void {
  end(input);
}
