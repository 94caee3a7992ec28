/**
 * Optional figures of the bench that other parts of notemap provide. Each
 * is looked for when the bench runs; a missing provider leaves its column
 * empty ("-") and the JSON field null, and the table says who provides it.
 *
 * How a provider plugs in (run in the measuring child, after the timed runs,
 * so that it does not count in peak RSS or the stage times):
 *  - compactBytes (viewer): automatic. The files the dev server serves
 *    beside graph.json (SERVED_GRAPH_FILES in src/serve/graph-middleware.ts)
 *    that the build wrote next to it, summed.
 *  - layoutQuality, layoutMainShare (layout): automatic, from
 *    src/extract/layout-quality.ts on the built graph (layoutFigures below).
 *  - the rest: a module scripts/lib/bench-<name>.ts exporting
 *    `measure(context: BenchContext): Promise<Partial<BenchExtras>>` that
 *    fills its own fields: bench-viewer.ts (viewerFirstFrameMs,
 *    viewerFirstFrameRatio, viewerPanFrameMs, viewerPanFrameP95Ms, viewerPanReleaseMs), bench-live.ts (incrementalDevMs, incrementalCliMs),
 *    bench-mentions.ts (mentionsSeconds).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NotemapGraph } from '../../src/extract/build-graph.js';
import { layoutQuality } from '../../src/extract/layout-quality.js';

/** What a provider gets: the vault, the graph.json just written (and its folder), the built graph. */
export interface BenchContext {
  vault: string;
  graphPath: string;
  graph: NotemapGraph;
  /** Median floor of this size, seconds (to express a provider's time as a ratio). */
  floorSeconds: number;
}

/** The optional figures, null when their provider has not landed (or failed: see `extrasErrors`). */
export interface BenchExtras {
  /** Bytes of the compact files the viewer loads instead of graph.json. */
  compactBytes: number | null;
  /**
   * The layout's quality: mean link length over the mean distance between two
   * random notes (src/extract/layout-quality.ts linkRatio; lower is better, a
   * random placement scores about 1).
   */
  layoutQuality: number | null;
  /** Share of the drawing's bounding box that the largest component's box covers (layout-quality.ts mainShare). */
  layoutMainShare: number | null;
  /** Headless Chromium: ms from the data's arrival to the first drawn frame. */
  viewerFirstFrameMs: number | null;
  /** The same over the floor of this size (a busy machine slows both). */
  viewerFirstFrameRatio: number | null;
  /** Headless Chromium: median frame time while panning, ms. */
  viewerPanFrameMs: number | null;
  /** 95th percentile of the frame times while panning, ms (the median hides the stalls). */
  viewerPanFrameP95Ms: number | null;
  /** From a pan's release until the map is redrawn (what the pan moved or hid is drawn again). */
  viewerPanReleaseMs: number | null;
  /** One note changed: ms until the dev server's open page shows it. */
  incrementalDevMs: number | null;
  /** The same over the floor of this size. */
  incrementalDevRatio: number | null;
  /** One note changed: ms for the CLI's incremental rebuild. */
  incrementalCliMs: number | null;
  /** The same over the floor of this size. */
  incrementalCliRatio: number | null;
  /** Seconds the unlinked-mentions finder adds to a build. */
  mentionsSeconds: number | null;
}

export const EMPTY_EXTRAS: BenchExtras = {
  compactBytes: null,
  layoutQuality: null,
  layoutMainShare: null,
  viewerFirstFrameMs: null,
  viewerFirstFrameRatio: null,
  viewerPanFrameMs: null,
  viewerPanFrameP95Ms: null,
  viewerPanReleaseMs: null,
  incrementalDevMs: null,
  incrementalDevRatio: null,
  incrementalCliMs: null,
  incrementalCliRatio: null,
  mentionsSeconds: null,
};

