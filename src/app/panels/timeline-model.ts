/**
 * What the timeline bar draws: notes per month for the chosen date, from
 * the first dated note to the last, and how many notes have no date. The
 * counts are of the notes the other filters show (a text filter, tags,
 * a local view), so the bars and the "n of m" agree with the map; the months
 * span the whole vault, so the axis holds still while those filters change.
 * Pure.
 */
import type { TimeField } from '../state/types.js';
import { noteMonths, type MapGraph } from '../state/visibility.js';

export interface TimelineModel {
  /** First and last month with a dated note (month indices), null when no note is dated. */
  first: number | null;
  last: number | null;
  /** counts[i]: notes dated in month first + i. */
  counts: number[];
  /** The largest month count (for the bars' heights). */
  max: number;
  dated: number;
  undated: number;
  /** Of the dated notes, those dated by their file's creation time (no frontmatter date): the bar says so. */
  fromFile: number;
}

/** Dated notes (of those counted) whose `created` is their file's creation time; `updated` never is. */
function countFromFile(graph: MapGraph, field: TimeField, counted: (key: string) => boolean): number {
  if (field !== 'created') return 0;
  let n = 0;
  graph.forEachNode((key, attrs) => {
    if (attrs.kind === 'note' && attrs.createdFromFile && counted(key)) n++;
  });
  return n;
}

/**
 * The bars for date `field`. `shown`: the notes the other filters leave (the
 * map's visible set without the time range), or null to count every note.
 */
export function timelineModel(graph: MapGraph, field: TimeField, shown: ReadonlySet<string> | null = null): TimelineModel {
  const months = noteMonths(graph, field);
  const counted = (key: string): boolean => shown === null || shown.has(key);
  let first = Infinity;
  let last = -Infinity;
  for (const month of months.values()) {
    if (month === null) continue;
    if (month < first) first = month;
    if (month > last) last = month;
  }
  let undated = 0;
  for (const [key, month] of months) if (month === null && counted(key)) undated++;
  if (first === Infinity) return { first: null, last: null, counts: [], max: 0, dated: 0, undated, fromFile: 0 };
  const counts = new Array<number>(last - first + 1).fill(0);
  let dated = 0;
  for (const [key, month] of months) {
    if (month === null || !counted(key)) continue;
    counts[month - first]++;
    dated++;
  }
  return { first, last, counts, max: Math.max(...counts), dated, undated, fromFile: countFromFile(graph, field, counted) };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Apr 2021` for a month index. */
export function monthLabel(index: number): string {
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}
