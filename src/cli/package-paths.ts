/**
 * Where the installed package keeps its parts: the prebuilt browser app
 * (`dist-app/`, made by `npm run build:app`) beside the compiled CLI
 * (`dist-node/`). Found by walking up from this module, so it works from the
 * bundle, from the sources (tests) and from node_modules/notemap.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (holding package.json and dist-app/ when built). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('notemap: package.json not found above ' + fileURLToPath(import.meta.url));
}

/** The prebuilt app's folder; throws with the command that builds it when it is missing. */
export function appDir(): string {
  const dir = path.join(packageRoot(), 'dist-app');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`the prebuilt map app is missing (${dir}): run \`npm run build:app\` in the notemap folder`);
  }
  return dir;
}

declare const NOTEMAP_VERSION: string | undefined;

/**
 * What built the running code, for the incremental cache (a cache from other
 * code is not used): the package version and this module's file time, which
 * changes with every `npm run build:cli`.
 */
export function codeFingerprint(): string {
  const version = typeof NOTEMAP_VERSION === 'string' ? NOTEMAP_VERSION : 'dev';
  return `${version}:${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
}
