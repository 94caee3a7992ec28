/**
 * Stage 3, resolve: each raw link becomes a node key (a note path, a
 * `?dangling` target or an `@attachment`). Pure: it reads no file, so
 * `[[../../etc/passwd]]` is only ever a name.
 *
 * DESIGN.md's four levels, the first level with any match winning:
 * (1) a target holding `/`: a note's vault path without extension, or a path
 * suffix; (2) file name without extension; (3) alias; (4) title. Ties inside
 * a level: same folder as the linking note, else the shortest path, else the
 * first in sort order. Names compare under `normalizeName` (NFC, case-folded).
 * Every lookup goes through maps built once: O(notes + links), never
 * O(notes × links).
 */
import { attachmentKey, danglingKey, normalizeName } from '../core/normalize.js';
import type { ParsedNote, RawLink, ResolvedLink } from './types.js';
import { DEFAULT_NOTE_EXTENSIONS } from './scan.js';
import { byCodeUnit } from '../core/order.js';

/**
 * Every match for one normalised name, ready for the tie rule: the path
 * itself when there is one (most names), else `best`, the shortest path
 * (then the first in sort order), and `byFolder`, the best one per folder.
 * A lookup is then O(1) even when 20,000 folders each hold an `index.md`.
 */
type Candidates = string | Ties;

interface Ties {
  best: string;
  byFolder: Map<string, string>;
  all: string[];
}

export interface ResolveIndex {
  noteExtensions: readonly string[];
  /** Note path-without-extension suffixes of two or more segments (`folder/name`), and full paths. */
  notePathSuffix: Map<string, Candidates>;
  /** Exact note paths with extension (for markdown links). */
  noteExactPath: Map<string, string>;
  noteName: Map<string, Candidates>;
  noteAlias: Map<string, Candidates>;
  noteTitle: Map<string, Candidates>;
  /** Non-note files: exact path, file name with extension, path suffixes. */
  fileExactPath: Map<string, string>;
  fileName: Map<string, Candidates>;
  filePathSuffix: Map<string, Candidates>;
}

export interface ResolveResult {
  links: ResolvedLink[];
  /** Attachment nodes by key: title (file name) and vault path when the file exists. */
  attachments: Map<string, { title: string; path: string | null }>;
}

function push(map: Map<string, Candidates>, key: string, value: string): void {
  const entry = map.get(key);
  if (entry === undefined) map.set(key, value);
  else if (typeof entry === 'string') {
    if (entry !== value) map.set(key, { best: entry, byFolder: new Map(), all: [entry, value] });
  } else if (entry.all[entry.all.length - 1] !== value) entry.all.push(value);
}

/** Applies the tie order to every multi-candidate entry, once. */
function finalize(map: Map<string, Candidates>): void {
  for (const entry of map.values()) {
    if (typeof entry === 'string') continue;
    entry.all.sort(byLengthThenPath);
    entry.best = entry.all[0];
    for (const candidate of entry.all) {
      const folder = folderOf(candidate);
      if (!entry.byFolder.has(folder)) entry.byFolder.set(folder, candidate);
    }
  }
}

const byLengthThenPath = (a: string, b: string): number =>
  a.length - b.length || byCodeUnit(a, b);

/** Folder part of a vault path (`''` at the root). */
export function folderOf(vaultPath: string): string {
  const slash = vaultPath.lastIndexOf('/');
  return slash < 0 ? '' : vaultPath.slice(0, slash);
}

function baseName(vaultPath: string): string {
  return vaultPath.slice(vaultPath.lastIndexOf('/') + 1);
}

/** The extension of the last path segment, lower case with its dot, or ''. */
export function extensionOf(target: string): string {
  // Most targets hold no dot in their last segment: no regex, no slice.
  const dot = target.lastIndexOf('.');
  if (dot === -1 || dot < target.lastIndexOf('/') || target.length - dot > 11) return '';
  const match = /^\.[A-Za-z0-9]{1,10}$/.exec(target.slice(dot));
  return match ? match[0].toLowerCase() : '';
}

