/**
 * Pointer and keyboard on the map: hover highlights, edge tooltips (the
 * sentence a link comes from), click to select, click on empty space or
 * Escape to deselect, drag a node to move it (pinning it and reheating the
 * layout), and keys: arrows pan, +/- zoom, F fits.
 */
import type { SigmaEvents } from 'sigma/types';
import type { Disposable, Store } from '../state/types.js';
import type { LayoutClient } from '../layout/client.js';
import { clear, el, isTypingTarget } from '../dom.js';
import { disposeOnce } from '../disposable.js';
import { PAN_STEP } from './camera.js';
import type { MapRenderer } from './renderer.js';

/** Pointer travel (px) under which a press on a node is a click, not a drag. */
const DRAG_THRESHOLD = 4;
/** A node's hit area: this many pixels from its centre at least, whatever its drawn size. */
export const NODE_SLOP = 8;
/** A link's hit area: this many pixels either side of its line. */
export const EDGE_SLOP = 5;
/** Pixels from a dashed suggested link within which it wins over a real link nearby. */
export const DASH_SLOP = 2;

/** What a key press on the map does (null: not ours). */
export function mapKeyAction(key: string): 'left' | 'right' | 'up' | 'down' | 'zoomIn' | 'zoomOut' | 'fit' | 'deselect' | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
    case '_':
      return 'zoomOut';
    case 'f':
    case 'F':
      return 'fit';
    case 'Escape':
      return 'deselect';
    default:
      return null;
  }
}

export interface InteractionOptions {
  renderer: MapRenderer;
  store: Store;
  layout: LayoutClient;
  tooltip: HTMLElement;
  /** A tooltip for what is drawn beside the graph (dashed suggested links) under the pointer, when no node or link is. */
  hoverExtra?: (x: number, y: number, slop: number) => { title: string; text: string } | null;
}

