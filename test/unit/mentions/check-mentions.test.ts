import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args.js';
import { checkVault } from '../../../src/extract/check-vault.js';
import { formatMentions } from '../../../src/extract/mentions-format.js';

const vault = mkdtempSync(path.join(tmpdir(), 'notemap-mentions-'));
afterAll(() => rmSync(vault, { recursive: true, force: true }));
const files: Record<string, string> = {
  'Sourdough Starter.md': '# Sourdough Starter\n\nFlour and water.',
  'baking.md': 'Feed the sourdough starter daily. See [[bread]].',
  'bread.md': 'Bread needs a sourdough starter. Links [[baking]].',
  'pizza.md': 'Pizza dough, no links, mentions nothing.',
};
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(vault, name), text);

describe('check --mentions', () => {
  it('ranks the orphan by the notes that name it, lists each mention with its line, sentence and link, and states the rule', async () => {
    const result = await checkVault(vault, { mentions: true });
    expect(result.health.orphans).toEqual(['pizza.md', 'Sourdough Starter.md'].sort());
    expect(result.mentions!.mentions.map((m) => m.source)).toEqual(['baking.md', 'bread.md']);
    const text = formatMentions(result.mentions!, result.health.orphans);
    expect(text).toContain('Orphans mentioned by other notes (1)');
    expect(text).toContain('  Sourdough Starter.md  mentioned in 2 notes, linked from none');
    expect(text).toContain('    baking.md:1  "Feed the sourdough starter daily."  paste [[sourdough starter]]');
    expect(text).toContain('Names under 4 letters');
  });

  it('without --mentions, check does not look for them', async () => {
    expect((await checkVault(vault)).mentions).toBeUndefined();
  });

  it('the flags: check --mentions, graph --format gexf|graphml|json, anything else refused', () => {
    expect(parseCliArgs(['check', '--mentions']).mentions).toBe(true);
    expect(parseCliArgs(['graph', '--format', 'gexf']).format).toBe('gexf');
    expect(parseCliArgs(['graph', '--format=graphml']).format).toBe('graphml');
    expect(() => parseCliArgs(['graph', '--format', 'csv'])).toThrow(/--format must be one of json, gexf, graphml/);
    expect(() => parseCliArgs(['check', '--format', 'gexf'])).toThrow(/option of `notemap graph`/);
  });
});
