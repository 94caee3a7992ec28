/**
 * The timeline bar under the map (#timeline, opened by #btn-timeline): a
 * histogram of notes per month, a two-handle range that shows only the notes
 * dated in it (a link shows when both ends do), the undated notes as a toggle
 * of their own, which date it reads (created or updated), and a play button
 * that grows the vault month by month at a chosen speed. Everything it sets
 * lives in the store, so the range is in the URL.
 */
import { clear, el, formatCount } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import type { AppContext, Disposable, TimeField, ViewState } from '../state/types.js';
import { graphRevision } from '../state/graph-revision.js';
import { sameValue } from '../state/store.js';
import { computeVisible, computeVisibleUncached, timeFilterActive, VISIBILITY_FIELDS } from '../state/visibility.js';
import { monthLabel, timelineModel, type TimelineModel } from './timeline-model.js';

/** The fields of the other filters: the bars count the notes they leave. */
const OTHER_FILTERS = VISIBILITY_FIELDS.filter((f) => f !== 'timeFrom' && f !== 'timeTo' && f !== 'showUndated');

/** True when a filter other than the bar's own differs (the selection counts only in a local view). */
function othersChanged(a: ViewState, b: ViewState): boolean {
  return OTHER_FILTERS.some((f) => (f === 'selected' && a.localDepth === 0 && b.localDepth === 0 ? false : !sameValue(a[f], b[f])));
}

/** Play speeds, in months per second. */
export const PLAY_SPEEDS = [1, 3, 12] as const;

