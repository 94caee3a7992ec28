/**
 * The live updates' hub: the server publishes each build's message (the
 * graph diff and a status line, or an error) once; every channel gets it.
 * Two channels (COORDINATION): Vite's HMR websocket in the dev server
 * (`server.ws.send({ type: 'custom', event: LIVE_EVENT, data })`) and
 * Server-Sent Events at LIVE_SSE_PATH from the shared middleware when there
 * is no Vite (the installed CLI's own server).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIVE_EVENT, type LiveMessage } from '../core/live.js';

export { LIVE_EVENT, LIVE_SSE_PATH, type LiveMessage } from '../core/live.js';

export interface LiveHub {
  publish(message: Omit<LiveMessage, 'seq'>): LiveMessage;
  /** Adds a listener (a channel); returns its remover. */
  subscribe(listener: (message: LiveMessage) => void): () => void;
  /** Answers an SSE request: keeps the response open and writes every message as an event. */
  handleSse(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

export function createLiveHub(): LiveHub {
  const listeners = new Set<(message: LiveMessage) => void>();
  const streams = new Set<ServerResponse>();
  let seq = 0;
  return {
    publish(partial) {
      const message: LiveMessage = { seq: ++seq, ...partial };
      for (const listener of listeners) listener(message);
      return message;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    handleSse(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': notemap live\n\n');
      const send = (message: LiveMessage): void => {
        res.write(`event: ${LIVE_EVENT}\ndata: ${JSON.stringify(message)}\n\n`);
      };
      listeners.add(send);
      streams.add(res);
      req.on('close', () => {
        listeners.delete(send);
        streams.delete(res);
      });
    },
    close() {
      for (const res of streams) res.end();
      streams.clear();
      listeners.clear();
    },
  };
}
