/**
 * The view in the URL: ViewState <-> query string. (The binding that keeps
 * the address bar and browser history in step with the store is in
 * url-binding.ts, re-exported here.)
 *
 * Only fields that differ from DEFAULT_VIEW are written, under short stable
 * names, in a fixed order, so a view has exactly one URL. Reading is
 * forgiving: an unknown name is ignored, an invalid value falls back to its
 * default, numbers are clamped to their range.
 */

import { formatMonth, parseMonth } from '../../core/dates.js';
import { tagKey } from '../../core/normalize.js';
import { SIZE_BY } from '../style/size-by.js';
import { DEFAULT_VIEW, type CameraView, type ViewState } from './types.js';
import { FORCE_LIMITS } from '../../core/force-settings.js';
import type { ColorGroup } from '../../core/contract.js';

/** Ranges of the numeric fields (the controls offer the same). */
export const LIMITS = {
  minLinks: { min: 0, max: 999 },
  localDepth: { min: 0, max: 3 },
  /** 0 = full tag; the legend offers full, 1 and 2 levels. */
  tagDepth: { min: 0, max: 2 },
  sizeScale: { min: 0.5, max: 3 },
  labelSize: { min: 0.5, max: 2 },
  labelFade: { min: 0, max: 1 },
  /** sigma's minCameraRatio and maxCameraRatio (render/settings.ts). */
  cameraRatio: { min: 0.02, max: 8 },
  /** Framed-graph units: 0..1 spans the graph, so anything far outside is junk. */
  cameraXY: { min: -10, max: 10 },
  folderDepth: { min: 0, max: 3 },
  centerForce: FORCE_LIMITS.centerForce,
  repelForce: FORCE_LIMITS.repelForce,
  linkForce: FORCE_LIMITS.linkForce,
  linkDistance: FORCE_LIMITS.linkDistance,
} as const;

/** Longest filter or group query kept from a URL (a query is a few words; this bounds junk). */
export const MAX_QUERY_LENGTH = 500;

type ParamKind = 'bool' | 'int' | 'float' | 'tags' | 'keys' | 'note' | 'enum' | 'month' | 'text' | 'groups' | 'camera';

interface Param {
  field: keyof ViewState;
  name: string;
  kind: ParamKind;
  values?: readonly string[];
}

/** URL names, in the order they are written. */
const PARAMS: readonly Param[] = [
  { field: 'selected', name: 'note', kind: 'note' },
  { field: 'panel', name: 'panel', kind: 'enum', values: ['summary', 'health', 'path'] },
  { field: 'localDepth', name: 'depth', kind: 'int' },
  { field: 'localDirection', name: 'dir', kind: 'enum', values: ['in', 'out', 'both'] },
  { field: 'hiddenTags', name: 'hide', kind: 'tags' },
  { field: 'onlyTags', name: 'only', kind: 'tags' },
  { field: 'showOrphans', name: 'orphans', kind: 'bool' },
  { field: 'showDangling', name: 'dangling', kind: 'bool' },
  { field: 'showDrafts', name: 'drafts', kind: 'bool' },
  { field: 'showAttachments', name: 'att', kind: 'bool' },
  { field: 'minLinks', name: 'min', kind: 'int' },
  { field: 'tagDepth', name: 'tagdepth', kind: 'int' },
  { field: 'colorCommonTags', name: 'common', kind: 'bool' },
  { field: 'sizeScale', name: 'size', kind: 'float' },
  { field: 'sizeBy', name: 'sizeby', kind: 'enum', values: SIZE_BY },
  { field: 'sizeEmbeds', name: 'embeds', kind: 'bool' },
  { field: 'labelSize', name: 'text', kind: 'float' },
  { field: 'labelFade', name: 'fade', kind: 'float' },
  { field: 'arrows', name: 'arrows', kind: 'bool' },
  { field: 'theme', name: 'theme', kind: 'enum', values: ['light', 'dark', 'system'] },
  { field: 'timeline', name: 'timeline', kind: 'bool' },
  { field: 'timeField', name: 'time', kind: 'enum', values: ['created', 'updated'] },
  { field: 'timeFrom', name: 'from', kind: 'month' },
  { field: 'timeTo', name: 'to', kind: 'month' },
  { field: 'showUndated', name: 'undated', kind: 'bool' },
  { field: 'colorBy', name: 'color', kind: 'enum', values: ['tag', 'folder', 'cluster', 'groups'] },
  { field: 'folderDepth', name: 'folderdepth', kind: 'int' },
  { field: 'groups', name: 'groups', kind: 'groups' },
  { field: 'hiddenCategories', name: 'hidecat', kind: 'keys' },
  { field: 'onlyCategories', name: 'onlycat', kind: 'keys' },
  { field: 'filter', name: 'filter', kind: 'text' },
  { field: 'centerForce', name: 'center', kind: 'float' },
  { field: 'repelForce', name: 'repel', kind: 'float' },
  { field: 'linkForce', name: 'linkforce', kind: 'float' },
  { field: 'linkDistance', name: 'linkdist', kind: 'float' },
  { field: 'showMentions', name: 'mentions', kind: 'bool' },
  { field: 'pathTo', name: 'pathto', kind: 'note' },
  { field: 'pathDirected', name: 'directed', kind: 'bool' },
  { field: 'healthShow', name: 'health', kind: 'enum', values: ['orphans', 'missing'] },
  // Last: the part of a shared link that changes most.
  { field: 'camera', name: 'cam', kind: 'camera' },
];

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, value));
}

