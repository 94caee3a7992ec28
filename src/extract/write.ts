/**
 * Stage 7, write: graph.json in graphology's serialized form, byte for byte
 * the same for the same vault (`builtAt` aside), written atomically.
 *
 * Determinism: nodes and edges sorted by key, attributes in a fixed order,
 * coordinates to 2 decimals, other fractions to 6 significant digits. Edges
 * are written without `key` (graphology generates keys on import; the ones
 * it generates itself start from a random byte). One node or edge per line:
 * compact, and a diff of two builds reads line by line.
 *
 * Atomicity: the JSON goes to `<out>.tmp-<pid>`, is flushed to disk, then
 * renamed over `<out>` (a rename within a folder is atomic on POSIX). On any
 * failure the temporary file is removed; `removePendingWrites()` does the
 * same from a signal handler, so a killed build leaves the old file intact
 * and no temporary file behind. SIGKILL cannot be handled: graph.json is
 * still whole (old or new), and the next build removes the orphaned
 * temporary file of a process that no longer exists.
 */
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { NotemapGraph } from './build-graph.js';
import { roundedJson } from './round-json.js';
import { byCodeUnit } from '../core/order.js';

// graph.json's number rule (coordinates to 2 decimals, other fractions to 6 significant digits), applied without a replacer.
const json = roundedJson;

/**
 * The serialized graph, chunk by chunk (joined, they are the file), made as
 * the writer asks for them: at 100,000 notes the whole text is 125 MB, which
 * need never be in memory at once.
 * Same shape as `graph.export()` minus edge keys: `Graph.from(JSON.parse(...))` loads it.
 */
export function* serializeGraphChunks(graph: NotemapGraph): Generator<string> {
  yield `{"options":${json({ type: 'directed', multi: false, allowSelfLoops: false })},\n`;
  yield `"attributes":${json(graph.getAttributes())},\n"nodes":[`;
  // Keys with their attributes as the graph hands them over: no look-up by key per node or edge (at 100,000
  // notes those ~400,000 random look-ups took ~0.2 s). A fresh build gives them in a few sorted runs (a cheap sort).
  const nodes: { key: string; attributes: unknown }[] = [];
  graph.forEachNode((key, attributes) => {
    nodes.push({ key, attributes });
  });
  nodes.sort((a, b) => byCodeUnit(a.key, b.key));
  for (let i = 0; i < nodes.length; i++) yield `${i ? ',' : ''}\n${json(nodes[i])}`;
  yield '\n],\n"edges":[';
  const edges: { source: string; target: string; attributes: unknown }[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    edges.push({ source, target, attributes });
  });
  edges.sort((a, b) => byCodeUnit(a.source, b.source) || byCodeUnit(a.target, b.target));
  for (let i = 0; i < edges.length; i++) yield `${i ? ',' : ''}\n${json(edges[i])}`;
  yield '\n]}\n';
}

/** The serialized graph as a list of chunks (serializeGraphChunks, all at once). */
export function serializeGraph(graph: NotemapGraph): string[] {
  return [...serializeGraphChunks(graph)];
}

/** Temporary files being written right now (removed by `removePendingWrites`). */
const pending = new Set<string>();

/** Synchronously removes every temporary file in flight: safe to call from a signal handler. */
export function removePendingWrites(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
    pending.delete(tmp);
  }
}

/** True when a process with this id exists (signal 0 only checks). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `<out>.tmp-<pid>` files left by builds that were killed outright (SIGKILL). */
export function removeStaleTemporaries(file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const prefix = path.basename(file) + '.tmp-';
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    try {
      unlinkSync(path.join(dir, name));
      removed.push(name);
    } catch {
      // Someone else removed it.
    }
  }
  return removed;
}

/** Bytes buffered before each write call (several calls, so a kill can land mid-write and is handled). */
const WRITE_BATCH = 1 << 20;

/**
 * Writes `chunks` to `file` atomically, creating the folder if needed.
 * Returns the number of bytes written.
 */
export async function writeFileAtomic(file: string, chunks: Iterable<string | Uint8Array>): Promise<number> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  removeStaleTemporaries(file);
  const tmp = `${file}.tmp-${process.pid}`;
  pending.add(tmp);
  let bytes = 0;
  try {
    const handle = await open(tmp, 'w');
    try {
      // write() may write less than asked: loop until the whole batch is out.
      const flush = async (text: string | Uint8Array): Promise<void> => {
        const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
        for (let offset = 0; offset < data.length; ) {
          offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
        }
        bytes += data.length;
      };
      let buffer = '';
      for (const chunk of chunks) {
        if (typeof chunk !== 'string') {
          // Bytes (the compact binary): what is buffered goes first, then the bytes as they are.
          if (buffer) await flush(buffer);
          buffer = '';
          await flush(chunk);
          continue;
        }
        buffer += chunk;
        if (buffer.length >= WRITE_BATCH) {
          await flush(buffer);
          buffer = '';
        }
      }
      if (buffer) await flush(buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    pending.delete(tmp);
    return bytes;
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    pending.delete(tmp);
    throw err;
  }
}
