/**
 * Unlinked mentions drawn as dashed "suggested links" (ViewState.showMentions)
 * on a 2D canvas layer of sigma's, above the links and under the nodes.
 *
 * A layer of its own rather than a sigma edge program: a mention is not an
 * edge of the graph (contract.ts), and putting it there would make every
 * degree, count, neighbourhood, hit test, export and path search filter it
 * out again. Here it cannot be counted as a link by construction. The canvas
 * is redrawn after every sigma frame (layout, camera, looks) from the nodes'
 * display data, in two strokes (faded, then strong), so a few thousand
 * dashed segments cost one path each.
 */
import { disposeOnce } from '../disposable.js';
import { buildHitIndex, type HitIndex, type ScreenEdge } from '../render/hit-index.js';
import { mixColor } from '../render/palette.js';
import { focusOf, type LookModel } from '../render/reducers.js';
import type { MapRenderer } from '../render/renderer.js';
import type { Disposable, Store } from '../state/types.js';
import type { ThemeController } from '../theme.js';
import { describePair, pairTouches, suggestedPairs, type SuggestedPair } from './suggested-pairs.js';
import { fitLayerCanvas } from '../render/layer-canvas.js';

/** A muted indigo: apart from the grey links and from the tag palette's saturated hues. */
export const SUGGESTED_COLORS = { light: '#8a87c4', dark: '#8c89c9' } as const;
/** Dash and gap, in CSS pixels (the same at every zoom, as a UI mark). */
export const SUGGESTED_DASH: readonly number[] = [5, 4];
const LINE_WIDTH = 1.25;
const LINE_WIDTH_FOCUS = 2;
/** How far a dashed line not touching the hovered / selected note fades toward the background. */
const FADE = 0.7;
/** The sigma layer's id (its canvas has the class `sigma-suggested`). */
export const SUGGESTED_LAYER = 'suggested';

export interface SuggestedLayer extends Disposable {
  /** The tooltip of the dashed line within `slop` px of (x, y) (sigma viewport pixels), or null. */
  hover(x: number, y: number, slop: number): { title: string; text: string } | null;
  /** How many dashed lines the last frame drew (0 while switched off). */
  drawn(): number;
  /** The dashed lines of the last frame as an SVG group (empty when none), for the image exports. */
  svg(): string;
}

interface Segment extends ScreenEdge {
  pair: SuggestedPair;
  /** Drawn strong (else faded), as decided by the last frame. */
  strong?: boolean;
}

/** Whether a segment can cross the screen (both ends beyond the same side: it cannot). */
function onScreen(s: ScreenEdge, width: number, height: number): boolean {
  return !((s.x1 < 0 && s.x2 < 0) || (s.y1 < 0 && s.y2 < 0) || (s.x1 > width && s.x2 > width) || (s.y1 > height && s.y2 > height));
}

