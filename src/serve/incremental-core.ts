/**
 * The in-memory half of the incremental builder: parsed notes in, graph out.
 * The first `apply` builds the graph as the pipeline does (buildGraph,
 * measure, health, then positions: the cache's where it has them, a full
 * layout when there is no cache); every later `apply` edits that graph in
 * place (incremental-graph.ts), measures and checks health again (global by
 * nature: PageRank and communities), keeps every remaining node's position
 * and places only the new nodes, and returns the diff for the page.
 */
import path from 'node:path';
import type { BuildWarning, Suggestion } from '../core/contract.js';
import { layoutTicks } from '../core/forces.js';
import { buildGraph, sortWarnings, type NotemapGraph } from '../extract/build-graph.js';
import { assignHealth, buildHealth } from '../extract/health.js';
import { layoutGraph } from '../extract/layout.js';
import { detectVaultApp } from '../extract/vault-app.js';
import { countStats, measureGraph } from '../extract/metrics.js';
import { buildSuggestionIndex, suggestFor, type SuggestionIndex } from '../extract/suggest.js';
import type { ParsedNote, ResolvedLink } from '../extract/types.js';
import { diffGraph, snapshotGraph, type GraphDiff } from './graph-diff.js';
import { applyGraphEdit, sourcesToRewrite } from './incremental-graph.js';
import type { VaultSettings } from './incremental-files.js';
import { IncrementalResolver, type VaultChange } from './incremental-resolve.js';
import { placeNewNodes } from './place-new-nodes.js';
import { restoreMetrics, structureKey, takeMetrics, type CachedMetrics } from './cached-metrics.js';
import { indexBytes, indexFromBytes, namesHash, type CachedSuggestions } from './cached-suggestions.js';

export interface CoreChange extends VaultChange {
  /** Warnings per note file (read and parse), replacing the file's previous ones; [] clears. */
  fileWarnings: Map<string, BuildWarning[]>;
  /** The scan's warnings, when a scan ran (else the previous ones stay). */
  scanWarnings?: BuildWarning[];
  /** Notes that moved: the new path takes the old one's position. */
  moved?: { from: string; to: string }[];
}

export interface CoreOptions {
  vault: string;
  extensions: readonly string[];
  /** Positions from a previous build (the cache); absent: lay the first build out from scratch. */
  positions?: Map<string, { x: number; y: number }>;
  /** The previous build's layoutTicks attribute, kept with the positions. */
  layoutTicks?: number;
  /** Layout ticks of a from-scratch first build (tests use 0). */
  ticks?: number;
  /** The vault's settings (src/config): their warnings and view defaults go into the graph as the pipeline puts them. */
  settings?: VaultSettings;
  /** The cache's metrics: used by the first build when the notes and the links between them are the same. */
  metrics?: CachedMetrics;
  /** The cache's "did you mean" answers: used by the first build when the notes' names are the same. */
  suggestions?: CachedSuggestions;
  /** No update will follow the first build (BuilderOptions.oneOff): what only updates need is not prepared. */
  oneOff?: boolean;
}

/** Seconds per step of one apply (the first build lays out in `place`; snapshot time counts in `resolve`). */
export interface CoreTimings {
  resolve: number;
  edit: number;
  measure: number;
  health: number;
  place: number;
  diff: number;
}

export interface CoreResult {
  graph: NotemapGraph;
  /** The change from the previous graph; null for the first build. */
  diff: GraphDiff | null;
  timings: CoreTimings;
  /** Every note, sorted by path, and every resolved link (for the mentions, incremental-mentions.ts). */
  notes: ParsedNote[];
  links: readonly ResolvedLink[];
  /** namesHash of `notes` (the suggestions' and the mention names' key), taken once per apply. */
  namesHash: string;
}

/** Places of removed nodes remembered (a checkout of this many files and back keeps them all). */
const GONE_PLACES = 20_000;

