/**
 * Two redraws sigma 3.0 makes that cost a big map seconds and show nothing new:
 *
 * - Its constructor indexes the graph and draws it at the default camera;
 *   the map is framed right after (fit, a selection, a URL camera), and drawn
 *   again. In software WebGL a 100,000-note frame takes ~0.9 s; the first one
 *   was thrown away. `createSigmaFramedLater` indexes and sets up the camera
 *   without drawing a node or a link, and schedules the draw for the next
 *   animation frame, where the framed camera is in place.
 * - After every drag of the stage with `hideEdgesOnMove` on, its mouse captor
 *   calls `refresh()`, which runs every reducer again and re-indexes the
 *   whole graph (1.4 s at 100,000 notes after each pan), only so that the
 *   edges come back. `redrawAfterDrag` turns that one call into a redraw.
 */
import Sigma from 'sigma';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/contract.js';
import type { MapGraph } from '../state/visibility.js';
import type { MapSigma } from './renderer.js';
import type { MapSettings } from './settings.js';

/** sigma's internals used here (private in its typings). */
interface SigmaInternals {
  render(): unknown;
  resize(): unknown;
  process(): unknown;
  needToProcess: boolean;
  nodePrograms: Record<string, unknown>;
  edgePrograms: Record<string, unknown>;
  scheduleRender(): unknown;
}

/** `new Sigma(...args)` whose constructor indexes the graph but leaves the drawing to the next frame. */
export function createSigmaFramedLater(graph: MapGraph, container: HTMLElement, settings: MapSettings): MapSigma {
  const proto = Sigma.prototype as unknown as SigmaInternals;
  const render = proto.render;
  proto.render = function (this: SigmaInternals) {
    // Index, then the real render with no program to draw: it still sizes the canvases and computes the
    // camera matrix that sigma's coordinate conversions (and so the framing) read.
    this.resize();
    if (this.needToProcess) this.process();
    this.needToProcess = false;
    const { nodePrograms, edgePrograms } = this;
    this.nodePrograms = {};
    this.edgePrograms = {};
    try {
      render.call(this);
    } finally {
      this.nodePrograms = nodePrograms;
      this.edgePrograms = edgePrograms;
    }
    this.scheduleRender();
    return this;
  };
  try {
    return new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, settings);
  } finally {
    proto.render = render;
  }
}

/** After a drag of the stage, redraw instead of sigma's full refresh. Returns the undo. */
export function redrawAfterDrag(sigma: MapSigma): () => void {
  const captor = sigma.getMouseCaptor();
  const refresh = sigma.refresh;
  let dragEnded = false;
  const onUp = (): void => {
    if (captor.draggedEvents === 0) return;
    // sigma queued its refresh (a timeout) just before this event: ours runs after it.
    dragEnded = true;
    setTimeout(() => (dragEnded = false), 0);
  };
  captor.on('mouseup', onUp);
  sigma.refresh = function (this: MapSigma, opts?: Parameters<MapSigma['refresh']>[0]) {
    if (opts === undefined && dragEnded) {
      dragEnded = false;
      sigma.scheduleRender();
      return sigma;
    }
    return refresh.call(sigma, opts);
  };
  return () => {
    captor.off('mouseup', onUp);
    sigma.refresh = refresh;
  };
}
