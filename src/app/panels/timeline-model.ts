/**
 * What the timeline bar draws: notes per month for the chosen date, from
 * the first dated note to the last, and how many notes have no date. Pure.
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

/** Notes whose `created` is their file's creation time; `updated` never is. */
function countFromFile(graph: MapGraph, field: TimeField): number {
  if (field !== 'created') return 0;
  let n = 0;
  graph.forEachNode((_key, attrs) => {
    if (attrs.kind === 'note' && attrs.createdFromFile) n++;
  });
  return n;
}

export function timelineModel(graph: MapGraph, field: TimeField): TimelineModel {
  const months = noteMonths(graph, field);
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  for (const month of months.values()) {
    if (month === null) {
      undated++;
      continue;
    }
    if (month < first) first = month;
    if (month > last) last = month;
  }
  if (first === Infinity) return { first: null, last: null, counts: [], max: 0, dated: 0, undated, fromFile: 0 };
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const month of months.values()) if (month !== null) counts[month - first]++;
  return { first, last, counts, max: Math.max(...counts), dated: months.size - undated, undated, fromFile: countFromFile(graph, field) };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Apr 2021` for a month index. */
export function monthLabel(index: number): string {
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}