/** decodeURIComponent that treats `+` as a space and returns null on malformed escapes. */
function decodePart(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Tags in a list: keys (lower case, trimmed, no `#`), no empties, no duplicates, order kept. */
export function cleanTagList(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tagKey(tag);
    if (key !== '' && !seen.has(key)) seen.add(key);
  }
  return [...seen];
}

/** Legend keys in a list: trimmed, no empties, no duplicates, order and casing kept. */
export function cleanKeyList(keys: readonly string[]): string[] {
  return [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ''))];
}

/**
 * Color groups in the URL: `rrggbb:query` per rule (the query escaped, so a
 * comma in it never splits it), rules joined by commas, in order. A rule
 * with a bad color or an empty query is dropped.
 */
export function encodeGroups(groups: readonly ColorGroup[]): string {
  return groups.map((g) => `${g.color.replace(/^#/, '').toLowerCase()}:${encodeURIComponent(g.query)}`).join(',');
}

export function decodeGroups(raw: string): ColorGroup[] {
  const groups: ColorGroup[] = [];
  for (const part of raw.split(',')) {
    const m = /^([0-9a-fA-F]{6}):(.*)$/.exec(part);
    const query = m ? decodePart(m[2]) : null;
    if (!m || query === null || query.trim() === '') continue;
    groups.push({ color: '#' + m[1].toLowerCase(), query: query.trim().slice(0, MAX_QUERY_LENGTH) });
  }
  return groups;
}

function encodeValue(param: Param, value: unknown): string {
  switch (param.kind) {
    case 'bool':
      return value ? '1' : '0';
    case 'groups':
      return encodeGroups(value as ColorGroup[]);
    case 'keys':
    case 'tags':
      // Each tag escaped on its own, so a comma inside a tag (%2C) never splits it.
      return (value as string[]).map(encodeURIComponent).join(',');
    case 'float':
      return String(Math.round((value as number) * 100) / 100);
    case 'month':
      return formatMonth(value as number);
    case 'camera':
      return formatCamera(value as CameraView);
    default:
      return encodeURIComponent(String(value));
  }
}

/**
 * A camera as it is written: x and y to 4 decimals (a ten-thousandth of the
 * graph's extent), the ratio to 4 significant digits. Rounding is idempotent,
 * so a camera read from a URL writes the same URL.
 */
export function roundCamera(camera: CameraView): CameraView {
  const ratio = Number(camera.ratio.toPrecision(4));
  return { x: Math.round(camera.x * 10_000) / 10_000, y: Math.round(camera.y * 10_000) / 10_000, ratio };
}

/** `x,y,ratio`, rounded (roundCamera). */
export function formatCamera(camera: CameraView): string {
  const { x, y, ratio } = roundCamera(camera);
  return `${x},${y},${ratio}`;
}

/** Read `x,y,ratio` (null unless it is three finite numbers); clamped to sane ranges and rounded. */
export function parseCamera(text: string): CameraView | null {
  const parts = text.split(',');
  if (parts.length !== 3 || !parts.every((p) => /^\s*-?\d+(\.\d+)?(e-?\d+)?\s*$/i.test(p))) return null;
  const [x, y, ratio] = parts.map(Number);
  if (![x, y, ratio].every(Number.isFinite) || ratio <= 0) return null;
  return roundCamera({ x: clamp(x, LIMITS.cameraXY), y: clamp(y, LIMITS.cameraXY), ratio: clamp(ratio, LIMITS.cameraRatio) });
}

