/**
 * The timeline: open it from the toolbar, drag the range and fewer notes are
 * shown (a reload keeps the range: it is in the URL), switch off undated
 * notes, play grows the vault month by month, closing shows every note again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteMonth } from '../../src/core/dates.js';
import { runPipeline } from '../../src/extract/pipeline.js';
import { serializeGraph } from '../../src/extract/write.js';
import { launchBrowser, loadGraph, openMap, saveScreenshot, serveGraphJson, settle, waitForMap, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();
const months = graph.filterNodes((_k, a) => a.kind === 'note').map((k) => noteMonth(graph.getNodeAttribute(k, 'created' as never)));
const dated = months.filter((m): m is number => m !== null).sort((a, b) => a - b);
const undatedCount = months.length - dated.length;

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

const notesShown = async (page: Page): Promise<number> => Number(await page.locator('#counts').getAttribute('data-notes-shown'));

describe('the timeline', () => {
  it('drag the range: only the notes created in it show, and the range survives a reload', async () => {
    expect(dated.length).toBeGreaterThan(10); // the sample vault is dated
    const { page, errors } = await openMap(session);
    await settle(page);
    expect(await page.locator('#timeline').isHidden()).toBe(true);
    await page.locator('#btn-timeline').click();
    await expect.poll(() => page.locator('#timeline').isVisible()).toBe(true);
    expect(await page.locator('.timeline-bin').count()).toBe(dated[dated.length - 1] - dated[0] + 1);
    const all = await notesShown(page);
    expect(all).toBe(months.length);

    // The last month shown moves to the middle of the vault's dates.
    const middle = dated[Math.floor(dated.length / 2)];
    await page.locator('#timeline-to').fill(String(middle));
    const inRange = dated.filter((m) => m <= middle).length;
    await expect.poll(() => notesShown(page)).toBe(inRange + undatedCount);
    expect(await notesShown(page)).toBeLessThan(all);
    expect(await page.locator('#timeline-range').textContent()).toContain(`${inRange} of ${dated.length} dated notes`);
    expect(page.url()).toMatch(/[?&]to=\d{4}-\d{2}/);
    await saveScreenshot(page, 'timeline-range.png');

    // Undated notes are a toggle of their own.
    await page.locator('#timeline-undated').uncheck();
    await expect.poll(() => notesShown(page)).toBe(inRange);

    await page.reload();
    await waitForMap(page);
    await expect.poll(() => notesShown(page)).toBe(inRange);
    expect(await page.locator('#timeline').isVisible()).toBe(true);

    // Closing the bar shows every note again.
    await page.locator('#timeline-close').click();
    await expect.poll(() => notesShown(page)).toBe(all);
    expect(page.url()).not.toMatch(/[?&]to=/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('play grows the vault from its first note, month by month', async () => {
    const { page } = await openMap(session, '?timeline=1');
    await settle(page);
    await page.locator('#timeline-speed').selectOption('12');
    await page.locator('#timeline-play').click();
    // While playing, fewer notes than all are shown, and the count only grows.
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      seen.push(await notesShown(page));
      await page.waitForTimeout(150);
    }
    expect(Math.min(...seen)).toBeLessThan(months.length);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    // It ends with the whole vault shown.
    await expect.poll(() => notesShown(page), { timeout: 20_000 }).toBe(months.length);
    await page.close();
  });

  it('play from a range the user set grows from its first month; after a pause it resumes where it stopped', async () => {
    const { page, errors } = await openMap(session, '?timeline=1');
    await settle(page);
    const timeTo = (): Promise<number | null> => page.evaluate(() => window.__notemap!.store.get().timeTo);
    const first = dated[0];
    const middle = dated[Math.floor(dated.length / 2)];
    await page.locator('#timeline-to').fill(String(middle));
    await expect.poll(timeTo).toBe(middle);
    await page.locator('#timeline-speed').selectOption('1');
    await page.locator('#timeline-play').click();
    // It starts over from the range's first month (was: it jumped to the range's end and ran on from there).
    expect(await timeTo()).toBeLessThan(first + 2);
    await page.waitForTimeout(2200);
    await page.locator('#timeline-play').click(); // pause
    const paused = await timeTo();
    expect(paused).toBeGreaterThan(first);
    expect(paused).toBeLessThan(middle);
    await page.locator('#timeline-play').click(); // resume
    expect(await timeTo()).toBe(paused);
    await page.locator('#timeline-play').click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opening the bar brings the notes it would cover above it, and Fit keeps them there', async () => {
    const { page, errors } = await openMap(session);
    await page.setViewportSize({ width: 1100, height: 620 });
    await page.locator('#btn-fit').click();
    await settle(page);
    const notes = graph.filterNodes((_k, a) => a.kind === 'note');
    const lowest = async (): Promise<number> =>
      page.evaluate((keys) => Math.max(...keys.map((k) => window.__notemap!.nodeScreenPosition(k)?.y ?? -Infinity)), notes);
    const barTop = async (): Promise<number> => page.locator('#timeline').evaluate((bar) => bar.getBoundingClientRect().top);
    await page.locator('#btn-timeline').click();
    await expect.poll(() => page.locator('#timeline').isVisible()).toBe(true);
    await expect.poll(async () => (await lowest()) < (await barTop()), { timeout: 5_000 }).toBe(true);
    await saveScreenshot(page, 'timeline-open-framed.png');
    await page.locator('#btn-fit').click();
    await settle(page);
    expect(await lowest()).toBeLessThan(await barTop());
    // Beside the details panel the bar is narrow and its controls wrap: the close button stays in its corner.
    await page.evaluate((key) => window.__notemap!.store.set({ selected: key, panel: 'summary' }), notes[0]);
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    const top = async (selector: string): Promise<number> => (await page.locator(selector).boundingBox())!.y;
    expect(await page.locator('.timeline-head').evaluate((head) => head.getBoundingClientRect().height)).toBeGreaterThan(40); // wrapped
    expect(Math.abs((await top('#timeline-close')) - (await top('#timeline-play')))).toBeLessThan(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in a small window (the sidebar under the map) the bar lies over the map, not over the filters', async () => {
    const { page, errors } = await openMap(session, '?timeline=1');
    await page.setViewportSize({ width: 900, height: 600 });
    await settle(page);
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const [bar, map, sidebar] = [await box('#timeline'), await box('#graph'), await box('#sidebar')];
    expect(bar.y + bar.height).toBeLessThanOrEqual(map.y + map.height + 1);
    expect(bar.y + bar.height).toBeLessThanOrEqual(sidebar.y + 1);
    expect(bar.x).toBeLessThan(20); // full width: the sidebar is not beside the map here
    expect(await page.locator('#filter-query').isVisible()).toBe(true);
    await saveScreenshot(page, 'timeline-small-window.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with a text filter on, the bars and the count are of the notes the filter shows', async () => {
    // A user filters the map to one folder, then opens the timeline: its numbers must agree with the map's.
    const inTopics = graph.filterNodes((_k, a) => a.kind === 'note' && (a as { path: string }).path.startsWith('topics/'));
    const topicMonths = inTopics.map((k) => noteMonth(graph.getNodeAttribute(k, 'created' as never))).filter((m): m is number => m !== null);
    expect(topicMonths.length).toBeGreaterThan(2);
    const { page, errors } = await openMap(session, '?filter=path%3Atopics%2F&timeline=1');
    await settle(page);
    await expect.poll(() => notesShown(page)).toBe(inTopics.length);
    expect(await page.locator('#timeline-range').textContent()).toContain(`${topicMonths.length} of ${topicMonths.length} dated notes`);
    const bars = await page.locator('.timeline-bin').evaluateAll((bins) => bins.map((b) => Number(/: (\d+) note/.exec(b.getAttribute('title') ?? '')?.[1])));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(topicMonths.length);
    // The axis is still the vault's: the filter does not move the months under the handles.
    expect(bars.length).toBe(dated[dated.length - 1] - dated[0] + 1);

    // The range then counts within the filter, as the map does.
    const middle = [...topicMonths].sort((a, b) => a - b)[Math.floor(topicMonths.length / 2)];
    await page.locator('#timeline-to').fill(String(middle));
    const inRange = topicMonths.filter((m) => m <= middle).length;
    await expect.poll(() => page.locator('#timeline-range').textContent()).toContain(`${inRange} of ${topicMonths.length} dated notes`);
    expect(await notesShown(page)).toBe(inRange + inTopics.length - topicMonths.length);

    // Clearing the filter counts the whole vault again.
    await page.locator('#filter-query').fill('');
    await page.locator('#filter-query').press('Enter');
    await expect.poll(() => page.locator('#timeline-range').textContent()).toContain(`of ${dated.length} dated notes`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says which notes the files date, in the bar and in the note\'s panel', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-file-dates-'));
    try {
      fs.writeFileSync(path.join(tmp, 'dated.md'), '---\ncreated: 2019-07-01\n---\n# Dated\n[[Plain]]\n');
      fs.writeFileSync(path.join(tmp, 'Plain.md'), '# Plain\nNo frontmatter: its file says when it was made.\n');
      const result = await runPipeline(tmp, { builtAt: '2026-01-01T00:00:00.000Z' });
      const plain = result.graph.getNodeAttribute('Plain.md', 'created' as never) as string | null;
      const byFile = plain !== null; // null only where the file system keeps no creation time
      const { page, errors } = await openMap(session, '?timeline=1', (p) => serveGraphJson(p, serializeGraph(result.graph).join('')));
      await settle(page);
      const note = page.locator('#timeline-file-dates');
      if (byFile) await expect.poll(() => note.textContent()).toBe('1 dated by file creation time');
      else expect(await note.isHidden()).toBe(true);
      await page.evaluate(() => window.__notemap!.store.set({ selected: 'Plain.md', panel: 'summary' }));
      const facts = page.locator('.summary-facts');
      if (byFile) await expect.poll(() => facts.textContent()).toContain(`${plain} (file creation time)`);
      await page.evaluate(() => window.__notemap!.store.set({ selected: 'dated.md', panel: 'summary' }));
      await expect.poll(() => facts.textContent()).toContain('2019-07-01');
      expect(await facts.textContent()).not.toContain('file creation time');
      // No note has an `updated` date: the bar says so, and offers no "All dates" while nothing is filtered.
      await page.locator('#timeline-field').selectOption('updated');
      await expect.poll(() => page.locator('.timeline-empty').textContent()).toBe('No note has a readable updated date.');
      await page.reload(); // opened so, from the URL
      await waitForMap(page);
      await expect.poll(() => page.locator('.timeline-empty').textContent()).toBe('No note has a readable updated date.');
      expect(await page.locator('#timeline-reset').isHidden()).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
