/**
 * Files that change kind between the scan and the read, and names the file
 * system holds but UTF-8 cannot spell: the build neither hangs nor says
 * something misleading.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, unlinkSync, writeFileSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFiles } from '../../../src/extract/read.js';
import { scanVault } from '../../../src/extract/scan.js';
import { runScript } from '../cli/run-script.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'notemap-races-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Resolves with the promise's value, or rejects when it takes longer than `ms` (a hang). */
const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_r, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms: hung`)), ms))]);

describe('a note replaced by a named pipe after the scan', () => {
  it('is skipped with a warning instead of hanging the read, with or without a writer', async () => {
    const vault = path.join(tmp, 'fifo');
    execFileSync('mkdir', ['-p', vault]);
    for (const name of ['a.md', 'b.md', 'c.md']) writeFileSync(path.join(vault, name), `# ${name}\n`);
    const scan = await scanVault(vault);
    expect(scan.notes.map((n) => n.path)).toEqual(['a.md', 'b.md', 'c.md']);
    for (const name of ['a.md', 'b.md']) {
      unlinkSync(path.join(vault, name));
      execFileSync('mkfifo', [path.join(vault, name)]);
    }
    // b.md has a writer that never writes: a blocking read would wait for it forever.
    const writer = openSync(path.join(vault, 'b.md'), constants.O_RDWR | constants.O_NONBLOCK);
    try {
      const read = await within(readFiles(scan.notes), 5000);
      expect(read.map((r) => r.text === null)).toEqual([true, true, false]);
      expect(read[0].warnings[0].message).toMatch(/not a regular file/);
      expect(read[1].warnings[0].message).toMatch(/not a regular file/);
      expect(read[2].text).toBe('# c.md\n');
    } finally {
      closeSync(writer);
    }
  });
});

describe('a file name that is not valid UTF-8', () => {
  it('is named as such in a warning, not reported as a missing file, and the rest builds', async () => {
    const vault = path.join(tmp, 'latin1');
    execFileSync('mkdir', ['-p', vault]);
    writeFileSync(path.join(vault, 'good.md'), '# good\n');
    // 'caf\xe9.md' in Latin-1: the byte 0xE9 alone is no UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(vault + '/caf'), Buffer.from([0xe9]), Buffer.from('.md')]), '# cafe\n');
    const r = await runScript('scripts/build-graph.ts', [vault, '--out', path.join(tmp, 'latin1.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('caf\uFFFD.md: file name is not valid UTF-8');
    expect(r.stderr).not.toMatch(/no such file/i);
    expect(r.stdout).toMatch(/^1 notes/);
  });
});
