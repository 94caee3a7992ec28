/**
 * Unlinked mentions as text, for `check --mentions`: orphans that other
 * notes name first (the likeliest missing links), then every mention with
 * its place, its sentence and the link to paste, then the rule.
 */
import type { MentionsReport } from '../core/contract.js';
import { mentionedPhrase, mentionRuleText, mentionsByTarget, orphansByMentions } from '../core/mentions.js';

type Paint = (s: string) => string;
const ANSI = (code: string): Paint => (s) => `\x1b[${code}m${s}\x1b[0m`;
const PLAIN: Paint = (s) => s;

/** The section, ending with a blank line; `orphans`: the health report's orphan keys. */
export function formatMentions(report: MentionsReport, orphans: readonly string[], color = false): string {
  const bold = color ? ANSI('1') : PLAIN;
  const dim = color ? ANSI('2') : PLAIN;
  const hint = color ? ANSI('36') : PLAIN;
  const out: string[] = [];
  const ranked = orphansByMentions(orphans, report);
  out.push(`${bold('Orphans mentioned by other notes')} (${ranked.length})${ranked.length ? ' ' + dim('most mentioned first') : ': none'}`);
  for (const o of ranked) out.push(`  ${o.key}  ${dim(mentionedPhrase(o.notes))}`);
  out.push('');
  const byTarget = mentionsByTarget(report);
  out.push(`${bold('Unlinked mentions')} (${report.mentions.length})${report.mentions.length ? ' ' + dim('notes that name a note without linking to it') : ': none'}`);
  for (const [target, mentions] of byTarget) {
    out.push(`  ${target}`);
    for (const m of mentions) {
      out.push(`    ${m.source}:${m.line}  "${m.context}"  ${hint(`paste ${m.link}`)}`);
    }
  }
  out.push('');
  out.push(dim(mentionRuleText(report.rule)));
  if (report.common.length) out.push(dim(`Skipped as too common: ${report.common.map((c) => `${c.name} (${c.notes} notes)`).join(', ')}.`));
  out.push('');
  return out.join('\n') + '\n';
}
