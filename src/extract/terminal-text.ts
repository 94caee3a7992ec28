/**
 * Text from a vault (file names, titles, link targets) on its way to a
 * terminal: control characters shown escaped, so a note cannot clear the
 * screen, set the window title or reset the terminal of whoever reads the
 * output (a CI log, a colleague's shell). C0, DEL, C1, and the line and
 * bidirectional-override characters that can disguise a line, all as the
 * JSON escapes `\n`, `\t`, `\u001b` and so on.
 */

// C0, DEL, C1, U+2028/2029 (line breaks to some terminals), bidi embeddings/overrides/isolates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw: CONTROL minus C0 (which it escapes; its own indentation uses `\n`). */
const BEYOND_C0 = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function escapeOne(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control character escaped; `keepNewlines` leaves `\n` as a line break (whole messages). */
export function escapeControl(text: string, keepNewlines = false): string {
  return text.replace(CONTROL, (c) => (keepNewlines && c === '\n' ? c : escapeOne(c)));
}

/** Every string inside a plain value (objects, arrays) escaped, for formatters that print a report's fields. */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[escapeControl(k)] = escapeStrings(v);
    return out as T;
  }
  return value;
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 but writes DEL, C1 and the
 * bidi characters raw; this escapes them too (they only occur inside strings,
 * so the JSON stays valid and parses to the same value).
 */
export function terminalJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(BEYOND_C0, escapeOne);
}
