/**
 * The force controls, as Obsidian's graph view has them: center force,
 * repel force, link force and link distance sliders, "Run layout again"
 * (from where the nodes are now, in the browser's layout worker) and a reset
 * to the defaults. Values live in the store and the URL; moving a slider
 * runs the layout with the new forces, as Obsidian does.
 */
import { el } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import { FORCE_DEFAULTS, FORCE_FIELDS, FORCE_LIMITS, forceOptions, isDefaultForces, type ForceSettings } from '../../core/force-settings.js';
import type { LayoutClient } from '../layout/client.js';
import type { Disposable, Store, ViewState } from '../state/types.js';

type ForceField = keyof ForceSettings;

const LABELS: Record<ForceField, [string, string]> = {
  centerForce: ['Center force', 'How strongly every note is pulled toward the middle (keeps orphans near)'],
  repelForce: ['Repel force', 'How strongly notes push each other apart'],
  linkForce: ['Link force', 'How strongly a link pulls its two notes together'],
  linkDistance: ['Link distance', 'The length a link tends to'],
};

/** A slider moved this long ago without moving again runs the layout (a drag fires dozens of inputs). */
const SETTLE_MS = 150;

export interface ForcesOptions {
  store: Store;
  layout: LayoutClient;
  /** The map's frame (the renderer): it follows a run of the layout, then frames the result. */
  view?: { followLayout(on: boolean): void; fit(): void };
  root?: Document;
}

/** The forces of a view, as slider values. */
export function forcesOf(state: ViewState): ForceSettings {
  return { centerForce: state.centerForce, repelForce: state.repelForce, linkForce: state.linkForce, linkDistance: state.linkDistance };
}

function show(field: ForceField, v: number): string {
  return field === 'centerForce' || field === 'linkForce' ? v.toFixed(2) : String(Math.round(v));
}

export function mountForces({ store, layout, view, root = document }: ForcesOptions): Disposable {
  const sidebar = root.getElementById('sidebar');
  if (!sidebar) return disposeOnce(() => {});
  const syncs: Array<(s: ViewState) => void> = [];
  const rows = FORCE_FIELDS.map((field) => {
    const id = `force-${field}`;
    const { min, max, step } = FORCE_LIMITS[field];
    const input = el('input', { id, type: 'range', name: field, min, max, step });
    const output = el('output', { for: id, class: 'filter-value' });
    input.addEventListener('input', () => {
      const n = Number(input.value);
      if (Number.isFinite(n)) store.set({ [field]: Math.min(max, Math.max(min, Math.round(n * 100) / 100)) });
    });
    syncs.push((s) => {
      if (Number(input.value) !== s[field]) input.value = String(s[field]);
      output.textContent = show(field, s[field]);
    });
    const [text, title] = LABELS[field];
    return el('div', { class: 'filter-row force-row', title }, el('label', { for: id }, text), input, ' ', output);
  });
  // Stronger repulsion or longer links can spread the map past the frame: the frame follows the run
  // (as on a layout from scratch), and once the layout stops it is frozen and fitted again.
  let following: (() => void) | null = null;
  const runAgain = (): void => {
    layout.rerun();
    if (!view || following) return;
    view.followLayout(true);
    following = layout.onChange(() => {
      if (layout.running() || !following) return;
      following();
      following = null;
      view.followLayout(false);
      view.fit();
    });
  };
  const run = el('button', { type: 'button', id: 'forces-run', class: 'filter-reset', title: 'Let the layout move the notes again, from where they are now' }, 'Run layout again');
  const reset = el('button', { type: 'button', id: 'forces-reset', class: 'filter-reset' }, 'Reset forces');
  run.addEventListener('click', runAgain);
  reset.addEventListener('click', () => store.set({ ...FORCE_DEFAULTS }));
  syncs.push((s) => {
    reset.disabled = isDefaultForces(forcesOf(s));
  });
  const section = el(
    'section',
    { id: 'forces', 'aria-labelledby': 'forces-title' },
    el('h2', { id: 'forces-title' }, 'Forces'),
    ...rows,
    el('div', { class: 'force-actions' }, run, reset),
  );
  sidebar.append(section);

  layout.setForces(forceOptions(forcesOf(store.get())));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const sync = (state: ViewState): void => syncs.forEach((fn) => fn(state));
  sync(store.get());
  const unsubscribe = store.subscribe((state, previous) => {
    if (FORCE_FIELDS.every((f) => state[f] === previous[f])) return;
    sync(state);
    layout.setForces(forceOptions(forcesOf(state)));
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      runAgain();
    }, SETTLE_MS);
  });
  return disposeOnce(() => {
    unsubscribe();
    following?.();
    if (timer !== null) clearTimeout(timer);
    section.remove();
  });
}
