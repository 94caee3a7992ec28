/**
 * A one-line progress bar on stderr for long builds. It draws only when
 * enabled (the CLI enables it when stderr is a terminal, the vault has more
 * than PROGRESS_MIN_NOTES notes and --quiet is off), redraws at most every
 * 100 ms, and erases itself when done so the summary line stands alone.
 */

export const PROGRESS_MIN_NOTES = 2000;

export interface Progress {
  /** Starts a stage: its label and how many units it counts. */
  stage(label: string, total: number): void;
  /** Sets the units done in the current stage. */
  update(done: number): void;
  /** Erases the bar. */
  done(): void;
}

export interface ProgressOptions {
  enabled: boolean;
  /** Where to draw; default process.stderr. */
  stream?: { write(text: string): unknown };
  /** Clock in ms; default Date.now (tests pass their own). */
  now?: () => number;
}

const BAR_WIDTH = 30;

/** The bar as text: `parse  [#######.......]  3,412/10,000`. */
export function renderBar(label: string, done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return `${label.padEnd(8)}[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${fmt(done)}/${fmt(total)}`;
}

export function createProgress(options: ProgressOptions): Progress {
  if (!options.enabled) return { stage() {}, update() {}, done() {} };
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  let label = '';
  let total = 0;
  let last = -Infinity;
  let drawn = false;
  const draw = (done: number): void => {
    stream.write(`\r${renderBar(label, done, total)}\x1b[K`);
    drawn = true;
  };
  return {
    stage(newLabel, newTotal) {
      label = newLabel;
      total = newTotal;
      last = now();
      draw(0);
    },
    update(done) {
      const t = now();
      if (t - last < 100 && done < total) return;
      last = t;
      draw(done);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
