/**
 * The contract between the two halves: the shape of graph.json.
 *
 * graph.json is graphology's own serialized form (`graph.export()`), a
 * directed graph without parallel edges, so the browser loads it with
 * `Graph.from(json)`. Everything here is plain data: no Node, no DOM.
 */

/** Bumped whenever a field below changes meaning; the map refuses other versions. */
import type { ForceSettings } from './force-settings.js';

export const SCHEMA_VERSION = 1;

/** How a source note refers to a target (an edge may carry several). */
export type LinkKind = 'inline' | 'related' | 'embed' | 'frontmatter' | 'markdown';

/** What a node stands for. */
export type NodeKind = 'note' | 'dangling' | 'attachment';

/** Attributes shared by every node. */
interface BaseNodeAttributes {
  kind: NodeKind;
  /** The note's title, the dangling target as first written, or the attachment's file name. */
  title: string;
  /** Links into this node from notes (distinct source notes). */
  inDegree: number;
  /** Links out of this node to other nodes (distinct targets). */
  outDegree: number;
  x: number;
  y: number;
}

/** A note: key = vault-relative POSIX path with extension. */
export interface NoteNodeAttributes extends BaseNodeAttributes {
  kind: 'note';
  dangling: false;
  path: string;
  /** Without `#`, first-seen casing, deduplicated case-insensitively, frontmatter tags first. */
  tags: string[];
  aliases: string[];
  summary: string;
  /** ISO date strings as written in the frontmatter, never shifted by a time zone. */
  created: string | null;
  /** Present (true) when `created` is the file's creation time, the frontmatter giving no date. */
  createdFromFile?: true;
  updated: string | null;
  draft: boolean;
  words: number;
  /** No link to or from another existing note. */
  orphan: boolean;
  pagerank: number;
  /** Seeded Louvain community id. */
  community: number;
  /** Connected component id (0 = the largest). */
  component: number;
}

/** One per distinct unresolved target; key = `?` + normalised target. */
export interface DanglingNodeAttributes extends BaseNodeAttributes {
  kind: 'dangling';
  dangling: true;
  /** The closest existing note for this target, when one is close. */
  suggestion: Suggestion | null;
}

/** A non-note file that a note embeds (`![[diagram.png]]`); key = `@` + path or name. */
export interface AttachmentNodeAttributes extends BaseNodeAttributes {
  kind: 'attachment';
  dangling: false;
  /** Vault path when the file exists in the vault, otherwise null. */
  path: string | null;
}

export type NodeAttributes = NoteNodeAttributes | DanglingNodeAttributes | AttachmentNodeAttributes;

export interface EdgeAttributes {
  kinds: LinkKind[];
  /** How many times the source links the target. */
  count: number;
  /** The sentence around the first occurrence, plain text. */
  context: string;
  /** 1-based line of the first occurrence in the source file. */
  line: number;
}

/** A "did you mean" for a dangling target. */
export interface Suggestion {
  /** Key of the note suggested. */
  key: string;
  /** The title, alias or file name that was close. */
  text: string;
  via: 'title' | 'alias' | 'file';
  /** Edit distance between normalised names. */
  distance: number;
}

/** A content problem found while building: never fatal. */
export interface BuildWarning {
  /** Vault-relative path of the file concerned. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
}

export interface TagCount {
  tag: string;
  count: number;
}

export interface GraphStats {
  notes: number;
  /** Edges from a note to a note or to a dangling target. */
  links: number;
  danglingTargets: number;
  /** Sum of references to dangling targets (edge counts). */
  danglingLinks: number;
  orphans: number;
  attachments: number;
  /** Every tag with the number of notes carrying it, most used first. */
  tags: TagCount[];
  /** Connected components among notes (dangling targets and attachments excluded). */
  components: number;
  largestComponent: number;
}

/** One place that makes a dangling reference. */
export interface Reference {
  source: string;
  line: number;
}

export interface DanglingReport {
  /** Node key of the dangling target (`?...`). */
  key: string;
  /** The target as first written. */
  target: string;
  /** Number of referencing notes. */
  notes: number;
  references: Reference[];
  suggestion: Suggestion | null;
}

