/**
 * What the server and the page agree on for live updates (src/serve/live-*.ts
 * sends, src/app/live/ applies): the event's name, the SSE path, the message.
 */
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from './contract.js';

/**
 * The change between two states of the graph (src/serve/graph-diff.ts makes it): only changed
 * attributes; edges named by (source, target), as graph.json has no edge keys.
 */
export interface GraphDiff {
  addedNodes: { key: string; attributes: NodeAttributes }[];
  removedNodes: string[];
  changedNodes: { key: string; attributes: Partial<NodeAttributes> }[];
  addedEdges: { source: string; target: string; attributes: EdgeAttributes }[];
  removedEdges: { source: string; target: string }[];
  changedEdges: { source: string; target: string; attributes: EdgeAttributes }[];
  /** Notes that moved (same content, new path): the page carries selection over. */
  moved: { from: string; to: string }[];
  /** Graph attributes that changed (stats, health, warnings, builtAt). */
  attributes: Partial<GraphAttributes>;
}


/** The HMR custom event's name (the page: `import.meta.hot.on(LIVE_EVENT, ...)`). */
export const LIVE_EVENT = 'notemap:diff';
/** The SSE endpoint (under the middleware's reserved `/__notemap` prefix). */
export const LIVE_SSE_PATH = '/__notemap/live';
/**
 * The meta tag a server with the SSE route puts in the page it serves. A static
 * host has no such route: without the tag the page makes no request for it.
 */
export const LIVE_META = 'notemap-live';

/** One build's news for the page. */
export interface LiveMessage {
  /** Increases by one per message. */
  seq: number;
  /** The change to apply; null when the build failed or changed nothing on the map. */
  diff: GraphDiff | null;
  /** Note files read again. */
  notes: number;
  /** Seconds the build took. */
  seconds: number;
  /** Files that could not be read (kept as they were) or the build's error; [] when all went well. */
  errors: string[];
}
