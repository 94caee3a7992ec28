/**
 * A note's date as the timeline reads it, from the text the build keeps
 * (`created`, `updated`: the frontmatter value as written, never shifted by a
 * time zone). Shared by the build (which warns once about a date it cannot
 * read) and the map (which buckets notes by month). Pure.
 */

export interface NoteDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31, or 1 when only a year or a month is written. */
  day: number;
}

/** `2021`, `2021-04`, `2021-04-02`, with `/` or `.` too, and anything after the day (a time, a zone). */
const NUMERIC = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/;
/** `20210402` (as some daily-note plugins write it). */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** `April 2, 2021`, `2 Apr 2021`, `Apr 2021`: a month name and a four-digit year. */
const NAMED = /^(?:(\d{1,2})\s+)?([a-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(year: number, month: number, day: number): NoteDate | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day };
}

/** The date written in `text`, or null when there is none or it is not a real date. */
export function parseNoteDate(text: string | null | undefined): NoteDate | null {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  if (t === '') return null;
  let m = NUMERIC.exec(t);
  if (m) return valid(Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1);
  m = COMPACT.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NAMED.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    if (month === 0 || !MONTHS.some((name) => m![2].toLowerCase().startsWith(name))) return null;
    const day = Number(m[1] ?? m[3] ?? 1);
    return valid(Number(m[4]), month, day);
  }
  return null;
}

/** Months since year 0 (`year * 12 + month - 1`): consecutive months are consecutive numbers. */
export function monthIndex(date: NoteDate): number {
  return date.year * 12 + date.month - 1;
}

/** The month index of `text`, or null. */
export function noteMonth(text: string | null | undefined): number | null {
  const date = parseNoteDate(text);
  return date === null ? null : monthIndex(date);
}

/** `2021-04` for a month index. */
export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month index of `2021-04` (or any date parseNoteDate reads), or null. */
export function parseMonth(text: string): number | null {
  return noteMonth(text);
}
