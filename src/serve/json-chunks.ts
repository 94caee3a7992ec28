/**
 * JSON text of a large value in pieces of about `size` characters, the same
 * text as JSON.stringify(value) gives: arrays and plain objects down to
 * `depth` levels are taken apart, anything deeper is stringified whole. Why:
 * the incremental cache is ~200 MB of JSON at 100,000 notes, and one string
 * of that size (then one Buffer of it) cost seconds of copying and garbage
 * collection in a one-note `notemap graph --incremental`.
 */

/** The pieces of JSON.stringify(value) (top level: an object or an array). */
export function* jsonPieces(value: unknown, depth = 2): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // As JSON.stringify: undefined (and functions) inside an array are null.
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* jsonPieces(value[i], depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // As JSON.stringify: a property whose value is undefined (or a function) is left out.
    if (item === undefined || typeof item === 'function') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(item, depth - 1);
  }
  yield '}';
}

/** The pieces joined into chunks of at least `size` characters (the last may be shorter). */
export function* jsonChunks(value: unknown, depth = 2, size = 1 << 20): Generator<string> {
  let buffer = '';
  for (const piece of jsonPieces(value, depth)) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
