import { describe, expect, it } from 'vitest';
import type { ForceLink } from 'd3-force';
import { createLayoutClient, RERUN_ALPHA } from '../../../src/app/layout/client.js';
import { LayoutEngine } from '../../../src/app/layout/engine.js';
import type { FromWorker, ToWorker } from '../../../src/app/layout/protocol.js';
import { createLayoutSimulation, DEFAULT_FORCES, type LayoutLink, type LayoutNode } from '../../../src/core/forces.js';
import { FORCE_DEFAULTS, FORCE_LIMITS, forceOptions, forcesFromObsidian, isDefaultForces } from '../../../src/core/force-settings.js';
import { sampleGraph } from './graph-fixture.js';
import { graphViewSettings } from '../../../src/config/obsidian.js';
import { applyVaultView } from '../../../src/app/vault-view.js';
import { DEFAULT_VIEW } from '../../../src/app/state/types.js';

class FakeWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: ToWorker[] = [];
  engine: LayoutEngine | null = null;
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
    if (msg.type === 'init') this.engine = new LayoutEngine(msg);
  }
  batch(): void {
    this.engine!.step(1000, 20);
    this.onmessage?.({ data: { type: 'positions', positions: this.engine!.positions(), alpha: this.engine!.alpha, session: (this.sent.filter((m) => m.type === 'init').at(-1) as { session?: number }).session } } as MessageEvent<FromWorker>);
  }
  terminate(): void {}
}

function settled() {
  const graph = sampleGraph();
  graph.forEachNode((k) => graph.mergeNodeAttributes(k, { x: 10 + graph.inDegree(k) * 7 + k.length, y: 20 + k.length * 3 }));
  graph.setAttribute('layoutTicks', 300);
  const worker = new FakeWorker();
  const frames: Array<() => void> = [];
  const client = createLayoutClient(graph, { createWorker: () => worker as unknown as Worker, requestFrame: (cb) => frames.push(cb), cancelFrame: () => {} });
  return { graph, worker, frames, client };
}

describe('the force sliders', () => {
  it('map onto the force model; the defaults are the build’s own', () => {
    expect(forceOptions(FORCE_DEFAULTS)).toEqual({ gravity: DEFAULT_FORCES.gravity, charge: DEFAULT_FORCES.charge, linkStrength: 1, linkDistance: DEFAULT_FORCES.linkDistance });
    expect(forceOptions({ centerForce: 0.2, repelForce: 100, linkForce: 0.5, linkDistance: 60 })).toEqual({ gravity: 0.2, charge: -100, linkStrength: 0.5, linkDistance: 60 });
    expect(isDefaultForces(FORCE_DEFAULTS)).toBe(true);
    expect(isDefaultForces({ ...FORCE_DEFAULTS, linkForce: 2 })).toBe(false);
    for (const [field, range] of Object.entries(FORCE_LIMITS)) {
      const value = FORCE_DEFAULTS[field as keyof typeof FORCE_DEFAULTS];
      expect(value, field).toBeGreaterThanOrEqual(range.min);
      expect(value, field).toBeLessThanOrEqual(range.max);
    }
  });

  it("read Obsidian's graph.json forces by the ratio of the two tools' defaults", () => {
    expect(forcesFromObsidian({ centerStrength: 0.518713248970312, repelStrength: 10, linkStrength: 1, linkDistance: 250 })).toEqual(FORCE_DEFAULTS);
    expect(forcesFromObsidian({ repelStrength: 20, linkDistance: 500, centerStrength: 'x' })).toEqual({ repelForce: 80, linkDistance: 60 });
    expect(forcesFromObsidian({ repelStrength: 1e6 }).repelForce).toBe(FORCE_LIMITS.repelForce.max);
  });

  it('the link force multiplies d3’s own link strength (1 leaves it as d3 has it)', () => {
    const nodes = (): LayoutNode[] => [0, 1, 2].map((i) => ({ x: i, y: 0, radius: 1 }));
    const links = (): LayoutLink[] => [
      { source: 0, target: 1 },
      { source: 0, target: 2 },
    ];
    const strengths = (factor?: number) => {
      const sim = createLayoutSimulation(nodes(), links(), factor === undefined ? {} : { linkStrength: factor });
      const force = sim.force('link') as ForceLink<LayoutNode, LayoutLink>;
      return force.links().map((l, i, all) => (force.strength() as (l: LayoutLink, i: number, a: LayoutLink[]) => number)(l, i, all));
    };
    expect(strengths()).toEqual([1, 1]); // node 0 has 2 links, nodes 1 and 2 one: 1 / min
    expect(strengths(2.5)).toEqual([2.5, 2.5]);
  });
});

