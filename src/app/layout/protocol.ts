/**
 * Messages between the map and its layout worker. Positions travel as
 * Float32Array [x0, y0, x1, y1, ...] in the graph's node order, transferred
 * (not copied) in both directions.
 */
import type { EngineInit } from './engine.js';

/** The worker's first message: the engine's whole starting state. */
export interface InitMessage extends EngineInit {
  type: 'init';
  /** Echoed in `positions`: batches of an engine this init replaced are dropped. */
  session?: number;
}

export type ToWorker =
  | InitMessage
  /** A node held by the pointer: pin it there and keep the simulation warm. */
  | { type: 'drag'; index: number; x: number; y: number }
  /** The pointer let go: the node stays pinned where it was dropped, the simulation cools. */
  | { type: 'release'; index: number }
  | { type: 'pause' }
  /** Go on (reheating to at least `alpha` when the simulation had cooled). */
  | { type: 'resume'; alpha: number };

export type FromWorker =
  | { type: 'positions'; positions: Float32Array; alpha: number; session?: number }
  /** The simulation cooled below its minimum heat and stopped by itself. */
  | { type: 'stopped'; alpha: number; session?: number };
