/**
 * The bench's floor: the least any build must do on a vault, measured on
 * the same files in the same run. List the note files, read each one with
 * the pipeline's concurrency, and run one wiki-link regex over it. Parsing
 * "within 3x of the floor" means the rest of the work costs at most twice
 * what the disk and one regex pass cost.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface FloorResult {
  seconds: number;
  files: number;
  bytes: number;
  /** Wiki links the regex found (kept so the pass cannot be optimised away). */
  links: number;
}

/** The same shape of regex the parser uses: `[[`, no brackets or newline, `]]`. */
const WIKI_LINK = /\[\[[^[\]\n]*\]\]/g;

/** Note files under `vault` (dot-folders and node_modules skipped, as the scan does). */
async function listNotes(vault: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && extensions.includes(path.extname(entry.name).toLowerCase())) out.push(full);
    }
  };
  await walk(vault);
  return out;
}

/** Lists, reads and regex-scans every note of `vault` with `concurrency` files open at once. */
export async function measureFloor(vault: string, extensions: readonly string[], concurrency: number): Promise<FloorResult> {
  const start = process.hrtime.bigint();
  const files = await listNotes(vault, extensions);
  let bytes = 0;
  let links = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const data = await readFile(files[next++]);
      bytes += data.length;
      const text = data.toString('utf8');
      WIKI_LINK.lastIndex = 0;
      while (WIKI_LINK.exec(text) !== null) links++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, files.length)) }, worker));
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, files: files.length, bytes, links };
}
