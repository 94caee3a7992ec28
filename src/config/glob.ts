/**
 * Ignore patterns against vault-relative POSIX paths, as `.gitignore` and
 * VS Code write them: `*` and `?` stay inside one path segment, `**` spans
 * segments, `{a,b}` is either, `[abc]` a class. A pattern without a `/`
 * (other than a trailing one) matches a name at any depth (`*.excalidraw.md`,
 * `Templates/`); a trailing `/` matches folders only; `folder/**` matches the
 * folder itself too, so the scan need not enter it.
 */

export type PathMatcher = (relPath: string, isFolder: boolean) => boolean;

function escapeChar(c: string): string {
  return /[.+^${}()|\\]/.test(c) ? '\\' + c : c;
}

/** The regular-expression source of one glob (no anchors). */
function globSource(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, end).split(',').map(globSource).join('|') + ')';
        i = end;
      }
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += '[' + (body.startsWith('!') ? '^' + body.slice(1) : body) + ']';
        i = end;
      }
    } else re += escapeChar(c);
  }
  return re;
}

/** One glob as a matcher. */
export function globMatcher(pattern: string): PathMatcher {
  let glob = pattern.trim().replace(/\\/g, '/');
  const foldersOnly = glob.endsWith('/') && glob.length > 1;
  if (foldersOnly) glob = glob.replace(/\/+$/, '');
  if (glob.startsWith('./')) glob = glob.slice(2);
  // Anchored when a slash remains inside the pattern (or it starts with one).
  const anchored = glob.includes('/');
  glob = glob.replace(/^\/+/, '');
  let source: string;
  if (glob.endsWith('/**')) source = globSource(glob.slice(0, -3)) + '(?:/.*)?';
  else source = globSource(glob);
  const re = new RegExp(anchored ? `^${source}$` : `(?:^|/)${source}$`);
  return (relPath, isFolder) => (!foldersOnly || isFolder) && re.test(relPath);
}

/** Any of `patterns` (empty: nothing is ignored). */
export function anyMatcher(matchers: readonly PathMatcher[]): PathMatcher | undefined {
  if (matchers.length === 0) return undefined;
  return (relPath, isFolder) => matchers.some((m) => m(relPath, isFolder));
}