export function bindInteractions({ renderer, store, layout, tooltip, hoverExtra }: InteractionOptions): Disposable {
  const { sigma, graph } = renderer;
  const container = sigma.getContainer();

  let dragged: string | null = null;
  let dragMoved = false;
  let downAt: { x: number; y: number } | null = null;
  /** Set when a drag just ended: the click that follows it must not select. */
  let suppressClick = false;

  const deselect = () => {
    const state = store.get();
    if (state.selected === null) return;
    store.set({ selected: null, panel: state.panel === 'summary' ? null : state.panel }, { history: 'push' });
  };

  const showTooltip = (title: string, text: string, x: number, y: number) => {
    // Note text goes in as text nodes only: a sentence can never become markup.
    clear(tooltip);
    tooltip.append(el('strong', { class: 'tooltip-title' }, title));
    if (text) tooltip.append(el('span', { class: 'tooltip-text' }, text));
    tooltip.hidden = false;
    const box = container.getBoundingClientRect();
    const w = tooltip.offsetWidth;
    const left = Math.min(box.left + x + 14, window.innerWidth - w - 8);
    tooltip.style.left = `${Math.max(8, left)}px`;
    tooltip.style.top = `${box.top + y + 16}px`;
  };
  const hideTooltip = () => {
    tooltip.hidden = true;
  };

  // Each listener added here is removed by dispose; the renderer's own listeners on sigma stay.
  const offs: Array<() => void> = [];
  const listen = <E extends keyof SigmaEvents>(event: E, handler: SigmaEvents[E]): void => {
    sigma.on(event, handler);
    offs.push(() => sigma.off(event, handler));
  };

  // Hover: sigma finds the node drawn under the pointer; when it finds none, the
  // nearest node within NODE_SLOP pixels of its centre counts, so a 2 px dot is
  // as easy to point at as a big one. With no node, the nearest link within
  // EDGE_SLOP pixels of its line is highlighted and shows its tooltip.
  let sigmaNode: string | null = null;
  let nearNode: string | null = null;
  let shownNode: string | null = null;
  let shownEdge: string | null = null;
  const showHover = (node: string | null) => {
    if (node === shownNode) return;
    shownNode = node;
    if (dragged === null) renderer.setHovered(node);
    container.style.cursor = node !== null ? 'pointer' : '';
  };
  const showEdge = (edge: string | null, x: number, y: number) => {
    if (edge !== shownEdge) {
      shownEdge = edge;
      renderer.setHoveredEdge(edge);
    }
    if (edge === null) return hideTooltip();
    const attrs = graph.getEdgeAttributes(edge);
    const source = graph.getNodeAttribute(graph.source(edge), 'title');
    const target = graph.getNodeAttribute(graph.target(edge), 'title');
    showTooltip(`${source} → ${target}`, attrs.context, x, y);
  };
  const mouse = sigma.getMouseCaptor();
  listen('enterNode', ({ node }) => {
    // The stage being dragged passes under nodes: no hover then (at 100,000 notes one costs a full looks refresh).
    if (mouse.isMouseDown && dragged === null) return;
    sigmaNode = node;
    nearNode = null;
    showHover(node);
    showEdge(null, 0, 0);
  });
  listen('leaveNode', () => {
    sigmaNode = null;
  });
  // Registered after sigma's own handler, so sigma's enter/leave for this move have run.
  const onPointer = (e: { x: number; y: number }) => {
    if (dragged !== null || mouse.isMouseDown) return;
    if (sigmaNode !== null) return showHover(sigmaNode);
    const index = renderer.hitIndex();
    nearNode = index.nearestNode(e.x, e.y, NODE_SLOP);
    showHover(nearNode);
    // Right on a dashed suggested link, it wins over a real link passing close by
    // (in a dense core one always is); a little off it, the real link wins.
    const onDash = nearNode === null ? hoverExtra?.(e.x, e.y, DASH_SLOP) : null;
    const edge = nearNode === null && !onDash ? index.nearestEdge(e.x, e.y, EDGE_SLOP) : null;
    showEdge(edge, e.x, e.y);
    const extra = onDash ?? (nearNode === null && edge === null ? hoverExtra?.(e.x, e.y, EDGE_SLOP) : null);
    if (extra) showTooltip(extra.title, extra.text, e.x, e.y);
  };
  mouse.on('mousemove', onPointer);
  offs.push(() => mouse.off('mousemove', onPointer));

  listen('clickNode', ({ node }) => {
    if (suppressClick) return;
    store.set({ selected: node, panel: 'summary' }, { history: 'push' });
    // The panel has just opened: frame the note and its neighbours beside it.
    requestAnimationFrame(() => renderer.focusNode(node));
  });
  listen('clickStage', ({ event }) => {
    if (suppressClick) return;
    // A click within a node's hit area but outside its drawn disc selects it too.
    const near = renderer.hitIndex().nearestNode(event.x, event.y, NODE_SLOP);
    if (near === null) return deselect();
    store.set({ selected: near, panel: 'summary' }, { history: 'push' });
    requestAnimationFrame(() => renderer.focusNode(near));
  });

  // Drag: press on a node, move, release. The camera must not pan meanwhile.
  listen('downNode', ({ node, event }) => {
    dragged = node;
    dragMoved = false;
    downAt = { x: event.x, y: event.y };
    hideTooltip();
  });
  // moveBody comes from both the mouse and the touch captor (one finger), so nodes drag by touch too.
  const onMove = ({ event }: { event: { x: number; y: number; preventSigmaDefault(): void; original: MouseEvent | TouchEvent } }) => {
    if (dragged === null || downAt === null) return;
    if (!dragMoved && Math.hypot(event.x - downAt.x, event.y - downAt.y) < DRAG_THRESHOLD) return;
    dragMoved = true;
    const pos = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: pos.x, y: pos.y });
    layout.drag(dragged, pos.x, pos.y);
    event.preventSigmaDefault();
    if (event.original.cancelable) event.original.preventDefault();
    event.original.stopPropagation();
  };
  const onUp = () => {
    if (dragged === null) return;
    if (dragMoved) {
      layout.release(dragged);
      suppressClick = true;
      // The click event fires right after mouseup: swallow it, then accept clicks again.
      setTimeout(() => (suppressClick = false), 0);
    }
    dragged = null;
    downAt = null;
    dragMoved = false;
  };
  listen('moveBody', onMove);
  mouse.on('mouseup', onUp);
  listen('upNode', onUp);
  listen('upStage', onUp);
  // Leaving the map ends any hover (sigma does not always see the pointer leave a node at the edge).
  const onLeave = () => {
    sigmaNode = null;
    nearNode = null;
    showEdge(null, 0, 0);
    showHover(null);
    if (dragged === null) renderer.setHovered(null);
  };
  container.addEventListener('mouseleave', onLeave);

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target)) return;
    // Arrows belong to focused controls (sliders, lists) unless the map itself has focus.
    const action = mapKeyAction(event.key);
    if (action === null) return;
    const onControl = event.target instanceof Element && event.target !== document.body && !container.contains(event.target);
    if (onControl && action !== 'deselect' && action !== 'fit' && action !== 'zoomIn' && action !== 'zoomOut') return;
    event.preventDefault();
    switch (action) {
      case 'left':
        return renderer.pan(-PAN_STEP, 0);
      case 'right':
        return renderer.pan(PAN_STEP, 0);
      case 'up':
        return renderer.pan(0, -PAN_STEP);
      case 'down':
        return renderer.pan(0, PAN_STEP);
      case 'zoomIn':
        return renderer.zoomIn();
      case 'zoomOut':
        return renderer.zoomOut();
      case 'fit':
        return renderer.fit();
      case 'deselect':
        hideTooltip();
        return deselect();
    }
  };
  document.addEventListener('keydown', onKey);

  return disposeOnce(() => {
    document.removeEventListener('keydown', onKey);
    container.removeEventListener('mouseleave', onLeave);
    mouse.off('mouseup', onUp);
    offs.forEach((off) => off());
    hideTooltip();
  });
}
