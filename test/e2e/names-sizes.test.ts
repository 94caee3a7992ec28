/**
 * Right names and right sizes on a small vault shaped like the real ones
 * (issue 10.1, 10.2): a note whose first H1 is a section heading further
 * down is labelled by its file name, a note whose H1 opens it by that H1;
 * an index with many outgoing links is drawn as the biggest node, by
 * backlinks it is not, and leaving embeds out shrinks a template that only
 * embeds reach.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVaultJson, launchBrowser, openMap, serveGraphJson, settle, type Session } from './browser.js';

let session: Session;
let body = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-names-'));

const LEAVES = 16;
const files: Record<string, string> = {
  // A paragraph of prose, then a section H1: the file name names the note.
  'Ideas for Project Management.md': 'A few loose ideas I keep coming back to.\n\n# Communication\n\nWeekly notes, see [[Note 1]].\n',
  // Same in a folder, with a clipping heading.
  'References/Kevin Kelly.md': 'Writer and editor, founding editor of Wired.\n\n# Clippings\n\n- 1,000 true fans, [[Note 2]]\n',
  // An H1 that opens the note names it.
  'zettel-0001.md': '# The map is not the territory\n\nLinked from [[Index]].\n',
  // The hub: many outgoing links, no backlink but one.
  'Index.md': `# Index\n\n${Array.from({ length: LEAVES }, (_, i) => `- [[Note ${i + 1}]]`).join('\n')}\n`,
  // Reached only by embeds.
  'Template.md': 'clean\n',
};
for (let i = 1; i <= LEAVES; i++) files[`Note ${i}.md`] = `Leaf ${i}.\n\n${i <= 6 ? '![[Template]]\n' : ''}`;

beforeAll(async () => {
  body = await buildVaultJson(tmp, Object.entries(files).map(([name, text]) => ({ path: name, text })));
  session = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await session?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(query = ''): Promise<Page> {
  const { page, errors } = await openMap(session, query, (p) => serveGraphJson(p, body));
  await settle(page);
  expect(errors).toEqual([]);
  return page;
}

/** What sigma draws for each note: its label and its size. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const { sigma, graph } = window.__notemap!;
    const out: Record<string, { label: string; size: number }> = {};
    graph.forEachNode((key) => {
      const d = sigma.getNodeDisplayData(key);
      if (d) out[key] = { label: String(d.label ?? ''), size: d.size };
    });
    return out;
  });

const biggest = (nodes: Record<string, { size: number }>) => Object.entries(nodes).sort((a, b) => b[1].size - a[1].size)[0][0];

describe('names and sizes on a real-shaped vault', () => {
  it('labels a note by its file name when its first H1 is a section heading, and by an H1 that opens it', async () => {
    const page = await open();
    const nodes = await drawn(page);
    expect(nodes['Ideas for Project Management.md'].label).toBe('Ideas for Project Management');
    expect(nodes['References/Kevin Kelly.md'].label).toBe('Kevin Kelly');
    expect(nodes['zettel-0001.md'].label).toBe('The map is not the territory');
    const labels = Object.values(nodes).map((n) => n.label);
    expect(labels).not.toContain('Communication');
    expect(labels).not.toContain('Clippings');
    // The search finds the note by the name the map shows.
    await page.locator('#search').fill('kevin');
    await expect.poll(() => page.locator('#search-results').textContent()).toContain('Kevin Kelly');
    await page.close();
  });

  it('draws the index with many outgoing links as the biggest node; by backlinks it is not; without embeds the template shrinks', async () => {
    const page = await open();
    const all = await drawn(page);
    expect(biggest(all)).toBe('Index.md');
    expect(all['Index.md'].size).toBeGreaterThan(2 * all['Note 7.md'].size);
    await page.close();

    const byBacklinks = await open('?sizeby=backlinks');
    const back = await drawn(byBacklinks);
    expect(biggest(back)).toBe('Template.md');
    expect(back['Index.md'].size).toBeLessThan(back['Template.md'].size);
    await byBacklinks.close();

    const noEmbeds = await open('?embeds=0');
    const without = await drawn(noEmbeds);
    expect(without['Template.md'].size).toBeLessThan(all['Template.md'].size);
    expect(biggest(without)).toBe('Index.md');
    await noEmbeds.close();
  });
});