export class IncrementalCore {
  readonly resolver: IncrementalResolver;
  graph: NotemapGraph | null = null;
  private readonly fileWarnings = new Map<string, BuildWarning[]>();
  private scanWarnings: BuildWarning[] = [];
  private attachmentNames = new Map<string, string>();
  private suggestions = new Map<string, Suggestion | null>();
  private suggestionIndex: SuggestionIndex | null = null;
  /** The suggestion index as bytes (from the cache, or made for it), for the same names as `suggestions`. */
  private suggestionBytes: Uint8Array | null = null;
  /** Where nodes removed lately were (oldest first): one that comes back takes its place again. */
  private readonly gonePlaces = new Map<string, { x: number; y: number }>();
  /** structureKey of the graph as it is (cached-metrics.ts), null until asked for again after a change. */
  private structure: string | null = null;
  /** namesHash of the notes as they are (the last apply's). */
  private namesHash = '';

  constructor(private readonly options: CoreOptions) {
    this.resolver = new IncrementalResolver(options.extensions, { eagerDependents: !options.oneOff });
  }

  /** Applies a change; returns the graph and, after the first build, the diff from the previous one. */
  apply(change: CoreChange, builtAt = new Date().toISOString()): CoreResult {
    const timings: CoreTimings = { resolve: 0, edit: 0, measure: 0, health: 0, place: 0, diff: 0 };
    let mark = process.hrtime.bigint();
    const lap = (stage: keyof CoreTimings): void => {
      const t = process.hrtime.bigint();
      timings[stage] += Number(t - mark) / 1e9;
      mark = t;
    };
    for (const [file, list] of change.fileWarnings) {
      if (list.length > 0) this.fileWarnings.set(file, list);
      else this.fileWarnings.delete(file);
    }
    for (const file of change.remove) this.fileWarnings.delete(file);
    if (change.scanWarnings) this.scanWarnings = change.scanWarnings;
    const update = this.resolver.apply(change);
    if (update.namesChanged) {
      this.suggestions.clear();
      this.suggestionIndex = null;
      this.suggestionBytes = null;
    }
    const assembled = this.resolver.assemble();
    const notes = this.resolver.sortedPaths().map((p) => this.resolver.notes.get(p)!);
    const warnings = sortWarnings([...(this.options.settings?.warnings ?? []), ...this.scanWarnings, ...[...this.fileWarnings.values()].flat()]);
    const names = (this.namesHash = namesHash(notes));
    lap('resolve');

    if (!this.graph) {
      const graph = buildGraph({ notes, resolved: assembled, vault: path.basename(path.resolve(this.options.vault)), builtAt, warnings });
      // As the pipeline does: which "Open in ..." the map offers, and the vault's view defaults.
      graph.setAttribute('vaultApp', detectVaultApp(this.options.vault));
      const view = this.options.settings?.view;
      if (view && Object.keys(view).length) graph.setAttribute('view', view);
      const cached = this.options.suggestions;
      if (cached && cached.names === names) {
        this.suggestions = new Map(cached.answers);
        // A live session copies them: a view into the cache file's bytes would keep all of those alive.
        this.suggestionBytes = cached.index ? (this.options.oneOff ? cached.index : new Uint8Array(cached.index)) : null;
      }
      lap('edit');
      // From the cache: the metrics stand when no note and no link between notes changed.
      this.structure = restoreMetrics(graph, this.options.metrics);
      this.finish(graph, notes, assembled.links, lap, this.structure === null);
      this.positionFirst(graph);
      lap('place');
      this.graph = graph;
      this.attachmentNames = assembled.byAttachmentName;
      return { graph, diff: null, timings, notes, links: assembled.links, namesHash: names };
    }

    const graph = this.graph;
    const edit = {
      removed: change.remove,
      upserted: change.upsert,
      resolved: update.resolved,
      notes: this.resolver.notes,
      assembled,
      previousAttachmentNames: this.attachmentNames,
    };
    const touched = sourcesToRewrite(edit);
    // The edges that can change: out of the notes rewritten, and to or from the notes removed.
    const edgeSources = new Set(touched);
    for (const path of change.remove) {
      if (!graph.hasNode(path)) continue;
      edgeSources.add(path);
      for (const source of graph.inNeighbors(path)) edgeSources.add(source);
    }
    const before = snapshotGraph(graph, edgeSources);
    const structure = applyGraphEdit(graph, edit, touched);
    this.attachmentNames = assembled.byAttachmentName;
    graph.setAttribute('builtAt', builtAt);
    graph.setAttribute('warnings', warnings);
    graph.setAttribute('vaultApp', detectVaultApp(this.options.vault));
    lap('edit');
    if (structure) this.structure = null;
    this.finish(graph, notes, assembled.links, lap, structure);
    const fresh: string[] = [];
    graph.forEachNode((key) => {
      if (!before.nodes.has(key)) fresh.push(key);
    });
    const moved = (change.moved ?? []).filter((m) => before.nodes.has(m.from) && graph.hasNode(m.to));
    for (const { from, to } of moved) {
      const p = before.nodes.get(from)!;
      graph.mergeNodeAttributes(to, { x: p.x, y: p.y });
    }
    const carried = new Set(moved.map((m) => m.to));
    // A note back where it was (a branch switched back, a delete undone, a save seen in two builds) takes its old place.
    for (const key of fresh) {
      const p = this.gonePlaces.get(key);
      if (!p || carried.has(key)) continue;
      graph.mergeNodeAttributes(key, { x: p.x, y: p.y });
      carried.add(key);
    }
    for (const key of fresh) this.gonePlaces.delete(key);
    for (const [key, a] of before.nodes) if (!graph.hasNode(key)) this.rememberPlace(key, a);
    placeNewNodes(graph, fresh.filter((k) => !carried.has(k)));
    lap('place');
    const diff = diffGraph(before, graph, moved);
    lap('diff');
    return { graph, diff, timings, notes, links: assembled.links, namesHash: names };
  }