export function mountSuggestedLinks(renderer: MapRenderer, store: Store, theme: ThemeController): SuggestedLayer {
  const { sigma, graph } = renderer;
  const canvas = sigma.createCanvas(SUGGESTED_LAYER, { afterLayer: 'edges' });
  const context = canvas.getContext('2d');
  if (!context) throw new Error('suggested links: no 2D canvas context');
  const ctx2d: CanvasRenderingContext2D = context;

  let segments: Segment[] = [];
  let hit: HitIndex | null = null;
  /** Something is on the canvas (while switched off, frames then cost nothing). */
  let painted = false;
  /** The two colors and widths of the last frame: [faded, strong]. */
  let strokes: Array<{ color: string; width: number }> = [];
  // The pairs depend only on the report and the visible set (both replaced, never mutated, on change).
  let memo: { report: unknown; visible: ReadonlySet<string>; pairs: SuggestedPair[] } | null = null;
  const pairsOf = (m: LookModel): SuggestedPair[] => {
    const report = graph.getAttribute('mentions');
    if (memo === null || memo.report !== report || memo.visible !== m.visible) memo = { report, visible: m.visible, pairs: suggestedPairs(graph, report, m.visible) };
    return memo.pairs;
  };

  function draw(): void {
    if (!painted && !store.get().showMentions) return;
    const { width, height } = sigma.getDimensions();
    const ratio = fitLayerCanvas(canvas, width, height);
    ctx2d.setTransform(1, 0, 0, 1, 0, 0);
    ctx2d.clearRect(0, 0, canvas.width, canvas.height);
    segments = [];
    hit = null;
    painted = false;
    if (!store.get().showMentions) return;

    const m = renderer.looks();
    const centre = focusOf(m).centre;
    for (const pair of pairsOf(m)) {
      const a = sigma.getNodeDisplayData(pair.a);
      const b = sigma.getNodeDisplayData(pair.b);
      if (!a || !b || a.hidden || b.hidden) continue;
      const p = sigma.framedGraphToViewport(a);
      const q = sigma.framedGraphToViewport(b);
      const segment: Segment = { key: String(segments.length), x1: p.x, y1: p.y, x2: q.x, y2: q.y, pair };
      if (onScreen(segment, width, height)) segments.push(segment);
    }

    const base = SUGGESTED_COLORS[theme.resolved()];
    // A shown path fades everything off it, suggestions included.
    const strong = (s: Segment) => !m.path && (centre === null || pairTouches(s.pair, centre));
    ctx2d.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx2d.setLineDash(SUGGESTED_DASH as number[]);
    ctx2d.lineCap = 'butt';
    strokes = [
      // Under a path they fade as far as everything off it does, so the route reads first.
      { color: mixColor(base, m.palette.background, m.path ? Math.max(FADE, m.palette.fade) : FADE), width: LINE_WIDTH },
      { color: base, width: centre === null ? LINE_WIDTH : LINE_WIDTH_FOCUS },
    ];
    for (const s of segments) s.strong = strong(s);
    // Faded first, so the strong ones lie on top where they cross.
    for (const [focused, { color, width: lineWidth }] of [[false, strokes[0]], [true, strokes[1]]] as const) {
      ctx2d.beginPath();
      for (const s of segments) {
        if (s.strong !== focused) continue;
        ctx2d.moveTo(s.x1, s.y1);
        ctx2d.lineTo(s.x2, s.y2);
      }
      ctx2d.strokeStyle = color;
      ctx2d.lineWidth = lineWidth;
      ctx2d.stroke();
    }
    painted = segments.length > 0;
  }

  sigma.on('afterRender', draw);
  // Switching on or off changes nothing sigma draws: ask it for a frame, which redraws this layer too.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.showMentions !== previous.showMentions) sigma.scheduleRender();
  });
  draw();

  const { dispose } = disposeOnce(() => {
    unsubscribe();
    sigma.off('afterRender', draw);
    // After sigma.kill() the layer is gone already.
    try {
      sigma.killLayer(SUGGESTED_LAYER);
    } catch {
      canvas.remove();
    }
  });
  return {
    hover(x, y, slop) {
      if (segments.length === 0) return null;
      const { width, height } = sigma.getDimensions();
      hit ??= buildHitIndex([], segments, width, height);
      const key = hit.nearestEdge(x, y, slop);
      return key === null ? null : describePair(graph, segments[Number(key)].pair);
    },
    drawn: () => segments.length,
    svg() {
      if (segments.length === 0) return '';
      const n = (v: number) => (Math.round(v * 10) / 10).toString();
      // Colors are ours (hex from SUGGESTED_COLORS mixed by mixColor), never note text.
      const lines = (strong: boolean) =>
        segments.filter((s) => s.strong === strong).map((s) => `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}"/>`);
      return [
        `<g class="suggested" fill="none" stroke-dasharray="${SUGGESTED_DASH.join(' ')}">`,
        `<g stroke="${strokes[0].color}" stroke-width="${strokes[0].width}">`, ...lines(false), '</g>',
        `<g stroke="${strokes[1].color}" stroke-width="${strokes[1].width}">`, ...lines(true), '</g>',
        '</g>',
      ].join('\n');
    },
    dispose,
  };
}
