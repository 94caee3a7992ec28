/**
 * The resolve index (src/extract/resolve.ts) kept up to date note by note,
 * and the record of which names each note's links looked up: the dependency
 * record of STYLE.md point 13. A note added, removed or renamed touches a
 * few names; only the notes whose links looked one of them up are resolved
 * again, never the whole vault.
 *
 * The index is the very `ResolveIndex` that `resolveTarget` reads, so the
 * incremental resolution cannot drift from the full one: each lookup map is
 * a `ProbedMap` that notes every key `resolveTarget` asks for while a sink
 * is open, present or not (a miss matters too: a new note may fill it).
 */
import { normalizeName } from '../core/normalize.js';
import { byCodeUnit } from '../core/order.js';
import { folderOf, pathSuffixes, stripNoteExtension, type ResolveIndex } from '../extract/resolve.js';
import type { ParsedNote } from '../extract/types.js';

/** A Map whose `get` records the key into the open sink (one sink at a time: resolution is synchronous). */
class ProbedMap<V> extends Map<string, V> {
  static sink: Set<string> | null = null;
  override get(key: string): V | undefined {
    ProbedMap.sink?.add(key);
    return super.get(key);
  }
}

/**
 * Index names of one kind: name -> the path holding it, or every path when several do (the
 * Candidates are derived from these). One path is a string, not a set: most names have one holder,
 * and a set each cost seconds of allocation at 100,000 notes.
 */
type NameSets = Map<string, string | Set<string>>;

type TieMapName = 'notePathSuffix' | 'noteName' | 'noteAlias' | 'noteTitle' | 'fileName' | 'filePathSuffix';
type ExactMapName = 'noteExactPath' | 'fileExactPath';

/** Names one note (or other file) puts in each map, as `resolve.ts` builds them. */
function noteNames(note: Pick<ParsedNote, 'path' | 'title' | 'aliases'>, noteExtensions: readonly string[]): [TieMapName | ExactMapName, string][] {
  const bare = normalizeName(stripNoteExtension(note.path, noteExtensions));
  const out: [TieMapName | ExactMapName, string][] = [['noteExactPath', normalizeName(note.path)]];
  for (const suffix of pathSuffixes(bare)) out.push(['notePathSuffix', suffix]);
  out.push(['noteName', baseName(bare)]);
  for (const alias of note.aliases) if (alias.trim()) out.push(['noteAlias', normalizeName(alias)]);
  if (note.title.trim()) out.push(['noteTitle', normalizeName(note.title)]);
  return out;
}

function fileNames(file: string): [TieMapName | ExactMapName, string][] {
  const norm = normalizeName(file);
  const out: [TieMapName | ExactMapName, string][] = [['fileExactPath', norm], ['fileName', baseName(norm)]];
  for (const suffix of pathSuffixes(norm)) out.push(['filePathSuffix', suffix]);
  return out;
}

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

const byLengthThenPath = (a: string, b: string): number => a.length - b.length || byCodeUnit(a, b);

/**
 * The live index: add and remove notes and other files; `takeTouched()`
 * returns the names whose lookup answer may have changed since the last call.
 */
export class LiveResolveIndex {
  readonly index: ResolveIndex;
  private readonly sets = new Map<string, NameSets>();
  private touched = new Set<string>();
  /** Inside batch(): the names changed, answered once at its end; and whether they count as touched. */
  private pending: { names: Map<TieMapName | ExactMapName, Set<string>>; track: boolean } | null = null;

  constructor(readonly noteExtensions: readonly string[]) {
    this.index = {
      noteExtensions,
      notePathSuffix: new ProbedMap(),
      noteExactPath: new ProbedMap(),
      noteName: new ProbedMap(),
      noteAlias: new ProbedMap(),
      noteTitle: new ProbedMap(),
      fileExactPath: new ProbedMap(),
      fileName: new ProbedMap(),
      filePathSuffix: new ProbedMap(),
    };
  }

