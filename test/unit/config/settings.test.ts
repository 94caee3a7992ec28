/**
 * The vault's settings as a user writes them: Obsidian's `.obsidian` files,
 * Foam's `.vscode/settings.json`, notemap's own configuration, and what each
 * changes in the built graph.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFoamSettings } from '../../../src/config/foam.js';
import { globMatcher } from '../../../src/config/glob.js';
import { loadVaultSettings } from '../../../src/config/load.js';
import { ConfigError, loadNotemapConfig } from '../../../src/config/notemap-config.js';
import { readObsidianSettings } from '../../../src/config/obsidian.js';
import { checkVault } from '../../../src/extract/check-vault.js';
import { runPipeline } from '../../../src/extract/pipeline.js';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const OBSIDIAN = path.join(FIXTURES, 'obsidian-vault');
const FOAM = path.join(FIXTURES, 'foam-vault');

const temps: string[] = [];
function tempVault(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-config-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function notePaths(vault: string, options: Parameters<typeof loadVaultSettings>[1] = {}): Promise<string[]> {
  const settings = loadVaultSettings(vault, options);
  const result = await runPipeline(vault, { extensions: settings.extensions, settings, builtAt: '2026-01-01T00:00:00.000Z' });
  return result.graph.filterNodes((_, a) => a.kind === 'note');
}

describe('Obsidian settings', () => {
  it('reads excluded files, the attachment folder and the graph view', () => {
    const s = readObsidianSettings(OBSIDIAN);
    expect(s.found).toBe(true);
    expect(s.warnings).toEqual([]);
    expect(s.ignoreFilters).toEqual(['Templates/', '/\\.excalidraw\\.md$/']);
    expect(s.ignore?.('Templates', true)).toBe(true);
    expect(s.ignore?.('Templates/Daily.md', false)).toBe(true);
    expect(s.ignore?.('Drawing.excalidraw.md', false)).toBe(true);
    expect(s.ignore?.('Home.md', false)).toBe(false);
    expect(s.view).toEqual({
      attachmentFolder: 'attachments',
      colorGroups: [
        { query: 'tag:#project', color: '#e05252' },
        { query: 'path:Archive', color: '#52e052' },
      ],
      showOrphans: true,
      showDangling: false,
      showAttachments: true,
      arrows: true,
      sizeScale: 1.5,
    });
  });

  it('leaves excluded files out of the map and the health check, and puts the view on the graph', async () => {
    expect(await notePaths(OBSIDIAN)).toEqual(['Archive/Gamma.md', 'Home.md', 'Projects/Alpha.md', 'Projects/Beta.md']);
    const settings = loadVaultSettings(OBSIDIAN);
    const result = await runPipeline(OBSIDIAN, { settings });
    expect(result.graph.getAttribute('view')?.colorGroups?.[0]).toEqual({ query: 'tag:#project', color: '#e05252' });
    const check = await checkVault(OBSIDIAN, { settings });
    expect(check.stats.notes).toBe(4);
  });

  it('warns about malformed JSON, naming the file, and keeps the defaults', async () => {
    const vault = tempVault({
      '.obsidian/app.json': '{ "userIgnoreFilters": ["a/"], }',
      '.obsidian/graph.json': '{"colorGroups": [{"query": "tag:#x", "color": {"a": 1, "rgb": 255}}, {"query": "tag:#y"}]}',
      'a/one.md': '# One',
      'two.md': '# Two',
    });
    const s = readObsidianSettings(vault);
    expect(s.warnings).toHaveLength(2);
    expect(s.warnings[0].file).toBe('.obsidian/app.json');
    expect(s.warnings[0].message).toMatch(/malformed JSON.*defaults kept/);
    expect(s.warnings[1]).toEqual({ file: '.obsidian/graph.json', message: 'colorGroups[1] has no query or no color, skipped' });
    expect(s.view.colorGroups).toEqual([{ query: 'tag:#x', color: '#0000ff' }]);
    // The filter in the broken file is not applied: both notes are on the map, and the build warns.
    expect(await notePaths(vault)).toEqual(['a/one.md', 'two.md']);
    const result = await runPipeline(vault, { settings: loadVaultSettings(vault) });
    expect(result.warnings.map((w) => w.file)).toContain('.obsidian/app.json');
  });

  it('a vault without .obsidian has no Obsidian settings', () => {
    const s = readObsidianSettings(tempVault({ 'a.md': 'x' }));
    expect(s).toMatchObject({ found: false, view: {}, warnings: [] });
  });
});

describe('Foam settings', () => {
  it('reads foam.files.ignore from a JSONC settings.json and leaves those files out', async () => {
    const s = readFoamSettings(FOAM);
    expect(s.found).toBe(true);
    expect(s.warnings).toEqual([]);
    expect(s.ignoreGlobs).toEqual(['**/_layouts/**', '**/*.draft.md']);
    expect(await notePaths(FOAM)).toEqual(['index.md', 'notes/first.md', 'notes/second.md']);
  });

  it('warns about malformed settings.json and keeps every file', async () => {
    const vault = tempVault({ '.vscode/settings.json': '{ "foam.files.ignore": [ "x/**" ', 'x/a.md': '# A' });
    const s = readFoamSettings(vault);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatchObject({ file: '.vscode/settings.json' });
    expect(s.warnings[0].message).toMatch(/malformed JSON/);
    expect(await notePaths(vault)).toEqual(['x/a.md']);
  });
});