describe('the layout client with forces', () => {
  it('"run again" lays the whole map out from where it is, with the sliders’ forces', () => {
    const { graph, worker, frames, client } = settled();
    const before = graph.mapNodes((k, a) => [a.x, a.y]);
    client.setForces({ charge: -300 });
    expect(worker.sent).toHaveLength(0); // nothing moves until a run
    client.rerun();
    const init = worker.sent[0];
    if (init.type !== 'init') throw new Error('no init');
    expect(init.alpha).toBe(RERUN_ALPHA);
    expect(init.forces).toMatchObject({ charge: -300 });
    expect(Array.from(init.positions.slice(0, 2))).toEqual(before[0]);
    expect(client.running()).toBe(true);
    worker.batch();
    frames.shift()!();
    const after = graph.mapNodes((k, a) => [a.x, a.y]);
    expect(after).not.toEqual(before);
  });

  it('a drag relaxes with the sliders’ forces but no pull to the centre; the first layout takes them too', () => {
    const { graph, worker, client } = settled();
    client.setForces({ charge: -300, linkDistance: 80, gravity: 0.3 });
    client.drag(graph.nodes()[0], 1, 1);
    const init = worker.sent[0];
    if (init.type !== 'init') throw new Error('no init');
    expect(init.forces).toEqual({ charge: -300, linkDistance: 80, gravity: 0 });

    const fresh = sampleGraph(); // no positions: laid out from scratch at once
    const w2 = new FakeWorker();
    createLayoutClient(fresh, { createWorker: () => w2 as unknown as Worker, requestFrame: () => 0, cancelFrame: () => {}, forces: { charge: -10 } });
    expect((w2.sent[0] as { forces?: object }).forces).toEqual({ charge: -10 });
  });
});

describe("Obsidian's graph settings as the map's opening view", () => {
  it('reads forces other than the defaults, and a graph filter that is not tag-only as the text filter', () => {
    const warnings: never[] = [];
    const view = graphViewSettings({ centerStrength: 0.518713248970312, repelStrength: 20, linkStrength: 1, linkDistance: 500, search: 'path:journal -tag:#draft' }, '.obsidian/graph.json', warnings);
    expect(view.forces).toEqual({ repelForce: 80, linkDistance: 60 });
    expect(graphViewSettings({ repelStrength: 10, linkDistance: 250 }, 'g', warnings).forces).toBeUndefined();
    const opened = applyVaultView(DEFAULT_VIEW, view, '');
    expect(opened).toMatchObject({ repelForce: 80, linkDistance: 60, centerForce: FORCE_DEFAULTS.centerForce, filter: 'path:journal -tag:#draft', onlyTags: [] });
    // A tag-only filter stays the tag filter; a URL with state keeps its own.
    expect(applyVaultView(DEFAULT_VIEW, { search: 'tag:#a OR tag:#b' }, '')).toMatchObject({ onlyTags: ['a', 'b'], filter: '' });
    expect(applyVaultView(DEFAULT_VIEW, view, '?arrows=1')).toBe(DEFAULT_VIEW);
  });
});