/** One column of the extras table: its field, label, unit and who provides it. */
export const EXTRA_COLUMNS: readonly { key: keyof BenchExtras; label: string; owner: string; provider: string }[] = [
  { key: 'compactBytes', label: 'compact payload, every served file beside graph.json (bytes)', owner: 'viewer', provider: 'SERVED_GRAPH_FILES beside graph.json' },
  { key: 'layoutQuality', label: 'layout quality: mean link length / mean random-pair distance (lower is better)', owner: 'layout', provider: 'layoutQuality(graph) in src/extract/layout-quality.ts' },
  { key: 'layoutMainShare', label: "layout: largest component's share of the drawing's box", owner: 'layout', provider: 'layoutQuality(graph) in src/extract/layout-quality.ts' },
  { key: 'viewerFirstFrameMs', label: 'viewer first frame (ms)', owner: 'viewer', provider: 'scripts/lib/bench-viewer.ts' },
  { key: 'viewerFirstFrameRatio', label: 'viewer first frame / floor', owner: 'viewer', provider: 'scripts/lib/bench-viewer.ts' },
  { key: 'viewerPanFrameMs', label: 'viewer pan frame (ms)', owner: 'viewer', provider: 'scripts/lib/bench-viewer.ts' },
  { key: 'viewerPanFrameP95Ms', label: 'viewer pan frame, 95th percentile (ms)', owner: 'viewer', provider: 'scripts/lib/bench-viewer.ts' },
  { key: 'viewerPanReleaseMs', label: 'viewer pan release until redrawn (ms)', owner: 'viewer', provider: 'scripts/lib/bench-viewer.ts' },
  { key: 'incrementalDevMs', label: 'one-note rebuild, dev server, until the diff is sent (ms)', owner: 'live', provider: 'scripts/lib/bench-live.ts' },
  { key: 'incrementalDevRatio', label: 'one-note rebuild, dev server / floor', owner: 'live', provider: 'scripts/lib/bench-live.ts' },
  { key: 'incrementalCliMs', label: 'one-note rebuild, notemap graph --incremental, whole process (ms)', owner: 'live', provider: 'scripts/lib/bench-live.ts' },
  { key: 'incrementalCliRatio', label: 'one-note rebuild, CLI / floor', owner: 'live', provider: 'scripts/lib/bench-live.ts' },
  { key: 'mentionsSeconds', label: 'unlinked mentions (s)', owner: 'share', provider: 'scripts/lib/bench-mentions.ts' },
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Provider modules of the third kind, by file name under scripts/lib. */
const PROVIDER_MODULES = ['bench-viewer.ts', 'bench-live.ts', 'bench-mentions.ts'];

type Measure = (context: BenchContext) => Promise<Partial<BenchExtras>>;

/**
 * Sum of the sizes of the files in `folder` that `names` match (a name, or a
 * pattern for numbered files), graph.json itself left out; null when none does.
 */
export function compactBytes(folder: string, names: readonly (string | RegExp)[]): number | null {
  let total: number | null = null;
  for (const file of readdirSync(folder)) {
    if (file === 'graph.json' || !names.some((n) => (typeof n === 'string' ? n === file : n.test(file)))) continue;
    total = (total ?? 0) + statSync(path.join(folder, file)).size;
  }
  return total;
}

/**
 * The layout's two numbers for a laid-out graph, rounded to 4 digits. Both are
 * fields of one object (layoutQuality returns more than one number, and the
 * JSON of a NaN would read as "not measured").
 */
export function layoutFigures(graph: NotemapGraph): Pick<BenchExtras, 'layoutQuality' | 'layoutMainShare'> {
  const { linkRatio, mainShare } = layoutQuality(graph);
  const round = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);
  return { layoutQuality: round(linkRatio), layoutMainShare: round(mainShare) };
}

async function importIfExists(file: string): Promise<Record<string, unknown> | null> {
  return existsSync(file) ? ((await import(pathToFileURL(file).href)) as Record<string, unknown>) : null;
}

/** Every provider that has landed, measured; `errors` names those that threw (their fields stay null). */
export async function measureExtras(context: BenchContext): Promise<{ extras: BenchExtras; errors: string[] }> {
  const extras: BenchExtras = { ...EMPTY_EXTRAS };
  const errors: string[] = [];
  const attempt = async (name: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (err) {
      errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  await attempt('compact payload', async () => {
    const served = await importIfExists(path.join(ROOT, 'src/serve/graph-middleware.ts'));
    const names = Array.isArray(served?.SERVED_GRAPH_FILES) ? (served.SERVED_GRAPH_FILES as (string | RegExp)[]) : [];
    extras.compactBytes = compactBytes(path.dirname(context.graphPath), names);
  });
  await attempt('layout quality', async () => {
    Object.assign(extras, layoutFigures(context.graph));
  });
  for (const file of PROVIDER_MODULES) {
    await attempt(file, async () => {
      const mod = await importIfExists(path.join(ROOT, 'scripts/lib', file));
      if (typeof mod?.measure !== 'function') return;
      const got = await (mod.measure as Measure)(context);
      for (const { key } of EXTRA_COLUMNS) if (typeof got[key] === 'number') extras[key] = got[key];
    });
  }
  return { extras, errors };
}
