/**
 * The map side of the layout. A graph that comes settled from the build is
 * not simulated at all: no worker runs until the user drags a node (then only
 * the dragged node's neighbourhood relaxes, its rim held in place) or asks
 * for the layout to run, or a filter changes what is shown (then the shown
 * nodes relax, relax.ts). A graph without positions is laid out from scratch
 * in the worker. Streamed positions are written into the graph once per
 * animation frame (sigma redraws from that).
 */
import { createListeners } from '../listeners.js';
import { layoutRadius, type ForceOptions } from '../../core/forces.js';
import type { MapGraph } from '../state/visibility.js';
import type { FromWorker, InitMessage, ToWorker } from './protocol.js';
import { DRAG_ALPHA_TARGET } from './engine.js';
import { buildRelaxMessage, RELAX_ALPHA, RELAX_MAX_NODES } from './relax.js';

/** Heat when graph.json brings settled positions: the worker only polishes. */
export const SETTLED_ALPHA = 0.05;
/**
 * Polishing stops at this heat (d3's default, 0.001, is for a layout from
 * scratch): about 100 ticks from SETTLED_ALPHA, a few seconds for 5,000 notes.
 */
export const SETTLED_ALPHA_MIN = 0.005;
/** Heat given back by "resume" after the layout had stopped. */
export const RESUME_ALPHA = 0.3;
/** Heat of "run the layout again" (and of a force slider moved): enough for the new forces to show. */
export const RERUN_ALPHA = 0.5;

export interface LayoutClient {
  /** True when the layout starts from (near) scratch rather than polishing settled positions. */
  readonly fromScratch: boolean;
  /** True while the simulation is hot and not paused. */
  running(): boolean;
  paused(): boolean;
  pause(): void;
  resume(): void;
  /** A node is held at graph position (x, y): pin it there and reheat. */
  drag(key: string, x: number, y: number): void;
  /** The held node is let go (it stays pinned). */
  release(key: string): void;
  /**
   * A filter changed what is shown: relax the `shown` nodes from where they
   * are (the hidden ones leave the simulation). Nothing when the layout is
   * paused, when the whole graph is being laid out anyway, or past
   * RELAX_MAX_NODES.
   */
  relax(shown: ReadonlySet<string>): void;
  /** The forces of every later run (the force sliders); nothing moves until a run. */
  setForces(forces: Partial<ForceOptions>): void;
  /** Run the whole layout again from where the nodes are now, with the current forces. */
  rerun(): void;
  /** Called whenever running() or paused() changes. */
  onChange(listener: () => void): () => void;
  dispose(): void;
}

export interface LayoutClientOptions {
  /** Makes the worker (tests pass a fake). Default: the bundled layout.worker.ts. */
  createWorker?: () => Worker;
  /** Frame scheduler (default requestAnimationFrame). */
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
  /** Clock (default performance.now). */
  now?: () => number;
  /** The user's forces (the view's sliders) from the start; default the model's own. */
  forces?: Partial<ForceOptions>;
}

/**
 * Least time between two position writes: every frame for small graphs; for
 * large ones each write re-indexes thousands of nodes and edges, so writes are
 * spaced out (20 a second at 5,000 nodes) to leave frames for the user.
 */
export function applyInterval(nodeCount: number): number {
  return Math.min(100, Math.max(0, nodeCount / 100));
}

/** d3-force's default cooling per tick: alpha reaches 0.001 after 300 ticks. */
const ALPHA_DECAY = 1 - Math.pow(0.001, 1 / 300);

/**
 * The heat to start from: where the build's cooling stopped when graph.json
 * says how many ticks it ran (never below SETTLED_ALPHA: the worker still
 * polishes); SETTLED_ALPHA when positions are there but the tick count is not;
 * 1 when there are no positions at all.
 */
export function startingAlpha(placed: boolean, layoutTicks: number | undefined): number {
  if (!placed) return 1;
  if (typeof layoutTicks !== 'number' || !Number.isFinite(layoutTicks) || layoutTicks < 0) return SETTLED_ALPHA;
  return Math.max(SETTLED_ALPHA, Math.pow(1 - ALPHA_DECAY, layoutTicks));
}

