/**
 * The lighter WebGL programs of a big map (performance.ts lightPrograms says
 * when and why) swapped into the map's program tables: sigma reads them once,
 * when it is created.
 */
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import { NodeRingPointProgram } from './ring-point-program.js';
import type { LightPrograms } from './performance.js';
import type { MapSettings } from './settings.js';

/** `base` with its `line` edges and `circle` and `orphan` nodes drawn by the lighter programs that `plan` asks for. */
export function withLightPrograms(base: MapSettings, plan: LightPrograms): MapSettings {
  return {
    ...base,
    edgeProgramClasses: plan.hairlineEdges ? { ...base.edgeProgramClasses, line: EdgeLineProgram } : base.edgeProgramClasses,
    nodeProgramClasses: plan.pointNodes ? { ...base.nodeProgramClasses, circle: NodePointProgram, orphan: NodeRingPointProgram } : base.nodeProgramClasses,
  };
}
