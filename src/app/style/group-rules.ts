/**
 * Editing the ordered color groups ("query -> color", first match wins) as
 * pure operations on the list, so the editor's rules are tested without a
 * DOM. Every operation returns a new list.
 */
import type { ColorGroup } from '../../core/contract.js';
import { PALETTE } from './colors.js';

/** The list with a new empty rule at the end, in the first palette color no rule uses yet. */
export function addRule(groups: readonly ColorGroup[], query = ''): ColorGroup[] {
  const used = new Set(groups.map((g) => g.color.toLowerCase()));
  const color = PALETTE.find((c) => !used.has(c.toLowerCase())) ?? PALETTE[groups.length % PALETTE.length];
  return [...groups, { query, color }];
}

export function removeRule(groups: readonly ColorGroup[], index: number): ColorGroup[] {
  return groups.filter((_g, i) => i !== index);
}

/** Move rule `index` by `delta` places (clamped to the list), which changes which rule wins. */
export function moveRule(groups: readonly ColorGroup[], index: number, delta: number): ColorGroup[] {
  const to = Math.min(groups.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= groups.length || to === index) return [...groups];
  const next = [...groups];
  const [rule] = next.splice(index, 1);
  next.splice(to, 0, rule);
  return next;
}

export function updateRule(groups: readonly ColorGroup[], index: number, patch: Partial<ColorGroup>): ColorGroup[] {
  return groups.map((g, i) => (i === index ? { ...g, ...patch } : g));
}

/** The rules that can go in the URL and color notes: a query that is not blank. */
export function usableRules(groups: readonly ColorGroup[]): ColorGroup[] {
  return groups.filter((g) => g.query.trim() !== '');
}
