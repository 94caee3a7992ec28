/**
 * The page's side of open-in-editor: the server that can open files writes
 * its token into index.html (src/core/open-in-editor.ts); a static host does
 * not, and then the page offers no editor button.
 */
import { EDITOR_ENDPOINT, EDITOR_TOKEN_HEADER, EDITOR_TOKEN_META } from '../core/open-in-editor.js';

/** The server's editor token, or null when this server cannot open files. */
export function editorToken(doc: Document = document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${EDITOR_TOKEN_META}"]`)?.content || null;
}

/** Asks the server to open a vault file (vault-relative path) in the user's editor. */
export function openInEditor(file: string, token: string): Promise<Response> {
  return fetch(EDITOR_ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [EDITOR_TOKEN_HEADER]: token },
    body: JSON.stringify({ file }),
  });
}
