// `npm run graph` as a user runs it: the real script through tsx, real
// folders, exit codes, messages, atomic write, determinism, progress bar.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, makeBadVault, type BadVault } from '../pipeline/bad-vault.js';
import { nodeTsx, ROOT, runCommand, type ScriptRun } from './run-script.js';

const NODE_TSX = nodeTsx('scripts/build-graph.ts');

function run(args: string[], env: Record<string, string> = {}, command: string[] = NODE_TSX): Promise<ScriptRun> {
  return runCommand(command, args, env);
}

/** A generated vault of `n` notes in the seed's format, each linking to three others. */
function generateVault(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const links = [1, 7, 31].map((d) => `[[note ${(i * d + 3) % n}]]`).join(', ');
    writeFileSync(path.join(dir, `n${i}.md`), `---\ntitle: note ${i}\ntags: [gen, g${i % 9}]\n---\n\n# note ${i}\n\nSee ${links}.\n`);
  }
}

let tmp: string;
let bad: BadVault;
/** The bad-input vault without its 6 MB note: for the tests that build it several times. */
let light: BadVault;
let big: string;
const SMALL = path.join(FIXTURES, 'small');
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'notemap-cli-'));
  bad = makeBadVault();
  light = makeBadVault({ big: false });
  big = path.join(tmp, 'big-vault');
  generateVault(big, 2100);
  // Writing 2,100 notes and a 6 MB one took over vitest's default 10 s hook limit on a loaded machine.
}, 60_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  bad.cleanup();
  light.cleanup();
}, 60_000);

