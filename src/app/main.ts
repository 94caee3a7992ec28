/**
 * The map's bootstrap: check WebGL, load graph.json, build the store (bound
 * to the URL), the renderer, the layout worker, the toolbar and every panel,
 * then expose a small test hook (`window.__notemap`). Any failure before the
 * map is drawn becomes a readable message in #message.
 */
import { GraphLoadError, loadMap } from './load-graph.js';
import type { DetailsLoader } from './details.js';
import { hasWebGL, NO_WEBGL_MESSAGE } from './webgl.js';
import { createLayoutClient, type LayoutClient } from './layout/client.js';
import { createRenderer, type MapRenderer, type MapSigma } from './render/renderer.js';
import { bindInteractions } from './render/interactions.js';
import { bindReframe } from './render/reframe.js';
import { applyCamera, bindCameraState } from './render/camera-state.js';
import { mountMapKey } from './render/map-key.js';
import { mountClusterLabels } from './render/cluster-labels.js';
import { createStore } from './state/store.js';
import { bindUrl } from './state/url.js';
import type { AppContext, Disposable, Store } from './state/types.js';
import type { MapGraph } from './state/visibility.js';
import { createThemeController } from './theme.js';
import { mountToolbar } from './toolbar.js';
import { mountExportMenu } from './export/export-menu.js';
import { mountSummaryPanel } from './panels/summary.js';
import { mountHiddenNotice } from './panels/hidden-notice.js';
import { mountSearch } from './panels/search.js';
import { mountHealthPanel } from './panels/health.js';
import { mountLegend } from './panels/legend.js';
import { mountFilters } from './panels/filters.js';
import { mountCounts } from './panels/counts.js';
import { mountTimeline } from './panels/timeline.js';
import { clear, el } from './dom.js';
import { disposeOnce } from './disposable.js';
import { onGraphChange } from './live/graph-change.js';
import { mountLive } from './live/mount-live.js';
import { openingView } from './vault-view.js';
import { mountColorGroups } from './panels/color-groups.js';
import { mountColorMode } from './panels/color-mode.js';
import { forcesOf, mountForces } from './panels/forces.js';
import { mountQueryFilter } from './panels/query-filter.js';
import { forceOptions } from '../core/force-settings.js';
import { mountSuggestedLinks } from './suggested/suggested-layer.js';
import { mountSuggestedKey } from './suggested/suggested-key.js';
import { mountPathPanel } from './path/path-panel.js';

/** Marked when the first frame has been painted (the bench measures from DATA_ARRIVED_MARK to it). */
export const FIRST_FRAME_MARK = 'notemap:first-frame';

/** The hook the end-to-end tests read. */
export interface NotemapHook {
  sigma: MapSigma;
  graph: MapGraph;
  store: Store;
  /** Resolves once the map has been drawn. */
  ready: Promise<void>;
  /** A node's centre in CSS pixels of the page viewport (null when hidden or unknown). */
  nodeScreenPosition(key: string): { x: number; y: number } | null;
  layoutRunning(): boolean;
  /** Keys of the nodes whose labels the last frame drew (highlighted pills aside). */
  drawnLabels(): string[];
  /** How many dashed suggested links (unlinked mentions) the last frame drew. */
  suggestedLinks(): number;
  /** Tear everything down (idempotent). */
  dispose(): void;
}

declare global {
  interface Window {
    __notemap?: NotemapHook;
  }
}

/** Show a blocking message over the map (text only). */
function showMessage(title: string, body: string, command?: string): void {
  const box = document.getElementById('message');
  if (!box) return;
  clear(box);
  box.append(el('h2', {}, title), el('p', {}, body));
  if (command) box.append(el('p', {}, 'Run: ', el('code', {}, command)));
  box.hidden = false;
  document.body.classList.add('has-message');
}