/** True when two cameras write the same URL (null only equals null). */
export function sameCamera(a: CameraView | null, b: CameraView | null): boolean {
  if (a === null || b === null) return a === b;
  return formatCamera(a) === formatCamera(b);
}

/**
 * The query string for a view: `''` when everything is default, otherwise
 * `?name=value&...` with only the non-default fields.
 */
export function encodeView(state: ViewState): string {
  const parts: string[] = [];
  for (const param of PARAMS) {
    const value = state[param.field];
    const fallback = DEFAULT_VIEW[param.field];
    if (param.kind === 'tags' || param.kind === 'keys') {
      if ((value as string[]).length === 0) continue;
    } else if (param.kind === 'groups') {
      // null = the vault's own groups; an empty list (every rule removed) is written as `groups=`.
      if (value === null) continue;
    } else if (param.kind === 'text') {
      if ((value as string).trim() === '') continue;
    } else if (value === fallback || value === null) {
      continue;
    }
    parts.push(`${param.name}=${encodeValue(param, value)}`);
  }
  return parts.length === 0 ? '' : '?' + parts.join('&');
}

/** One parameter's value, or undefined when it is not valid (the default then stays). */
function decodeValue(param: Param, raw: string, graphHasNode?: (key: string) => boolean): unknown {
  if (param.kind === 'tags') {
    const tags = raw.split(',').map(decodePart).filter((t): t is string => t !== null);
    return cleanTagList(tags);
  }
  if (param.kind === 'keys') {
    const keys = raw.split(',').map(decodePart).filter((t): t is string => t !== null);
    return cleanKeyList(keys);
  }
  if (param.kind === 'groups') return decodeGroups(raw);
  const text = decodePart(raw);
  if (text === null) return undefined;
  switch (param.kind) {
    case 'bool': {
      const word = text.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return undefined;
    }
    case 'int':
    case 'float': {
      if (!/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return undefined;
      const range = LIMITS[param.field as Exclude<keyof typeof LIMITS, 'cameraRatio' | 'cameraXY'>];
      const n = param.kind === 'int' ? Math.round(Number(text)) : Math.round(Number(text) * 100) / 100;
      return clamp(n, range);
    }
    case 'enum':
      return param.values!.includes(text) ? text : undefined;
    case 'month':
      return parseMonth(text) ?? undefined;
    case 'camera':
      return parseCamera(text) ?? undefined;
    case 'text':
      return text.trim().slice(0, MAX_QUERY_LENGTH);
    case 'note':
      if (text === '') return undefined;
      if (graphHasNode && !graphHasNode(text)) return undefined;
      return text;
  }
}

/**
 * Read a view from a query string (with or without the leading `?`). Junk is
 * ignored field by field; `graphHasNode`, when given, drops a selection that
 * is not in the graph (and with it a summary panel that would be empty).
 * When a name repeats, the last value wins.
 */
export function decodeView(search: string, graphHasNode?: (key: string) => boolean): ViewState {
  const state: Record<string, unknown> = { ...DEFAULT_VIEW };
  const byName = new Map(PARAMS.map((p) => [p.name, p]));
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodePart(eq < 0 ? pair : pair.slice(0, eq));
    const param = name === null ? undefined : byName.get(name.toLowerCase());
    if (!param) continue;
    const value = decodeValue(param, eq < 0 ? '' : pair.slice(eq + 1), graphHasNode);
    if (value !== undefined) state[param.field] = value;
  }
  const view = state as unknown as ViewState;
  if (view.selected === null && view.panel === 'summary') view.panel = DEFAULT_VIEW.panel;
  // A path runs from the selected note to another one: without both, there is none (and no panel for it).
  if (view.pathTo !== null && (view.selected === null || view.pathTo === view.selected)) view.pathTo = null;
  if (view.pathTo === null) view.pathDirected = DEFAULT_VIEW.pathDirected;
  if (view.panel === 'path' && view.pathTo === null) view.panel = view.selected === null ? null : 'summary';
  // The map's health view belongs to the open health panel (closing the panel ends it).
  if (view.panel !== 'health') view.healthShow = null;
  // A range written backwards (`from=2099-01&to=1900-01`) showed no note while the bar drew one month: read it forwards.
  if (view.timeFrom !== null && view.timeTo !== null && view.timeFrom > view.timeTo) [view.timeFrom, view.timeTo] = [view.timeTo, view.timeFrom];
  return view;
}

export { bindUrl, type BindUrlOptions, type UrlWindow } from './url-binding.js';
