/**
 * Load the graph into graphology, refusing anything the map cannot draw: a
 * missing file, a file that is not graph JSON, or another schema version.
 * Each failure carries a message for the page that names the command to run.
 *
 * `loadMap` reads the compact files the build writes beside graph.json
 * (src/core/compact.ts: a fraction of the bytes, no JSON of every note's
 * text to parse) and falls back to graph.json when they are not there.
 */
import Graph from 'graphology';
import { SCHEMA_VERSION, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from '../core/contract.js';
import { compactFileName, CompactFormatError, decodeCompact } from '../core/compact.js';
import { graphFromCompact } from './compact-graph.js';
import { COMPLETE_DETAILS, createDetailsLoader, type DetailsLoader } from './details.js';
import type { MapGraph } from './state/visibility.js';

/** Marked when the graph's bytes have arrived, before any parsing (read by the bench). */
export const DATA_ARRIVED_MARK = 'notemap:data-arrived';

export type GraphLoadProblem = 'missing' | 'invalid' | 'version';

/** A graph that cannot be shown; `message` is written for the page. */
export class GraphLoadError extends Error {
  constructor(
    readonly problem: GraphLoadProblem,
    message: string,
    /** The command that fixes it. */
    readonly command: string,
  ) {
    super(message);
    this.name = 'GraphLoadError';
  }
}

const FIX = 'npm run graph';
const FIX_HINT = `Build it with \`${FIX}\` (or \`npm start\`, which builds it and serves the map).`;

function versionError(version: unknown): GraphLoadError {
  return new GraphLoadError(
    'version',
    `graph.json has schema version ${version === undefined ? '(none)' : String(version)}, this map reads version ${SCHEMA_VERSION}. Rebuild it with \`${FIX}\`.`,
    FIX,
  );
}

/**
 * Check parsed JSON and turn it into a graph. Pure (no fetch): the tests feed
 * it objects. Throws GraphLoadError.
 */
export function graphFromJson(json: unknown): MapGraph {
  if (json === null || typeof json !== 'object' || !Array.isArray((json as { nodes?: unknown }).nodes)) {
    throw new GraphLoadError('invalid', `graph.json is not a notemap graph (no node list). ${FIX_HINT}`, FIX);
  }
  const attributes = (json as { attributes?: Partial<GraphAttributes> }).attributes ?? {};
  const version = attributes.schemaVersion;
  if (version !== SCHEMA_VERSION) throw versionError(version);
  try {
    return Graph.from(json as Parameters<typeof Graph.from>[0]) as unknown as Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  } catch (error) {
    throw new GraphLoadError('invalid', `graph.json could not be read as a graph (${(error as Error).message}). ${FIX_HINT}`, FIX);
  }
}

/** Fetch and check the graph at `url` (default `./graph.json`, beside the page). */
export async function loadGraph(url = './graph.json', fetchFn: typeof fetch = fetch): Promise<MapGraph> {
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-cache' });
  } catch (error) {
    throw new GraphLoadError('missing', `Could not fetch graph.json (${(error as Error).message}). ${FIX_HINT}`, FIX);
  }
  if (response.status === 404) throw new GraphLoadError('missing', `No graph.json found for this map. ${FIX_HINT}`, FIX);
  if (!response.ok) throw new GraphLoadError('missing', `graph.json could not be loaded (HTTP ${response.status}). ${FIX_HINT}`, FIX);
  let json: unknown;
  try {
    const text = await response.text();
    performance.mark(DATA_ARRIVED_MARK);
    json = JSON.parse(text);
  } catch {
    throw new GraphLoadError('invalid', `graph.json is not valid JSON. ${FIX_HINT}`, FIX);
  }
  return graphFromJson(json);
}

export interface LoadedMap {
  graph: MapGraph;
  /** Fetches the text panels show when they need it. */
  details: DetailsLoader;
  /** Which file the graph came from. */
  source: 'compact' | 'json';
}

/**
 * The graph from the compact files beside `graphUrl` when they are there (and
 * of a format this page reads), else from graph.json itself.
 */
export async function loadMap(graphUrl = './graph.json', fetchFn: typeof fetch = (input, init) => fetch(input, init)): Promise<LoadedMap> {
  let bytes: ArrayBuffer | null = null;
  try {
    const response = await fetchFn(compactFileName(graphUrl), { cache: 'no-cache' });
    if (response.ok) bytes = await response.arrayBuffer();
  } catch {
    // No compact file reachable: graph.json says what is wrong, if anything.
  }
  if (bytes) {
    performance.mark(DATA_ARRIVED_MARK);
    try {
      const compact = decodeCompact(bytes);
      if (compact.header.schemaVersion !== SCHEMA_VERSION) throw versionError(compact.header.schemaVersion);
      const graph = graphFromCompact(compact);
      return { graph, details: createDetailsLoader(graph, compact, graphUrl, fetchFn), source: 'compact' };
    } catch (error) {
      if (error instanceof GraphLoadError) throw error;
      // Written by another version of the build (or not ours at all): graph.json is the reference.
      if (!(error instanceof CompactFormatError)) console.warn('notemap: the compact graph could not be read; loading graph.json', error);
    }
  }
  return { graph: await loadGraph(graphUrl, fetchFn), details: COMPLETE_DETAILS, source: 'json' };
}