/** Link health: what `npm run check` prints and the map's health panel lists. */
export interface HealthReport {
  /** Orphan note keys, sorted. */
  orphans: string[];
  /** Dangling targets, most-referenced first. */
  dangling: DanglingReport[];
  /** Notes that link out but nothing links to. */
  onlyOutgoing: string[];
  /** Notes that are linked to but link nowhere. */
  onlyIncoming: string[];
}

/** The app a vault is kept in, known from its settings folder (`.obsidian`, `.foam` or `.vscode`). */
export type VaultApp = 'obsidian' | 'foam';

export interface GraphAttributes {
  schemaVersion: number;
  /** Folder name of the vault. */
  vault: string;
  builtAt: string;
  stats: GraphStats;
  warnings: BuildWarning[];
  health: HealthReport;
  /**
   * How far the build's layout cooled, in d3 ticks (0 = positions are only a
   * starting spiral; 300, d3's whole schedule, = converged: the multilevel
   * layout stops on measured convergence). The map resumes the cooling there.
   * Optional: older graphs lack it, and the map then treats positions as settled.
   */
  layoutTicks?: number;
  /**
   * The app the vault is kept in (null: a plain folder), for the map's "Open
   * in Obsidian" / "Open in VS Code". Optional: older graphs lack it.
   */
  vaultApp?: VaultApp | null;
  /**
   * The vault's own view settings (Obsidian's graph view, notemap.config.json),
   * the map's defaults when it opens without view state in its URL. Optional.
   */
  view?: VaultView;
  /** Unlinked mentions (see MentionsReport). Optional: older graphs lack it. */
  mentions?: MentionsReport;
}

/**
 * A note whose text names another note (its title, an alias or its file
 * name, as whole words, case-insensitively, outside code, links and
 * frontmatter) without linking to it: a link the author may want to add.
 * Not an edge: mentions change no link count and no orphan status.
 */
export interface UnlinkedMention {
  /** Key of the note whose text names the target. */
  source: string;
  /** Key of the note named. */
  target: string;
  /** The name as written in the source (first occurrence). */
  text: string;
  /** 1-based line of the first occurrence in the source file. */
  line: number;
  /** The sentence around it, plain text. */
  context: string;
  /** Occurrences of the target's names in the source. */
  count: number;
  /** The wiki link to paste in place of `text`: `[[text]]`, or `[[path|text]]` when the text cannot be a link target. */
  link: string;
}

/** The rule that keeps a name from meaning too little, as applied. */
export interface MentionRule {
  /** Names with fewer letters or digits than this are skipped. */
  minLetters: number;
  /** Names found in more than this share of the notes (and in more than `minCommonNotes` notes) are skipped. */
  maxShare: number;
  minCommonNotes: number;
}

export interface MentionsReport {
  /** One per (source, target) pair, sorted by target then source. */
  mentions: UnlinkedMention[];
  rule: MentionRule;
  /** Names skipped as too common, most found first (at most 20): the name and in how many notes. */
  common: { name: string; notes: number }[];
}

/** An Obsidian graph color group: notes matching `query` take `color` (#rrggbb); the first matching group wins. */
export interface ColorGroup {
  query: string;
  color: string;
}

/** View defaults read from the vault's settings; absent fields keep the map's own defaults. */
export interface VaultView {
  colorGroups?: ColorGroup[];
  /** Tag (lower case) to #rrggbb, from notemap.config.json `tagColors`. */
  tagColors?: Record<string, string>;
  showOrphans?: boolean;
  showDangling?: boolean;
  showAttachments?: boolean;
  arrows?: boolean;
  /** Node size multiplier (Obsidian's nodeSizeMultiplier). */
  sizeScale?: number;
  /** Obsidian's graph filter; `tag:#x` terms become the map's tag filter. */
  search?: string;
  /** Obsidian's attachment folder ("./" = beside the note). */
  attachmentFolder?: string;
  /** The layout force sliders (Obsidian's graph.json forces in notemap's units); only values other than notemap's defaults. */
  forces?: Partial<ForceSettings>;
}
