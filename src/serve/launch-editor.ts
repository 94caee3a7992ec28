/**
 * Opens one file in the user's editor. The path goes to the editor as one
 * argument, exactly as given: no shell, and no `file:line:column` parsing
 * (a launcher that strips `:12` would open another file than the one checked).
 *
 * Editor: $LAUNCH_EDITOR (a command or a script, as Vite's launcher reads
 * it), else $VISUAL, else $EDITOR, else the system's opener.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** The editor's argv (program and leading arguments) for this environment. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const configured = env.LAUNCH_EDITOR || env.VISUAL || env.EDITOR;
  if (configured) {
    // A path to a script may hold spaces; anything else is a command with arguments.
    if (fs.existsSync(configured)) return [configured];
    return configured.trim().split(/\s+/);
  }
  if (platform === 'darwin') return ['open', '-t'];
  if (platform === 'win32') return ['notepad'];
  return ['xdg-open'];
}

/**
 * Starts the editor on `file` (absolute) and resolves once it has started;
 * rejects with a message naming the editor when it cannot be started.
 */
export function launchEditor(file: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const [program, ...args] = editorCommand(env);
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args, file], { stdio: 'ignore', detached: true, shell: false });
    child.once('error', (err) => reject(new Error(`could not start the editor "${program}" (${err.message}); set LAUNCH_EDITOR`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
