/**
 * The live session against real editors and tools (issue 9, point 4): the
 * real session with the real watcher on a temporary copy of data/vault,
 * its hub's messages recorded. Each scenario does the file operations the
 * way the tool does, waits until the session is quiet (no timing is
 * asserted: quiet is polled with generous limits) and checks that the
 * live graph equals a fresh build of the folder (positions aside), that no
 * error is left on the status line, and what the page was sent on the way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVault } from '../../../scripts/lib/vault-generator.js';
import { isSettingsFile, SETTINGS_FOLDERS } from '../../../src/cli/settings-files.js';
import { loadVaultSettings } from '../../../src/config/load.js';
import type { LiveMessage } from '../../../src/core/live.js';
import { runPipeline } from '../../../src/extract/pipeline.js';
import { createLiveHub } from '../../../src/serve/live-hub.js';
import { startLiveSession, type LiveSession } from '../../../src/serve/live-session.js';
import { comparable } from './graph-compare.js';
import { CAN_DROP_PERMISSIONS, nodeTsx, ROOT } from '../cli/run-script.js';

const builtAt = (): string => '2026-01-01T00:00:00.000Z';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let tmp: string;
let vault: string;
let session: LiveSession;
const messages: LiveMessage[] = [];
/** When each message arrived (ms), for the figures printed at the end (never asserted). */
const arrivals: number[] = [];
const figures: string[] = [];

const abs = (rel: string): string => path.join(vault, rel);
const graph = () => session.builder.core.graph!;
const position = (key: string): string => `${graph().getNodeAttribute(key, 'x')},${graph().getNodeAttribute(key, 'y')}`;

/** Waits until the session has nothing waiting or building and no message came for `ms` (events of a file operation arrive within a few ms). */
async function quiet(ms = 500): Promise<void> {
  for (;;) {
    await session.idle();
    const seen = messages.length;
    await sleep(ms);
    await session.idle();
    if (messages.length === seen) return;
  }
}

/** Runs `operate`, waits for quiet, and returns the messages it caused; notes the builds and the time from the operation's end to the last message. */
async function scenario(operate: () => void | Promise<void>, name = expect.getState().currentTestName ?? ''): Promise<LiveMessage[]> {
  await quiet(200);
  const from = messages.length;
  await operate();
  const done = Date.now();
  await quiet();
  const sent = messages.slice(from);
  const last = arrivals.at(-1) ?? done;
  figures.push(`${name.replace(/^.* > /, '').slice(0, 60)}: ${sent.length} build(s), last message ${sent.length ? last - done : 0} ms after the operation`);
  return sent;
}

/** The live graph equals a fresh build of the folder, and the last word on the status line is no error. */
async function expectFresh(sent: LiveMessage[]): Promise<void> {
  const fresh = await runPipeline(vault, { layoutTicks: 0, builtAt: builtAt(), settings: loadVaultSettings(vault) });
  expect(comparable(graph())).toEqual(comparable(fresh.graph));
  expect(sent.at(-1)?.errors ?? []).toEqual([]);
}

const removed = (sent: LiveMessage[], key: string): boolean => sent.some((m) => m.diff?.removedNodes.includes(key));

beforeAll(async () => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-live-robust-')));
  vault = path.join(tmp, 'vault');
  fs.cpSync(path.resolve(import.meta.dirname, '../../../data/vault'), vault, { recursive: true });
  const hub = createLiveHub();
  hub.subscribe((m) => {
    messages.push(m);
    arrivals.push(Date.now());
  });
  // As `npm start` and `notemap serve` open it (scripts/start.ts, src/cli/serve-run.ts).
  const settings = loadVaultSettings(vault);
  session = await startLiveSession({
    vault,
    settings,
    extensions: settings.extensions,
    cacheFile: path.join(tmp, 'cache.json'),
    out: path.join(tmp, 'site/graph.json'),
    hub,
    ticks: 0,
    builtAt,
    saveDelayMs: 60_000,
    settingsWatch: { folders: SETTINGS_FOLDERS, isSettingsFile, reload: () => ({ settings: loadVaultSettings(vault) }) },
  });
});

