/**
 * Keyboard and screen readers: Tab reaches the controls, each with an
 * accessible name and a visible focus; `/` focuses the search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openMap, type Session } from './browser.js';

let session: Session;
beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => session?.close());

interface Focused {
  id: string;
  tag: string;
  name: string;
  outline: string;
}

describe('keyboard', () => {
  it('Tab reaches the search and toolbar controls, all named and visibly focused', async () => {
    const { page } = await openMap(session);
    const seen: Focused[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate((): Focused | null => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const labelled = el.getAttribute('aria-labelledby');
        const byLabel = (el as HTMLInputElement).labels?.[0]?.textContent;
        const name = el.getAttribute('aria-label') || (labelled && document.getElementById(labelled)?.textContent) ||
          byLabel || el.textContent?.trim() || el.getAttribute('title') || '';
        const style = getComputedStyle(el);
        return { id: el.id, tag: el.tagName, name: name.trim(), outline: `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}` };
      });
      if (!focused) continue;
      if (seen.some((s) => s.id && s.id === focused.id)) break; // wrapped around
      seen.push(focused);
    }
    const ids = seen.map((s) => s.id);
    for (const id of ['search', 'btn-fit', 'btn-health', 'btn-theme']) expect(ids).toContain(id);
    for (const control of seen) {
      expect(control.name, `${control.tag}#${control.id} has no accessible name`).not.toBe('');
      expect(control.outline, `${control.tag}#${control.id} shows no focus`).not.toMatch(/^none 0px none$/);
    }
    await page.close();
  });

  it('`/` focuses the search from anywhere but a text field', async () => {
    const { page } = await openMap(session);
    await page.locator('#btn-fit').focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    expect(await page.locator('#search').inputValue()).toBe('');
    await page.close();
  });
});
