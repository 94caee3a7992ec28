/**
 * The mentions stage's second read of a note, synchronous. The parse read
 * every note moments before, so the bytes come from the page cache: the
 * cost is the calls, and the promise-per-file reads of read.ts cost several
 * times the synchronous open, read, close (measured on the 10,000-note bench
 * vault: 0.14 s of CPU against 0.025 s). The outcome is read.ts's readOne's:
 * the same text, and null where it keeps no text (unreadable now, not a
 * regular file, over its size limit).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeUtf8, FIRST_READ_BYTES, MAX_FILE_BYTES } from './read.js';

// O_NONBLOCK: a note replaced by a named pipe after the scan must not hang the build (as read.ts).
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Reused for every note under FIRST_READ_BYTES (the text is decoded out of it before the next read). */
const scratch = Buffer.allocUnsafe(FIRST_READ_BYTES);

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // As read.ts: a failed close loses nothing read.
  }
}

/** The text of the note at `absPath`, or null when the build keeps none for it now. */
export function readNoteSync(absPath: string, maxBytes = MAX_FILE_BYTES): string | null {
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    fd = openSync(absPath, READ_FLAGS);
    let length = readSync(fd, scratch, 0, FIRST_READ_BYTES, 0);
    // A short read is a regular file's end; an empty one may be a pipe or device (as read.ts).
    if (length === 0 && !fstatSync(fd).isFile()) return null;
    if (length < FIRST_READ_BYTES) bytes = scratch.subarray(0, length);
    else {
      const stats = fstatSync(fd);
      if (!stats.isFile() || stats.size > maxBytes) return null;
      bytes = Buffer.allocUnsafe(Math.max(stats.size, length));
      scratch.copy(bytes, 0, 0, length);
      while (length < stats.size) {
        const n = readSync(fd, bytes, length, stats.size - length, length);
        if (n === 0) break; // Shrunk since fstat: keep what is there.
        length += n;
      }
      bytes = bytes.subarray(0, length);
    }
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
  return decodeUtf8(bytes, absPath).text;
}
