/**
 * The open-in-editor endpoint's wire contract, shared by the server
 * (src/serve) and the page (src/app): a same-origin POST of `{ "file":
 * "<vault path>" }` carrying the per-server token, which the server writes
 * into the page's index.html (a cross-site page cannot read it or send it).
 */
export const EDITOR_ENDPOINT = '/__notemap/open-in-editor';
/** The request header that carries the token (a custom header: a cross-site form or image cannot send it). */
export const EDITOR_TOKEN_HEADER = 'x-notemap-token';
/** `<meta name="…" content="token">` in the served index.html; absent on a static host (no editor there). */
export const EDITOR_TOKEN_META = 'notemap-editor-token';
