/**
 * The health report as text, for `npm run check`: one section per problem,
 * one item per line, columns aligned like a linter's, then a summary line.
 * Pure: takes the report and its stats, returns the string to print.
 */
import type { DanglingReport, HealthReport } from '../core/contract.js';
import type { HealthStats } from './health.js';

export interface FormatOptions {
  /** Wrap headings and counts in ANSI colors (for a terminal). Default false. */
  color?: boolean;
  /** Vault name or path, shown in the first line. Default: no first line. */
  vault?: string;
}

/** Dangling target names longer than this are not padded (one long name must not push every column). */
const MAX_NAME_COLUMN = 48;

type Paint = (s: string) => string;
const ANSI = (code: string): Paint => (s) => `\x1b[${code}m${s}\x1b[0m`;
const PLAIN: Paint = (s) => s;

function plural(n: number, one: string, many = one + 's'): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The whole report, ending with a newline. */
export function formatHealth(report: HealthReport, stats: HealthStats, options: FormatOptions = {}): string {
  const bold = options.color ? ANSI('1') : PLAIN;
  const dim = options.color ? ANSI('2') : PLAIN;
  const warn = options.color ? ANSI('33') : PLAIN;
  const hint = options.color ? ANSI('36') : PLAIN;
  const out: string[] = [];
  if (options.vault !== undefined) out.push(bold(`notemap check: ${options.vault}`), '');

  const list = (title: string, what: string, keys: string[]): void => {
    out.push(`${bold(title)} (${keys.length})${keys.length ? ' ' + dim(what) : ': none'}`);
    for (const k of keys) out.push(`  ${k}`);
    out.push('');
  };

  list('Orphans', 'no link to or from another note', report.orphans);

  const refs = stats.danglingLinks;
  out.push(
    report.dangling.length
      ? `${bold('Dangling targets')} (${report.dangling.length}) ${dim(`${plural(refs, 'reference')}, most referenced first`)}`
      : `${bold('Dangling targets')} (0): none`,
  );
  const width = Math.min(MAX_NAME_COLUMN, Math.max(0, ...report.dangling.map((d) => d.target.length)));
  const countWidth = Math.max(0, ...report.dangling.map((d) => plural(d.notes, 'note').length));
  for (const d of report.dangling) out.push(...formatDangling(d, width, countWidth, warn, hint));
  out.push('');

  list('Only outgoing links', 'link to other notes, nothing links to them', report.onlyOutgoing);
  list('Only incoming links', 'linked to, link to no other note', report.onlyIncoming);

  out.push(summaryLine(stats, options.color ?? false));
  return out.join('\n') + '\n';
}

/** One dangling target: its name, how many notes, the suggestion, then each `path:line`. */
function formatDangling(d: DanglingReport, width: number, countWidth: number, warn: Paint, hint: Paint): string[] {
  const count = plural(d.notes, 'note');
  let head = `  ${warn(d.target.padEnd(width))}  ${count.padEnd(countWidth)}`;
  if (d.suggestion) {
    head += `  ${hint(`did you mean "${d.suggestion.text}"`)} (${d.suggestion.key})?`;
  }
  return [head.trimEnd(), ...d.references.map((r) => `      ${r.source}:${r.line}`)];
}

/** The last line: every count at once, so a glance (or a grep) tells the state of the vault. */
export function summaryLine(stats: HealthStats, color = false): string {
  const parts = [
    plural(stats.danglingTargets, 'dangling target') + ` (${plural(stats.danglingLinks, 'reference')})`,
    plural(stats.orphans, 'orphan'),
    `${stats.onlyOutgoing.toLocaleString('en-US')} only outgoing`,
    `${stats.onlyIncoming.toLocaleString('en-US')} only incoming`,
  ];
  const ok = stats.danglingTargets === 0 && stats.orphans === 0;
  const mark = ok ? '✔' : '✖';
  const line = `${mark} ${plural(stats.notes, 'note')}, ${plural(stats.links, 'link')}: ${parts.join(', ')}`;
  if (!color) return line;
  return (ok ? ANSI('32') : ANSI('31'))(line);
}
