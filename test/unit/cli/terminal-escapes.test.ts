/**
 * A hostile vault cannot reach the terminal: file names, folder names,
 * titles and link targets holding ESC, BEL, C1 and DEL are printed escaped
 * by `graph`, `check` (text and --json) and `npm start`, and --json still
 * parses back to the exact names.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeControl, terminalJson } from '../../../src/extract/terminal-text.js';
import { runScript } from './run-script.js';

/** Any control character but the line breaks the CLIs print themselves. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const TITLE = 'clear\u001bc\u009b2J';
/** ESC c resets a terminal; \u009b is the one-byte CSI; no `[` or `]`, so it stays one wiki link. */
const TARGET = 'red\u001bc\u0007\u009b1m\u007f';
const FILE = 'bell\u0007\u001b]0;title\u0007.md';

let tmp: string;
let vault: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'notemap-escapes-'));
  vault = path.join(tmp, 'vault\u001b[5m');
  mkdirSync(vault);
  writeFileSync(path.join(vault, 'a.md'), `# ${TITLE}\n\nSee [[${TARGET}]] and [[b]].\n`);
  writeFileSync(path.join(vault, 'b.md'), '# b\n\n[[a]]\n');
  // Malformed YAML: a warning naming the file.
  writeFileSync(path.join(vault, FILE), '---\ntitle: [unclosed\n---\n\nalone\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const expectClean = (text: string, label: string): void => {
  const at = text.search(RAW_CONTROL);
  expect(at, `${label}: raw control character at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 20), at + 20))}`).toBe(-1);
};

describe('terminal output', () => {
  it('graph prints warnings, paths and the summary with control characters escaped', async () => {
    const r = await runScript('scripts/build-graph.ts', [vault, '--out', path.join(tmp, 'graph.json')]);
    expect(r.code, r.stderr).toBe(0);
    expectClean(r.stdout, 'stdout');
    expectClean(r.stderr, 'stderr');
    expect(r.stderr).toContain(escapeControl(FILE));
    expect(r.stderr).toContain('bell\\u0007\\u001b]0;title\\u0007.md');
  });

  it('check prints titles, targets and paths escaped; --json escapes and parses back to the names', async () => {
    const text = await runScript('scripts/check.ts', [vault]);
    expectClean(text.stdout, 'check stdout');
    expectClean(text.stderr, 'check stderr');
    expect(text.stdout).toContain(escapeControl(TARGET));
    expect(text.stdout).toContain('red\\u001bc\\u0007\\u009b1m\\u007f');
    expect(text.stdout).toContain(escapeControl(FILE)); // an orphan
    expect(text.stdout).toContain('vault\\u001b[5m');

    const json = await runScript('scripts/check.ts', [vault, '--json', '--quiet']);
    expectClean(json.stdout, 'check --json');
    const report = JSON.parse(json.stdout) as { vault: string };
    expect(report.vault).toBe(vault);
    expect(JSON.stringify(report)).toContain(JSON.stringify(TARGET));
    expect(json.stdout).toContain('red\\u001bc\\u0007\\u009b1m\\u007f');
  });

  it('the notemap CLI (npm run check) prints the report escaped too', async () => {
    const text = await runScript('src/cli/notemap.ts', ['check', vault]);
    expectClean(text.stdout, 'notemap check stdout');
    expect(text.stdout).toContain('red\\u001bc\\u0007\\u009b1m\\u007f');
    const json = await runScript('src/cli/notemap.ts', ['check', vault, '--json', '--quiet']);
    expectClean(json.stdout, 'notemap check --json');
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(TARGET));
  });

  it('npm start (--build) prints the vault and its messages escaped', async () => {
    const r = await runScript('scripts/start.ts', ['--build', '--vault', vault, '--out-dir', path.join(tmp, 'site\u0007')], {
      XDG_CACHE_HOME: path.join(tmp, 'cache'),
    });
    expect(r.code, r.stderr).toBe(0);
    expectClean(r.stdout, 'start stdout');
    // stderr also carries Vite's own colored warnings: no vault text may appear raw in it.
    for (const raw of ['\u001b[5m', '\u0007', '\u001bc', '\u009b', '\u007f']) expect(r.stderr).not.toContain(raw);
    expect(r.stdout).toContain('vault\\u001b[5m');
    expect(r.stdout).toContain('site\\u0007');
  });
});

describe('terminalJson', () => {
  it('escapes what JSON.stringify leaves raw (DEL, C1, bidi overrides) and parses to the same value', () => {
    const value = { name: `a\u007fb\u009bc\u202ed\u2028e\u001bf` };
    const out = terminalJson(value);
    expect(out).not.toMatch(/[\u007f-\u009f\u202e\u2028\u001b]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