async function start(): Promise<void> {
  if (!hasWebGL()) {
    showMessage('WebGL is not available', NO_WEBGL_MESSAGE);
    return;
  }
  const container = document.getElementById('graph');
  if (!container) throw new Error('main: #graph is missing from index.html');
  document.body.classList.add('is-loading');

  let graph: MapGraph;
  let details: DetailsLoader;
  try {
    ({ graph, details } = await loadMap('./graph.json'));
    performance.mark('notemap:graph-built');
  } catch (error) {
    document.body.classList.remove('is-loading');
    if (error instanceof GraphLoadError) {
      const title = error.problem === 'version' ? 'graph.json is out of date' : error.problem === 'missing' ? 'No graph to show yet' : 'graph.json cannot be read';
      showMessage(title, error.message, error.command);
    } else {
      showMessage('The map could not start', String((error as Error)?.message ?? error));
    }
    return;
  }

  if (graph.order === 0) {
    document.body.classList.remove('is-loading');
    showMessage(
      'No notes to show',
      `graph.json was built from a folder without notes${graph.getAttribute('vault') ? ` (“${graph.getAttribute('vault')}”)` : ''}. Point it at your vault and rebuild.`,
      'npm start -- --vault <path/to/vault>',
    );
    return;
  }

  const vault = graph.getAttribute('vault');
  if (vault) {
    const name = document.getElementById('vault-name');
    // The whole name as a tooltip: a narrow top bar ellipsizes it.
    if (name) Object.assign(name, { textContent: vault, title: vault });
    document.title = `${vault} · notemap`;
  }

  const graphHasNode = (key: string) => graph.hasNode(key);
  const store = createStore(openingView(window, graph.getAttribute('view'), graphHasNode));
  const disposables: Disposable[] = [];
  disposables.push(bindUrl(store, window, { graphHasNode }));
  const theme = createThemeController(store);
  disposables.push(theme);

  let renderer: MapRenderer;
  try {
    renderer = createRenderer(graph, container, store, theme);
  } catch (error) {
    document.body.classList.remove('is-loading');
    const text = String((error as Error)?.message ?? error);
    // sigma throws when it cannot get a WebGL context even though the probe succeeded.
    if (/webgl|context/i.test(text)) showMessage('WebGL is not available', `${NO_WEBGL_MESSAGE} (${text})`);
    else showMessage('The map could not be drawn', text, 'npm run graph');
    return;
  }
  performance.mark('notemap:renderer');
  const layout: LayoutClient = createLayoutClient(graph, { forces: forceOptions(forcesOf(store.get())) });
  if (layout.fromScratch) {
    // While a layout from scratch spreads out, the view follows it; then the frame is frozen and fitted.
    renderer.followLayout(true);
    const off = layout.onChange(() => {
      if (layout.running()) return;
      off();
      renderer.followLayout(false);
      renderer.fit();
    });
  }
  const tooltip = document.getElementById('tooltip')!;
  const suggested = mountSuggestedLinks(renderer, store, theme);
  disposables.push(suggested);
  disposables.push(bindInteractions({ renderer, store, layout, tooltip, hoverExtra: suggested.hover }));
  disposables.push(bindReframe({ renderer, store, layout }));
  // A view without a camera (a plain link, or Back to one) is framed as it opens: a local view on all it shows,
  // a selection with its neighbours beside the panel, else the whole map.
  const frameAsOpened = (animate: boolean): void => {
    const { selected, localDepth } = store.get();
    if (selected !== null && graph.hasNode(selected) && localDepth === 0) renderer.focusNode(selected);
    else renderer.fit(animate);
  };
  const cameraState = bindCameraState(renderer.sigma, store, renderer.whenIndexed, () => frameAsOpened(true));
  disposables.push(cameraState);
  disposables.push(mountToolbar({ renderer, layout, theme }));
  disposables.push(mountForces({ store, layout, view: renderer }));
  disposables.push(mountExportMenu(renderer, document, () => suggested.svg()));
  disposables.push(mountMapKey());
  disposables.push(mountClusterLabels({ renderer, store, theme }));
  disposables.push(mountSuggestedKey(store, () => graph.getAttribute('mentions')?.mentions.length ?? null));

  const ctx: AppContext = {
    graph,
    store,
    map: {
      focusNode: (key) => renderer.focusNode(key),
      fit: () => renderer.fit(),
      frame: (keys) => renderer.frame(keys),
      highlight: (key) => renderer.setHovered(key),
      frameNodes: (keys) => renderer.frameNodes(keys),
    },
    theme,
    devServer: import.meta.env.DEV,
    details,
  };
  // Panels showing counts or lists are mounted again after a live change (the graph-change signal);
  // their state (open panel, selection, filters) lives in the store, so they come back as they were.
  const mountPanels = (mounts: ((ctx: AppContext) => Disposable)[]): Disposable[] =>
    mounts.flatMap((mount) => {
      try {
        return [mount(ctx)];
      } catch (error) {
        // One broken panel must not take the map down with it.
        console.error(error);
        return [];
      }
    });
  const refreshed = [mountFilters, mountQueryFilter, mountColorGroups, mountLegend, mountColorMode, mountCounts, mountSummaryPanel, mountHiddenNotice, mountHealthPanel, mountTimeline];
  disposables.push(...mountPanels([mountSearch, mountPathPanel]));
  let panels = mountPanels(refreshed);
  const offChange = onGraphChange(graph, () => {
    for (const panel of panels) panel.dispose();
    panels = mountPanels(refreshed);
  });
  disposables.push({ dispose: () => (offChange(), panels.forEach((p) => p.dispose())) });
  disposables.push(mountLive({ graph, store, sigma: renderer.sigma }));

  performance.mark('notemap:panels');
  // A link with a camera opens where it was taken.
  const { camera } = store.get();
  if (camera !== null) applyCamera(renderer.sigma, camera);
  else frameAsOpened(false);
  cameraState.start();
  document.body.classList.remove('is-loading');

  const { dispose } = disposeOnce(() => {
    for (const d of disposables.reverse()) d.dispose();
    layout.dispose();
    renderer.dispose();
  });
  const ready = new Promise<void>((resolve) => {
    // Two frames: sigma has rendered and the browser has painted.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.mark(FIRST_FRAME_MARK);
        resolve();
      }),
    );
  });
  window.__notemap = {
    sigma: renderer.sigma,
    graph,
    store,
    ready,
    nodeScreenPosition: (key) => renderer.nodeScreenPosition(key),
    layoutRunning: () => layout.running(),
    drawnLabels: () => renderer.drawnLabels(),
    suggestedLinks: () => suggested.drawn(),
    dispose,
  };
}

void start();
