/**
 * The static site opened straight from disk (file://) in Chromium, which
 * refuses to let such a page load the files beside it: instead of a blank
 * page, the page says how to serve the folder (index.html's file: notice,
 * docs/publishing.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { run as build } from '../../src/cli/cmd-build.js';
import { launchBrowser, openMapAt, saveScreenshot, type Session } from './browser.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-file-url-'));
const site = path.join(tmp, 'my site');
let session: Session;

beforeAll(async () => {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await build(parseCliArgs(['build', path.resolve(__dirname, '../../data/vault'), '--out-dir', site, '--quiet']));
  } finally {
    process.stdout.write = write;
  }
  session = await launchBrowser();
});
afterAll(async () => {
  await session?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the static site from file://', () => {
  it('says how to serve the folder where the browser will not load it from disk', async () => {
    const { page } = await openMapAt(session, pathToFileURL(path.join(site, 'index.html')).href, undefined, false);
    const notice = page.locator('#file-notice');
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    const text = await notice.textContent();
    expect(text).toContain('needs a small web server');
    expect(text).toContain(`python3 -m http.server --directory "${site}/"`);
    await saveScreenshot(page, 'file-url-notice.png');
    await page.close();
  });
});
