/**
 * The mentions stage of the pipeline: after resolve (when every note's names
 * are known), the notes are read again batch by batch and each batch runs
 * through the one automaton of MentionFinder. Reading again instead of
 * keeping the texts from the parse: at 100,000 notes the texts are ~200 MB,
 * while a batch is a few MB and the second read is served from the page cache.
 */
import type { MentionsReport } from '../core/contract.js';
import { MentionFinder } from './mentions.js';
import { readFiles } from './read.js';
import { buildResolveIndex } from './resolve.js';
import type { ScanResult } from './scan.js';
import type { ParsedNote, ResolvedLink } from './types.js';

export interface MentionsStageOptions {
  concurrency?: number;
  /** Files read per batch. Default 2048 (as the parse). */
  batch?: number;
}

/** Unlinked mentions among `notes` (the scan's note files that made it into the graph). */
export async function mentionsStage(
  notes: readonly ParsedNote[],
  links: readonly ResolvedLink[],
  scan: ScanResult,
  extensions: readonly string[],
  options: MentionsStageOptions = {},
): Promise<MentionsReport> {
  const index = buildResolveIndex(notes, scan.others.map((f) => f.path), extensions);
  const finder = new MentionFinder({ notes, links, index });
  const kept = new Set(notes.map((n) => n.path));
  const files = scan.notes.filter((f) => kept.has(f.path));
  const batch = Math.max(1, options.batch ?? 2048);
  for (let from = 0; from < files.length; from += batch) {
    const read = await readFiles(files.slice(from, from + batch), { concurrency: options.concurrency });
    // A file left unread (too big) or unreadable now is left out, as the parse leaves out its links.
    for (const r of read) if (r.text !== null && !r.tooLarge) finder.add(r.file.path, r.text);
  }
  return finder.finish();
}
