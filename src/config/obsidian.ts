/**
 * Obsidian's settings, read from the vault's `.obsidian` folder when it has
 * one: "Excluded files" (`app.json` `userIgnoreFilters`: path prefixes, or a
 * regular expression written between slashes), the attachment folder
 * (`attachmentFolderPath`), and the graph view (`graph.json`), mapped to the
 * map's own view settings. A malformed file is a warning; defaults stay.
 */
import path from 'node:path';
import type { BuildWarning, ColorGroup, VaultView } from '../core/contract.js';
import type { PathMatcher } from './glob.js';
import { isPlainObject, readSettingsObject } from './json-file.js';
import { FORCE_DEFAULTS, forcesFromObsidian, type ForceSettings } from '../core/force-settings.js';

export interface ObsidianSettings {
  /** Whether the vault has `.obsidian/app.json` or `.obsidian/graph.json`. */
  found: boolean;
  /** Matches excluded files and folders; undefined when none are set. */
  ignore?: PathMatcher;
  /** The filters as written, for messages. */
  ignoreFilters: string[];
  view: VaultView;
  warnings: BuildWarning[];
}

/** One `userIgnoreFilters` entry: `/regex/` or a path prefix (case-insensitive, as on macOS and Windows). */
export function obsidianFilterMatcher(filter: string): PathMatcher | null {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(filter);
  if (regex) {
    try {
      const re = new RegExp(regex[1], regex[2].replace(/[gy]/g, ''));
      return (rel) => re.test(rel);
    } catch {
      return null;
    }
  }
  const prefix = filter.replace(/^\/+/, '').toLowerCase();
  if (!prefix) return null;
  // A folder is skipped when the filter names it ("Templates/" or "Templates") or a path it starts.
  return (rel, isFolder) => {
    const p = (isFolder ? rel + '/' : rel).toLowerCase();
    return p.startsWith(prefix);
  };
}

/** Obsidian's color `{ a, rgb }` (rgb a 24-bit number) as `#rrggbb`, or null. */
export function obsidianColor(value: unknown): string | null {
  if (!isPlainObject(value) || typeof value.rgb !== 'number' || !Number.isInteger(value.rgb)) return null;
  if (value.rgb < 0 || value.rgb > 0xffffff) return null;
  return '#' + value.rgb.toString(16).padStart(6, '0');
}

/** The graph view's settings mapped to notemap's; fields Obsidian leaves out are left out. */
export function graphViewSettings(graph: Record<string, unknown>, file: string, warnings: BuildWarning[]): VaultView {
  const view: VaultView = {};
  const flag = (key: string): boolean | undefined => (typeof graph[key] === 'boolean' ? (graph[key] as boolean) : undefined);
  const groups = graph.colorGroups;
  if (Array.isArray(groups)) {
    const colorGroups: ColorGroup[] = [];
    groups.forEach((group, i) => {
      const color = isPlainObject(group) ? obsidianColor(group.color) : null;
      if (!isPlainObject(group) || typeof group.query !== 'string' || color === null) {
        warnings.push({ file, message: `colorGroups[${i}] has no query or no color, skipped` });
        return;
      }
      if (group.query.trim()) colorGroups.push({ query: group.query.trim(), color });
    });
    if (colorGroups.length) view.colorGroups = colorGroups;
  }
  const orphans = flag('showOrphans');
  if (orphans !== undefined) view.showOrphans = orphans;
  const unresolved = flag('hideUnresolved');
  if (unresolved !== undefined) view.showDangling = !unresolved;
  const attachments = flag('showAttachments');
  if (attachments !== undefined) view.showAttachments = attachments;
  const arrows = flag('showArrow');
  if (arrows !== undefined) view.arrows = arrows;
  if (typeof graph.search === 'string' && graph.search.trim()) view.search = graph.search.trim();
  // Forces the user left at Obsidian's defaults keep notemap's (the build's layout used those).
  const forces = Object.entries(forcesFromObsidian(graph)).filter(([field, value]) => FORCE_DEFAULTS[field as keyof ForceSettings] !== value);
  if (forces.length) view.forces = Object.fromEntries(forces);
  const size = graph.nodeSizeMultiplier;
  if (typeof size === 'number' && Number.isFinite(size) && size > 0) view.sizeScale = Math.min(5, Math.max(0.1, size));
  return view;
}

/** Reads `.obsidian/app.json` and `.obsidian/graph.json` of `vault`. */
export function readObsidianSettings(vault: string): ObsidianSettings {
  const warnings: BuildWarning[] = [];
  const dir = path.join(vault, '.obsidian');
  const app = readSettingsObject(path.join(dir, 'app.json'), '.obsidian/app.json', warnings);
  const graph = readSettingsObject(path.join(dir, 'graph.json'), '.obsidian/graph.json', warnings);
  const settings: ObsidianSettings = { found: app !== null || graph !== null, ignoreFilters: [], view: {}, warnings };

  if (app) {
    const filters = Array.isArray(app.userIgnoreFilters) ? app.userIgnoreFilters.filter((f): f is string => typeof f === 'string') : [];
    const matchers: PathMatcher[] = [];
    for (const filter of filters) {
      const m = obsidianFilterMatcher(filter);
      if (m) {
        matchers.push(m);
        settings.ignoreFilters.push(filter);
      } else warnings.push({ file: '.obsidian/app.json', message: `userIgnoreFilters: "${filter}" is not a path or a valid /regex/, skipped` });
    }
    if (matchers.length) settings.ignore = (rel, isFolder) => matchers.some((m) => m(rel, isFolder));
    if (typeof app.attachmentFolderPath === 'string' && app.attachmentFolderPath.trim()) {
      settings.view.attachmentFolder = app.attachmentFolderPath.trim();
    }
  }
  if (graph) Object.assign(settings.view, graphViewSettings(graph, '.obsidian/graph.json', warnings));
  return settings;
}
