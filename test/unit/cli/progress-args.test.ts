// The CLI's option parsing and its progress bar, as units.
import { describe, expect, it } from 'vitest';
import { CliUsageError, HELP, parseExtensions, parseGraphArgs } from '../../../src/extract/cli-args.js';
import { createProgress, renderBar } from '../../../src/extract/progress.js';

describe('parseGraphArgs', () => {
  it('has documented defaults', () => {
    expect(parseGraphArgs([])).toEqual({
      vault: 'data/vault', out: 'data/graph.json', quiet: false, extensions: ['.md', '.markdown', '.txt'], builtAt: null, layoutTicks: null, incremental: false, help: false,
    });
  });

  it.each([
    [['notes', '--out', 'x.json', '--quiet'], { vault: 'notes', out: 'x.json', quiet: true }],
    [['--out=x.json', '-q', 'notes'], { vault: 'notes', out: 'x.json', quiet: true }],
    [['--ext', 'md,.TXT, org'], { extensions: ['.md', '.txt', '.org'] }],
    [['--built-at', '2020-01-02T03:04:05Z'], { builtAt: '2020-01-02T03:04:05.000Z' }],
    [['-h'], { help: true }],
    [['--layout-ticks', '0'], { layoutTicks: 0 }],
    [['--', '--odd-vault-name'], { vault: '--odd-vault-name' }],
  ])('%j', (argv, expected) => {
    expect(parseGraphArgs(argv)).toMatchObject(expected);
  });

  it('takes SOURCE_DATE_EPOCH for builtAt', () => {
    expect(parseGraphArgs([], { SOURCE_DATE_EPOCH: '86400' }).builtAt).toBe('1970-01-02T00:00:00.000Z');
  });

  it.each([
    [['--nope'], 'unknown option --nope (see --help)'],
    [['--out'], '--out needs a value'],
    [['--out', '--quiet'], '--out needs a value'],
    [['a', 'b'], 'one vault folder expected, got 2: a b'],
    [['--ext', ','], '--ext needs at least one extension, e.g. --ext md,txt'],
    [['--ext', 'm d'], '--ext: "m d" is not a file extension (letters and digits only)'],
    [['--layout-ticks', '-1'], '--layout-ticks: "-1" is not a whole number from 0 to 100000'],
    [['--built-at', 'soon'], '--built-at: "soon" is not a date (ISO 8601 or epoch seconds)'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseGraphArgs(argv)).toThrow(new CliUsageError(message));
  });

  it('documents every flag in --help', () => {
    for (const flag of ['--out', '--ext', '--built-at', '--layout-ticks', '--quiet', '--help']) expect(HELP).toContain(flag);
    expect(parseExtensions('MD')).toEqual(['.md']);
  });
});

describe('progress', () => {
  it('renders a bar', () => {
    expect(renderBar('parse', 5000, 10000)).toBe(`parse   [${'#'.repeat(15)}${'.'.repeat(15)}] 5,000/10,000`);
  });

  it('draws at most every 100 ms, always the last step, and erases itself', () => {
    const out: string[] = [];
    let t = 0;
    const p = createProgress({ enabled: true, stream: { write: (s: string) => out.push(s) }, now: () => t });
    p.stage('read', 10);
    p.update(1); // too soon: skipped
    t = 150;
    p.update(2);
    p.update(10); // last step: drawn even if soon
    p.done();
    expect(out).toEqual([
      `\r${renderBar('read', 0, 10)}\x1b[K`,
      `\r${renderBar('read', 2, 10)}\x1b[K`,
      `\r${renderBar('read', 10, 10)}\x1b[K`,
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when disabled', () => {
    const out: string[] = [];
    const p = createProgress({ enabled: false, stream: { write: (s: string) => out.push(s) } });
    p.stage('read', 10);
    p.update(10);
    p.done();
    expect(out).toEqual([]);
  });
});
