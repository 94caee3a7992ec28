/**
 * The compact form of graph.json that the map downloads first: one binary
 * file (`graph.compact.bin`) with what the first frame and the always-visible
 * UI need (the timeline's dates and the sizes' word counts included), and
 * detail chunks (`graph.details.<n>.json`) with summaries, link contexts and
 * lines, fetched when a panel needs them.
 *
 * Binary layout (little-endian): "NMAP", u32 format version, u32 header
 * length, the header as UTF-8 JSON (padded to 8 bytes), then the sections the
 * header lists (typed arrays, each 8-byte aligned). Nodes are in graph.json's
 * order (keys sorted by code unit), edges sorted by source then target index,
 * so the edges of a details chunk's nodes are one contiguous range.
 *
 * Plain data and pure functions: the build encodes (src/extract/compact.ts),
 * the page decodes (src/app/compact-graph.ts).
 */
import type { DanglingReport, GraphAttributes, LinkKind, NodeKind, Suggestion } from './contract.js';

export const COMPACT_MAGIC = 0x50414d4e; // "NMAP" read as a little-endian u32
export const COMPACT_FORMAT = 2;
/** Notes per details chunk: a panel fetches ~1 MB, not the whole vault's text. */
export const DETAILS_CHUNK = 2000;

/** File names beside graph.json (same stem: `x.json` -> `x.compact.bin`, `x.details.0.json`). */
export function compactFileName(graphFile: string): string {
  return graphFile.replace(/\.json$/i, '') + '.compact.bin';
}
export function detailsFileName(graphFile: string, chunk: number): string {
  return graphFile.replace(/\.json$/i, '') + `.details.${chunk}.json`;
}

export const NODE_KINDS: readonly NodeKind[] = ['note', 'dangling', 'attachment'];
/** Node flag bits (after the kind in bits 0-1). */
export const FLAG_DRAFT = 4;
export const FLAG_ORPHAN = 8;
/** An index into keys that is not there: the key is in the section's `missing` list. */
export const MISSING = 0xffffffff;

export type SectionType = 'u8' | 'u16' | 'u32' | 'i32' | 'f32';
export interface SectionRef {
  type: SectionType;
  offset: number;
  length: number;
}

/** A key list stored as indices; keys that are not nodes keep their text, in order. */
export interface KeyListRef {
  section: string;
  missing: string[];
}

/** Sparse per-node or per-edge values: [index, value] pairs. */
export type Sparse<T> = [number, T][];

export interface CompactHeader {
  schemaVersion: number;
  /** Graph attributes except `health` (rebuilt from the sections). */
  attributes: Omit<GraphAttributes, 'health'> & Record<string, unknown>;
  keys: string[];
  titles: string[];
  /** Distinct tags, as written; notes refer to them by index. */
  tags: string[];
  /** Distinct date strings (as written); sections created/updated hold index + 1, 0 for none. */
  dates: string[];
  /** Distinct link kind lists (in the edges' own order); edges refer to them by index. */
  linkKinds: LinkKind[][];
  /** Notes with aliases. */
  aliases: Sparse<string[]>;
  /** Paths that are not the node's key (attachments, or a note whose path differs). */
  paths: Sparse<string | null>;
  /** Dangling nodes' suggestions (absent: null). */
  suggestions: Sparse<Suggestion | null>;
  /** Node and edge attributes this format does not know, kept so nothing is lost. */
  extraNodes: Record<string, Sparse<unknown>>;
  extraEdges: Record<string, Sparse<unknown>>;
  health: {
    orphans: KeyListRef;
    onlyOutgoing: KeyListRef;
    onlyIncoming: KeyListRef;
    /** Each dangling report without its references (sections refStart/refSource/refLine). */
    dangling: Omit<DanglingReport, 'references'>[];
    refSources: KeyListRef;
  };
  details: { chunkSize: number; chunks: number };
  sections: Record<string, SectionRef>;
}

/** One details chunk: nodes [chunk * chunkSize, ...) and the edges whose source is one of them. */
export interface DetailsChunk {
  firstNode: number;
  firstEdge: number;
  summary: string[];
  context: string[];
  line: number[];
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;
const CTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array } as const;

/** The decoded binary: the header plus a typed-array view of each section (no copies). */
export interface CompactGraph {
  header: CompactHeader;
  section(name: string): TypedArray;
}

/** Thrown when a buffer is not a compact graph this code reads. */
export class CompactFormatError extends Error {
  override name = 'CompactFormatError';
}

export function decodeCompact(buffer: ArrayBuffer): CompactGraph {
  if (buffer.byteLength < 12) throw new CompactFormatError('compact graph: file too short');
  const head = new DataView(buffer, 0, 12);
  if (head.getUint32(0, true) !== COMPACT_MAGIC) throw new CompactFormatError('compact graph: not a notemap compact file');
  const format = head.getUint32(4, true);
  if (format !== COMPACT_FORMAT) throw new CompactFormatError(`compact graph: format ${format}, this map reads ${COMPACT_FORMAT}`);
  const headerBytes = head.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 12, headerBytes))) as CompactHeader;
  const views = new Map<string, TypedArray>();
  return {
    header,
    section(name) {
      let view = views.get(name);
      if (!view) {
        const ref = header.sections[name];
        if (!ref) throw new CompactFormatError(`compact graph: no section ${name}`);
        view = new CTORS[ref.type](buffer, ref.offset, ref.length);
        views.set(name, view);
      }
      return view;
    },
  };
}

/** The keys of a stored key list. */
export function readKeyList(graph: CompactGraph, ref: KeyListRef): string[] {
  const indices = graph.section(ref.section);
  const keys = graph.header.keys;
  const out = new Array<string>(indices.length);
  let m = 0;
  for (let i = 0; i < indices.length; i++) out[i] = indices[i] === MISSING ? ref.missing[m++] : keys[indices[i]];
  return out;
}
