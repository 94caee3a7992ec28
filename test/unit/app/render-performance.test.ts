/**
 * What a big map gives up for speed, decided by size alone: the lighter
 * programs (hairline links, point discs and orphan rings) above their
 * thresholds, and the map's other programs (arrows) kept as they are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HAIRLINE_EDGES, HOVER_REST_MS, HOVER_REST_NODES, hoverRestMs, lightPrograms, POINT_NODES } from '../../../src/app/render/performance.js';
import type { MapSettings } from '../../../src/app/render/settings.js';

describe('lightPrograms', () => {
  it('keeps the full programs on a small map and lightens each part past its own threshold', () => {
    expect(lightPrograms(180, 400)).toEqual({ hairlineEdges: false, pointNodes: false });
    expect(lightPrograms(POINT_NODES + 1, HAIRLINE_EDGES)).toEqual({ hairlineEdges: false, pointNodes: true });
    expect(lightPrograms(10_354, 28_483)).toEqual({ hairlineEdges: true, pointNodes: true });
  });
});

describe('hoverRestMs', () => {
  it('highlights at once on a map whose full redraw is cheap, after a rest on a big one', () => {
    expect(hoverRestMs(10_354)).toBe(0);
    expect(hoverRestMs(HOVER_REST_NODES)).toBe(0);
    expect(hoverRestMs(102_889)).toBe(HOVER_REST_MS);
    expect(HOVER_REST_MS).toBeGreaterThan(0);
  });
});

describe('withLightPrograms', () => {
  // sigma's programs read WebGL constants when their module loads: Node has none, so give it the few they read.
  let withLightPrograms: (base: MapSettings, plan: ReturnType<typeof lightPrograms>) => MapSettings;
  let programs: Record<string, unknown>;
  let NodeRingPointProgram: unknown;
  beforeAll(async () => {
    const gl = { POINTS: 0, LINES: 1, TRIANGLES: 4, UNSIGNED_BYTE: 5121, FLOAT: 5126 };
    (globalThis as Record<string, unknown>).WebGLRenderingContext ??= gl;
    (globalThis as Record<string, unknown>).WebGL2RenderingContext ??= gl;
    ({ withLightPrograms } = await import('../../../src/app/render/light-programs.js'));
    ({ NodeRingPointProgram } = await import('../../../src/app/render/ring-point-program.js'));
    programs = (await import('sigma/rendering')) as unknown as Record<string, unknown>;
  });

  it('swaps the plain links, discs and orphan rings, and leaves the rest of the tables alone', () => {
    const orphan = class {};
    const base = {
      labelSize: 12,
      nodeProgramClasses: { circle: programs.NodeCircleProgram, orphan },
      edgeProgramClasses: { line: programs.EdgeRectangleProgram, arrow: programs.EdgeArrowProgram },
    } as unknown as MapSettings;
    expect(withLightPrograms(base, { hairlineEdges: false, pointNodes: false })).toEqual(base);
    const light = withLightPrograms(base, { hairlineEdges: true, pointNodes: true });
    expect(light.nodeProgramClasses).toEqual({ circle: programs.NodePointProgram, orphan: NodeRingPointProgram });
    expect(light.edgeProgramClasses).toEqual({ line: programs.EdgeLineProgram, arrow: programs.EdgeArrowProgram });
    expect(light.labelSize).toBe(12);
    // The map's own tables are not changed in place.
    expect(base.nodeProgramClasses?.circle).toBe(programs.NodeCircleProgram);
  });
});
