/**
 * The link-health panel lists the sample vault's orphans and dangling
 * targets (as graph.json's `health` attribute has them, most referenced
 * first), and choosing an entry selects it on the map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadGraph, openMap, type Session } from './browser.js';

let session: Session;
const graph = loadGraph();
const health = graph.getAttribute('health');

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

describe('the link-health panel', () => {
  it('lists the orphans and the ranked dangling targets with their references', async () => {
    expect(health.orphans.length + health.dangling.length).toBeGreaterThan(0); // the sample vault has both kinds
    const { page, errors } = await openMap(session);
    const toggle = page.locator('#btn-health');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#health').isVisible()).toBe(true);

    const orphans = await page.locator('#health .health-orphan > button.node-link').evaluateAll((b) => b.map((x) => x.getAttribute('data-key')));
    expect(orphans).toEqual(health.orphans.slice(0, 200));
    const dangling = await page.locator('#health .health-dangling > button.node-link').evaluateAll((b) => b.map((x) => x.textContent));
    expect(dangling).toEqual(health.dangling.slice(0, 200).map((d) => d.target));
    // Each dangling target lists where it is referenced, as path:line.
    const first = health.dangling[0];
    if (first) {
      const refs = await page.locator('#health .health-dangling').first().locator('.health-refs li').evaluateAll((l) => l.map((x) => x.textContent));
      expect(refs).toEqual(first.references.map((r) => `${r.source}:${r.line}`));
    }
    // A did-you-mean is shown for every target that has one.
    const withSuggestion = health.dangling.filter((d) => d.suggestion).length;
    expect(await page.locator('#health .health-dangling .suggestion').count()).toBe(Math.min(withSuggestion, 200));
    // The one-way notes sit in collapsed lists.
    expect(await page.locator('#health .health-only-incoming summary').textContent()).toContain(`(${health.onlyIncoming.length})`);
    expect(await page.locator('#health .health-only-outgoing summary').textContent()).toContain(`(${health.onlyOutgoing.length})`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects the chosen entry on the map and closes with its toggle', async () => {
    const { page } = await openMap(session);
    await page.locator('#btn-health').click();
    const entry = health.dangling[0]?.key ?? health.orphans[0];
    const button = page.locator(`#health button.node-link[data-key="${entry.replace(/"/g, '\\"')}"]`).first();
    await button.click();
    expect(await page.evaluate(() => window.__notemap!.store.get().selected)).toBe(entry);
    expect(await button.getAttribute('aria-current')).toBe('true');
    expect(page.url()).toContain('note=');
    await page.locator('#btn-health').click();
    // Closing health shows the summary of the selected node.
    await expect.poll(() => page.locator('#summary h2').textContent()).toBe(graph.getNodeAttribute(entry, 'title'));
    expect(await page.locator('#health').isHidden()).toBe(true);
    if (graph.getNodeAttribute(entry, 'kind') === 'dangling') {
      // A missing note's summary: marked missing, with who references it.
      expect(await page.locator('#summary .badge-missing').textContent()).toBe('missing note');
      const referencedBy = graph.inNeighbors(entry).map((k) => graph.getNodeAttribute(k, 'title')).sort();
      const shown = await page.locator('#summary .summary-referenced li > button.node-link').evaluateAll((b) => b.map((x) => x.textContent ?? ''));
      expect(shown.sort()).toEqual(referencedBy);
    }
    await page.close();
  });
});
