/**
 * The timeline's last resort for a note's date (issue 12.2): a note without
 * a frontmatter `created` (or `date`) is dated by its file's creation time,
 * where the file system records one, and marked `createdFromFile` so the map
 * says so. `updated` never falls back: a file's modification time says when
 * it was last saved (or synced), not when the note was last worked on.
 */
import { stat } from 'node:fs';
import path from 'node:path';
import type { ParsedNote } from './types.js';

/**
 * `YYYY-MM-DD` of a file's birth time, in the machine's time zone as a file
 * manager shows it; null when the file system has none (Node reports 0 there).
 */
export function fileCreatedDate(birthtimeMs: number): string | null {
  if (!Number.isFinite(birthtimeMs) || birthtimeMs <= 0) return null;
  const d = new Date(birthtimeMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The note dated by its file when its text gives no creation date; otherwise the note as it is. */
export function withFileCreated(note: ParsedNote, birthtimeMs: number): ParsedNote {
  if (note.created !== null) return note;
  const created = fileCreatedDate(birthtimeMs);
  return created === null ? note : { ...note, created, createdFromFile: true };
}

function birthtimeOf(file: string): Promise<number> {
  // A file gone since it was read keeps no date: 0 is "no birth time".
  return new Promise((resolve) => stat(file, (err, info) => resolve(err ? 0 : info.birthtimeMs)));
}

/**
 * Dates the undated notes of `notes` (in place, by index) from their files in
 * `vault`: only those notes are stat'ed, `concurrency` at a time.
 */
export async function addFileCreatedDates(notes: ParsedNote[], vault: string, concurrency = 64): Promise<void> {
  const undated: number[] = [];
  notes.forEach((note, i) => {
    if (note.created === null) undated.push(i);
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < undated.length) {
      const i = undated[next++];
      notes[i] = withFileCreated(notes[i], await birthtimeOf(path.join(vault, notes[i].path)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, undated.length) }, worker));
}
