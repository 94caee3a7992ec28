/**
 * The mentions stage of the pipeline: after resolve (when every note's names
 * are known), the notes are read again one by one and each runs through the
 * one automaton of MentionFinder. Reading again instead of keeping the texts
 * from the parse: at 100,000 notes the texts are ~200 MB, while one text is a
 * few KB and the second read is served from the page cache, synchronously
 * (mentions-read.ts: much cheaper than a promise per file), with a pause for
 * the event loop after each batch.
 */
import type { MentionsReport } from '../core/contract.js';
import { MentionFinder } from './mentions.js';
import { readNoteSync } from './mentions-read.js';
import { buildResolveIndex, type ResolveIndex } from './resolve.js';
import type { ScanResult } from './scan.js';
import type { ParsedNote, ResolvedLink } from './types.js';

export interface MentionsStageOptions {
  /** Unused since the reads are synchronous (kept for callers that pass the build's). */
  concurrency?: number;
  /** Files read between two pauses for the event loop. Default 2048 (the parse's batch). */
  batch?: number;
  /** The resolve stage's index of exactly these notes and the scan's other files; built when absent. */
  index?: ResolveIndex;
}

/** Unlinked mentions among `notes` (the scan's note files that made it into the graph). */
export async function mentionsStage(
  notes: readonly ParsedNote[],
  links: readonly ResolvedLink[],
  scan: ScanResult,
  extensions: readonly string[],
  options: MentionsStageOptions = {},
): Promise<MentionsReport> {
  const index = options.index ?? buildResolveIndex(notes, scan.others.map((f) => f.path), extensions);
  const finder = new MentionFinder({ notes, links, index });
  const kept = new Set(notes.map((n) => n.path));
  const files = scan.notes.filter((f) => kept.has(f.path));
  const batch = Math.max(1, options.batch ?? 2048);
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % batch === 0) await new Promise((resolve) => setImmediate(resolve));
    const text = readNoteSync(files[i].absPath);
    // A file left unread (too big) or unreadable now is left out, as the parse leaves out its links.
    if (text !== null) finder.add(files[i].path, text);
  }
  return finder.finish();
}