/**
 * Extensions that always name a file, never a note: a link to one is an
 * attachment even when the file is not in the vault (`cover: "[[x.jpg]]"`).
 * Any other dotted suffix (`[[v1.2]]`, `[[e.g]]`) is part of a note name,
 * unless a file of that name exists or the link is an embed.
 */
export const ATTACHMENT_EXTENSIONS: ReadonlySet<string> = new Set(
  ('.png .jpg .jpeg .gif .bmp .svg .webp .avif .ico .tif .tiff .heic .mp3 .wav .m4a .ogg .flac .3gp ' +
    '.mp4 .webm .mov .mkv .avi .ogv .pdf .canvas .base .zip .csv .json .docx .xlsx .pptx .epub').split(' '),
);

/** `target` without a trailing note extension (`t.md` -> `t`); other extensions are kept. */
export function stripNoteExtension(target: string, noteExtensions: readonly string[]): string {
  const ext = extensionOf(target);
  return ext && noteExtensions.includes(ext) ? target.slice(0, -ext.length) : target;
}

/** Every suffix of two or more `/`-separated segments, longest first. */
export function pathSuffixes(normalisedPath: string): string[] {
  const out: string[] = [];
  for (let i = 0; i >= 0; i = normalisedPath.indexOf('/', i + 1)) {
    const suffix = i === 0 ? normalisedPath : normalisedPath.slice(i + 1);
    if (suffix.includes('/')) out.push(suffix);
  }
  return out;
}

/** Builds the lookup maps once, from the parsed notes and the vault's other files. */
export function buildResolveIndex(
  notes: readonly Pick<ParsedNote, 'path' | 'title' | 'aliases'>[],
  otherFiles: readonly string[] = [],
  noteExtensions: readonly string[] = DEFAULT_NOTE_EXTENSIONS,
): ResolveIndex {
  const index: ResolveIndex = {
    noteExtensions,
    notePathSuffix: new Map(),
    noteExactPath: new Map(),
    noteName: new Map(),
    noteAlias: new Map(),
    noteTitle: new Map(),
    fileExactPath: new Map(),
    fileName: new Map(),
    filePathSuffix: new Map(),
  };
  for (const note of notes) {
    const bare = normalizeName(stripNoteExtension(note.path, noteExtensions));
    index.noteExactPath.set(normalizeName(note.path), note.path);
    for (const suffix of pathSuffixes(bare)) push(index.notePathSuffix, suffix, note.path);
    push(index.noteName, baseName(bare), note.path);
    for (const alias of note.aliases) if (alias.trim()) push(index.noteAlias, normalizeName(alias), note.path);
    if (note.title.trim()) push(index.noteTitle, normalizeName(note.title), note.path);
  }
  for (const file of otherFiles) {
    const norm = normalizeName(file);
    index.fileExactPath.set(norm, file);
    push(index.fileName, baseName(norm), file);
    for (const suffix of pathSuffixes(norm)) push(index.filePathSuffix, suffix, file);
  }
  for (const map of [index.notePathSuffix, index.noteName, index.noteAlias, index.noteTitle, index.fileName, index.filePathSuffix]) {
    finalize(map);
  }
  return index;
}

/** The tie rule: same folder as the linking note, else the first of the sorted list. */
function pick(candidates: Candidates | undefined, sourceFolder: string): string | null {
  if (candidates === undefined) return null;
  if (typeof candidates === 'string') return candidates;
  return candidates.byFolder.get(sourceFolder) ?? candidates.best;
}

/** A written target without surrounding space, leading `/` or `./`, or trailing note extension. */
function cleanTarget(target: string, noteExtensions: readonly string[]): string {
  let t = target.trim();
  if (t.startsWith('.') || t.startsWith('/')) t = t.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  return stripNoteExtension(t, noteExtensions);
}

/** The note a name already cleaned and normalised means, through levels 1 to 4 (see above), linked from `folder`; null when none. */
function noteByName(name: string, folder: string, index: ResolveIndex): string | null {
  if (!name) return null;
  if (name.includes('/')) {
    const hit = pick(index.notePathSuffix.get(name), folder);
    if (hit) return hit;
  }
  return (
    pick(index.noteName.get(name), folder) ??
    pick(index.noteAlias.get(name), folder) ??
    pick(index.noteTitle.get(name), folder)
  );
}