  /** Keeps a removed node's place, the newest GONE_PLACES only. */
  private rememberPlace(key: string, a: { x: number; y: number }): void {
    this.gonePlaces.delete(key);
    this.gonePlaces.set(key, { x: a.x, y: a.y });
    if (this.gonePlaces.size > GONE_PLACES) this.gonePlaces.delete(this.gonePlaces.keys().next().value!);
  }

  /** What the cache keeps of the core beside the notes: the metrics and the "did you mean" answers. */
  cacheParts(): { metrics: CachedMetrics; suggestions: CachedSuggestions } {
    this.structure ??= structureKey(this.graph!);
    if (!this.suggestionBytes && this.suggestionIndex) this.suggestionBytes = indexBytes(this.suggestionIndex);
    const index = this.suggestionBytes ? { index: this.suggestionBytes } : {};
    return { metrics: takeMetrics(this.graph!, this.structure), suggestions: { names: this.namesHash, answers: [...this.suggestions], ...index } };
  }

  /** Measure and health, with "did you mean" answers kept while no note name changes. */
  private finish(graph: NotemapGraph, notes: ParsedNote[], links: Parameters<typeof buildHealth>[1], lap: (stage: keyof CoreTimings) => void, structure = true): void {
    if (structure) measureGraph(graph);
    else {
      // No note and no link between notes changed: PageRank, communities and components stand; the counts may not.
      const { components, largestComponent } = graph.getAttribute('stats');
      graph.setAttribute('stats', countStats(graph, { count: components, largest: largestComponent }));
    }
    lap('measure');
    const suggest = (target: string): Suggestion | null => {
      if (this.suggestions.has(target)) return this.suggestions.get(target)!;
      this.suggestionIndex ??= this.suggestionBytes ? indexFromBytes(this.suggestionBytes) : buildSuggestionIndex(notes);
      const answer = suggestFor(this.suggestionIndex, target);
      this.suggestions.set(target, answer);
      return answer;
    };
    assignHealth(graph, buildHealth(notes, links, suggest));
    lap('health');
  }

  /** The first build's positions: the cache's for every node it knows (the rest placed beside them), or a full layout. */
  private positionFirst(graph: NotemapGraph): void {
    const known = this.options.positions;
    if (!known || known.size === 0) {
      const ticks = layoutGraph(graph, { ticks: this.options.ticks ?? layoutTicks(graph.order) });
      graph.setAttribute('layoutTicks', ticks);
      return;
    }
    const fresh: string[] = [];
    graph.updateEachNodeAttributes((key, attrs) => {
      const p = known.get(key);
      if (!p) fresh.push(key);
      return p ? { ...attrs, x: p.x, y: p.y } : attrs;
    });
    placeNewNodes(graph, fresh);
    graph.setAttribute('layoutTicks', this.options.layoutTicks ?? layoutTicks(graph.order));
  }
}