export function mountTimeline(ctx: AppContext): Disposable {
  const bar = document.getElementById('timeline');
  const toggle = document.getElementById('btn-timeline');
  if (!bar || !toggle) throw new Error('mountTimeline: #timeline or #btn-timeline is missing from index.html');
  const { store } = ctx;

  const fieldSelect = el('select', { id: 'timeline-field', 'aria-label': 'Date the timeline reads' },
    el('option', { value: 'created' }, 'Created'),
    el('option', { value: 'updated' }, 'Updated'));
  const play = el('button', { id: 'timeline-play', type: 'button', class: 'timeline-play' });
  const speed = el('select', { id: 'timeline-speed', 'aria-label': 'Play speed' },
    ...PLAY_SPEEDS.map((s) => el('option', { value: s, selected: s === 3 }, s === 12 ? '1 year/s' : `${s} month${s === 1 ? '' : 's'}/s`)));
  const rangeText = el('span', { id: 'timeline-range', 'aria-live': 'polite' });
  // Says how many dates are guesses from the files (no frontmatter date): a cloned or synced vault's files are all "created" the day they were copied.
  const fileDates = el('span', {
    id: 'timeline-file-dates', class: 'timeline-file-dates',
    title: 'These notes have no created or date in their frontmatter: the file system’s creation time stands in for it',
  });
  const undated = el('input', { id: 'timeline-undated', type: 'checkbox' });
  const undatedLabel = el('label', { class: 'timeline-undated' }, undated, el('span', {}));
  const reset = el('button', { id: 'timeline-reset', type: 'button', title: 'Show every date again' }, 'All dates');
  const close = el('button', { id: 'timeline-close', type: 'button', 'aria-label': 'Close the timeline', title: 'Close' }, '×');
  const histogram = el('div', { class: 'timeline-hist', 'aria-hidden': 'true' });
  const from = el('input', { id: 'timeline-from', type: 'range', 'aria-label': 'First month shown' });
  const to = el('input', { id: 'timeline-to', type: 'range', 'aria-label': 'Last month shown' });
  const ends = el('div', { class: 'timeline-ends' }, el('span', {}), el('span', {}));
  const empty = el('p', { class: 'timeline-empty' });
  clear(bar);
  bar.append(
    el('div', { class: 'timeline-head' }, play, speed, rangeText, fileDates, el('span', { class: 'timeline-spacer' }), undatedLabel, fieldSelect, reset, close),
    histogram,
    el('div', { class: 'timeline-sliders' }, from, to),
    ends,
    empty,
  );

  /** The notes the other filters leave: the visible set as if the bar set no range. */
  const othersShown = (state: ViewState): Set<string> =>
    computeVisibleUncached(ctx.graph, { ...state, timeFrom: null, timeTo: null, showUndated: true }).nodes;
  // Counted when the bar first shows: a closed bar reads nothing of it (at 100,000 notes that is ~0.1 s the opening map skips).
  let model: TimelineModel = { first: null, last: null, counts: [], max: 0, dated: 0, undated: 0, fromFile: 0 };
  /** The view and graph size the model was counted for (never yet: no revision is -1). */
  let modelState: ViewState = store.get();
  let modelRevision = -1;
  let timer: ReturnType<typeof setInterval> | null = null;
  /** The month a pause left the range's end at: play resumes there; any other range plays from its start. */
  let pausedAt: number | null = null;

  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    pausedAt = null;
  };

  /** The range in force, clamped to the vault's months. */
  const range = (state: ViewState): [number, number] => {
    const first = model.first ?? 0;
    const last = model.last ?? 0;
    const lo = Math.min(Math.max(state.timeFrom ?? first, first), last);
    const hi = Math.max(Math.min(state.timeTo ?? last, last), lo);
    return [lo, hi];
  };

  const drawHistogram = (): void => {
    clear(histogram);
    model.counts.forEach((count, i) => {
      const bar = el('span', { class: 'timeline-bin', 'data-month': (model.first ?? 0) + i, title: `${monthLabel((model.first ?? 0) + i)}: ${formatCount(count)} note${count === 1 ? '' : 's'}` });
      bar.style.height = `${count === 0 ? 0 : Math.max(8, (100 * count) / model.max)}%`;
      histogram.append(bar);
    });
  };

  const render = (): void => {
    const state = store.get();
    // A range (from a shared link, say) opens the bar: nothing is hidden without the control that hides it.
    const open = state.timeline || timeFilterActive(state);
    // Counted again only while the bar shows, when the date field, a note or another filter changed.
    if (open && (graphRevision(ctx.graph) !== modelRevision || othersChanged(state, modelState))) {
      model = timelineModel(ctx.graph, state.timeField, othersShown(state));
      modelState = state;
      modelRevision = graphRevision(ctx.graph);
      drawHistogram();
    }
    bar.hidden = !open;
    toggle.setAttribute('aria-pressed', String(open));
    document.body.classList.toggle('has-timeline', open);
    fieldSelect.value = state.timeField;
    undated.checked = state.showUndated;
    (undatedLabel.lastChild as HTMLElement).textContent = `Notes without a date (${formatCount(model.undated)})`;
    fileDates.hidden = model.fromFile === 0;
    fileDates.textContent = model.fromFile === 0 ? '' : `${formatCount(model.fromFile)} dated by file creation time`;
    play.textContent = timer !== null ? '⏸' : '▶';
    play.setAttribute('aria-label', timer !== null ? 'Pause' : 'Play: grow the vault month by month');
    reset.hidden = !timeFilterActive(state);
    const noDates = model.first === null;
    empty.hidden = !noDates;
    empty.textContent = noDates ? `No note has a readable ${state.timeField} date.` : '';
    for (const control of [from, to, play, speed]) (control as HTMLInputElement).disabled = noDates;
    if (noDates) {
      rangeText.textContent = '';
      return;
    }
    const [lo, hi] = range(state);
    for (const input of [from, to]) {
      input.min = String(model.first);
      input.max = String(model.last);
    }
    from.value = String(lo);
    to.value = String(hi);
    histogram.querySelectorAll<HTMLElement>('.timeline-bin').forEach((bin) => {
      const month = Number(bin.dataset.month);
      bin.classList.toggle('in-range', month >= lo && month <= hi);
    });
    let inRange = 0;
    for (let m = lo; m <= hi; m++) inRange += model.counts[m - model.first!];
    rangeText.textContent = `${monthLabel(lo)} – ${monthLabel(hi)} · ${formatCount(inRange)} of ${formatCount(model.dated)} dated notes`;
    const [start, end] = ends.children;
    start.textContent = monthLabel(model.first!);
    end.textContent = monthLabel(model.last!);
  };

  /** A range the user set; both ends at the vault's ends means "no range". */
  const setRange = (lo: number, hi: number): void => {
    const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
    store.set({ timeFrom: a <= model.first! ? null : a, timeTo: b >= model.last! ? null : b });
  };

  const onFrom = (): void => {
    stop();
    setRange(Number(from.value), Math.max(Number(from.value), range(store.get())[1]));
  };
  const onTo = (): void => {
    stop();
    setRange(Math.min(Number(to.value), range(store.get())[0]), Number(to.value));
  };

  const onPlay = (): void => {
    if (timer !== null) {
      stop();
      pausedAt = store.get().timeTo;
      render();
      return;
    }
    if (model.first === null) return;
    const state = store.get();
    // From the start of the range (the vault's first note by default), growing to the vault's last month;
    // after a pause, from where it stopped.
    const start = state.timeFrom ?? model.first;
    let month = pausedAt !== null && state.timeTo === pausedAt ? pausedAt : start;
    pausedAt = null;
    store.set({ timeFrom: state.timeFrom, timeTo: month });
    timer = setInterval(() => {
      month++;
      if (month >= model.last!) {
        stop();
        store.set({ timeTo: null });
        return;
      }
      store.set({ timeTo: month });
    }, 1000 / Number(speed.value));
    render();
  };

  const listeners: Array<[EventTarget, string, EventListener]> = [
    [toggle, 'click', () => {
      const state = store.get();
      stop();
      if (state.timeline || timeFilterActive(state)) store.set({ timeline: false, timeFrom: null, timeTo: null, showUndated: true });
      else {
        store.set({ timeline: true });
        // The bar covers the bottom of the map: bring what it hid above it (no move when nothing was hidden).
        requestAnimationFrame(() => ctx.map.frameNodes(computeVisible(ctx.graph, store.get()).nodes));
      }
    }],
    [close, 'click', () => {
      // Closing the bar shows every note again: no filter stays without its control.
      stop();
      store.set({ timeline: false, timeFrom: null, timeTo: null, showUndated: true });
    }],
    [reset, 'click', () => {
      stop();
      store.set({ timeFrom: null, timeTo: null, showUndated: true });
    }],
    [fieldSelect, 'change', () => store.set({ timeField: fieldSelect.value as TimeField, timeFrom: null, timeTo: null })],
    [undated, 'change', () => store.set({ showUndated: undated.checked })],
    [from, 'input', onFrom],
    [to, 'input', onTo],
    [play, 'click', onPlay],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
  drawHistogram();
  render();
  const unsubscribe = store.subscribe(render);

  return disposeOnce(() => {
    stop();
    unsubscribe();
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
    document.body.classList.remove('has-timeline');
    clear(bar);
    bar.hidden = true;
  });
}
