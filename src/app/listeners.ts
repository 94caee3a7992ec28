/**
 * The listener set behind an `onChange(listener) -> unsubscribe` API (the
 * theme controller, the layout client): add one and get its removal back,
 * call them all, drop them all on dispose.
 */
export interface Listeners<A extends unknown[]> {
  add(listener: (...args: A) => void): () => void;
  emit(...args: A): void;
  clear(): void;
}

export function createListeners<A extends unknown[] = []>(): Listeners<A> {
  const set = new Set<(...args: A) => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit: (...args) => set.forEach((listener) => listener(...args)),
    clear: () => set.clear(),
  };
}
