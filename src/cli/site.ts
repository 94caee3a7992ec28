/**
 * The static site: the prebuilt app copied as it is, plus the vault's
 * graph.json, all with relative URLs, so the folder works on any static host
 * and from a subfolder (a GitHub Pages project site). Drafts and
 * `publish: false` notes are left out unless asked for (src/extract/publish.ts).
 * The output folder is checked first (src/serve/site-out-dir.ts): never the
 * vault, never a folder holding files notemap did not write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VaultSettings } from '../config/load.js';
import { runPipeline, type PipelineResult } from '../extract/pipeline.js';
import { markSiteOutDir, siteOutDirProblem } from '../serve/site-out-dir.js';
import { isInside } from '../extract/scan.js';
import { CliExit } from './common.js';
import { appDir, packageRoot } from './package-paths.js';

export interface SiteOptions {
  vault: string;
  outDir: string;
  settings: VaultSettings;
  /** Keep drafts (`--drafts` or the configuration's `drafts: true`). */
  drafts: boolean;
  force: boolean;
  builtAt?: string;
}

export interface SiteResult {
  result: PipelineResult;
  /** Notes in the vault left out as drafts. */
  omitted: number;
  files: number;
}

/** The real path of `p`, or of its nearest existing parent joined with the rest. */
function realPathOf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realPathOf(parent), path.basename(p));
  }
}

export async function writeSite(options: SiteOptions): Promise<SiteResult> {
  const out = path.resolve(options.outDir);
  if (isInside(fs.realpathSync(options.vault), realPathOf(out))) {
    throw new CliExit(`--out-dir ${options.outDir} is inside the vault: notemap never writes into your vault; pick a folder outside it`, 2);
  }
  const problem = siteOutDirProblem(out, { vault: options.vault, root: packageRoot(), force: options.force });
  if (problem) throw new CliExit(problem, 2);
  const app = appDir();
  // The graph files (graph.json and the map's compact files beside it) are built in a
  // staging folder first: a failed build leaves the previous site as it was.
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-site-'));
  let result: PipelineResult;
  try {
    result = await runPipeline(options.vault, {
      extensions: options.settings.extensions,
      settings: options.settings,
      omitDrafts: !options.drafts,
      builtAt: options.builtAt,
      out: path.join(staging, 'graph.json'),
    });
    fs.mkdirSync(out, { recursive: true });
    for (const entry of fs.readdirSync(out)) fs.rmSync(path.join(out, entry), { recursive: true, force: true });
    fs.cpSync(app, out, { recursive: true });
    fs.cpSync(staging, out, { recursive: true });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  markSiteOutDir(out);
  return { result, omitted: result.omitted, files: fs.readdirSync(out, { recursive: true }).length };
}
