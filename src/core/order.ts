/**
 * Plain code-unit order for strings: the same on every machine and locale,
 * unlike localeCompare, so sorted output (graph.json, reports, legends) is
 * byte-identical wherever it is built.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
