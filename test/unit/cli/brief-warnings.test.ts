import { describe, expect, it } from 'vitest';
import type { BuildWarning } from '../../../src/core/contract.js';
import { briefWarnings, SERVE_WARNINGS_SHOWN } from '../../../src/cli/common.js';

const warning = (i: number): BuildWarning => ({ file: `Templates/T${i}.md`, line: 2, message: 'malformed YAML frontmatter' });

describe('the server\'s warnings before the map\'s address', () => {
  it('prints them all when there are few', () => {
    const lines = briefWarnings([warning(1), warning(2)], '/notes');
    expect(lines).toEqual(['Templates/T1.md:2: malformed YAML frontmatter', 'Templates/T2.md:2: malformed YAML frontmatter']);
  });

  it('prints the first few, then how many more and the command that lists them', () => {
    const lines = briefWarnings(Array.from({ length: 28 }, (_, i) => warning(i)), '/home/me/My Vault');
    expect(lines).toHaveLength(SERVE_WARNINGS_SHOWN + 1);
    expect(lines[0]).toBe('Templates/T0.md:2: malformed YAML frontmatter');
    expect(lines.at(-1)).toBe(`… and ${28 - SERVE_WARNINGS_SHOWN} more warnings: notemap check "/home/me/My Vault" lists them all`);
    expect(briefWarnings(Array.from({ length: SERVE_WARNINGS_SHOWN + 1 }, (_, i) => warning(i)), '/notes').at(-1)).toBe('… and 1 more warning: notemap check /notes lists them all');
  });
});
