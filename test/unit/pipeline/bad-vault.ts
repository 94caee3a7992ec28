// Builds, in a temporary folder, the bad-input vault of issue 2 point 6: the
// committed fixture (malformed YAML, BOM, CRLF, invalid UTF-8, empty file,
// [[../../etc/passwd]]) plus what cannot or should not be committed: a 6 MB
// note, symlinks out of the vault and around a loop, a broken symlink, a
// FIFO, skipped folders (.obsidian, node_modules: git ignores the latter).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/vaults');

export interface BadVault {
  /** The vault folder. */
  vault: string;
  /** A folder beside the vault that symlinks point into. */
  outside: string;
  cleanup(): void;
}

/** Size of the big note: over the 5 MB warning threshold. */
export const BIG_NOTE_BYTES = 6 * 1024 * 1024;

/** `big: false` leaves out the 6 MB note, for tests that build many times. */
export function makeBadVault({ big = true }: { big?: boolean } = {}): BadVault {
  const base = mkdtempSync(path.join(tmpdir(), 'notemap-bad-'));
  const vault = path.join(base, 'bad-input');
  const outside = path.join(base, 'outside');
  cpSync(path.join(FIXTURES, 'bad-input'), vault, { recursive: true });

  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.md'), '# Secret\n\nOutside the vault: [[good]].\n');
  symlinkSync(path.join(outside, 'secret.md'), path.join(vault, 'link-to-outside-file.md'));
  symlinkSync(outside, path.join(vault, 'link-to-outside-dir'));
  // A loop: sub/loop -> .. (the vault itself), and a link to itself.
  symlinkSync('..', path.join(vault, 'sub', 'loop'));
  symlinkSync('self-loop.md', path.join(vault, 'self-loop.md'));
  symlinkSync('does-not-exist.md', path.join(vault, 'broken-link.md'));
  // A second route to a note inside the vault: kept once.
  symlinkSync('good.md', path.join(vault, 'zz-alias-of-good.md'));
  execFileSync('mkfifo', [path.join(vault, 'pipe.md')]);

  mkdirSync(path.join(vault, '.obsidian'));
  writeFileSync(path.join(vault, '.obsidian', 'hidden.md'), '# hidden\n');
  mkdirSync(path.join(vault, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(path.join(vault, 'node_modules', 'pkg', 'readme.md'), '# dependency [[good]]\n');

  // A 6 MB note whose only link sits at its very end.
  if (!big) return { vault, outside, cleanup: () => rmSync(base, { recursive: true, force: true }) };
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n';
  const body = filler.repeat(Math.ceil(BIG_NOTE_BYTES / filler.length));
  writeFileSync(path.join(vault, 'big.md'), `# Big\n\n${body}\nThe end links to [[good]].\n`);

  return { vault, outside, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}
