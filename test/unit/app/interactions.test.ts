import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW } from '../../../src/app/state/types.js';
import { createStore } from '../../../src/app/state/store.js';
import { bindInteractions, type InteractionOptions } from '../../../src/app/render/interactions.js';
import { emptyGraph } from './graph-fixture.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('bindInteractions', () => {
  it('removes only its own sigma listeners on dispose, once', () => {
    const keydown = new EventEmitter();
    vi.stubGlobal('document', {
      addEventListener: (type: string, fn: () => void) => keydown.on(type, fn),
      removeEventListener: (type: string, fn: () => void) => keydown.off(type, fn),
    });
    const container = Object.assign(new EventEmitter(), {
      style: {} as Record<string, string>,
      addEventListener(this: EventEmitter, type: string, fn: () => void) {
        this.on(type, fn);
      },
      removeEventListener(this: EventEmitter, type: string, fn: () => void) {
        this.off(type, fn);
      },
    });
    const mouse = new EventEmitter();
    const sigma = Object.assign(new EventEmitter(), { getContainer: () => container, getMouseCaptor: () => mouse });
    // The renderer's own listeners, added before the interactions.
    const frame = () => {};
    sigma.on('afterRender', frame);
    sigma.on('enterNode', frame);
    const tooltip = { hidden: true } as HTMLElement;
    const renderer = { sigma, graph: emptyGraph(), setHovered: () => {} } as unknown as InteractionOptions['renderer'];
    const layout = {} as InteractionOptions['layout'];

    const bound = bindInteractions({ renderer, store: createStore(DEFAULT_VIEW), layout, tooltip });
    expect(sigma.listenerCount('enterNode')).toBe(2);
    expect(sigma.listenerCount('clickStage')).toBe(1);
    expect(mouse.listenerCount('mouseup')).toBe(1);
    expect(keydown.listenerCount('keydown')).toBe(1);
    expect(container.listenerCount('mouseleave')).toBe(1);

    bound.dispose();
    bound.dispose();
    expect(sigma.listeners('afterRender')).toEqual([frame]);
    expect(sigma.listeners('enterNode')).toEqual([frame]);
    expect(sigma.eventNames().sort()).toEqual(['afterRender', 'enterNode']);
    expect(mouse.listenerCount('mouseup')).toBe(0);
    expect(keydown.listenerCount('keydown')).toBe(0);
    expect(container.listenerCount('mouseleave')).toBe(0);
  });
});
