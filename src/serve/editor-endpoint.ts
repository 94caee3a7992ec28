/**
 * The guarded open-in-editor endpoint (EDITOR_ENDPOINT). A request opens a
 * file only when all of these hold:
 * - POST (an <img>, a link or a GET fetch from any site cannot open anything);
 * - Host is a local name or an IP address (DNS rebinding) and Origin is this
 *   server's own origin; Sec-Fetch-Site, when the browser sends it, is
 *   same-origin;
 * - the per-server token, which only the page served here can read, is in
 *   the EDITOR_TOKEN_HEADER header (a cross-site request cannot set it);
 * - the JSON body's `file` names a regular file inside the vault (real path),
 *   and that very path is handed to the editor.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EDITOR_TOKEN_HEADER } from '../core/open-in-editor.js';
import { launchEditor } from './launch-editor.js';
import { resolveVaultFile } from './vault-file.js';

export interface EditorEndpointOptions {
  vaultPath: string;
  /** The per-server secret the page sends back (newEditorToken). */
  token: string;
  /** Host names accepted besides localhost and IP addresses (e.g. Vite's server.allowedHosts). */
  allowedHosts?: readonly string[];
  /** Starts the editor (tests and the CLI may pass their own). Default launchEditor. */
  launch?: (file: string) => Promise<void>;
}

/** A fresh unguessable token for one server run. */
export function newEditorToken(): string {
  return randomBytes(24).toString('base64url');
}

const MAX_BODY_BYTES = 16 * 1024;

function reply(res: ServerResponse, status: number, body: Record<string, string>): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  if (status === 405) res.setHeader('Allow', 'POST');
  res.end(JSON.stringify(body));
}

/** The host name of a Host header without its port and brackets. */
function hostName(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1];
  return host.replace(/:\d+$/, '').toLowerCase();
}

/** True for names only this machine resolves, or addresses (which DNS rebinding cannot produce). */
export function isLocalHost(host: string, allowed: readonly string[] = []): boolean {
  const name = hostName(host);
  return name === 'localhost' || name.endsWith('.localhost') || net.isIP(name) !== 0 || allowed.includes(name);
}

/** Why a request may not use the endpoint, or null when it comes from this server's own page. */
export function editorRequestProblem(req: IncomingMessage, token: string, allowedHosts: readonly string[] = []): string | null {
  if (req.method !== 'POST') return 'method';
  const host = req.headers.host ?? '';
  if (!host || !isLocalHost(host, allowedHosts)) return 'host';
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  if (req.headers.origin !== `${scheme}://${host}`) return 'origin';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return 'origin';
  const sent = Buffer.from(String(req.headers[EDITOR_TOKEN_HEADER] ?? ''));
  const expected = Buffer.from(token);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return 'token';
  return null;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

/** Answers one request to the endpoint (whatever its spelling): refuses, or opens the file. */
export async function handleEditorRequest(req: IncomingMessage, res: ServerResponse, options: EditorEndpointOptions): Promise<void> {
  const problem = editorRequestProblem(req, options.token, options.allowedHosts);
  if (problem === 'method') return reply(res, 405, { error: 'open-in-editor takes a POST from the map page' });
  if (problem) return reply(res, 403, { error: 'open-in-editor answers only the map page served here' });
  const body = await readBody(req);
  let file: unknown;
  try {
    file = body === null ? undefined : (JSON.parse(body) as { file?: unknown }).file;
  } catch {
    file = undefined;
  }
  if (typeof file !== 'string') return reply(res, 400, { error: 'expected a JSON body {"file": "<path in the vault>"}' });
  const full = resolveVaultFile(options.vaultPath, file);
  if (!full) return reply(res, 403, { error: `refusing to open "${file}": not a file inside the vault` });
  try {
    await (options.launch ?? launchEditor)(full);
  } catch (err) {
    return reply(res, 500, { error: err instanceof Error ? err.message : String(err) });
  }
  reply(res, 200, { opened: file });
}
