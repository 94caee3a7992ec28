/**
 * Editors' and sync tools' own files are neither notes nor attachments: the
 * name table, and a scan of a folder holding them beside real notes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isEditorTempFile } from '../../../src/extract/editor-files.js';
import { scanVault } from '../../../src/extract/scan.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-editor-files-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('isEditorTempFile', () => {
  it.each([
    ['.note.md.swp', true],
    ['.note.md.swo', true],
    ['.note.md.swx', true],
    ['note.md~', true],
    ['4913', true],
    ['5036', true], // 4913 + 123: vim's next probe name
    ['.#note.md', true],
    ['#note.md#', true],
    ['.~lock.report.odt#', true],
    ['.note.md.kate-swp', true],
    ['~$report.docx', true],
    ['note.md___jb_tmp___', true],
    ['note.md___jb_old___', true],
    ['.goutputstream-ABC123', true],
    ['.note.md.tmp', true],
    ['.syncthing.note.md.tmp', true],
    ['note.md', false],
    ['.note.md', false], // a dot-file is a note to the scan
    ['movie.swf', false],
    ['4914', false],
    ['2024', false],
    ['#tag.md', false],
    ['report.tmp', false],
    ['a~b.md', false],
  ])('%s: %s', (name, expected) => {
    expect(isEditorTempFile(name)).toBe(expected);
  });

  it('the scan skips them, dangling lock links included (no warning)', async () => {
    fs.writeFileSync(path.join(tmp, 'note.md'), '# Note\n');
    fs.writeFileSync(path.join(tmp, '.note.md.swp'), 'b0VIM');
    fs.writeFileSync(path.join(tmp, 'note.md~'), '# Old\n');
    fs.writeFileSync(path.join(tmp, '4913'), '');
    fs.symlinkSync('user@host.42:1700000000', path.join(tmp, '.#note.md'));
    fs.writeFileSync(path.join(tmp, 'picture.png'), 'png');
    const scan = await scanVault(tmp);
    expect(scan.notes.map((f) => f.path)).toEqual(['note.md']);
    expect(scan.others.map((f) => f.path)).toEqual(['picture.png']);
    expect(scan.warnings).toEqual([]);
  });
});
