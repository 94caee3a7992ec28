/**
 * The bench's floor: the least any build must do on a vault, measured on
 * the same files in the same run. List the note files (joining paths as the
 * scan does), read each one with the pipeline's own reader
 * (src/extract/read.ts: same concurrency, same UTF-8 decoding), and run one
 * wiki-link regex over it. Sharing the pipeline's listing and reader keeps
 * the floor honest: a faster scan or reader in the build must not make the
 * build look cheaper next to a slower floor. Parsing "within 3x of the
 * floor" means the rest of the work costs at most twice what the disk and
 * one regex pass cost.
 */
import { readdir } from 'node:fs/promises';
import { readFiles } from '../../src/extract/read.js';
import { childPath, hasNoteExtension, isSkippedFolder } from '../../src/extract/scan.js';

export interface FloorResult {
  seconds: number;
  files: number;
  /** Characters read (UTF-16 code units: bytes for ASCII notes). */
  bytes: number;
  /** Wiki links the regex found (kept so the pass cannot be optimised away). */
  links: number;
}

/** The same shape of regex the parser uses: `[[`, no brackets or newline, `]]`. */
const WIKI_LINK = /\[\[[^[\]\n]*\]\]/g;

/** Note files under `vault`, by the scan's rules: its skipped folders, its extension test (dot-files kept). */
async function listNotes(vault: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      // Joined as the scan joins (no path.join normalising): the floor lists as fast as the build can.
      const full = childPath(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) await walk(full);
      } else if (entry.isFile() && hasNoteExtension(entry.name, extensions)) out.push(full);
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
  const read = await readFiles(
    files.map((absPath) => ({ path: absPath, absPath })),
    { concurrency },
  );
  for (const { text } of read) {
    if (text === null) continue;
    bytes += text.length;
    WIKI_LINK.lastIndex = 0;
    while (WIKI_LINK.exec(text) !== null) links++;
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, files: files.length, bytes, links };
}
