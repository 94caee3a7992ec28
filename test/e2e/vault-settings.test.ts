/**
 * A vault with Obsidian settings opens as the user's Obsidian graph does:
 * colored by its color groups (first matching group wins), with unresolved
 * links hidden and arrows on as graph.json says, and a URL's own state still
 * wins over those defaults.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadVaultSettings } from '../../src/config/load.js';
import { runPipeline } from '../../src/extract/pipeline.js';
import { serializeGraph } from '../../src/extract/write.js';
import { launchBrowser, openMap, serveGraphJson, settle, type Session } from './browser.js';

const VAULT = path.resolve(__dirname, '../fixtures/obsidian-vault');
let session: Session;
let body = '';

beforeAll(async () => {
  const settings = loadVaultSettings(VAULT);
  const { graph } = await runPipeline(VAULT, { extensions: settings.extensions, settings, builtAt: '2026-01-01T00:00:00.000Z' });
  body = serializeGraph(graph).join('');
  session = await launchBrowser();
});
afterAll(async () => session?.close());

const serve = (page: Page): Promise<void> => serveGraphJson(page, body);

const colors = (page: Page) =>
  page.evaluate(() => {
    const { sigma, graph } = window.__notemap!;
    return Object.fromEntries(graph.nodes().map((k) => [k, sigma.getNodeDisplayData(k)?.color ?? null]));
  });

describe('Obsidian graph settings on the map', () => {
  it('opens with the color groups, unresolved links hidden and arrows on', async () => {
    const { page, errors } = await openMap(session, '', serve);
    await settle(page);
    const c = await colors(page);
    // tag:#project (red) before path:Archive (green); Home matches neither.
    expect(c['Projects/Alpha.md']).toBe('#e05252');
    expect(c['Projects/Beta.md']).toBe('#e05252');
    expect(c['Archive/Gamma.md']).toBe('#52e052');
    expect(c['Home.md']).not.toMatch(/^#(e05252|52e052)$/);
    // Excluded files never reached the graph.
    expect(Object.keys(c).some((k) => k.startsWith('Templates/') || k.includes('excalidraw'))).toBe(false);
    const state = await page.evaluate(() => window.__notemap!.store.get());
    expect(state).toMatchObject({ showDangling: false, arrows: true, showAttachments: true, sizeScale: 1.5 });
    // The groups are listed above the tags, with the notes each colors.
    expect(await page.locator('#color-groups .legend-tag').allTextContents()).toEqual(['tag:#project', 'path:Archive']);
    expect(await page.locator('#color-groups .legend-count').allTextContents()).toEqual(['2', '1']);
    await page.screenshot({ path: path.join(inject('artifactsDir'), 'obsidian-color-groups.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a URL with view state keeps it', async () => {
    const { page } = await openMap(session, '?arrows=0', serve);
    const state = await page.evaluate(() => window.__notemap!.store.get());
    expect(state.arrows).toBe(false);
    expect(state.showDangling).toBe(true);
    // The colors are the vault's either way.
    expect((await colors(page))['Archive/Gamma.md']).toBe('#52e052');
    await page.close();
  });
});
