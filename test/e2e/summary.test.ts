/**
 * Search, select, and the summary panel: the right title, tags, summary and
 * backlinks; a link in the panel navigates; Back and Forward move between
 * selections; a reload restores the selection and the filters.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadGraph, openMap, saveScreenshot, waitForMap, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();

/** The note with the most backlinks among those with tags and a summary. */
function pickNote(): string {
  let key = '';
  let best = -1;
  graph.forEachNode((k, a) => {
    if (a.kind !== 'note' || a.tags.length === 0 || !a.summary) return;
    const backlinks = graph.inNeighbors(k).length;
    if (backlinks > best) [key, best] = [k, backlinks];
  });
  return key;
}

/** Type the title in the search box, arrow down to the note, press Enter. */
async function searchAndSelect(page: Page, key: string): Promise<void> {
  const title = graph.getNodeAttribute(key, 'title');
  const input = page.locator('#search');
  if ((await page.evaluate(() => document.activeElement?.id)) !== 'search') await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
  await input.fill('');
  await page.keyboard.type(title.slice(0, 40));
  await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
  for (let i = 0; i < 12; i++) {
    const active = await input.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`#${active}`).getAttribute('data-key')) === key) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#summary h2').textContent()).toBe(title);
}

const texts = (page: Page, selector: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

describe('search and the summary panel', () => {
  it('finds a note by its alias and says so', async () => {
    const key = graph.findNode((_k, a) => a.kind === 'note' && a.aliases.some((al) => !a.title.toLowerCase().includes(al.toLowerCase())));
    if (!key) return; // the sample vault has aliases; a vault without any has nothing to check
    const note = graph.getNodeAttributes(key);
    if (note.kind !== 'note') return;
    const alias = note.aliases.find((al) => !note.title.toLowerCase().includes(al.toLowerCase()))!;
    const { page } = await openMap(session);
    await page.keyboard.press('/');
    await page.keyboard.type(alias);
    const option = page.locator(`#search-results [role="option"][data-key="${key}"]`);
    await expect.poll(() => option.count()).toBe(1);
    expect(await option.locator('.search-title').textContent()).toBe(note.title);
    expect(await option.locator('.search-alias').textContent()).toBe(`alias: ${alias}`);
    await page.close();
  });

  it('shows the title, tags, summary and backlinks of the note found', async () => {
    const key = pickNote();
    const note = graph.getNodeAttributes(key);
    if (note.kind !== 'note') throw new Error('not a note');
    const { page, errors } = await openMap(session);
    await searchAndSelect(page, key);

    expect(await page.locator('#search-results').isHidden()).toBe(true);
    expect(await page.locator('#summary .summary-path code').textContent()).toBe(note.path);
    expect(await texts(page, '#summary .summary-tags button')).toEqual(note.tags.map((t) => `#${t}`));
    expect(await page.locator('#summary .summary-text').textContent()).toBe(note.summary);
    const backlinks = graph.inNeighbors(key).map((k) => graph.getNodeAttribute(k, 'title'));
    expect((await texts(page, '#summary .summary-backlinks li > button.node-link')).sort()).toEqual(backlinks.sort());
    const outgoing = graph.outNeighbors(key).filter((k) => graph.getNodeAttribute(k, 'kind') === 'note');
    expect(await page.locator('#summary .summary-outgoing li').count()).toBe(outgoing.length);
    // Each backlink shows the sentence it comes from.
    const first = graph.inEdges(key).map((e) => graph.getEdgeAttribute(e, 'context')).filter(Boolean)[0];
    if (first) expect(await texts(page, '#summary .summary-backlinks .link-context')).toContain(first);
    // The static site has no editor endpoint, only the obsidian:// link.
    expect(await page.locator('#summary button', { hasText: 'Open in editor' }).count()).toBe(0);
    expect(await page.locator('#summary a', { hasText: 'Open in Obsidian' }).getAttribute('href')).toMatch(/^obsidian:\/\/open\?vault=/);
    expect(page.url()).toContain('note=');
    await saveScreenshot(page, 'summary-panel.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('navigates through panel links, and Back / Forward / reload restore the view', async () => {
    const key = pickNote();
    const { page } = await openMap(session);
    await searchAndSelect(page, key);
    const target = page.locator('#summary .summary-backlinks li > button.node-link').first();
    const targetKey = (await target.getAttribute('data-key'))!;
    await target.click();
    const targetTitle = graph.getNodeAttribute(targetKey, 'title');
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(targetTitle);
    expect(await page.evaluate(() => window.__notemap!.store.get().selected)).toBe(targetKey);

    await page.goBack();
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(graph.getNodeAttribute(key, 'title'));
    await page.goForward();
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(targetTitle);

    // A tag in the panel filters the map to that tag; the filter lives in the URL.
    const tag = page.locator('#summary .summary-tags button').first();
    const counts = await page.locator('#counts').textContent();
    if (await tag.count()) {
      await tag.click();
      await expect.poll(() => page.locator('#counts').textContent()).not.toBe(counts);
    }
    const filtered = await page.locator('#counts').textContent();
    const url = page.url();
    await page.reload();
    await waitForMap(page);
    expect(page.url()).toBe(url);
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(targetTitle);
    await expect.poll(() => page.locator('#counts').textContent()).toBe(filtered);
    await page.close();
  });

  it('a tag chip under a hidden tag shows that tag only, and lifts the hiding', async () => {
    // `security` hidden covers `security/e2ee`: the chip must show its notes, not an empty map.
    const key = graph.findNode((_k, a) => a.kind === 'note' && a.tags.includes('security/e2ee'));
    expect(key).toBeTruthy(); // the sample vault nests e2ee under security
    const tagged = graph.filterNodes((_k, a) => a.kind === 'note' && a.tags.some((t) => t.toLowerCase() === 'security/e2ee')).length;
    const { page, errors } = await openMap(session, `?note=${encodeURIComponent(key!)}&hide=security`);
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(graph.getNodeAttribute(key!, 'title'));
    await page.locator('#summary .summary-tags button', { hasText: /^#security\/e2ee$/ }).click();
    const view = await page.evaluate(() => {
      const { onlyTags, hiddenTags } = window.__notemap!.store.get();
      return { onlyTags, hiddenTags };
    });
    expect(view).toEqual({ onlyTags: ['security/e2ee'], hiddenTags: [] });
    await expect.poll(async () => Number(await page.locator('#counts').getAttribute('data-notes-shown'))).toBe(tagged);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows dates, words and the draft badge, and follows a did-you-mean', async () => {
    const draft = graph.findNode((_k, a) => a.kind === 'note' && a.draft && a.created !== null);
    expect(draft).toBeTruthy(); // the sample vault has a dated draft
    const note = graph.getNodeAttributes(draft!);
    if (note.kind !== 'note') throw new Error('not a note');
    const { page } = await openMap(session, `?note=${encodeURIComponent(draft!)}`);
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(note.title);
    expect(await page.locator('#summary .badge-draft').textContent()).toBe('draft');
    const facts = await texts(page, '#summary .summary-facts dt, #summary .summary-facts dd');
    expect(facts).toEqual(expect.arrayContaining(['Created', note.created!, 'Words', note.words.toLocaleString('en-US')]));

    // A note whose dangling link has a suggestion: the panel offers it, and choosing it selects that note.
    const edge = graph.findEdge((_e, _a, source, target, sa, ta) => sa.kind === 'note' && ta.kind === 'dangling' && ta.suggestion !== null);
    expect(edge).toBeTruthy(); // the sample vault misspells a title on purpose
    if (edge) {
      const source = graph.source(edge);
      const dangling = graph.getNodeAttributes(graph.target(edge));
      if (dangling.kind !== 'dangling' || !dangling.suggestion) throw new Error('no suggestion');
      await page.evaluate((k) => window.__notemap!.store.set({ selected: k, panel: 'summary' }, { history: 'push' }), source);
      const item = page.locator('#summary .summary-missing li', { hasText: dangling.title }).first();
      expect(await item.locator('.badge-missing').textContent()).toBe('missing');
      await item.locator('.suggestion button').click();
      await expect.poll(() => page.locator('#summary h2').textContent()).toBe(graph.getNodeAttribute(dangling.suggestion.key, 'title'));
    }
    await page.close();
  });

  it('types map shortcut keys (f, +, -) into the search box as text', async () => {
    const { page } = await openMap(session);
    await page.keyboard.press('/');
    await page.keyboard.type('fit +zoom -out f');
    expect(await page.locator('#search').inputValue()).toBe('fit +zoom -out f');
    await page.close();
  });

  it('closes the result list with Escape and the panel with its close button', async () => {
    const { page } = await openMap(session);
    await page.keyboard.press('/');
    await page.keyboard.type(graph.getNodeAttribute(pickNote(), 'title').slice(0, 6));
    const input = page.locator('#search');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#search-results [role="option"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#search-results').isHidden()).toBe(true);

    await searchAndSelect(page, pickNote());
    await page.locator('#summary button.close').click();
    await expect.poll(() => page.locator('#panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => window.__notemap!.store.get().selected)).toBeNull();
    await page.close();
  });
});