/** The init message for a graph: positions, radii and links in graph.nodes() order. */
export function buildInitMessage(graph: MapGraph): { message: InitMessage; keys: string[] } {
  const keys = graph.nodes();
  const index = new Map<string, number>();
  const positions = new Float32Array(keys.length * 2);
  const radii = new Float32Array(keys.length);
  const attrs = keys.map((key) => graph.getNodeAttributes(key));
  const hasPosition = (a: { x: number; y: number }) => Number.isFinite(a.x) && Number.isFinite(a.y) && (a.x !== 0 || a.y !== 0);
  const placed = attrs.filter(hasPosition).length;
  attrs.forEach((a, i) => {
    index.set(keys[i], i);
    // Without a position, start on a spiral (d3's phyllotaxis idea) rather than all at the origin.
    const spiral = !hasPosition(a);
    positions[2 * i] = spiral ? 10 * Math.sqrt(i + 0.5) * Math.cos(i * 2.39996) : a.x;
    positions[2 * i + 1] = spiral ? 10 * Math.sqrt(i + 0.5) * Math.sin(i * 2.39996) : a.y;
    radii[i] = layoutRadius(a.inDegree ?? 0);
  });
  const links = new Uint32Array(graph.size * 2);
  let l = 0;
  graph.forEachEdge((_edge, _attrs, source, target) => {
    links[l++] = index.get(source)!;
    links[l++] = index.get(target)!;
  });
  const alpha = startingAlpha(keys.length > 0 && placed >= keys.length / 2, graph.getAttribute('layoutTicks'));
  // A layout from (near) scratch cools all the way, like the build's; polishing stops earlier.
  const message: InitMessage =
    alpha > 0.5 ? { type: 'init', positions, radii, links, alpha } : { type: 'init', positions, radii, links, alpha, alphaMin: SETTLED_ALPHA_MIN };
  return { message, keys };
}

/** Nodes relaxed around a dragged node: enough to see its neighbours follow, few enough for every frame. */
export const LOCAL_NODES = 400;

/**
 * The init message for relaxing `key`'s neighbourhood: the nodes nearest to it
 * by links (breadth first, both directions, at most `maxNodes`), plus the
 * nodes linked to them, which hold their place (`fixed`) so the rest of the
 * map does not move. No pull to the centre: only the links, repulsion and
 * collisions among these nodes act.
 */
export function buildLocalMessage(graph: MapGraph, key: string, maxNodes = LOCAL_NODES): { message: InitMessage; keys: string[] } {
  const free = new Set<string>([key]);
  let frontier = [key];
  while (frontier.length > 0 && free.size < maxNodes) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (free.size >= maxNodes || free.has(neighbour)) return;
        free.add(neighbour);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  const rim = new Set<string>();
  for (const node of free) {
    graph.forEachNeighbor(node, (neighbour) => {
      if (!free.has(neighbour)) rim.add(neighbour);
    });
  }
  const keys = [...free, ...rim];
  const index = new Map(keys.map((k, i) => [k, i]));
  const positions = new Float32Array(keys.length * 2);
  const radii = new Float32Array(keys.length);
  const fixed = new Uint8Array(keys.length);
  keys.forEach((k, i) => {
    const a = graph.getNodeAttributes(k);
    positions[2 * i] = a.x;
    positions[2 * i + 1] = a.y;
    radii[i] = layoutRadius(a.inDegree ?? 0);
    fixed[i] = i >= free.size ? 1 : 0;
  });
  const links: number[] = [];
  for (const node of free) {
    graph.forEachOutNeighbor(node, (target) => {
      links.push(index.get(node)!, index.get(target)!);
    });
    // Links from the rim into the set (out-links of free nodes are covered above).
    graph.forEachInNeighbor(node, (source) => {
      if (rim.has(source)) links.push(index.get(source)!, index.get(node)!);
    });
  }
  const message: InitMessage = {
    type: 'init',
    positions,
    radii,
    links: Uint32Array.from(links),
    fixed,
    alpha: DRAG_ALPHA_TARGET,
    alphaMin: SETTLED_ALPHA_MIN,
    forces: { gravity: 0 },
  };
  return { message, keys };
}

function defaultWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'notemap-layout' });
}

