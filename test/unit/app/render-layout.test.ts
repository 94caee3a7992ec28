import { describe, expect, it } from 'vitest';
import { LayoutEngine, DRAG_ALPHA_TARGET } from '../../../src/app/layout/engine.js';
import { applyInterval, buildInitMessage, buildLocalMessage, createLayoutClient, RESUME_ALPHA, SETTLED_ALPHA, startingAlpha } from '../../../src/app/layout/client.js';
import { buildRelaxMessage, RELAX_ALPHA, RELAX_TICKS_PER_BATCH } from '../../../src/app/layout/relax.js';
import type { FromWorker, ToWorker } from '../../../src/app/layout/protocol.js';
import { sampleGraph } from './graph-fixture.js';

describe('buildInitMessage', () => {
  it('starts from scratch (alpha 1, spread on a spiral) when the graph has no positions', () => {
    const g = sampleGraph();
    const { message, keys } = buildInitMessage(g);
    expect(keys).toEqual(g.nodes());
    expect(message.alpha).toBe(1);
    expect(message.positions).toHaveLength(2 * g.order);
    expect(message.links).toHaveLength(2 * g.size);
    const points = new Set<string>();
    for (let i = 0; i < g.order; i++) points.add(`${message.positions[2 * i]},${message.positions[2 * i + 1]}`);
    expect(points.size).toBe(g.order);
    // Links refer to node indices.
    const [s, t] = [message.links[0], message.links[1]];
    expect(g.hasEdge(keys[s], keys[t])).toBe(true);
  });

  it('only polishes when graph.json brings positions', () => {
    const g = sampleGraph();
    g.forEachNode((k, _a) => g.mergeNodeAttributes(k, { x: Math.random() * 100 + 1, y: Math.random() * 100 + 1 }));
    const { message } = buildInitMessage(g);
    expect(message.alpha).toBe(SETTLED_ALPHA);
    expect(message.alphaMin).toBeGreaterThan(0.001);
    expect(message.positions[0]).toBeCloseTo(g.getNodeAttribute(g.nodes()[0], 'x'), 3);
  });
});

describe('startingAlpha', () => {
  it('resumes the cooling where the build stopped', () => {
    expect(startingAlpha(false, undefined)).toBe(1);
    expect(startingAlpha(true, 0)).toBe(1);
    expect(startingAlpha(true, 30)).toBeCloseTo(Math.pow(0.001, 30 / 300), 6);
    expect(startingAlpha(true, 300)).toBe(SETTLED_ALPHA);
    expect(startingAlpha(true, undefined)).toBe(SETTLED_ALPHA);
  });

  it('reads layoutTicks from the graph', () => {
    const g = sampleGraph();
    g.forEachNode((k) => g.mergeNodeAttributes(k, { x: 5, y: 5 }));
    g.setAttribute('layoutTicks', 0);
    expect(buildInitMessage(g).message).toMatchObject({ alpha: 1 });
    expect(buildInitMessage(g).message.alphaMin).toBeUndefined();
  });
});

describe('LayoutEngine', () => {
  it('cools and stops by itself, keeping disconnected nodes in view', () => {
    const { message } = buildInitMessage(sampleGraph());
    const engine = new LayoutEngine(message);
    let ticks = 0;
    while (!engine.done && ticks < 1000) ticks += engine.step(1000, 10);
    expect(engine.done).toBe(true);
    expect(ticks).toBeGreaterThan(100);
    expect(ticks).toBeLessThan(400);
    const p = engine.positions();
    for (const v of p) {
      expect(Number.isFinite(v)).toBe(true);
      expect(Math.abs(v)).toBeLessThan(500);
    }
  });

  it('is deterministic', () => {
    const run = () => {
      const e = new LayoutEngine(buildInitMessage(sampleGraph()).message);
      e.step(1000, 50);
      return [...e.positions()];
    };
    expect(run()).toEqual(run());
  });

  it('pins a dragged node, reheats, and cools again after release', () => {
    const { message } = buildInitMessage(sampleGraph());
    const engine = new LayoutEngine({ ...message });
    while (!engine.done) engine.step(1000, 50);
    engine.drag(0, 123, -45);
    expect(engine.done).toBe(false);
    for (let i = 0; i < 20; i++) engine.step(1000, 1);
    expect(engine.alpha).toBeGreaterThan(DRAG_ALPHA_TARGET / 3);
    expect([engine.positions()[0], engine.positions()[1]]).toEqual([123, -45]);
    engine.release(0);
    let ticks = 0;
    while (!engine.done && ticks < 2000) ticks += engine.step(1000, 50);
    expect(engine.done).toBe(true);
    // Still pinned where it was dropped.
    expect([engine.positions()[0], engine.positions()[1]]).toEqual([123, -45]);
  });

  it('stops a batch when the time budget is spent', () => {
    const engine = new LayoutEngine(buildInitMessage(sampleGraph()).message);
    let t = 0;
    const clock = () => (t += 5);
    // Start at 5; after ticks the clock reads 10, 15, 20: the third tick crosses 12 ms.
    expect(engine.step(12, 50, clock)).toBe(3);
  });

  it('rejects positions that do not match the nodes', () => {
    expect(() => new LayoutEngine({ positions: new Float32Array(3), radii: new Float32Array(2), links: new Uint32Array(), alpha: 1 })).toThrow(/2 per node/);
  });
});

