/**
 * Where live messages come from: Vite's HMR channel in the dev server
 * (`import.meta.hot`), else Server-Sent Events from the installed CLI's
 * server, which says so with a meta tag (LIVE_META). A static host has
 * neither, and the page asks it for nothing.
 */
import { LIVE_EVENT, LIVE_META, LIVE_SSE_PATH, type LiveMessage } from '../../core/live.js';

/** True when the server that sent this page streams live messages. */
export function pageHasLiveStream(doc: Document = document): boolean {
  return doc.querySelector(`meta[name="${LIVE_META}"]`) !== null;
}

/** Listens for live messages; returns the stopper. */
export function connectLive(onMessage: (message: LiveMessage) => void): () => void {
  const hot = import.meta.hot;
  if (hot) {
    const listener = (data: LiveMessage): void => onMessage(data);
    hot.on(LIVE_EVENT, listener);
    return () => hot.off?.(LIVE_EVENT, listener);
  }
  if (typeof EventSource === 'undefined' || !pageHasLiveStream()) return () => undefined;
  const source = new EventSource(new URL(LIVE_SSE_PATH.slice(1), new URL('/', location.href)).href);
  let opened = false;
  source.addEventListener('open', () => (opened = true));
  source.addEventListener(LIVE_EVENT, (event) => onMessage(JSON.parse((event as MessageEvent<string>).data) as LiveMessage));
  // No live server here (a static site): stop instead of retrying forever.
  source.addEventListener('error', () => {
    if (!opened) source.close();
  });
  return () => source.close();
}
