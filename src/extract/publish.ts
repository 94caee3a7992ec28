/**
 * Publishing safe by default: the static site leaves out notes marked
 * `draft: true` or `publish: false` (as Quartz and Obsidian Publish do).
 * Links are resolved first, with the drafts present, and then every link to
 * or from a draft is dropped: a link to a draft vanishes instead of becoming
 * a dangling ghost that shows the draft's title, and a draft's own dangling
 * targets, attachments and warnings (which name its path) go with it.
 */
import type { BuildWarning } from '../core/contract.js';
import type { ResolveResult } from './resolve.js';
import type { ParsedNote } from './types.js';

/** A note the static site must not show. */
export function isUnpublished(note: ParsedNote): boolean {
  return note.draft || note.unpublished === true;
}

export interface Published {
  notes: ParsedNote[];
  resolved: ResolveResult;
  warnings: BuildWarning[];
  /** How many notes were left out. */
  omitted: number;
}

/** `notes`, their links and warnings without the unpublished notes and everything that names them. */
export function omitUnpublished(notes: readonly ParsedNote[], resolved: ResolveResult, warnings: readonly BuildWarning[]): Published {
  const hidden = new Set<string>();
  for (const note of notes) if (isUnpublished(note)) hidden.add(note.path);
  if (hidden.size === 0) return { notes: [...notes], resolved, warnings: [...warnings], omitted: 0 };
  const links = resolved.links.filter((l) => !hidden.has(l.source) && !hidden.has(l.target));
  const linked = new Set(links.map((l) => l.target));
  const attachments = new Map([...resolved.attachments].filter(([key]) => linked.has(key)));
  return {
    notes: notes.filter((n) => !hidden.has(n.path)),
    resolved: { links, attachments },
    warnings: warnings.filter((w) => !hidden.has(w.file)),
    omitted: hidden.size,
  };
}
