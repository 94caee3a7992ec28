/** Strings of several lists, each sorted by code unit, as one sorted list (a k-way merge: linear for a few lists). */
export function mergeSorted(lists: readonly (readonly string[])[]): string[] {
  const at = lists.map(() => 0);
  const out: string[] = [];
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      if (at[l] < lists[l].length && (best < 0 || lists[l][at[l]] < lists[best][at[best]])) best = l;
    }
    if (best < 0) return out;
    out.push(lists[best][at[best]++]);
  }
}
