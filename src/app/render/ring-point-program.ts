/**
 * An orphan's look (an outer ring, a transparent gap, then the node's fill:
 * settings.ts OrphanProgram) drawn as one round point per node, for big maps
 * (performance.ts lightPrograms). @sigma/node-border draws each node as an
 * instanced triangle, twice with sigma's picking pass: in software WebGL,
 * 15,000 orphans of a 100,000-note map took 700 ms a frame that way, and
 * that is every frame of a pan (links are hidden while moving, orphans not).
 */
import type { Attributes } from 'graphology-types';
import { NodeProgram, type ProgramInfo } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';

/** Share of the radius taken by the ring, then by the gap (as settings.ts OrphanProgram's borders). */
export const RING_SHARE = 0.2;
export const GAP_SHARE = 0.18;

const UNIFORMS = ['u_sizeRatio', 'u_pixelRatio', 'u_matrix'] as const;

// Point size as sigma's NodePointProgram: twice the radius, in device pixels.
const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec4 a_ringColor;
attribute vec2 a_position;
attribute float a_size;

uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform mat3 u_matrix;

varying vec4 v_color;
varying vec4 v_ringColor;
varying float v_border;

const float bias = 255.0 / 254.0;

void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);
  gl_PointSize = a_size / u_sizeRatio * u_pixelRatio * 2.0;
  // One device pixel, as a share of the radius: the width of the antialiased edge.
  v_border = u_sizeRatio / (a_size * u_pixelRatio);
  #ifdef PICKING_MODE
  v_color = a_id;
  v_ringColor = a_id;
  #else
  v_color = a_color;
  v_ringColor = a_ringColor;
  #endif
  v_color.a *= bias;
  v_ringColor.a *= bias;
}
`;

const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec4 v_ringColor;
varying float v_border;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  // 0 at the centre, 1 at the rim.
  float r = length(gl_PointCoord - vec2(0.5, 0.5)) * 2.0;
  #ifdef PICKING_MODE
  gl_FragColor = r <= 1.0 ? v_color : transparent;
  #else
  vec4 color = r > ${(1 - RING_SHARE).toFixed(4)} ? v_ringColor : r > ${(1 - RING_SHARE - GAP_SHARE).toFixed(4)} ? transparent : v_color;
  gl_FragColor = mix(transparent, color, clamp((1.0 - r) / v_border, 0.0, 1.0));
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT, POINTS } = { UNSIGNED_BYTE: 5121, FLOAT: 5126, POINTS: 0 };

export class NodeRingPointProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends NodeProgram<
  (typeof UNIFORMS)[number],
  N,
  E,
  G
> {
  getDefinition() {
    return {
      VERTICES: 1,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
      METHOD: POINTS,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_size', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_ringColor', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    const array = this.array;
    array[startIndex++] = data.x;
    array[startIndex++] = data.y;
    array[startIndex++] = data.size;
    array[startIndex++] = floatColor(data.color);
    array[startIndex++] = floatColor((data as NodeDisplayData & { ringColor?: string }).ringColor ?? data.color);
    array[startIndex++] = nodeIndex;
  }

  setUniforms({ sizeRatio, pixelRatio, matrix }: RenderParams, { gl, uniformLocations }: ProgramInfo): void {
    gl.uniform1f(uniformLocations.u_pixelRatio, pixelRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, matrix);
  }
}
