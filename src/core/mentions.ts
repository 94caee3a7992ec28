/**
 * Reading the unlinked mentions of graph.json (MentionsReport), shared by
 * `check` and the map's panels: per note, and orphans ranked by mentions.
 */
import type { MentionRule, MentionsReport, UnlinkedMention } from './contract.js';
import { byCodeUnit } from './order.js';

/** Mentions grouped by the note they name, in the report's order. */
export function mentionsByTarget(report: MentionsReport | undefined): Map<string, UnlinkedMention[]> {
  const byTarget = new Map<string, UnlinkedMention[]>();
  for (const m of report?.mentions ?? []) {
    const list = byTarget.get(m.target);
    if (list) list.push(m);
    else byTarget.set(m.target, [m]);
  }
  return byTarget;
}

export interface MentionedOrphan {
  key: string;
  /** Notes that name it without linking to it. */
  notes: number;
}

/** Orphans that other notes name, most-mentioned first (then by key): where a link is likely missing. */
export function orphansByMentions(orphans: readonly string[], report: MentionsReport | undefined): MentionedOrphan[] {
  const byTarget = mentionsByTarget(report);
  return orphans
    .map((key) => ({ key, notes: byTarget.get(key)?.length ?? 0 }))
    .filter((o) => o.notes > 0)
    .sort((a, b) => b.notes - a.notes || byCodeUnit(a.key, b.key));
}

/** "mentioned in 4 notes, linked from none" */
export function mentionedPhrase(notes: number): string {
  return `mentioned in ${notes.toLocaleString('en-US')} ${notes === 1 ? 'note' : 'notes'}, linked from none`;
}

/** The rule in words, for every place that lists mentions. */
export function mentionRuleText(rule: MentionRule): string {
  return (
    `A mention is a note's title, alias or file name written as whole words in another note's text ` +
    `(outside code, links and frontmatter) that does not link to it. Names under ${rule.minLetters} letters, ` +
    `and names found in more than ${Math.round(rule.maxShare * 100)}% of the notes (and in more than ${rule.minCommonNotes}), are skipped.`
  );
}