describe('globs', () => {
  it('match names at any depth, anchored paths, folders and their contents', () => {
    expect(globMatcher('*.excalidraw.md')('a/b/c.excalidraw.md', false)).toBe(true);
    expect(globMatcher('Templates/')('Templates', true)).toBe(true);
    expect(globMatcher('Templates/')('Templates', false)).toBe(false);
    expect(globMatcher('Templates/')('x/Templates', true)).toBe(true);
    expect(globMatcher('/Templates')('x/Templates', true)).toBe(false);
    expect(globMatcher('journal/20??-*.md')('journal/2024-01.md', false)).toBe(true);
    expect(globMatcher('journal/20??-*.md')('journal/sub/2024-01.md', false)).toBe(false);
    expect(globMatcher('**/_site/**')('deep/_site', true)).toBe(true);
    expect(globMatcher('{a,b}/*.md')('b/x.md', false)).toBe(true);
    expect(globMatcher('[!x]*.md')('x.md', false)).toBe(false);
  });
});

describe('notemap configuration', () => {
  it('needs no file', () => {
    const { config, file } = loadNotemapConfig(tempVault({ 'a.md': 'x' }));
    expect(file).toBeNull();
    expect(config.ignore).toEqual([]);
    expect(config.drafts).toBe(false);
  });

  it('names the key at fault', () => {
    const bad = (value: unknown): string => {
      const vault = tempVault({ 'notemap.config.json': JSON.stringify(value) });
      try {
        loadNotemapConfig(vault);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(bad({ ignroe: ['x'] })).toBe('notemap.config.json: unknown key "ignroe" (known keys: ignore, extensions, title, tagColors, dates, linkKeys, drafts)');
    expect(bad({ extensions: 'md' })).toMatch(/^notemap.config.json: "extensions" must be a list/);
    expect(bad({ title: 'h1' })).toMatch(/"title" must be one of "frontmatter-h1-filename"/);
    expect(bad({ tagColors: { project: 'red' } })).toMatch(/"tagColors.project" must be a color/);
    expect(bad({ dates: { modified: ['m'] } })).toMatch(/unknown key "dates.modified"/);
    expect(bad({ drafts: 'yes' })).toMatch(/"drafts" must be true or false/);
    const vault = tempVault({ 'notemap.config.json': '{ "ignore": [' });
    expect(() => loadNotemapConfig(vault)).toThrow(/^notemap.config.json: malformed JSON/);
    expect(() => loadNotemapConfig(vault, path.join(vault, 'nope.json'))).toThrow(/config file not found/);
  });

  it('reads the notemap key of .notemap.json, and --config from anywhere', () => {
    const vault = tempVault({ '.notemap.json': JSON.stringify({ other: 1, notemap: { drafts: true } }), 'elsewhere.json': '{"title": "filename"}' });
    expect(loadNotemapConfig(vault)).toMatchObject({ file: '.notemap.json', config: { drafts: true } });
    expect(loadNotemapConfig(vault, path.join(vault, 'elsewhere.json')).config.title).toBe('filename');
  });

  it('changes what is a note, the titles, the dates, the frontmatter links and the tag colors', async () => {
    const vault = tempVault({
      'notemap.config.json': JSON.stringify({
        ignore: ['private/', '*.tmp.md'],
        extensions: ['md', 'mdx'],
        title: 'filename',
        dates: { created: ['born'], updated: ['modified'] },
        linkKeys: ['up'],
        tagColors: { Project: '#0a0' },
      }),
      'index.mdx': '---\nborn: 2024-01-02\nmodified: 2024-02-03\nup: "[[b]]"\nsee: "[[c]]"\n---\n# A heading, not the title\n',
      'b.md': '# B',
      'c.txt': 'not a note with these extensions',
      'private/secret.md': '# Secret',
      'scratch.tmp.md': '# Scratch',
    });
    const settings = loadVaultSettings(vault, { ignore: ['b.md'] });
    expect(settings.sources).toEqual(['notemap.config.json']);
    expect(settings.view.tagColors).toEqual({ project: '#00aa00' });
    const result = await runPipeline(vault, { extensions: settings.extensions, settings });
    const g = result.graph;
    expect(g.filterNodes((_, a) => a.kind === 'note')).toEqual(['index.mdx']);
    expect(g.getNodeAttributes('index.mdx')).toMatchObject({ title: 'index', created: '2024-01-02', updated: '2024-02-03' });
    // Only `up` holds links; b.md is ignored on the command line, so the link dangles.
    expect(g.outNeighbors('index.mdx').map((k) => g.getNodeAttribute(k, 'title'))).toEqual(['b']);
  });
});
