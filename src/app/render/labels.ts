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

/** Labels longer than this are cut with an ellipsis (the full title is in the summary panel). */
export const MAX_LABEL_CHARS = 42;

/** `text` cut to `max` characters with a trailing ellipsis. */
export function truncateLabel(text: string, max = MAX_LABEL_CHARS): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

function font(settings: Settings<NodeAttributes, EdgeAttributes, GraphAttributes>, weight?: string): string {
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

/** The label and hover drawers for sigma, reading the current palette on every draw. */
export function createLabelDrawers(palette: () => CanvasPalette): { drawLabel: DrawFn; drawHover: DrawFn } {
  const drawLabel: DrawFn = (ctx, data, settings) => {
    // A highlighted node gets its label in the hover pill: drawing it here too would show twice.
    if (!data.label || data.highlighted) return;
    const p = palette();
    const text = truncateLabel(data.label);
    const y = data.y + data.size + 2;
    ctx.font = font(settings);
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
  };

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
      ctx.font = font(settings, '600');
      const width = ctx.measureText(text).width;
      const padX = 7;
      const h = settings.labelSize + 8;
      const top = data.y + data.size + 4;
      roundRect(ctx, data.x - width / 2 - padX, top, width + 2 * padX, h, 6);
      ctx.fill();
      ctx.shadowBlur = 0;
      ctx.fillStyle = p.boxText;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, data.x, top + h / 2 + 0.5);
    }
    ctx.restore();
  };

  return { drawLabel, drawHover };
}