/** Start the layout of `graph`: in a worker from scratch, or not at all until a drag when it comes settled. */
export function createLayoutClient(graph: MapGraph, options: LayoutClientOptions = {}): LayoutClient {
  const requestFrame = options.requestFrame ?? ((cb) => requestAnimationFrame(cb));
  const cancelFrame = options.cancelFrame ?? ((h) => cancelAnimationFrame(h));
  const now = options.now ?? (() => performance.now());
  const interval = applyInterval(graph.order);
  const alpha = startingAlpha(graph.order > 0 && placedCount(graph) >= graph.order / 2, graph.getAttribute('layoutTicks'));
  const fromScratch = alpha > 0.5;
  let lastApply = -Infinity;
  let wait: ReturnType<typeof setTimeout> | null = null;
  let worker: Worker | null = null;
  const listeners = createListeners();

  /** What the worker simulates now: the whole graph, what the filters show, or one neighbourhood (keys in message order). */
  let scope: 'none' | 'whole' | 'shown' | 'local' = 'none';
  let keys: string[] = [];
  let index = new Map<string, number>();
  let session = 0;
  let hot = false;
  let isPaused = false;
  let disposed = false;
  let pending: Float32Array | null = null;
  let frame: number | null = null;
  /** What the filters showed at the last relax (null: no filter change yet), and the set the 'shown' scope simulates. */
  let shownNow: ReadonlySet<string> | null = null;
  let simulatedShown: ReadonlySet<string> | null = null;
  /** Graph position of the simulation's (0, 0): a shown subset is simulated around its own centre (relax.ts). */
  let origin = { x: 0, y: 0 };
  /** The node under the pointer: its position comes from the pointer, not the worker. */
  let held: string | null = null;
  /** The user's forces (sliders); empty = the model's defaults, as the build used. */
  let forces: Partial<ForceOptions> = { ...options.forces };

  const send = (msg: ToWorker, transfer: Transferable[] = []) => {
    if (!disposed && worker) worker.postMessage(msg, transfer);
  };
  const changed = listeners.emit;

  function apply(): void {
    frame = null;
    lastApply = now();
    const positions = pending;
    pending = null;
    if (!positions || disposed || positions.length !== keys.length * 2) return;
    if (scope === 'whole' || scope === 'shown') {
      graph.updateEachNodeAttributes(
        (key, attrs) => {
          // By key, not by order: a live change (src/app/live) may have added or removed nodes since the worker started.
          const i = index.get(key);
          if (i !== undefined && key !== held) {
            attrs.x = positions[2 * i] + origin.x;
            attrs.y = positions[2 * i + 1] + origin.y;
          }
          return attrs;
        },
        { attributes: ['x', 'y'] },
      );
      return;
    }
    // A neighbourhood: only its nodes change (one batched update would make sigma re-read every node).
    keys.forEach((key, i) => {
      if (key === held || !graph.hasNode(key)) return;
      const a = graph.getNodeAttributes(key);
      if (a.x !== positions[2 * i] || a.y !== positions[2 * i + 1]) graph.mergeNodeAttributes(key, { x: positions[2 * i], y: positions[2 * i + 1] });
    });
  }

  function onMessage(event: MessageEvent<FromWorker>): void {
    const msg = event.data;
    if (msg.type === 'positions') {
      if (msg.session !== undefined && msg.session !== session) return;
      // Only the latest batch matters: older ones are dropped, one write per frame.
      pending = msg.positions;
      if (frame !== null || wait !== null) return;
      const early = (scope === 'local' ? 0 : interval) - (now() - lastApply);
      if (early <= 0) frame = requestFrame(apply);
      else
        wait = setTimeout(() => {
          wait = null;
          if (!disposed) frame = requestFrame(apply);
        }, early);
    } else if (msg.type === 'stopped') {
      if (msg.session !== undefined && msg.session !== session) return;
      hot = false;
      changed();
    }
  }

  /** Start (or restart) the worker on `message`, whose nodes are `list`. */
  function start(message: InitMessage, list: string[], what: 'whole' | 'shown' | 'local', at: { x: number; y: number } = { x: 0, y: 0 }): void {
    if (disposed) return;
    if (!worker) {
      worker = (options.createWorker ?? defaultWorker)();
      worker.onmessage = onMessage;
      // A worker that cannot start (blocked, failed to load) leaves the map as it is.
      worker.onerror = (event: ErrorEvent) => {
        console.warn('notemap: the layout worker failed; positions stay as they are.', event.message);
        event.preventDefault?.();
        hot = false;
        changed();
      };
    }
    scope = what;
    origin = at;
    keys = list;
    index = new Map(list.map((k, i) => [k, i]));
    pending = null;
    message.session = ++session;
    hot = true;
    send(message, [message.positions.buffer, message.radii.buffer, message.links.buffer]);
  }

  if (fromScratch) {
    const { message, keys: list } = buildInitMessage(graph);
    start({ ...message, forces }, list, 'whole');
  }

  return {
    fromScratch,
    running: () => hot && !isPaused && !disposed,
    paused: () => isPaused,
    pause() {
      if (isPaused || disposed) return;
      isPaused = true;
      send({ type: 'pause' });
      changed();
    },
    resume() {
      if (disposed) return;
      isPaused = false;
      if (scope === 'whole' || (scope === 'shown' && simulatedShown === shownNow)) {
        hot = true;
        send({ type: 'resume', alpha: RESUME_ALPHA });
      } else if (shownNow !== null && shownNow.size > 0) {
        // Filters changed while paused: what they show now runs.
        simulatedShown = shownNow;
        const { message, keys: list, origin: at } = buildRelaxMessage(graph, shownNow, RESUME_ALPHA, SETTLED_ALPHA_MIN);
        start({ ...message, forces }, list, 'shown', at);
      } else {
        // The whole graph was never simulated here: start it from where the nodes are now.
        const { message, keys: list } = buildInitMessage(graph);
        start({ ...message, alpha: RESUME_ALPHA, alphaMin: SETTLED_ALPHA_MIN, forces }, list, 'whole');
      }
      changed();
    },
    drag(key, x, y) {
      if (disposed || !graph.hasNode(key)) return;
      const restarted =
        scope === 'shown' ? !index.has(key) : scope !== 'whole' && (scope !== 'local' || held !== key || !index.has(key));
      if (restarted) {
        // A new drag on a settled map: relax this node's neighbourhood only.
        const { message, keys: list } = buildLocalMessage(graph, key);
        // The user's forces, still without the pull to the centre (the rim holds the neighbourhood in place).
        start({ ...message, forces: { ...forces, gravity: 0 } }, list, 'local');
      }
      const i = index.get(key);
      if (i === undefined) return;
      held = key;
      send({ type: 'drag', index: i, x: x - origin.x, y: y - origin.y });
      if (!isPaused && !hot) {
        hot = true;
        changed();
      } else if (restarted) changed();
    },
    release(key) {
      const i = index.get(key);
      if (held === key) held = null;
      if (i !== undefined) send({ type: 'release', index: i });
    },
    relax(shown) {
      shownNow = shown;
      if (disposed || isPaused || shown.size === 0 || shown.size > RELAX_MAX_NODES) return;
      if (scope === 'whole' && hot) return;
      simulatedShown = shown;
      const { message, keys: list, origin: at } = buildRelaxMessage(graph, shown, RELAX_ALPHA, SETTLED_ALPHA_MIN);
      start({ ...message, forces }, list, 'shown', at);
      changed();
    },
    setForces(next) {
      forces = { ...next };
    },
    rerun() {
      if (disposed) return;
      isPaused = false;
      if (shownNow !== null && shownNow.size > 0) {
        // Filters are on: what they show runs (hidden nodes neither move nor push), as after a filter change.
        simulatedShown = shownNow;
        const { message, keys: list, origin: at } = buildRelaxMessage(graph, shownNow, RERUN_ALPHA, SETTLED_ALPHA_MIN);
        start({ ...message, forces, ticksPerBatch: undefined }, list, 'shown', at);
      } else {
        const { message, keys: list } = buildInitMessage(graph);
        start({ ...message, alpha: RERUN_ALPHA, alphaMin: SETTLED_ALPHA_MIN, forces }, list, 'whole');
      }
      changed();
    },
    onChange: listeners.add,
    dispose() {
      if (disposed) return;
      disposed = true;
      if (frame !== null) cancelFrame(frame);
      if (wait !== null) clearTimeout(wait);
      worker?.terminate();
      listeners.clear();
    },
  };
}

/** Nodes with a position other than the origin. */
function placedCount(graph: MapGraph): number {
  let placed = 0;
  graph.forEachNode((_k, a) => {
    if (Number.isFinite(a.x) && Number.isFinite(a.y) && (a.x !== 0 || a.y !== 0)) placed++;
  });
  return placed;
}
