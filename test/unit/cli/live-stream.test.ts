/**
 * The installed CLI's server and the live stream: with a hub, index.html
 * carries the LIVE_META tag and LIVE_SSE_PATH streams every published
 * message; without one, neither (the page then asks for nothing).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIVE_EVENT, LIVE_META, LIVE_SSE_PATH } from '../../../src/core/live.js';
import { startMapServer } from '../../../src/cli/static-server.js';
import { createLiveHub } from '../../../src/serve/live-hub.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notemap-live-stream-'));
const appDir = path.join(tmp, 'app');
fs.mkdirSync(appDir);
fs.writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const options = { appDir, graphPath: path.join(tmp, 'graph.json'), vaultPath: tmp, port: 0, host: '127.0.0.1' };

describe('the CLI server and the live stream', () => {
  it('with a hub: the page says so and the stream carries each message', async () => {
    const hub = createLiveHub();
    const map = await startMapServer({ ...options, live: hub });
    try {
      const page = await (await fetch(map.url)).text();
      expect(page).toContain(`<meta name="${LIVE_META}"`);
      const received = await new Promise<string>((resolve, reject) => {
        http.get(new URL(LIVE_SSE_PATH, map.url), (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
            if (body.includes('\n\n') && !body.includes(`event: ${LIVE_EVENT}`)) hub.publish({ diff: null, notes: 2, seconds: 0.1, errors: [] });
            if (body.includes('"notes":2')) {
              res.destroy();
              resolve(body);
            }
          });
        }).on('error', reject);
      });
      expect(received).toContain(`event: ${LIVE_EVENT}\ndata: {"seq":1,"diff":null,"notes":2`);
    } finally {
      await map.close();
    }
  });

  it('without a hub: no tag, and the stream path is not found', async () => {
    const map = await startMapServer(options);
    try {
      expect(await (await fetch(map.url)).text()).not.toContain(LIVE_META);
      expect((await fetch(new URL(LIVE_SSE_PATH, map.url))).status).toBe(404);
    } finally {
      await map.close();
    }
  });
});
