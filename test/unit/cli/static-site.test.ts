/**
 * `notemap build` publishes safely: no draft (`draft: true`) or
 * `publish: false` note leaks into any file of the site (its title, summary,
 * path, aliases, tags, the targets and attachments only it links), links to
 * it vanish instead of becoming ghosts, and `--drafts` keeps them all. Runs
 * the command from the sources (src/cli) into a temp folder; the app files
 * come from dist-app (built by `npm test` before the tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { run as build } from '../../../src/cli/cmd-build.js';
import { parseCliArgs } from '../../../src/cli/args.js';
import { SITE_MARKER } from '../../../src/serve/site-out-dir.js';

const VAULT = path.resolve(__dirname, '../../fixtures/drafts-vault');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-site-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SECRETS = [
  'Quasar notebook', // draft title
  'Quasar scratchpad', // its alias
  'zeppelinsecret', // its tag
  'Xylophone velociraptor tangerine', // its summary
  'private/quasar', // its path
  'Obsidian mirage', // a dangling target only the draft names
  'quasar-sketch', // an attachment only the draft embeds
  'Marzipan roadmap', // publish: false title and path
  'Kumquat hovercraft', // its summary
];

/** Every file under `dir` (binary included), read as text. */
function allText(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) texts.set(rel, fs.readFileSync(file, 'latin1'));
  }
  return texts;
}

async function buildSite(outDir: string, ...flags: string[]): Promise<void> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await build(parseCliArgs(['build', VAULT, '--out-dir', outDir, '--quiet', ...flags]));
  } finally {
    process.stdout.write = write;
  }
  expect(process.exitCode ?? 0).toBe(0);
}

describe('notemap build', () => {
  it('leaves drafts and publish: false notes out of every file, links to them included', async () => {
    const out = path.join(tmp, 'site');
    await buildSite(out);
    const texts = allText(out);
    expect([...texts.keys()]).toEqual(expect.arrayContaining(['index.html', 'graph.json', 'graph.compact.bin', SITE_MARKER]));
    for (const [file, text] of texts) {
      for (const secret of SECRETS) expect(text.toLowerCase().includes(secret.toLowerCase()), `${secret} in ${file}`).toBe(false);
    }
    const graph = Graph.from(JSON.parse(texts.get('graph.json')!));
    expect(graph.nodes().sort()).toEqual(['Published essay.md', 'index.md']);
    // The links to drafts vanished: no ghost, and both public notes link each other only.
    expect(graph.filterNodes((_, a) => a.kind === 'dangling')).toEqual([]);
    expect(graph.size).toBe(2);
  });

  it('--drafts keeps them (so the check above can fail)', async () => {
    const out = path.join(tmp, 'with-drafts');
    await buildSite(out, '--drafts');
    const text = allText(out).get('graph.json')!.toLowerCase();
    for (const secret of SECRETS) expect(text.includes(secret.toLowerCase()), secret).toBe(true);
  });

  it('refuses to write into the vault or a folder of the user\'s files', async () => {
    const mine = path.join(tmp, 'mine');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'thesis.docx'), 'my work');
    const errors: string[] = [];
    const [write, writeOut] = [process.stderr.write, process.stdout.write];
    process.stderr.write = ((chunk: string) => (errors.push(String(chunk)), true)) as typeof process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await build(parseCliArgs(['build', VAULT, '--out-dir', mine, '--quiet']));
      await build(parseCliArgs(['build', VAULT, '--out-dir', path.join(VAULT, 'site'), '--quiet']));
    } finally {
      [process.stderr.write, process.stdout.write] = [write, writeOut];
      process.exitCode = 0;
    }
    expect(errors.join('')).toMatch(/holds files notemap did not write \(thesis.docx\)/);
    expect(errors.join('')).toMatch(/is inside the vault: notemap never writes into your vault/);
    expect(fs.readFileSync(path.join(mine, 'thesis.docx'), 'utf8')).toBe('my work');
    expect(fs.existsSync(path.join(VAULT, 'site'))).toBe(false);
  });
});
