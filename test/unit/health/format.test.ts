/** The text report: sections, aligned columns, suggestions, summary line, colors only when asked. */
import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../../../src/core/contract.js';
import type { HealthStats } from '../../../src/extract/health.js';
import { formatHealth, summaryLine } from '../../../src/extract/health-format.js';

const report: HealthReport = {
  orphans: ['lonely.md'],
  dangling: [
    {
      key: '?missing page', target: 'Missing Page', notes: 2,
      references: [{ source: 'a.md', line: 5 }, { source: 'b/c.md', line: 12 }],
      suggestion: null,
    },
    {
      key: '?gama', target: 'gama', notes: 1,
      references: [{ source: 'index.md', line: 11 }],
      suggestion: { key: 'gamma.md', text: 'Gamma', via: 'title', distance: 1 },
    },
  ],
  onlyOutgoing: [],
  onlyIncoming: ['beta.md', 'z.md'],
};
const stats: HealthStats = {
  notes: 1234, links: 10, danglingTargets: 2, danglingLinks: 3, orphans: 1, onlyOutgoing: 0, onlyIncoming: 2,
};

describe('formatHealth', () => {
  it('prints every section, aligned, with path:line references and the suggestion', () => {
    expect(formatHealth(report, stats, { vault: 'my-vault' })).toBe(
      [
        'notemap check: my-vault',
        '',
        'Orphans (1) no link to or from another note',
        '  lonely.md',
        '',
        'Dangling targets (2) 3 references, most referenced first',
        '  Missing Page  2 notes',
        '      a.md:5',
        '      b/c.md:12',
        '  gama          1 note   did you mean "Gamma" (gamma.md)?',
        '      index.md:11',
        '',
        'Only outgoing links (0): none',
        '',
        'Only incoming links (2) linked to, link to no other note',
        '  beta.md',
        '  z.md',
        '',
        '✖ 1,234 notes, 10 links: 2 dangling targets (3 references), 1 orphan, 0 only outgoing, 2 only incoming',
        '',
      ].join('\n'),
    );
  });

  it('says "none" for an empty section and ticks a healthy vault', () => {
    const empty: HealthReport = { orphans: [], dangling: [], onlyOutgoing: [], onlyIncoming: [] };
    const text = formatHealth(empty, { ...stats, danglingTargets: 0, danglingLinks: 0, orphans: 0, onlyIncoming: 0 });
    expect(text).toContain('Dangling targets (0): none\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '✔ 1,234 notes, 10 links: 0 dangling targets (0 references), 0 orphans, 0 only outgoing, 0 only incoming',
    );
  });

  it('does not pad past a long name (one long target does not push every column)', () => {
    const long = 'x'.repeat(80);
    const text = formatHealth({ ...report, dangling: [{ ...report.dangling[1], target: long }, report.dangling[0]] }, stats);
    expect(text).toContain(`  ${long}  1 note   did you mean`);
    expect(text).toContain(`  Missing Page${' '.repeat(48 - 12)}  2 notes\n`);
  });

  it('colors only when asked', () => {
    expect(formatHealth(report, stats)).not.toContain('\x1b[');
    expect(formatHealth(report, stats, { color: true })).toContain('\x1b[1mOrphans\x1b[0m');
    expect(summaryLine(stats, true)).toMatch(/^\x1b\[31m✖ /);
  });
});