afterAll(async () => {
  console.log(figures.join('\n'));
  await session?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the live map follows real editors and tools', () => {
  it('starts equal to a fresh build', async () => {
    await expectFresh([]);
  });

  it('a save in two steps (truncate, then write) ends as the note written, the note never removed', async () => {
    const note = 'topics/security/zero-trust.md';
    const text = fs.readFileSync(abs(note), 'utf8');
    const before = position(note);
    const sent = await scenario(async () => {
      fs.writeFileSync(abs(note), '');
      // A slow editor (or a loaded machine): the empty file is seen on its own.
      await sleep(150);
      fs.writeFileSync(abs(note), text + '\nSee also [[Supply chain]] and [[Brand new idea]].\n');
    });
    await expectFresh(sent);
    expect(removed(sent, note)).toBe(false);
    expect(position(note)).toBe(before);
    expect(graph().outNeighbors(note).map((k) => graph().getNodeAttribute(k, 'title'))).toContain('Brand new idea');
    // The page never saw the note emptied: no link of it went away and came back.
    expect(sent.some((m) => m.diff?.removedEdges.some((e) => e.source === note))).toBe(false);
  });

  it("vim's save (probe file 4913, note renamed to note~, new note written, backup deleted) keeps the note in place", async () => {
    const note = 'topics/cloud/multi-cloud.md';
    const text = fs.readFileSync(abs(note), 'utf8');
    const before = position(note);
    const sent = await scenario(async () => {
      fs.writeFileSync(abs('topics/cloud/.multi-cloud.md.swp'), 'b0VIM 9.0');
      fs.writeFileSync(abs('topics/cloud/4913'), '');
      fs.rmSync(abs('topics/cloud/4913'));
      fs.renameSync(abs(note), abs(note + '~'));
      await sleep(150); // the rename seen on its own
      fs.writeFileSync(abs(note), text + '\nEdited in vim: [[Zero trust]].\n');
      fs.rmSync(abs(note + '~'));
      fs.rmSync(abs('topics/cloud/.multi-cloud.md.swp'));
    });
    await expectFresh(sent);
    expect(removed(sent, note)).toBe(false);
    expect(position(note)).toBe(before);
  });

  it('a write to a temporary file renamed over the note (atomic save) keeps the note in place', async () => {
    const note = 'inbox/keyboards.md';
    const text = fs.readFileSync(abs(note), 'utf8');
    const before = position(note);
    const sent = await scenario(() => {
      fs.writeFileSync(abs('inbox/.keyboards.md.tmp'), text + '\nA new [[Home lab]] link.\n');
      fs.renameSync(abs('inbox/.keyboards.md.tmp'), abs(note));
    });
    await expectFresh(sent);
    expect(removed(sent, note)).toBe(false);
    expect(position(note)).toBe(before);
    expect(sent.length).toBeGreaterThan(0);
  });

  it('a note moved between folders is one move (selection follows), its position kept', async () => {
    const from = 'inbox/podcast-backlog.md';
    const to = 'topics/tooling/podcast-backlog.md';
    const before = position(from);
    const sent = await scenario(() => fs.renameSync(abs(from), abs(to)));
    await expectFresh(sent);
    expect(sent.flatMap((m) => m.diff?.moved ?? [])).toEqual([{ from, to }]);
    expect(position(to)).toBe(before);
  });

  it('a note moved and edited at once (a sync client) is still one move', async () => {
    const from = 'inbox/keyboards.md';
    const to = 'topics/tooling/keyboards.md';
    const before = position(from);
    const sent = await scenario(() => {
      const text = fs.readFileSync(abs(from), 'utf8');
      fs.rmSync(abs(from));
      fs.writeFileSync(abs(to), text + '\nMoved, with a new link to [[Home lab]].\n');
    });
    await expectFresh(sent);
    expect(sent.flatMap((m) => m.diff?.moved ?? [])).toEqual([{ from, to }]);
    expect(position(to)).toBe(before);
  });

  it('a folder renamed moves its notes, and the renamed folder is still followed', async () => {
    const sent = await scenario(() => fs.renameSync(abs('topics/cloud'), abs('topics/sky')));
    await expectFresh(sent);
    const moved = sent.flatMap((m) => m.diff?.moved ?? []);
    expect(moved).toEqual(expect.arrayContaining([
      { from: 'topics/cloud/aws/shared-responsibility.md', to: 'topics/sky/aws/shared-responsibility.md' },
      { from: 'topics/cloud/multi-cloud.md', to: 'topics/sky/multi-cloud.md' },
    ]));
    const edit = await scenario(() => fs.appendFileSync(abs('topics/sky/aws/shared-responsibility.md'), '\nNow links [[Post-quantum]].\n'));
    await expectFresh(edit);
    expect(edit.length).toBeGreaterThan(0);
  });

  it('a burst of 500 files (a checkout) makes a handful of builds, and so does its removal', async () => {
    const files = generateVault({ notes: 500, seed: 7 });
    const added = await scenario(() => {
      for (const f of files) {
        fs.mkdirSync(path.dirname(abs(`import/${f.path}`)), { recursive: true });
        fs.writeFileSync(abs(`import/${f.path}`), f.text);
      }
    });
    await expectFresh(added);
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBeLessThanOrEqual(5);
    const gone = await scenario(() => fs.rmSync(abs('import'), { recursive: true }));
    await expectFresh(gone);
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.length).toBeLessThanOrEqual(5);
  });

  it('a sync client writing 60 notes with pauses makes a few spaced builds, not one per note', async () => {
    const files = generateVault({ notes: 60, seed: 11 });
    const sent = await scenario(async () => {
      for (const f of files) {
        fs.mkdirSync(path.dirname(abs(`synced/${f.path}`)), { recursive: true });
        fs.writeFileSync(abs(`synced/${f.path}`), f.text);
        await sleep(80); // longer than the quiet time that ends a burst
      }
    });
    await expectFresh(sent);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.length).toBeLessThanOrEqual(15);
  });

  it('a checkout rewriting 40 notes (unlink, then write) and deleting 5 keeps the rewritten ones in place', async () => {
    const notes = [...graph().nodes()].filter((k) => graph().getNodeAttribute(k, 'kind') === 'note' && !k.startsWith('import/')).sort();
    const rewritten = notes.slice(0, 40);
    const deleted = notes.slice(40, 45);
    const before = new Map(rewritten.map((k) => [k, position(k)]));
    const sent = await scenario(() => {
      for (const k of rewritten) {
        const text = fs.readFileSync(abs(k), 'utf8');
        fs.rmSync(abs(k));
        fs.writeFileSync(abs(k), text + '\nChecked out.\n');
      }
      for (const k of deleted) fs.rmSync(abs(k));
    });
    await expectFresh(sent);
    expect(sent.length).toBeLessThanOrEqual(3);
    for (const k of rewritten) expect(position(k), k).toBe(before.get(k));
    for (const k of deleted) expect(removed(sent, k), k).toBe(true);
  });

  it('notes deleted and written back later (a branch switched and back, a delete undone) take their old places', async () => {
    const notes = ['journal/2020/06-gpt3-api.md', 'topics/open-source/licensing.md', 'index.md'];
    const texts = new Map(notes.map((k) => [k, fs.readFileSync(abs(k), 'utf8')]));
    const before = new Map(notes.map((k) => [k, position(k)]));
    const gone = await scenario(() => notes.forEach((k) => fs.rmSync(abs(k))));
    await expectFresh(gone);
    for (const k of notes) expect(graph().hasNode(k), k).toBe(false);
    const back = await scenario(() => notes.forEach((k) => fs.writeFileSync(abs(k), texts.get(k)!)));
    await expectFresh(back);
    for (const k of notes) expect(position(k), k).toBe(before.get(k));
  });

  it("Obsidian's delete (the note moved into .trash) removes it; restoring it brings it back", async () => {
    const note = 'inbox/ai-ethics-boards.md';
    const sent = await scenario(() => {
      fs.mkdirSync(abs('.trash'), { recursive: true });
      fs.renameSync(abs(note), abs('.trash/ai-ethics-boards.md'));
    });
    await expectFresh(sent);
    expect(removed(sent, note)).toBe(true);
    const back = await scenario(() => fs.renameSync(abs('.trash/ai-ethics-boards.md'), abs(note)));
    await expectFresh(back);
    expect(graph().hasNode(note)).toBe(true);
    // A whole folder to the trash, and back.
    const folder = await scenario(() => fs.renameSync(abs('journal/2019'), abs('.trash/2019')));
    await expectFresh(folder);
    expect(removed(folder, 'journal/2019/12-year-in-review.md')).toBe(true);
    const restored = await scenario(() => fs.renameSync(abs('.trash/2019'), abs('journal/2019')));
    await expectFresh(restored);
    const edit = await scenario(() => fs.appendFileSync(abs('journal/2019/12-year-in-review.md'), '\nRestored: [[Zero trust]].\n'));
    await expectFresh(edit);
    expect(edit.length).toBe(1);
  });

  it("editors' swap, backup, probe and lock files are no notes and start no build", async () => {
    const sent = await scenario(async () => {
      fs.writeFileSync(abs('index.md~'), 'backup');
      for (let i = 0; i < 3; i++) {
        fs.writeFileSync(abs('.index.md.swp'), `swap ${i}`);
        await sleep(100);
      }
      fs.writeFileSync(abs('journal/4913'), '');
      fs.rmSync(abs('journal/4913'));
      fs.symlinkSync('root@host.1234:1700000000', abs('.#index.md')); // emacs' lock link, dangling
      fs.writeFileSync(abs('#index.md#'), 'emacs autosave');
      fs.writeFileSync(abs('.obsidian/workspace.json'), '{"main":{}}');
    });
    expect(sent).toEqual([]);
    await expectFresh(sent);
    expect([...graph().nodes()].filter((k) => /swp|~|4913|#/.test(k))).toEqual([]);
    const cleaned = await scenario(() => {
      for (const f of ['index.md~', '.index.md.swp', '.#index.md', '#index.md#']) fs.rmSync(abs(f));
    });
    expect(cleaned).toEqual([]);
  });
});

