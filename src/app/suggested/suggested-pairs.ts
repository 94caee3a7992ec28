/**
 * Which unlinked mentions the map draws as dashed "suggested links": one
 * segment per pair of notes (A naming B and B naming A share a line), both
 * ends shown by the filters. Pure, on the graph's `mentions` report; the
 * mentions never become graph edges, so no count, health figure or path
 * search can take them for links.
 */
import type { MentionsReport, UnlinkedMention } from '../../core/contract.js';
import type { MapGraph } from '../state/visibility.js';

/** One dashed segment: its two notes and the mentions it stands for (one or both ways). */
export interface SuggestedPair {
  a: string;
  b: string;
  mentions: UnlinkedMention[];
}

/**
 * The pairs to draw, in the report's order. Left out: a mention whose ends
 * are not both visible notes, and a pair already joined by a link in either
 * direction (B links A while A only names B): a dashed line over the solid
 * one would add nothing but noise.
 */
export function suggestedPairs(graph: MapGraph, report: MentionsReport | undefined, visible: ReadonlySet<string>): SuggestedPair[] {
  const pairs = new Map<string, SuggestedPair>();
  for (const m of report?.mentions ?? []) {
    if (m.source === m.target || !visible.has(m.source) || !visible.has(m.target)) continue;
    if (!graph.hasNode(m.source) || !graph.hasNode(m.target)) continue;
    if (graph.hasEdge(m.source, m.target) || graph.hasEdge(m.target, m.source)) continue;
    // The key is order-free, so the two directions of a pair meet; \0 cannot be in a vault path.
    const [a, b] = m.source < m.target ? [m.source, m.target] : [m.target, m.source];
    const key = `${a}\0${b}`;
    const pair = pairs.get(key);
    if (pair) pair.mentions.push(m);
    else pairs.set(key, { a, b, mentions: [m] });
  }
  return [...pairs.values()];
}

const partnersByReport = new WeakMap<MentionsReport, Map<string, string[]>>();

/**
 * `set` (a note's neighbourhood) plus the notes that name `key` or that it
 * names, when the suggested links are drawn (`show`): the far end of a
 * strong dashed line then stands out and keeps its label, as a link's does.
 * The partners are indexed once per report.
 */
export function withMentionPartners(set: Set<string>, graph: MapGraph, key: string, show: boolean): Set<string> {
  const report = graph.getAttribute('mentions');
  if (!show || !report) return set;
  let index = partnersByReport.get(report);
  if (!index) {
    index = new Map();
    for (const m of report.mentions) {
      for (const [a, b] of [[m.source, m.target], [m.target, m.source]]) {
        const list = index.get(a);
        if (list) list.push(b);
        else index.set(a, [b]);
      }
    }
    partnersByReport.set(report, index);
  }
  for (const partner of index.get(key) ?? []) if (graph.hasNode(partner)) set.add(partner);
  return set;
}

/** True when the pair touches `key` (its dashes stay strong while that note is hovered or selected). */
export function pairTouches(pair: SuggestedPair, key: string | null): boolean {
  return key !== null && (pair.a === key || pair.b === key);
}

/** The tooltip of a dashed segment: what it is, then who names whom and the sentence. */
export function describePair(graph: MapGraph, pair: SuggestedPair): { title: string; text: string } {
  const title = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, 'title') : key);
  // The first mention with its sentence; the other way round, when there is one, in a word (a tooltip is short).
  const [m, back] = pair.mentions;
  let text = `“${title(m.source)}” names “${title(m.target)}” without linking to it${m.context ? `: ${m.context}` : '.'}`;
  if (back) text += ` (and “${title(back.source)}” names “${title(back.target)}”)`;
  return { title: SUGGESTED_LABEL, text };
}

/** The words the key and the tooltip use for a dashed segment. */
export const SUGGESTED_LABEL = 'suggested link (unlinked mention)';