/** A worker stand-in running the real engine synchronously. */
class FakeWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: ToWorker[] = [];
  terminated = false;
  engine: LayoutEngine | null = null;
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
    if (msg.type === 'init') this.engine = new LayoutEngine(msg);
  }
  /** Run one batch and post its positions back. */
  batch(): void {
    this.engine!.step(1000, 5);
    this.onmessage?.({ data: { type: 'positions', positions: this.engine!.positions(), alpha: this.engine!.alpha } } as MessageEvent<FromWorker>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('applyInterval', () => {
  it('writes every frame for small graphs and spaces writes out for large ones', () => {
    expect(applyInterval(60)).toBeLessThan(1);
    expect(applyInterval(5000)).toBe(50);
    expect(applyInterval(100_000)).toBe(100);
  });
});

describe('createLayoutClient', () => {
  function setup() {
    const graph = sampleGraph();
    const worker = new FakeWorker();
    const frames: Array<() => void> = [];
    let writes = 0;
    graph.on('eachNodeAttributesUpdated', () => writes++);
    const client = createLayoutClient(graph, {
      createWorker: () => worker as unknown as Worker,
      requestFrame: (cb) => frames.push(cb),
      cancelFrame: () => {},
    });
    return { graph, worker, frames, client, writes: () => writes };
  }

  it('writes the latest positions once per frame, in one batched update', () => {
    const { graph, worker, frames, writes } = setup();
    worker.batch();
    worker.batch();
    worker.batch();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(writes()).toBe(1);
    const p = worker.engine!.positions();
    expect(graph.getNodeAttribute(graph.nodes()[1], 'x')).toBeCloseTo(p[2], 4);
  });

  it('forwards drags, keeps the held node where the pointer is, and reports running state', () => {
    const { graph, worker, frames, client } = setup();
    const key = graph.nodes()[2];
    expect(client.running()).toBe(true);
    worker.onmessage?.({ data: { type: 'stopped', alpha: 0 } } as MessageEvent<FromWorker>);
    expect(client.running()).toBe(false);
    graph.mergeNodeAttributes(key, { x: 999, y: 999 });
    client.drag(key, 999, 999);
    expect(client.running()).toBe(true);
    expect(worker.sent.at(-1)).toEqual({ type: 'drag', index: 2, x: 999, y: 999 });
    worker.batch();
    frames.shift()!();
    expect(graph.getNodeAttribute(key, 'x')).toBe(999);
    client.release(key);
    expect(worker.sent.at(-1)).toEqual({ type: 'release', index: 2 });
  });

  it('stops reporting a running layout when the worker fails', () => {
    const { worker, client } = setup();
    const warn = console.warn;
    console.warn = () => {};
    worker.onerror?.({ message: 'boom' } as ErrorEvent);
    console.warn = warn;
    expect(client.running()).toBe(false);
  });

  it('pauses and resumes, and dispose terminates the worker once', () => {
    const { worker, client } = setup();
    let changes = 0;
    client.onChange(() => changes++);
    client.pause();
    expect(client.running()).toBe(false);
    expect(client.paused()).toBe(true);
    client.resume();
    expect(client.running()).toBe(true);
    expect(worker.sent.map((m) => m.type)).toEqual(['init', 'pause', 'resume']);
    expect(changes).toBe(2);
    client.dispose();
    client.dispose();
    expect(worker.terminated).toBe(true);
    expect(client.running()).toBe(false);
  });
});

describe('a settled graph', () => {
  function setup() {
    const graph = sampleGraph();
    graph.forEachNode((k) => graph.mergeNodeAttributes(k, { x: 10 + graph.inDegree(k) * 7 + k.length, y: 20 + k.length * 3 }));
    graph.setAttribute('layoutTicks', 300);
    const workers: FakeWorker[] = [];
    const frames: Array<() => void> = [];
    const client = createLayoutClient(graph, {
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as unknown as Worker;
      },
      requestFrame: (cb) => frames.push(cb),
      cancelFrame: () => {},
    });
    return { graph, workers, frames, client };
  }

  it('runs no simulation when the map opens', () => {
    const { client, workers } = setup();
    expect(client.fromScratch).toBe(false);
    expect(client.running()).toBe(false);
    expect(workers).toHaveLength(0);
  });

  it('relaxes only the dragged node’s neighbourhood, its rim held in place, nothing else moving', () => {
    const { graph, workers, frames, client } = setup();
    const key = graph.nodes().reduce((best, k) => (graph.degree(k) > graph.degree(best) ? k : best));
    const before = new Map(graph.mapNodes((k, a) => [k, [a.x, a.y]] as const));
    client.drag(key, 500, 500);
    expect(client.running()).toBe(true);
    const worker = workers[0];
    const init = worker.sent[0];
    if (init.type !== 'init') throw new Error('no init');
    expect(init.forces).toMatchObject({ gravity: 0 });
    expect(worker.sent[1]).toMatchObject({ type: 'drag', index: 0, x: 500, y: 500 });
    for (let i = 0; i < 5; i++) worker.batch();
    frames.shift()!();
    const { keys } = buildLocalMessage(graph, key);
    const local = new Set(keys);
    const fixed = new Set(keys.filter((_k, i) => init.fixed![i] === 1));
    let moved = 0;
    graph.forEachNode((k, a) => {
      const [x, y] = before.get(k)!;
      const same = Math.abs(a.x - x) < 1e-3 && Math.abs(a.y - y) < 1e-3;
      if (!local.has(k) || fixed.has(k)) expect(same, k).toBe(true);
      else if (!same) moved++;
    });
    expect(moved).toBeGreaterThan(0);
    expect(graph.getNodeAttribute(key, 'x')).toBe(before.get(key)![0]); // the held node follows the pointer, not the worker
  });

  it('caps the neighbourhood and keeps every link of it', () => {
    const { graph } = setup();
    const key = graph.nodes()[0];
    const { message, keys } = buildLocalMessage(graph, key, 3);
    const free = keys.filter((_k, i) => message.fixed![i] === 0);
    expect(free.length).toBeLessThanOrEqual(3);
    expect(free[0]).toBe(key);
    for (let l = 0; l < message.links.length; l += 2) expect(graph.hasEdge(keys[message.links[l]], keys[message.links[l + 1]])).toBe(true);
  });

  it('relaxes what a filter shows from where it is, leaving hidden nodes where they were', () => {
    const { graph, workers, frames, client } = setup();
    const before = new Map(graph.mapNodes((k, a) => [k, [a.x, a.y]] as const));
    const shown = new Set(['a.md', 'b.md', 'c.md', 'd.md']);
    const { origin } = buildRelaxMessage(graph, shown, RELAX_ALPHA, 0.005);
    client.relax(shown);
    expect(client.running()).toBe(true);
    const init = workers[0].sent[0];
    expect(init).toMatchObject({ type: 'init', alpha: RELAX_ALPHA, ticksPerBatch: RELAX_TICKS_PER_BATCH });
    if (init.type === 'init') expect(init.positions).toHaveLength(2 * shown.size);
    for (let i = 0; i < 5; i++) workers[0].batch();
    frames.shift()!();
    let moved = 0;
    graph.forEachNode((k, a) => {
      const [x, y] = before.get(k)!;
      const same = Math.abs(a.x - x) < 1e-3 && Math.abs(a.y - y) < 1e-3;
      if (!shown.has(k)) expect(same, k).toBe(true);
      else if (!same) moved++;
    });
    expect(moved).toBeGreaterThan(0);
    // A drag on a shown node goes to that simulation (in its frame, around the shown nodes' centre).
    client.drag('b.md', 1, 2);
    expect(workers[0].sent.at(-1)).toMatchObject({ type: 'drag', index: 1 });
    const drag = workers[0].sent.at(-1);
    if (drag?.type === 'drag') expect(drag.x + origin.x).toBeCloseTo(1, 3);
  });

  it('does not relax while paused, and runs what is shown on resume', () => {
    const { workers, client } = setup();
    client.pause();
    client.relax(new Set(['a.md', 'b.md']));
    expect(workers).toHaveLength(0);
    client.resume();
    const init = workers[0].sent.find((m) => m.type === 'init');
    if (init?.type !== 'init') throw new Error('no init');
    expect(init.positions).toHaveLength(4);
    expect(init.alpha).toBe(RESUME_ALPHA);
  });

  it('runs the whole layout when asked', () => {
    const { graph, workers, client } = setup();
    client.resume();
    expect(client.running()).toBe(true);
    const init = workers[0].sent[0];
    expect(init).toMatchObject({ type: 'init', alpha: RESUME_ALPHA });
    if (init.type === 'init') expect(init.positions).toHaveLength(2 * graph.order);
  });
});
