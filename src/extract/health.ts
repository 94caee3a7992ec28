/**
 * Link health: orphans, dangling targets ranked by how many notes reference
 * them (with every reference and a "did you mean"), and notes whose links
 * go only one way. What `npm run check` prints and graph.json's `health`
 * graph attribute holds.
 *
 * For the pipeline (one call after the graph is built):
 *   const health = buildHealth(notes, resolved.links);   // pure, HealthReport
 *   assignHealth(graph, health);                   // graph attr `health` + each dangling node's `suggestion`
 * `buildHealth` builds the suggestion index itself (`buildSuggestionIndex`
 * in ./suggest.ts).
 *
 * Rules (note-to-note links only: links to dangling targets and attachments,
 * and a note's links to itself, do not count as links here):
 *  - orphan: a note with no link to or from another existing note (the same
 *    rule as the node's `orphan` attribute);
 *  - only outgoing: links to at least one other note, and no other note
 *    links to it;
 *  - only incoming: at least one other note links to it, and it links to no
 *    other note (it may still link to dangling targets).
 */
import type Graph from 'graphology';
import type { DanglingReport, HealthReport, Reference, Suggestion } from '../core/contract.js';
import { buildSuggestionIndex, suggestFor } from './suggest.js';
import type { ParsedNote, ResolvedLink } from './types.js';
import { byCodeUnit } from '../core/order.js';

/** Counts that go with a report (for the CLI's summary line and `--json`). */
export interface HealthStats {
  notes: number;
  /**
   * Distinct (source, target) pairs from a note to another note or to a
   * dangling target: the graph's edges, as GraphStats.links counts them.
   */
  links: number;
  danglingTargets: number;
  /** Every reference to a dangling target (each occurrence). */
  danglingLinks: number;
  orphans: number;
  onlyOutgoing: number;
  onlyIncoming: number;
}

/** Whether `link` joins two existing notes: a note-to-note link of the rules above. */
function joinsNotes(link: ResolvedLink, notes: ReadonlySet<string>): boolean {
  return link.targetKind === 'note' && link.target !== link.source && notes.has(link.target);
}

/**
 * The notes that link to another existing note (`hasOut`) and those another
 * note links to (`hasIn`). A note in neither is an orphan: the build's
 * `orphan` attribute and the report's orphans both come from here.
 */
export function noteLinkEnds(notes: ReadonlySet<string>, links: readonly ResolvedLink[]): { hasOut: Set<string>; hasIn: Set<string> } {
  const hasOut = new Set<string>();
  const hasIn = new Set<string>();
  for (const link of links) {
    if (!joinsNotes(link, notes)) continue;
    hasOut.add(link.source);
    hasIn.add(link.target);
  }
  return { hasOut, hasIn };
}

/**
 * The health report of a vault, from its parsed notes and resolved links.
 * Pure. Dangling targets are ranked by the number of distinct notes that
 * reference them (most first), then by key; each lists every occurrence
 * (source, line), sorted by source then line; its `target` is the first
 * spelling met in `links` order.
 */
export function buildHealth(
  notes: readonly ParsedNote[],
  links: readonly ResolvedLink[],
  /** "Did you mean" for one dangling target; default: an index built from `notes` (the incremental builder passes a memo). */
  suggest?: (target: string) => Suggestion | null,
): HealthReport {
  const keys = notes.map((n) => n.path);
  const { hasOut, hasIn } = noteLinkEnds(new Set(keys), links);
  const dangling = new Map<string, { target: string; references: Reference[]; sources: Set<string> }>();

  for (const link of links) {
    if (link.targetKind === 'dangling') {
      let entry = dangling.get(link.target);
      if (!entry) dangling.set(link.target, (entry = { target: link.written, references: [], sources: new Set() }));
      entry.references.push({ source: link.source, line: link.line });
      entry.sources.add(link.source);
    }
  }

  const sorted = [...keys].sort(byCodeUnit);
  // Suggestions are only needed for dangling targets: no index without any.
  const index = dangling.size > 0 && !suggest ? buildSuggestionIndex(notes) : null;
  const suggestion = suggest ?? ((target: string) => suggestFor(index!, target));
  const danglingReports: DanglingReport[] = [...dangling].map(([key, e]) => ({
    key,
    target: e.target,
    notes: e.sources.size,
    references: e.references.sort((a, b) => byCodeUnit(a.source, b.source) || a.line - b.line),
    suggestion: suggestion(e.target),
  }));
  danglingReports.sort((a, b) => b.notes - a.notes || byCodeUnit(a.key, b.key));

  return {
    orphans: sorted.filter((k) => !hasOut.has(k) && !hasIn.has(k)),
    dangling: danglingReports,
    onlyOutgoing: sorted.filter((k) => hasOut.has(k) && !hasIn.has(k)),
    onlyIncoming: sorted.filter((k) => hasIn.has(k) && !hasOut.has(k)),
  };
}

/** Summary counts of a report (the same figures as the graph's stats where both have them). */
export function healthStats(
  notes: readonly ParsedNote[],
  links: readonly ResolvedLink[],
  report: HealthReport,
): HealthStats {
  const noteSet = new Set(notes.map((n) => n.path));
  const pairs = new Set<string>();
  for (const l of links) {
    const counted = l.targetKind === 'dangling' || joinsNotes(l, noteSet);
    if (counted) pairs.add(l.source + '\0' + l.target);
  }
  return {
    notes: notes.length,
    links: pairs.size,
    danglingTargets: report.dangling.length,
    danglingLinks: report.dangling.reduce((sum, d) => sum + d.references.length, 0),
    orphans: report.orphans.length,
    onlyOutgoing: report.onlyOutgoing.length,
    onlyIncoming: report.onlyIncoming.length,
  };
}

/**
 * Write a report into the graph: the `health` graph attribute, and on every
 * dangling node (attribute `dangling: true`) its `suggestion` (null when the
 * report has none for it). Mutates `graph`; idempotent.
 */
export function assignHealth(graph: Graph, health: HealthReport): void {
  const byKey = new Map<string, Suggestion | null>(health.dangling.map((d) => [d.key, d.suggestion]));
  graph.setAttribute('health', health);
  graph.updateEachNodeAttributes(
    (key, attrs) => (attrs.dangling === true ? { ...attrs, suggestion: byKey.get(key) ?? null } : attrs),
    { attributes: ['suggestion'] },
  );
}
