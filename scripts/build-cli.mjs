// Compiles the `notemap` command (src/cli/notemap.ts) into dist-node/: one ES
// module per command (code splitting), dependencies left to node_modules.
// Plain JavaScript so that `npm ci` (the `prepare` script) runs it without a
// TypeScript loader. Takes well under a second.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outdir = new URL('../dist-node/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { notemap: 'src/cli/notemap.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies bundled in: one file per command loads faster than hundreds of small CommonJS modules.
  mainFields: ['module', 'main'],
  // gray-matter calls require('fs'): bundled CommonJS needs a real require in an ES module.
  banner: { js: "import { createRequire as __notemapRequire } from 'node:module'; const require = __notemapRequire(import.meta.url);" },
  define: { NOTEMAP_VERSION: JSON.stringify(version) },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
