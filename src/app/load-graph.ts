/**
 * Load graph.json into graphology, refusing anything the map cannot draw: a
 * missing file, a file that is not graph JSON, or another schema version.
 * Each failure carries a message for the page that names the command to run.
 */
import Graph from 'graphology';
import { SCHEMA_VERSION, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from '../core/contract.js';
import type { MapGraph } from './state/visibility.js';

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
  if (version !== SCHEMA_VERSION) {
    throw new GraphLoadError(
      'version',
      `graph.json has schema version ${version === undefined ? '(none)' : String(version)}, this map reads version ${SCHEMA_VERSION}. Rebuild it with \`${FIX}\`.`,
      FIX,
    );
  }
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
    json = await response.json();
  } catch {
    throw new GraphLoadError('invalid', `graph.json is not valid JSON. ${FIX_HINT}`, FIX);
  }
  return graphFromJson(json);
}
