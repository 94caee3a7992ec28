/**
 * Name and tag normalisation, shared by the build and the browser so that
 * both compare names the same way: Unicode NFC, case-insensitive.
 */

/**
 * The form under which link targets, file names, aliases and titles are
 * compared: NFC, lower-cased, whitespace collapsed, trimmed.
 */
export function normalizeName(name: string): string {
  // Most names are printable ASCII words with single spaces: NFC, collapsing
  // and trimming leave those unchanged, and skipping them makes resolving a
  // link about five times cheaper (normalize() is a call into ICU).
  if (SIMPLE_ASCII_NAME.test(name)) return name.toLowerCase();
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

// Printable ASCII words separated by single spaces, no space at either end.
const SIMPLE_ASCII_NAME = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** A tag as written, without its leading `#` and surrounding space. */
export function cleanTag(tag: string): string {
  // A tag of printable ASCII without `#` (most tags) is already clean.
  if (SIMPLE_ASCII_TAG.test(tag)) return tag;
  return tag.normalize('NFC').trim().replace(/^#+/, '');
}

const SIMPLE_ASCII_TAG = /^[\x21\x22\x24-\x7e]+$/;

/** The key under which two tags are the same tag (`Security` = `security`). */
export function tagKey(tag: string): string {
  return cleanTag(tag).toLowerCase();
}

/**
 * A tag cut to its first `depth` levels (`security/e2ee` at depth 1 is
 * `security`); depth 0 or less means "no cut".
 */
export function tagAtDepth(tag: string, depth: number): string {
  if (depth <= 0) return tag;
  return tag.split('/').slice(0, depth).join('/');
}

/** Node key of a dangling target. */
export function danglingKey(target: string): string {
  return '?' + normalizeName(target);
}

/** Node key of an attachment (vault path when it exists, else the name as written). */
export function attachmentKey(pathOrName: string): string {
  return '@' + pathOrName;
}
