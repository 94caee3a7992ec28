/**
 * Runs a CLI script as a user would, for the CLI tests: `node --import tsx
 * <script>` from the repo root (what `npm run <x>` runs, minus npm and tsx's
 * own launcher process: half the start-up cost).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ScriptRun {
  /** Exit code; null when killed by a signal or never started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The command line that runs `script` (a path from the repo root, or absolute) through tsx. */
export function nodeTsx(script: string): string[] {
  return [process.execPath, '--import', 'tsx', path.resolve(ROOT, script)];
}

/** Runs `command` with `args` in the repo root; `env` is added to this process's environment. Never rejects. */
export function runCommand(command: string[], args: string[] = [], env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(command[0], [...command.slice(1), ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

/** Runs `script` (see nodeTsx) with `args` and extra `env`. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<ScriptRun> {
  return runCommand(nodeTsx(script), args, env);
}

/** setpriv, to run a CLI as `nobody` when the tests run as root (who reads and writes anything). */
const SETPRIV = '/usr/bin/setpriv';
const IS_ROOT = process.getuid?.() === 0;
/** Whether permission tests can run here: not on Windows, and as root only through setpriv. */
export const CAN_DROP_PERMISSIONS = process.platform !== 'win32' && (!IS_ROOT || existsSync(SETPRIV));

/** Runs `script` as an unprivileged user (nobody when root), so file modes apply; HOME is `home`. */
export function runScriptUnprivileged(script: string, args: string[], home: string): Promise<ScriptRun> {
  const command = nodeTsx(script);
  const asUser = IS_ROOT ? [SETPRIV, '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
  return runCommand(asUser, args, { HOME: home });
}
