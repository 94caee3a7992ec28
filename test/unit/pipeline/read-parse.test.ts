/**
 * The batched read+parse stage of runPipeline (readParseStage) against the
 * two stages run one after the other over all files (readFiles, then
 * parseStage), on the bad-input vault and a real corpus: the same notes and
 * the same warnings, in the same order, whatever the batch and concurrency.
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

async function bothWays(vault: string, concurrency: number, batch?: number): Promise<void> {
  const scan = await scanVault(vault);
  const separate = parseStage(await readFiles(scan.notes, { concurrency }));
  const together = await readParseStage(scan.notes, { concurrency, batch });
  expect(together.notes).toEqual(separate.notes);
  expect(together.warnings).toEqual(separate.warnings);
  expect(together.parseSeconds).toBeGreaterThan(0);
  expect(together.readSeconds).toBeGreaterThan(0);
}

describe('readParseStage', () => {
  it('gives what readFiles + parseStage give on the bad-input vault (big, unreadable-as-UTF-8, BOM, CRLF, bad YAML)', async () => {
    await bothWays(bad.vault, 3, 2);
    await bothWays(bad.vault, 64);
  });

  it('gives what readFiles + parseStage give on a real vault, in scan order', async () => {
    const scan = await scanVault(KEPANO);
    const together = await readParseStage(scan.notes, { concurrency: 7, batch: 10 });
    expect(together.notes.map((n) => n.path)).toEqual(scan.notes.map((f) => f.path));
    await bothWays(KEPANO, 7, 10);
    await bothWays(KEPANO, 64);
  });
});
