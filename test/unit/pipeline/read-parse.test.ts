/**
 * The overlapped read+parse stage of runPipeline (readParseStage) against
 * the two stages run one after the other (readFiles, then parseStage), on
 * the bad-input vault and a real corpus: the same notes and the same
 * warnings, in the same order, whatever the concurrency.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStage, readParseStage } from '../../../src/extract/pipeline.js';
import { readFiles } from '../../../src/extract/read.js';
import { scanVault } from '../../../src/extract/scan.js';
import { makeBadVault, type BadVault } from './bad-vault.js';

const KEPANO = fileURLToPath(new URL('../../../../shared/corpora/kepano-obsidian/', import.meta.url));

let bad: BadVault;
beforeAll(() => {
  bad = makeBadVault();
});
afterAll(() => bad.cleanup());

async function bothWays(vault: string, concurrency: number): Promise<void> {
  const scan = await scanVault(vault);
  const separate = parseStage(await readFiles(scan.notes, { concurrency }));
  const together = await readParseStage(scan.notes, { concurrency });
  expect(together.notes).toEqual(separate.notes);
  expect(together.warnings).toEqual(separate.warnings);
  expect(together.parseSeconds).toBeGreaterThan(0);
}

describe('readParseStage', () => {
  it('gives what readFiles + parseStage give on the bad-input vault (big, unreadable-as-UTF-8, BOM, CRLF, bad YAML)', async () => {
    await bothWays(bad.vault, 3);
    await bothWays(bad.vault, 64);
  });

  it('gives what readFiles + parseStage give on a real vault, in scan order', async () => {
    const scan = await scanVault(KEPANO);
    const together = await readParseStage(scan.notes, { concurrency: 7 });
    expect(together.notes.map((n) => n.path)).toEqual(scan.notes.map((f) => f.path));
    await bothWays(KEPANO, 7);
  });
});
