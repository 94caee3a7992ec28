import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../../src/app/state/types.js';
import { classifyChange } from '../../../src/app/render/changes.js';
import { densityFactor, DENSITY_MIN, edgeFade, labelThreshold, LABEL_SIZE_THRESHOLD } from '../../../src/app/render/density.js';
import { mixColor, parseColor, withAlpha } from '../../../src/app/render/palette.js';
import { overlaps, truncateLabel, MAX_LABEL_CHARS } from '../../../src/app/render/labels.js';
import { isTypingTarget } from '../../../src/app/dom.js';
import { mapKeyAction } from '../../../src/app/render/interactions.js';
import { nextTheme } from '../../../src/app/theme.js';

describe('classifyChange', () => {
  const base = DEFAULT_VIEW;
  it.each([
    [{ panel: 'health' as const }, 'none'],
    [{ selected: 'a.md' }, 'looks'],
    [{ tagDepth: 1 }, 'looks'],
    [{ colorCommonTags: true }, 'looks'],
    [{ showMentions: true }, 'looks'],
    [{ showOrphans: false }, 'full'],
    [{ hiddenTags: ['x'] }, 'full'],
    [{ sizeScale: 2 }, 'full'],
    [{ arrows: true }, 'full'],
    [{ minLinks: 2 }, 'full'],
  ])('%j -> %s', (patch, expected) => {
    expect(classifyChange(base, { ...base, ...patch })).toBe(expected);
  });
  it('treats a selection change in a local view as a full refresh', () => {
    const local = { ...base, localDepth: 1, selected: 'a.md' };
    expect(classifyChange(local, { ...local, selected: 'b.md' })).toBe('full');
  });
  it('compares tag lists by content', () => {
    expect(classifyChange({ ...base, hiddenTags: ['a'] }, { ...base, hiddenTags: ['a'] })).toBe('none');
  });
});

describe('density', () => {
  it('keeps full size for small maps and shrinks with the square root for large ones', () => {
    expect(densityFactor(50)).toBe(1);
    expect(densityFactor(600)).toBe(1);
    expect(densityFactor(1200)).toBeCloseTo(Math.SQRT1_2);
    expect(densityFactor(50_000)).toBe(DENSITY_MIN);
    expect(densityFactor(Number.NaN)).toBe(1);
  });
  it('lowers the label threshold and fades edges as the map fills', () => {
    expect(labelThreshold(1)).toBe(LABEL_SIZE_THRESHOLD);
    expect(labelThreshold(1, 1000)).toBe(LABEL_SIZE_THRESHOLD);
    expect(labelThreshold(1, 20)).toBe(0);
    expect(labelThreshold(0.5)).toBe(LABEL_SIZE_THRESHOLD / 2);
    expect(edgeFade(1)).toBe(0);
    expect(edgeFade(0.5)).toBeGreaterThan(0);
  });
});

describe('palette colors', () => {
  it.each([
    ['#abc', { r: 170, g: 187, b: 204, a: 1 }],
    ['#102030', { r: 16, g: 32, b: 48, a: 1 }],
    ['rgba(1, 2, 3, 0.5)', { r: 1, g: 2, b: 3, a: 0.5 }],
    ['rgb(10,20,30)', { r: 10, g: 20, b: 30, a: 1 }],
    ['blue', null],
  ])('parseColor(%s)', (input, expected) => {
    expect(parseColor(input)).toEqual(expected);
  });
  it('mixes toward a target and keeps alpha', () => {
    expect(mixColor('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColor('#ff0000', '#0000ff', 0)).toBe('#ff0000');
    expect(mixColor('rgba(0, 0, 0, 0.5)', '#ffffff', 1)).toBe('rgba(255, 255, 255, 0.5)');
    expect(mixColor('not-a-color', '#fff', 0.5)).toBe('not-a-color');
    expect(withAlpha('#ffffff', 0.25)).toBe('rgba(255, 255, 255, 0.25)');
  });
});

describe('labels', () => {
  it('cuts long titles with an ellipsis', () => {
    expect(truncateLabel('short')).toBe('short');
    const cut = truncateLabel('x'.repeat(100));
    expect(cut).toHaveLength(MAX_LABEL_CHARS);
    expect(cut.endsWith('…')).toBe(true);
  });
  it('detects overlapping label boxes', () => {
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toBe(true);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(false);
  });
});

describe('keys and theme', () => {
  it.each([
    ['ArrowLeft', 'left'],
    ['ArrowDown', 'down'],
    ['+', 'zoomIn'],
    ['=', 'zoomIn'],
    ['-', 'zoomOut'],
    ['f', 'fit'],
    ['F', 'fit'],
    ['Escape', 'deselect'],
    ['/', null],
    ['a', null],
  ])('mapKeyAction(%s) = %s', (key, action) => {
    expect(mapKeyAction(key)).toBe(action);
  });
  it('ignores events that are not on elements', () => {
    expect(isTypingTarget(null)).toBe(false);
  });
  it('toggles to the other theme', () => {
    expect(nextTheme('dark')).toBe('light');
    expect(nextTheme('light')).toBe('dark');
  });
});

describe('createThemeController', () => {
  it('writes the resolved theme on the root, follows the store and toggles', async () => {
    const { createStore } = await import('../../../src/app/state/store.js');
    const { createThemeController } = await import('../../../src/app/theme.js');
    const store = createStore({ ...DEFAULT_VIEW, theme: 'dark' });
    const root = { dataset: {} as Record<string, string>, style: {} as Record<string, string> } as unknown as HTMLElement;
    const theme = createThemeController(store, root);
    const seen: string[] = [];
    theme.onChange((t) => seen.push(t));
    expect(theme.resolved()).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
    theme.toggle();
    expect(store.get().theme).toBe('light');
    expect(root.dataset.theme).toBe('light');
    expect(seen).toEqual(['light']);
    theme.dispose();
    theme.dispose();
    store.set({ theme: 'dark' });
    expect(root.dataset.theme).toBe('light'); // no longer listening
  });
});
