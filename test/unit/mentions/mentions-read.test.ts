/**
 * readNoteSync (the mentions stage's second read) keeps the texts readOne
 * keeps and none that it leaves out: unreadable, not a regular file, over
 * the size limit.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNoteSync } from '../../../src/extract/mentions-read.js';
import { FIRST_READ_BYTES, readOne } from '../../../src/extract/read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'notemap-mentions-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer): string => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** readOne's text, null where it keeps none (unread, or too large). */
async function asReadOne(absPath: string, maxBytes?: number): Promise<string | null> {
  const read = await readOne({ path: path.basename(absPath), absPath }, { maxBytes });
  return read.tooLarge ? null : read.text;
}

describe('readNoteSync', () => {
  it.each([
    ['a small note', 'small.md', '# Title\n\nSome text.\n'],
    ['an empty note', 'empty.md', ''],
    ['a BOM (dropped)', 'bom.md', '\ufeff# BOM\n'],
    ['bytes that are not UTF-8 (U+FFFD)', 'latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])],
    ['a note over the first read', 'big.md', 'word '.repeat(FIRST_READ_BYTES / 2) + 'end'],
  ])('%s: the text readOne gives', async (_what, name, content) => {
    const p = file(name, content);
    expect(readNoteSync(p)).toBe(await asReadOne(p));
    expect(readNoteSync(p)).not.toBeNull();
  });

  it('a note over the size limit, a missing file and a folder: no text', async () => {
    const big = file('huge.md', 'x'.repeat(FIRST_READ_BYTES + 10));
    expect(readNoteSync(big, FIRST_READ_BYTES)).toBeNull();
    expect(await asReadOne(big, FIRST_READ_BYTES)).toBeNull();
    expect(readNoteSync(path.join(dir, 'missing.md'))).toBeNull();
    mkdirSync(path.join(dir, 'folder.md'));
    expect(readNoteSync(path.join(dir, 'folder.md'))).toBeNull();
  });

  it('a named pipe, with or without a writer, is not waited for', () => {
    const lonely = path.join(dir, 'pipe.md');
    const written = path.join(dir, 'pipe-with-writer.md');
    execFileSync('mkfifo', [lonely]);
    execFileSync('mkfifo', [written]);
    const writer = openSync(written, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      expect(readNoteSync(lonely)).toBeNull();
      expect(readNoteSync(written)).toBeNull();
    } finally {
      closeSync(writer);
    }
  });
});
