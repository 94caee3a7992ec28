/**
 * The only way panels build DOM: note text goes in as text nodes, never as
 * HTML, so a note can never run script in the viewer. Plus the one DOM test
 * the map and the panels share (is the user typing?).
 */

type Child = Node | string | number | null | undefined | false;

/**
 * Create an element with attributes and children. Strings become text nodes.
 * Attributes are set with setAttribute (no `on*` handlers allowed: pass
 * listeners with addEventListener instead).
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`el(): refusing event-handler attribute "${name}"`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

/** Append children, strings as text. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Remove every child of a node. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** `1204` -> `1,204`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** True when a key event belongs to a text field or a control, not to a shortcut (map keys, `/`). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof Element)) return false;
  const el = target as HTMLElement;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}
