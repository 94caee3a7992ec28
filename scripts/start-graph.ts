/**
 * Where `npm start` keeps a vault's graph, whether it is stale, and building
 * it through the graph CLI (`scripts/build-graph.ts`), used by start.ts and
 * the e2e setup.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION } from '../src/core/contract.js';
import { isSkippedFolder } from '../src/extract/scan.js';
import { vaultCacheDir } from '../src/serve/cache-dir.js';
import { escapeControl } from '../src/extract/terminal-text.js';

/**
 * The graph file `npm start` keeps for a vault: `graph.json` in the vault's
 * cache folder (vaultCacheDir), outside the Vite root and the vault, so the
 * dev server never serves another vault's cache as a static file.
 */
export function graphCachePath(vault: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(vaultCacheDir(vault, env), 'graph.json');
}

/**
 * Newest modification time (ms) of any file or folder under `dir`, skipping
 * only the folders the scan skips (isSkippedFolder): a dot-file such as
 * `.draft.md` is a note to the scan, so it counts. Folders count too, so a
 * deleted note makes the graph stale. Symlinks are not followed.
 */
export function newestMtime(dir: string): number {
  let newest = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      newest = Math.max(newest, fs.statSync(current).mtimeMs);
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) stack.push(full);
      } else if (entry.isFile()) {
        try {
          newest = Math.max(newest, fs.statSync(full).mtimeMs);
        } catch {
          // vanished while scanning: ignore
        }
      }
    }
  }
  return newest;
}

/** The schemaVersion written near the start of a graph file, or null. */
function graphSchemaVersion(graphPath: string): number | null {
  const fd = fs.openSync(graphPath, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const match = /"schemaVersion"\s*:\s*(\d+)/.exec(buf.subarray(0, n).toString('utf8'));
    return match ? Number(match[1]) : null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Why the graph must be rebuilt, or null when it is up to date: missing,
 * another schema version, or older than the vault or the extraction code.
 */
export function staleReason(graphPath: string, vault: string, sources: string[] = []): string | null {
  let graphMtime: number;
  try {
    graphMtime = fs.statSync(graphPath).mtimeMs;
  } catch {
    return 'missing';
  }
  if (graphSchemaVersion(graphPath) !== SCHEMA_VERSION) return 'schema version changed';
  if (newestMtime(vault) > graphMtime) return 'vault changed';
  for (const source of sources) {
    if (fs.existsSync(source) && newestMtime(source) > graphMtime) return `${path.basename(source)} changed`;
  }
  return null;
}

/** Run the graph CLI for `vault` into `out`; rejects with its stderr tail on failure. */
export function runGraphCli(root: string, vault: string, out: string, quiet = false): Promise<void> {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build-graph.ts'), vault, '--out', out], {
      cwd: root,
      stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!quiet) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run graph -- ${vault} --out ${out} failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join('\n')}`));
    });
  });
}

export interface EnsureGraphOptions {
  root: string;
  vault: string;
  graphPath: string;
  force?: boolean;
}

/** Build the graph when stale (or forced). Resolves true when it was built. */
export async function ensureGraph({ root, vault, graphPath, force = false }: EnsureGraphOptions): Promise<boolean> {
  if (!fs.existsSync(vault) || !fs.statSync(vault).isDirectory()) {
    throw new Error(`vault not found: ${vault} (pass --vault <folder> or set NOTEMAP_VAULT)`);
  }
  const sources = ['scripts/build-graph.ts', 'src/extract', 'src/core'].map((p) => path.join(root, p));
  const reason = force ? 'forced' : staleReason(graphPath, vault, sources);
  if (!reason) return false;
  console.log(escapeControl(`notemap: building the graph of ${vault} (${reason})`));
  await runGraphCli(root, vault, graphPath);
  return true;
}
