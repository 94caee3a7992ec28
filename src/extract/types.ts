/**
 * The data that flows between the extraction stages:
 * scan -> read -> parse -> resolve -> build -> measure -> health -> layout -> write.
 */
import type { BuildWarning, LinkKind } from '../core/contract.js';

/** A file found by the scan. */
export interface ScannedFile {
  /** Vault-relative POSIX path with extension. */
  path: string;
  /** Absolute path on disk, for reading. */
  absPath: string;
}

/** A link as written in a note, before resolution. */
export interface RawLink {
  /** The target as written, without alias, heading or block part (`folder/note`). */
  target: string;
  kind: LinkKind;
  /** 1-based line of the link in the file. */
  line: number;
  /** The sentence around the link, plain text. */
  context: string;
  /**
   * For markdown links, the target already resolved relative to the linking
   * note's folder and URL-decoded (a vault-relative path, possibly outside the
   * vault as `../x`); absent for wiki links.
   */
  relativePath?: string;
}

/** One note after parsing: everything the later stages need from its text. */
export interface ParsedNote {
  /** Vault-relative POSIX path with extension (the node key). */
  path: string;
  title: string;
  tags: string[];
  aliases: string[];
  summary: string;
  created: string | null;
  /** Set when `created` is the file's creation time, the note giving none (src/extract/file-created.ts). */
  createdFromFile?: true;
  updated: string | null;
  draft: boolean;
  /** Frontmatter `publish: false` (Quartz, Obsidian Publish): left out of the static site like a draft. Absent: not set. */
  unpublished?: boolean;
  words: number;
  links: RawLink[];
  /** Content problems in this note (malformed YAML, bad bytes, ...). */
  warnings: BuildWarning[];
}

/** A link after resolution: where it points, by node key. */
export interface ResolvedLink {
  /** Key of the linking note. */
  source: string;
  /**
   * Key of the target node: a note path, `?name` for a dangling target
   * (see `danglingKey`), or `@path` for an attachment (see `attachmentKey`).
   */
  target: string;
  targetKind: 'note' | 'dangling' | 'attachment';
  /** The target as written (the dangling node's title comes from the first one). */
  written: string;
  kind: LinkKind;
  line: number;
  context: string;
}

/** How a vault's configuration changes parsing (src/config); every field optional, absent = the defaults. */
export interface ParseOptions {
  /** Where the title comes from: 'frontmatter-h1-filename' (default), 'frontmatter-filename', 'h1-filename', 'filename'. */
  title?: 'frontmatter-h1-filename' | 'frontmatter-filename' | 'h1-filename' | 'filename';
  /** Frontmatter keys holding the dates, the first present wins. Default created: created, date; updated: updated. */
  dates?: { created: readonly string[]; updated: readonly string[] };
  /** Frontmatter keys (lower case) whose wiki links are links; default every key but the note's names and tags. */
  linkKeys?: readonly string[] | null;
}