describe.concurrent('npm run graph', () => {
  it('--help explains every flag and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--out', '--ext', '--quiet', '--built-at', '--help']) expect(r.stdout).toContain(flag);
  });

  it('a missing vault: one line on stderr, exit 2, the existing out file untouched, no tmp file', async () => {
    const dir = path.join(tmp, 'missing');
    mkdirSync(dir);
    const out = path.join(dir, 'graph.json');
    writeFileSync(out, 'OLD');
    const r = await run([path.join(tmp, 'no-such-vault'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`notemap graph: vault folder not found: ${path.join(tmp, 'no-such-vault')}\n`);
    expect(readFileSync(out, 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  it('a vault that is a file: exit 2', async () => {
    const r = await run([path.join(SMALL, 'index.md'), '--out', path.join(tmp, 'never.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^notemap graph: vault is not a folder: .*index\.md\n$/);
    expect(existsSync(path.join(tmp, 'never.json'))).toBe(false);
  });

  it('--out is a folder: refused before the build, exit 2, one line, no tmp file', async () => {
    const dir = path.join(tmp, 'out-is-dir');
    mkdirSync(path.join(dir, 'graph.json'), { recursive: true });
    const r = await run([SMALL, '--out', path.join(dir, 'graph.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^notemap graph: --out is a folder: [^\n]*\n$/);
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  it('a bad flag: exit 2 with the flag named', async () => {
    const r = await run(['--outt', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('notemap graph: unknown option --outt (see --help)\n');
  });

  it('builds a vault through `npm run graph`: exit 0, a one-line summary, a graph graphology loads', async () => {
    const out = path.join(tmp, 'small', 'graph.json');
    const r = await run(['--silent', '--', SMALL, '--out', out], {}, ['npm', 'run', 'graph']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^6 notes, 8 links, 2 dangling targets, 2 orphans, 0 warnings, \d+\.\d\d s -> .*graph\.json\n$/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.options.type).toBe('directed');
    expect(json.attributes.vault).toBe('small');
  });

  it('bad input: exit 0, each warning as file:line: message on stderr; --quiet keeps only the summary', async () => {
    const out = path.join(tmp, 'bad.json');
    const r = await run([bad.vault, '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('invalid-utf8.md:5: not valid UTF-8: 3 bad byte sequence(s) replaced by U+FFFD');
    expect(lines).toContain('link-to-outside-dir: symlink points outside the vault, not followed');
    expect(lines.some((l) => /^malformed-yaml\.md:\d+: .*YAML/.test(l))).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`^9 notes, \\d+ links, \\d+ dangling targets, \\d+ orphans, ${lines.length} warnings, `));
    const quiet = await run([light.vault, '--out', out, '--quiet']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^8 notes, /);
  });

  it('an empty vault: a valid empty graph and a message', async () => {
    const vault = path.join(tmp, 'empty-vault');
    mkdirSync(vault);
    const out = path.join(tmp, 'empty.json');
    const r = await run([vault, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^notemap graph: no notes found in .*empty-vault \(extensions \.md \.markdown \.txt\); wrote an empty graph\n0 notes, 0 links/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json).toMatchObject({ nodes: [], edges: [], attributes: { stats: { notes: 0 } } });
  });

  it('--ext chooses the note extensions', async () => {
    const r = await run([SMALL, '--out', path.join(tmp, 'txt.json'), '--ext', 'txt']);
    expect(r.stdout).toMatch(/^1 notes, /);
  });

  it('is deterministic: same bytes but builtAt; identical with SOURCE_DATE_EPOCH or --built-at', async () => {
    const outs = ['d1', 'd2', 'd3'].map((n) => path.join(tmp, `${n}.json`));
    const runs = await Promise.all([
      run([light.vault, '--out', outs[0], '-q']),
      run([light.vault, '--out', outs[1], '-q'], { SOURCE_DATE_EPOCH: '1700000000' }),
      run([light.vault, '--out', outs[2], '-q', '--built-at', '2023-11-14T22:13:20Z']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const [a, b, c] = outs.map((o) => readFileSync(o, 'utf8'));
    const noTime = (s: string) => s.replace(/"builtAt":"[^"]*"/, '"builtAt":""');
    expect(a).not.toBe(b);
    expect(noTime(a)).toBe(noTime(b));
    expect(b).toBe(c);
    expect(JSON.parse(c).attributes.builtAt).toBe('2023-11-14T22:13:20.000Z');
  });

  it('a build interrupted while writing (Ctrl-C, kill) leaves the old file or the complete new one, and no tmp file', async () => {
    // The three signals run side by side, each on its own build and folder: run one after another, three
    // full 2,100-note builds on a loaded 2-core machine took 40-60 s of the 60 s budget, and the test failed
    // by timing out (the assertions never did).
    await Promise.all((['SIGINT', 'SIGTERM', 'SIGKILL'] as const).map(async (signal) => {
      const dir = path.join(tmp, `kill-${signal}`);
      mkdirSync(dir);
      const out = path.join(dir, 'graph.json');
      writeFileSync(out, 'OLD');
      // Its own process group (node and tsx's esbuild service), signalled as a whole as a terminal's Ctrl-C does.
      const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), big, '--out', out, '--quiet', '--layout-ticks', '0'], { cwd: ROOT, stdio: 'ignore', detached: true });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      // Signal the moment the temporary file appears: the write is under way.
      let sent = false;
      const watcher = watch(dir, (_event, name) => {
        if (!sent && name && name.includes('.tmp-')) {
          sent = true;
          try {
            process.kill(-child.pid!, signal);
          } catch {
            // Already gone.
          }
        }
      });
      const code = await exited;
      watcher.close();
      expect(sent).toBe(true);
      // Whenever the signal lands, graph.json is the old file or the complete new one, never a truncated one.
      const content = readFileSync(out, 'utf8');
      if (content !== 'OLD') expect(JSON.parse(content).attributes.stats.notes).toBe(2100);
      if (signal === 'SIGKILL') {
        // Nothing runs on SIGKILL: a tmp file may stay, and the next build removes it.
        await run([SMALL, '--out', out, '--quiet']);
      } else {
        expect(code === 0 || code === (signal === 'SIGINT' ? 130 : 143)).toBe(true);
      }
      // graph.json and the map's compact files beside it, and no temporary file of any of them.
      expect(readdirSync(dir)).toContain('graph.json');
      expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    }));
  });

  it('draws a progress bar only on a terminal, for a vault over 2,000 notes, unless --quiet', async () => {
    // `script` gives the CLI a pseudo-terminal; a plain pipe is no terminal.
    const shell = (args: string) =>
      new Promise<string>((resolve) => {
        execFile('script', ['-qec', `${NODE_TSX.join(' ')} ${args}`, '/dev/null'], { cwd: ROOT }, (_e, stdout) => resolve(stdout));
      });
    const [tty, quiet, small, piped] = await Promise.all([
      shell(`${big} --out ${path.join(tmp, 'p1.json')} --layout-ticks 0`),
      shell(`${big} --out ${path.join(tmp, 'p2.json')} --layout-ticks 0 --quiet`),
      shell(`${SMALL} --out ${path.join(tmp, 'p3.json')}`),
      run([big, '--out', path.join(tmp, 'p4.json'), '--layout-ticks', '0']),
    ]);
    expect(tty).toMatch(/\rread +\[#+\] 2,100\/2,100/);
    expect(tty).toMatch(/2100 notes, /);
    expect(quiet).not.toContain('[#');
    expect(quiet).toMatch(/2100 notes, /);
    expect(small).not.toContain('[#');
    expect(piped.stderr).toBe('');
  });
});
