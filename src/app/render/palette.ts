/**
 * The canvas colors of each theme (what CSS cannot reach: WebGL nodes and
 * edges, canvas labels) and the small color arithmetic the reducers need to
 * fade things toward the background.
 */

import type { ResolvedTheme } from '../style/colors.js';

/**
 * Canvas colors are opaque on purpose: sigma's WebGL blending treats alpha as
 * premultiplied, so a translucent dark edge on a light page comes out almost
 * invisible (and a light one on a dark page too bright). Fades and ghosts are
 * therefore colors mixed toward the background (`mixColor`), which also keeps
 * thousands of overlapping edges from piling up into a grey hairball.
 */
export interface CanvasPalette {
  /** Page behind the canvas (the same as the CSS --map-bg). */
  background: string;
  label: string;
  /** Labels of ghosts and attachments. */
  labelMuted: string;
  /** Outline drawn around label text so it stays legible over edges. */
  labelHalo: string;
  edge: string;
  /** Edges into a dangling target: lighter than the others. */
  edgeGhost: string;
  /** Edges that are not part of the hovered neighbourhood. */
  edgeFaded: string;
  /** The ring around an orphan note. */
  orphanRing: string;
  /** Background and text of the hover / selection label box. */
  boxBackground: string;
  boxText: string;
  boxShadow: string;
  /** How far a faded node goes toward the background (0..1). */
  fade: number;
}

export const PALETTES: Record<ResolvedTheme, CanvasPalette> = {
  light: {
    background: '#fafafa',
    label: '#2b2b33',
    labelMuted: '#8a8a96',
    labelHalo: 'rgba(250, 250, 250, 0.92)',
    edge: '#b8bbc6',
    edgeGhost: '#dfe0e5',
    edgeFaded: '#f0f0f3',
    orphanRing: '#d9480f',
    boxBackground: '#ffffff',
    boxText: '#1d1d24',
    boxShadow: 'rgba(0, 0, 0, 0.18)',
    fade: 0.82,
  },
  dark: {
    background: '#1e1e24',
    label: '#dcdce4',
    labelMuted: '#8b8b98',
    labelHalo: 'rgba(30, 30, 36, 0.92)',
    edge: '#474957',
    edgeGhost: '#34353f',
    edgeFaded: '#25252c',
    orphanRing: '#ff8a4c',
    boxBackground: '#2d2d36',
    boxText: '#f2f2f7',
    boxShadow: 'rgba(0, 0, 0, 0.55)',
    fade: 0.85,
  },
};

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parse `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(...)` or `rgba(...)`; null for anything else. */
export function parseColor(color: string): Rgba | null {
  const c = color.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(c);
  if (m) {
    const [r, g, b] = m[1].split('').map((h) => parseInt(h + h, 16));
    return { r, g, b, a: 1 };
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(c);
  if (m) {
    const n = parseInt(m[1], 16);
    return { r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: m[2] ? parseInt(m[2], 16) / 255 : 1 };
  }
  // rgb(1, 2, 3) / rgba(1, 2, 3, 0.5): groups are the three channels and the optional alpha.
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(c);
  if (m) return { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] };
  return null;
}

function toCss({ r, g, b, a }: Rgba): string {
  const round = (v: number) => Math.round(Math.min(255, Math.max(0, v)));
  if (a >= 1) return `#${[r, g, b].map((v) => round(v).toString(16).padStart(2, '0')).join('')}`;
  return `rgba(${round(r)}, ${round(g)}, ${round(b)}, ${Math.round(a * 1000) / 1000})`;
}

/**
 * `color` moved a fraction `t` (0..1) of the way toward `target`, alpha
 * kept. Unparseable input comes back unchanged.
 */
export function mixColor(color: string, target: string, t: number): string {
  const a = parseColor(color);
  const b = parseColor(target);
  if (!a || !b) return color;
  return toCss({ r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t, a: a.a });
}

/** `color` with its alpha multiplied by `alpha`. */
export function withAlpha(color: string, alpha: number): string {
  const c = parseColor(color);
  return c ? toCss({ ...c, a: c.a * alpha }) : color;
}
