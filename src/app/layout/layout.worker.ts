/**
 * The layout Web Worker: runs LayoutEngine in batches of about one frame and
 * posts the positions back after each batch (transferred, not copied), until
 * the simulation cools and stops by itself. Drags reheat it.
 */
/// <reference lib="webworker" />
import { LayoutEngine } from './engine.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** Time spent ticking per batch, and the batch period: one batch per ~frame. */
const BUDGET_MS = 12;
const FRAME_MS = 16;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let engine: LayoutEngine | null = null;
let session: number | undefined;
let ticksPerBatch: number | undefined;
let paused = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function loop(): void {
  timer = null;
  if (!engine || paused) return;
  const start = performance.now();
  engine.step(BUDGET_MS, ticksPerBatch);
  const positions = engine.positions();
  post({ type: 'positions', positions, alpha: engine.alpha, session }, [positions.buffer]);
  if (engine.done) {
    post({ type: 'stopped', alpha: engine.alpha, session });
    return;
  }
  timer = setTimeout(loop, Math.max(0, FRAME_MS - (performance.now() - start)));
}

function kick(): void {
  if (timer === null && !paused) timer = setTimeout(loop, 0);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      // A new init replaces the engine (the whole graph, or one neighbourhood around a drag).
      engine = new LayoutEngine(message);
      session = message.session;
      ticksPerBatch = message.ticksPerBatch;
      paused = false;
      kick();
      break;
    case 'drag':
      engine?.drag(message.index, message.x, message.y);
      kick();
      break;
    case 'release':
      engine?.release(message.index);
      kick();
      break;
    case 'pause':
      paused = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      break;
    case 'resume':
      paused = false;
      engine?.reheat(message.alpha);
      kick();
      break;
  }
};