  addNote(note: Pick<ParsedNote, 'path' | 'title' | 'aliases'>): void {
    for (const [map, name] of noteNames(note, this.noteExtensions)) this.put(map, name, note.path);
  }

  removeNote(note: Pick<ParsedNote, 'path' | 'title' | 'aliases'>): void {
    for (const [map, name] of noteNames(note, this.noteExtensions)) this.drop(map, name, note.path);
  }

  addFile(file: string): void {
    for (const [map, name] of fileNames(file)) this.put(map, name, file);
  }

  removeFile(file: string): void {
    for (const [map, name] of fileNames(file)) this.drop(map, name, file);
  }

  /**
   * Runs `change` (adds and removes), answering each changed name once at the end: a name held by
   * many notes is not sorted again for every one added. `track: false` (a first build, which
   * resolves every note anyway): the names are not recorded as touched.
   */
  batch(change: () => void, { track = true } = {}): void {
    if (this.pending) {
      change();
      return;
    }
    this.pending = { names: new Map(), track };
    try {
      change();
    } finally {
      const { names } = this.pending;
      this.pending = null;
      for (const [map, list] of names) {
        for (const name of list) {
          if (track) this.touched.add(name);
          this.refresh(map, name);
        }
      }
    }
  }

  /** Names changed since the last call (cleared). */
  takeTouched(): Set<string> {
    const out = this.touched;
    this.touched = new Set();
    return out;
  }

  /** Runs `resolve` and returns its result with every name it looked up. */
  static recording<T>(resolve: () => T): { result: T; probes: Set<string> } {
    const probes = new Set<string>();
    ProbedMap.sink = probes;
    try {
      return { result: resolve(), probes };
    } finally {
      ProbedMap.sink = null;
    }
  }

  private setsOf(map: string): NameSets {
    let sets = this.sets.get(map);
    if (!sets) this.sets.set(map, (sets = new Map()));
    return sets;
  }

  private put(map: TieMapName | ExactMapName, name: string, path: string): void {
    const sets = this.setsOf(map);
    const held = sets.get(name);
    if (held === undefined) sets.set(name, path);
    else if (typeof held === 'string') {
      if (held === path) return;
      sets.set(name, new Set([held, path]));
    } else {
      if (held.has(path)) return;
      held.add(path);
    }
    this.changed(map, name);
  }

  private drop(map: TieMapName | ExactMapName, name: string, path: string): void {
    const sets = this.setsOf(map);
    const held = sets.get(name);
    if (held === undefined) return;
    if (typeof held === 'string') {
      if (held !== path) return;
      sets.delete(name);
    } else {
      if (!held.delete(path)) return;
      if (held.size === 1) sets.set(name, held.values().next().value!);
    }
    this.changed(map, name);
  }

  private changed(map: TieMapName | ExactMapName, name: string): void {
    if (this.pending) {
      let list = this.pending.names.get(map);
      if (!list) this.pending.names.set(map, (list = new Set()));
      list.add(name);
      return;
    }
    this.touched.add(name);
    this.refresh(map, name);
  }

  /** Writes the lookup answer for one name, as resolve.ts's push + finalize would. */
  private refresh(map: TieMapName | ExactMapName, name: string): void {
    const held = this.setsOf(map).get(name);
    const target = this.index[map] as Map<string, unknown>;
    if (held === undefined) {
      target.delete(name);
      return;
    }
    if (typeof held === 'string') {
      target.set(name, held);
      return;
    }
    if (map === 'noteExactPath' || map === 'fileExactPath') {
      // A full build keeps the last one set; two paths normalising alike is an edge case of an edge case.
      target.set(name, [...held].sort(byCodeUnit).at(-1));
      return;
    }
    const all = [...held].sort(byLengthThenPath);
    const byFolder = new Map<string, string>();
    for (const candidate of all) {
      const folder = folderOf(candidate);
      if (!byFolder.has(folder)) byFolder.set(folder, candidate);
    }
    target.set(name, { best: all[0], byFolder, all });
  }
}
