/**
 * Bench provider (see bench-hooks.ts): seconds the unlinked-mentions stage
 * adds to a build of the bench's vault. The stages it needs (scan, read,
 * parse, resolve) run first, untimed; then the stage alone, timed, as the
 * pipeline runs it (a second read of the notes and one automaton pass).
 */
import { readParseStage, resolveStage, scanStage } from '../../src/extract/pipeline.js';
import { mentionsStage } from '../../src/extract/mentions-stage.js';
import { DEFAULT_NOTE_EXTENSIONS } from '../../src/extract/scan.js';
import type { BenchContext, BenchExtras } from './bench-hooks.js';

export async function measure(context: BenchContext): Promise<Partial<BenchExtras>> {
  const extensions = DEFAULT_NOTE_EXTENSIONS;
  const scan = await scanStage(context.vault, extensions);
  const { notes } = await readParseStage(scan.notes);
  const { links } = resolveStage(notes, scan, extensions);
  const start = process.hrtime.bigint();
  await mentionsStage(notes, links, scan, extensions);
  return { mentionsSeconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
