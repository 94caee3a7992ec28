/**
 * Files editors and sync tools leave beside a note for a moment: swap files,
 * backups, write probes, lock links, autosaves and atomic-save temporaries.
 * They are no notes and no attachments: the scan skips them and the live
 * session starts no build for them (a save in vim touches four of them).
 */

/** vim's write probe: "4913", then 123 more each time the name is taken, below 100000 (vim's fileio.c). */
function isVimProbe(name: string): boolean {
  if (!/^\d{4,5}$/.test(name)) return false;
  const n = Number(name);
  return n >= 4913 && (n - 4913) % 123 === 0;
}

/** True for a file name (no folder) that an editor or a sync tool keeps for itself. */
export function isEditorTempFile(name: string): boolean {
  return (
    /^\..+\.sw[a-px]$/.test(name) || // vim swap: .note.md.swp, then .swo ... .swa; .swx is its probe
    name.endsWith('.kate-swp') || // Kate's swap
    name.endsWith('~') || // vim, emacs, gedit backups: note.md~
    isVimProbe(name) ||
    name.startsWith('.#') || // emacs lock link (a dangling symlink): .#note.md
    /^#.+#$/.test(name) || // emacs autosave: #note.md#
    /^\.~lock\..+#$/.test(name) || // LibreOffice lock
    name.startsWith('~$') || // Microsoft Office owner file
    /___jb_(tmp|old)___$/.test(name) || // JetBrains safe write
    name.startsWith('.goutputstream-') || // GNOME (gedit) atomic save
    /^\..+\.tmp$/.test(name) // hidden atomic-save temporaries: .note.md.tmp, .syncthing.note.md.tmp
  );
}
