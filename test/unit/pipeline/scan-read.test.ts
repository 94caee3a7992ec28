// Scan and read stages on real files: the bad-input vault of issue 2 point 6.
import { chmodSync, mkdtempSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUtf8, readFiles, readOne } from '../../../src/extract/read.js';
import { scanVault } from '../../../src/extract/scan.js';
import type { ScannedFile } from '../../../src/extract/types.js';
import { BIG_NOTE_BYTES, makeBadVault, type BadVault } from './bad-vault.js';

let bad: BadVault;
beforeAll(() => {
  bad = makeBadVault();
});
afterAll(() => bad.cleanup());

describe('scanVault', () => {
  it('lists notes in sorted order, skips dot-folders, node_modules and every bad link', async () => {
    const scan = await scanVault(bad.vault);
    expect(scan.notes.map((f) => f.path)).toEqual([
      'big.md',
      'bom.md',
      'crlf.md',
      'empty.md',
      'good.md',
      'invalid-utf8.md',
      'malformed-yaml.md',
      'passwd.md',
      'sub/nested.md',
    ]);
    const warned = Object.fromEntries(scan.warnings.map((w) => [w.file, w.message]));
    expect(warned['link-to-outside-file.md']).toMatch(/outside the vault/);
    expect(warned['link-to-outside-dir']).toMatch(/outside the vault/);
    expect(warned['sub/loop']).toMatch(/already scanned/);
    expect(warned['self-loop.md']).toMatch(/looping|broken/);
    expect(warned['broken-link.md']).toMatch(/broken/);
    expect(warned['pipe.md']).toMatch(/not a regular file/);
    // zz-alias-of-good.md is a second route to good.md: no note, no warning needed.
    expect(Object.keys(warned).sort()).toEqual(
      ['broken-link.md', 'link-to-outside-dir', 'link-to-outside-file.md', 'pipe.md', 'self-loop.md', 'sub/loop'],
    );
  });

  it('takes the note extensions as an option', async () => {
    const scan = await scanVault(bad.vault, { extensions: ['.txt'] });
    expect(scan.notes).toEqual([]);
    expect(scan.others.map((f) => f.path)).toContain('good.md');
  });

  it('follows a symlinked folder inside the vault once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notemap-scan-'));
    try {
      writeFileSync(path.join(dir, 'a.md'), '# a');
      const { mkdirSync, symlinkSync } = await import('node:fs');
      mkdirSync(path.join(dir, 'real'));
      writeFileSync(path.join(dir, 'real', 'r.md'), '# r');
      symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
      const scan = await scanVault(dir);
      // `alias` sorts first, so its route wins; `real` is then a folder already seen.
      expect(scan.notes.map((f) => f.path)).toEqual(['a.md', 'alias/r.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('read', () => {
  it('decodes UTF-8, strips the BOM, replaces bad bytes with a warning at their line', async () => {
    const scan = await scanVault(bad.vault);
    const files = await readFiles(scan.notes, { concurrency: 3 });
    const byPath = Object.fromEntries(files.map((f) => [f.file.path, f]));
    expect(byPath['bom.md'].text!.startsWith('---\ntitle')).toBe(true);
    expect(byPath['crlf.md'].text).toContain('\r\n');
    expect(byPath['empty.md']).toMatchObject({ text: '', warnings: [] });
    expect(byPath['invalid-utf8.md'].text).toContain('\uFFFD');
    expect(byPath['invalid-utf8.md'].text).toContain('[[good]]');
    expect(byPath['invalid-utf8.md'].warnings).toEqual([
      { file: 'invalid-utf8.md', line: 5, message: 'not valid UTF-8: 3 bad byte sequence(s) replaced by U+FFFD' },
    ]);
    expect(byPath['big.md'].text!.length).toBeGreaterThan(BIG_NOTE_BYTES);
    expect(byPath['big.md'].warnings[0].message).toMatch(/large file \(6\.0 MB, over 5\.0 MB\): parsed anyway/);
  });

  it('skips a file that vanished after the scan, with a warning (the code path of any unreadable file)', async () => {
    // Tests run as root, where chmod 000 does not stop a read; a file deleted
    // between scan and read reaches the same catch (readFile rejects).
    const dir = mkdtempSync(path.join(tmpdir(), 'notemap-read-'));
    try {
      writeFileSync(path.join(dir, 'gone.md'), '# gone');
      writeFileSync(path.join(dir, 'kept.md'), '# kept');
      const scan = await scanVault(dir);
      unlinkSync(path.join(dir, 'gone.md'));
      const files = await readFiles(scan.notes);
      expect(files.map((f) => [f.file.path, f.text])).toEqual([['gone.md', null], ['kept.md', '# kept']]);
      expect(files[0].warnings).toEqual([{ file: 'gone.md', message: 'cannot be read, skipped: ENOENT: no such file or directory' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips a file without read permission (asserted only when not root)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notemap-perm-'));
    try {
      const file = path.join(dir, 'locked.md');
      writeFileSync(file, '# locked');
      chmodSync(file, 0o000);
      const result = await readOne({ path: 'locked.md', absPath: file });
      if (process.getuid?.() === 0) expect(result.text).toBe('# locked');
      else expect(result).toMatchObject({ text: null, warnings: [{ message: expect.stringMatching(/EACCES/) }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a file over the hard limit unread and says why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notemap-huge-'));
    try {
      // A sparse 100 MB file: no disk space used, the size is real.
      const abs = path.join(dir, 'huge.md');
      writeFileSync(abs, '');
      truncateSync(abs, 100 * 1024 * 1024);
      const result = await readOne({ path: 'huge.md', absPath: abs });
      expect(result).toMatchObject({ text: '', tooLarge: true });
      expect(result.warnings[0].message).toBe('file is 100.0 MB (over 64.0 MB): not read, note kept without links');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never has more than `concurrency` files open', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'notemap-conc-'));
    try {
      const files: ScannedFile[] = [];
      for (let i = 0; i < 300; i++) {
        writeFileSync(path.join(dir, `${i}.md`), `# ${i}`);
        files.push({ path: `${i}.md`, absPath: path.join(dir, `${i}.md`) });
      }
      // Count open descriptors through /proc while reads are in flight.
      const { readdirSync } = await import('node:fs');
      const baseline = readdirSync('/proc/self/fd').length;
      let peak = 0;
      const results = await readFiles(files, {
        concurrency: 8,
        onFile: () => {
          peak = Math.max(peak, readdirSync('/proc/self/fd').length - baseline);
        },
      });
      expect(results.map((r) => r.text)).toEqual(files.map((_, i) => `# ${i}`));
      expect(peak).toBeLessThanOrEqual(8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('decodeUtf8', () => {
  it('is strict first and lenient on failure', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'a').text).toBe('A');
    const bad = decodeUtf8(new Uint8Array([0x41, 0x0a, 0x0a, 0xc3]), 'b.md');
    expect(bad.text).toBe('A\n\n\uFFFD');
    expect(bad.warning).toMatchObject({ file: 'b.md', line: 3 });
  });
});
