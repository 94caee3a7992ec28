/**
 * The open map follows the vault: each live message's diff is applied in
 * place (apply-diff.ts). Camera, filters, search and open panels stay (they
 * live in the store, which is not touched); the selection follows a moved
 * note, and a selected note that is deleted closes its panel with a short
 * notice; panels redraw through the graph-change signal; new nodes and
 * edges fade in; the status line says what happened, or what went wrong.
 */
import type { LiveMessage } from '../../core/live.js';
import type { Disposable, Store } from '../state/types.js';
import type { MapGraph } from '../state/visibility.js';
import type { MapSigma } from '../render/renderer.js';
import { applyDiff } from './apply-diff.js';
import { connectLive } from './channel.js';
import { fadeIn } from './fade-in.js';
import { emitGraphChange } from './graph-change.js';
import { mountStatusLine, updatedText } from './status-line.js';

export interface LiveOptions {
  graph: MapGraph;
  store: Store;
  sigma: MapSigma;
  /** Where messages come from (default: connectLive, HMR or SSE). */
  connect?: (onMessage: (message: LiveMessage) => void) => () => void;
}

export function mountLive({ graph, store, sigma, connect = connectLive }: LiveOptions): Disposable {
  const status = mountStatusLine();
  let lastSeq = 0;
  let stopFade: (() => void) | null = null;

  const onMessage = (message: LiveMessage): void => {
    if (message.seq <= lastSeq) return;
    lastSeq = message.seq;
    if (message.diff) {
      // Read before applying: something watching the graph may drop a selection whose node goes.
      const { selected, panel } = store.get();
      const applied = applyDiff(graph, message.diff);
      // Index the new items now (sigma would on its next frame): a selection change below repaints
      // the old selection's neighbours by a partial refresh, which fails on items sigma has not indexed.
      sigma.refresh();
      let notice: string | null = null;
      if (selected !== null && applied.moved.has(selected)) store.set({ selected: applied.moved.get(selected)! });
      else if (selected !== null && applied.removed.has(selected)) {
        notice = `“${applied.removed.get(selected)}” was deleted`;
        store.set({ selected: null, panel: panel === 'summary' ? null : panel });
      }
      stopFade?.();
      stopFade = fadeIn(sigma, applied.addedNodes, applied.addedEdges);
      emitGraphChange(graph, applied);
      if (notice) {
        status.show(notice, 'notice');
        return;
      }
    }
    if (message.errors.length > 0) status.show(`not up to date: ${message.errors.join('; ')}`, 'error');
    else if (message.notes > 0 || message.diff) status.show(updatedText(message.notes, message.seconds), 'info');
  };

  const disconnect = connect(onMessage);
  let disposed = false;
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      disconnect();
      stopFade?.();
      status.dispose();
    },
  };
}
