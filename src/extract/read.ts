/**
 * Stage 2a, read: the vault's note files as text, with a bounded number of
 * files open at once (a peer tool died with EMFILE at 50,000 notes), decoded
 * as UTF-8 with the BOM stripped.
 *
 * Content problems are warnings, never exceptions: an unreadable file is
 * skipped; bytes that are not UTF-8 become U+FFFD; a file above `largeBytes`
 * is read and parsed anyway (links are still found) with a warning saying
 * so; a file above `maxBytes` is not read at all (the note is kept with its
 * file name as title and no links) because a string that size would cost
 * more memory than the whole rest of the build.
 */
import { close, constants, fstat, open, read, type Stats } from 'node:fs';
import type { BuildWarning } from '../core/contract.js';
import { lineCounter } from './line-index.js';
import { errorText } from './scan.js';
import type { ScannedFile } from './types.js';

export const DEFAULT_CONCURRENCY = 64;
export const LARGE_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Bytes read before asking for a file's size: most notes fit, and then open, read, close is all it takes. */
export const FIRST_READ_BYTES = 64 * 1024;

export interface ReadOptions {
  /** Most files open at the same time. Default 64 (the machine allows 20,000; a big vault has 50,000+ files). */
  concurrency?: number;
  /** Size above which a warning is given (the file is still parsed). Default 5 MB. */
  largeBytes?: number;
  /** Size above which the content is not read (note kept without links). Default 64 MB. */
  maxBytes?: number;
  /** Called after each file, for the progress bar. */
  onFile?: (done: number, total: number) => void;
}

export interface ReadFile {
  file: ScannedFile;
  /** The decoded text; null when the file could not be read (skip it). */
  text: string | null;
  /** True when the content was deliberately left unread (too big): keep the note, without links. */
  tooLarge: boolean;
  warnings: BuildWarning[];
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Bytes to text: strict UTF-8 first (the common case costs one pass); on
 * failure a lenient pass that puts U+FFFD for each bad sequence, and a
 * warning at the line of the first one. TextDecoder drops a leading BOM.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; warning: BuildWarning | null } {
  try {
    return { text: strict.decode(bytes), warning: null };
  } catch {
    const text = lenient.decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const line = bad < 0 ? 1 : lineCounter(text)(bad);
    let count = 0;
    for (let i = bad; i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
    return {
      text,
      warning: { file, line, message: `not valid UTF-8: ${count} bad byte sequence(s) replaced by U+FFFD` },
    };
  }
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// The callback API, promisified by hand: fs/promises' FileHandle costs two
// to three times as much per small file, and a vault is mostly small files
// (measured on the 10,000-note bench vault: 0.5-0.65 s with FileHandle and
// open, fstat, read, close; 0.16-0.28 s this way, with open, read, close).
// O_NONBLOCK: a note replaced by a named pipe after the scan must not hang the build in open() or read().
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
const openFile = (p: string): Promise<number> =>
  new Promise((resolve, reject) => open(p, READ_FLAGS, (err, fd) => (err ? reject(err) : resolve(fd))));
const statOf = (fd: number): Promise<Stats> =>
  new Promise((resolve, reject) => fstat(fd, (err, stats) => (err ? reject(err) : resolve(stats))));

/** Thrown when the open file is not a regular file (FIFO, socket, device). */
class NotAFileError extends Error {}
const NOT_A_FILE = 'not a regular file (FIFO, socket or device), skipped';

/** The open file's size; a FIFO, device or socket is refused (it has no size and may never end). */
async function regularFileSize(fd: number): Promise<number> {
  const stats = await statOf(fd);
  if (!stats.isFile()) throw new NotAFileError(NOT_A_FILE);
  return stats.size;
}
const readInto = (fd: number, bytes: Buffer, offset: number, length: number): Promise<number> =>
  new Promise((resolve, reject) => read(fd, bytes, offset, length, offset, (err, n) => (err ? reject(err) : resolve(n))));
const closeFile = (fd: number): Promise<void> => new Promise((resolve) => close(fd, () => resolve()));

/**
 * Reads one file; never throws. A note smaller than FIRST_READ_BYTES costs
 * open, read, close (a short read of a regular file is its end); a bigger
 * one gets its size from the open file (fstat), so the scan needs no stat
 * per note. `scratch` (FIRST_READ_BYTES long) is reused by a caller reading
 * many files: the text is decoded out of it before it is read into again.
 */
export async function readOne(file: ScannedFile, options: ReadOptions = {}, scratch?: Buffer): Promise<ReadFile> {
  const largeBytes = options.largeBytes ?? LARGE_FILE_BYTES;
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const warnings: BuildWarning[] = [];
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    fd = await openFile(file.absPath);
    const first = scratch ?? Buffer.allocUnsafe(FIRST_READ_BYTES);
    let length = await readInto(fd, first, 0, FIRST_READ_BYTES);
    // A short read is a regular file's end, except from a pipe or device: an empty result is checked
    // (empty notes are rare, so most notes still cost no fstat); a full one is checked below.
    if (length === 0) await regularFileSize(fd);
    if (length < FIRST_READ_BYTES) bytes = first.subarray(0, length);
    else {
      const size = await regularFileSize(fd);
      if (size > maxBytes) {
        warnings.push({
          file: file.path,
          message: `file is ${formatMb(size)} (over ${formatMb(maxBytes)}): not read, note kept without links`,
        });
        return { file, text: '', tooLarge: true, warnings };
      }
      bytes = Buffer.allocUnsafe(Math.max(size, length));
      first.copy(bytes, 0, 0, length);
      while (length < size) {
        const bytesRead = await readInto(fd, bytes, length, size - length);
        if (bytesRead === 0) break; // Shrunk since fstat: keep what is there.
        length += bytesRead;
      }
      bytes = bytes.subarray(0, length);
    }
  } catch (err) {
    // ESPIPE: a positioned read of a pipe; EAGAIN: a pipe or terminal with nothing to read yet; ENXIO: a socket.
    const code = (err as NodeJS.ErrnoException).code;
    const notAFile = err instanceof NotAFileError || code === 'ESPIPE' || code === 'EAGAIN' || code === 'ENXIO';
    warnings.push({ file: file.path, message: notAFile ? NOT_A_FILE : `cannot be read, skipped: ${errorText(err)}` });
    return { file, text: null, tooLarge: false, warnings };
  } finally {
    if (fd !== undefined) await closeFile(fd);
  }
  if (bytes.length > largeBytes) {
    warnings.push({
      file: file.path,
      message: `large file (${formatMb(bytes.length)}, over ${formatMb(largeBytes)}): parsed anyway, links kept`,
    });
  }
  const { text, warning } = decodeUtf8(bytes, file.path);
  if (warning) warnings.push(warning);
  return { file, text, tooLarge: false, warnings };
}

/**
 * Reads every file with at most `concurrency` reads in flight; the result is
 * in the order of `files`, whatever order the reads finish in.
 */
export async function readFiles(files: readonly ScannedFile[], options: ReadOptions = {}): Promise<ReadFile[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const results = new Array<ReadFile>(files.length);
  let next = 0;
  let done = 0;
  // A fixed pool of workers, each taking the next index: never more than `concurrency` open files.
  const worker = async (): Promise<void> => {
    const scratch = Buffer.allocUnsafe(FIRST_READ_BYTES);
    while (next < files.length) {
      const index = next++;
      results[index] = await readOne(files[index], options, scratch);
      done++;
      options.onFile?.(done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return results;
}
