/**
 * A vault folder that cannot be listed is an error, not an empty vault:
 * `graph` exits 2 with one line naming the folder and the reason and leaves
 * the old graph.json as it was; `check --strict` fails the same way. An
 * unreadable subfolder stays a warning. Tests run as root, which reads
 * anything, so the CLIs run as `nobody` (setpriv) there.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_DROP_PERMISSIONS, runScriptUnprivileged } from './run-script.js';

let tmp: string;
const run = (script: string, args: string[]) => runScriptUnprivileged(script, args, tmp);

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'notemap-unreadable-'));
  chmodSync(tmp, 0o777);
});
afterAll(() => {
  for (const dir of ['locked', 'vault/private']) {
    try { chmodSync(path.join(tmp, dir), 0o755); } catch { /* not made */ }
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!CAN_DROP_PERMISSIONS)('an unreadable vault', () => {
  it('graph: exit 2, one line naming the folder and the reason, the old graph.json kept', async () => {
    const vault = path.join(tmp, 'locked');
    mkdirSync(vault);
    writeFileSync(path.join(vault, 'a.md'), '# a\n');
    chmodSync(vault, 0o000);
    const out = path.join(tmp, 'graph.json');
    writeFileSync(out, '{"old": true}');
    chmodSync(out, 0o666);
    const result = await run('scripts/build-graph.ts', [vault, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([`notemap graph: vault folder not readable: ${vault} (EACCES: permission denied)`]);
    expect(readFileSync(out, 'utf8')).toBe('{"old": true}');

    const check = await run('scripts/check.ts', [vault, '--strict']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`vault folder not readable: ${vault}`);
    const json = await run('scripts/check.ts', [vault, '--json']);
    expect(json.code).toBe(2);
  });

  it('an unreadable subfolder is a warning, and the rest is built', async () => {
    const vault = path.join(tmp, 'vault');
    mkdirSync(path.join(vault, 'private'), { recursive: true });
    chmodSync(vault, 0o755);
    writeFileSync(path.join(vault, 'a.md'), '# a\n');
    writeFileSync(path.join(vault, 'private', 'b.md'), '# b\n');
    chmodSync(path.join(vault, 'private'), 0o000);
    const out = path.join(tmp, 'sub-graph.json');
    const result = await run('scripts/build-graph.ts', [vault, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('private: folder not readable, skipped: EACCES');
    expect(result.stdout).toMatch(/^1 notes/);
  });
});