interface ChildLine {
  seq: number;
  notes: number;
  errors: string[];
  removed: string[];
  title: string | null;
}

// Root reads anything: the session runs as `nobody` (setpriv) in a process of its own (live-child.ts).
describe.skipIf(!CAN_DROP_PERMISSIONS)('a note unreadable for a moment', () => {
  it('keeps its last good version with an error on the status line, and recovers once readable', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-live-unreadable-')));
    const child = { kill: (): void => undefined };
    try {
      fs.chmodSync(dir, 0o777);
      const root = path.join(dir, 'vault');
      fs.mkdirSync(root, { mode: 0o777 });
      fs.chmodSync(root, 0o777);
      fs.writeFileSync(path.join(root, 'a.md'), '# Alpha\n\nSee [[b]].\n');
      fs.writeFileSync(path.join(root, 'b.md'), '# Bravo\n');
      const command = nodeTsx(path.join(ROOT, 'test/unit/serve/live-child.ts'));
      const asUser = process.getuid?.() === 0 ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
      const proc = spawn(asUser[0], [...asUser.slice(1), root, path.join(dir, 'cache.json'), 'a.md'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
      child.kill = () => void proc.kill();
      const lines: string[] = [];
      createInterface({ input: proc.stdout }).on('line', (line) => lines.push(line));
      await expect.poll(() => lines.includes('ready'), { timeout: 30_000 }).toBe(true);
      const seen = (): ChildLine[] => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as ChildLine);

      // A sync client writes the new text before it sets the file's mode.
      fs.chmodSync(path.join(root, 'a.md'), 0o000);
      fs.writeFileSync(path.join(root, 'a.md'), '# Alpha two\n\nSee [[b]].\n');
      await expect.poll(() => seen().find((m) => m.errors.some((e) => e.startsWith('a.md: '))), { timeout: 20_000 }).toBeTruthy();
      const failing = seen().find((m) => m.errors.length > 0)!;
      expect(failing.errors[0]).toMatch(/^a\.md: .*EACCES/);
      expect(failing.title).toBe('Alpha');

      fs.chmodSync(path.join(root, 'a.md'), 0o644);
      await expect.poll(() => seen().at(-1), { timeout: 20_000 }).toMatchObject({ errors: [], title: 'Alpha two' });
      expect(seen().some((m) => m.removed.includes('a.md'))).toBe(false);

      // Unreadable, then readable again with the same text: no note changed, but the page's error line must go.
      const count = seen().length;
      fs.chmodSync(path.join(root, 'a.md'), 0o000);
      fs.writeFileSync(path.join(root, 'a.md'), '# Alpha two\n\nSee [[b]].\n');
      await expect.poll(() => seen().slice(count).find((m) => m.errors.length > 0), { timeout: 20_000 }).toBeTruthy();
      fs.chmodSync(path.join(root, 'a.md'), 0o644);
      await expect.poll(() => seen().at(-1), { timeout: 20_000 }).toMatchObject({ errors: [], title: 'Alpha two' });
      expect(seen().at(-1)!.notes).toBeGreaterThan(0);
      proc.stdin.end();
      await new Promise((resolve) => proc.on('exit', resolve));
    } finally {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
