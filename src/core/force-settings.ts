/**
 * The four force sliders of the map (Obsidian's graph view: center force,
 * repel force, link force, link distance) and how they map onto the force
 * model of src/core/forces.ts. The defaults are that model's own values, so
 * an untouched map lays out exactly as the build did.
 */
import { DEFAULT_FORCES, type ForceOptions } from './forces.js';

export interface ForceSettings {
  /** Pull toward the centre on each axis (forces.ts `gravity`). */
  centerForce: number;
  /** Repulsion between nodes, positive (forces.ts `charge` is its negative). */
  repelForce: number;
  /** Multiplier of d3's link strength (1 / the smaller degree of the two ends); 1 = d3's own. */
  linkForce: number;
  /** Rest length of a link, in layout units. */
  linkDistance: number;
}

export const FORCE_DEFAULTS: Readonly<ForceSettings> = {
  centerForce: DEFAULT_FORCES.gravity,
  repelForce: -DEFAULT_FORCES.charge,
  linkForce: 1,
  linkDistance: DEFAULT_FORCES.linkDistance,
};

/** The slider ranges and steps (the URL clamps to the same). */
export const FORCE_LIMITS: Readonly<Record<keyof ForceSettings, { min: number; max: number; step: number }>> = {
  centerForce: { min: 0, max: 0.5, step: 0.01 },
  repelForce: { min: 0, max: 300, step: 1 },
  linkForce: { min: 0, max: 3, step: 0.05 },
  linkDistance: { min: 5, max: 300, step: 1 },
};

export const FORCE_FIELDS = ['centerForce', 'repelForce', 'linkForce', 'linkDistance'] as const satisfies ReadonlyArray<keyof ForceSettings>;

/** The force model's options for these slider values. */
export function forceOptions(settings: ForceSettings): Partial<ForceOptions> {
  return {
    gravity: settings.centerForce,
    charge: -settings.repelForce,
    linkStrength: settings.linkForce,
    linkDistance: settings.linkDistance,
  };
}

/** True when every slider is at its default. */
export function isDefaultForces(settings: ForceSettings): boolean {
  return FORCE_FIELDS.every((f) => settings[f] === FORCE_DEFAULTS[f]);
}

/**
 * Obsidian's graph.json forces (centerStrength, repelStrength, linkStrength,
 * linkDistance) as notemap's slider values: each scaled by the ratio of the
 * two tools' defaults (Obsidian: 0.52, 10, 1, 250), since the two models use
 * different units; values out of range are clamped, missing ones left out.
 */
export function forcesFromObsidian(graph: Record<string, unknown>): Partial<ForceSettings> {
  const out: Partial<ForceSettings> = {};
  const scaled = (key: string, field: keyof ForceSettings, obsidianDefault: number): void => {
    const v = graph[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return;
    const { min, max } = FORCE_LIMITS[field];
    const value = (v / obsidianDefault) * FORCE_DEFAULTS[field];
    out[field] = Math.round(Math.min(max, Math.max(min, value)) * 100) / 100;
  };
  scaled('centerStrength', 'centerForce', 0.518713248970312);
  scaled('repelStrength', 'repelForce', 10);
  scaled('linkStrength', 'linkForce', 1);
  scaled('linkDistance', 'linkDistance', 250);
  return out;
}
