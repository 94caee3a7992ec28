/**
 * The legend's color modes in a real browser: clusters (named, counted,
 * their names drawn over the map), folders (with depth), groups (the
 * vault's Obsidian groups, edited in the legend); each in the URL.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVaultSettings } from '../../src/config/load.js';
import { runPipeline } from '../../src/extract/pipeline.js';
import { serializeGraph } from '../../src/extract/write.js';
import { nameClusters } from '../../src/app/style/clusters.js';
import { autoFolders, folderAtDepth } from '../../src/app/style/folders.js';
import { FOCUSED_ALPHA } from '../../src/app/render/cluster-label-place.js';
import { formatCount, launchBrowser, loadGraph, openMap, saveScreenshot, serveGraphJson, settle, waitForMap, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();
// Notes alone in their community share one "on their own" row, listed last.
const clusters = nameClusters(graph).filter((c) => c.count > 1);
const alone = nameClusters(graph).filter((c) => c.count === 1).length;
const notes = graph.filterNodes((_k, a) => a.kind === 'note');

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

const colors = (page: Page): Promise<Record<string, string | null>> =>
  page.evaluate(() => {
    const { sigma, graph } = window.__notemap!;
    return Object.fromEntries(graph.nodes().map((k) => [k, sigma.getNodeDisplayData(k)?.color ?? null]));
  });
const rows = (page: Page) => page.locator('#category-legend .legend-row');
const shownNotes = async (page: Page) => Number(await page.locator('#counts').getAttribute('data-notes-shown'));

describe('color modes', () => {
  it('cluster mode lists the clusters with their counts, colors by cluster and names them on the map', async () => {
    const { page, errors } = await openMap(session);
    await settle(page);
    const before = await colors(page);
    await page.locator('#color-by-cluster').click();
    await expect.poll(() => page.evaluate(() => location.search)).toContain('color=cluster');
    expect(await page.locator('#color-by-cluster').getAttribute('aria-pressed')).toBe('true');
    // The tag legend gives way to the clusters'.
    expect(await page.locator('#legend .legend-body').isHidden()).toBe(true);
    const names = await rows(page).locator('.legend-tag').allTextContents();
    const counts = await rows(page).locator('.legend-count').allTextContents();
    expect(alone).toBeGreaterThan(0); // the sample vault has orphans
    expect(names).toEqual([...clusters.map((c) => c.name), 'Notes on their own'].slice(0, 30));
    expect(counts).toEqual([...clusters.map((c) => formatCount(c.count)), formatCount(alone)].slice(0, 30));
    expect(clusters.length).toBeGreaterThan(2);
    // Two notes of the biggest cluster share a color; one of another cluster has another.
    const after = await colors(page);
    const [a, b] = clusters[0].notes;
    const other = clusters[1].notes[0];
    expect(after[a]).toBe(after[b]);
    expect(after[a]).not.toBe(after[other]);
    expect(after).not.toEqual(before);
    // Zoomed out, the names of the clusters that form a region are drawn over it
    // (the sample vault's big clusters are intermixed: only its tighter ones get a name).
    const onMap = () => page.locator('canvas.sigma-clusterLabels').getAttribute('data-names');
    await expect.poll(onMap).not.toBe('');
    const drawn = ((await onMap()) ?? '').split('\n');
    expect(drawn.every((name) => clusters.some((c) => c.name === name))).toBe(true);
    await saveScreenshot(page, 'color-mode-cluster.png');
    // Pointing at a note fades the names (the rest of the map fades): they no longer cover what stands out.
    const focus = () => page.locator('canvas.sigma-clusterLabels').getAttribute('data-focus');
    expect(await focus()).toBe('1');
    const at = (await page.evaluate((k) => window.__notemap!.nodeScreenPosition(k), a))!;
    await page.mouse.move(at.x, at.y);
    await expect.poll(focus).toBe(String(FOCUSED_ALPHA));
    await page.mouse.move(5, 400); // over the sidebar, off the map
    await expect.poll(focus).toBe('1');
    // Close up, note labels take over.
    await page.evaluate(() => window.__notemap!.sigma.getCamera().setState({ ratio: 0.2 }));
    await expect.poll(onMap).toBe('');
    await page.evaluate(() => window.__notemap!.sigma.getCamera().setState({ ratio: 1 }));

    // "only" one cluster: only its notes are shown.
    await rows(page).first().locator('.legend-only').click();
    await expect.poll(() => shownNotes(page)).toBe(clusters[0].count);
    // A reload keeps the mode and the filter.
    await page.reload();
    await waitForMap(page);
    expect(await shownNotes(page)).toBe(clusters[0].count);
    expect(await page.locator('#color-by-cluster').getAttribute('aria-pressed')).toBe('true');
    // Switching mode clears that filter.
    await page.locator('#color-by-tag').click();
    await expect.poll(() => shownNotes(page)).toBe(notes.length);
    expect(await page.locator('canvas.sigma-clusterLabels').getAttribute('data-names')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folder mode colors by folder: big folders split by default, or by top-level folder, or deeper', async () => {
    const { page, errors } = await openMap(session, '?color=folder');
    await settle(page);
    const legendKeys = () => rows(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
    // Auto: journal/ holds most notes, so it is split by year.
    const auto = autoFolders(notes);
    expect(new Set(await legendKeys())).toEqual(new Set(auto.values()));
    expect(await legendKeys()).toContain('journal/2020');
    await saveScreenshot(page, 'color-mode-folder.png');

    await page.locator('#legend-folder-depth').selectOption('1');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('folderdepth=1');
    const top = new Map<string, number>();
    // A note's key is its vault path.
    for (const key of notes) top.set(folderAtDepth(key, 1), (top.get(folderAtDepth(key, 1)) ?? 0) + 1);
    expect(new Set(await legendKeys())).toEqual(new Set(top.keys()));
    expect(await rows(page).first().locator('.legend-count').textContent()).toBe(formatCount(Math.max(...top.values())));
    const c = await colors(page);
    const journal = notes.filter((k) => k.startsWith('journal/'));
    const topics = notes.filter((k) => k.startsWith('topics/'));
    expect(new Set(journal.map((k) => c[k])).size).toBe(1);
    expect(c[journal[0]]).not.toBe(c[topics[0]]);

    await page.locator('#legend-folder-depth').selectOption('2');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('folderdepth=2');
    expect(await legendKeys()).toContain('topics/tooling');
    const c2 = await colors(page);
    const y2019 = journal.find((k) => k.startsWith('journal/2019/'))!;
    const y2020 = journal.find((k) => k.startsWith('journal/2020/'))!;
    expect(c2[y2019]).not.toBe(c2[y2020]);
    // Hiding a folder hides its notes.
    const count2020 = notes.filter((k) => k.startsWith('journal/2020/')).length;
    await page.locator('#category-legend .legend-toggle[data-key="journal/2020"]').click();
    await expect.poll(() => shownNotes(page)).toBe(notes.length - count2020);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('groups mode', () => {
  let body = '';
  beforeAll(async () => {
    const vault = path.resolve(__dirname, '../fixtures/obsidian-vault');
    const settings = loadVaultSettings(vault);
    const { graph: g } = await runPipeline(vault, { extensions: settings.extensions, settings, builtAt: '2026-01-01T00:00:00.000Z' });
    body = serializeGraph(g).join('');
  });

  it("starts from the vault's groups; a rule added in the legend colors the notes it matches, first match wins", async () => {
    const { page, errors } = await openMap(session, '?color=groups', (p) => serveGraphJson(p, body));
    await settle(page);
    const queries = await page.locator('#group-rules .group-query').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(queries).toEqual(['tag:#project', 'path:Archive']);
    expect(await rows(page).locator('.legend-count').allTextContents()).toEqual(['2', '1', '1']); // project, Archive, no group
    expect((await colors(page))['Home.md']).not.toBe('#ff00aa');

    await page.locator('#group-add').click();
    const last = page.locator('#group-rules li').last();
    await last.locator('.group-query').fill('file:Home');
    await last.locator('.group-query').press('Enter');
    await last.locator('.group-color').evaluate((input: HTMLInputElement) => {
      input.value = '#ff00aa';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(async () => (await colors(page))['Home.md']).toBe('#ff00aa');
    expect(await page.evaluate(() => location.search)).toContain('groups=');
    // Reorder: "path:Archive" goes above "tag:#project".
    await page.locator('#group-rules li').nth(1).locator('.group-up').click();
    await expect.poll(() => page.locator('#group-rules .group-query').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['path:Archive', 'tag:#project', 'file:Home']);
    // A reload keeps the edited rules.
    await page.reload();
    await waitForMap(page);
    expect((await colors(page))['Home.md']).toBe('#ff00aa');
    // Removing the rule gives Home its grey back; "use the vault's groups" restores the list.
    // By keyboard: the focus stays in the editor (on the rule now last), not lost to the page.
    await page.locator('#group-rules li').last().locator('.group-remove').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await colors(page))['Home.md']).not.toBe('#ff00aa');
    expect(await page.evaluate(() => document.activeElement?.closest('#group-rules li')?.getAttribute('data-index') ?? document.activeElement?.tagName)).toBe('1');
    // A new rule with no query yet says so in the legend.
    await page.locator('#group-add').click();
    await expect.poll(() => rows(page).locator('.legend-tag').allTextContents()).toContain('New group: type its query');
    await page.locator('#group-rules li').last().locator('.group-remove').click();
    await page.locator('#group-vault').click();
    await expect.poll(() => page.evaluate(() => location.search)).not.toContain('groups=');
    await saveScreenshot(page, 'color-mode-groups.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});