/** A non-note file by exact path, path suffix or file name; null when the vault has none. */
function resolveFile(target: string, folder: string, index: ResolveIndex, exact?: string): string | null {
  if (exact !== undefined) {
    const hit = index.fileExactPath.get(normalizeName(exact));
    if (hit) return hit;
  }
  const name = normalizeName(target.replace(/^(\.\.?\/)+/, '').replace(/^\/+/, ''));
  return (name.includes('/') ? pick(index.filePathSuffix.get(name), folder) : null) ?? pick(index.fileName.get(name), folder);
}

type Target = { key: string; kind: ResolvedLink['targetKind']; title: string; path: string | null };

/** An attachment: the vault file when it exists, else the name as written. */
function fileTarget(path: string | null, name: string): Target {
  return { key: attachmentKey(path ?? name), kind: 'attachment', title: baseName(path ?? name), path };
}

/**
 * Where one raw link points. Pure; `null` for links that are no edge (empty
 * target). `folder` is the linking note's folder (computed from `sourcePath`
 * when not given; resolveLinks passes it once per note).
 */
export function resolveTarget(link: RawLink, sourcePath: string, index: ResolveIndex, folder = folderOf(sourcePath)): Target | null {
  const written = link.target.trim();
  if (!written && link.relativePath === undefined) return null;
  // What the link names: its target as written, or a markdown link's path.
  const name = written || link.relativePath || '';
  const ext = extensionOf(name);
  const isNoteExt = ext !== '' && index.noteExtensions.includes(ext);

  if (link.relativePath !== undefined) {
    const rel = link.relativePath;
    const exact = index.noteExactPath.get(normalizeName(rel));
    if (exact) return { key: exact, kind: 'note', title: exact, path: exact };
    for (const e of index.noteExtensions) {
      const hit = index.noteExactPath.get(normalizeName(rel + e));
      if (hit) return { key: hit, kind: 'note', title: hit, path: hit };
    }
    // A markdown link names a file: any extension but a note's is an attachment.
    if (ext && !isNoteExt) {
      const file = resolveFile(written, folder, index, rel);
      return fileTarget(file, baseName(written || rel));
    }
  } else if (ext && !isNoteExt) {
    // Embeds of non-note files and links to known file types are attachments, found or
    // not; any other dotted name only when a file of that name exists.
    const file = resolveFile(written, folder, index);
    if (file || link.kind === 'embed' || ATTACHMENT_EXTENSIONS.has(ext)) return fileTarget(file, written);
  }

  // Cleaned and normalised once for the lookup; the dangling key is made of the same name.
  const normal = normalizeName(cleanTarget(name, index.noteExtensions));
  if (!normal) return null;
  const note = noteByName(normal, folder, index);
  if (note) return { key: note, kind: 'note', title: note, path: note };
  return { key: danglingKey(normal), kind: 'dangling', title: name.trim(), path: null };
}

/**
 * Resolves every note's links, in note order then link order. Self links and
 * empty targets are dropped. Attachment names found twice under different
 * casing share the key of the first.
 */
export function resolveLinks(notes: readonly ParsedNote[], index: ResolveIndex): ResolveResult {
  const links: ResolvedLink[] = [];
  const attachments = new Map<string, { title: string; path: string | null }>();
  const attachmentByName = new Map<string, string>();
  for (const note of notes) {
    const folder = folderOf(note.path);
    for (const raw of note.links) {
      const target = resolveTarget(raw, note.path, index, folder);
      if (!target) continue;
      if (target.kind === 'note' && target.key === note.path) continue;
      let key = target.key;
      if (target.kind === 'attachment') {
        const norm = normalizeName(key);
        const first = attachmentByName.get(norm);
        if (first) key = first;
        else {
          attachmentByName.set(norm, key);
          attachments.set(key, { title: target.title, path: target.path });
        }
      }
      links.push({
        source: note.path,
        target: key,
        targetKind: target.kind,
        written: target.kind === 'dangling' ? target.title : raw.target,
        kind: raw.kind,
        line: raw.line,
        context: raw.context,
      });
    }
  }
  return { links, attachments };
}
