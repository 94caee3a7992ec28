/**
 * Canvas label drawers that follow the theme: a label is centred under its
 * node with a halo in the background color (legible over edges, as in
 * Obsidian); the hovered or selected node gets a raised pill instead.
 */
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/contract.js';
import type { CanvasPalette } from './palette.js';

type DrawFn = NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes, GraphAttributes>;
type LabelData = Parameters<DrawFn>[1];
type LabelSettings = Settings<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Labels longer than this are cut with an ellipsis (the full title is in the summary panel). */
export const MAX_LABEL_CHARS = 42;

/** `text` cut to `max` characters with a trailing ellipsis. */
export function truncateLabel(text: string, max = MAX_LABEL_CHARS): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

function font(settings: LabelSettings, weight?: string): string {
  return `${weight ?? settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Room kept free around a pill (its soft shadow) that no other label may take. */
export const PILL_CLEARANCE = 3;

/** A box grown by `pad` px on every side. */
function inflate(b: Box, pad: number): Box {
  return { x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad };
}

/**
 * What a highlighted node takes on the hover layer, that labels keep off:
 * its pill and the raised disc behind the node, each with its clearance.
 */
function highlightBoxes(ctx: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): Box[] {
  const r = data.size + 3;
  const disc = { x: data.x - r, y: data.y - r, w: 2 * r, h: 2 * r };
  return [inflate(pillBox(ctx, data, settings), PILL_CLEARANCE), inflate(disc, PILL_CLEARANCE)];
}

/** The box of a highlighted node's label pill (drawHover draws it there). */
function pillBox(ctx: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): Box {
  const text = truncateLabel(data.label ?? '', 80);
  ctx.font = font(settings, '600');
  const width = ctx.measureText(text).width;
  const padX = 7;
  return { x: data.x - width / 2 - padX, y: data.y + data.size + 4, w: width + 2 * padX, h: settings.labelSize + 8 };
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** True when two boxes overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The label and hover drawers for sigma, reading the current palette on every
 * draw. sigma's label grid limits labels per screen cell but does not stop two
 * long titles from overlapping: labels are collected during sigma's pass and
 * drawn by `endFrame` (call it on sigma's afterRender), biggest first, under
 * their node or, when that place is taken, above it, and skipped when both
 * would cross one already drawn. The pills and raised discs of highlighted
 * (selected, hovered) nodes take their space first. `startFrame` (on
 * beforeRender) drops leftovers.
 */
export function createLabelDrawers(
  palette: () => CanvasPalette,
  fadeAlpha: () => number = () => 1,
): { drawLabel: DrawFn; drawHover: DrawFn; startFrame(): void; endFrame(): void; drawnLabels(): string[] } {
  type Pending = { ctx: CanvasRenderingContext2D; data: LabelData; settings: LabelSettings };
  let pending: Pending[] = [];
  // Pills of highlighted nodes this frame: they win the space, other labels keep off them.
  let pills: Box[] = [];
  let lastDrawn: string[] = [];

  // sigma asks for labels cell by cell; they are only collected here and drawn
  // at the end of the frame, biggest node first, so a small node's label never
  // hides the label of a hub next to it.
  const drawLabel: DrawFn = (ctx, data, settings) => {
    if (!data.label) return;
    // A highlighted node gets its label in the hover pill (drawHover): only its place is kept here.
    if (data.highlighted) {
      pills.push(...highlightBoxes(ctx, data, settings));
      return;
    }
    pending.push({ ctx, data: { ...data }, settings });
  };

  function endFrame(): void {
    const p = palette();
    const labels = pending;
    pending = [];
    const fade = fadeAlpha();
    labels.sort((a, b) => Number(b.data.forceLabel ?? false) - Number(a.data.forceLabel ?? false) || b.data.size - a.data.size);
    const drawn: Box[] = [...pills];
    pills = [];
    lastDrawn = [];
    for (const { ctx, data, settings } of labels) {
      // Zoomed out past the fade threshold, only the labels of a highlighted neighbourhood stay.
      const alpha = data.forceLabel ? 1 : fade;
      if (alpha <= 0.02) continue;
      const text = truncateLabel(data.label!);
      ctx.font = font(settings);
      const width = ctx.measureText(text).width;
      const h = settings.labelSize + 2;
      // Under the node, or, when that place is taken, above it.
      const below = { x: data.x - width / 2 - 2, y: data.y + data.size + 2, w: width + 4, h };
      const above = { ...below, y: data.y - data.size - 2 - h };
      // Pills first, then forced labels (a highlighted neighbourhood), then the biggest nodes: none overlaps another.
      const box = [below, above].find((b) => !drawn.some((d) => overlaps(d, b)));
      if (!box) continue;
      const y = box.y;
      drawn.push(box);
      lastDrawn.push(data.key);
      ctx.globalAlpha = alpha;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = p.labelHalo;
      ctx.strokeText(text, data.x, y);
      ctx.fillStyle = (data as { labelColor?: string }).labelColor ?? p.label;
      ctx.fillText(text, data.x, y);
      ctx.textAlign = 'start';
      ctx.textBaseline = 'alphabetic';
      ctx.globalAlpha = 1;
    }
  }

  const drawHover: DrawFn = (ctx, data, settings) => {
    const p = palette();
    ctx.save();
    // A soft disc behind the node lifts it off the map.
    ctx.shadowColor = p.boxShadow;
    ctx.shadowBlur = 10;
    ctx.fillStyle = p.boxBackground;
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    ctx.fill();
    if (data.label) {
      const text = truncateLabel(data.label, 80);
      const pill = pillBox(ctx, data, settings);
      const top = pill.y;
      const h = pill.h;
      roundRect(ctx, pill.x, pill.y, pill.w, pill.h, 6);
      ctx.fill();
      ctx.shadowBlur = 0;
      ctx.fillStyle = p.boxText;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, data.x, top + h / 2 + 0.5);
    }
    ctx.restore();
  };

  const startFrame = (): void => {
    pending = [];
    pills = [];
  };
  return { drawLabel, drawHover, startFrame, endFrame, drawnLabels: () => lastDrawn };
}
